package directive

import (
	"reflect"
	"strings"
	"testing"
)

// named and friends build expected TypeExprs briefly.
func named(q, name string, args ...*TypeExpr) *TypeExpr {
	t := &TypeExpr{Kind: NamedType, Name: name, Args: args}
	if strings.ContainsAny(q, "/.") {
		t.ImportPath = q
	} else {
		t.Qualifier = q
	}
	if len(args) == 0 {
		t.Args = nil
	}
	return t
}
func ptr(e *TypeExpr) *TypeExpr                  { return &TypeExpr{Kind: PointerType, Elem: e} }
func slice(e *TypeExpr) *TypeExpr                { return &TypeExpr{Kind: SliceType, Elem: e} }
func array(n int64, e *TypeExpr) *TypeExpr       { return &TypeExpr{Kind: ArrayType, Len: n, Elem: e} }
func mapOf(k, e *TypeExpr) *TypeExpr             { return &TypeExpr{Kind: MapType, Key: k, Elem: e} }
func payload(text string, t *TypeExpr) Directive { return Directive{Verb: Payload, Arg: text, Type: t} }

// valid are well-formed directives, what Parse gives for them, and their
// canonical form ("" when the input is already canonical).
var valid = []struct {
	in    string
	want  Directive
	canon string
}{
	// channel
	{`//asyncapi:channel orders`, Directive{Verb: Channel, Arg: "orders"}, ""},
	{"//asyncapi:channel\t shop/orders/v1  ", Directive{Verb: Channel, Arg: "shop/orders/v1"}, "//asyncapi:channel shop/orders/v1"},
	{`//asyncapi:channel "orders and returns"`, Directive{Verb: Channel, Arg: "orders and returns"}, ""},
	{"//asyncapi:channel `a\\b c`", Directive{Verb: Channel, Arg: `a\b c`}, `//asyncapi:channel "a\\b c"`},
	{`//asyncapi:channel "orders"`, Directive{Verb: Channel, Arg: "orders"}, `//asyncapi:channel orders`},
	{`//asyncapi:channel orders.{region} region="AWS region of the shop"`,
		Directive{Verb: Channel, Arg: "orders.{region}", Fields: []Field{{"region", "AWS region of the shop"}}}, ""},
	{`//asyncapi:channel {tenant}/{a.b-c_1}/{tenant} a.b-c_1=x tenant="the tenant"`,
		Directive{Verb: Channel, Arg: "{tenant}/{a.b-c_1}/{tenant}", Fields: []Field{{"a.b-c_1", "x"}, {"tenant", "the tenant"}}}, ""},
	{`//asyncapi:channel devices/+/state`, Directive{Verb: Channel, Arg: "devices/+/state"}, ""},                    // MQTT '+' is allowed
	{"//asyncapi:channel \"a\u00a0b\"", Directive{Verb: Channel, Arg: "a\u00a0b"}, `//asyncapi:channel "a\u00a0b"`}, // Unicode space: quoted
	{"//asyncapi:channel\u2003x", Directive{Verb: Channel, Arg: "x"}, `//asyncapi:channel x`},                       // and a separator
	{`//asyncapi:channel a=b`, Directive{Verb: Channel, Arg: "a=b"}, ""},                                            // the first word is the address
	// message
	{`//asyncapi:message OrderPlaced`, Directive{Verb: Message, Arg: "OrderPlaced"}, ""},
	{`//asyncapi:message order.placed-v1_2 `, Directive{Verb: Message, Arg: "order.placed-v1_2"}, `//asyncapi:message order.placed-v1_2`},
	// operation
	{`//asyncapi:operation publishOrder`, Directive{Verb: Operation, Arg: "publishOrder"}, ""},
	// payload
	{`//asyncapi:payload Order`, payload("Order", named("", "Order")), ""},
	{`//asyncapi:payload events.Order`, payload("events.Order", named("events", "Order")), ""},
	{`//asyncapi:payload example.com/m/events.Order`, payload("example.com/m/events.Order", named("example.com/m/events", "Order")), ""},
	{`//asyncapi:payload gopkg.in/yaml.v3.Node`, payload("gopkg.in/yaml.v3.Node", named("gopkg.in/yaml.v3", "Node")), ""},
	{`//asyncapi:payload net/http.Header`, payload("net/http.Header", named("net/http", "Header")), ""},
	{`//asyncapi:payload example.com.Order`, payload("example.com.Order", named("example.com", "Order")), ""},
	{`//asyncapi:payload a.b.c.D`, payload("a.b.c.D", named("a.b.c", "D")), ""},
	{`//asyncapi:payload *events.Order`, payload("*events.Order", ptr(named("events", "Order"))), ""},
	{`//asyncapi:payload []events.Order`, payload("[]events.Order", slice(named("events", "Order"))), ""},
	{`//asyncapi:payload []*example.com/m/events.Order`, payload("[]*example.com/m/events.Order", slice(ptr(named("example.com/m/events", "Order")))), ""},
	{`//asyncapi:payload [0x10]byte`, payload("[16]byte", array(16, named("", "byte"))), "//asyncapi:payload [16]byte"},
	{`//asyncapi:payload map[string]events.Order`, payload("map[string]events.Order", mapOf(named("", "string"), named("events", "Order"))), ""},
	{`//asyncapi:payload events.Envelope[events.Order]`, payload("events.Envelope[events.Order]", named("events", "Envelope", named("events", "Order"))), ""},
	{`//asyncapi:payload  Pair[ string,example.com/m/events.Order ]  `,
		payload("Pair[string, example.com/m/events.Order]", named("", "Pair", named("", "string"), named("example.com/m/events", "Order"))),
		"//asyncapi:payload Pair[string, example.com/m/events.Order]"},
	{`//asyncapi:payload (*events.Order)`, payload("*events.Order", ptr(named("events", "Order"))), "//asyncapi:payload *events.Order"},
	{`//asyncapi:payload any`, payload("any", named("", "any")), ""},
	// summary, description
	{`//asyncapi:summary Publishes an order.`, Directive{Verb: Summary, Arg: "Publishes an order."}, ""},
	{"//asyncapi:description   Sent once per \"order\", `always`.\t", Directive{Verb: Description, Arg: "Sent once per \"order\", `always`."},
		"//asyncapi:description Sent once per \"order\", `always`."},
	// tags
	{`//asyncapi:tags orders`, Directive{Verb: Tags, Tags: []string{"orders"}}, ""},
	{`//asyncapi:tags orders, billing ,two words`, Directive{Verb: Tags, Tags: []string{"orders", "billing", "two words"}}, "//asyncapi:tags orders,billing,two words"},
	// ignore
	{`//asyncapi:ignore`, Directive{Verb: Ignore}, ""},
	{`//asyncapi:ignore  `, Directive{Verb: Ignore}, "//asyncapi:ignore"},
	// info
	{`//asyncapi:info title="Shop events" version=1.2.0`, Directive{Verb: Info, Fields: []Field{{"title", "Shop events"}, {"version", "1.2.0"}}}, ""},
	{"//asyncapi:info contact.email=ops@example.com license.name=`Apache 2.0` license.url=https://www.apache.org/licenses/LICENSE-2.0 description=\"a\\nb\"",
		Directive{Verb: Info, Fields: []Field{{"contact.email", "ops@example.com"}, {"license.name", "Apache 2.0"}, {"license.url", "https://www.apache.org/licenses/LICENSE-2.0"}, {"description", "a\nb"}}},
		`//asyncapi:info contact.email=ops@example.com license.name="Apache 2.0" license.url=https://www.apache.org/licenses/LICENSE-2.0 description="a\nb"`},
	{`//asyncapi:info termsOfService=https://x.test/?a=b contact.name=Ops contact.url=https://x.test`,
		Directive{Verb: Info, Fields: []Field{{"termsOfService", "https://x.test/?a=b"}, {"contact.name", "Ops"}, {"contact.url", "https://x.test"}}}, ""},
	// server
	{`//asyncapi:server production host=kafka.example.com:9092 protocol=kafka`,
		Directive{Verb: Server, Arg: "production", Fields: []Field{{"host", "kafka.example.com:9092"}, {"protocol", "kafka"}}}, ""},
	{`//asyncapi:server eu-1 protocol=mqtt protocolVersion=5 host=broker pathname=/mqtt description="EU broker"`,
		Directive{Verb: Server, Arg: "eu-1", Fields: []Field{{"protocol", "mqtt"}, {"protocolVersion", "5"}, {"host", "broker"}, {"pathname", "/mqtt"}, {"description", "EU broker"}}}, ""},
}

