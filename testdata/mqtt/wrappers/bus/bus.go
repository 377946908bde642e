// Package bus wraps paho.mqtt.golang the way services do: a publisher // want package:"usesClients"
// that keeps its client in a field, and a subscription helper that
// decodes JSON for a typed callback.
package bus

import (
	"encoding/json"

	mqtt "github.com/eclipse/paho.mqtt.golang"
)

// Bus publishes JSON events.
type Bus struct {
	client mqtt.Client
}

// New connects to broker. (The client is an interface, mqtt.Client:
// constructor facts keep the fields of clients that are structs, so
// the broker is not passed on to the callers of New.)
func New(broker string) *Bus { // want New:`constructor\(client\.Broker=\{\$0\}\)`
	return &Bus{client: mqtt.NewClient(mqtt.NewClientOptions().AddBroker(broker))}
}

// Publish encodes v and publishes it on topic at QoS 1.
func (b *Bus) Publish(topic string, v any) error { // want Publish:`wraps\(eclipse/paho.mqtt.golang send \{\$1\} payload=\$2 broker=\{\$0.client.Broker\} qos=1 retain=false\)`
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	t := b.client.Publish(topic, 1, false, data)
	t.Wait()
	return t.Error()
}

// Subscribe decodes every message on filter into a T for handle.
func Subscribe[T any](b *Bus, filter string, handle func(T)) { // want Subscribe:`wraps\(eclipse/paho.mqtt.golang receive \{\$1\} payload=\$T0 broker=\{\$0.client.Broker\} qos=1\)`
	b.client.Subscribe(filter, 1, func(_ mqtt.Client, m mqtt.Message) {
		var v T
		if err := json.Unmarshal(m.Payload(), &v); err == nil {
			handle(v)
		}
	})
}

// OnRaw hands the payload bytes of every message on filter to handle.
func (b *Bus) OnRaw(filter string, handle func(topic string, payload []byte)) { // want OnRaw:`wraps\(eclipse/paho.mqtt.golang receive \{\$1\} payload=\$2\(arg1\) broker=\{\$0.client.Broker\} qos=0\)`
	b.client.Subscribe(filter, 0, func(_ mqtt.Client, m mqtt.Message) {
		handle(m.Topic(), m.Payload())
	})
}
