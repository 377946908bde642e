package schema

import (
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"os"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/swaggest/jsonschema-go"
)

// The parity test compares, for every corpus case, the static schema
// with the one swaggest's runtime Reflector makes of the compiled type.
// Both are normalised (references resolved, draft-07 wrappers unwrapped,
// x- keys dropped, null split from the other types) and compared keyword
// by keyword, walking the Go type alongside; each difference must be one
// of intendedDifferences, which the README lists.

// A schemaDiff is one keyword on which the two schemas of a node differ.
type schemaDiff struct {
	Root    string // the corpus case
	Path    string // JSON pointer of the node in the root schema, refs followed
	Keyword string // a keyword; "property" for a member present on one side
	// Ours and Theirs are the values (nil: absent). For "required" and
	// "property" they are the member name.
	Ours, Theirs any
	// GoType is the Go type the node describes (pointers kept), nil if
	// unknown; Field is the struct field whose value (or element of it)
	// the node describes, or for "required" and "property" the member.
	GoType reflect.Type
	Field  *reflect.StructField
}

func (d schemaDiff) String() string {
	field := ""
	if d.Field != nil {
		field = fmt.Sprintf(" field %s `%s`", d.Field.Name, d.Field.Tag)
	}
	return fmt.Sprintf("%s%s: %s: ours %s, swaggest %s (Go %v%s)", d.Root, d.Path, d.Keyword, show(d.Ours), show(d.Theirs), d.GoType, field)
}

func show(v any) string {
	if v == nil {
		return "absent"
	}
	data, _ := json.Marshal(v)
	return string(data)
}

// An intendedDifference is a documented way in which our schemas differ
// from swaggest's runtime Reflector's.
type intendedDifference struct {
	Name     string
	Sentence string // for the README
	Match    func(d schemaDiff) bool
}

// Reflect types used by the predicates.
var (
	jsonMarshalerType   = reflect.TypeFor[json.Marshaler]()
	textMarshalerType   = reflect.TypeFor[interface{ MarshalText() ([]byte, error) }]()
	textUnmarshalerType = reflect.TypeFor[interface{ UnmarshalText([]byte) error }]()
)

func implements(t reflect.Type, iface reflect.Type) bool {
	return t != nil && (t.Implements(iface) || (t.Kind() != reflect.Pointer && reflect.PointerTo(t).Implements(iface)))
}

