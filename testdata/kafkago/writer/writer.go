// Package writer sends with (*kafka.Writer).WriteMessages in the ways // want package:"usesClients"
// services do.
package writer

import (
	"bytes"
	"context"
	"encoding/json"
	"os"

	"github.com/segmentio/kafka-go"

	"example.com/testdata/kafkago/topics"
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

// Topic on the writer, set in a composite literal, payload from Marshal.
func topicOnWriter(ctx context.Context, o Order) error {
	w := &kafka.Writer{Addr: kafka.TCP("kafka-1:9092"), Topic: topics.Orders}
	b, err := json.Marshal(o)
	if err != nil {
		return err
	}
	return w.WriteMessages(ctx, kafka.Message{Value: b}) // want `kafka send "shop.orders.v1" payload=Order\(application/json\) broker=kafka-1:9092`
}

// Topic on each message: one operation per topic.
func topicOnMessage(ctx context.Context, w *kafka.Writer, o Order, r Refund) error {
	ob, _ := json.Marshal(o)
	rb, _ := json.Marshal(&r)
	return w.WriteMessages(ctx, // want `kafka send "orders.created" payload=Order\(application/json\)` `kafka send "refunds" payload=Refund\(application/json\)`
		kafka.Message{Topic: "orders.created", Value: ob},
		kafka.Message{Topic: "refunds", Value: rb},
	)
}

// NewWriter with a WriterConfig, payload through a json.Encoder, and a
// key that is marshalled too.
func encoder(ctx context.Context, o Order) error {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: []string{"kafka-1:9092", "kafka-2:9092"}, Topic: topics.Payments})
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(o); err != nil {
		return err
	}
	key, _ := json.Marshal(o.ID)
	msg := kafka.Message{Key: key, Value: buf.Bytes()}
	return w.WriteMessages(ctx, msg) // want `kafka send "shop.payments.v1" payload=Order\(application/json\) key=string\(application/json\) broker=kafka-1:9092,kafka-2:9092`
}

// encode is a helper between the marshal call and the write.
func encode(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

var refunds = &kafka.Writer{Topic: "refunds"}

// A helper function and a package-level writer.
func helper(ctx context.Context, r Refund) error {
	return refunds.WriteMessages(ctx, kafka.Message{Key: []byte(r.OrderID), Value: encode(r)}) // want `kafka send "refunds" payload=Refund\(application/json\) key=string`
}

// Raw bytes and strings without a typed origin.
func raw(ctx context.Context, w *kafka.Writer, data []byte) error { // want raw:`wraps\(segmentio/kafka-go send raw payload=\$2\)`
	w2 := &kafka.Writer{Topic: "raw"}
	_ = w2.WriteMessages(ctx, kafka.Message{Value: []byte("ping")}) // want `kafka send "raw" payload=string`
	return w2.WriteMessages(ctx, kafka.Message{Value: data})        // want `kafka send "raw" payload=\[\]byte`
}

// A topic only known at run time is reported.
func dynamic(ctx context.Context, o Order) error {
	w := &kafka.Writer{Topic: os.Getenv("DLQ_TOPIC")}
	return w.WriteMessages(ctx, kafka.Message{Value: encode(o)}) // want `cannot resolve the channel address of \(\*kafka.Writer\).WriteMessages: os.Getenv\("DLQ_TOPIC"\)` `kafka send <dynamic> payload=Order\(application/json\)`
}
