package schema

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"go/constant"
	"go/types"
	"math"
	"math/big"
	"math/rand/v2"
	"net"
	"net/netip"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	// The validator of the round-trip test. santhosh-tekuri/jsonschema
	// is pure Go (its only dependency is golang.org/x/text), passes the
	// official JSON-Schema-Test-Suite for drafts 4 to 2020-12 including
	// the optional format tests, supports draft-07 (the base of AsyncAPI's
	// schema object), and can assert format and contentEncoding, which
	// the schemas rely on (date-time, uuid, email, base64). The
	// alternatives are unmaintained (xeipuuv/gojsonschema) or lack
	// draft-07 (qri-io/jsonschema, kaptinlin/jsonschema).
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The round-trip test marshals random values of every corpus type with
// encoding/json and validates the output against our schema, as a
// document whose components the $refs resolve to. The random values
// respect what the code promises beyond the Go type and the schema
// rightly assumes: the constraints of the field tags (validate and
// swaggest tags, interpreted here independently of the schema code), the
// declared constants of enum types, and non-nil slices and maps (the
// schemas deliberately do not admit null for them, nor for the elements of
// []*T and map[K]*T; see the package documentation). Values are marshalled
// through a pointer, as the package assumes (see addr). The test then mutates valid output into invalid output
// (a required member dropped, a value outside an enum or below a minimum,
// a bad format, a wrong type) and expects the validator to reject it.

const roundTripValues = 40 // random values per corpus case

var seed = flag.Uint64("roundtrip.seed", 1, "seed of the random values of TestRoundTrip and TestRejection")

// compiledCorpus compiles the schemas of all corpus cases in one
// document {components: {schemas}, roots: {rN: ...}}.
func compiledCorpus(t *testing.T, lc *loadedCorpus, set *Set) ([]*jsonschema.Schema, map[string]any) {
	t.Helper()
	comps := map[string]any{}
	for _, c := range set.Components() {
		comps[c.Name] = toAny(t, c.Schema)
	}
	roots := map[string]any{}
	for i, c := range corpusCases {
		roots[fmt.Sprintf("r%d", i)] = toAny(t, set.Ref(lc.typeOf(t, c.expr)))
	}
	doc := map[string]any{"components": map[string]any{"schemas": comps}, "roots": roots}
	data, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	res, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft7)
	c.AssertFormat()
	c.AssertContent()
	const url = "mem:///corpus.json"
	if err := c.AddResource(url, res); err != nil {
		t.Fatal(err)
	}
	var out []*jsonschema.Schema
	for i := range corpusCases {
		s, err := c.Compile(fmt.Sprintf("%s#/roots/r%d", url, i))
		if err != nil {
			t.Fatalf("%s: %v", corpusCases[i].expr, err)
		}
		out = append(out, s)
	}
	return out, comps
}

// addr returns a pointer to a copy of v: the package assumes payloads are
// marshalled through pointers, so that encoding/json calls the
// pointer-receiver marshalers of fields (*big.Int.MarshalJSON).
func addr(v reflect.Value) any {
	p := reflect.New(v.Type())
	p.Elem().Set(v)
	return p.Interface()
}

func TestRoundTrip(t *testing.T) {
	lc := loadCorpus(t)
	set := lc.build(t)
	compiled, _ := compiledCorpus(t, lc, set)
	g := &generator{r: rand.New(rand.NewPCG(*seed, 2)), enums: corpusEnums(lc.pkg)}
	n := 0
	for i, c := range corpusCases {
		rt := reflect.TypeOf(c.value)
		for range roundTripValues {
			v := g.value(rt, constraints{}, 0)
			data, err := json.Marshal(addr(v))
			if err != nil {
				t.Fatalf("%s: json.Marshal: %v", c.expr, err)
			}
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if err := compiled[i].Validate(inst); err != nil {
				t.Errorf("%s: %s does not validate: %v", c.expr, data, err)
				break
			}
			n++
		}
	}
	t.Logf("%d values of %d types validated", n, len(corpusCases))
}