func indirect(t reflect.Type) reflect.Type {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

func fieldTag(d schemaDiff, key string) (string, bool) {
	if d.Field == nil {
		return "", false
	}
	return d.Field.Tag.Lookup(key)
}

func jsonOption(d schemaDiff, opt string) bool {
	tag, _ := fieldTag(d, "json")
	_, opts, _ := strings.Cut(tag, ",")
	return slices.Contains(strings.Split(opts, ","), opt)
}

func hasEmbedded(t reflect.Type) bool {
	t = indirect(t)
	if t == nil || t.Kind() != reflect.Struct {
		return false
	}
	for i := range t.NumField() {
		if t.Field(i).Anonymous {
			return true
		}
	}
	return false
}

func goTypeName(t reflect.Type) string {
	t = indirect(t)
	if t == nil {
		return ""
	}
	return t.PkgPath() + "." + t.Name()
}

// intendedDifferences is the list of ways our schemas may differ from
// swaggest's; the README section is generated from it.
var intendedDifferences = []intendedDifference{
	{
		Name:     "descriptions",
		Sentence: "Doc comments of types and fields become `description` (the runtime reflector cannot see comments); the comments of enum constants go to `x-enum-descriptions`.",
		Match: func(d schemaDiff) bool {
			return d.Keyword == "description" && d.Theirs == nil
		},
	},
	{
		Name:     "enums",
		Sentence: "A named string or number type with at least two constants of that type in its package gets `enum` with their values in declaration order (and `x-enum-names`), unless it marshals itself; such a type is a component.",
		Match: func(d schemaDiff) bool {
			t := indirect(d.GoType)
			return d.Keyword == "enum" && d.Theirs == nil && t != nil && t.PkgPath() != "" &&
				t.Kind() != reflect.Struct && !implements(t, jsonMarshalerType) && !implements(t, textMarshalerType)
		},
	},
	{
		Name:     "validate tags",
		Sentence: "go-playground/validator `validate` tags become keywords: `required` (in `required`, and a pointer is then not nullable), `min`/`max`/`len`/`gt`/`gte`/`lt`/`lte` (`minLength`, `minimum`, `exclusiveMinimum`, `minItems`, `minProperties`... by kind; `time.Duration` bounds in nanoseconds), `oneof` (`enum`), `email`, `uuid*`, `url`/`uri`, `hostname`, `ipv4`/`ipv6` (`format`), `alpha`, `alphanum`, `numeric` (`pattern`), and with `dive` (and `keys`...`endkeys`) the same on `items`, `additionalProperties` and `propertyNames`; other rules and rules with alternatives (`a|b`) are ignored, and with `omitempty` the rules are dropped when encoding/json writes the zero value.",
		Match: func(d schemaDiff) bool {
			if _, ok := fieldTag(d, "validate"); !ok || d.Theirs != nil {
				return false
			}
			switch d.Keyword {
			case "required", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength",
				"minItems", "maxItems", "minProperties", "maxProperties", "format", "pattern", "enum", "propertyNames":
				return true
			case "nullable":
				return d.Ours == false
			}
			return false
		},
	},
	{
		Name:     "required",
		Sentence: "A member is `required` when encoding/json always writes it: no `omitempty` (or one that cannot omit the value: a struct, a non-empty array), no `omitzero`, not promoted through an embedded pointer; the runtime reflector requires only members tagged `required:\"true\"`.",
		Match: func(d schemaDiff) bool {
			return d.Keyword == "required" && d.Theirs == nil
		},
	},
	{
		Name:     "nil slices and maps",
		Sentence: "Slices and maps are not nullable although encoding/json writes a nil one as `null` (documents stay readable and producers mostly send `[]`/`{}`); arrays, which are never `null`, are not nullable either.",
		Match: func(d schemaDiff) bool {
			t := indirect(d.GoType)
			return d.Keyword == "nullable" && d.Ours == false && d.Theirs == true && d.GoType != nil && d.GoType.Kind() != reflect.Pointer &&
				(t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Map)
		},
	},
	{
		Name:     "nullable pointers",
		Sentence: "A pointer field is nullable also when it points to a component (`anyOf: [{$ref}, {type: null}]`), and not when `omitempty` or `omitzero` omits a nil pointer.",
		Match: func(d schemaDiff) bool {
			if d.Keyword != "nullable" || d.GoType == nil || d.GoType.Kind() != reflect.Pointer {
				return false
			}
			return d.Ours == true || jsonOption(d, "omitzero") || jsonOption(d, "omitempty")
		},
	},
	{
		Name:     "byte slices",
		Sentence: "`[]byte` is `{type: string, contentEncoding: base64}` (the draft-07 keyword) rather than `format: base64`, and `[N]byte` is an array of N integers, as encoding/json writes it.",
		Match: func(d schemaDiff) bool {
			t := indirect(d.GoType)
			return t != nil && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array) && t.Elem().Kind() == reflect.Uint8 &&
				(d.Keyword == "format" && d.Theirs == "base64" && d.Ours == nil || d.Keyword == "contentEncoding" && d.Theirs == nil)
		},
	},
	{
		Name:     "array lengths",
		Sentence: "An array `[N]T` has `minItems` and `maxItems` N.",
		Match: func(d schemaDiff) bool {
			t := indirect(d.GoType)
			return t != nil && t.Kind() == reflect.Array && (d.Keyword == "minItems" || d.Keyword == "maxItems") && d.Theirs == nil
		},
	},
	{
		Name:     "integer map keys",
		Sentence: "A map with integer keys has `propertyNames` with the pattern of decimal integers.",
		Match: func(d schemaDiff) bool {
			t := indirect(d.GoType)
			return d.Keyword == "propertyNames" && d.Theirs == nil && t != nil && t.Kind() == reflect.Map &&
				t.Key().Kind() >= reflect.Int && t.Key().Kind() <= reflect.Uintptr && !implements(t.Key(), textMarshalerType)
		},
	},
	{
		Name:     "custom MarshalJSON",
		Sentence: "A type with a `MarshalJSON` method has an unconstrained schema `{}` (plus a diagnostic suggesting a directive) instead of the schema of its Go structure, which its method does not follow.",
		Match: func(d schemaDiff) bool {
			return implements(indirect(d.GoType), jsonMarshalerType) && goTypeName(d.GoType) != "math/big.Int" && d.Ours == nil
		},
	},
	{
		Name:     "TextMarshaler",
		Sentence: "A type with `MarshalText` (and no `MarshalJSON`) is a string, also without `UnmarshalText`, which the runtime reflector requires too.",
		Match: func(d schemaDiff) bool {
			t := indirect(d.GoType)
			if !implements(t, textMarshalerType) || implements(t, textUnmarshalerType) || implements(t, jsonMarshalerType) {
				return false
			}
			return d.Keyword == "type" && slices.Equal(d.Ours.([]string), []string{"string"}) || d.Ours == nil
		},
	},
	{
		Name:     "json.Number",
		Sentence: "`json.Number` is a number, as encoding/json writes it, not a string.",
		Match: func(d schemaDiff) bool {
			return goTypeName(d.GoType) == "encoding/json.Number" && d.Keyword == "type"
		},
	},
	{
		Name:     "big.Int",
		Sentence: "`math/big.Int` is an integer (its `MarshalJSON` writes digits), not a string, and a `big.Int` value is not nullable.",
		Match: func(d schemaDiff) bool {
			return goTypeName(d.GoType) == "math/big.Int" && (d.Keyword == "type" || d.Keyword == "nullable" && d.Ours == false)
		},
	},
	{
		Name:     "net.IP",
		Sentence: "`net.IP` is a string that is an IPv4 or IPv6 address or empty (`anyOf` of formats).",
		Match: func(d schemaDiff) bool {
			return goTypeName(d.GoType) == "net.IP" && d.Keyword == "anyOf" && d.Theirs == nil
		},
	},
	{
		Name:     "uuid examples",
		Sentence: "`uuid.UUID` has no made-up `examples`.",
		Match: func(d schemaDiff) bool {
			return goTypeName(d.GoType) == "github.com/google/uuid.UUID" && d.Keyword == "examples" && d.Ours == nil
		},
	},
	{
		Name:     "quoted",
		Sentence: "A bool, number or string field tagged `json:\",string\"` is a string.",
		Match: func(d schemaDiff) bool {
			return jsonOption(d, "string") && (d.Keyword == "type" || d.Keyword == "minimum")
		},
	},
	{
		Name:     "embedded conflicts",
		Sentence: "Fields of embedded structs are promoted with Go's and encoding/json's rules: a shallower field hides deeper ones, and fields of the same name at the same depth cancel out unless exactly one is tagged (the runtime reflector lets the last one win).",
		Match: func(d schemaDiff) bool {
			return d.Keyword == "property" && d.Ours == nil && hasEmbedded(d.GoType) && (d.Field == nil || len(d.Field.Index) > 1)
		},
	},
}

