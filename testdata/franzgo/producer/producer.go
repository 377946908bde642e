// Package producer produces records with franz-go's kgo client. // want package:"usesClients"
package producer

import (
	"context"
	"encoding/json"

	"github.com/twmb/franz-go/pkg/kgo"
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

// A record with its own topic, key and header, produced asynchronously.
func produce(ctx context.Context, o Order) error {
	cl, err := kgo.NewClient(kgo.SeedBrokers("kafka-1:9092", "kafka-2:9092"), kgo.ClientID("orders-svc"))
	if err != nil {
		return err
	}
	b, _ := json.Marshal(o)
	rec := &kgo.Record{
		Topic:   "orders",
		Key:     []byte(o.ID),
		Value:   b,
		Headers: []kgo.RecordHeader{{Key: "trace-id", Value: []byte("x")}},
	}
	cl.Produce(ctx, rec, func(*kgo.Record, error) {}) // want `kafka send "orders" payload=Order\(application/json\) key=string header\[trace-id\]=string broker=kafka-1:9092,kafka-2:9092 clientId=orders-svc`
	return nil
}

// Records without a topic go to the client's default topic.
func defaultTopic(ctx context.Context, r Refund) error {
	cl, err := kgo.NewClient(kgo.SeedBrokers("kafka:9092"), kgo.DefaultProduceTopic("refunds"))
	if err != nil {
		return err
	}
	b, _ := json.Marshal(r)
	return cl.ProduceSync(ctx, &kgo.Record{Value: b}).FirstErr() // want `kafka send "refunds" payload=Refund\(application/json\) broker=kafka:9092`
}

// Several records, one per topic; options kept in a slice.
func several(ctx context.Context, o Order, r Refund) error {
	opts := []kgo.Opt{kgo.SeedBrokers("kafka:9092")}
	cl, err := kgo.NewClient(opts...)
	if err != nil {
		return err
	}
	ob, _ := json.Marshal(o)
	rb, _ := json.Marshal(r)
	return cl.ProduceSync(ctx, // want `kafka send "orders" payload=Order\(application/json\) broker=kafka:9092` `kafka send "refunds" payload=Refund\(application/json\) broker=kafka:9092`
		&kgo.Record{Topic: "orders", Value: ob},
		&kgo.Record{Topic: "refunds", Value: rb},
	).FirstErr()
}

// Records made by the kgo helpers, produced with TryProduce.
func helpers(ctx context.Context, cl *kgo.Client, o Order) { // want helpers:`wraps\(twmb/franz-go send \{\$1\.DefaultTopic\} payload=string broker=\{\$1\.Brokers\} clientId=\{\$1\.ClientID\}\)`
	b, _ := json.Marshal(o)
	rec := kgo.SliceRecord(b)
	rec.Topic = "orders.helpers"
	cl.TryProduce(ctx, rec, nil)                               // want `kafka send "orders\.helpers" payload=Order\(application/json\)`
	cl.TryProduce(ctx, kgo.KeyStringRecord("k", "hello"), nil) // want `cannot resolve the channel address of \(\*kgo\.Client\)\.TryProduce: field DefaultTopic of parameter cl of producer\.helpers \(name it with //asyncapi:channel <address> above the call\)` `kafka send <dynamic> payload=string key=string`
}

// Produce is the service's wrapper: topic and value are its caller's.
func Produce(ctx context.Context, cl *kgo.Client, topic string, v any) error { // want Produce:`wraps\(twmb/franz-go send \{\$2\} payload=\$3 broker=\{\$1\.Brokers\} clientId=\{\$1\.ClientID\}\)`
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return cl.ProduceSync(ctx, &kgo.Record{Topic: topic, Value: b}).FirstErr()
}

func producers(ctx context.Context, cl *kgo.Client, o Order, r Refund) {
	_ = Produce(ctx, cl, "orders.placed", o)  // want `kafka send "orders\.placed" via=producer\.Produce payload=Order\(application/json\)`
	_ = Produce(ctx, cl, "refunds.issued", r) // want `kafka send "refunds\.issued" via=producer\.Produce payload=Refund\(application/json\)`
}