// TestRejection mutates valid output and expects each mutation rejected.
func TestRejection(t *testing.T) {
	lc := loadCorpus(t)
	set := lc.build(t)
	compiled, comps := compiledCorpus(t, lc, set)
	doc := &schemaDoc{prefix: refPrefix, defs: comps}
	g := &generator{r: rand.New(rand.NewPCG(*seed, 4)), enums: corpusEnums(lc.pkg)}
	kinds := map[string]int{}
	for i, c := range corpusCases {
		for range 3 {
			data, err := json.Marshal(addr(g.value(reflect.TypeOf(c.value), constraints{}, 0)))
			if err != nil {
				t.Fatal(err)
			}
			var value any
			if err := json.Unmarshal(data, &value); err != nil {
				t.Fatal(err)
			}
			schema := toAny(t, set.Ref(lc.typeOf(t, c.expr)))
			for _, m := range mutations(doc, schema, value, "") {
				bad, err := json.Marshal(m.value)
				if err != nil {
					t.Fatal(err)
				}
				inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(bad))
				if err != nil {
					t.Fatal(err)
				}
				if compiled[i].Validate(inst) == nil {
					t.Errorf("%s: %s at %q accepted: %s", c.expr, m.kind, m.path, bad)
				}
				kinds[m.kind]++
			}
		}
	}
	for _, k := range []string{"drop required", "outside enum", "below minimum", "above maximum", "bad format", "wrong type", "too short"} {
		if kinds[k] == 0 {
			t.Errorf("no mutation %q tried", k)
		}
	}
	t.Logf("mutations rejected: %v", kinds)
}

type mutation struct {
	kind, path string
	value      any // the whole mutated value
}

// mutations returns mutated copies of value (valid against schema s) that
// break one constraint of s or of the schemas of its members, recursively.
func mutations(doc *schemaDoc, s, value any, path string) []mutation {
	es, _ := expand(doc, s)
	if es == nil {
		return nil
	}
	var out []mutation
	add := func(kind string, v any) { out = append(out, mutation{kind, path, v}) }
	if value == nil {
		return nil
	}
	typ, _ := es["type"].([]string)
	if len(typ) == 1 && es["anyOf"] == nil && es["oneOf"] == nil {
		switch typ[0] {
		case "string":
			add("wrong type", 12345.0)
		default:
			add("wrong type", "a string")
		}
	}
	if enum, ok := es["enum"].([]any); ok && len(enum) > 0 {
		if _, isStr := enum[0].(string); isStr {
			add("outside enum", "\x00not in the enum")
		} else {
			add("outside enum", 987654321.5)
		}
	}
	if _, ok := value.(float64); ok {
		if m, ok := es["minimum"].(float64); ok && m > -1e15 {
			add("below minimum", m-1)
		}
		if m, ok := es["maximum"].(float64); ok && m < 1e15 {
			add("above maximum", m+1)
		}
	}
	if s, ok := value.(string); ok {
		if bad, ok := badFormats[fmt.Sprint(es["format"])]; ok {
			add("bad format", bad)
		}
		if n, ok := es["minLength"].(float64); ok && n > 0 && len(s) > 0 {
			add("too short", "")
		}
	}
	if obj, ok := value.(map[string]any); ok {
		props, _ := es["properties"].(map[string]any)
		req, _ := es["required"].([]any)
		for _, r := range req {
			name := r.(string)
			if _, ok := obj[name]; ok {
				cp := mapsClone(obj)
				delete(cp, name)
				add("drop required", cp)
			}
		}
		for name, ps := range props {
			mv, ok := obj[name]
			if !ok {
				continue
			}
			for _, m := range mutations(doc, ps, mv, path+"/"+name) {
				cp := mapsClone(obj)
				cp[name] = m.value
				out = append(out, mutation{m.kind, m.path, cp})
			}
		}
	}
	if arr, ok := value.([]any); ok && len(arr) > 0 {
		if items, ok := es["items"]; ok {
			for _, m := range mutations(doc, items, arr[0], path+"/0") {
				cp := slices.Clone(arr)
				cp[0] = m.value
				out = append(out, mutation{m.kind, m.path, cp})
			}
		}
	}
	return out
}