func TestParseValid(t *testing.T) {
	for _, tc := range valid {
		d, ok, err := Parse(tc.in)
		if !ok || err != nil {
			t.Errorf("Parse(%q) = ok %v, err %v; want a directive", tc.in, ok, err)
			continue
		}
		if !reflect.DeepEqual(d, tc.want) {
			t.Errorf("Parse(%q) =\n\t%#v\nwant\n\t%#v", tc.in, d, tc.want)
		}
		canon := tc.canon
		if canon == "" {
			canon = tc.in
		}
		if got := d.String(); got != canon {
			t.Errorf("Parse(%q).String() = %q, want %q", tc.in, got, canon)
		}
	}
}

// invalid are malformed directives, with the exact error and its offset.
var invalid = []struct {
	in  string
	msg string
	off int
}{
	// any verb
	{`//asyncapi:`, `missing verb after "//asyncapi:"`, 11},
	{`//asyncapi: channel x`, `missing verb after "//asyncapi:"`, 11},
	{`//asyncapi:chanel x`, `unknown directive "//asyncapi:chanel"; known verbs are channel, description, ignore, info, message, operation, payload, server, summary, tags`, 11},
	{`//asyncapi:Channel x`, `unknown directive "//asyncapi:Channel"; known verbs are channel, description, ignore, info, message, operation, payload, server, summary, tags`, 11},
	{"//asyncapi:channel a\x00b", `control character U+0000 in directive`, 20},
	{"//asyncapi:summary a\u0085b", `control character U+0085 in directive`, 20},
	{"//asyncapi:summary a\xffb", `invalid UTF-8 in directive`, 20},
	// channel
	{`//asyncapi:channel`, `asyncapi:channel: missing address`, 18},
	{`//asyncapi:channel   `, `asyncapi:channel: missing address`, 21},
	{`//asyncapi:channel ""`, `asyncapi:channel: empty address`, 19},
	{`//asyncapi:channel "orders`, `asyncapi:channel: unterminated quoted string`, 19},
	{"//asyncapi:channel `orders", `asyncapi:channel: unterminated quoted string`, 19},
	{`//asyncapi:channel "a\qb"`, `asyncapi:channel: invalid quoted string "a\qb"`, 19},
	{`//asyncapi:channel "\xff"`, `asyncapi:channel: quoted string "\xff" is not valid UTF-8`, 19},
	{`//asyncapi:channel "a"b`, `asyncapi:channel: missing space after quoted string "a"`, 22},
	{`//asyncapi:channel or"ders`, "asyncapi:channel: unquoted value or\"ders contains \"; quote the whole value", 21},
	{"//asyncapi:channel a`b", "asyncapi:channel: unquoted value a`b contains `; quote the whole value", 20},
	{`//asyncapi:channel orders?v=1`, `asyncapi:channel: address "orders?v=1": '?' is not allowed in an address`, 25},
	{`//asyncapi:channel devices/#`, `asyncapi:channel: address "devices/#": '#' is not allowed in an address`, 27},
	{`//asyncapi:channel "a b#"`, `asyncapi:channel: address "a b#": '#' is not allowed in an address`, 19},
	{`//asyncapi:channel "a\nb"`, `asyncapi:channel: address "a\nb": control character U+000A`, 19},
	{`//asyncapi:channel orders.{region`, `asyncapi:channel: address "orders.{region": unclosed '{'`, 26},
	{`//asyncapi:channel orders.{a{b}}`, `asyncapi:channel: address "orders.{a{b}}": nested '{'`, 28},
	{`//asyncapi:channel orders.}`, `asyncapi:channel: address "orders.}": '}' without '{'`, 26},
	{`//asyncapi:channel orders.{}`, `asyncapi:channel: address "orders.{}": invalid parameter name ""; want [A-Za-z_][A-Za-z0-9_.-]*`, 27},
	{`//asyncapi:channel orders.{1st}`, `asyncapi:channel: address "orders.{1st}": invalid parameter name "1st"; want [A-Za-z_][A-Za-z0-9_.-]*`, 27},
	{`//asyncapi:channel orders.{a b}`, `asyncapi:channel: address "orders.{a": unclosed '{'`, 26},
	{`//asyncapi:channel "orders.{a b}"`, `asyncapi:channel: address "orders.{a b}": invalid parameter name "a b"; want [A-Za-z_][A-Za-z0-9_.-]*`, 19},
	{`//asyncapi:channel orders.{region} shop="x"`, `asyncapi:channel: shop is not a parameter of the address "orders.{region}"`, 35},
	{`//asyncapi:channel orders x=y`, `asyncapi:channel: x is not a parameter of the address "orders"`, 26},
	{`//asyncapi:channel orders.{region} region=a region=b`, `asyncapi:channel: duplicate description for parameter region`, 44},
	{`//asyncapi:channel orders.{region} region`, `asyncapi:channel: expected key=value, found "region" (quote values that contain spaces)`, 35},
	{`//asyncapi:channel orders.{region} region=AWS region`, `asyncapi:channel: expected key=value, found "region" (quote values that contain spaces)`, 46},
	{`//asyncapi:channel orders.{region} region=`, `asyncapi:channel: empty value for region`, 42},
	{`//asyncapi:channel orders.{region} region=""`, `asyncapi:channel: empty value for region`, 42},
	{`//asyncapi:channel orders.{region} ="x"`, `asyncapi:channel: missing key before '='`, 35},
	// message, operation
	{`//asyncapi:message`, `asyncapi:message: missing name`, 18},
	{`//asyncapi:message Order Placed`, `asyncapi:message: unexpected argument "Placed"`, 25},
	{`//asyncapi:message "OrderPlaced"`, `asyncapi:message: invalid name "\"OrderPlaced\""; want letters, digits, "_", "." and "-"`, 19},
	{`//asyncapi:message order/placed`, `asyncapi:message: invalid name "order/placed"; want letters, digits, "_", "." and "-"`, 19},
	{`//asyncapi:message Örder`, `asyncapi:message: invalid name "Örder"; want letters, digits, "_", "." and "-"`, 19},
	{`//asyncapi:operation`, `asyncapi:operation: missing id`, 20},
	{`//asyncapi:operation send orders`, `asyncapi:operation: unexpected argument "orders"`, 26},
	{`//asyncapi:operation send:orders`, `asyncapi:operation: invalid id "send:orders"; want letters, digits, "_", "." and "-"`, 21},
	// payload
	{`//asyncapi:payload`, `asyncapi:payload: missing type`, 18},
	{`//asyncapi:payload events.Order]`, `asyncapi:payload: invalid type: expected 'EOF', found ']'`, 31},
	{`//asyncapi:payload events.Order other`, `asyncapi:payload: invalid type: expected 'EOF', found other`, 32},
	{`//asyncapi:payload events.Order // the order`, `asyncapi:payload: comments are not allowed in a type`, 32},
	{`//asyncapi:payload events.Order/*x*/`, `asyncapi:payload: comments are not allowed in a type`, 31},
	{`//asyncapi:payload func()`, `asyncapi:payload: unsupported type syntax "func()"; want T, pkg.T, import/path.T, *T, []T, [N]T, map[K]V or T[A, ...]`, 19},
	{`//asyncapi:payload []chan int`, `asyncapi:payload: unsupported type syntax "chan int"; want T, pkg.T, import/path.T, *T, []T, [N]T, map[K]V or T[A, ...]`, 21},
	{`//asyncapi:payload struct{ID int}`, `asyncapi:payload: unsupported type syntax "struct{ID int}"; want T, pkg.T, import/path.T, *T, []T, [N]T, map[K]V or T[A, ...]`, 19},
	{`//asyncapi:payload a..B`, `asyncapi:payload: invalid import path "a."`, 19},
	{`//asyncapi:payload example.com/.x/events.Order`, `asyncapi:payload: invalid import path "example.com/.x/events"`, 19},
	{`//asyncapi:payload example.com//events.Order`, `asyncapi:payload: comments are not allowed in a type`, 30},
	{`//asyncapi:payload *é.com/x.T`, `asyncapi:payload: invalid import path "é.com/x"`, 20},
	{`//asyncapi:payload example.com/m/events`, `asyncapi:payload: unsupported type syntax "example.com/m/events"; want T, pkg.T, import/path.T, *T, []T, [N]T, map[K]V or T[A, ...]`, 19},
	{`//asyncapi:payload [n]byte`, `asyncapi:payload: array length must be an integer literal`, 20},
	{`//asyncapi:payload [...]byte`, `asyncapi:payload: array length must be an integer literal`, 20},
	{`//asyncapi:payload [99999999999999999999]byte`, `asyncapi:payload: array length 99999999999999999999 is out of range`, 20},
	{`//asyncapi:payload Box[1]`, `asyncapi:payload: unsupported type syntax "1"; want T, pkg.T, import/path.T, *T, []T, [N]T, map[K]V or T[A, ...]`, 23},
	{`//asyncapi:payload Box[A][B]`, `asyncapi:payload: unsupported type syntax "Box[A]"; want T, pkg.T, import/path.T, *T, []T, [N]T, map[K]V or T[A, ...]`, 19},
	{`//asyncapi:payload f().T`, `asyncapi:payload: unsupported type syntax "f().T"; want T, pkg.T, import/path.T, *T, []T, [N]T, map[K]V or T[A, ...]`, 19},
	{`//asyncapi:payload _`, `asyncapi:payload: _ is not a type`, 19},
	{`//asyncapi:payload _.Order`, `asyncapi:payload: _ is not a package name`, 19},
	// summary, description
	{`//asyncapi:summary`, `asyncapi:summary: missing text`, 18},
	{"//asyncapi:summary \t ", `asyncapi:summary: missing text`, 21},
	{`//asyncapi:description`, `asyncapi:description: missing text`, 22},
	// tags
	{`//asyncapi:tags`, `asyncapi:tags: missing tags`, 15},
	{`//asyncapi:tags a,,b`, `asyncapi:tags: empty tag`, 18},
	{`//asyncapi:tags a, ,b`, `asyncapi:tags: empty tag`, 19},
	{`//asyncapi:tags a,b,`, `asyncapi:tags: empty tag`, 20},
	{`//asyncapi:tags ,a`, `asyncapi:tags: empty tag`, 16},
	{`//asyncapi:tags a, b, a`, `asyncapi:tags: duplicate tag "a"`, 22},
	// ignore
	{`//asyncapi:ignore this one`, `asyncapi:ignore: unexpected argument "this"`, 18},
	{`//asyncapi:ignore // flaky`, `asyncapi:ignore: unexpected argument "//"`, 18},
	// info
	{`//asyncapi:info`, `asyncapi:info: missing key=value`, 15},
	{`//asyncapi:info title`, `asyncapi:info: expected key=value, found "title" (quote values that contain spaces)`, 16},
	{`//asyncapi:info title=Shop events`, `asyncapi:info: expected key=value, found "events" (quote values that contain spaces)`, 27},
	{`//asyncapi:info name=Shop`, `asyncapi:info: unknown key "name"; known keys are title, version, description, termsOfService, contact.name, contact.url, contact.email, license.name, license.url`, 16},
	{`//asyncapi:info title=A title=B`, `asyncapi:info: duplicate key title`, 24},
	{`//asyncapi:info termsOfService="not a url"`, `asyncapi:info: "not a url" is not an absolute URL (https://...)`, 16},
	{`//asyncapi:info title=A contact.url=/docs`, `asyncapi:info: "/docs" is not an absolute URL (https://...)`, 24},
	{`//asyncapi:info contact.email="Ops <ops@example.com>"`, `asyncapi:info: "Ops <ops@example.com>" is not an email address`, 16},
	{`//asyncapi:info title=My"Shop"`, "asyncapi:info: unquoted value My\"Shop\" contains \"; quote the whole value", 24},
	{`//asyncapi:info title="A"version=1`, `asyncapi:info: missing space after quoted string "A"`, 25},
	{`//asyncapi:info version=`, `asyncapi:info: empty value for version`, 24},
	// server
	{`//asyncapi:server`, `asyncapi:server: missing server id`, 17},
	{`//asyncapi:server host=kafka protocol=kafka`, `asyncapi:server: invalid server id "host=kafka"; want letters, digits, "_", "." and "-"`, 18},
	{`//asyncapi:server prod`, `asyncapi:server: missing host=`, 22},
	{`//asyncapi:server prod host=kafka:9092`, `asyncapi:server: missing protocol=`, 38},
	{`//asyncapi:server prod protocol=kafka`, `asyncapi:server: missing host=`, 37},
	{`//asyncapi:server prod host=h protocol=kafka url=x`, `asyncapi:server: unknown key "url"; known keys are host, protocol, protocolVersion, pathname, description`, 45},
	{`//asyncapi:server prod host=h host=i protocol=kafka`, `asyncapi:server: duplicate key host`, 30},
}

