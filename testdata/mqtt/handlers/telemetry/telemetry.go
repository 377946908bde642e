// Package telemetry handles telemetry messages; its handlers are
// registered by other packages.
package telemetry

import (
	"encoding/json"

	mqtt "github.com/eclipse/paho.mqtt.golang"
)

// Sample is a telemetry sample.
type Sample struct {
	Metric string  `json:"metric"`
	Value  float64 `json:"value"`
}

// HandleSample decodes a sample from a message.
func HandleSample(_ mqtt.Client, m mqtt.Message) {
	var s Sample
	_ = json.Unmarshal(m.Payload(), &s)
}

// DecodeSample decodes a sample from payload bytes.
func DecodeSample(b []byte) (Sample, error) { // want DecodeSample:`handles\(\$0=example.com/testdata/mqtt/handlers/telemetry.Sample\)`
	var s Sample
	err := json.Unmarshal(b, &s)
	return s, err
}