// badFormats holds a value that is not of each format.
var badFormats = map[string]string{
	"uuid":      "not-a-uuid",
	"date-time": "yesterday",
	"email":     "no-at-sign",
	"uri":       "relative/path only",
	"ipv4":      "999.1.1.1",
	"ipv6":      "1:::2:::3",
}

func mapsClone(m map[string]any) map[string]any {
	cp := make(map[string]any, len(m))
	for k, v := range m {
		cp[k] = v
	}
	return cp
}

// corpusEnums returns the declared constants of the named types of pkg
// and the packages it imports, by "pkg/path.Name".
func corpusEnums(pkg *types.Package) map[string][]constant.Value {
	out := map[string][]constant.Value{}
	var consts []*types.Const
	for _, p := range append([]*types.Package{pkg}, pkg.Imports()...) {
		for _, name := range p.Scope().Names() {
			if c, ok := p.Scope().Lookup(name).(*types.Const); ok {
				consts = append(consts, c)
			}
		}
	}
	slices.SortFunc(consts, func(a, b *types.Const) int { return int(a.Pos() - b.Pos()) })
	for _, c := range consts {
		if n, ok := c.Type().(*types.Named); ok && n.Obj().Pkg() != nil {
			key := n.Obj().Pkg().Path() + "." + n.Obj().Name()
			out[key] = append(out[key], c.Val())
		}
	}
	for k, v := range out {
		// time.Duration's constants are units, not an enum.
		if len(v) < 2 || k == "time.Duration" {
			delete(out, k)
		}
	}
	return out
}

// constraints is what a field's tags promise about its value.
type constraints struct {
	required         bool // not zero (validate required; required/nullable:"false" tags)
	maybeZero        bool // validate omitempty: zero is fine too
	minLen, maxLen   int  // strings; -1: none
	min, max         *float64
	exclMin, exclMax bool
	enum             []string // oneof or enum tag values, as text
	constant         *string
	format, pattern  string
	minItems         int
	maxItems         int // -1: none
	unique           bool
	elem, key        *constraints
}

func noConstraints() constraints {
	return constraints{minLen: -1, maxLen: -1, maxItems: -1}
}

// fieldConstraints reads the validate and swaggest tags of a field.
func fieldConstraints(tag reflect.StructTag) constraints {
	c := noConstraints()
	if v, ok := tag.Lookup("validate"); ok {
		rules := parseValidate(v)
		c = rulesConstraints(rules)
	}
	num := func(key string) *float64 {
		if v, ok := tag.Lookup(key); ok {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				return &f
			}
		}
		return nil
	}
	intTag := func(key string, dst *int) {
		if f := num(key); f != nil {
			*dst = int(*f)
		}
	}
	if f := num("minimum"); f != nil {
		c.min = f
	}
	if f := num("maximum"); f != nil {
		c.max = f
	}
	if f := num("exclusiveMinimum"); f != nil {
		c.min, c.exclMin = f, true
	}
	if f := num("exclusiveMaximum"); f != nil {
		c.max, c.exclMax = f, true
	}
	intTag("minLength", &c.minLen)
	intTag("maxLength", &c.maxLen)
	intTag("minItems", &c.minItems)
	intTag("maxItems", &c.maxItems)
	if tag.Get("uniqueItems") == "true" {
		c.unique = true
	}
	if v := tag.Get("enum"); v != "" {
		c.enum = strings.Split(v, ",")
	}
	if v, ok := tag.Lookup("const"); ok {
		c.constant = &v
	}
	if v := tag.Get("format"); v != "" {
		c.format = v
	}
	if v := tag.Get("pattern"); v != "" {
		c.pattern = v
	}
	if tag.Get("required") == "true" || tag.Get("nullable") == "false" {
		c.required = true
	}
	return c
}

