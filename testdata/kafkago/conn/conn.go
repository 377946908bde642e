// Package conn writes and reads with a *kafka.Conn dialed to a leader.
package conn

import (
	"context"
	"encoding/json"

	"github.com/segmentio/kafka-go"
)

// Event is an audit event.
type Event struct {
	Name string `json:"name"`
}

const topic = "events"

func write(ctx context.Context, e Event) error {
	c, err := kafka.DialLeader(ctx, "tcp", "localhost:9092", topic, 0)
	if err != nil {
		return err
	}
	defer c.Close()
	b, _ := json.Marshal(e)
	_, err = c.WriteMessages(kafka.Message{Value: b}) // want `kafka send "events" payload=Event\(application/json\) broker=localhost:9092`
	return err
}

func read(ctx context.Context) (Event, error) {
	var e Event
	c, err := kafka.DialLeader(ctx, "tcp", "localhost:9092", topic, 0)
	if err != nil {
		return e, err
	}
	batch := c.ReadBatch(1, 1<<20)
	m, err := batch.ReadMessage() // want `kafka receive "events" payload=Event\(application/json\) broker=localhost:9092`
	if err != nil {
		return e, err
	}
	err = json.Unmarshal(m.Value, &e)
	return e, err
}
