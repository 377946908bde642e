// Package gensrc generates Go packages that use the messaging client
// libraries, for fuzzing the whole pipeline: [Generate] turns a seed into
// the source files of a module whose packages declare payload types
// (nested, embedded, recursive, generic...) and send and receive them with
// kafka-go, sarama, amqp091, paho, go-redis, nats and net/http, on
// addresses from constants, templates and parameters.
//
// The module requires what the repository's testdata module requires:
// write its go.mod with the module line set to [ModulePath], next to
// testdata's go.sum. Every seed gives code that compiles; the same seed
// always gives the same files.
package gensrc

import (
	"fmt"
	"go/format"
	"sort"
	"strconv"
	"strings"
)

// ModulePath is the module path the generated imports use.
const ModulePath = "example.com/gensrc"

// Generate returns the files of the module seed stands for (without
// go.mod), by slash-separated path relative to the module root.
func Generate(seed []byte) map[string]string {
	g := &gen{r: &rnd{b: seed}}
	g.types()
	g.ops()
	files := map[string]string{
		"events/events.go": g.eventsFile(),
		"svc/svc.go":       g.svcFile(),
	}
	if g.bus.Len() > 0 {
		files["bus/bus.go"] = g.busFile()
	}
	for name, src := range files {
		if out, err := format.Source([]byte(src)); err == nil {
			files[name] = string(out)
		}
	}
	return files
}

// rnd reads decisions from the seed, one byte each; past its end every
// decision is 0, the simplest choice.
type rnd struct {
	b []byte
	i int
}

func (r *rnd) byte() byte {
	if r.i >= len(r.b) {
		return 0
	}
	c := r.b[r.i]
	r.i++
	return c
}

// intn returns a number in [0, n).
func (r *rnd) intn(n int) int {
	if n <= 1 {
		return 0
	}
	return int(r.byte()) % n
}

// chance is true with probability about k/8.
func (r *rnd) chance(k int) bool { return r.intn(8) < k }

func pick[T any](r *rnd, xs []T) T { return xs[r.intn(len(xs))] }

// typeDecl is a generated payload type.
type typeDecl struct {
	name    string
	generic bool // has one type parameter T
	struc   bool // a struct type (may be embedded)
	str     bool // a named string type, which has no composite literal
	src     string
}

type gen struct {
	r      *rnd
	decls  []*typeDecl
	consts []string // const declarations of svc
	vars   []string // var declarations of svc
	funcs  []string // functions of svc
	bus    strings.Builder
	busFns int
	// imports of svc and bus, by path (the value is the name to use, or
	// "" for the package's own name).
	svcImports map[string]string
	busImports map[string]string
	events     strings.Builder
	evImports  map[string]string
	nConst     int
}

var typeNames = []string{"Order", "Refund", "Item", "Customer", "Shipment", "Payment", "Node", "Tree", "Event", "Audit"}

var words = []string{"orders", "payments", "shop", "eu", "v1", "created", "audit", "events", "users", "billing", "dlq"}

// special are pieces of addresses that YAML or AsyncAPI give a meaning
// to, mixed in now and then.
var special = []string{": ", "#", "{x}", "?", " ", "é", "🚀", "'", "\"", "&", "*", "-", "\t", "\n", "%", "@"}

// types declares 1 to 6 payload types in package events.
func (g *gen) types() {
	g.evImports = make(map[string]string)
	n := 1 + g.r.intn(6)
	for i := range n {
		g.decls = append(g.decls, &typeDecl{name: typeNames[i%len(typeNames)] + strconv.Itoa(i)})
	}
	// The kinds first: a type may refer to any other.
	for _, d := range g.decls {
		switch g.r.intn(6) {
		case 0:
			d.generic, d.struc = true, true
		case 1:
		default:
			d.struc = true
		}
	}
	for i, d := range g.decls {
		switch {
		case d.generic:
			d.src = g.genericStruct(i, d)
		case !d.struc:
			d.src = g.namedNonStruct(i, d)
		default:
			d.src = g.structType(i, d)
		}
	}
	for _, d := range g.decls {
		g.events.WriteString(d.src)
	}
}