func rulesConstraints(rules *validateRules) constraints {
	c := noConstraints()
	for _, r := range rules.rules {
		n, err := strconv.ParseFloat(r.param, 64)
		if d, derr := time.ParseDuration(r.param); derr == nil && err != nil {
			n, err = float64(d), nil
		}
		switch r.name {
		case "required":
			c.required = true
		case "omitempty":
			c.maybeZero = true
		case "min", "gte":
			if err == nil {
				c.min, c.minLen, c.minItems = &n, int(n), int(n)
			}
		case "max", "lte":
			if err == nil {
				c.max, c.maxLen, c.maxItems = &n, int(n), int(n)
			}
		case "len":
			if err == nil {
				c.min, c.max, c.minLen, c.maxLen, c.minItems, c.maxItems = &n, &n, int(n), int(n), int(n), int(n)
			}
		case "gt":
			c.min, c.exclMin, c.minLen, c.minItems = &n, true, int(n)+1, int(n)+1
		case "lt":
			c.max, c.exclMax, c.maxLen, c.maxItems = &n, true, int(n)-1, int(n)-1
		case "oneof":
			for _, w := range strings.Fields(strings.ReplaceAll(r.param, "'dark blue'", "dark\x00blue")) {
				c.enum = append(c.enum, strings.ReplaceAll(w, "\x00", " "))
			}
		case "email", "url", "uuid4", "uuid":
			c.format = r.name
		case "alpha", "alphanum", "numeric":
			c.pattern = r.name
		}
	}
	if rules.dive != nil {
		e := rulesConstraints(rules.dive)
		c.elem = &e
		if len(rules.dive.keys) > 0 {
			k := rulesConstraints(&validateRules{rules: rules.dive.keys})
			c.key = &k
		}
	}
	return c
}

// generator makes random values of Go types.
type generator struct {
	r     *rand.Rand
	enums map[string][]constant.Value
}

const maxGenDepth = 4

var (
	timeType     = reflect.TypeFor[time.Time]()
	uuidType     = reflect.TypeFor[uuid.UUID]()
	ipType       = reflect.TypeFor[net.IP]()
	addrType     = reflect.TypeFor[netip.Addr]()
	prefixType   = reflect.TypeFor[netip.Prefix]()
	userinfoType = reflect.TypeFor[url.Userinfo]()
	bigIntType   = reflect.TypeFor[big.Int]()
	bigFloatType = reflect.TypeFor[big.Float]()
	numberType   = reflect.TypeFor[json.Number]()
	rawType      = reflect.TypeFor[json.RawMessage]()
)

