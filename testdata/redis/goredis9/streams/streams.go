// Package streams appends to and reads Redis streams with go-redis v9.
package streams

import (
	"context"
	"encoding/json"

	"github.com/redis/go-redis/v9"
)

// Order is an order.
type Order struct {
	ID string `json:"id"`
}

var rdb = redis.NewClient(&redis.Options{Addr: "streams:6379"})

// An entry of constant fields: an object of its keys.
func add(ctx context.Context, id string, total float64) error {
	return rdb.XAdd(ctx, &redis.XAddArgs{ // want `redis send "orders-stream" payload=\{id:string,source:string,total:float64\} broker=streams:6379`
		Stream: "orders-stream",
		Values: map[string]interface{}{"id": id, "total": total, "source": "web"},
	}).Err()
}

// A JSON document in one field.
func addJSON(ctx context.Context, o Order) error {
	b, _ := json.Marshal(o)
	args := &redis.XAddArgs{Stream: "orders-json", MaxLen: 1000, Approx: true}
	args.Values = map[string]any{"data": b}
	// WRONG: data:[]byte should be data:Order(application/json): a property of a
	// map-literal payload is typed by its Go type, not followed back to
	// json.Marshal as a payload is.
	return rdb.XAdd(ctx, args).Err() // want `redis send "orders-json" payload=\{data:\[\]byte\} broker=streams:6379`
}

// XRead of one stream from new entries ("$").
func read(ctx context.Context) error {
	// WRONG: payload=[]byte: reads of a received map (m.Values["id"]) are
	// not followed to an object of the keys read.
	streams, err := rdb.XRead(ctx, &redis.XReadArgs{Streams: []string{"orders-stream", "$"}, Block: 0}).Result() // want `redis receive "orders-stream" payload=\[\]byte broker=streams:6379`
	if err != nil {
		return err
	}
	for _, s := range streams {
		for _, m := range s.Messages {
			_ = m.Values["id"]
		}
	}
	return nil
}

// XReadGroup through a UniversalClient, the JSON of a field decoded.
func readGroup(ctx context.Context, c redis.UniversalClient) {
	// WRONG: payload should be {data:Order(application/json)}:
	// m.Values["data"].(string) converted and unmarshalled is not followed.
	res := c.XReadGroup(ctx, &redis.XReadGroupArgs{ // want `redis receive "orders-json" payload=\[\]byte groupId=billing`
		Group:    "billing",
		Consumer: "billing-1",
		Streams:  []string{"orders-json", ">"},
		Count:    10,
	}).Val()
	for _, s := range res {
		for _, m := range s.Messages {
			data, _ := m.Values["data"].(string)
			var o Order
			_ = json.Unmarshal([]byte(data), &o)
		}
	}
}

// XReadStreams: stream names, then IDs.
func readStreams(ctx context.Context) {
	res, _ := rdb.XReadStreams(ctx, "orders-stream", "0").Result() // want `redis receive "orders-stream" payload=\[\]byte broker=streams:6379`
	for _, s := range res {
		for _, m := range s.Messages {
			_ = m.Values
		}
	}
}