var showDiffs = flag.Bool("parity.diffs", false, "log every intended difference of TestParity")

// TestParity compares our schemas of the corpus with swaggest's.
func TestParity(t *testing.T) {
	lc := loadCorpus(t)
	set := lc.build(t)
	ours := &schemaDoc{prefix: refPrefix, defs: map[string]any{}}
	for _, c := range set.Components() {
		ours.defs[c.Name] = toAny(t, c.Schema)
	}

	used := map[string]int{}
	var unexpected []schemaDiff
	total := 0
	for _, c := range corpusCases {
		r := jsonschema.Reflector{}
		s, err := r.Reflect(c.value, jsonschema.ProcessWithoutTags, jsonschema.RootRef)
		if err != nil {
			t.Fatalf("%s: swaggest: %v", c.expr, err)
		}
		theirs := &schemaDoc{prefix: "#/definitions/", defs: map[string]any{}}
		for name, def := range s.Definitions {
			theirs.defs[name] = jsonAny(t, def)
		}
		s.Definitions = nil
		cmp := &comparer{ours: ours, theirs: theirs, root: c.expr, seen: map[string]bool{}}
		cmp.compare(toAny(t, set.Ref(lc.typeOf(t, c.expr))), jsonAny(t, s), "", reflect.TypeOf(c.value), nil)
		for _, d := range cmp.diffs {
			total++
			i := slices.IndexFunc(intendedDifferences, func(e intendedDifference) bool { return e.Match(d) })
			if i < 0 {
				unexpected = append(unexpected, d)
				continue
			}
			used[intendedDifferences[i].Name]++
			if testing.Verbose() && *showDiffs {
				t.Logf("%s: %s", intendedDifferences[i].Name, d)
			}
		}
	}
	for _, d := range unexpected {
		t.Errorf("unexpected difference: %s", d)
	}
	for _, e := range intendedDifferences {
		if used[e.Name] == 0 {
			t.Errorf("intended difference %q never occurs: remove it or extend the corpus", e.Name)
		}
	}
	t.Logf("%d cases, %d differences, all intended: %v", len(corpusCases), total, used)
}

