// Package redigo publishes and subscribes with
// github.com/gomodule/redigo: commands by name (Do, Send) and a
// PubSubConn.
package redigo

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/gomodule/redigo/redis"
)

// Order is an order event.
type Order struct {
	ID string `json:"id"`
}

// Refund is a refund event.
type Refund struct {
	OrderID string `json:"order_id"`
}

func publish(o Order) error {
	c, err := redis.Dial("tcp", "redigo:6379")
	if err != nil {
		return err
	}
	defer c.Close()
	b, _ := json.Marshal(o)
	_, err = c.Do("PUBLISH", "orders", b) // want `redis send "orders" payload=Order\(application/json\) broker=redigo:6379`
	return err
}

// Other commands are no operations.
func other(c redis.Conn) {
	_, _ = c.Do("SET", "orders:last", "1")
	_, _ = c.Do("GET", "orders:last")
}

// A pipelined publish of a string, lower-case command.
func pipelined(c redis.Conn, id string) {
	_ = c.Send("publish", "refunds", "refund "+id) // want `redis send "refunds" payload=string`
	_ = c.Flush()
}

// With a context, from a pool.
func withContext(ctx context.Context, pool *redis.Pool, r Refund) {
	c := pool.Get()
	defer c.Close()
	b, _ := json.Marshal(r)
	_, _ = redis.DoContext(c, ctx, "PUBLISH", "refunds.json", b)                        // want `redis send "refunds\.json" payload=Refund\(application/json\)`
	_, _ = redis.DoWithTimeout(c, time.Second, "PUBLISH", "refunds.timeout", string(b)) // want `redis send "refunds\.timeout" payload=Refund\(application/json\)`
}

func subscribe() error {
	c, err := redis.Dial("tcp", "redigo:6379")
	if err != nil {
		return err
	}
	psc := redis.PubSubConn{Conn: c}
	if err := psc.Subscribe("orders"); err != nil { // want `redis receive "orders" payload=Order\(application/json\) broker=redigo:6379`
		return err
	}
	for {
		switch v := psc.Receive().(type) {
		case redis.Message:
			var o Order
			_ = json.Unmarshal(v.Data, &o)
		case redis.Subscription:
			fmt.Println(v.Kind, v.Channel, v.Count)
		case error:
			return v
		}
	}
}

func subscribePattern(c redis.Conn) {
	psc := &redis.PubSubConn{Conn: c}
	// psc is a pointer: Receive() is called on another load of it.
	_ = psc.PSubscribe("refunds.*") // want `redis receive "refunds\.\*" payload=Refund\(application/json\)`
	for {
		switch v := psc.Receive().(type) {
		case redis.Message:
			var r Refund
			_ = json.Unmarshal(v.Data, &r)
		case error:
			return
		}
	}
}
