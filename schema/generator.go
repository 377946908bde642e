package schema

import (
	"cmp"
	"fmt"
	"go/types"
	"slices"
	"strings"

	"github.com/swaggest/jsonschema-go"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/asyncapi-extract/asyncapi-extract/protocols"
)

// Encoding is the encoder whose output a schema describes.
type Encoding int

const (
	// JSON is encoding/json (the default).
	JSON Encoding = iota
	// ProtoJSON is google.golang.org/protobuf/encoding/protojson with its
	// default options, for protobuf-generated structs.
	ProtoJSON
	// Msgpack is github.com/vmihailenco/msgpack/v5 with its default
	// options; its schemas describe the data model (see the package
	// documentation).
	Msgpack

	numEncodings
)

// String returns the suffix-free name of e: json, protojson, msgpack.
func (e Encoding) String() string {
	switch e {
	case JSON:
		return "json"
	case ProtoJSON:
		return "protojson"
	case Msgpack:
		return "msgpack"
	}
	return fmt.Sprintf("Encoding(%d)", int(e))
}

// EncodingOf is the encoding whose schemas describe the payloads of a
// codec of the protocol tables. Raw binary encodings are described by
// the structure of the Go value in JSON terms.
func EncodingOf(e protocols.Encoding) Encoding {
	switch e {
	case protocols.EncodingProtoJSON:
		return ProtoJSON
	case protocols.EncodingMsgpack:
		return Msgpack
	}
	return JSON
}

// suffix is appended to the component names of the encoding.
func (e Encoding) suffix() string {
	if e == JSON {
		return ""
	}
	return "_" + e.String()
}

// Generator collects the Go types whose schemas a document needs.
type Generator struct {
	roots []compKey
	docs  Docs
}

// NewGenerator returns an empty Generator.
func NewGenerator() *Generator {
	return &Generator{}
}

// SetDocs sets the source of descriptions (doc comments of types, struct
// fields and constants). A nil Docs (the default) means no descriptions.
// Generic instances use the docs of their origin type.
func (g *Generator) SetDocs(d Docs) {
	g.docs = d
}

// Add registers a root type (a payload or message key type) encoded with
// encoding/json. Pointers are stripped.
func (g *Generator) Add(t types.Type) {
	g.AddAs(t, JSON)
}

// AddAs registers a root type encoded with enc. Pointers are stripped.
func (g *Generator) AddAs(t types.Type, enc Encoding) {
	if t == nil || enc < 0 || enc >= numEncodings {
		return
	}
	g.roots = append(g.roots, compKey{canonical(deref(t)), enc})
}

// Build reflects every added type and every named type reachable from
// them, assigns component names, and returns the result. Names and schemas
// do not depend on the order of Add calls or on map iteration: the same set
// of types always gives the same bytes.
func (g *Generator) Build() *Set {
	// Discover the components, walking from the roots in a fixed order:
	// where a recursive non-struct type is cut depends on the walk.
	notes := new(noteSet)
	consts := newConstIndex()
	disc := &reflector{docs: g.docs, names: newCompNames(), discovering: true, notes: notes, consts: consts}
	for _, k := range sortKeys(g.roots) {
		disc.enc = k.enc
		disc.ref(k.t)
	}
	for i := 0; i < len(disc.queue); i++ { // body may extend the queue
		k := disc.queue[i]
		disc.enc = k.enc
		disc.body(k.t)
	}

	comps := sortKeys(disc.queue)
	set := &Set{docs: g.docs, names: newCompNames(), notes: notes.sorted(), consts: consts}
	for i, name := range keyNames(comps) {
		set.names.set(comps[i].t, comps[i].enc, name)
	}
	for _, k := range comps {
		final := set.reflector(k.enc)
		name, _ := set.names.at(k.t, k.enc)
		set.components = append(set.components, Component{
			Name:     name,
			GoType:   types.TypeString(k.t, nil),
			Encoding: k.enc,
			Schema:   final.body(k.t),
		})
	}
	slices.SortFunc(set.components, func(x, y Component) int { return strings.Compare(x.Name, y.Name) })
	return set
}

// Set is the result of Build: the component schemas and how to refer to
// any type.
type Set struct {
	docs       Docs
	consts     *constIndex
	names      *compNames
	components []Component
	notes      []Note
}

// Component is a named schema, to be listed under components/schemas.
type Component struct {
	Name     string             // matches ^[\w\d\.\-_]+$
	GoType   string             // types.TypeString(t, nil), pointers stripped
	Encoding Encoding           // the encoder described; its suffix ends Name
	Schema   *jsonschema.Schema // includes ExtraProperties["x-go-type"] = GoType
}

// Ref returns the schema to use where t is referenced and encoded with
// encoding/json: {$ref: "#/components/schemas/<Name>"} for a type that is
// a component, the inline schema otherwise. A type that Build did not see
// is reflected inline, using $refs for the components it reaches. Each
// call returns a new schema, which the caller may modify. Ref is safe for
// concurrent use.
func (s *Set) Ref(t types.Type) *jsonschema.Schema {
	return s.RefAs(t, JSON)
}

// RefAs is Ref for a type encoded with enc.
func (s *Set) RefAs(t types.Type, enc Encoding) *jsonschema.Schema {
	if t == nil || enc < 0 || enc >= numEncodings {
		return &jsonschema.Schema{}
	}
	return s.reflector(enc).ref(t)
}

