// Command lint is the module the golangci-lint plugin test lints: its
// spec.yaml was generated from an older version of this code.
package main

import (
	"context"
	"encoding/json"
	"os"

	"github.com/segmentio/kafka-go"
)

// Order is sent to the orders topic; it gained a field since spec.yaml
// was written, and lost one spec.yaml requires.
type Order struct {
	ID    string `json:"id"`
	Total int64  `json:"total"`
}

// Payment is sent to a topic spec.yaml does not know.
type Payment struct {
	OrderID string `json:"order_id"`
}

func main() {
	ctx := context.Background()
	w := &kafka.Writer{Addr: kafka.TCP("localhost:9092")}
	ob, _ := json.Marshal(Order{ID: "1"})
	_ = w.WriteMessages(ctx, kafka.Message{Topic: "orders", Value: ob}) // want `kafka send on "orders": field "total" of main.Order is not in spec.yaml's schema` `kafka send on "orders": spec.yaml requires field "currency", which main.Order does not have`
	pb, _ := json.Marshal(Payment{OrderID: "1"})
	_ = w.WriteMessages(ctx, kafka.Message{Topic: "payments", Value: pb}) // want `kafka send on "payments" is not in spec.yaml`
	_ = w.WriteMessages(ctx, kafka.Message{Topic: os.Getenv("AUDIT_TOPIC"), Value: ob})
	// The refunds topic was sent to here. // want `spec.yaml lists send on "refunds" \(operation sendRefunds\) here, but the code no longer performs it`
}
