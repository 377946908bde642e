// Package pubsub publishes and subscribes with go-redis v9 the ways // want package:"usesClients"
// services do: payloads as JSON bytes, strings and BinaryMarshalers;
// subscriptions read through Channel(), ReceiveMessage and Receive.
package pubsub

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/redis/go-redis/v9"
)

// Order is an order event.
type Order struct {
	ID    string  `json:"id"`
	Total float64 `json:"total"`
}

// Shipment is a shipment event.
type Shipment struct {
	OrderID string `json:"order_id"`
}

// Invoice is sent by go-redis through its MarshalBinary.
type Invoice struct {
	Number string `json:"number"`
}

// MarshalBinary makes Invoice an encoding.BinaryMarshaler.
func (i Invoice) MarshalBinary() ([]byte, error) { return json.Marshal(i) }

// Alert is a plain text alert.
type Alert struct {
	Text string `json:"text"`
}

func newClient() *redis.Client { // want newClient:`constructor\(Addr=redis:6379\)`
	return redis.NewClient(&redis.Options{Addr: "redis:6379"})
}

// A JSON payload.
func publishJSON(ctx context.Context, o Order) error {
	rdb := newClient()
	b, err := json.Marshal(o)
	if err != nil {
		return err
	}
	return rdb.Publish(ctx, "orders", b).Err() // want `redis send "orders" payload=Order\(application/json\) broker=redis:6379`
}

// A string payload and a constant one.
func publishString(ctx context.Context, rdb *redis.Client, id string) {
	rdb.Publish(ctx, "alerts", "order "+id+" late") // want `redis send "alerts" payload=string`
	rdb.Publish(ctx, "heartbeat", "ping")           // want `redis send "heartbeat" payload=string`
}

// A JSON payload converted to a string.
func publishJSONString(ctx context.Context, rdb *redis.Client, s Shipment) {
	b, _ := json.Marshal(s)
	rdb.Publish(ctx, "shipments", string(b)) // want `redis send "shipments" payload=Shipment\(application/json\)`
}

// A value go-redis marshals with MarshalBinary.
func publishBinaryMarshaler(ctx context.Context, rdb *redis.Client) {
	rdb.Publish(ctx, "invoices", Invoice{Number: "F-1"}) // want `redis send "invoices" payload=Invoice\(application/json\)`
}

// Through the UniversalClient interface, made by NewUniversalClient.
func publishUniversal(ctx context.Context, o Order) {
	var rdb redis.UniversalClient = redis.NewUniversalClient(&redis.UniversalOptions{Addrs: []string{"redis-a:6379", "redis-b:6379"}})
	b, _ := json.Marshal(o)
	rdb.Publish(ctx, "orders.universal", b) // want `redis send "orders\.universal" payload=Order\(application/json\) broker=redis-a:6379,redis-b:6379`
}

// Through the Cmdable interface, the client given by the caller.
func publishCmdable(ctx context.Context, c redis.Cmdable, id string) { // want publishCmdable:`wraps\(redis/go-redis/v9 send orders\.\{\$2\}\.updated payload=string broker=\{\$1\.Addr\}\)`
	c.Publish(ctx, fmt.Sprintf("orders.%s.updated", id), id) // want `redis send "orders\.\{id\}\.updated" \{id\}=parameter id of pubsub\.publishCmdable payload=string`
}

// A sharded publish on a cluster.
func publishSharded(ctx context.Context, o Order) {
	rdb := redis.NewClusterClient(&redis.ClusterOptions{Addrs: []string{"cluster:7000"}})
	b, _ := json.Marshal(o)
	rdb.SPublish(ctx, "orders.sharded", b) // want `redis send "orders\.sharded" payload=Order\(application/json\) broker=cluster:7000`
}

// A Channel() loop decoding every payload.
func subscribeChannel(ctx context.Context) {
	rdb := newClient()
	sub := rdb.Subscribe(ctx, "orders") // want `redis receive "orders" payload=Order\(application/json\) broker=redis:6379`
	defer sub.Close()
	for msg := range sub.Channel() {
		var o Order
		if err := json.Unmarshal([]byte(msg.Payload), &o); err != nil {
			continue
		}
	}
}

