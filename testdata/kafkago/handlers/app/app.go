// Package app registers handlers of every shape. // want package:"usesClients"
package app

import (
	"context"
	"encoding/json"

	"github.com/segmentio/kafka-go"

	"example.com/testdata/kafkago/handlers/billing"
	"example.com/testdata/kafkago/handlers/consumer"
)

// Order is an order.
type Order struct {
	ID string `json:"id"`
}

// Shipment is a shipment.
type Shipment struct {
	ID string `json:"id"`
}

// Audit is an audit record.
type Audit struct {
	ID string `json:"id"`
}

func handleOrder(ctx context.Context, m kafka.Message) error {
	var o Order
	return json.Unmarshal(m.Value, &o)
}

type shipments struct{}

func (shipments) on(ctx context.Context, m kafka.Message) error {
	var s Shipment
	return json.Unmarshal(m.Value, &s)
}

func run(ctx context.Context) {
	_ = consumer.Run(ctx, "orders", "app", handleOrder) // want `kafka receive "orders" via=consumer.Run payload=Order\(application/json\) groupId=app`
	var h shipments
	_ = consumer.Run(ctx, "shipments", "app", h.on)                 // want `kafka receive "shipments" via=consumer.Run payload=Shipment\(application/json\) groupId=app`
	_ = consumer.Run(ctx, "payments", "app", billing.HandlePayment) // want `kafka receive "payments" via=consumer.Run payload=billing.Payment\(application/json\) groupId=app`
	consumer.RunBytes(ctx, "audit", func(b []byte) {                // want `kafka receive "audit" via=consumer.RunBytes payload=Audit\(application/json\)`
		var a Audit
		_ = json.Unmarshal(b, &a)
	})
}
