// Package app uses the bus wrappers. // want package:"usesClients"
package app

import (
	"context"
	"encoding/json"

	amqp "github.com/rabbitmq/amqp091-go"

	"example.com/testdata/amqp/amqp091/bus"
)

// UserCreated is an event.
type UserCreated struct {
	ID string `json:"id"`
}

// Email is sent.
type Email struct {
	To string `json:"to"`
}

func declare(ch *amqp.Channel) error {
	if err := ch.ExchangeDeclare("users", amqp.ExchangeDirect, true, false, false, false, nil); err != nil {
		return err
	}
	if _, err := ch.QueueDeclare("emails", true, false, false, false, nil); err != nil {
		return err
	}
	return ch.QueueBind("emails", "user.created", "users", false, nil)
}

func run(ctx context.Context, ch *amqp.Channel) error {
	users := bus.NewPublisher(ch, "users")
	if err := users.Publish(ctx, "user.created", UserCreated{ID: "1"}); err != nil { // want `amqp send "user.created" via=\(\*bus.Publisher\).Publish payload=UserCreated\(application/json\) deliveryMode=2 exchange=users mandatory=false`
		return err
	}
	return bus.Consume(ch, "emails", func(d amqp.Delivery) error { // want `amqp receive "emails" via=bus.Consume payload=Email\(application/json\) queue=emails`
		var e Email
		return json.Unmarshal(d.Body, &e)
	})
}

// A server-named, exclusive queue bound to a fanout exchange: the broker
// names the queue.
func broadcast(ch *amqp.Channel) error {
	if err := ch.ExchangeDeclare("broadcast", amqp.ExchangeFanout, false, true, false, false, nil); err != nil {
		return err
	}
	q, err := ch.QueueDeclare("", false, true, true, false, nil)
	if err != nil {
		return err
	}
	if err := ch.QueueBind(q.Name, "", "broadcast", false, nil); err != nil {
		return err
	}
	deliveries, err := ch.Consume(q.Name, "", true, true, false, false, nil) // want `cannot resolve the channel address of \(\*amqp091.Channel\).Consume: it is never set where the client is created` `amqp receive <dynamic> payload=UserCreated\(application/json\) queue=`
	if err != nil {
		return err
	}
	for d := range deliveries {
		var u UserCreated
		_ = json.Unmarshal(d.Body, &u)
	}
	return nil
}
