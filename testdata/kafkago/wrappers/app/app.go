// Package app uses the bus wrappers: every call with constant arguments // want package:"usesClients"
// is an operation of its own.
package app

import (
	"context"

	"example.com/testdata/kafkago/wrappers/bus"
)

// OrderPlaced is an event.
type OrderPlaced struct {
	ID string `json:"id"`
}

// Shipped is an event.
type Shipped struct {
	ID string `json:"id"`
}

const ordersTopic = "orders"

func run(ctx context.Context) {
	orders := bus.NewPublisher(ordersTopic)
	_ = orders.Publish(ctx, OrderPlaced{ID: "1"}) // want `kafka send "orders" via=\(\*bus.Publisher\).Publish payload=OrderPlaced\(application/json\) broker=kafka:9092`
	_ = orders.Publish(ctx, &Shipped{ID: "1"})    // want `kafka send "orders" via=\(\*bus.Publisher\).Publish payload=Shipped\(application/json\) broker=kafka:9092`

	_ = bus.Send(ctx, "shipments", Shipped{}) // want `kafka send "shipments" via=bus.Send payload=Shipped\(application/json\)`

	_ = bus.Consume(ctx, "orders", "billing", func(o OrderPlaced) error { return nil }) // want `kafka receive "orders" via=bus.Consume payload=OrderPlaced\(application/json\) groupId=billing`
}

// publisher is what Service needs; bus.Publisher is one.
type publisher interface {
	Publish(ctx context.Context, v any) error
}

// Service places orders.
type Service struct {
	pub publisher
}

// PlaceOrder places an order and announces it.
func (s *Service) PlaceOrder(ctx context.Context) error { // want PlaceOrder:`wraps\(invoke Publish on \$0.pub\)`
	return s.pub.Publish(ctx, OrderPlaced{})
}

func wire(ctx context.Context) {
	svc := &Service{pub: bus.NewPublisher("placed")}
	_ = svc.PlaceOrder(ctx) // want `kafka send "placed" via=\(\*app.Service\).PlaceOrder via=\(\*bus.Publisher\).Publish payload=OrderPlaced\(application/json\) broker=kafka:9092`
}
