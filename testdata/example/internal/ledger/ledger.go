// Package ledger books payments and refunds, read together from the
// billing service's topics.
package ledger

import (
	"context"
	"encoding/json"
	"os"

	"github.com/segmentio/kafka-go"

	"example.com/shop/orders/internal/events"
	"example.com/shop/orders/internal/topics"
)

// Run books every payment and refund.
func Run(ctx context.Context) error {
	r := kafka.NewReader(kafka.ReaderConfig{
		Brokers:     topics.Brokers,
		GroupID:     "orders-ledger",
		GroupTopics: []string{topics.Payments, topics.Refunds},
	})
	defer r.Close()
	dlq := &kafka.Writer{Addr: kafka.TCP(topics.Brokers...), Topic: os.Getenv("ORDERS_DLQ_TOPIC")}
	for {
		m, err := r.ReadMessage(ctx)
		if err != nil {
			return err
		}
		switch m.Topic {
		case topics.Payments:
			var p events.PaymentCompleted
			err = json.Unmarshal(m.Value, &p)
		case topics.Refunds:
			var rf events.RefundIssued
			err = json.Unmarshal(m.Value, &rf)
		}
		if err != nil {
			deadLetter(ctx, dlq, m, err)
		}
	}
}

// deadLetter sets a message that could not be booked aside.
func deadLetter(ctx context.Context, dlq *kafka.Writer, m kafka.Message, cause error) {
	b, _ := json.Marshal(events.DeadLetter{Topic: m.Topic, Error: cause.Error(), Offset: m.Offset, Value: m.Value})
	_ = dlq.WriteMessages(ctx, kafka.Message{Value: b})
}
