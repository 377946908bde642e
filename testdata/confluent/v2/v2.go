// Package v2 produces and consumes with confluent-kafka-go/v2. // want package:"usesClients"
package v2

import (
	"encoding/json"
	"time"

	"github.com/confluentinc/confluent-kafka-go/v2/kafka"
)

// Order is placed by a customer.
type Order struct {
	ID    string  `json:"id"`
	Total float64 `json:"total"`
}

// Payment is the result of charging an order.
type Payment struct {
	OrderID string `json:"order_id"`
	OK      bool   `json:"ok"`
}

// Produce with the topic by pointer, a key and a header.
func produce(o Order) error {
	// Gap: The bootstrap.servers and client.id of the ConfigMap literal
	// are not read: no path element selects a map key.
	p, err := kafka.NewProducer(&kafka.ConfigMap{"bootstrap.servers": "kafka:9092", "client.id": "orders-svc"})
	if err != nil {
		return err
	}
	topic := "orders"
	b, _ := json.Marshal(o)
	return p.Produce(&kafka.Message{ // want `kafka send "orders" payload=Order\(application/json\) key=string header\[trace-id\]=string`
		TopicPartition: kafka.TopicPartition{Topic: &topic, Partition: kafka.PartitionAny},
		Key:            []byte(o.ID),
		Value:          b,
		Headers:        []kafka.Header{{Key: "trace-id", Value: []byte("x")}},
	}, nil)
}

// The produce channel.
func produceChannel(p *kafka.Producer, pay Payment) {
	topic := "payments"
	b, _ := json.Marshal(pay)
	p.ProduceChannel() <- &kafka.Message{TopicPartition: kafka.TopicPartition{Topic: &topic}, Value: b} // want `kafka send "payments" payload=Payment\(application/json\)`
}

// Publish is the service's wrapper.
func Publish(p *kafka.Producer, topic string, v any) error { // want Publish:`wraps\(confluent-kafka-go/v2 send \{\$1\} payload=\$2 broker=\{\$0\.Brokers\} clientId=\{\$0\.ClientID\}\)`
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return p.Produce(&kafka.Message{TopicPartition: kafka.TopicPartition{Topic: &topic, Partition: kafka.PartitionAny}, Value: b}, nil)
}

func publishers(p *kafka.Producer, o Order) {
	_ = Publish(p, "orders.placed", o) // want `kafka send "orders\.placed" via=v2\.Publish payload=Order\(application/json\)`
}

// Subscribe, then ReadMessage in a loop.
func readMessage() error {
	// The subscribe call is the operation; its messages are the results
	// of ReadMessage on the same consumer.
	c, err := kafka.NewConsumer(&kafka.ConfigMap{"bootstrap.servers": "kafka:9092", "group.id": "billing"})
	if err != nil {
		return err
	}
	if err := c.SubscribeTopics([]string{"payments", "payments.retry"}, nil); err != nil { // want `kafka receive "payments" payload=Payment\(application/json\) key=string` `kafka receive "payments\.retry" payload=Payment\(application/json\) key=string`
		return err
	}
	for {
		msg, err := c.ReadMessage(time.Second)
		if err != nil {
			continue
		}
		var p Payment
		_ = json.Unmarshal(msg.Value, &p)
		_ = string(msg.Key)
	}
}

// Poll, with a type switch on the event.
func poll() {
	// Gap: the channel is found, not the payload: no path element
	// selects the *kafka.Message an Event is asserted to.
	c, _ := kafka.NewConsumer(&kafka.ConfigMap{"group.id": "auditors"})
	_ = c.Subscribe("orders", nil) // want `kafka receive "orders" payload=Order\(application/json\) groupId=auditors`
	for {
		switch e := c.Poll(100).(type) {
		case *kafka.Message:
			var o Order
			_ = json.Unmarshal(e.Value, &o)
		case kafka.Error:
			return
		}
	}
}

// The events channel.
func events(c *kafka.Consumer) {
	// Gap: as for Poll, the payload is not found.
	_ = c.Subscribe("orders.events", nil) // want `kafka receive "orders\.events" payload=Order\(application/json\)`
	for ev := range c.Events() {
		if m, ok := ev.(*kafka.Message); ok {
			var o Order
			_ = json.Unmarshal(m.Value, &o)
		}
	}
}
