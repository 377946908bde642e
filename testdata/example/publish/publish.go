// Package publish sends the order events.
package publish

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/segmentio/kafka-go"

	"example.com/shop/orders/events"
	"example.com/shop/orders/topics"
)

// Publisher writes order events to Kafka.
type Publisher struct {
	events *kafka.Writer
	audit  *kafka.Writer
}

// New connects a Publisher to the brokers.
func New() *Publisher {
	return &Publisher{
		events: &kafka.Writer{Addr: kafka.TCP("kafka-0.shop.internal:9092"), Topic: topics.OrderEvents},
		audit:  kafka.NewWriter(kafka.WriterConfig{Brokers: []string{"kafka-0.shop.internal:9092"}, Topic: topics.Audit}),
	}
}

// OrderPlaced announces a new order, keyed by order id.
func (p *Publisher) OrderPlaced(ctx context.Context, e events.OrderPlaced) error {
	w := &kafka.Writer{Addr: kafka.TCP("kafka-0.shop.internal:9092"), Topic: topics.OrderEvents}
	value, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("encode: %w", err)
	}
	return w.WriteMessages(ctx, kafka.Message{Key: []byte(e.OrderID), Value: value})
}

// OrderCancelled announces a cancellation.
func OrderCancelled(ctx context.Context, w *kafka.Writer, e events.OrderCancelled) error {
	return w.WriteMessages(ctx, kafka.Message{Topic: topics.OrderEvents, Key: []byte(e.OrderID), Value: mustJSON(e)})
}

// Audit copies an event to the audit topic.
func Audit(ctx context.Context, e events.OrderPlaced) error {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: []string{"kafka-0.shop.internal:9092"}, Topic: topics.Audit})
	defer w.Close()
	return w.WriteMessages(ctx, kafka.Message{Value: mustJSON(e)})
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}
