package speccheck

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// want is one expected Problem: exact Path, and a substring of Message.
type want struct{ path, msg string }

// checkCases maps each testdata document to exactly the problems Check must
// report, in document order. Every invalid document breaks one rule and is
// otherwise valid, so an over-eager rule shows up as an unexpected problem.
var checkCases = map[string][]want{
	"valid-kafka.yaml": nil,
	"valid-reply.json": nil,

	"valid-unwritable-address.yaml": nil,

	"not-yaml.json":             {{"", "not valid YAML/JSON"}},
	"bad-version.yaml":          {{"/asyncapi", `must be "3.0.0"`}},
	"missing-info-title.yaml":   {{"/info/title", "info.title is required"}},
	"missing-info-version.yaml": {{"/info/version", "info.version is required"}},

	"op-inline-channel.yaml":     {{"/operations/o/channel", "inline channel"}},
	"op-channel-components.yaml": {{"/operations/o/channel", "must point to #/channels/<id>"}},
	"op-channel-missing.yaml": {
		{"/operations/o/channel", `no channel "nope"`},
		{"/operations/o/channel", "does not resolve"},
	},
	"op-inline-message.yaml":     {{"/operations/o/messages/0", "inline message"}},
	"op-message-components.yaml": {{"/operations/o/messages/0", "is not a message of the operation channel"}},
	"op-message-other-channel.yaml": {
		{"/operations/o/messages/0", `is not a message of the operation channel "#/channels/c"`},
	},
	"op-message-missing.yaml": {
		{"/operations/o/messages/0", `has no message "nope"`},
		{"/operations/o/messages/0", "does not resolve"},
	},
	"reply-message-outside.yaml":     {{"/operations/o/reply/messages/0", "is not a message of the reply channel"}},
	"reply-messages-no-channel.yaml": {{"/operations/o/reply/messages", "need a reply channel"}},

	"channel-inline-server.yaml": {{"/channels/c/servers/0", "inline server"}},
	"channel-server-missing.yaml": {
		{"/channels/c/servers/0", `no server "nope"`},
		{"/channels/c/servers/0", "does not resolve"},
	},
	"channel-no-servers.yaml": {{"/channels/c/servers", "lists no servers"}},

	"address-param-mismatch.yaml": {
		{"/channels/c/parameters", "address variable {region} has no entry in parameters"},
		{"/channels/c/parameters/zone", `parameter "zone" does not appear`},
	},
	"address-no-parameters.yaml": {{"/channels/c/parameters", "has no parameters object"}},
	"address-query-fragment.yaml": {
		{"/channels/c/address", "must not contain '?' or '#'"},
		{"/channels/d/address", "must not contain '?' or '#'"},
	},
	"address-unwritable-misused.yaml": {
		{"/channels/c/x-address", "the address must then be null"},
		{"/channels/d/x-address", `x-address "plain/topic" is a valid address`},
		{"/channels/e/address", "address variable {a b} is not a parameter name"},
	},
	"parameter-schema.yaml": {{"/channels/c/parameters/region/schema", `parameter field "schema" is not allowed`}},

	"bad-ids.yaml": {
		{"/channels/order events", `channel id "order events" does not match`},
		{"/channels/order events/messages/order created", `message key "order created" does not match`},
		{"/operations/send~1orders", `operation id "send/orders" does not match`},
		{"/components/schemas/Order Schema", `component key "Order Schema" does not match`},
	},
	"unresolved-ref.yaml": {
		{"/channels/c/messages/m/payload", `"#/components/schemas/Missing" does not resolve`},
		{"/channels/c/messages/n/payload", "is not a local"},
	},
	"unused-components.yaml": {
		{"/components/messages/Unused", `messages "Unused" is never referenced`},
		{"/components/schemas/A", `schemas "A" is never referenced`},
		{"/components/schemas/B", `schemas "B" is never referenced`},
		{"/components/parameters/region", `parameters "region" is never referenced`},
	},

	"server-host-scheme.yaml": {{"/servers/s/host", "must not carry a scheme"}},
	"server-missing-host-protocol.yaml": {
		{"/servers/s/protocol", "server has no protocol"},
		{"/servers/t/host", "server has no host"},
	},
	"bindings-unknown.yaml": {
		{"/servers/s/bindings/tcp", `unknown binding "tcp"`},
		{"/channels/c/bindings/udp", `unknown binding "udp"`},
	},
	"bindings-reserved.yaml": {
		{"/servers/s/bindings/redis/db", `redis server binding is reserved and has no fields: "db"`},
		{"/channels/c/bindings/mqtt/qos", `mqtt channel binding is reserved and has no fields: "qos"`},
		{"/channels/c/messages/m/bindings/nats/subject", `nats message binding is reserved`},
		{"/operations/o/bindings/ws/method", `ws operation binding is reserved`},
	},
	"kafka-groupid-string.yaml": {
		{"/operations/o/bindings/kafka/groupId", "kafka groupId must be a Schema object"},
		{"/operations/o/bindings/kafka/clientId", "kafka clientId must be a Schema object"},
	},
	"x-go-type-inline.yaml":      {{"/channels/c/messages/m/payload/x-go-type", "must live under /components/schemas"}},
	"schema-format-unknown.yaml": {{"/channels/c/messages/m/payload/schemaFormat", `unknown schemaFormat "application/x-thrift"`}},
}

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestCheck(t *testing.T) {
	for name, wants := range checkCases {
		t.Run(name, func(t *testing.T) {
			got := Check(readTestdata(t, name))
			ok := len(got) == len(wants)
			for i := 0; ok && i < len(got); i++ {
				ok = got[i].Path == wants[i].path && strings.Contains(got[i].Message, wants[i].msg)
			}
			if !ok {
				t.Errorf("Check(%s):\n got: %s\nwant: %v", name, formatProblems(got), wants)
			}
		})
	}
}

