package schema

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// A testCase is a program and the root types to add, written as type
// expressions in the scope of the main package (use aliases for types of
// other packages).
type testCase struct {
	name  string
	srcs  map[string]string
	roots []string
}

// mainOnly returns the sources of a program made of package p only.
func mainOnly(src string) map[string]string {
	return map[string]string{mainPath: "package p\n" + src}
}

var cases = []testCase{
	{
		name: "basic",
		srcs: mainOnly(`
type Status string

type Level int8

type Basics struct {
	Bool    bool
	Int     int
	Int8    int8
	Int64   int64
	Uint    uint
	Uint8   uint8
	Uintptr uintptr
	Float32 float32
	Float64 float64
	String  string
	Status  Status
	Level   Level
	Complex complex128
}
`),
		roots: []string{"Basics", "Status", "int", "*string"},
	},
	{
		name: "jsontags",
		srcs: mainOnly(`
type Tagged struct {
	Renamed    int     ` + "`json:\"renamed\"`" + `
	Skipped    int     ` + "`json:\"-\"`" + `
	Dash       int     ` + "`json:\"-,\"`" + `
	Empty      string  ` + "`json:\",omitempty\"`" + `
	Zero       int     ` + "`json:\"zero,omitzero\"`" + `
	Both       []int   ` + "`json:\"both,omitempty,omitzero\"`" + `
	QuotedInt  int     ` + "`json:\"qi,string\"`" + `
	QuotedF    float64 ` + "`json:\"qf,string\"`" + `
	QuotedB    bool    ` + "`json:\"qb,string\"`" + `
	QuotedS    string  ` + "`json:\"qs,string\"`" + `
	QuotedPtr  *int    ` + "`json:\"qp,string\"`" + `
	QuotedList []int   ` + "`json:\"ql,string\"`" + `
	BadName    int     ` + "`json:\"a\\\\b\"`" + `
	Other      int     ` + "`yaml:\"other\"`" + `
	unexported int
}
`),
		roots: []string{"Tagged"},
	},
	{
		name: "omitempty",
		srcs: mainOnly(`
import "time"

type Inner struct{ X int }

// OmitEmpty shows which omitempty fields encoding/json can omit: never a
// struct or a non-empty array.
type OmitEmpty struct {
	Struct Inner              ` + "`json:\",omitempty\"`" + `
	Time   time.Time          ` + "`json:\",omitempty\"`" + `
	Array  [2]int             ` + "`json:\",omitempty\"`" + `
	Empty  [0]int             ` + "`json:\",omitempty\"`" + `
	Ptr    *Inner             ` + "`json:\",omitempty\"`" + `
	Map    map[string]int     ` + "`json:\",omitempty\"`" + `
	Iface  any                ` + "`json:\",omitempty\"`" + `
	ZeroS  Inner              ` + "`json:\",omitzero\"`" + `
}
`),
		roots: []string{"OmitEmpty"},
	},
	{
		name: "embedding",
		srcs: mainOnly(`
type Base struct {
	ID   string
	Name string
}

type Audit struct {
	CreatedBy string
	Name      string
}

type inner struct {
	Exported int
	hidden   int
}

type Level2 struct {
	ID    int
	Extra int
}

type Labels []string

type code int

type Tagged struct {
	Value int ` + "`json:\"Value\"`" + `
}

type Untagged struct {
	Value int
}

// Outer embeds in every way encoding/json knows.
type Outer struct {
	Base          // ID and Name, but see below
	*Audit        // CreatedBy, through a pointer: not required; Name: equal depth, both untagged: both dropped
	inner         // unexported struct: its exported fields are promoted
	Level2        // Extra; ID: equal depth with Base.ID, both untagged: both dropped
	Labels        // exported non-struct: a field named Labels
	code          // unexported non-struct: ignored
	Tagged        // Value, tagged ...
	Untagged      // ... beats Value, untagged, at equal depth
	Own    string ` + "`json:\"own\"`" + `
	Named  Base   ` + "`json:\"named\"`" + `
}

type Shadow struct {
	Base
	ID int // the shallower field wins
}

type Named struct {
	Base ` + "`json:\"base\"`" + ` // a tagged embedded struct is a field
}
`),
		roots: []string{"Outer", "Shadow", "Named"},
	},
	{
		name: "pointers",
		srcs: mainOnly(`
type Item struct{ SKU string }

type Status string

type Pointers struct {
	Int       *int
	Status    *Status
	Item      *Item
	ItemOmit  *Item    ` + "`json:\",omitempty\"`" + `
	IntOmit   *int     ` + "`json:\",omitempty\"`" + `
	Any       *any
	PtrPtr    **int
	List      *[]string
	Forced    int      ` + "`nullable:\"true\"`" + `
	NotNull   *int     ` + "`nullable:\"false\"`" + `
	Enum      *string  ` + "`enum:\"a,b\"`" + `
	Described *Item    ` + "`description:\"The item, if any.\"`" + `
}
`),
		roots: []string{"*Pointers", "**Item"},
	},
	{
		name: "collections",
		srcs: mainOnly(`
type Item struct{ SKU string }

type Blob []byte

type Key string

type TextKey struct{ A, B string }

func (k TextKey) MarshalText() ([]byte, error) { return nil, nil }

type Octet uint8

type MarshalOctet uint8

func (MarshalOctet) MarshalJSON() ([]byte, error) { return nil, nil }

type Collections struct {
	Strings    []string
	Bytes      []byte
	Blob       Blob
	Octets     []Octet
	Marshalled []MarshalOctet
	Array      [4]byte
	Matrix     [][]byte
	Items      []Item
	ItemPtrs   []*Item
	ByString   map[string]int
	ByKey      map[Key]Item
	ByInt      map[int]string
	ByUint     map[uint16]string
	ByText     map[TextKey]bool
	ByFloat    map[float64]string
	Nested     map[string][]Item
}
`),
		roots: []string{"Collections", "[]Item", "map[string]*Item"},
	},
	{
		name: "wellknown",
		srcs: map[string]string{
			"github.com/google/uuid": `package uuid

type UUID [16]byte

func (u UUID) MarshalText() ([]byte, error) { return nil, nil }
`,
			mainPath: `package p

import (
	"encoding/json"
	"time"

	"github.com/google/uuid"
)

type Text struct{ parts []string }

func (t Text) MarshalText() ([]byte, error) { return nil, nil }

type Custom struct{ X int }

func (c *Custom) MarshalJSON() ([]byte, error) { return nil, nil }

type Both struct{}

func (Both) MarshalJSON() ([]byte, error) { return nil, nil }
func (Both) MarshalText() ([]byte, error) { return nil, nil }

// WrongShape has a MarshalJSON that encoding/json does not call.
type WrongShape struct{ X int }

func (WrongShape) MarshalJSON() string { return "" }

// Promoted gets MarshalJSON from Custom, so it is marshalled by it.
type Promoted struct {
	*Custom
	Y int
}

type Stringer interface{ String() string }

type WellKnown struct {
	Any        any
	Iface      interface{ M() }
	Stringer   Stringer
	Raw        json.RawMessage
	Number     json.Number
	Time       time.Time
	TimePtr    *time.Time
	Duration   time.Duration
	DurationS  time.Duration ` + "`json:\",string\"`" + `
	ID         uuid.UUID
	IDs        []uuid.UUID
	Text       Text
	TextQuoted Text          ` + "`json:\",string\"`" + `
	Custom     Custom
	Both       Both
	WrongShape WrongShape
	Promoted   Promoted
	Chan       chan int
	Func       func()
}
`,
		},
		roots: []string{"WellKnown", "time.Time", "Custom"},
	},
	{
		name: "recursive",
		srcs: mainOnly(`
// Node is a tree node.
type Node struct {
	Name     string
	Children []Node
	Parent   *Node
}

type Tree map[string]Tree

type List []List

type A struct{ B *B }

type B struct{ A []A }

type Holder struct {
	Tree Tree
	List List
	A    A
}

type Self struct {
	*Self
	Name string
}
`),
		roots: []string{"Node", "Holder", "Self"},
	},
	{
		name: "generics",
		srcs: map[string]string{
			"example.com/m/q": `package q

type Order struct{ ID string }
`,
			mainPath: `package p

import "example.com/m/q"

type Order struct{ ID int }

type Meta struct{ Trace string }

// Envelope wraps every message.
type Envelope[T any] struct {
	// Data is the payload.
	Data T
	Meta Meta
	List []T
}

type Pair[K comparable, V any] struct {
	Key   K
	Value V
}

type Page[T any] struct {
	Items []T
	Next  *Page[T]
}

type Q = q.Order
`,
		},
		roots: []string{
			"Envelope[Order]", "Envelope[*Order]", "Envelope[[]Order]", "Envelope[Q]",
			"Pair[string, Envelope[int]]", "Page[Order]", "Envelope[map[string]Order]",
		},
	},
	{
		name: "samename",
		srcs: map[string]string{
			"example.com/m/a": `package a

type Order struct{ A int }

type Unique struct{ U int }
`,
			"example.com/m/b": `package b

type Order struct{ B int }
`,
			"example.com/x/a": `package a

type Order struct{ XA int }
`,
			"example.com/m/v2": `package b

type Order struct{ V2 int }
`,
			mainPath: `package p

import (
	"example.com/m/a"
	"example.com/m/b"
	b2 "example.com/m/v2"
	xa "example.com/x/a"
)

type Order struct{ P int }

type Envelope[T any] struct{ Data T }

type (
	AOrder  = a.Order
	BOrder  = b.Order
	XAOrder = xa.Order
	V2Order = b2.Order
	Unique  = a.Unique
)
`,
		},
		roots: []string{"AOrder", "BOrder", "XAOrder", "V2Order", "Order", "Unique", "Envelope[AOrder]", "Envelope[BOrder]"},
	},
	{
		name: "annotations",
		srcs: mainOnly(`
type Item struct{ SKU string }

// Order is an order.
//
// It has a second paragraph.
type Order struct {
	_ struct{} ` + "`title:\"Order\" additionalProperties:\"false\"`" + `

	// ID identifies the order.
	ID string ` + "`json:\"id\" format:\"uuid\" pattern:\"^[0-9a-f-]+$\" minLength:\"36\" maxLength:\"36\"`" + `
	// Comment is overridden by the description tag.
	Note     string  ` + "`json:\"note\" description:\"A note: \\\"quoted\\\", # not a comment\" title:\"Note\"`" + `
	Status   string  ` + "`json:\"status\" enum:\"new,paid,true,1.0,null,\" default:\"new\"`" + `
	Priority int     ` + "`json:\"priority\" enum:\"1,2,3\" minimum:\"1\" maximum:\"3\" default:\"2\" example:\"3\"`" + `
	Ratio    float64 ` + "`json:\"ratio\" minimum:\"0.5\" exclusiveMaximum:\"1e21\" multipleOf:\"0.25\" examples:\"[0.5, 0.75]\"`" + `
	Flag     bool    ` + "`json:\"flag\" default:\"true\" deprecated:\"true\"`" + `
	Optional int     ` + "`json:\"optional,omitempty\" required:\"true\"`" + `
	Relaxed  int     ` + "`json:\"relaxed\" required:\"false\"`" + `
	Tags     []string ` + "`json:\"tags\" enum:\"[\\\"a\\\", \\\"b\\\"]\" minItems:\"1\" uniqueItems:\"true\"`" + `
	Bad      int     ` + "`json:\"bad\" minimum:\"NaN\" maximum:\"ten\" default:\"x\"`" + `
	Schema   string  ` + "`json:\"schema\" schema:\"ignored\" ref:\"ignored\" comment:\"ignored\"`" + `
	// Item is documented next to a $ref.
	Item     Item    ` + "`json:\"item\"`" + `
	Shared   Item    ` + "`json:\"shared\" default:\"{\\\"SKU\\\": \\\"x\\\"}\"`" + `
	Empty    string  ` + "`json:\"\" title:\"\"`" + `
}
`),
		roots: []string{"Order"},
	},
	{
		name: "order",
		srcs: mainOnly(`
type Zed struct {
	Zeta  int
	Alpha int
	Mid   struct {
		Z string
		A string
		M string
	}
	Beta int
}
`),
		roots: []string{"Zed", "struct{ Y, X int }"},
	},
}