// value returns a random value of type t that satisfies c.
func (g *generator) value(t reflect.Type, c constraints, depth int) reflect.Value {
	v := reflect.New(t).Elem()
	if c.maybeZero && !c.required && g.r.IntN(3) == 0 {
		return v
	}
	switch t {
	case timeType:
		loc := time.UTC
		if g.r.IntN(2) == 0 {
			loc = time.FixedZone("", (g.r.IntN(25)-12)*3600)
		}
		v.Set(reflect.ValueOf(time.Unix(g.r.Int64N(4e9), g.r.Int64N(1e9)).In(loc)))
		return v
	case uuidType:
		var u uuid.UUID
		for i := range u {
			u[i] = byte(g.r.UintN(256))
		}
		v.Set(reflect.ValueOf(u))
		return v
	case ipType:
		switch g.r.IntN(3) {
		case 0:
			v.Set(reflect.ValueOf(net.IP(g.bytes(4))))
		case 1:
			v.Set(reflect.ValueOf(net.IP(g.bytes(16))))
		}
		return v
	case addrType:
		if g.r.IntN(3) > 0 {
			v.Set(reflect.ValueOf(netip.AddrFrom16([16]byte(g.bytes(16)))))
		}
		return v
	case prefixType:
		v.Set(reflect.ValueOf(netip.PrefixFrom(netip.AddrFrom4([4]byte(g.bytes(4))), g.r.IntN(33))))
		return v
	case userinfoType:
		v.Set(reflect.ValueOf(*url.UserPassword("user", "secret")))
		return v
	case bigIntType:
		v.Set(reflect.ValueOf(*big.NewInt(g.r.Int64() - math.MaxInt64/2)))
		return v
	case bigFloatType:
		v.Set(reflect.ValueOf(*big.NewFloat(g.r.NormFloat64() * 1e6)))
		return v
	case numberType:
		v.SetString(strconv.FormatFloat(g.r.NormFloat64()*1e3, 'g', -1, 64))
		return v
	case rawType:
		lits := []string{`null`, `1`, `"s"`, `{"a":[1,2]}`, `[]`, `true`}
		v.SetBytes([]byte(lits[g.r.IntN(len(lits))]))
		return v
	}
	if vals := g.enums[t.PkgPath()+"."+t.Name()]; vals != nil && t.Name() != "" {
		val := vals[g.r.IntN(len(vals))]
		switch t.Kind() {
		case reflect.String:
			v.SetString(constant.StringVal(val))
			return v
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			i, _ := constant.Int64Val(val)
			v.SetInt(i)
			return v
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
			u, _ := constant.Uint64Val(val)
			v.SetUint(u)
			return v
		}
	}

	switch t.Kind() {
	case reflect.Bool:
		v.SetBool(c.required || g.r.IntN(2) == 0)
	case reflect.String:
		v.SetString(g.str(c))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		lo, hi := float64(math.MinInt64)/2, float64(math.MaxInt64)/2
		if t.Bits() < 64 {
			lo, hi = -math.Pow(2, float64(t.Bits()-1)), math.Pow(2, float64(t.Bits()-1))-1
		}
		v.SetInt(int64(g.number(c, lo, hi, true)))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		hi := float64(math.MaxUint64) / 2
		if t.Bits() < 64 {
			hi = math.Pow(2, float64(t.Bits())) - 1
		}
		v.SetUint(uint64(g.number(c, 0, hi, true)))
	case reflect.Float32, reflect.Float64:
		v.SetFloat(g.number(c, -1e9, 1e9, false))
	case reflect.Pointer:
		if !c.required && (g.r.IntN(4) == 0 || depth > maxGenDepth) {
			return v
		}
		p := reflect.New(t.Elem())
		ec := c
		ec.maybeZero = false // validate's omitempty is about the pointer
		p.Elem().Set(g.value(t.Elem(), ec, depth+1))
		v.Set(p)
	case reflect.Slice, reflect.Array:
		n := t.Len
		if t.Kind() == reflect.Slice {
			lo, hi := c.minItems, c.maxItems
			if c.required && lo == 0 {
				lo = 1
			}
			if hi < 0 {
				hi = lo + 3
			}
			if depth > maxGenDepth {
				hi = lo
			}
			count := lo + g.r.IntN(hi-lo+1)
			n = func() int { return count }
			v.Set(reflect.MakeSlice(t, count, count))
		}
		ec := noConstraints()
		if c.elem != nil {
			ec = *c.elem
		}
		ec.required = ec.required || t.Elem().Kind() == reflect.Pointer // see elemConstraints
		var seen []any
		for i := range n() {
			for try := 0; ; try++ {
				e := g.value(t.Elem(), ec, depth+1)
				if c.unique && slices.Contains(seen, e.Interface()) && try < 50 {
					continue
				}
				seen = append(seen, e.Interface())
				v.Index(i).Set(e)
				break
			}
		}
	case reflect.Map:
		v.Set(reflect.MakeMap(t))
		lo, hi := c.minItems, c.maxItems
		if hi < 0 {
			hi = lo + 3
		}
		if depth > maxGenDepth {
			hi = lo
		}
		ec, kc := noConstraints(), noConstraints()
		if c.elem != nil {
			ec = *c.elem
		}
		if c.key != nil {
			kc = *c.key
		}
		ec.required = ec.required || t.Elem().Kind() == reflect.Pointer
		for want := lo + g.r.IntN(hi-lo+1); v.Len() < want; {
			v.SetMapIndex(g.value(t.Key(), kc, depth+1), g.value(t.Elem(), ec, depth+1))
		}
	case reflect.Interface:
		if t.NumMethod() == 0 {
			if x := g.anyValue(depth); x != nil {
				v.Set(reflect.ValueOf(x))
			}
		} else if ipType.Implements(t) && g.r.IntN(2) == 0 {
			v.Set(reflect.ValueOf(net.IP(g.bytes(4))))
		}
	case reflect.Struct:
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() || f.Name == "_" {
				continue
			}
			v.Field(i).Set(g.value(f.Type, fieldConstraints(f.Tag), depth+1))
		}
	}
	return v
}