func TestParseInvalid(t *testing.T) {
	for _, tc := range invalid {
		d, ok, err := Parse(tc.in)
		if !ok {
			t.Errorf("Parse(%q): ok = false, want a (malformed) directive", tc.in)
			continue
		}
		e, isErr := err.(*Error)
		if !isErr {
			t.Errorf("Parse(%q) = %#v, %v; want an *Error", tc.in, d, err)
			continue
		}
		if e.Msg != tc.msg || e.Offset != tc.off {
			t.Errorf("Parse(%q) error at %d: %s\nwant at %d: %s", tc.in, e.Offset, e.Msg, tc.off, tc.msg)
		}
		// The verb survives the error so the caller can say what was meant.
		verb, _, _ := strings.Cut(strings.TrimPrefix(tc.in, prefix), " ")
		if v := Verb(verb); parsers[v] != nil && d.Verb != v {
			t.Errorf("Parse(%q).Verb = %q, want %q", tc.in, d.Verb, v)
		}
	}
}

func TestNotDirectives(t *testing.T) {
	for _, text := range []string{
		"// asyncapi:channel orders",
		"//\tasyncapi:ignore",
		"/*asyncapi:ignore*/",
		"/* asyncapi:channel orders */",
		"// Package shop sends orders.",
		"//asyncapi",
		"//go:generate asyncapi-extract",
		"",
	} {
		d, ok, err := Parse(text)
		if ok || err != nil || !reflect.DeepEqual(d, Directive{}) {
			t.Errorf("Parse(%q) = %#v, %v, %v; want not a directive", text, d, ok, err)
		}
	}
}