// render builds the set for the roots of tc, in the given order, and
// renders it with Node: the references to the roots, then the components.
func render(t *testing.T, tc testCase, reverse bool) ([]byte, *Set) {
	t.Helper()
	prog, _ := load(t, tc.srcs)
	roots := slices.Clone(tc.roots)
	if reverse {
		slices.Reverse(roots)
	}
	g := NewGenerator()
	g.SetDocs(prog.doc)
	for _, expr := range roots {
		g.Add(prog.typeOf(t, expr))
	}
	set := g.Build()

	refs := mapping()
	for _, expr := range tc.roots {
		appendPair(refs, expr, Node(set.Ref(prog.typeOf(t, expr))))
	}
	comps := mapping()
	for _, c := range set.Components() {
		appendPair(comps, c.Name, Node(c.Schema))
	}
	doc := mapping()
	appendPair(doc, "refs", refs)
	appendPair(doc, "components", comps)

	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		t.Fatal(err)
	}
	if err := enc.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), set
}

// header prints the sources of tc as YAML comments, so that a golden file
// can be reviewed on its own.
func header(tc testCase) []byte {
	var b strings.Builder
	for _, path := range slices.Sorted(mapKeys(tc.srcs)) {
		b.WriteString("# " + path + ":\n")
		for line := range strings.Lines(strings.TrimSpace(tc.srcs[path])) {
			b.WriteString(strings.TrimRight("#   "+strings.ReplaceAll(line, "\t", "    "), " \n") + "\n")
		}
	}
	b.WriteString("# roots: " + strings.Join(tc.roots, "; ") + "\n")
	return []byte(b.String())
}

