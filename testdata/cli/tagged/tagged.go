// Package tagged sends one message always and one only when built with
// the "extra" tag, for the --tags test; its test file sends a third.
package tagged

import (
	"context"

	"github.com/segmentio/kafka-go"
)

func always(ctx context.Context, w *kafka.Writer) error {
	return w.WriteMessages(ctx, kafka.Message{Topic: "always", Value: []byte("x")})
}
