// Package router handles messages with a paho.StandardRouter: each
// handler registered for a filter is a receive operation of that filter.
package router

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

// Event is a device event.
type Event struct {
	Kind string `json:"kind"`
}

// Alarm is an alarm.
type Alarm struct {
	Severity int `json:"severity"`
}

func onReading(p *paho.Publish) {
	var r Reading
	_ = json.Unmarshal(p.Payload, &r)
}

type events struct{ n int }

func (e *events) handle(p *paho.Publish) {
	var ev Event
	if json.Unmarshal(p.Payload, &ev) == nil {
		e.n++
	}
}

func run(ctx context.Context, conn net.Conn) {
	r := paho.NewStandardRouter()
	r.RegisterHandler("sensors/+/temperature", onReading) // want `mqtt receive "sensors/\+/temperature" payload=Reading\(application/json\)`
	e := &events{}
	r.RegisterHandler("devices/#", e.handle) // want `mqtt receive "devices/#" payload=Event\(application/json\)`
	var router paho.Router = r
	router.RegisterHandler("alarms", func(p *paho.Publish) { // want `mqtt receive "alarms" payload=Alarm\(application/json\)`
		var a Alarm
		_ = json.Unmarshal(p.Payload, &a)
	})

	c := paho.NewClient(paho.ClientConfig{Conn: conn, Router: r})
	// The subscription the handlers serve is a receive operation of its
	// own: the analysis does not tie a router's handlers to the
	// client's subscriptions.
	_, _ = c.Subscribe(ctx, &paho.Subscribe{Subscriptions: []paho.SubscribeOptions{{Topic: "alarms", QoS: 2}}}) // want `mqtt receive "alarms" payload=\[\]byte qos=2`
}