func (g *generator) bytes(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(g.r.UintN(256))
	}
	return b
}

// anyValue returns a random JSON value.
func (g *generator) anyValue(depth int) any {
	switch g.r.IntN(6) {
	case 0:
		return nil
	case 1:
		return g.r.NormFloat64()
	case 2:
		return g.str(noConstraints())
	case 3:
		return g.r.IntN(2) == 0
	case 4:
		if depth < maxGenDepth {
			return []any{g.anyValue(depth + 1), g.anyValue(depth + 1)}
		}
	case 5:
		if depth < maxGenDepth {
			return map[string]any{"k": g.anyValue(depth + 1)}
		}
	}
	return "x"
}

// number returns a random number within c and [lo, hi].
func (g *generator) number(c constraints, lo, hi float64, integer bool) float64 {
	if len(c.enum) > 0 {
		f, _ := strconv.ParseFloat(c.enum[g.r.IntN(len(c.enum))], 64)
		return f
	}
	if c.min != nil {
		lo = max(lo, *c.min)
		if c.exclMin {
			lo = math.Nextafter(lo, math.Inf(1))
			if integer {
				lo = math.Floor(*c.min) + 1
			}
		}
	}
	if c.max != nil {
		hi = min(hi, *c.max)
		if c.exclMax {
			hi = math.Nextafter(hi, math.Inf(-1))
			if integer {
				hi = math.Ceil(*c.max) - 1
			}
		}
	}
	if g.r.IntN(2) == 0 && lo <= 0 && hi >= 100 {
		hi = 100 // small numbers too
	}
	f := lo + g.r.Float64()*(hi-lo)
	if integer {
		f = math.Max(lo, math.Min(hi, math.Round(f)))
	}
	if c.required && f == 0 && hi >= 1 {
		f = 1
	}
	return f
}

// str returns a random string within c.
func (g *generator) str(c constraints) string {
	if c.constant != nil {
		return *c.constant
	}
	if len(c.enum) > 0 {
		return c.enum[g.r.IntN(len(c.enum))]
	}
	n := g.r.IntN(1 << 20)
	switch c.format {
	case "email":
		return fmt.Sprintf("user%d@example.com", n)
	case "url", "uri":
		return fmt.Sprintf("https://example.com/p/%d?q=%d", n, n)
	case "uuid", "uuid4":
		return uuid.UUID(g.bytes(16)).String()
	}
	alphabet := []rune("abcdefghijklmnopqrstuvwxyzABCXYZ0123456789 -_.,:/\"\\é漢🙂\n\t")
	switch c.pattern {
	case "alpha":
		alphabet = []rune("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
	case "alphanum":
		alphabet = []rune("abcdefghijklmnopqrstuvwxyz0123456789")
	case "numeric":
		alphabet = []rune("0123456789")
	case "^[A-Z]{3}$":
		alphabet = []rune("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
	}
	lo, hi := max(c.minLen, 0), c.maxLen
	if (c.required || c.pattern != "") && lo == 0 { // patterns need a character
		lo = 1
	}
	if hi < 0 {
		hi = lo + 12
	}
	r := make([]rune, lo+g.r.IntN(hi-lo+1))
	for i := range r {
		r[i] = alphabet[g.r.IntN(len(alphabet))]
	}
	return string(r)
}
