// Package bus wraps kafka-go the way services do: a publisher that keeps // want package:"usesClients"
// its writer in a field, generic helpers, and a consumer loop that hands
// decoded messages to a callback.
package bus

import (
	"context"
	"encoding/json"

	"github.com/segmentio/kafka-go"
)

// Publisher writes JSON events to one topic.
type Publisher struct {
	w *kafka.Writer
}

// NewPublisher returns a Publisher for topic.
func NewPublisher(topic string) *Publisher { // want NewPublisher:`constructor\(w.Addr=kafka:9092 w.Topic=\{\$0\}\)`
	return &Publisher{w: &kafka.Writer{Addr: kafka.TCP("kafka:9092"), Topic: topic}}
}

// Publish encodes v and writes it.
func (p *Publisher) Publish(ctx context.Context, v any) error { // want Publish:`wraps\(segmentio/kafka-go send \{\$0.w.Topic\} payload=\$2 broker=\{\$0.w.Addr\}\)`
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return p.w.WriteMessages(ctx, kafka.Message{Value: b})
}

// Send writes v to topic with a shared writer.
func Send[T any](ctx context.Context, topic string, v T) error { // want Send:`wraps\(segmentio/kafka-go send \{\$1\} payload=\$T0\)`
	b, _ := json.Marshal(v)
	w := &kafka.Writer{}
	return w.WriteMessages(ctx, kafka.Message{Topic: topic, Value: b})
}

// Consume reads topic as group and hands every decoded message to handle.
func Consume[T any](ctx context.Context, topic, group string, handle func(T) error) error { // want Consume:`wraps\(segmentio/kafka-go receive \{\$1\} payload=\$T0 groupId=\{\$2\}\)`
	r := kafka.NewReader(kafka.ReaderConfig{Topic: topic, GroupID: group})
	for {
		m, err := r.ReadMessage(ctx)
		if err != nil {
			return err
		}
		var v T
		if err := json.Unmarshal(m.Value, &v); err != nil {
			continue
		}
		if err := handle(v); err != nil {
			return err
		}
	}
}
