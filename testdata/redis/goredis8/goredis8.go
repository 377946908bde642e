// Package goredis8 publishes, subscribes and uses streams with
// github.com/go-redis/redis/v8 (the same API as v9, without sharded
// pub/sub).
package goredis8

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/go-redis/redis/v8"
)

// Order is an order event.
type Order struct {
	ID string `json:"id"`
}

// Payment is a payment event.
type Payment struct {
	OrderID string `json:"order_id"`
	Amount  int    `json:"amount"`
}

func publish(ctx context.Context, o Order) error {
	rdb := redis.NewClient(&redis.Options{Addr: "redis8:6379"})
	b, _ := json.Marshal(o)
	return rdb.Publish(ctx, "v8.orders", b).Err() // want `redis send "v8\.orders" payload=Order\(application/json\) broker=redis8:6379`
}

func publishUniversal(ctx context.Context, rdb redis.UniversalClient, p Payment) {
	b, _ := json.Marshal(p)
	rdb.Publish(ctx, "v8.payments", string(b)) // want `redis send "v8\.payments" payload=Payment\(application/json\)`
}

func publishPipelined(ctx context.Context, rdb *redis.Client) {
	_, _ = rdb.TxPipelined(ctx, func(pipe redis.Pipeliner) error {
		pipe.Publish(ctx, "v8.audit", "order placed") // want `redis send "v8\.audit" payload=string`
		return nil
	})
}

func subscribe(ctx context.Context) {
	rdb := redis.NewClient(&redis.Options{Addr: "redis8:6379"})
	sub := rdb.Subscribe(ctx, "v8.orders") // want `redis receive "v8\.orders" payload=Order\(application/json\) broker=redis8:6379`
	for msg := range sub.Channel() {
		var o Order
		_ = json.Unmarshal([]byte(msg.Payload), &o)
	}
}

func subscribePattern(ctx context.Context, rdb redis.UniversalClient) error {
	sub := rdb.PSubscribe(ctx, "v8.pay*") // want `redis receive "v8\.pay\*" payload=Payment\(application/json\)`
	for {
		msg, err := sub.ReceiveMessage(ctx)
		if err != nil {
			return err
		}
		var p Payment
		_ = json.Unmarshal([]byte(msg.Payload), &p)
	}
}

func subscribeCluster(ctx context.Context) {
	rdb := redis.NewClusterClient(&redis.ClusterOptions{Addrs: []string{"cluster8:7000"}})
	sub := rdb.Subscribe(ctx, "v8.audit") // want `redis receive "v8\.audit" payload=string broker=cluster8:7000`
	v, _ := sub.Receive(ctx)
	if m, ok := v.(*redis.Message); ok {
		fmt.Println(m.Payload)
	}
}

func addEntry(ctx context.Context, rdb redis.Cmdable, p Payment) {
	// An entry of constant fields: an object of its keys.
	rdb.XAdd(ctx, &redis.XAddArgs{ // want `redis send "v8\.payments-stream" payload=\{amount:int,order_id:string\}`
		Stream: "v8.payments-stream",
		Values: map[string]interface{}{"order_id": p.OrderID, "amount": p.Amount},
	})
}

func readGroup(ctx context.Context, rdb *redis.Client) {
	streams, _ := rdb.XReadGroup(ctx, &redis.XReadGroupArgs{ // want `redis receive "v8\.payments-stream" payload=\[\]byte groupId=ledger`
		Group:    "ledger",
		Consumer: "ledger-1",
		Streams:  []string{"v8.payments-stream", ">"},
	}).Result()
	for _, s := range streams {
		for _, m := range s.Messages {
			fmt.Println(m.ID, m.Values["amount"])
		}
	}
}
