// Package app uses the bus wrappers: every call with constant arguments // want package:"usesClients"
// is an operation of its own.
package app

import (
	"encoding/json"

	"example.com/testdata/mqtt/wrappers/bus"
)

// Reading is a sensor reading.
type Reading struct {
	Value float64 `json:"value"`
}

// Command is a device command.
type Command struct {
	Name string `json:"name"`
}

func run() {
	b := bus.New("tcp://mqtt.example.com:1883")
	_ = b.Publish("sensors/kitchen/temperature", Reading{Value: 21}) // want `mqtt send "sensors/kitchen/temperature" via=\(\*bus\.Bus\)\.Publish payload=Reading\(application/json\) broker=tcp://mqtt\.example\.com:1883 qos=1 retain=false`
	_ = b.Publish("devices/lamp/command", &Command{Name: "on"})      // want `mqtt send "devices/lamp/command" via=\(\*bus\.Bus\)\.Publish payload=Command\(application/json\) broker=tcp://mqtt\.example\.com:1883 qos=1 retain=false`

	bus.Subscribe(b, "sensors/+/temperature", func(r Reading) {}) // want `mqtt receive "sensors/\+/temperature" via=bus\.Subscribe payload=Reading\(application/json\) broker=tcp://mqtt\.example\.com:1883 qos=1`
	b.OnRaw("devices/#", func(topic string, payload []byte) {     // want `mqtt receive "devices/#" via=\(\*bus\.Bus\)\.OnRaw payload=Command\(application/json\) broker=tcp://mqtt\.example\.com:1883 qos=0`
		var c Command
		_ = json.Unmarshal(payload, &c)
	})
}
