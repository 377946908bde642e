// Package escaping is the golden case for text from code that means // want package:"usesClients"
// something to YAML, JSON or AsyncAPI: channel names, doc comments, struct
// tags and directives full of ": ", "#", "&", "*", "!", "|", ">", quotes,
// "%", "@", backquotes, leading "- " and "? ", newlines, tabs, control
// characters, Unicode (accents, CJK, emoji, right-to-left scripts) and a
// topic of 10 240 characters. The document must keep each of them as data:
// written escaped where YAML needs it, and read back as the same string.
//
// Addresses AsyncAPI cannot write. AsyncAPI reads {name} in an address as
// a parameter, and forbids '?' and '#'. A topic that holds them literally,
// not as parameters the code fills in ("orders #1", "{braces}", a
// template "rooms/{" + id + "}" whose braces nest, an MQTT '#' that is not
// the last level), keeps its channel: its id is made of the topic as
// usual. But its address is written as null, the way AsyncAPI writes an
// address it does not know; the channel's description quotes the topic
// (as a Go string) and says why, and x-address holds it verbatim. A
// template's parameters are then described in the description, since an
// unknown address has no parameters. Percent-encoding is not used: it
// would name another topic for every protocol but HTTP.
//
//asyncapi:info version="1.0.0: #rc1" description="info: #1 & *all* !tags |pipes >folds 'single' \"double\" %p @a `b`\n- not a list\n? not a key" contact.name="Zoë Ñúñez — 東京 🚀 مرحبا" license.name="MIT: \"ok\" #1"
package escaping

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"

	mqtt "github.com/eclipse/paho.mqtt.golang"
	"github.com/segmentio/kafka-go"
)

// Topics whose names YAML, JSON or AsyncAPI give a meaning to.
const (
	topicColon    = "orders: created"
	topicHash     = "# not a comment"
	topicQuestion = "? not a key"
	topicSigils   = "&anchor *alias !tag |pipe >fold"
	topicQuotes   = `'single' "double" %percent @at ` + "`backquote`"
	topicDash     = "- not a list"
	topicLines    = "line one\nline two\ttabbed"
	topicNewline  = "\nleading newline"
	topicTab      = "\tleading tab\nsecond line"
	topicBraces   = "{braces} not a parameter"
	topicUnicode  = "café/東京/🚀/مرحبا/עברית"
	topicControl  = "control \x01\x1b[0m\x7f \u0085 \u2028 \u2029 \ufeff end"
	topicCRLF     = "windows\r\nline"
	topicPadded   = "  padded  "
	topicNull     = "null"
	topicNumber   = "1e3"
	topicMerge    = "<<"
)

// A topic of 10 240 characters: "abcd: é 🚀 " 1024 times.
const (
	long10    = "abcd: é 🚀 "
	long40    = long10 + long10 + long10 + long10
	long160   = long40 + long40 + long40 + long40
	long640   = long160 + long160 + long160 + long160
	long2560  = long640 + long640 + long640 + long640
	topicLong = long2560 + long2560 + long2560 + long2560
)

// Order is an order: #1 & *the* !first |one >here 'single' "double" %p @a `b`.
//
// - a list item
// ? not a key
//
//	indented: {x} # y
//
// Ünïcödé: 東京, 🚀, مرحبا, עברית.
type Order struct {
	// ID: the #id & *key*.
	ID string `json:"id: #1" description:"Tag: \"quoted\" 'single' #hash\nsecond line\ttab" example:"- not a list" pattern:"^[a-z]+: #\\d+ & *$"`
	// Status is one of many.
	Status string `json:"status" enum:"new: 1,# two,&three,*four,!five,|six,>seven,'eight',%nine,@ten,- eleven,? twelve"`
	// Notes has a title and a default that need quoting. (A property
	// named "<<" is written correctly, double-quoted, but the official
	// parser takes any "<<" key for a YAML merge key, even in JSON: the
	// emit tests cover it with Go's parsers instead.)
	Notes string `json:"notes: #1" title:"merge: key" default:"? default"`
	// 名前 is a name in Japanese.
	Name string `json:"名前"`
	// Emoji is not a valid JSON name, so encoding/json uses the field's.
	Emoji string `json:"🚀"`
	// Dash is named "-".
	Dash string `json:"-,"`
	// Skipped is never encoded.
	Skipped string `json:"-"`
	// Control has control characters in its description.
	Control string `json:"control" description:"bell\a escape\x1b[0m del\x7f nel\u0085 ls\u2028 bom\ufeff end"`
	// Lines is a field whose doc has
	// several lines:	a tab,
	//
	// a paragraph, "quotes" and `backquotes`.
	Lines []string `json:"lines,omitempty" examples:"[\"a: b\", \"#c\", \"\\n\"]"`
	// Café is a type with an accented name.
	Café *Café `json:"café,omitempty"`
}

// Café: a "type" with an accented name; its component name is sanitized.
type Café struct {
	// Crème is \ escaped? No: a backslash \ and a percent %.
	Crème string `json:"crème brûlée"`
}

