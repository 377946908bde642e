// Package addresses builds channel addresses the ways services do: // want package:"usesClients"
// templates, loops over topic lists, environment variables.
package addresses

import (
	"context"
	"errors"
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

// Subjects parsed from a request path, as an IoT gateway does: helpers
// that return "" (alone or with an error) when there is nothing to
// return, and elements of strings.Split otherwise. The "" results do
// not become topics of their own ("devices." or "devices..{sub}"), and
// an element the analysis cannot read is the helper's run-time result.
func deviceID(path string) string {
	parts := strings.Split(path, "/")
	if len(parts) > 1 {
		return parts[1]
	}
	return ""
}

var errSubtopic = errors.New("malformed subtopic")

func subtopic(raw string) (string, error) {
	if raw == "" {
		return "", nil
	}
	if strings.Contains(raw, "#") {
		return "", errSubtopic
	}
	var kept []string
	for _, e := range strings.Split(raw, "/") {
		if e != "" {
			kept = append(kept, e)
		}
	}
	return strings.Join(kept, "."), nil
}

func forward(ctx context.Context, path, raw string, body []byte) error { // want forward:`wraps\(segmentio/kafka-go send devices\.\{deviceID\|addresses\.deviceID\(…\)\} payload=\$3; segmentio/kafka-go send devices\.\{deviceID\|addresses\.deviceID\(…\)\}\.\{Join\|strings\.Join\(…, "\."\)\} payload=\$3\)`
	sub, err := subtopic(raw)
	if err != nil {
		return err
	}
	topic := fmt.Sprintf("devices.%s", deviceID(path))
	if sub != "" {
		topic = topic + "." + sub
	}
	return w.WriteMessages(ctx, kafka.Message{Topic: topic, Value: body}) // want `kafka send "devices.{deviceID}" {deviceID}=addresses.deviceID\(…\) payload=\[\]byte` `kafka send "devices.{deviceID}.{join}" {deviceID}=addresses.deviceID\(…\) {join}=strings.Join\(…, "\."\) payload=\[\]byte`
}

// A variable that is "" unless the environment sets it: the run-time
// value covers the empty one, which is no topic of its own ("audit.").
func audit(ctx context.Context, body []byte) error { // want audit:`wraps\(segmentio/kafka-go send audit\.\{REGION\|os\.Getenv\("REGION"\)\} payload=\$1\)`
	region := ""
	if os.Getenv("MULTI_REGION") == "1" {
		region = os.Getenv("REGION")
	}
	return w.WriteMessages(ctx, kafka.Message{Topic: "audit." + region, Value: body}) // want `kafka send "audit.{region}" {region}=os.Getenv\("REGION"\) payload=\[\]byte`
}

// A topic extended from itself, kept in memory because a goroutine
// captures it: the update is one optional suffix, not a chain of them.
func watched(ctx context.Context, device, sub string, done chan struct{}, body []byte) error { // want watched:`wraps\(segmentio/kafka-go send devices\.\{\$1\} payload=\$4; segmentio/kafka-go send devices\.\{\$1\}\.\{\$2\} payload=\$4\)`
	topic := fmt.Sprintf("devices.%s", device)
	if sub != "" {
		topic = fmt.Sprintf("%s.%s", topic, sub)
	}
	go func() {
		<-done
		println("stop", topic)
	}()
	return w.WriteMessages(ctx, kafka.Message{Topic: topic, Value: body}) // want `kafka send "devices.{device}" {device}=parameter device of addresses.watched payload=\[\]byte` `kafka send "devices.{device}.{sub}" {device}=parameter device of addresses.watched {sub}=parameter sub of addresses.watched payload=\[\]byte`
}

// A helper that branches on a parameter, called with a constant there:
// only the branch the constant takes gives topics.
func topicName(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return prefix + "." + name
}

func unprefixed(ctx context.Context, body []byte) error { // want unprefixed:`wraps\(segmentio/kafka-go send metrics payload=\$1\)`
	return w.WriteMessages(ctx, kafka.Message{Topic: topicName("", "metrics"), Value: body}) // want `kafka send "metrics" payload=\[\]byte`
}

func prefixed(ctx context.Context, body []byte) error { // want prefixed:`wraps\(segmentio/kafka-go send eu\.metrics payload=\$1\)`
	return w.WriteMessages(ctx, kafka.Message{Topic: topicName("eu", "metrics"), Value: body}) // want `kafka send "eu.metrics" payload=\[\]byte`
}
