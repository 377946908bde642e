// Package producer sends with sarama's SyncProducer and AsyncProducer. // want package:"usesClients"
package producer

import (
	"encoding/json"

	"github.com/IBM/sarama"
)

// Order is placed by a customer.
type Order struct {
	ID    string  `json:"id"`
	Total float64 `json:"total"`
}

// Refund returns money.
type Refund struct {
	OrderID string `json:"order_id"`
}

var brokers = []string{"kafka-1:9092", "kafka-2:9092"}

// A sync producer: payload marshalled through a ByteEncoder, key a
// StringEncoder, a header.
func sendOrder(o Order, traceID string) error {
	cfg := sarama.NewConfig()
	cfg.ClientID = "orders-svc"
	p, err := sarama.NewSyncProducer(brokers, cfg)
	if err != nil {
		return err
	}
	b, _ := json.Marshal(o)
	_, _, err = p.SendMessage(&sarama.ProducerMessage{ // want `kafka send "orders" payload=Order\(application/json\) key=string header\[trace-id\]=string broker=kafka-1:9092,kafka-2:9092`
		Topic:   "orders",
		Key:     sarama.StringEncoder(o.ID),
		Value:   sarama.ByteEncoder(b),
		Headers: []sarama.RecordHeader{{Key: []byte("trace-id"), Value: []byte(traceID)}},
	})
	return err
}

// A batch to two topics.
func sendBatch(p sarama.SyncProducer, o Order, r Refund) error {
	ob, _ := json.Marshal(o)
	rb, _ := json.Marshal(&r)
	return p.SendMessages([]*sarama.ProducerMessage{ // want `kafka send "orders" payload=Order\(application/json\)` `kafka send "refunds" payload=Refund\(application/json\)`
		{Topic: "orders", Value: sarama.ByteEncoder(ob)},
		{Topic: "refunds", Value: sarama.ByteEncoder(rb)},
	})
}

// An async producer: messages sent on its Input channel.
func async(o Order) {
	p, err := sarama.NewAsyncProducer([]string{"kafka:9092"}, nil)
	if err != nil {
		return
	}
	b, _ := json.Marshal(o)
	msg := &sarama.ProducerMessage{Topic: "orders.async", Value: sarama.ByteEncoder(b)}
	p.Input() <- msg                                                                          // want `kafka send "orders\.async" payload=Order\(application/json\) broker=kafka:9092`
	p.Input() <- &sarama.ProducerMessage{Topic: "pings", Value: sarama.StringEncoder("ping")} // want `kafka send "pings" payload=string broker=kafka:9092`
}

// orderEncoder is a user type implementing sarama.Encoder.
type orderEncoder struct{ o Order }

func (e orderEncoder) Encode() ([]byte, error) { return json.Marshal(e.o) }
func (e orderEncoder) Length() int             { b, _ := e.Encode(); return len(b) }

func customEncoder(p sarama.SyncProducer, o Order) error {
	_, _, err := p.SendMessage(&sarama.ProducerMessage{Topic: "orders.custom", Value: orderEncoder{o}}) // want `kafka send "orders\.custom" payload=Order\(application/json\)`
	return err
}

// Publish is the service's wrapper: the topic and value are its
// caller's.
func Publish(p sarama.SyncProducer, topic string, v any) error { // want Publish:`wraps\(IBM/sarama send \{\$1\} payload=\$2 broker=\{\$0\.Addrs\} clientId=\{\$0\.ClientID\}\)`
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, _, err = p.SendMessage(&sarama.ProducerMessage{Topic: topic, Value: sarama.ByteEncoder(b)})
	return err
}

func publishers(p sarama.SyncProducer, o Order, r Refund) {
	_ = Publish(p, "orders.placed", o)  // want `kafka send "orders\.placed" via=producer\.Publish payload=Order\(application/json\)`
	_ = Publish(p, "refunds.issued", r) // want `kafka send "refunds\.issued" via=producer\.Publish payload=Refund\(application/json\)`
}

// A producer made from a client.
func fromClient(o Order) error {
	c, err := sarama.NewClient([]string{"kafka-3:9092"}, sarama.NewConfig())
	if err != nil {
		return err
	}
	p, err := sarama.NewSyncProducerFromClient(c)
	if err != nil {
		return err
	}
	_, _, err = p.SendMessage(&sarama.ProducerMessage{Topic: "orders.client", Value: sarama.StringEncoder(o.ID)}) // want `kafka send "orders\.client" payload=string broker=kafka-3:9092`
	return err
}
