// Package shopify uses sarama by its old import path.
package shopify

import (
	"context"
	"encoding/json"

	"github.com/Shopify/sarama"
)

// Event is an audit event.
type Event struct {
	Name string `json:"name"`
}

func send(e Event) error {
	p, err := sarama.NewSyncProducer([]string{"kafka:9092"}, nil)
	if err != nil {
		return err
	}
	b, _ := json.Marshal(e)
	_, _, err = p.SendMessage(&sarama.ProducerMessage{Topic: "events", Value: sarama.ByteEncoder(b)}) // want `kafka send "events" payload=Event\(application/json\) broker=kafka:9092`
	return err
}

type handler struct{}

func (handler) Setup(sarama.ConsumerGroupSession) error   { return nil }
func (handler) Cleanup(sarama.ConsumerGroupSession) error { return nil }
func (handler) ConsumeClaim(_ sarama.ConsumerGroupSession, claim sarama.ConsumerGroupClaim) error {
	for m := range claim.Messages() {
		var e Event
		_ = json.Unmarshal(m.Value, &e)
	}
	return nil
}

func consume(ctx context.Context) error {
	g, err := sarama.NewConsumerGroup([]string{"kafka:9092"}, "auditors", nil)
	if err != nil {
		return err
	}
	return g.Consume(ctx, []string{"events"}, handler{}) // want `kafka receive "events" payload=Event\(application/json\) broker=kafka:9092 groupId=auditors`
}
