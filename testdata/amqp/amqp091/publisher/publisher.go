// Package publisher publishes with amqp091-go the ways services do.
package publisher

import (
	"context"
	"encoding/json"

	amqp "github.com/rabbitmq/amqp091-go"
)

// Order is placed by a customer.
type Order struct {
	ID    string  `json:"id"`
	Total float64 `json:"total"`
}

// Audit is who did what.
type Audit struct {
	User string `json:"user"`
}

// Trace is a header value.
type Trace struct {
	ID string `json:"id"`
}

const ordersExchange = "orders"

// setup declares the exchanges the publishes below name.
func setup(ch *amqp.Channel) error {
	if err := ch.ExchangeDeclare(ordersExchange, amqp.ExchangeTopic, true, false, false, false, nil); err != nil {
		return err
	}
	return ch.ExchangeDeclare("audit", "fanout", false, true, false, false, nil)
}

// A publish to a declared topic exchange, with properties.
func placed(ctx context.Context, ch *amqp.Channel, o Order) error {
	b, err := json.Marshal(o)
	if err != nil {
		return err
	}
	return ch.PublishWithContext(ctx, ordersExchange, "orders.placed", true, false, amqp.Publishing{ // want `amqp send "orders.placed" payload=Order\(application/json\) deliveryMode=2 exchange=orders expiration=60000 mandatory=true priority=5`
		ContentType:  "application/json",
		DeliveryMode: amqp.Persistent,
		Priority:     5,
		Expiration:   "60000",
		Body:         b,
	})
}

// Publish without a context; headers from a Table literal; message
// contentEncoding and type.
func audited(ch *amqp.Channel, a Audit, t Trace) error {
	b, _ := json.Marshal(a)
	msg := amqp.Publishing{
		Headers:         amqp.Table{"x-trace": t, "x-retries": 3},
		ContentEncoding: "gzip",
		Type:            "audit.recorded",
		UserId:          "guest",
		Body:            b,
	}
	// A fanout exchange ignores the key; "" would make the channel's
	// address "" (see the server-named queue in package app).
	return ch.Publish("audit", "audit", false, false, msg) // want `amqp send "audit" payload=Audit\(application/json\) header\[x-retries\]=int header\[x-trace\]=Trace exchange=audit mandatory=false userId=guest`
}

// The default exchange routes to the queue the key names; replyTo for
// an RPC.
func task(ch *amqp.Channel, o Order) error {
	return ch.Publish("", "tasks", false, false, amqp.Publishing{ // want `amqp send "tasks" payload=Order\(application/json\) deliveryMode=1 exchange= mandatory=false replyTo=rpc.replies`
		DeliveryMode: amqp.Transient,
		ReplyTo:      "rpc.replies",
		Body:         mustJSON(o),
	})
}

// Deferred confirms.
func confirmed(ctx context.Context, ch *amqp.Channel, o Order) error {
	_, err := ch.PublishWithDeferredConfirm(ordersExchange, "orders.confirmed", false, false, amqp.Publishing{Body: mustJSON(o)}) // want `amqp send "orders.confirmed" payload=Order\(application/json\) exchange=orders mandatory=false`
	if err != nil {
		return err
	}
	_, err = ch.PublishWithDeferredConfirmWithContext(ctx, ordersExchange, "orders.shipped", false, false, amqp.Publishing{Body: []byte("shipped")}) // want `amqp send "orders.shipped" payload=string exchange=orders mandatory=false`
	return err
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}
