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
		name: "enums",
		srcs: map[string]string{
			"example.com/m/q": `package q

// Level is declared in another package.
type Level int

const (
	Low  Level = iota + 1 // Low is the default.
	High                  // High is urgent.
)
`,
			mainPath: `package p

import (
	"time"

	"example.com/m/q"
)

// Status is the state of an order.
type Status string

const (
	// StatusNew is a new order.
	StatusNew Status = "new"
	StatusPaid Status = "paid" // StatusPaid is paid.
	StatusShipped Status = "shipped"
	statusAlias = StatusNew // a second name for a value: listed once
)

// Code has no comments on its constants.
type Code uint16

const (
	CodeB Code = 2
	CodeA Code = 1
)

const CodeC Code = 3

// Lone has one constant, a default rather than an enum.
type Lone string

const DefaultLone Lone = "x"

// Color marshals itself as text: no enum of its integers.
type Color int

const (
	Red Color = iota
	Green
)

func (c Color) MarshalText() ([]byte, error) { return nil, nil }

type Order struct {
	Status    Status
	Optional  *Status
	Omitted   Status    ` + "`json:\",omitempty\"`" + `
	Narrowed  Status    ` + "`enum:\"new\"`" + `
	Codes     []Code
	ByCode    map[Code]string
	Level     q.Level
	Color     Color
	Month     time.Month
	Weekday   time.Weekday
	Quoted    Code      ` + "`json:\",string\"`" + `
	Lone      Lone
}
`,
		},
		roots: []string{"Order", "Status"},
	},
	{
		name: "validate",
		srcs: mainOnly(`
import "time"

type Item struct{ SKU string }

type Validated struct {
	ID       string            ` + "`json:\"id\" validate:\"required,uuid4\"`" + `
	Email    string            ` + "`json:\"email\" validate:\"required,email\"`" + `
	Site     string            ` + "`json:\"site,omitempty\" validate:\"omitempty,url\"`" + `
	Nick     string            ` + "`json:\"nick\" validate:\"omitempty,min=3\"`" + `
	Name     string            ` + "`json:\"name\" validate:\"min=1,max=64\"`" + `
	Code     string            ` + "`json:\"code\" validate:\"len=3,alpha\"`" + `
	Age      int               ` + "`json:\"age\" validate:\"gte=0,lt=150\"`" + `
	Score    float64           ` + "`json:\"score\" validate:\"gt=0,lte=1\"`" + `
	Color    string            ` + "`json:\"color\" validate:\"oneof=red green 'light blue'\"`" + `
	Prio     int               ` + "`json:\"prio\" validate:\"oneof=1 2 3\"`" + `
	Tags     []string          ` + "`json:\"tags\" validate:\"min=1,max=5,dive,min=2,max=10\"`" + `
	Items    []Item            ` + "`json:\"items\" validate:\"required,dive,required\"`" + `
	Labels   map[string]string ` + "`json:\"labels\" validate:\"max=3,dive,keys,alphanum,max=8,endkeys,required\"`" + `
	Grid     [][]int           ` + "`json:\"grid\" validate:\"dive,dive,min=0,max=9\"`" + `
	Ref      *Item             ` + "`json:\"ref\" validate:\"required\"`" + `
	Opt      *string           ` + "`json:\"opt\" validate:\"omitempty,email\"`" + `
	Either   string            ` + "`json:\"either\" validate:\"email|url\"`" + `
	Timeout  time.Duration     ` + "`json:\"timeout\" validate:\"min=1s,max=1m\"`" + `
	Comma    string            ` + "`json:\"comma\" validate:\"oneof=a0x2Cb c\"`" + `
	Unknown  string            ` + "`json:\"unknown\" validate:\"startswith=x,excludesall=!\"`" + `
	Override string            ` + "`json:\"override\" validate:\"min=2\" minLength:\"5\" required:\"false\"`" + `
}
`),
		roots: []string{"Validated"},
	},
	{
		name: "stdlib",
		srcs: mainOnly(`
import (
	"database/sql"
	"math/big"
	"net"
	"net/netip"
	"net/url"
	"time"
)

type Std struct {
	IP       net.IP
	Addr     netip.Addr
	Prefix   netip.Prefix
	URL      url.URL
	URLPtr   *url.URL
	Int      big.Int
	IntPtr   *big.Int
	Float    big.Float
	Rat      *big.Rat
	NullStr  sql.NullString
	NullInt  sql.NullInt64
	NullTime sql.NullTime
	Null     sql.Null[int]
	Month    time.Month
	Location *time.Location
}
`),
		roots: []string{"Std"},
	},
	{
		name: "msgpack",
		srcs: mainOnly(`
import (
	"encoding/json"
	"time"
)

type Bin struct{ b []byte }

func (Bin) MarshalBinary() ([]byte, error) { return nil, nil }

type Custom struct{ X int }

func (*Custom) MarshalMsgpack() ([]byte, error) { return nil, nil }

type Kind string

const (
	KindA Kind = "a"
	KindB Kind = "b"
)

type Base struct{ Trace string }

type Msg struct {
	Base
	ID      string            ` + "`msgpack:\"id\" json:\"ident\"`" + `
	Name    string            ` + "`json:\"name\"`" + `
	Skip    int               ` + "`msgpack:\"-\"`" + `
	Opt     *int              ` + "`msgpack:\"opt,omitempty\"`" + `
	When    time.Time         ` + "`msgpack:\"when,omitempty\"`" + `
	At      time.Time         ` + "`msgpack:\"at\"`" + `
	Data    []byte            ` + "`msgpack:\"data\"`" + `
	Hash    [4]byte           ` + "`msgpack:\"hash\"`" + `
	Bin     Bin               ` + "`msgpack:\"bin\"`" + `
	Custom  Custom            ` + "`msgpack:\"custom\"`" + `
	Kind    Kind              ` + "`msgpack:\"kind\"`" + `
	ByInt   map[int]string    ` + "`msgpack:\"by_int\"`" + `
	Raw     json.RawMessage   ` + "`msgpack:\"raw\"`" + `
	Quoted  int               ` + "`json:\",string\"`" + `
}
`),
		roots: []string{"msgpack:Msg", "Msg"},
	},
	{
		name: "protojson",
		srcs: map[string]string{
			"google.golang.org/protobuf/types/known/timestamppb": `package timestamppb

type Timestamp struct {
	Seconds int64 ` + "`protobuf:\"varint,1,opt,name=seconds,proto3\"`" + `
	Nanos   int32 ` + "`protobuf:\"varint,2,opt,name=nanos,proto3\"`" + `
}
`,
			"google.golang.org/protobuf/types/known/wrapperspb": `package wrapperspb

type StringValue struct {
	Value string ` + "`protobuf:\"bytes,1,opt,name=value,proto3\"`" + `
}

type Int64Value struct {
	Value int64 ` + "`protobuf:\"varint,1,opt,name=value,proto3\"`" + `
}
`,
			mainPath: `package p

import (
	"google.golang.org/protobuf/types/known/timestamppb"
	"google.golang.org/protobuf/types/known/wrapperspb"
)

type state struct{}

type Status int32

const (
	Status_STATUS_UNSPECIFIED Status = 0
	Status_STATUS_NEW         Status = 1
	Status_STATUS_PAID        Status = 2
)

type Order_Kind int32

const (
	Order_RETAIL    Order_Kind = 0
	Order_WHOLESALE Order_Kind = 1
)

type Item struct {
	state         state
	sizeCache     int32
	unknownFields []byte

	Sku      string ` + "`protobuf:\"bytes,1,opt,name=sku,proto3\" json:\"sku,omitempty\"`" + `
	Quantity uint32 ` + "`protobuf:\"varint,2,opt,name=quantity,proto3\" json:\"quantity,omitempty\"`" + `
}

// Order is a generated message.
type Order struct {
	state         state
	sizeCache     int32
	unknownFields []byte

	OrderId   string                  ` + "`protobuf:\"bytes,1,opt,name=order_id,json=orderId,proto3\" json:\"order_id,omitempty\"`" + `
	Status    Status                  ` + "`protobuf:\"varint,2,opt,name=status,proto3,enum=shop.Status\" json:\"status,omitempty\"`" + `
	Kind      Order_Kind              ` + "`protobuf:\"varint,3,opt,name=kind,proto3,enum=shop.Order_Kind\" json:\"kind,omitempty\"`" + `
	TotalCents int64                  ` + "`protobuf:\"varint,4,opt,name=total_cents,json=totalCents,proto3\" json:\"total_cents,omitempty\"`" + `
	Count     uint64                  ` + "`protobuf:\"varint,5,opt,name=count,proto3\" json:\"count,omitempty\"`" + `
	Ratio     float64                 ` + "`protobuf:\"fixed64,6,opt,name=ratio,proto3\" json:\"ratio,omitempty\"`" + `
	Payload   []byte                  ` + "`protobuf:\"bytes,7,opt,name=payload,proto3\" json:\"payload,omitempty\"`" + `
	Items     []*Item                 ` + "`protobuf:\"bytes,8,rep,name=items,proto3\" json:\"items,omitempty\"`" + `
	Labels    map[string]string       ` + "`protobuf:\"bytes,9,rep,name=labels,proto3\" json:\"labels,omitempty\" protobuf_key:\"bytes,1,opt,name=key,proto3\" protobuf_val:\"bytes,2,opt,name=value,proto3\"`" + `
	ByID      map[int64]*Item         ` + "`protobuf:\"bytes,10,rep,name=by_id,json=byId,proto3\" json:\"by_id,omitempty\" protobuf_key:\"varint,1,opt,name=key,proto3\" protobuf_val:\"bytes,2,opt,name=value,proto3\"`" + `
	CreatedAt *timestamppb.Timestamp  ` + "`protobuf:\"bytes,11,opt,name=created_at,json=createdAt,proto3\" json:\"created_at,omitempty\"`" + `
	Note      *wrapperspb.StringValue ` + "`protobuf:\"bytes,12,opt,name=note,proto3\" json:\"note,omitempty\"`" + `
	Big       *wrapperspb.Int64Value  ` + "`protobuf:\"bytes,13,opt,name=big,proto3\" json:\"big,omitempty\"`" + `
	// Types that are valid to be assigned to Payment:
	//
	//	*Order_Card
	//	*Order_Iban
	Payment isOrder_Payment ` + "`protobuf_oneof:\"payment\"`" + `
}

type isOrder_Payment interface{ isOrder_Payment() }

type Order_Card struct {
	Card string ` + "`protobuf:\"bytes,14,opt,name=card,proto3,oneof\"`" + `
}

type Order_Iban struct {
	Iban string ` + "`protobuf:\"bytes,15,opt,name=iban,proto3,oneof\"`" + `
}

func (*Order_Card) isOrder_Payment() {}
func (*Order_Iban) isOrder_Payment() {}
`,
		},
		roots: []string{"protojson:Order", "Order"},
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
	g.SetDocs(prog.docs)
	for _, root := range roots {
		expr, enc := rootEncoding(root)
		g.AddAs(prog.typeOf(t, expr), enc)
	}
	set := g.Build()

	refs := mapping()
	for _, root := range tc.roots {
		expr, enc := rootEncoding(root)
		appendPair(refs, root, Node(set.RefAs(prog.typeOf(t, expr), enc)))
	}
	comps := mapping()
	for _, c := range set.Components() {
		appendPair(comps, c.Name, Node(c.Schema))
	}
	doc := mapping()
	appendPair(doc, "refs", refs)
	appendPair(doc, "components", comps)
	if notes := set.Notes(); len(notes) > 0 {
		seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, n := range notes {
			seq.Content = append(seq.Content, scalar("!!str", n.Message))
		}
		appendPair(doc, "notes", seq)
	}

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

// rootEncoding splits a root written "msgpack:T" or "protojson:T" into
// the type expression and the encoding (JSON without a prefix).
func rootEncoding(root string) (string, Encoding) {
	for _, enc := range []Encoding{Msgpack, ProtoJSON} {
		if expr, ok := strings.CutPrefix(root, enc.String()+":"); ok {
			return expr, enc
		}
	}
	return root, JSON
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
