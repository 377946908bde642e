// Package options builds clients the ways services do: chained setters,
// setters called one by one, a will message, subscriptions made when the
// client connects.
package options

import (
	"encoding/json"

	mqtt "github.com/eclipse/paho.mqtt.golang"
)

// Presence is what a device says of itself.
type Presence struct {
	Online bool `json:"online"`
}

// Reading is a sensor reading.
type Reading struct {
	Value float64 `json:"value"`
}

const broker = "tcp://broker.internal:1883"

// chained announces the gateway's presence, and leaves a will that
// announces its absence.
func chained() {
	// The options are one chain of setters. The will is a message the
	// broker publishes for the client when it goes away: one of the
	// client's sends.
	gone, _ := json.Marshal(Presence{Online: false})
	opts := mqtt.NewClientOptions().
		AddBroker(broker).
		SetClientID("gateway").
		SetBinaryWill("presence/gateway", gone, 1, true). // want `mqtt send "presence/gateway" payload=Presence\(application/json\) broker=tcp://broker.internal:1883 qos=1 retain=true`
		SetKeepAlive(30)
	c := mqtt.NewClient(opts)
	here, _ := json.Marshal(Presence{Online: true})
	c.Publish("presence/gateway", 1, true, here) // want `mqtt send "presence/gateway" payload=Presence\(application/json\) broker=tcp://broker.internal:1883 qos=1 retain=true`
}

// oneByOne announces the gateway's presence in plain text.
func oneByOne() {
	// The setters are called as statements: the options value is the
	// receiver of each call, whose results are dropped. The tables can
	// only follow setters through their results, so the broker is not
	// known.
	opts := mqtt.NewClientOptions()
	opts.AddBroker(broker)
	opts.SetClientID("gateway")
	opts.SetWill("presence/gateway", "offline", 0, false) // want `mqtt send "presence/gateway" payload=string broker=tcp://broker\.internal:1883 qos=0 retain=false`
	c := mqtt.NewClient(opts)
	c.Publish("presence/gateway", 0, false, "online") // want `mqtt send "presence/gateway" payload=string broker=tcp://broker\.internal:1883 qos=0 retain=false`
}

// onConnect reads the sensors whenever the client (re)connects.
func onConnect() {
	// The client is the callback's parameter, which the library passes:
	// its broker is not known.
	opts := mqtt.NewClientOptions().AddBroker(broker)
	opts.SetOnConnectHandler(func(c mqtt.Client) {
		c.Subscribe("sensors/+/reading", 1, func(_ mqtt.Client, m mqtt.Message) { // want `mqtt receive "sensors/\+/reading" payload=Reading\(application/json\) qos=1`
			var r Reading
			_ = json.Unmarshal(m.Payload(), &r)
		})
	})
	mqtt.NewClient(opts).Connect()
}

// client is the package's client, made once.
var client = mqtt.NewClient(mqtt.NewClientOptions().AddBroker(broker))

func report(r Reading) {
	b, _ := json.Marshal(r)
	client.Publish("sensors/gw/reading", 0, false, b) // want `mqtt send "sensors/gw/reading" payload=Reading\(application/json\) broker=tcp://broker.internal:1883 qos=0 retain=false`
}
