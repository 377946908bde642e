// Package app registers handlers of other packages.
package app

import (
	mqtt "github.com/eclipse/paho.mqtt.golang"

	"example.com/testdata/mqtt/handlers/telemetry"
)

func run() {
	c := mqtt.NewClient(mqtt.NewClientOptions().AddBroker("tcp://mqtt:1883"))
	// HandleSample decodes m.Payload(), a method's result: the facts a
	// package exports for its handlers cover []byte and string
	// parameters and fields, not methods, so the payload is not known.
	c.Subscribe("telemetry/+", 1, telemetry.HandleSample)                   // want `mqtt receive "telemetry/\+" payload=\[\]byte broker=tcp://mqtt:1883 qos=1`
	c.Subscribe("telemetry/raw/#", 0, func(_ mqtt.Client, m mqtt.Message) { // want `mqtt receive "telemetry/raw/#" payload=telemetry.Sample\(application/json\) broker=tcp://mqtt:1883 qos=0`
		_, _ = telemetry.DecodeSample(m.Payload())
	})
}