func jsonAny(t testing.TB, v any) any {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// schemaDoc resolves the $refs of one side.
type schemaDoc struct {
	prefix string
	defs   map[string]any
}

func (d *schemaDoc) resolve(ref string) (map[string]any, bool) {
	name, ok := strings.CutPrefix(ref, d.prefix)
	if !ok {
		return nil, false
	}
	m, ok := d.defs[name].(map[string]any)
	return m, ok
}

type comparer struct {
	ours, theirs *schemaDoc
	root         string
	seen         map[string]bool // pairs of refs compared
	diffs        []schemaDiff
}

// expand resolves $ref, unwraps single allOf and anyOf with null, drops
// x- keys, and splits type into a sorted list of non-null types and
// "nullable". It returns the refs followed.
func expand(doc *schemaDoc, v any) (map[string]any, string) {
	s, ok := v.(map[string]any)
	if !ok {
		return nil, ""
	}
	var refs []string
	nullable := false
	for changed := true; changed; {
		changed = false
		out := map[string]any{}
		for k, v := range s {
			out[k] = v
		}
		if ref, ok := out["$ref"].(string); ok {
			delete(out, "$ref")
			if target, ok := doc.resolve(ref); ok {
				refs = append(refs, ref)
				merged := maps.Clone(target)
				maps.Copy(merged, out)
				out = merged
				changed = true
			}
		}
		if all, ok := out["allOf"].([]any); ok && len(all) == 1 {
			if inner, ok := all[0].(map[string]any); ok {
				delete(out, "allOf")
				merged := maps.Clone(inner)
				maps.Copy(merged, out)
				out = merged
				changed = true
			}
		}
		if anyOf, ok := out["anyOf"].([]any); ok && len(anyOf) == 2 {
			for i, alt := range anyOf {
				if m, ok := alt.(map[string]any); ok && len(m) == 1 && m["type"] == "null" {
					other, ok := anyOf[1-i].(map[string]any)
					if !ok {
						break
					}
					delete(out, "anyOf")
					merged := maps.Clone(other)
					maps.Copy(merged, out)
					out = merged
					nullable = true
					changed = true
					break
				}
			}
		}
		s = out
	}
	out := map[string]any{}
	for k, v := range s {
		if strings.HasPrefix(k, "x-") || k == "$schema" || k == "definitions" {
			continue
		}
		out[k] = v
	}
	var typ []string
	switch tv := out["type"].(type) {
	case string:
		typ = []string{tv}
	case []any:
		for _, t := range tv {
			typ = append(typ, t.(string))
		}
	}
	if i := slices.Index(typ, "null"); i >= 0 {
		nullable = true
		typ = slices.Delete(typ, i, i+1)
	}
	delete(out, "type")
	if typ != nil {
		slices.Sort(typ)
		out["type"] = typ
	}
	out["nullable"] = nullable
	return out, strings.Join(refs, ",")
}

func (c *comparer) add(d schemaDiff) {
	d.Root = c.root
	c.diffs = append(c.diffs, d)
}

// compare compares a (ours) and b (theirs) at path, for a node describing
// a value of Go type gt, part of field.
func (c *comparer) compare(a, b any, path string, gt reflect.Type, field *reflect.StructField) {
	as, ar := expand(c.ours, a)
	bs, br := expand(c.theirs, b)
	if as == nil || bs == nil {
		if !reflect.DeepEqual(a, b) {
			c.add(schemaDiff{Path: path, Keyword: "schema", Ours: a, Theirs: b, GoType: gt, Field: field})
		}
		return
	}
	if ar != "" || br != "" {
		key := ar + "|" + br
		if c.seen[key] {
			return
		}
		c.seen[key] = true
	}
	keys := slices.Sorted(maps.Keys(as))
	for k := range bs {
		if _, ok := as[k]; !ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		av, bv := as[k], bs[k]
		switch k {
		case "properties":
			ap, _ := av.(map[string]any)
			bp, _ := bv.(map[string]any)
			names := slices.Sorted(maps.Keys(ap))
			for n := range bp {
				if _, ok := ap[n]; !ok {
					names = append(names, n)
				}
			}
			for _, n := range names {
				f := lookupField(gt, n)
				var ft reflect.Type
				if f != nil {
					ft = f.Type
				}
				_, ina := ap[n]
				_, inb := bp[n]
				switch {
				case ina && inb:
					c.compare(ap[n], bp[n], path+"/properties/"+n, ft, f)
				case ina:
					c.add(schemaDiff{Path: path, Keyword: "property", Ours: n, GoType: gt, Field: f})
				default:
					c.add(schemaDiff{Path: path, Keyword: "property", Theirs: n, GoType: gt, Field: f})
				}
			}
		case "items", "additionalProperties":
			var et reflect.Type
			if t := indirect(gt); t != nil && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Map) {
				et = t.Elem()
			}
			_, amap := av.(map[string]any)
			_, bmap := bv.(map[string]any)
			if amap && bmap {
				c.compare(av, bv, path+"/"+k, et, field)
			} else if !reflect.DeepEqual(av, bv) {
				c.add(schemaDiff{Path: path, Keyword: k, Ours: av, Theirs: bv, GoType: gt, Field: field})
			}
		case "required":
			al, _ := av.([]any)
			bl, _ := bv.([]any)
			for _, m := range al {
				if !slices.Contains(bl, m) {
					c.add(schemaDiff{Path: path, Keyword: k, Ours: m, GoType: gt, Field: lookupField(gt, m.(string))})
				}
			}
			for _, m := range bl {
				if !slices.Contains(al, m) {
					c.add(schemaDiff{Path: path, Keyword: k, Theirs: m, GoType: gt, Field: lookupField(gt, m.(string))})
				}
			}
		default:
			if !reflect.DeepEqual(av, bv) {
				c.add(schemaDiff{Path: path, Keyword: k, Ours: av, Theirs: bv, GoType: gt, Field: field})
			}
		}
	}
}

