// Package codecs sends and receives payloads encoded with protobuf,
// protojson and msgpack, and sets typed Kafka headers.
package codecs

import (
	"bytes"
	"context"
	"encoding/json"

	"github.com/segmentio/kafka-go"
	"github.com/vmihailenco/msgpack/v5"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"

	"example.com/testdata/codecs/pb"
)

// Shipment is encoded with msgpack.
type Shipment struct {
	OrderID string `msgpack:"order_id"`
	Carrier string `msgpack:"carrier,omitempty"`
	Secret  string `msgpack:"-"`
}

// Trace is a header value encoded as JSON.
type Trace struct {
	TraceID string `json:"trace_id"`
}

var w = &kafka.Writer{Topic: "orders.pb"}

func sendProto(ctx context.Context, o *pb.OrderCreated) error {
	b, err := proto.Marshal(o)
	if err != nil {
		return err
	}
	return w.WriteMessages(ctx, kafka.Message{Value: b}) // want `kafka send "orders.pb" payload=pb.OrderCreated\(application/x-protobuf\)`
}

func sendProtoJSON(ctx context.Context, o *pb.OrderCreated) error {
	b, _ := protojson.Marshal(o)
	w := &kafka.Writer{Topic: "orders.pbjson"}
	return w.WriteMessages(ctx, kafka.Message{Value: b}) // want `kafka send "orders.pbjson" payload=pb.OrderCreated\(application/json\)`
}

func receiveProto(ctx context.Context) (*pb.OrderCreated, error) {
	r := kafka.NewReader(kafka.ReaderConfig{Topic: "orders.pb", GroupID: "shipping"})
	m, err := r.ReadMessage(ctx) // want `kafka receive "orders.pb" payload=pb.OrderCreated\(application/x-protobuf\) groupId=shipping`
	if err != nil {
		return nil, err
	}
	var o pb.OrderCreated
	return &o, proto.Unmarshal(m.Value, &o)
}

func sendMsgpack(ctx context.Context, s Shipment) error {
	var buf bytes.Buffer
	if err := msgpack.NewEncoder(&buf).Encode(s); err != nil {
		return err
	}
	w := &kafka.Writer{Topic: "shipments"}
	return w.WriteMessages(ctx, kafka.Message{Value: buf.Bytes()}) // want `kafka send "shipments" payload=Shipment\(application/msgpack\)`
}

func receiveMsgpack(ctx context.Context) (Shipment, error) {
	r := kafka.NewReader(kafka.ReaderConfig{Topic: "shipments"})
	m, err := r.ReadMessage(ctx) // want `kafka receive "shipments" payload=Shipment\(application/msgpack\)`
	var s Shipment
	if err == nil {
		err = msgpack.Unmarshal(m.Value, &s)
	}
	return s, err
}

// Headers with constant names: a text value and a JSON one.
func sendWithHeaders(ctx context.Context, s Shipment, t Trace) error {
	tb, _ := json.Marshal(t)
	sb, _ := msgpack.Marshal(&s)
	return w.WriteMessages(ctx, kafka.Message{ // want `kafka send "orders.pb" payload=Shipment\(application/msgpack\) header\[content-version\]=string header\[trace\]=Trace\(application/json\)`
		Value: sb,
		Headers: []kafka.Header{
			{Key: "content-version", Value: []byte("2")},
			{Key: "trace", Value: tb},
		},
	})
}
