// Package autopaho publishes and subscribes with autopaho's
// ConnectionManager.
package autopaho

import (
	"context"
	"encoding/json"
	"net/url"

	"github.com/eclipse/paho.golang/autopaho"
	"github.com/eclipse/paho.golang/paho"
)

// Reading is a sensor reading.
type Reading struct {
	Value float64 `json:"value"`
}

// Command is a device command.
type Command struct {
	Name string `json:"name"`
}

// Presence is what a device says of itself.
type Presence struct {
	Online bool `json:"online"`
}

func onCommand(pr paho.PublishReceived) (bool, error) {
	var c Command
	return true, json.Unmarshal(pr.Packet.Payload, &c)
}

func run(ctx context.Context) error {
	u, err := url.Parse("mqtt://mqtt5.example.com:1883")
	if err != nil {
		return err
	}
	cfg := autopaho.ClientConfig{
		ServerUrls: []*url.URL{u},
		KeepAlive:  20,
		ClientConfig: paho.ClientConfig{
			ClientID:          "edge",
			OnPublishReceived: []func(paho.PublishReceived) (bool, error){onCommand},
		},
	}
	gone, _ := json.Marshal(Presence{Online: false})
	cfg.SetWillMessage("presence/edge", gone, 1, true) // want `mqtt send "presence/edge" payload=Presence\(application/json\) qos=1 retain=true`

	// The broker is the URL url.Parse made, which the tables name as
	// argument 0 of net/url.Parse but the analysis does not follow
	// through url.Parse's two results yet: the server has no host.
	cm, err := autopaho.NewConnection(ctx, cfg)
	if err != nil {
		return err
	}
	if err := cm.AwaitConnection(ctx); err != nil {
		return err
	}

	b, _ := json.Marshal(Reading{Value: 3})
	_, err = cm.Publish(ctx, &paho.Publish{Topic: "sensors/edge/temperature", QoS: 1, Retain: true, Payload: b}) // want `mqtt send "sensors/edge/temperature" payload=Reading\(application/json\) broker=mqtt://mqtt5\.example\.com:1883 qos=1 retain=true`
	if err != nil {
		return err
	}
	here, _ := json.Marshal(Presence{Online: true})
	err = cm.PublishViaQueue(ctx, &autopaho.QueuePublish{Publish: &paho.Publish{Topic: "presence/edge", QoS: 1, Retain: true, Payload: here}}) // want `mqtt send "presence/edge" payload=Presence\(application/json\) broker=mqtt://mqtt5\.example\.com:1883 qos=1 retain=true`
	if err != nil {
		return err
	}

	// The payload is what onCommand, an element of the config's
	// OnPublishReceived, decodes; elements of a slice of functions are
	// not followed yet.
	_, err = cm.Subscribe(ctx, &paho.Subscribe{Subscriptions: []paho.SubscribeOptions{{Topic: "commands/edge/#", QoS: 1}}}) // want `mqtt receive "commands/edge/#" payload=Command\(application/json\) broker=mqtt://mqtt5\.example\.com:1883 qos=1`
	return err
}

// onUp reads the sensors whenever the connection comes up.
func onUp(ctx context.Context) (*autopaho.ConnectionManager, error) { // want onUp:`constructor\(Broker=mqtt://mqtt5\.example\.com:1883\)`
	u, _ := url.Parse("mqtt://mqtt5.example.com:1883")
	return autopaho.NewConnection(ctx, autopaho.ClientConfig{
		ServerUrls: []*url.URL{u},
		// The usual way: subscribe in the OnConnectionUp callback,
		// whose ConnectionManager the library passes.
		OnConnectionUp: func(cm *autopaho.ConnectionManager, _ *paho.Connack) {
			_, _ = cm.Subscribe(ctx, &paho.Subscribe{Subscriptions: []paho.SubscribeOptions{{Topic: "sensors/+/temperature", QoS: 1}}}) // want `mqtt receive "sensors/\+/temperature" payload=\[\]byte qos=1`
		},
		ClientConfig: paho.ClientConfig{
			OnPublishReceived: []func(paho.PublishReceived) (bool, error){
				func(pr paho.PublishReceived) (bool, error) {
					var r Reading
					return true, json.Unmarshal(pr.Packet.Payload, &r)
				},
			},
		},
	})
}
