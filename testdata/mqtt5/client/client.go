// Package client publishes and subscribes with paho.golang's paho.Client:
// PUBLISH properties, subscriptions with wildcards, messages handled by
// the client's OnPublishReceived callbacks.
package client

import (
	"context"
	"encoding/json"
	"net"

	"github.com/eclipse/paho.golang/paho"
)

// Reading is a sensor reading.
type Reading struct {
	Value float64 `json:"value"`
}

// Request asks a device for its state.
type Request struct {
	Device string `json:"device"`
}

// State is a device state.
type State struct {
	On bool `json:"on"`
}

func onPublish(pr paho.PublishReceived) (bool, error) {
	var r Reading
	return true, json.Unmarshal(pr.Packet.Payload, &r)
}

func run(ctx context.Context) error {
	conn, err := net.Dial("tcp", "mqtt5.example.com:1883")
	if err != nil {
		return err
	}
	c := paho.NewClient(paho.ClientConfig{
		ClientID:          "hub",
		Conn:              conn,
		OnPublishReceived: []func(paho.PublishReceived) (bool, error){onPublish},
	})

	b, _ := json.Marshal(Reading{Value: 1})
	_, err = c.Publish(ctx, &paho.Publish{Topic: "sensors/hub/temperature", QoS: 1, Payload: b}) // want `mqtt send "sensors/hub/temperature" payload=Reading\(application/json\) qos=1`
	if err != nil {
		return err
	}

	req, _ := json.Marshal(Request{Device: "lamp"})
	expiry := uint32(60)
	format := byte(1)
	p := &paho.Publish{
		Topic:   "devices/lamp/get",
		QoS:     2,
		Retain:  false,
		Payload: req,
		Properties: &paho.PublishProperties{
			ContentType:     "application/json",
			ResponseTopic:   "devices/lamp/state",
			CorrelationData: []byte("get-state"),
			MessageExpiry:   &expiry,
			PayloadFormat:   &format,
		},
	}
	_, err = c.PublishWithOptions(ctx, p, paho.PublishOptions{}) // want `mqtt send "devices/lamp/get" payload=Request\(application/json\) messageExpiryInterval=60 qos=2 retain=false`
	if err != nil {
		return err
	}

	// One channel per subscription. Their messages go to onPublish, an
	// element of the config's OnPublishReceived slice, which the
	// analysis does not follow to a function yet: the payload is not
	// known. The settings are the call's, not each subscription's: the
	// QoS of the first is written for both.
	_, err = c.Subscribe(ctx, &paho.Subscribe{ // want `mqtt receive "devices/#" payload=Reading\(application/json\) qos=1` `mqtt receive "sensors/\+/temperature" payload=Reading\(application/json\) qos=1`
		Subscriptions: []paho.SubscribeOptions{
			{Topic: "sensors/+/temperature", QoS: 1},
			{Topic: "devices/#"},
		},
	})
	return err
}
