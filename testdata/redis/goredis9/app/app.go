// Package app uses the bus wrappers. // want package:"usesClients"
package app

import (
	"context"
	"encoding/json"

	"github.com/redis/go-redis/v9"

	"example.com/testdata/redis/goredis9/bus"
)

// UserCreated is an event.
type UserCreated struct {
	ID string `json:"id"`
}

// UserDeleted is an event.
type UserDeleted struct {
	ID string `json:"id"`
}

func run(ctx context.Context) {
	p := bus.NewPublisher("bus:6379")
	_ = p.Publish(ctx, "users.created", UserCreated{ID: "1"})  // want `redis send "users\.created" via=\(\*bus\.Publisher\)\.Publish payload=UserCreated\(application/json\) broker=bus:6379`
	_ = p.Publish(ctx, "users.deleted", &UserDeleted{ID: "1"}) // want `redis send "users\.deleted" via=\(\*bus\.Publisher\)\.Publish payload=UserDeleted\(application/json\) broker=bus:6379`

	rdb := redis.NewClient(&redis.Options{Addr: "bus:6379"})
	bus.Consume(ctx, rdb, "users.created", func(ctx context.Context, payload []byte) error { // want `redis receive "users\.created" via=bus\.Consume payload=UserCreated\(application/json\) broker=bus:6379`
		var u UserCreated
		return json.Unmarshal(payload, &u)
	})
	bus.ConsumeMessages(ctx, rdb, "users.deleted", onDeleted) // want `redis receive "users\.deleted" via=bus\.ConsumeMessages payload=UserDeleted\(application/json\) broker=bus:6379`
}

func onDeleted(m *redis.Message) {
	var u UserDeleted
	_ = json.Unmarshal([]byte(m.Payload), &u)
}