// fieldType returns a Go type for a field of type number i (generic
// telling whether T is in scope). Types declared later, or i itself, are
// only reached through a pointer, slice or map, so that no type contains
// itself.
func (g *gen) fieldType(i int, generic bool, depth int) string {
	r := g.r
	switch k := r.intn(16); {
	case k < 5:
		return pick(r, []string{"string", "int", "int64", "float64", "bool", "[]byte", "uint8", "*string", "[]string", "map[string]int"})
	case k == 5:
		g.evImports["time"] = ""
		return pick(r, []string{"time.Time", "*time.Time", "time.Duration"})
	case k == 6:
		g.evImports["encoding/json"] = ""
		return pick(r, []string{"json.RawMessage", "json.Number"})
	case k == 7:
		return pick(r, []string{"any", "interface{}", "interface{ String() string }", "error"})
	case k == 8 && generic:
		return pick(r, []string{"T", "*T", "[]T", "map[string]T"})
	case k == 9 && depth < 2:
		var b strings.Builder
		b.WriteString("struct {\n")
		for f := range 1 + r.intn(3) {
			fmt.Fprintf(&b, "\t\tN%d %s %s\n", f, g.fieldType(i, generic, depth+1), g.tag("n"+strconv.Itoa(f)))
		}
		b.WriteString("\t}")
		return b.String()
	case k == 10 && depth < 2:
		return pick(r, []string{"[]", "*", "map[string]", "[2]"}) + g.fieldType(i, generic, depth+1)
	}
	j := r.intn(len(g.decls))
	ref := g.typeRef(j, i, generic, depth)
	if j < i {
		return pick(r, []string{"", "*", "[]", "map[string]"}) + ref
	}
	return pick(r, []string{"*", "[]", "map[string]"}) + ref
}

// typeRef names type j from inside type i, instantiating a generic one.
func (g *gen) typeRef(j, i int, generic bool, depth int) string {
	d := g.decls[j]
	if !d.generic {
		return d.name
	}
	if j == i {
		return d.name + "[T]" // the same instantiation: no infinite expansion
	}
	arg := pick(g.r, []string{"string", "int", "bool"})
	if generic && g.r.chance(2) {
		arg = "T"
	}
	if g.r.chance(3) && depth < 2 {
		// Another payload type as the argument, non-generic, declared
		// before i so that instantiations cannot nest without end.
		for k := 0; k < i && k < len(g.decls); k++ {
			if !g.decls[k].generic {
				arg = g.decls[k].name
			}
		}
	}
	return d.name + "[" + arg + "]"
}

// tag returns a struct tag for a field whose JSON name would be name.
func (g *gen) tag(name string) string {
	r := g.r
	var parts []string
	switch r.intn(8) {
	case 0:
	case 1:
		parts = append(parts, `json:"`+name+`,omitempty"`)
	case 2:
		parts = append(parts, `json:"-"`)
	case 3:
		parts = append(parts, `json:",omitempty"`)
	case 4:
		parts = append(parts, `json:"`+name+`,string"`)
	default:
		parts = append(parts, `json:"`+name+`"`)
	}
	if r.chance(1) {
		parts = append(parts, `description:"`+pick(r, []string{"a: b", "#x", "plain words", "quote 'q'"})+`"`)
	}
	if r.chance(1) {
		parts = append(parts, `required:"true"`)
	}
	if len(parts) == 0 {
		return ""
	}
	return "`" + strings.Join(parts, " ") + "`"
}

func (g *gen) doc(name string) string {
	switch g.r.intn(4) {
	case 0:
		return ""
	case 1:
		return "// " + name + " is a payload: #1 & *it* 'q'.\n"
	case 2:
		return "// " + name + " has\n// two lines:\ta tab.\n"
	}
	return "// " + name + " is a payload.\n"
}

func (g *gen) structType(i int, d *typeDecl) string {
	var b strings.Builder
	b.WriteString(g.doc(d.name))
	fmt.Fprintf(&b, "type %s struct {\n", d.name)
	g.fields(&b, i, false)
	b.WriteString("}\n\n")
	if g.r.chance(1) {
		fmt.Fprintf(&b, "// MarshalJSON makes the schema of %s unknown.\nfunc (%s) MarshalJSON() ([]byte, error) { return []byte(\"{}\"), nil }\n\n", d.name, d.name)
	}
	return b.String()
}

func (g *gen) genericStruct(i int, d *typeDecl) string {
	var b strings.Builder
	b.WriteString(g.doc(d.name))
	fmt.Fprintf(&b, "type %s[T any] struct {\n\tData T `json:\"data\"`\n", d.name)
	g.fields(&b, i, true)
	b.WriteString("}\n\n")
	return b.String()
}

