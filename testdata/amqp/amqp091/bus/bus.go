// Package bus wraps amqp091-go the way services do: a publisher that // want package:"usesClients"
// keeps its channel and exchange, and a consumer that hands each
// delivery to a handler function.
package bus

import (
	"context"
	"encoding/json"

	amqp "github.com/rabbitmq/amqp091-go"
)

// Publisher publishes JSON events to one exchange.
type Publisher struct {
	ch       *amqp.Channel
	exchange string
}

// NewPublisher returns a Publisher for exchange.
func NewPublisher(ch *amqp.Channel, exchange string) *Publisher { // want NewPublisher:`constructor\(.* exchange=\{\$1\}\)`
	return &Publisher{ch: ch, exchange: exchange}
}

// Publish encodes v and publishes it, persistent, with key.
func (p *Publisher) Publish(ctx context.Context, key string, v any) error { // want Publish:`wraps\(rabbitmq/amqp091-go send \{\$2\} payload=\$3 deliveryMode=2 exchange=\{\$0.exchange\} mandatory=false\)`
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return p.ch.PublishWithContext(ctx, p.exchange, key, false, false, amqp.Publishing{
		ContentType:  "application/json",
		DeliveryMode: amqp.Persistent,
		Body:         b,
	})
}

// Consume reads queue and hands every delivery to handle.
func Consume(ch *amqp.Channel, queue string, handle func(amqp.Delivery) error) error { // want Consume:`wraps\(rabbitmq/amqp091-go receive \{\$1\} payload=\$2\(arg0\)\.Body queue=\{\$1\}\)`
	deliveries, err := ch.Consume(queue, "", false, false, false, false, nil)
	if err != nil {
		return err
	}
	for d := range deliveries {
		if err := handle(d); err != nil {
			_ = d.Nack(false, true)
			continue
		}
		_ = d.Ack(false)
	}
	return nil
}
