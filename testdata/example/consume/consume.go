// Package consume handles the payments the billing service reports.
package consume

import (
	"context"
	"encoding/json"
	"log"

	"github.com/segmentio/kafka-go"

	"example.com/shop/orders/events"
	"example.com/shop/orders/topics"
)

// Payments reads payment results as the consumer group orders-service.
func Payments(ctx context.Context, handle func(events.PaymentCompleted) error) error {
	r := kafka.NewReader(kafka.ReaderConfig{
		Brokers: topics.Brokers,
		GroupID: "orders-service",
		Topic:   topics.Payments,
	})
	defer r.Close()
	for {
		m, err := r.FetchMessage(ctx)
		if err != nil {
			return err
		}
		var p events.PaymentCompleted
		if err := json.Unmarshal(m.Value, &p); err != nil {
			log.Printf("skipping malformed payment at offset %d: %v", m.Offset, err)
			continue
		}
		if err := handle(p); err != nil {
			return err
		}
		if err := r.CommitMessages(ctx, m); err != nil {
			return err
		}
	}
}