// fields writes 0 to 5 fields, some embedded.
func (g *gen) fields(b *strings.Builder, i int, generic bool) {
	r := g.r
	embedded := make(map[string]bool)
	for f := range r.intn(6) {
		if doc := g.doc("F" + strconv.Itoa(f)); doc != "" {
			b.WriteString("\t" + doc)
		}
		switch r.intn(10) {
		case 0:
			// An embedded struct type: by value if declared before i, by
			// pointer otherwise (itself included).
			j := r.intn(len(g.decls))
			if d := g.decls[j]; !d.generic && (j < i || d.struc) && !embedded[d.name] && (j != i || !generic) {
				embedded[d.name] = true
				ptr := "*"
				if j < i && r.chance(4) {
					ptr = ""
				}
				fmt.Fprintf(b, "\t%s%s %s\n", ptr, d.name, pick(r, []string{"", "`json:\",omitempty\"`", "`json:\"named" + strconv.Itoa(f) + "\"`"}))
				continue
			}
		case 1:
			fmt.Fprintf(b, "\tf%d string\n", f) // unexported: not encoded
			continue
		}
		fmt.Fprintf(b, "\tF%d %s %s\n", f, g.fieldType(i, generic, 0), g.tag("f"+strconv.Itoa(f)))
	}
}

func (g *gen) namedNonStruct(i int, d *typeDecl) string {
	var b strings.Builder
	b.WriteString(g.doc(d.name))
	switch g.r.intn(3) {
	case 0:
		d.str = true
		fmt.Fprintf(&b, "type %s string\n\n// Values of %s.\nconst (\n\t%sA %s = \"a: b\"\n\t%sB %s = \"#b\"\n)\n\n", d.name, d.name, d.name, d.name, d.name, d.name)
	case 1:
		fmt.Fprintf(&b, "type %s []%s\n\n", d.name, g.elemRef(i))
	default:
		fmt.Fprintf(&b, "type %s map[string]%s\n\n", d.name, g.elemRef(i))
	}
	return b.String()
}

// elemRef is the element of a named slice or map type i: another type
// (itself is fine behind a slice or map) or a basic type.
func (g *gen) elemRef(i int) string {
	if g.r.chance(3) {
		return "string"
	}
	j := g.r.intn(len(g.decls))
	return g.typeRef(j, i, false, 0)
}

// payload returns a Go expression of a payload value, in package svc.
func (g *gen) payload() string {
	j := g.r.intn(len(g.decls))
	t := "events." + g.typeRefOutside(j)
	if g.decls[j].str {
		return t + "(\"a: b\")"
	}
	switch g.r.intn(6) {
	case 0:
		return "&" + t + "{}"
	case 1:
		return "[]" + t + "{}"
	case 2:
		return "map[string]" + t + "{}"
	}
	return t + "{}"
}

// payloadType returns a Go type of a payload, in package svc.
func (g *gen) payloadType() string {
	j := g.r.intn(len(g.decls))
	t := "events." + g.typeRefOutside(j)
	return pick(g.r, []string{"", "*", "[]"}) + t
}

func (g *gen) typeRefOutside(j int) string {
	d := g.decls[j]
	if !d.generic {
		return d.name
	}
	arg := pick(g.r, []string{"string", "int"})
	for k := range g.decls {
		if !g.decls[k].generic && g.r.chance(2) {
			arg = "events." + g.decls[k].name
			break
		}
	}
	return d.name + "[" + arg + "]"
}

// topicLit returns a constant address: words joined by sep, now and then
// with a special character.
func (g *gen) topicLit(sep string) string {
	r := g.r
	n := 1 + r.intn(3)
	parts := make([]string, n)
	for i := range parts {
		parts[i] = pick(r, words)
	}
	s := strings.Join(parts, sep)
	if r.chance(1) {
		s += pick(r, special) + pick(r, words)
	}
	return s
}