func mapKeys(m map[string]string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func TestGolden(t *testing.T) {
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out, _ := render(t, tc, false)
			got := append(header(tc), out...)
			golden := filepath.Join("testdata", tc.name+".golden")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the output; run go test -update and review the diff\ngot:\n%s", golden, got)
			}
		})
	}
}

// TestDeterminism builds every case with the roots added in reverse order
// and from a freshly type-checked program, repeatedly, and expects the same
// bytes each time.
func TestDeterminism(t *testing.T) {
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			want, _ := render(t, tc, false)
			for i := range 4 {
				got, _ := render(t, tc, i%2 == 1)
				if !bytes.Equal(got, want) {
					t.Fatalf("build %d (reverse=%v) differs:\n%s\nwant:\n%s", i, i%2 == 1, got, want)
				}
			}
		})
	}
}

var componentName = regexp.MustCompile(`^[\w\d\.\-_]+$`)

func TestComponentNames(t *testing.T) {
	for _, tc := range cases {
		_, set := render(t, tc, false)
		seen := map[string]string{}
		for _, c := range set.Components() {
			if !componentName.MatchString(c.Name) {
				t.Errorf("%s: component name %q of %s does not match %s", tc.name, c.Name, c.GoType, componentName)
			}
			if prev, ok := seen[c.Name]; ok {
				t.Errorf("%s: name %q given to %s and %s", tc.name, c.Name, prev, c.GoType)
			}
			seen[c.Name] = c.GoType
			if got := c.Schema.ExtraProperties[goTypeKey]; got != c.GoType {
				t.Errorf("%s: %s: x-go-type is %v", tc.name, c.Name, got)
			}
		}
	}
}