// ReceiveMessage in a loop, from a UniversalClient.
func subscribeReceiveMessage(ctx context.Context, rdb redis.UniversalClient) error {
	sub := rdb.Subscribe(ctx, "shipments") // want `redis receive "shipments" payload=Shipment\(application/json\)`
	for {
		msg, err := sub.ReceiveMessage(ctx)
		if err != nil {
			return err
		}
		var s Shipment
		_ = json.Unmarshal([]byte(msg.Payload), &s)
	}
}

// Receive with a type switch: subscriptions, messages and pongs.
func subscribeReceive(ctx context.Context, rdb *redis.Client) error {
	sub := rdb.Subscribe(ctx, "invoices") // want `redis receive "invoices" payload=Invoice\(application/json\)`
	for {
		v, err := sub.Receive(ctx)
		if err != nil {
			return err
		}
		switch m := v.(type) {
		case *redis.Subscription:
			fmt.Println("subscribed to", m.Channel)
		case *redis.Message:
			var inv Invoice
			_ = json.Unmarshal([]byte(m.Payload), &inv)
		case *redis.Pong:
		}
	}
}

// A string payload read as text.
func subscribeText(ctx context.Context, rdb *redis.Client) {
	sub := rdb.Subscribe(ctx, "alerts", "heartbeat") // want `redis receive "alerts" payload=string` `redis receive "heartbeat" payload=string`
	for msg := range sub.Channel() {
		fmt.Println(msg.Channel, msg.Payload)
	}
}

// A pattern subscription: the pattern is the address.
func subscribePattern(ctx context.Context, rdb *redis.Client) {
	sub := rdb.PSubscribe(ctx, "orders.*") // want `redis receive "orders\.\*" payload=Order\(application/json\)`
	for msg := range sub.Channel() {
		var o Order
		_ = json.Unmarshal([]byte(msg.Payload), &o)
	}
}

// A sharded subscription on a cluster.
func subscribeSharded(ctx context.Context) {
	rdb := redis.NewClusterClient(&redis.ClusterOptions{Addrs: []string{"cluster:7000"}})
	sub := rdb.SSubscribe(ctx, "orders.sharded") // want `redis receive "orders\.sharded" payload=Order\(application/json\) broker=cluster:7000`
	msg, _ := sub.ReceiveMessage(ctx)
	var o Order
	_ = json.Unmarshal([]byte(msg.Payload), &o)
}

// An empty subscription that subscribes later, switching on the channel.
func subscribeLater(ctx context.Context, rdb *redis.Client) {
	// WRONG: Subscribe with no channels subscribes to nothing (the channels
	// come from sub.Subscribe below); an empty variadic address argument should
	// give no operation rather than an unresolved one.
	sub := rdb.Subscribe(ctx)                     // want `cannot resolve the channel address of \(\*redis\.Client\)\.Subscribe: it is never set where the client is created \(name it with //asyncapi:channel <address> above the call\)` `redis receive <dynamic> payload=Order\(application/json\) payload=Shipment\(application/json\)`
	_ = sub.Subscribe(ctx, "orders", "shipments") // want `redis receive "orders" payload=Order\(application/json\)` `redis receive "shipments" payload=Shipment\(application/json\)`
	for msg := range sub.Channel() {
		switch msg.Channel {
		case "orders":
			var o Order
			_ = json.Unmarshal([]byte(msg.Payload), &o)
		case "shipments":
			var s Shipment
			_ = json.Unmarshal([]byte(msg.Payload), &s)
		}
	}
}

// A Ring has a Publish of its own.
func publishRing(ctx context.Context, ring *redis.Ring, a Alert) {
	b, _ := json.Marshal(a)
	// No broker: NewRing's addresses are RingOptions.Addrs, a map of
	// name to address (not in the table: the checker takes no [values] element).
	ring.Publish(ctx, "alerts.ring", b) // want `redis send "alerts\.ring" payload=Alert\(application/json\)`
}

// A pipeline queues the publish.
func publishPipeline(ctx context.Context, rdb *redis.Client, o Order) {
	pipe := rdb.Pipeline()
	b, _ := json.Marshal(o)
	// No broker: a Pipeliner does not keep its client's address.
	pipe.Publish(ctx, "orders.pipelined", b) // want `redis send "orders\.pipelined" payload=Order\(application/json\)`
	_, _ = pipe.Exec(ctx)
}