// Event is received.
//
// It has a trailing line with a tab:	.
type Event struct {
	Kind string `json:"kind" const:"a: b"`
}

func send(ctx context.Context, w *kafka.Writer, o Order) {
	b, _ := json.Marshal(o)
	w.WriteMessages(ctx, kafka.Message{Topic: topicColon, Value: b})                  // want `kafka send "orders: created" payload=Order\(application/json\)`
	w.WriteMessages(ctx, kafka.Message{Topic: topicHash, Value: b})                   // want `kafka send "# not a comment" payload=Order\(application/json\)`
	w.WriteMessages(ctx, kafka.Message{Topic: topicQuestion, Value: b})               // want `kafka send "\? not a key" payload=Order\(application/json\)`
	w.WriteMessages(ctx, kafka.Message{Topic: topicSigils, Value: b})                 // want `kafka send "&anchor \*alias !tag \|pipe >fold" payload=Order\(application/json\)`
	w.WriteMessages(ctx, kafka.Message{Topic: topicQuotes, Value: b})                 // want `kafka send "\x27single\x27 \\"double\\" %percent @at .backquote." payload=Order\(application/json\)`
	w.WriteMessages(ctx, kafka.Message{Topic: topicDash, Value: b})                   // want `kafka send "- not a list" payload=Order\(application/json\)`
	w.WriteMessages(ctx, kafka.Message{Topic: topicLines, Value: b})                  // want `kafka send "line one\\nline two\\ttabbed" payload=Order\(application/json\)`
	w.WriteMessages(ctx, kafka.Message{Topic: topicNewline, Value: b})                // want `kafka send "\\nleading newline" payload=Order\(application/json\)`
	w.WriteMessages(ctx, kafka.Message{Topic: topicTab, Value: b})                    // want `kafka send "\\tleading tab\\nsecond line" payload=Order\(application/json\)`
	w.WriteMessages(ctx, kafka.Message{Topic: topicBraces, Value: b})                 // want `kafka send "\{braces\} not a parameter" payload=Order\(application/json\)`
	w.WriteMessages(ctx, kafka.Message{Topic: topicUnicode, Value: b})                // want `kafka send "café/東京/🚀/مرحبا/עברית" payload=Order\(application/json\)`
	w.WriteMessages(ctx, kafka.Message{Topic: topicControl, Value: b})                // want `kafka send "control \\x01\\x1b\[0m\\x7f \\u0085 \\u2028 \\u2029 \\ufeff end" payload=Order\(application/json\)`
	w.WriteMessages(ctx, kafka.Message{Topic: topicCRLF, Value: b})                   // want `kafka send "windows\\r\\nline" payload=Order\(application/json\)`
	w.WriteMessages(ctx, kafka.Message{Topic: topicPadded, Value: b})                 // want `kafka send "  padded  " payload=Order\(application/json\)`
	w.WriteMessages(ctx, kafka.Message{Topic: topicNull, Value: b})                   // want `kafka send "null" payload=Order\(application/json\)`
	w.WriteMessages(ctx, kafka.Message{Topic: topicNumber, Value: b})                 // want `kafka send "1e3" payload=Order\(application/json\)`
	w.WriteMessages(ctx, kafka.Message{Topic: topicMerge, Value: b})                  // want `kafka send "<<" payload=Order\(application/json\)`
	w.WriteMessages(ctx, kafka.Message{Topic: topicLong, Value: b})                   // want `kafka send "(abcd: é 🚀 ){1000}(abcd: é 🚀 ){24}" payload=Order\(application/json\)`
	w.WriteMessages(ctx, kafka.Message{Topic: "headers", Value: b, Key: []byte(o.ID), // want `kafka send "headers" payload=Order\(application/json\) key=string header\[x-trace: #id & \*\]=string header\[ünï\tcödé\]=string`
		Headers: []kafka.Header{{Key: "x-trace: #id & *", Value: []byte("v")}, {Key: "ünï\tcödé", Value: []byte("v")}}})
}

// templates builds topics from run-time parts: a template with special
// characters is written as is; one with '#' or braces that nest is not.
func templates(ctx context.Context, w *kafka.Writer, tenant, region, id string, n int) { // want templates:`wraps\(.*\)`
	w.WriteMessages(ctx, kafka.Message{Topic: fmt.Sprintf("émoji 🚀: %s & *", region)})   // want `kafka send "émoji 🚀: \{region\} & \*" \{region\}=parameter region of escaping.templates payload=\[\]byte`
	w.WriteMessages(ctx, kafka.Message{Topic: fmt.Sprintf("tenant: %s #%d", tenant, n)}) // want `kafka send "tenant: \{tenant\} #\{n\}" \{tenant\}=parameter tenant of escaping.templates \{n\}=parameter n of escaping.templates payload=\[\]byte`
	w.WriteMessages(ctx, kafka.Message{Topic: "rooms/{" + id + "}"})                     // want `kafka send "rooms/\{\{id\}\}" \{id\}=parameter id of escaping.templates payload=\[\]byte`
}

