package emit

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"math/rand"
	"strings"
	"testing"

	"github.com/asyncapi-extract/asyncapi-extract/analyzer"
	"github.com/asyncapi-extract/asyncapi-extract/emit/speccheck"
	"github.com/asyncapi-extract/asyncapi-extract/protocols"
)

// typesOf type-checks src and returns its package-level types by name.
func typesOf(t testing.TB, src string) map[string]types.Type {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	conf := types.Config{Importer: importer.Default()}
	pkg, err := conf.Check("example.com/p", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	out := make(map[string]types.Type)
	for _, name := range pkg.Scope().Names() {
		out[name] = pkg.Scope().Lookup(name).Type()
	}
	return out
}

func known(addr string) analyzer.Address { return analyzer.Address{Known: true, Value: addr} }

func typed(t types.Type) analyzer.Payload {
	return analyzer.Payload{Type: t, ContentType: "application/json"}
}

func sampleOperations(t *testing.T) []*analyzer.Operation {
	ts := typesOf(t, `package p
type Order struct { ID string `+"`json:\"id\"`"+` }
type Refund struct { OrderID string }
`)
	order, refund := ts["Order"], ts["Refund"]
	return []*analyzer.Operation{
		{Library: protocols.KafkaGo, Action: protocols.Send, Address: known("orders"),
			Messages: []analyzer.Message{{Payload: typed(order), Key: &analyzer.Payload{Raw: "string"}}},
			Settings: map[protocols.Setting][]string{protocols.SettingBroker: {"k1:9092"}}},
		{Library: protocols.KafkaGo, Action: protocols.Send, Address: known("orders"),
			Messages: []analyzer.Message{{Payload: typed(refund)}}},
		{Library: protocols.KafkaGo, Action: protocols.Receive, Address: known("orders"),
			Messages: []analyzer.Message{{Payload: typed(order)}},
			Settings: map[protocols.Setting][]string{protocols.SettingGroupID: {"billing"}}},
		{Library: protocols.KafkaGo, Action: protocols.Receive, Address: known("orders"),
			Messages: []analyzer.Message{{Payload: typed(order)}},
			Settings: map[protocols.Setting][]string{protocols.SettingGroupID: {"audit"}}},
		// Two addresses that sanitize to the same id.
		{Library: protocols.KafkaGo, Action: protocols.Send, Address: known("a/b"),
			Messages: []analyzer.Message{{Payload: analyzer.Payload{Raw: "[]byte"}}}},
		{Library: protocols.KafkaGo, Action: protocols.Send, Address: known("a b"),
			Messages: []analyzer.Message{{Payload: analyzer.Payload{Raw: "[]byte"}}}},
		{Library: protocols.KafkaGo, Action: protocols.Send, Address: analyzer.Address{Origin: `os.Getenv("T")`},
			Messages: []analyzer.Message{{Payload: analyzer.Payload{Raw: "string"}}}},
	}
}

// buildYAMLJSON builds the document of in and writes it in both formats.
func buildYAMLJSON(t testing.TB, in Input, opts Options) (y, j []byte) {
	t.Helper()
	doc, err := Build(in, opts)
	if err != nil {
		t.Fatal(err)
	}
	y, err = doc.YAML()
	if err != nil {
		t.Fatalf("YAML: %v", err)
	}
	j, err = doc.JSON()
	if err != nil {
		t.Fatalf("JSON: %v", err)
	}
	return y, j
}

func build(t *testing.T, ops []*analyzer.Operation) string {
	t.Helper()
	doc, err := Build(Input{Operations: ops}, Options{ModulePath: "example.com/p/v3"})
	if err != nil {
		t.Fatal(err)
	}
	out, err := doc.YAML()
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// The document does not depend on the order operations come in.
func TestBuildOrderIndependent(t *testing.T) {
	ops := sampleOperations(t)
	want := build(t, ops)
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 20; i++ {
		shuffled := append([]*analyzer.Operation(nil), ops...)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		if got := build(t, shuffled); got != want {
			t.Fatalf("shuffle %d changed the document:\n%s\nwant:\n%s", i, got, want)
		}
	}
}

func TestBuildIDsAndContract(t *testing.T) {
	out := build(t, sampleOperations(t))
	for _, want := range []string{
		"version: 3.0.0\n",             // from the /v3 module path
		"  a_b:\n    address: a b\n",   // sanitized id
		"  a_b-2:\n    address: a/b\n", // the collision numbered, in address order
		"  receiveOrdersAudit:\n",      // told apart by consumer group
		"  receiveOrdersBilling:\n",
		"  sendOrders:\n",
		"      - $ref: '#/channels/orders/messages/Order'\n      - $ref: '#/channels/orders/messages/Refund'\n",
		"    address: null\n    description: 'The address is only known at run time: it comes from os.Getenv(\"T\").'\n",
		"    host: k1:9092\n",
		"x-go-type: example.com/p.Order\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("document lacks %q:\n%s", want, out)
		}
	}
	speccheck.ValidateAll(t, map[string][]byte{"sample.yaml": []byte(out)})
}

// With no broker constant, the server host is a variable.
func TestServerVariable(t *testing.T) {
	out := build(t, []*analyzer.Operation{{Library: protocols.KafkaGo, Action: protocols.Send,
		Address: known("t"), Messages: []analyzer.Message{{Payload: analyzer.Payload{Raw: "[]byte"}}}}})
	want := "servers:\n  kafka:\n    host: '{kafkaBrokers}'\n    protocol: kafka\n    variables:\n      kafkaBrokers:\n"
	if !strings.Contains(out, want) {
		t.Errorf("document lacks %q:\n%s", want, out)
	}
}

// Addresses and descriptions from the code are data: YAML and JSON
// special characters come out escaped.
func TestSpecialCharacters(t *testing.T) {
	addr := "weird: #topic 'quoted' \"double\" \n newline — ünïcode {x"
	ops := []*analyzer.Operation{{Library: protocols.KafkaGo, Action: protocols.Send,
		Address: known(addr), Messages: []analyzer.Message{{Payload: analyzer.Payload{Raw: "[]byte"}}}}}
	y, j := buildYAMLJSON(t, Input{Operations: ops}, Options{Title: "t: #1"})
	// The address has "#" and a brace, which an AsyncAPI address cannot
	// hold: it is written as null, and verbatim in x-address (see
	// address.go). The document is valid and keeps the string.
	for _, data := range [][]byte{y, j} {
		if problems := speccheck.Check(data); len(problems) > 0 {
			t.Fatalf("speccheck: %v\n%s", problems, data)
		}
	}
	if !strings.Contains(string(j), `"x-address": "weird: #topic 'quoted' \"double\" \n newline — ünïcode {x"`) {
		t.Errorf("JSON address not escaped as expected:\n%s", j)
	}
}