// TestNames pins the naming rule on the samename and generics cases.
func TestNames(t *testing.T) {
	want := map[string]map[string]string{
		"samename": {
			"example.com/m/a.Order":                           "m.a.Order",
			"example.com/x/a.Order":                           "x.a.Order",
			"example.com/m/b.Order":                           "m.b.Order",
			"example.com/m/v2.Order":                          "m.v2.Order",
			"example.com/m/p.Order":                           "p.Order",
			"example.com/m/a.Unique":                          "Unique",
			"example.com/m/p.Envelope[example.com/m/a.Order]": "Envelope_m.a.Order",
			"example.com/m/p.Envelope[example.com/m/b.Order]": "Envelope_m.b.Order",
		},
		"generics": {
			"example.com/m/p.Envelope[example.com/m/p.Order]":             "Envelope_p.Order",
			"example.com/m/p.Envelope[*example.com/m/p.Order]":            "Envelope_p.Order_2",
			"example.com/m/p.Envelope[example.com/m/q.Order]":             "Envelope_q.Order",
			"example.com/m/p.Envelope[[]example.com/m/p.Order]":           "Envelope_p.OrderSlice",
			"example.com/m/p.Pair[string, example.com/m/p.Envelope[int]]": "Pair_string_Envelope_int",
		},
	}
	for _, tc := range cases {
		names := want[tc.name]
		if names == nil {
			continue
		}
		_, set := render(t, tc, false)
		got := map[string]string{}
		for _, c := range set.Components() {
			got[c.GoType] = c.Name
		}
		for goType, name := range names {
			if got[goType] != name {
				t.Errorf("%s: %s is named %q, want %q", tc.name, goType, got[goType], name)
			}
		}
	}
}

// TestJSON converts the YAML of the annotations case to JSON, as the
// emitter does, and checks that scalars keep their types.
func TestJSON(t *testing.T) {
	tc := cases[slices.IndexFunc(cases, func(tc testCase) bool { return tc.name == "annotations" })]
	out, _ := render(t, tc, false)
	var doc any
	if err := yaml.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`"enum":["new","paid","true","1.0","null",""]`,
		`"enum":[1,2,3]`,
		`"default":true`,
		`"default":2`,
		`"exclusiveMaximum":1e+21`,
		`"minimum":0.5`,
	} {
		if !bytes.Contains(data, []byte(want)) {
			t.Errorf("JSON lacks %s:\n%s", want, data)
		}
	}
	if bytes.Contains(data, []byte(propertyOrderKey)) {
		t.Errorf("JSON contains %s", propertyOrderKey)
	}
}