// directives sets the address, summary, description and tags by
// directive.
//
//asyncapi:channel "a: b & *c !d |e >f 'g' %h @i `j` {region}" region="Région: \"#1\" — 東京 🚀"
//asyncapi:summary Summary: #1 & *bold* !tag |pipe >fold 'single' "double" %p @a `b` — 東京 🚀
//asyncapi:description Description: - not a list
//asyncapi:description ? not a key	with a tab
//asyncapi:tags a: b, #c, &d, *e, !f, |g, >h, 'i', "j", %k, @l, `m`, - n, ? o, 東京, 🚀
//asyncapi:operation send.directive-ops_1
//asyncapi:message Directive.Message-1
func directives(ctx context.Context, w *kafka.Writer, cfg map[string]string, o Order) {
	b, _ := json.Marshal(o)
	w.WriteMessages(ctx, kafka.Message{Topic: cfg["topic"], Value: b}) // want `kafka send "a: b & \*c !d \|e >f \x27g\x27 %h @i .j. \{region\}" \{region\}=Région: "#1" — 東京 🚀 id=send.directive-ops_1 message=Directive.Message-1 summary=".*" tags=a: b,#c,&d,\*e,!f,\|g,>h,\x27i\x27,"j",%k,@l,.m.,- n,\? o,東京,🚀 payload=Order\(application/json\)`
}

// groups reads one topic in two consumer groups whose names need quoting.
func groups(ctx context.Context) {
	for _, g := range []*kafka.Reader{
		kafka.NewReader(kafka.ReaderConfig{GroupID: "billing: #1 & *", Topic: topicColon}),
	} {
		m, _ := g.ReadMessage(ctx) // want `kafka receive "orders: created" payload=Event\(application/json\) groupId=billing: #1 & \*`
		var e Event
		_ = json.Unmarshal(m.Value, &e)
	}
	r := kafka.NewReader(kafka.ReaderConfig{GroupID: "audit\t'2' \"x\"", Topic: topicColon})
	m, _ := r.ReadMessage(ctx) // want `kafka receive "orders: created" payload=Event\(application/json\) groupId=audit\t\x272\x27 "x"`
	var e Event
	_ = json.Unmarshal(m.Value, &e)
}

func onEvent(_ mqtt.Client, m mqtt.Message) {
	var e Event
	_ = json.Unmarshal(m.Payload(), &e)
}

// mqttTopics publishes and subscribes to MQTT topics with wildcards,
// literal braces and '#' where it is no wildcard.
func mqttTopics(level3, rest string) { // want mqttTopics:`wraps\(.*\)`
	c := mqtt.NewClient(mqtt.NewClientOptions().AddBroker("tcp://mqtt.example.com:1883"))
	c.Subscribe("sensors/+/tëmp: °C/#", 1, onEvent) // want `mqtt receive "sensors/\+/tëmp: °C/#" payload=Event\(application/json\) broker=tcp://mqtt.example.com:1883 qos=1`
	c.Subscribe("a/#/b", 1, onEvent)                // want `mqtt receive "a/#/b" payload=Event\(application/json\) broker=tcp://mqtt.example.com:1883 qos=1`
	c.Publish("devices/{id}/state", 0, false, "on") // want `mqtt send "devices/\{id\}/state" payload=string broker=tcp://mqtt.example.com:1883 qos=0 retain=false`
	c.Subscribe(level3+"/x/+", 0, onEvent)          // want `mqtt receive "\{level3\}/x/\+" \{level3\}=parameter level3 of escaping.mqttTopics payload=Event\(application/json\) broker=tcp://mqtt.example.com:1883 qos=0`
	c.Subscribe(rest+"/#", 0, onEvent)              // want `mqtt receive "\{rest\}/#" \{rest\}=parameter rest of escaping.mqttTopics payload=Event\(application/json\) broker=tcp://mqtt.example.com:1883 qos=0`
}

func createOrder(w http.ResponseWriter, r *http.Request) {
	var o Order
	_ = json.NewDecoder(r.Body).Decode(&o)
}

// routes serves paths with special characters, a wildcard whose name is
// not ASCII (which AsyncAPI does not allow as a parameter name), and
// calls a URL with a query and a fragment, which are not part of the
// address.
func routes(mux *http.ServeMux) {
	mux.HandleFunc("POST /a: b/{id}/ñ & *", createOrder) // want `http receive "POST /a: b/\{id\}/ñ & \*" payload=Order\(application/json\)`
	mux.HandleFunc("PUT /naïve/{café}", createOrder)     // want `http receive "PUT /naïve/\{café\}" payload=Order\(application/json\)`
	b, _ := json.Marshal(Event{})
	_, _ = http.Post("http://api.example.com/v1/search: #x?q=a&b=#frag", "application/json", bytesReader(b)) // want `http send "http://api.example.com/v1/search: #x\?q=a&b=#frag" payload=Event\(application/json\) method=POST`
}
