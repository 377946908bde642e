// Package bus wraps go-redis v9 the way services do: a publisher that // want package:"usesClients"
// keeps its client in a field, and a consumer loop that hands every
// message to a handler.
package bus

import (
	"context"
	"encoding/json"

	"github.com/redis/go-redis/v9"
)

// Publisher publishes JSON events.
type Publisher struct {
	rdb redis.UniversalClient
}

// NewPublisher returns a Publisher connected to addr.
func NewPublisher(addr string) *Publisher { // want NewPublisher:`constructor\(rdb\.Addr=\{\$0\}\)`
	return &Publisher{rdb: redis.NewClient(&redis.Options{Addr: addr})}
}

// Publish encodes v and publishes it on channel.
func (p *Publisher) Publish(ctx context.Context, channel string, v any) error { // want Publish:`wraps\(redis/go-redis/v9 send \{\$2\} payload=\$3 broker=\{\$0\.rdb\.Addr\}\)`
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return p.rdb.Publish(ctx, channel, b).Err()
}

// Consume subscribes to channel and hands every payload to handle.
func Consume(ctx context.Context, rdb *redis.Client, channel string, handle func(ctx context.Context, payload []byte) error) { // want Consume:`wraps\(redis/go-redis/v9 receive \{\$2\} payload=\$3\(arg1\) broker=\{\$1\.Addr\}\)`
	sub := rdb.Subscribe(ctx, channel)
	for msg := range sub.Channel() {
		_ = handle(ctx, []byte(msg.Payload))
	}
}

// ConsumeMessages hands every *redis.Message to handle.
func ConsumeMessages(ctx context.Context, rdb *redis.Client, channel string, handle func(*redis.Message)) { // want ConsumeMessages:`wraps\(redis/go-redis/v9 receive \{\$2\} payload=\$3\(arg0\)\.Payload broker=\{\$1\.Addr\}\)`
	sub := rdb.Subscribe(ctx, channel)
	for msg := range sub.Channel() {
		handle(msg)
	}
}