// lookupField finds the struct field encoding/json writes as member name
// of a value of type t (nil if none): a shallowest visible field named so
// by its json tag or its Go name.
func lookupField(t reflect.Type, name string) *reflect.StructField {
	t = indirect(t)
	if t == nil || t.Kind() != reflect.Struct {
		return nil
	}
	var best *reflect.StructField
	for _, f := range reflect.VisibleFields(t) {
		if !f.IsExported() && !f.Anonymous {
			continue
		}
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		n, _, _ := strings.Cut(tag, ",")
		if n == "" {
			if f.Anonymous && indirect(f.Type).Kind() == reflect.Struct {
				continue
			}
			n = f.Name
		}
		if n == name && (best == nil || len(f.Index) < len(best.Index)) {
			f := f
			best = &f
		}
	}
	return best
}

const (
	diffsStart = "<!-- schema-differences:start (generated from schema/parity_test.go; go test ./schema -run TestREADMEDifferences -update) -->\n"
	diffsEnd   = "<!-- schema-differences:end -->"
)

// differencesMarkdown renders intendedDifferences for the README.
func differencesMarkdown() string {
	var b strings.Builder
	for _, e := range intendedDifferences {
		fmt.Fprintf(&b, "- **%s**: %s\n", e.Name, e.Sentence)
	}
	return b.String()
}

// TestREADMEDifferences keeps the README's list of intended differences
// equal to intendedDifferences.
func TestREADMEDifferences(t *testing.T) {
	const readme = "../README.md"
	data, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	i, j := strings.Index(text, diffsStart), strings.Index(text, diffsEnd)
	if i < 0 || j < i {
		t.Fatalf("README.md lacks the markers %q and %q", diffsStart, diffsEnd)
	}
	want := differencesMarkdown()
	if got := text[i+len(diffsStart) : j]; got == want {
		return
	}
	if *update {
		text = text[:i+len(diffsStart)] + want + text[j:]
		if err := os.WriteFile(readme, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README.md's list of intended schema differences is out of date: run go test ./schema -run TestREADMEDifferences -update")
}
