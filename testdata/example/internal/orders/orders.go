// Package orders is the order service's domain logic.
package orders

import (
	"context"
	"time"

	"example.com/shop/orders/internal/events"
)

// Publisher publishes events; kafkabus.Publisher is one.
type Publisher interface {
	Publish(ctx context.Context, key string, v any) error
}

// Service places and cancels orders.
type Service struct {
	events     Publisher
	fulfilment Publisher
}

// NewService returns a Service publishing order events and fulfilment
// requests.
func NewService(events, fulfilment Publisher) *Service {
	return &Service{events: events, fulfilment: fulfilment}
}

// PlaceOrder records an order and announces it to the shop.
func (s *Service) PlaceOrder(ctx context.Context, customerID string, lines []events.Line) error {
	e := events.OrderPlaced{OrderID: newID(), CustomerID: customerID, Lines: lines, PlacedAt: time.Now()}
	if err := s.events.Publish(ctx, e.OrderID, e); err != nil {
		return err
	}
	return s.fulfilment.Publish(ctx, e.OrderID, events.FulfilmentRequest{OrderID: e.OrderID, Lines: lines})
}

// Cancel cancels an order.
func (s *Service) Cancel(ctx context.Context, orderID, reason string) error {
	return s.events.Publish(ctx, orderID, &events.OrderCancelled{OrderID: orderID, Reason: reason})
}

// HandlePayment marks an order paid when its payment completed.
func (s *Service) HandlePayment(ctx context.Context, p events.PaymentCompleted) error {
	if !p.OK {
		return s.Cancel(ctx, p.OrderID, "payment failed")
	}
	return nil
}

func newID() string { return "00000000-0000-0000-0000-000000000000" }
