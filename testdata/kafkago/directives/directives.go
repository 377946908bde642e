// Package directives corrects with //asyncapi: directives what the
// analysis cannot see.
//
//asyncapi:info title="Directive test" version=2.1.0
package directives

import (
	"context"
	"os"

	"github.com/segmentio/kafka-go"
)

// Order is an order.
type Order struct {
	ID string `json:"id"`
}

// deadLetters forwards what could not be processed.
func deadLetters(ctx context.Context, data []byte) error {
	w := &kafka.Writer{Topic: os.Getenv("DLQ_TOPIC")}
	//asyncapi:channel orders.dlq
	//asyncapi:payload Order
	//asyncapi:operation publishDeadLetters
	//asyncapi:summary Dead letters
	//asyncapi:tags dlq,errors
	return w.WriteMessages(ctx, kafka.Message{Value: data}) // want `kafka send "orders.dlq" id=publishDeadLetters summary="Dead letters" tags=dlq,errors payload=Order\(application/json\)`
}

func ignored(ctx context.Context, w *kafka.Writer) {
	_ = w.WriteMessages(ctx, kafka.Message{Topic: "debug"}) //asyncapi:ignore
}

// regional sends to a topic per region.
//
//asyncapi:channel audit.{region} region="Region of the shop, from its configuration"
//asyncapi:message AuditRecord
func regional(ctx context.Context, w *kafka.Writer, cfg map[string]string) error {
	return w.WriteMessages(ctx, kafka.Message{Topic: cfg["topic"]}) // want `kafka send "audit.{region}" {region}=Region of the shop, from its configuration message=AuditRecord payload=\[\]byte`
}

// unused has a directive but no operation. // want `applies to no operation`
//
//asyncapi:summary Nothing
func unused() {}

func malformed(ctx context.Context, w *kafka.Writer) {
	//asyncapi:channel a?b // want `malformed directive: asyncapi:channel: .*\?`
	// asyncapi:ignore // want `not a directive: write //asyncapi:... with no space after //`
	_ = w.WriteMessages(ctx, kafka.Message{Topic: "t"}) // want `kafka send "t" payload=\[\]byte`
}
