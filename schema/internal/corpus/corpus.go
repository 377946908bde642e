// Package corpus holds payload types for the tests of package schema: the
// parity test compares their static schemas with those swaggest's runtime
// Reflector makes of the compiled types, and the round-trip test validates
// json.Marshal output of random values against the static schemas.
//
// Every exported non-generic type is a test case (the tests check that
// their lists cover them); generic types are tested through the instances
// the tests list. Keep the package free of dependencies other than the
// standard library and github.com/google/uuid.
package corpus

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"math/big"
	"net"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/asyncapi-extract/asyncapi-extract/schema/internal/corpus/billing"
)

// Basics has a field of every basic kind encoding/json supports.
type Basics struct {
	Bool    bool
	Int     int
	Int8    int8
	Int16   int16
	Int32   int32
	Int64   int64
	Uint    uint
	Uint8   uint8
	Uint16  uint16
	Uint32  uint32
	Uint64  uint64
	Float32 float32
	Float64 float64
	String  string
}

// Status is the state of an order.
type Status string

const (
	// StatusNew is an order just placed.
	StatusNew Status = "new"
	// StatusPaid is an order paid for.
	StatusPaid      Status = "paid"
	StatusShipped   Status = "shipped" // StatusShipped is on its way.
	StatusCancelled Status = "cancelled"
)

// Priority ranks orders; it has no comments on its values.
type Priority int

const (
	PriorityLow Priority = iota + 1
	PriorityNormal
	PriorityHigh
)

// Level is a named integer without constants: no enum.
type Level int8

// Item is a line of an order.
type Item struct {
	// SKU identifies the product.
	SKU string `json:"sku"`
	// Quantity is how many.
	Quantity int `json:"quantity"`
}

// Tagged exercises json tag names and options.
type Tagged struct {
	Renamed    int    `json:"renamed"`
	Skipped    int    `json:"-"`
	Dash       int    `json:"-,"`
	Empty      string `json:",omitempty"`
	Zero       int    `json:"zero,omitzero"`
	Both       []int  `json:"both,omitempty,omitzero"`
	Untagged   string
	OtherTag   string `yaml:"other"`
	unexported int
}

// Quoted has ",string" fields, which encoding/json writes as strings.
type Quoted struct {
	Int    int     `json:"int,string"`
	Float  float64 `json:"float,string"`
	Bool   bool    `json:"bool,string"`
	Str    string  `json:"str,string"`
	IntPtr *int    `json:"intPtr,string"`
	// List is not quoted: ",string" applies to scalars only.
	List []int `json:"list,string"`
}

// Pointers has pointer fields, nullable unless omitted when nil.
type Pointers struct {
	Int      *int      `json:"int"`
	Str      *string   `json:"str"`
	Item     *Item     `json:"item"`
	ItemOmit *Item     `json:"itemOmit,omitempty"`
	IntOmit  *int      `json:"intOmit,omitempty"`
	PtrPtr   **int     `json:"ptrPtr"`
	List     *[]string `json:"list"`
	Status   *Status   `json:"status"`
	Zero     *int      `json:"zero,omitzero"`
}

// Collections has slices, arrays and maps.
type Collections struct {
	Strings  []string          `json:"strings"`
	Bytes    []byte            `json:"bytes"`
	Hash     [4]byte           `json:"hash"`
	Triple   [3]int            `json:"triple"`
	Matrix   [][]float64       `json:"matrix"`
	Items    []Item            `json:"items"`
	ItemPtrs []*Item           `json:"itemPtrs"`
	ByName   map[string]int    `json:"byName"`
	Nested   map[string][]Item `json:"nested"`
	Labels   Labels            `json:"labels"`
}

// Labels is a named slice.
type Labels []string

// IntKeys has maps with integer keys, which encoding/json writes in
// decimal.
type IntKeys struct {
	ByInt    map[int]string    `json:"byInt"`
	ByUint16 map[uint16]bool   `json:"byUint16"`
	ByInt64  map[int64]Item    `json:"byInt64"`
	ByStatus map[Status]int    `json:"byStatus"`
	ByPrio   map[Priority]bool `json:"byPrio"`
}

// Coord is a map key that marshals itself as text.
type Coord struct {
	X, Y int
}

// MarshalText writes "x,y".
func (c Coord) MarshalText() ([]byte, error) {
	return []byte(fmt.Sprintf("%d,%d", c.X, c.Y)), nil
}

// UnmarshalText reads "x,y".
func (c *Coord) UnmarshalText(b []byte) error {
	_, err := fmt.Sscanf(string(b), "%d,%d", &c.X, &c.Y)
	return err
}

