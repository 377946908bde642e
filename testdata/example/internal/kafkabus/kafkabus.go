// Package kafkabus is the service's thin layer over segmentio/kafka-go:
// a JSON publisher per topic and a consumer loop.
package kafkabus

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/segmentio/kafka-go"
)

// Publisher writes JSON events to one topic.
type Publisher struct {
	w *kafka.Writer
}

// NewPublisher returns a Publisher for topic.
func NewPublisher(brokers []string, topic string) *Publisher {
	return &Publisher{w: &kafka.Writer{Addr: kafka.TCP(brokers...), Topic: topic}}
}

// Publish writes v as JSON, keyed by key.
func (p *Publisher) Publish(ctx context.Context, key string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode %T: %w", v, err)
	}
	return p.w.WriteMessages(ctx, kafka.Message{Key: []byte(key), Value: b})
}

// Consume reads topic as a member of group and hands every message,
// decoded from JSON, to handle.
func Consume[T any](ctx context.Context, brokers []string, topic, group string, handle func(context.Context, T) error) error {
	r := kafka.NewReader(kafka.ReaderConfig{Brokers: brokers, Topic: topic, GroupID: group})
	defer r.Close()
	for {
		m, err := r.FetchMessage(ctx)
		if err != nil {
			return err
		}
		var v T
		if err := json.Unmarshal(m.Value, &v); err == nil {
			if err := handle(ctx, v); err != nil {
				return err
			}
		}
		if err := r.CommitMessages(ctx, m); err != nil {
			return err
		}
	}
}
