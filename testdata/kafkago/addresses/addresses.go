// Package addresses builds channel addresses the ways services do: // want package:"usesClients"
// templates, loops over topic lists, environment variables.
package addresses

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/segmentio/kafka-go"

	"example.com/testdata/kafkago/topics"
)

var w = &kafka.Writer{}

// A Sprintf with a run-time part is a template.
func regional(ctx context.Context, region string) error { // want regional:`wraps\(segmentio/kafka-go send orders\.\{\$1\}\.created payload=\[\]byte\)`
	return w.WriteMessages(ctx, kafka.Message{Topic: fmt.Sprintf("orders.%s.created", region)}) // want `kafka send "orders.{region}.created" {region}=parameter region of addresses.regional payload=\[\]byte`
}

// Concatenation with an environment variable, and with a constant of
// another package.
func withEnv(ctx context.Context) error {
	env := os.Getenv("SHOP_ENV")
	return w.WriteMessages(ctx, kafka.Message{Topic: env + "." + topics.Orders}) // want `kafka send "{shop_env}.shop.orders.v1" {shop_env}=os.Getenv\("SHOP_ENV"\) payload=\[\]byte`
}

// strings.Join of a literal list with a run-time element.
func joined(ctx context.Context, tenant string) error { // want joined:`wraps\(segmentio/kafka-go send shop\.\{\$1\}\.events`
	return w.WriteMessages(ctx, kafka.Message{Topic: strings.Join([]string{"shop", tenant, "events"}, ".")}) // want `kafka send "shop.{tenant}.events" {tenant}=parameter tenant of addresses.joined payload=\[\]byte`
}

// A loop over a literal list: one channel per element.
func fanOut(ctx context.Context) {
	for _, topic := range []string{"audit.eu", "audit.us"} {
		_ = w.WriteMessages(ctx, kafka.Message{Topic: topic}) // want `kafka send "audit.eu" payload=\[\]byte` `kafka send "audit.us" payload=\[\]byte`
	}
}

// An unexported helper called with constants: one channel per caller's
// value.
func sendTo(ctx context.Context, topic string) error { // want sendTo:`wraps\(segmentio/kafka-go send shop\.\{\$1\}`
	return w.WriteMessages(ctx, kafka.Message{Topic: "shop." + topic})
}

func callers(ctx context.Context) {
	_ = sendTo(ctx, "payments") // want `kafka send "shop.payments" via=addresses.sendTo payload=\[\]byte`
	_ = sendTo(ctx, "refunds")  // want `kafka send "shop.refunds" via=addresses.sendTo payload=\[\]byte`
}

// A Sprintf of a config field.
type Config struct {
	Tenant string
}

func fromConfig(ctx context.Context, cfg Config) error { // want fromConfig:`wraps\(segmentio/kafka-go send \{\$1\.Tenant\}-3\.logs`
	return w.WriteMessages(ctx, kafka.Message{Topic: fmt.Sprintf("%s-%d.logs", cfg.Tenant, 3)}) // want `kafka send "{tenant}-3.logs" {tenant}=field Tenant of parameter cfg of addresses.fromConfig payload=\[\]byte`
}

// A topic-name function of another package, called with a constant.
func regionalTopic(ctx context.Context) error {
	return w.WriteMessages(ctx, kafka.Message{Topic: topics.Regional("eu")}) // want `kafka send "orders.eu.v1" payload=\[\]byte`
}
