package emit

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/asyncapi-extract/asyncapi-extract/analyzer"
	"github.com/asyncapi-extract/asyncapi-extract/analyzer/directive"
	"github.com/asyncapi-extract/asyncapi-extract/emit/speccheck"
	"github.com/asyncapi-extract/asyncapi-extract/protocols"
	"github.com/asyncapi-extract/asyncapi-extract/schema"
)

// nastyStrings are strings that mean something to YAML, JSON or
// AsyncAPI, or that YAML encoders get wrong.
var nastyStrings = []string{
	"a: b", "#c", "&d", "*e", "!f", "|g", ">h", "'i'", `"j"`, "%k", "@l", "`m`", "- n", "? o", "[p]", "{q}", "r,s",
	"line\nbreak", "\nleading newline", "\n\n", "trailing newline\n", "\ttab first\nsecond", "a\n\tb", " space first\nx",
	"crlf\r\nx", "cr\rx", "nel\u0085x", "ls\u2028x\nmore", "ps\u2029", "bom\ufeff", "\ufeffbom first\nx",
	"ctl\x01\x1b[0m\x7f", "nbsp\u00a0x\ny", "nul\x00byte", "zero\u200bwidth",
	"<<", "null", "~", "true", "no", "1e3", "0x1F", "-1", ".inf", "---", "...", "--- x", "a\n---\nb",
	" padded ", "東京 🚀 مرحبا עברית café", "a?b", "a#b", "}{", "{x}",
	strings.Repeat("long: é 🚀 ", 1000), "bad\xffutf8", "\xc3",
}

// asData is what a string reads back as: invalid UTF-8 bytes become
// U+FFFD, one each.
func asData(s string) string { return validUTF8(s) }

// nastyTags are the struct tags of Order's fields.
func nastyTags() []string {
	var tags []string
	for i, s := range nastyStrings {
		tags = append(tags, fmt.Sprintf("json:%s description:%s example:%s enum:%s pattern:%s title:%s",
			strconv.Quote(s+"|f"+strconv.Itoa(i)), strconv.Quote(s), strconv.Quote(s),
			strconv.Quote(strings.ReplaceAll(s, ",", ";")+",x"), strconv.Quote(s), strconv.Quote(s)))
	}
	return tags
}

// nastyJSONNames are the names encoding/json gives Order's fields: those
// of the tags it accepts, else the fields'.
func nastyJSONNames(t *testing.T) []string {
	var fields []reflect.StructField
	for i, tag := range nastyTags() {
		fields = append(fields, reflect.StructField{Name: "F" + strconv.Itoa(i), Type: reflect.TypeFor[string](), Tag: reflect.StructTag(tag)})
	}
	b, err := json.Marshal(reflect.New(reflect.StructOf(fields)).Elem().Interface())
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	return names
}

// nastySource declares Order, whose fields carry the nasty strings as
// JSON names (where encoding/json accepts them), descriptions, examples,
// enums and patterns.
func nastySource() string {
	var b strings.Builder
	b.WriteString("package p\n\ntype Order struct {\n")
	for i, tag := range nastyTags() {
		fmt.Fprintf(&b, "\tF%d string %s\n", i, strconv.Quote(tag))
	}
	b.WriteString("}\n")
	return b.String()
}

// nastyInput is a build input with strs everywhere the code's text can
// go; with !all, in fewer operations.
func nastyInput(t *testing.T, strs []string, all bool) (Input, Options) {
	order := typesOf(t, nastySource())["Order"]
	docs := schema.MapDocs{"example.com/p.Order": strings.Join(strs, " ")}
	var ops []*analyzer.Operation
	for i, s := range strs {
		msg := analyzer.Message{Payload: typed(order), Key: &analyzer.Payload{Raw: "string"},
			Headers: []analyzer.Header{{Name: s, Value: analyzer.Payload{Raw: "string"}}}}
		ops = append(ops,
			&analyzer.Operation{Library: protocols.KafkaGo, Action: protocols.Send, Address: known(s),
				Summary: s, Description: s, Tags: []string{s, "tag" + strconv.Itoa(i)}, Messages: []analyzer.Message{msg}},
			&analyzer.Operation{Library: protocols.KafkaGo, Action: protocols.Send, Address: analyzer.Address{Origin: s},
				ID: s, MessageName: s, Messages: []analyzer.Message{{Payload: analyzer.Payload{Raw: "string"}}}})
		if !all {
			continue
		}
		ops = append(ops,
			&analyzer.Operation{Library: protocols.KafkaGo, Action: protocols.Receive, Address: known(s),
				Messages: []analyzer.Message{{Payload: typed(order)}},
				Settings: map[protocols.Setting][]string{protocols.SettingGroupID: {s}}},
			&analyzer.Operation{Library: protocols.KafkaGo, Action: protocols.Send,
				Address:  analyzer.Address{Known: true, Value: "t." + s + ".{p}", Params: []analyzer.AddressParam{{Name: "p", Origin: s}}},
				Messages: []analyzer.Message{{Payload: analyzer.Payload{Raw: "[]byte"}}}},
			&analyzer.Operation{Library: protocols.PahoMQTT, Action: protocols.Receive, Address: known(s + "/+/#"),
				Messages: []analyzer.Message{{Payload: typed(order)}}},
			&analyzer.Operation{Library: protocols.NetHTTP, Action: protocols.Receive, Address: known("POST /r" + strconv.Itoa(i) + "/" + s + "/{id}"),
				Messages: []analyzer.Message{{Payload: typed(order)}}, Replies: []analyzer.Payload{{Raw: "string"}}},
		)
	}
	var dirs []analyzer.PackageDirective
	for i, key := range []string{"description", "contact.name", "license.name"} {
		dirs = append(dirs, analyzer.PackageDirective{Directive: directive.Directive{Verb: directive.Info,
			Fields: []directive.Field{{Key: key, Value: strs[i*7%len(strs)] + " " + strs[i]}}}})
	}
	return Input{Operations: ops, Docs: docs, Directives: dirs},
		Options{Title: "title: #1\n- x", Version: "1.0: #2", ModulePath: "example.com/p"}
}

