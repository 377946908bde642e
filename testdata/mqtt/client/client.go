// Package client publishes and subscribes with paho.mqtt.golang directly:
// payloads of every kind, handlers as named functions, method values and
// closures, wildcard filters.
package client

import (
	"bytes"
	"encoding/json"

	mqtt "github.com/eclipse/paho.mqtt.golang"
)

// Reading is a sensor reading.
type Reading struct {
	Sensor string  `json:"sensor"`
	Value  float64 `json:"value"`
}

// Command is a device command.
type Command struct {
	Name string `json:"name"`
}

// Status is a device status.
type Status struct {
	Online bool `json:"online"`
}

// Alert is an alert.
type Alert struct {
	Level string `json:"level"`
}

// Humidity is a humidity reading.
type Humidity struct {
	Percent int `json:"percent"`
}

func onReading(_ mqtt.Client, m mqtt.Message) {
	var r Reading
	_ = json.Unmarshal(m.Payload(), &r)
}

type devices struct{ seen int }

func (d *devices) onCommand(_ mqtt.Client, m mqtt.Message) {
	var cmd Command
	if err := json.Unmarshal(m.Payload(), &cmd); err == nil {
		d.seen++
	}
}

func run() {
	opts := mqtt.NewClientOptions().AddBroker("tcp://mqtt.example.com:1883").SetClientID("sensor-hub").SetCleanSession(true)
	c := mqtt.NewClient(opts)
	c.Connect().Wait()

	b, _ := json.Marshal(Reading{Sensor: "s1"})
	c.Publish("sensors/s1/temperature", 1, false, b) // want `mqtt send "sensors/s1/temperature" payload=Reading\(application/json\) broker=tcp://mqtt.example.com:1883 qos=1 retain=false`
	c.Publish("status/hub", 0, true, "online")       // want `mqtt send "status/hub" payload=string broker=tcp://mqtt.example.com:1883 qos=0 retain=true`
	var buf bytes.Buffer
	_ = json.NewEncoder(&buf).Encode(Alert{Level: "high"})
	c.Publish("alerts", 1, false, buf.Bytes()) // want `mqtt send "alerts" payload=Alert\(application/json\) broker=tcp://mqtt.example.com:1883 qos=1 retain=false`

	c.Subscribe("sensors/+/temperature", 1, onReading) // want `mqtt receive "sensors/\+/temperature" payload=Reading\(application/json\) broker=tcp://mqtt.example.com:1883 qos=1`
	d := &devices{}
	c.Subscribe("devices/#", 2, d.onCommand) // want `mqtt receive "devices/#" payload=Command\(application/json\) broker=tcp://mqtt.example.com:1883 qos=2`
	var last Alert
	c.Subscribe("alerts", 0, func(_ mqtt.Client, m mqtt.Message) { // want `mqtt receive "alerts" payload=Alert\(application/json\) broker=tcp://mqtt.example.com:1883 qos=0`
		_ = json.Unmarshal(m.Payload(), &last)
	})
	var handler mqtt.MessageHandler = func(_ mqtt.Client, m mqtt.Message) {
		var h Humidity
		_ = json.Unmarshal(m.Payload(), &h)
	}
	c.AddRoute("sensors/+/humidity", handler) // want `mqtt receive "sensors/\+/humidity" payload=Humidity\(application/json\) broker=tcp://mqtt.example.com:1883`

	// The filters of SubscribeMultiple are the keys of a map, which
	// the tables cannot select: the channel is not known.
	c.SubscribeMultiple(map[string]byte{"status/a": 0, "status/b": 1}, func(_ mqtt.Client, m mqtt.Message) { // want `mqtt receive "status/a" payload=Status\(application/json\) broker=tcp://mqtt\.example\.com:1883` `mqtt receive "status/b" payload=Status\(application/json\) broker=tcp://mqtt\.example\.com:1883`
		var s Status
		_ = json.Unmarshal(m.Payload(), &s)
	})
}