// TestCheckCoversTestdata keeps the table and the directory in step.
func TestCheckCoversTestdata(t *testing.T) {
	files, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if _, ok := checkCases[f.Name()]; !ok {
			t.Errorf("testdata/%s has no entry in checkCases", f.Name())
		}
	}
}

func TestAddressVars(t *testing.T) {
	for addr, want := range map[string]string{
		"orders":            "",
		"a.{x}.b.{y}":       "x,y",
		"{x}":               "x",
		"a{":                "err",
		"a}":                "err",
		"a{}":               "err",
		"a{x{y}}":           "err",
		"users/{id}/events": "id",
	} {
		vars, err := addressVars(addr)
		got := strings.Join(vars, ",")
		if err != "" {
			got = "err"
		}
		if got != want {
			t.Errorf("addressVars(%q) = %q (%s), want %q", addr, got, err, want)
		}
	}
}

func formatProblems(ps []Problem) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString("\n  " + p.String())
	}
	return b.String()
}

// JSON that YAML cannot read (a key over YAML's 1024-character limit)
// is still checked.
func TestCheckLongJSONKey(t *testing.T) {
	long := strings.Repeat("k", 2000)
	doc := `{"asyncapi": "3.0.0", "info": {"title": "t", "version": "1", "x-` + long + `": [1, 2.5, true, null]},
		"channels": {"c d": {"address": "a#b", "servers": [{"$ref": "#/servers/s"}]}},
		"servers": {"s": {"host": "h", "protocol": "kafka"}}}`
	got := Check([]byte(doc))
	var msgs []string
	for _, p := range got {
		msgs = append(msgs, p.String())
	}
	want := []string{`/channels/c d: channel id "c d" does not match`, `/channels/c d/address: address "a#b" must not contain`}
	if len(msgs) != len(want) {
		t.Fatalf("Check: %q, want %q", msgs, want)
	}
	for i := range want {
		if !strings.HasPrefix(msgs[i], want[i]) {
			t.Errorf("Check: %q, want %q", msgs[i], want[i])
		}
	}
	if got := Check([]byte(`{"a": [1,`)); len(got) != 1 || !strings.Contains(got[0].Message, "not valid") {
		t.Errorf("Check of broken JSON: %v", got)
	}
}