func TestLooksLikeDirective(t *testing.T) {
	for text, want := range map[string]bool{
		"// asyncapi:channel orders":        true,
		"//  asyncapi:ignore":               true,
		"//\tasyncapi:ignore":               true,
		"/*asyncapi:ignore*/":               true,
		"/* asyncapi:channel orders */":     true,
		"/*\n asyncapi:message Order\n*/":   true,
		"// asyncapi:chanel orders":         true,  // a typo is still worth a warning
		"//asyncapi:channel orders":         false, // a directive
		"//asyncapi:chanel orders":          false, // a directive, with an error
		"// asyncapi: see the docs":         false, // prose
		"// asyncapi-extract reads Go code": false,
		"// The asyncapi:channel directive": false,
		"//go:generate x":                   false,
		"asyncapi:channel x":                false,
	} {
		if got := LooksLikeDirective(text); got != want {
			t.Errorf("LooksLikeDirective(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestMerge(t *testing.T) {
	desc := func(s string) Directive { return Directive{Verb: Description, Arg: s} }
	sum := Directive{Verb: Summary, Arg: "S"}
	got := Merge([]Directive{desc("a"), desc("b"), sum, desc("c"), desc("d"), desc("e")})
	want := []Directive{desc("a\nb"), sum, desc("c\nd\ne")}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Merge = %#v, want %#v", got, want)
	}
	if s := got[0].String(); s != "//asyncapi:description a\n//asyncapi:description b" {
		t.Errorf("String of a merged description = %q", s)
	}
	if Merge(nil) != nil {
		t.Errorf("Merge(nil) != nil")
	}
}

func TestAddressParams(t *testing.T) {
	got := AddressParams("{tenant}/orders/{region}/{tenant}")
	if want := []string{"tenant", "region"}; !reflect.DeepEqual(got, want) {
		t.Errorf("AddressParams = %q, want %q", got, want)
	}
	if got := AddressParams("orders"); got != nil {
		t.Errorf("AddressParams(orders) = %q, want nil", got)
	}
}

func TestVerbs(t *testing.T) {
	if len(Verbs()) != len(parsers) {
		t.Fatalf("Verbs() has %d verbs, parsers %d", len(Verbs()), len(parsers))
	}
	for _, v := range Verbs() {
		if parsers[v] == nil {
			t.Errorf("no parser for %q", v)
		}
		if v.PackageLevel() != (v == Info || v == Server) {
			t.Errorf("%q.PackageLevel() = %v", v, v.PackageLevel())
		}
	}
}
