package tagged

import (
	"context"
	"testing"

	"github.com/segmentio/kafka-go"
)

func TestSend(t *testing.T) {
	w := &kafka.Writer{Topic: "from-test"}
	_ = w.WriteMessages(context.Background(), kafka.Message{Value: []byte("x")})
}
