// Package streadway publishes and consumes with github.com/streadway/amqp,
// amqp091-go's predecessor.
package streadway

import (
	"encoding/json"

	"github.com/streadway/amqp"
)

// Payment is made.
type Payment struct {
	ID     string `json:"id"`
	Amount int    `json:"amount"`
}

// Refund is made.
type Refund struct {
	PaymentID string `json:"payment_id"`
}

func declare(ch *amqp.Channel) error {
	if err := ch.ExchangeDeclare("payments", "direct", true, false, false, false, nil); err != nil {
		return err
	}
	if _, err := ch.QueueDeclare("ledger", true, false, false, false, nil); err != nil {
		return err
	}
	return ch.QueueBind("ledger", "payment.made", "payments", false, nil)
}

func publish(ch *amqp.Channel, p Payment) error {
	b, _ := json.Marshal(p)
	return ch.Publish("payments", "payment.made", false, false, amqp.Publishing{ // want `amqp send "payment.made" payload=Payment\(application/json\) deliveryMode=2 exchange=payments mandatory=false priority=1`
		ContentType:     "application/json",
		ContentEncoding: "utf-8",
		Type:            "payment.made",
		DeliveryMode:    amqp.Persistent,
		Priority:        1,
		Body:            b,
	})
}

func consume(ch *amqp.Channel) error {
	q, err := ch.QueueDeclare("ledger", true, false, false, false, nil)
	if err != nil {
		return err
	}
	deliveries, err := ch.Consume(q.Name, "ledger", false, false, false, false, nil) // want `amqp receive "ledger" payload=Payment\(application/json\) queue=ledger`
	if err != nil {
		return err
	}
	for d := range deliveries {
		var p Payment
		if json.Unmarshal(d.Body, &p) == nil {
			_ = d.Ack(false)
		}
	}
	return nil
}

func get(ch *amqp.Channel) {
	d, ok, _ := ch.Get("refunds.done", true) // want `amqp receive "refunds.done" payload=Refund\(application/json\) queue=refunds.done`
	if !ok {
		return
	}
	var r Refund
	_ = json.Unmarshal(d.Body, &r)
}

// The default exchange, to the queue named by the key.
func refund(ch *amqp.Channel, r Refund) error {
	// A consumer of queue "refunds" would be a second channel of the
	// same address (kind queue), not this one.
	b, _ := json.Marshal(r)
	return ch.Publish("", "refunds", false, false, amqp.Publishing{Body: b}) // want `amqp send "refunds" payload=Refund\(application/json\) exchange= mandatory=false`
}