// Components returns the component schemas sorted by Name.
func (s *Set) Components() []Component {
	return slices.Clone(s.components)
}

// Notes returns what Build found worth telling the user about the types
// added before it (a custom MarshalJSON whose output is unknown, fields
// encoding/json cannot marshal), sorted by package, object name, position
// and message.
func (s *Set) Notes() []Note {
	return slices.Clone(s.notes)
}

func (s *Set) reflector(enc Encoding) *reflector {
	return &reflector{docs: s.docs, names: s.names, enc: enc, consts: s.consts}
}

// compKey is a type as written by an encoding: a component is one.
type compKey struct {
	t   types.Type
	enc Encoding
}

// compNames maps the component types of each encoding to their names.
type compNames [numEncodings]*typeutil.Map

func newCompNames() *compNames {
	var n compNames
	for i := range n {
		n[i] = new(typeutil.Map)
	}
	return &n
}

func (n *compNames) at(t types.Type, enc Encoding) (string, bool) {
	name, ok := n[enc].At(t).(string)
	return name, ok
}

func (n *compNames) set(t types.Type, enc Encoding, name string) {
	n[enc].Set(t, name)
}

// keyNames names the components ks (sorted by sortKeys): the type's name
// (see componentNames, computed over the types of every encoding) and the
// encoding's suffix, so that the JSON and msgpack schemas of one type are
// Order and Order_msgpack whichever else the set holds.
func keyNames(ks []compKey) []string {
	var ts []types.Type
	for _, k := range ks {
		ts = append(ts, k.t)
	}
	ts = sortTypes(ts)
	base := new(typeutil.Map)
	for i, name := range componentNames(ts) {
		base.Set(ts[i], name)
	}
	names := make([]string, len(ks))
	taken := make(map[string]bool)
	for i, k := range ks {
		names[i] = base.At(k.t).(string) + k.enc.suffix()
		taken[names[i]] = true
	}
	// A type named like another's suffixed name (Order_msgpack): number
	// the later one, as componentNames does.
	seen := make(map[string]bool)
	for i, name := range names {
		if seen[name] {
			for n := 2; ; n++ {
				if alt := fmt.Sprintf("%s_%d", name, n); !taken[alt] {
					names[i] = alt
					taken[alt] = true
					break
				}
			}
		}
		seen[names[i]] = true
	}
	return names
}

// sortKeys returns ks without duplicates, sorted by type (see sortTypes)
// and then by encoding.
func sortKeys(ks []compKey) []compKey {
	var all []types.Type
	for _, k := range ks {
		all = append(all, k.t)
	}
	// The encodings of each type, as bits: a lookup per type, where a
	// scan of ks per type would be quadratic.
	var encs typeutil.Map
	for _, k := range ks {
		t := types.Unalias(k.t)
		bits, _ := encs.At(t).(uint)
		encs.Set(t, bits|1<<uint(k.enc))
	}
	var out []compKey
	for _, t := range sortTypes(all) {
		bits, _ := encs.At(types.Unalias(t)).(uint)
		for enc := range numEncodings {
			if bits&(1<<uint(enc)) != 0 {
				out = append(out, compKey{t, enc})
			}
		}
	}
	return out
}

// sortTypes returns ts without duplicates, sorted by full name and then
// by declaring position (which tells apart types local to functions).
func sortTypes(ts []types.Type) []types.Type {
	type keyed struct {
		t    types.Type
		name string
		pos  int
	}
	var seen typeutil.Map
	var list []keyed
	for _, t := range ts {
		t = types.Unalias(t)
		if seen.Set(t, true) != nil {
			continue
		}
		k := keyed{t: t, name: types.TypeString(t, nil)}
		if n, ok := t.(*types.Named); ok {
			k.pos = int(n.Obj().Pos())
		}
		list = append(list, k)
	}
	slices.SortFunc(list, func(x, y keyed) int {
		return cmp.Or(strings.Compare(x.name, y.name), cmp.Compare(x.pos, y.pos))
	})
	out := make([]types.Type, len(list))
	for i, k := range list {
		out[i] = k.t
	}
	return out
}

// canonical returns t with aliases replaced by the types they denote, down
// to type arguments: Envelope[A] for an alias A = Order is printed (and
// named) as Envelope[Order], whichever spelling Build meets first.
func canonical(t types.Type) types.Type {
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		if t.TypeArgs().Len() == 0 {
			return t
		}
		var args []types.Type
		for a := range t.TypeArgs().Types() {
			args = append(args, canonical(a))
		}
		if inst, err := types.Instantiate(nil, t.Origin(), args, false); err == nil {
			return inst
		}
		return t
	case *types.Pointer:
		return types.NewPointer(canonical(t.Elem()))
	case *types.Slice:
		return types.NewSlice(canonical(t.Elem()))
	case *types.Array:
		return types.NewArray(canonical(t.Elem()), t.Len())
	case *types.Map:
		return types.NewMap(canonical(t.Key()), canonical(t.Elem()))
	case *types.Chan:
		return types.NewChan(t.Dir(), canonical(t.Elem()))
	default:
		return t
	}
}