// TextKeys has a map keyed by a TextMarshaler.
type TextKeys struct {
	Cells map[Coord]string `json:"cells"`
	// Origin is written as text too.
	Origin Coord `json:"origin"`
}

// Times has the time types.
type Times struct {
	At       time.Time     `json:"at"`
	Maybe    *time.Time    `json:"maybe"`
	Always   time.Time     `json:"always,omitempty"`
	Sometime time.Time     `json:"sometime,omitzero"`
	Timeout  time.Duration `json:"timeout"`
	Month    time.Month    `json:"month"`
	Day      time.Weekday  `json:"day"`
}

// Numbers has the arbitrary-precision and raw number types.
type Numbers struct {
	Number  json.Number     `json:"number"`
	Raw     json.RawMessage `json:"raw"`
	Big     *big.Int        `json:"big"`
	BigVal  big.Int         `json:"bigVal"`
	Float   *big.Float      `json:"float"`
	Counter uint64          `json:"counter"`
}

// IDs has UUIDs.
type IDs struct {
	ID     uuid.UUID   `json:"id"`
	Parent *uuid.UUID  `json:"parent"`
	Refs   []uuid.UUID `json:"refs"`
}

// Network has addresses.
type Network struct {
	IP     net.IP       `json:"ip"`
	Addr   netip.Addr   `json:"addr"`
	Prefix netip.Prefix `json:"prefix"`
	// Endpoint is written as a struct: *url.URL has no MarshalJSON.
	Endpoint *url.URL `json:"endpoint"`
}

// Nulls has database/sql's nullable types, which encoding/json writes as
// objects.
type Nulls struct {
	Name  sql.NullString  `json:"name"`
	Count sql.NullInt64   `json:"count"`
	Flag  sql.NullBool    `json:"flag"`
	When  sql.NullTime    `json:"when"`
	Score sql.NullFloat64 `json:"score"`
}

// Money is an amount with its currency; it marshals itself as "12.34 EUR".
type Money struct {
	Cents    int64
	Currency string
}

// MarshalJSON writes the amount as a string.
func (m Money) MarshalJSON() ([]byte, error) {
	return json.Marshal(fmt.Sprintf("%d.%02d %s", m.Cents/100, abs(m.Cents%100), m.Currency))
}

