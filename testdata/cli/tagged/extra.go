//go:build extra

package tagged

import (
	"context"

	"github.com/segmentio/kafka-go"
)

func extra(ctx context.Context, w *kafka.Writer) error {
	return w.WriteMessages(ctx, kafka.Message{Topic: "extra", Value: []byte("x")})
}
