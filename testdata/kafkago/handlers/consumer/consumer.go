// Package consumer runs consumer loops that hand each message to a handler. // want package:"usesClients"
package consumer

import (
	"context"

	"github.com/segmentio/kafka-go"
)

// Run reads topic as group and hands every message to handle.
func Run(ctx context.Context, topic, group string, handle func(context.Context, kafka.Message) error) error { // want Run:`wraps\(segmentio/kafka-go receive \{\$1\} payload=\$3\(arg1\)\.Value groupId=\{\$2\}\)`
	r := kafka.NewReader(kafka.ReaderConfig{Topic: topic, GroupID: group})
	for {
		m, err := r.ReadMessage(ctx)
		if err != nil {
			return err
		}
		if err := handle(ctx, m); err != nil {
			return err
		}
	}
}

// RunBytes hands only the payload bytes to handle.
func RunBytes(ctx context.Context, topic string, handle func([]byte)) { // want RunBytes:`wraps\(segmentio/kafka-go receive \{\$1\} payload=\$2\(arg0\)\)`
	r := kafka.NewReader(kafka.ReaderConfig{Topic: topic})
	for {
		m, err := r.ReadMessage(ctx)
		if err != nil {
			return
		}
		handle(m.Value)
	}
}
