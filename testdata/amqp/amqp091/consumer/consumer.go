// Package consumer consumes with amqp091-go the ways services do.
package consumer

import (
	"context"
	"encoding/json"

	amqp "github.com/rabbitmq/amqp091-go"
)

// Order is placed by a customer.
type Order struct {
	ID string `json:"id"`
}

// Invoice is billed.
type Invoice struct {
	Number int `json:"number"`
}

// Job is a task.
type Job struct {
	Name string `json:"name"`
}

// A queue declared and bound to a declared exchange, consumed by the name
// QueueDeclare returns.
func orders(ch *amqp.Channel) error {
	if err := ch.ExchangeDeclare("orders", "topic", true, false, false, false, nil); err != nil {
		return err
	}
	q, err := ch.QueueDeclare("billing.orders", true, false, false, false, nil)
	if err != nil {
		return err
	}
	if err := ch.QueueBind(q.Name, "orders.*", "orders", false, nil); err != nil {
		return err
	}
	deliveries, err := ch.Consume(q.Name, "billing", false, false, false, false, nil) // want `amqp receive "billing.orders" payload=Order\(application/json\) queue=billing.orders`
	if err != nil {
		return err
	}
	for d := range deliveries {
		var o Order
		if err := json.Unmarshal(d.Body, &o); err != nil {
			_ = d.Nack(false, false)
			continue
		}
		_ = d.Ack(false)
	}
	return nil
}

// ConsumeWithContext on a queue named by a constant, declared elsewhere
// in the package; each delivery goes to a handler function.
func invoices(ctx context.Context, ch *amqp.Channel) error {
	deliveries, err := ch.ConsumeWithContext(ctx, "invoices", "", true, false, false, false, nil) // want `amqp receive "invoices" payload=Invoice\(application/json\) queue=invoices`
	if err != nil {
		return err
	}
	for d := range deliveries {
		handleInvoice(d)
	}
	return nil
}

func declareInvoices(ch *amqp.Channel) error {
	if _, err := ch.QueueDeclare("invoices", true, false, false, false, amqp.Table{"x-queue-type": "quorum"}); err != nil {
		return err
	}
	return ch.QueueBind("invoices", "invoice.created", "billing", false, nil)
}

func handleInvoice(d amqp.Delivery) {
	var inv Invoice
	_ = json.Unmarshal(d.Body, &inv)
}

// Get polls a queue.
func poll(ch *amqp.Channel) (*Job, error) {
	d, ok, err := ch.Get("jobs", false) // want `amqp receive "jobs" payload=Job\(application/json\) queue=jobs`
	if err != nil || !ok {
		return nil, err
	}
	var j Job
	if err := json.Unmarshal(d.Body, &j); err != nil {
		return nil, err
	}
	return &j, d.Ack(false)
}