// Strings from the code come out as data: the YAML and the JSON document
// read back (with Go's parsers) as the same tree, every string in it,
// and they pass the structural checks and the official parser.
func TestNastyStringsRoundTrip(t *testing.T) {
	in, opts := nastyInput(t, nastyStrings, true)
	y, j := buildYAMLJSON(t, in, opts)
	var fromYAML, fromJSON any
	if err := yaml.Unmarshal(y, &fromYAML); err != nil {
		t.Fatalf("the YAML does not parse: %v", err)
	}
	if err := json.Unmarshal(j, &fromJSON); err != nil {
		t.Fatalf("the JSON does not parse: %v", err)
	}
	// Through JSON, so that numbers have one type.
	yj, err := json.Marshal(fromYAML)
	if err != nil {
		t.Fatal(err)
	}
	var fromYAMLAsJSON any
	if err := json.Unmarshal(yj, &fromYAMLAsJSON); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(fromYAMLAsJSON, fromJSON) {
		t.Errorf("the YAML and the JSON document read back differently")
	}

	// Every string is in the document as it was, as a key or a value.
	found := make(map[string]bool)
	collectStrings(fromYAML, found)
	for _, s := range nastyStrings {
		if !found[asData(s)] {
			t.Errorf("the YAML document lost %q", s)
		}
	}
	for _, name := range nastyJSONNames(t) {
		if !found[name] {
			t.Errorf("the YAML document lacks the property %q", name)
		}
	}
	jfound := make(map[string]bool)
	collectStrings(fromJSON, jfound)
	if !reflect.DeepEqual(found, jfound) {
		t.Errorf("the YAML and JSON documents hold different strings")
	}

	// Addresses: each is the address or, when AsyncAPI cannot write it,
	// x-address; a channel has one or the other.
	addrs := make(map[string]bool)
	channels, _ := fromYAML.(map[string]any)["channels"].(map[string]any)
	for id, c := range channels {
		ch := c.(map[string]any)
		a, hasA := ch["address"].(string)
		x, hasX := ch["x-address"].(string)
		switch {
		case hasA && hasX:
			t.Errorf("channel %s has both address and x-address", id)
		case hasA:
			addrs[a] = true
		case hasX:
			addrs[x] = true
			if _, ok := ch["parameters"]; ok {
				t.Errorf("channel %s with a null address has parameters", id)
			}
		}
	}
	for _, s := range nastyStrings {
		if !addrs[asData(s)] {
			t.Errorf("no channel has the address %q", s)
		}
	}

	for name, data := range map[string][]byte{"yaml": y, "json": j} {
		for _, p := range speccheck.Check(data) {
			t.Errorf("%s: speccheck: %s", name, p)
		}
	}
	// The official parser takes any "<<" key for a YAML merge key, even
	// a quoted one, even in JSON: it gets a document without them, and
	// without the long string, which makes it slow (the golden document
	// escaping.yaml has one).
	var noMerge []string
	for _, s := range nastyStrings {
		if s != "<<" && len(s) < 1000 {
			noMerge = append(noMerge, s)
		}
	}
	in2, opts2 := nastyInput(t, noMerge, false)
	y2, j2 := buildYAMLJSON(t, in2, opts2)
	speccheck.ValidateAll(t, map[string][]byte{"nasty.yaml": y2, "nasty.json": j2})

	// The document does not depend on the operations' order, and the
	// YAML is written the same way twice.
	again, err := Build(in, opts)
	if err != nil {
		t.Fatal(err)
	}
	yAgain, _ := again.YAML()
	if string(yAgain) != string(y) {
		t.Errorf("a second build gave different YAML")
	}
}

func collectStrings(v any, into map[string]bool) {
	switch v := v.(type) {
	case string:
		into[v] = true
	case []any:
		for _, e := range v {
			collectStrings(e, into)
		}
	case map[string]any:
		for k, e := range v {
			into[k] = true
			collectStrings(e, into)
		}
	}
}

// Every scalar the document may hold is written so that YAML reads it
// back: the cases yaml.v3 gets wrong on its own.
func TestYAMLScalarsRoundTrip(t *testing.T) {
	for _, s := range append(nastyStrings, "\t", "\n", "a\n", "\n\ta", "\u2028\n", "a\n\u0085", "\x00\n") {
		checkYAMLScalar(t, s)
	}
}

// checkYAMLScalar writes s as a key, a value and a list item, and checks
// that it reads back as asData(s).
func checkYAMLScalar(t *testing.T, s string) {
	t.Helper()
	root := newMapping().
		set("m", newMapping().set(s, str(s)).node()).
		set("s", seq(str(s))).node()
	out, err := marshalYAML(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}})
	if err != nil {
		t.Fatalf("%q: %v", s, err)
	}
	var back struct {
		M map[string]string
		S []string
	}
	if err := yaml.Unmarshal(out, &back); err != nil {
		t.Fatalf("%q: the YAML does not parse: %v\n%s", s, err, out)
	}
	want := asData(s)
	if len(back.M) != 1 || back.M[want] != want || len(back.S) != 1 || back.S[0] != want {
		keys := make([]string, 0, len(back.M))
		for k := range back.M {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		t.Fatalf("%q read back as keys %q, map %q, list %q\n%s", s, keys, back.M, back.S, out)
	}
}