// topic returns an address expression for svc and the parameters (name
// type) the function needs for it.
func (g *gen) topic(sep string, wild []string) (string, []string) {
	r := g.r
	switch r.intn(6) {
	case 0:
		g.svcImports["fmt"] = ""
		lit := strings.ReplaceAll(g.topicLit(sep), "%", "%%")
		return fmt.Sprintf("fmt.Sprintf(%s, region)", strconv.Quote(lit+sep+"%s"+sep+pick(r, words))), []string{"region string"}
	case 1:
		return strconv.Quote(g.topicLit(sep)+sep) + " + tenant", []string{"tenant string"}
	case 2:
		name := "topic" + strconv.Itoa(g.nConst)
		g.nConst++
		g.vars = append(g.vars, fmt.Sprintf("var %s = %s\n", name, strconv.Quote(g.topicLit(sep))))
		return name, nil
	case 3:
		if len(wild) > 0 {
			return strconv.Quote(g.topicLit(sep) + sep + pick(r, wild)), nil
		}
	}
	name := "Topic" + strconv.Itoa(g.nConst)
	g.nConst++
	g.consts = append(g.consts, fmt.Sprintf("// %s is a topic.\nconst %s = %s\n", name, name, strconv.Quote(g.topicLit(sep))))
	return name, nil
}

// ops writes 1 to 8 operations into svc, each a function of its own.
func (g *gen) ops() {
	g.svcImports = map[string]string{ModulePath + "/events": ""}
	g.busImports = make(map[string]string)
	for k := range 1 + g.r.intn(8) {
		g.op(k)
	}
}

const (
	kafkaGo = "github.com/segmentio/kafka-go"
	sarama  = "github.com/IBM/sarama"
	amqp    = "github.com/rabbitmq/amqp091-go"
	paho    = "github.com/eclipse/paho.mqtt.golang"
	redis   = "github.com/redis/go-redis/v9"
	nats    = "github.com/nats-io/nats.go"
)

func (g *gen) op(k int) {
	r := g.r
	imp := func(path, name string) { g.svcImports[path] = name }
	imp("context", "")
	var params []string
	var body string
	addParams := func(ps []string) {
		for _, p := range ps {
			dup := false
			for _, q := range params {
				dup = dup || q == p
			}
			if !dup {
				params = append(params, p)
			}
		}
	}
	marshal := "\tb, err := json.Marshal(" + g.payload() + ")\n\tif err != nil {\n\t\treturn err\n\t}\n"
	kind := r.intn(11)
	if kind < 10 {
		imp("encoding/json", "")
	}
	switch kind {
	case 0, 1:
		imp(kafkaGo, "")
		t, ps := g.topic(".", nil)
		addParams(append([]string{"w *kafka.Writer"}, ps...))
		body = marshal + fmt.Sprintf("\treturn w.WriteMessages(ctx, kafka.Message{Topic: %s, Value: b})\n", t)
	case 2:
		imp(kafkaGo, "")
		t, ps := g.topic(".", nil)
		addParams(ps)
		group := ""
		if r.chance(4) {
			group = fmt.Sprintf(", GroupID: %s", strconv.Quote(pick(r, words)))
		}
		body = fmt.Sprintf("\tr := kafka.NewReader(kafka.ReaderConfig{Brokers: []string{\"kafka:9092\"}, Topic: %s%s})\n", t, group) +
			"\tm, err := r.ReadMessage(ctx)\n\tif err != nil {\n\t\treturn err\n\t}\n" +
			fmt.Sprintf("\tvar v %s\n\treturn json.Unmarshal(m.Value, &v)\n", g.payloadType())
	case 3:
		imp(sarama, "")
		t, ps := g.topic(".", nil)
		addParams(append([]string{"p sarama.SyncProducer"}, ps...))
		body = marshal + fmt.Sprintf("\t_, _, err = p.SendMessage(&sarama.ProducerMessage{Topic: %s, Value: sarama.ByteEncoder(b)})\n\treturn err\n", t)
	case 4:
		imp(amqp, "amqp")
		t, ps := g.topic(".", []string{"*", "#"})
		addParams(append([]string{"ch *amqp.Channel"}, ps...))
		body = marshal + fmt.Sprintf("\treturn ch.PublishWithContext(ctx, %s, %s, false, false, amqp.Publishing{ContentType: \"application/json\", Body: b})\n",
			strconv.Quote(pick(r, words)), t)
	case 5:
		imp(paho, "mqtt")
		t, ps := g.topic("/", nil)
		addParams(append([]string{"c mqtt.Client"}, ps...))
		body = marshal + fmt.Sprintf("\tc.Publish(%s, %d, %v, b)\n\treturn nil\n", t, r.intn(3), r.chance(4))
	case 6:
		imp(paho, "mqtt")
		t, ps := g.topic("/", []string{"+", "#", "+/x"})
		addParams(append([]string{"c mqtt.Client"}, ps...))
		body = fmt.Sprintf("\tc.Subscribe(%s, %d, func(_ mqtt.Client, m mqtt.Message) {\n\t\tvar v %s\n\t\t_ = json.Unmarshal(m.Payload(), &v)\n\t})\n\treturn nil\n",
			t, r.intn(3), g.payloadType())
	case 7:
		imp(redis, "")
		t, ps := g.topic(".", nil)
		addParams(append([]string{"rdb *redis.Client"}, ps...))
		body = marshal + fmt.Sprintf("\treturn rdb.Publish(ctx, %s, b).Err()\n", t)
	case 8:
		imp(nats, "")
		t, ps := g.topic(".", []string{"*", ">"})
		addParams(append([]string{"nc *nats.Conn"}, ps...))
		if r.chance(4) {
			body = marshal + fmt.Sprintf("\treturn nc.Publish(%s, b)\n", t)
		} else {
			body = fmt.Sprintf("\t_, err := nc.Subscribe(%s, func(m *nats.Msg) {\n\t\tvar v %s\n\t\t_ = json.Unmarshal(m.Data, &v)\n\t})\n\treturn err\n", t, g.payloadType())
		}
	case 9:
		imp("net/http", "")
		path := "/" + g.topicLit("/")
		if r.chance(4) {
			path += "/{id}"
		}
		if r.chance(4) {
			path = pick(r, []string{"POST ", "PUT ", "GET "}) + path
		}
		addParams([]string{"mux *http.ServeMux"})
		body = fmt.Sprintf("\tmux.HandleFunc(%s, func(w http.ResponseWriter, r *http.Request) {\n\t\tvar v %s\n\t\tif err := json.NewDecoder(r.Body).Decode(&v); err != nil {\n\t\t\thttp.Error(w, err.Error(), http.StatusBadRequest)\n\t\t}\n\t})\n\treturn nil\n",
			strconv.Quote(path), g.payloadType())
	default:
		// Through a wrapper in package bus, which marshals what it is
		// given and sends it to the topic it is given.
		imp(kafkaGo, "")
		imp(ModulePath+"/bus", "")
		g.busWrapper()
		t, ps := g.topic(".", nil)
		addParams(append([]string{"w *kafka.Writer"}, ps...))
		body = fmt.Sprintf("\treturn bus.Publish%d(ctx, w, %s, %s)\n", g.busFns-1, t, g.payload())
	}
	g.funcs = append(g.funcs, fmt.Sprintf("// Op%d is an operation.\nfunc Op%d(%s) error {\n%s}\n",
		k, k, strings.Join(append([]string{"ctx context.Context"}, params...), ", "), body))
}

