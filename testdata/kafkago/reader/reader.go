// Package reader receives with (*kafka.Reader).ReadMessage and // want package:"usesClients"
// FetchMessage.
package reader

import (
	"context"
	"encoding/json"

	"github.com/segmentio/kafka-go"

	"example.com/testdata/kafkago/topics"
)

// Payment is the result of charging an order.
type Payment struct {
	OrderID string `json:"order_id"`
	OK      bool   `json:"ok"`
}

// A consumer group reading one topic, payload decoded in place.
func group(ctx context.Context) error {
	r := kafka.NewReader(kafka.ReaderConfig{
		Brokers: []string{"kafka-1:9092"},
		GroupID: "billing",
		Topic:   topics.Payments,
	})
	defer r.Close()
	for {
		m, err := r.ReadMessage(ctx) // want `kafka receive "shop.payments.v1" payload=Payment\(application/json\) broker=kafka-1:9092 groupId=billing`
		if err != nil {
			return err
		}
		var p Payment
		if err := json.Unmarshal(m.Value, &p); err != nil {
			return err
		}
	}
}

// A reader without a group, the message handed to a helper.
func noGroup(ctx context.Context) error {
	r := kafka.NewReader(kafka.ReaderConfig{Brokers: topics.Brokers, Topic: "audit." + topics.Region})
	m, err := r.FetchMessage(ctx) // want `kafka receive "audit.{region}" {region}=package variable topics.Region payload=Payment\(application/json\) key=string broker=kafka-1:9092,kafka-2:9092`
	if err != nil {
		return err
	}
	return handle(m)
}

func handle(m kafka.Message) error {
	var p Payment
	_ = string(m.Key)
	return json.Unmarshal(m.Value, &p)
}

// A group reading several topics: one operation each.
func groupTopics(ctx context.Context) {
	r := kafka.NewReader(kafka.ReaderConfig{GroupID: "audit", GroupTopics: []string{"a", "b"}})
	m, _ := r.ReadMessage(ctx) // want `kafka receive "a" payload=\[\]byte groupId=audit` `kafka receive "b" payload=\[\]byte groupId=audit`
	_ = m
}

// A reader in a goroutine.
func inGoroutine(ctx context.Context, topic string) { // want inGoroutine:`wraps\(segmentio/kafka-go receive \{\$1\} payload=string\)`
	r := kafka.NewReader(kafka.ReaderConfig{Topic: topic})
	go func() {
		for {
			m, err := r.ReadMessage(ctx) // want `cannot resolve the channel address of \(\*kafka.Reader\).ReadMessage: parameter topic of reader.inGoroutine` `kafka receive <dynamic> payload=string`
			if err != nil {
				return
			}
			println(string(m.Value))
		}
	}()
}

// Refund is decoded from the refunds topic.
type Refund struct {
	OrderID string `json:"order_id"`
}

// A switch on the topic picks the payload type: one message per topic.
func switchOnTopic(ctx context.Context) error {
	r := kafka.NewReader(kafka.ReaderConfig{GroupID: "ledger", GroupTopics: []string{"payments", "refunds"}})
	m, err := r.ReadMessage(ctx) // want `kafka receive "payments" payload=Payment\(application/json\) groupId=ledger` `kafka receive "refunds" payload=Refund\(application/json\) groupId=ledger`
	if err != nil {
		return err
	}
	switch m.Topic {
	case "payments":
		var p Payment
		return json.Unmarshal(m.Value, &p)
	case "refunds":
		var rf Refund
		return json.Unmarshal(m.Value, &rf)
	}
	return nil
}