func abs(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

// Wallet holds Money, whose schema is unconstrained.
type Wallet struct {
	Balance Money  `json:"balance"`
	Limit   *Money `json:"limit"`
}

// Celsius is a temperature written as text ("21.5C").
type Celsius float64

// MarshalText writes the temperature with its unit.
func (c Celsius) MarshalText() ([]byte, error) {
	return []byte(strconv.FormatFloat(float64(c), 'f', -1, 64) + "C"), nil
}

// UnmarshalText reads a temperature with its unit.
func (c *Celsius) UnmarshalText(b []byte) error {
	f, err := strconv.ParseFloat(strings.TrimSuffix(string(b), "C"), 64)
	*c = Celsius(f)
	return err
}

// Reading is a sensor reading.
type Reading struct {
	Sensor string  `json:"sensor"`
	Temp   Celsius `json:"temp"`
	// Token marshals as text but cannot be read back.
	Token Token `json:"token"`
}

// Token is a TextMarshaler without UnmarshalText.
type Token struct {
	value string
}

// MarshalText writes the token.
func (t Token) MarshalText() ([]byte, error) {
	return []byte("tok-" + t.value), nil
}

// Color marshals itself as a name, so its integer constants are no enum.
type Color int

const (
	Red Color = iota
	Green
	Blue
)

// MarshalText writes the color's name.
func (c Color) MarshalText() ([]byte, error) {
	switch c {
	case Red:
		return []byte("red"), nil
	case Green:
		return []byte("green"), nil
	}
	return []byte("blue"), nil
}

// UnmarshalText reads a color name.
func (c *Color) UnmarshalText(b []byte) error {
	switch string(b) {
	case "red":
		*c = Red
	case "green":
		*c = Green
	default:
		*c = Blue
	}
	return nil
}

// Paint has a Color.
type Paint struct {
	Color Color `json:"color"`
	// Coats is how many layers.
	Coats uint8 `json:"coats"`
}

// Base holds the identity of an entity.
type Base struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Audit tells who changed an entity.
type Audit struct {
	CreatedBy string `json:"createdBy"`
	Name      string `json:"name"`
}

type inner struct {
	Exported int `json:"exported"`
	hidden   int
}

// Level2 is embedded one level down.
type Level2 struct {
	ID    int `json:"id"`
	Extra int `json:"extra"`
}

// Embedding embeds structs in the ways that give encoding/json's conflict
// rules something to do.
type Embedding struct {
	Base
	*Audit // CreatedBy, through a pointer: not required; Name clashes with Base.Name at equal depth
	inner
	Own string `json:"own"`
}

// Shadow has a field hiding one of an embedded struct.
type Shadow struct {
	Base
	// Name hides Base.Name.
	Name int `json:"name"`
}

// Deep promotes fields through two levels.
type Deep struct {
	Wrapper
	Own int `json:"own"`
}

// Wrapper embeds Level2.
type Wrapper struct {
	Level2
	Note string `json:"note"`
}

// TaggedEmbed has an embedded struct with a json name, which makes it a
// member.
type TaggedEmbed struct {
	Base `json:"base"`
	Kind string `json:"kind"`
}

// TreeNode is a recursive tree.
type TreeNode struct {
	Name     string      `json:"name"`
	Children []*TreeNode `json:"children"`
}

// LinkedList is recursive through a pointer.
type LinkedList struct {
	Value int         `json:"value"`
	Next  *LinkedList `json:"next"`
}

// Employee and Department refer to each other.
type Employee struct {
	Name string      `json:"name"`
	Dept *Department `json:"dept,omitempty"`
}

// Department has employees.
type Department struct {
	Title   string     `json:"title"`
	Members []Employee `json:"members"`
}

// Envelope wraps every message.
type Envelope[T any] struct {
	// Data is the payload.
	Data T `json:"data"`
	// Meta is about the message.
	Meta Meta `json:"meta"`
}

// Meta describes a message.
type Meta struct {
	Trace string    `json:"trace"`
	Sent  time.Time `json:"sent"`
}

// Page is a page of results.
type Page[T any] struct {
	Items []T      `json:"items"`
	Next  *Page[T] `json:"next,omitempty"`
	Total int      `json:"total"`
}

// Pair is a key and a value.
type Pair[K comparable, V any] struct {
	Key   K `json:"key"`
	Value V `json:"value"`
}

// Order is a customer's order.
type Order struct {
	// ID identifies the order.
	ID uuid.UUID `json:"id"`
	// Status is where the order is.
	Status   Status   `json:"status"`
	Priority Priority `json:"priority"`
	Items    []Item   `json:"items" validate:"required,min=1,dive"`
	// Total is in cents.
	Total    int64          `json:"total" minimum:"0"`
	Customer *Customer      `json:"customer,omitempty"`
	Invoice  *Invoice       `json:"invoice,omitempty"`
	Notes    string         `json:"notes,omitempty" maxLength:"500"`
	Placed   time.Time      `json:"placed"`
	Tags     []string       `json:"tags,omitempty" validate:"omitempty,max=10,dive,min=1,max=20"`
	Extra    map[string]any `json:"extra,omitempty"`
}

// Customer is who orders.
type Customer struct {
	ID      string `json:"id" validate:"required,uuid4"`
	Email   string `json:"email" validate:"required,email"`
	Website string `json:"website,omitempty" validate:"omitempty,url"`
	// Age in years.
	Age     int      `json:"age" validate:"gte=18,lte=130"`
	Country string   `json:"country" validate:"len=2,alpha"`
	Address *Address `json:"address" validate:"required"`
}

// Address is where to ship.
type Address struct {
	Street string `json:"street" validate:"required,max=100"`
	City   string `json:"city" validate:"required"`
	Zip    string `json:"zip" validate:"numeric,min=4,max=10"`
}

// Invoice refers to billing.Item, named like Item.
type Invoice struct {
	Number string         `json:"number"`
	Lines  []billing.Item `json:"lines"`
	Status billing.Status `json:"status"`
	Items  []Item         `json:"items"`
}

// Annotated carries jsonschema-go's field tags.
type Annotated struct {
	_ struct{} `title:"Annotated" description:"An annotated object."`

	Code     string   `json:"code" title:"Code" description:"A code." pattern:"^[A-Z]{3}$" minLength:"3" maxLength:"3" example:"ABC"`
	Count    int      `json:"count" minimum:"1" maximum:"100" default:"10"`
	Ratio    float64  `json:"ratio" exclusiveMinimum:"0" exclusiveMaximum:"1" examples:"[0.25, 0.5]"`
	Kind     string   `json:"kind" enum:"a,b,c" default:"a"`
	Sizes    []int    `json:"sizes" minItems:"1" maxItems:"4" uniqueItems:"true"`
	Email    string   `json:"email" format:"email"`
	Old      string   `json:"old" deprecated:"true"`
	Fixed    string   `json:"fixed" const:"v1"`
	Optional string   `json:"optional" required:"false"`
	Forced   string   `json:"forced,omitempty" required:"true"`
	Maybe    int      `json:"maybe" nullable:"true"`
	Never    *int     `json:"never" nullable:"false"`
	Levels   []string `json:"levels" minItems:"0"`
}

// Validated carries go-playground/validator tags.
type Validated struct {
	Name     string            `json:"name" validate:"required,min=2,max=32"`
	Score    float64           `json:"score" validate:"gt=0,lt=10"`
	Rank     int               `json:"rank" validate:"min=1,max=5"`
	Color    string            `json:"color" validate:"oneof=red green 'dark blue'"`
	Prio     int               `json:"prio" validate:"oneof=1 2 3"`
	Tags     []string          `json:"tags" validate:"min=1,max=3,dive,min=2,max=8"`
	Scores   map[string]int    `json:"scores" validate:"max=4,dive,keys,alpha,max=6,endkeys,gte=0,lte=100"`
	Grid     [][]int           `json:"grid" validate:"max=3,dive,max=3,dive,min=0,max=9"`
	Link     string            `json:"link" validate:"required,url"`
	Contact  *string           `json:"contact" validate:"omitempty,email"`
	Ref      *Item             `json:"ref" validate:"required"`
	Timeout  time.Duration     `json:"timeout" validate:"min=1s,max=1h"`
	Alt      string            `json:"alt" validate:"email|url"`
	Nick     string            `json:"nick" validate:"omitempty,min=3"`
	Attrs    map[string]string `json:"attrs,omitempty" validate:"omitempty,min=1"`
	Checksum string            `json:"checksum" validate:"len=8,alphanum"`
}

// OmitEmpty shows which omitempty members encoding/json can omit: never
// a struct or a non-empty array.
type OmitEmpty struct {
	Struct Item           `json:"struct,omitempty"`
	Time   time.Time      `json:"time,omitempty"`
	Array  [2]int         `json:"array,omitempty"`
	Ptr    *Item          `json:"ptr,omitempty"`
	Map    map[string]int `json:"map,omitempty"`
	Slice  []string       `json:"slice,omitempty"`
	Str    string         `json:"str,omitempty"`
	Num    float64        `json:"num,omitempty"`
	Flag   bool           `json:"flag,omitempty"`
	Zero   Item           `json:"zero,omitzero"`
}

// Dynamic has fields of interface types, which hold anything.
type Dynamic struct {
	Any     any            `json:"any"`
	Values  []any          `json:"values"`
	Object  map[string]any `json:"object"`
	Stringy fmt.Stringer   `json:"stringy"`
}

// Event has an anonymous struct field.
type Event struct {
	Kind   string `json:"kind"`
	Source struct {
		Host string `json:"host"`
		Port int    `json:"port"`
	} `json:"source"`
	Level Level `json:"level"`
}

// Shipment refers to types of two packages with the same names.
type Shipment struct {
	Items   []Item             `json:"items"`
	Billed  []billing.Item     `json:"billed"`
	Status  Status             `json:"status"`
	Billing billing.Status     `json:"billing"`
	Weights map[string]float32 `json:"weights"`
}

// Batch is a generic instance as a field.
type Batch struct {
	Orders Page[Order]         `json:"orders"`
	Pairs  []Pair[string, int] `json:"pairs"`
	Latest *Envelope[Item]     `json:"latest"`
}

// Grid is a fixed-size matrix.
type Grid struct {
	Cells [3][3]int8 `json:"cells"`
	Items [2]Item    `json:"items"`
}

// Unsigned has unsigned fields with minimum 0.
type Unsigned struct {
	Small uint8   `json:"small"`
	Big   uint64  `json:"big"`
	List  []uint  `json:"list"`
	Ptr   *uint32 `json:"ptr"`
}

// Deprecated is an old payload.
//
// It has a second paragraph.
type Deprecated struct {
	// Old is kept for old consumers.
	Old string `json:"old" deprecated:"true"`
}

// Empty has no members.
type Empty struct{}

// Holder has an empty struct and an unexported-only one.
type Holder struct {
	Empty Empty         `json:"empty"`
	Token Token         `json:"token"`
	Tok   *url.Userinfo `json:"tok"`
}