// busWrapper adds a wrapper to package bus.
func (g *gen) busWrapper() {
	g.busImports["context"] = ""
	g.busImports["encoding/json"] = ""
	g.busImports[kafkaGo] = ""
	n := g.busFns
	g.busFns++
	fmt.Fprintf(&g.bus, "// Publish%d sends v as JSON to topic.\nfunc Publish%d(ctx context.Context, w *kafka.Writer, topic string, v any) error {\n"+
		"\tb, err := json.Marshal(v)\n\tif err != nil {\n\t\treturn err\n\t}\n\treturn w.WriteMessages(ctx, kafka.Message{Topic: topic, Value: b})\n}\n\n", n, n)
}

func importBlock(imps map[string]string) string {
	if len(imps) == 0 {
		return ""
	}
	paths := make([]string, 0, len(imps))
	for p := range imps {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var b strings.Builder
	b.WriteString("import (\n")
	for _, p := range paths {
		if name := imps[p]; name != "" {
			fmt.Fprintf(&b, "\t%s %q\n", name, p)
		} else {
			fmt.Fprintf(&b, "\t%q\n", p)
		}
	}
	b.WriteString(")\n\n")
	return b.String()
}

func (g *gen) eventsFile() string {
	return "// Package events declares the payloads.\npackage events\n\n" + importBlock(g.evImports) + g.events.String()
}

func (g *gen) svcFile() string {
	var b strings.Builder
	b.WriteString("// Package svc sends and receives the payloads.\npackage svc\n\n")
	b.WriteString(importBlock(g.svcImports))
	for _, c := range g.consts {
		b.WriteString(c + "\n")
	}
	for _, v := range g.vars {
		b.WriteString(v + "\n")
	}
	for _, f := range g.funcs {
		b.WriteString(f + "\n")
	}
	return b.String()
}

func (g *gen) busFile() string {
	return "// Package bus wraps the clients.\npackage bus\n\n" + importBlock(g.busImports) + g.bus.String()
}
