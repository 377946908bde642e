// Package addresses builds channel addresses the ways services do:
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
func regional(ctx context.Context, region string) error {
	return w.WriteMessages(ctx, kafka.Message{Topic: fmt.Sprintf("orders.%s.created", region)}) // want `kafka send "orders.{region}.created" {region}=parameter region of addresses.regional payload=\[\]byte`
}

// Concatenation with an environment variable, and with a constant of
// another package.
func withEnv(ctx context.Context) error {
	env := os.Getenv("SHOP_ENV")
	return w.WriteMessages(ctx, kafka.Message{Topic: env + "." + topics.Orders}) // want `kafka send "{shop_env}.shop.orders.v1" {shop_env}=os.Getenv\("SHOP_ENV"\) payload=\[\]byte`
}

// strings.Join of a literal list with a run-time element.
func joined(ctx context.Context, tenant string) error {
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
func sendTo(ctx context.Context, topic string) error {
	return w.WriteMessages(ctx, kafka.Message{Topic: "shop." + topic}) // want `kafka send "shop.payments" payload=\[\]byte` `kafka send "shop.refunds" payload=\[\]byte`
}

func callers(ctx context.Context) {
	_ = sendTo(ctx, "payments")
	_ = sendTo(ctx, "refunds")
}

// A Sprintf of a config field.
type Config struct {
	Tenant string
}

func fromConfig(ctx context.Context, cfg Config) error {
	return w.WriteMessages(ctx, kafka.Message{Topic: fmt.Sprintf("%s-%d.logs", cfg.Tenant, 3)}) // want `kafka send "{tenant}-3.logs" {tenant}=field Tenant of addresses.Config payload=\[\]byte`
}
