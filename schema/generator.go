package schema

import (
	"cmp"
	"go/types"
	"slices"
	"strings"

	"github.com/swaggest/jsonschema-go"
	"golang.org/x/tools/go/types/typeutil"
)

// Generator collects the Go types whose schemas a document needs.
type Generator struct {
	roots []types.Type
	docs  func(types.Object) string
}

// NewGenerator returns an empty Generator.
func NewGenerator() *Generator {
	return &Generator{}
}

// SetDocs sets the source of descriptions: docs(obj) returns the doc
// comment of a type (a *types.TypeName) or struct field (a *types.Var, the
// field of the generic type for fields of an instance), or "". go/types
// does not keep comments, so the caller, which has the syntax, supplies
// them. A nil docs (the default) means no descriptions.
func (g *Generator) SetDocs(docs func(obj types.Object) string) {
	g.docs = docs
}

// Add registers a root type (a payload or message key type). Pointers are
// stripped.
func (g *Generator) Add(t types.Type) {
	if t == nil {
		return
	}
	g.roots = append(g.roots, canonical(deref(t)))
}

// Build reflects every added type and every named type reachable from
// them, assigns component names, and returns the result. Names and schemas
// do not depend on the order of Add calls or on map iteration: the same set
// of types always gives the same bytes.
func (g *Generator) Build() *Set {
	// Discover the components, walking from the roots in a fixed order:
	// where a recursive non-struct type is cut depends on the walk.
	r := &reflector{docs: g.docs, names: new(typeutil.Map), discovering: true}
	for _, t := range sortTypes(g.roots) {
		r.ref(t)
	}
	for i := 0; i < len(r.queue); i++ { // r.body may extend r.queue
		r.body(r.queue[i])
	}

	comps := sortTypes(r.queue)
	set := &Set{docs: g.docs, names: new(typeutil.Map)}
	for i, name := range componentNames(comps) {
		set.names.Set(comps[i], name)
	}
	final := set.reflector()
	for _, t := range comps {
		set.components = append(set.components, Component{
			Name:   set.names.At(t).(string),
			GoType: types.TypeString(t, nil),
			Schema: final.body(t),
		})
	}
	slices.SortFunc(set.components, func(x, y Component) int { return strings.Compare(x.Name, y.Name) })
	return set
}

// Set is the result of Build: the component schemas and how to refer to
// any type.
type Set struct {
	docs       func(types.Object) string
	names      *typeutil.Map // component type -> name
	components []Component
}

// Component is a named schema, to be listed under components/schemas.
type Component struct {
	Name   string             // matches ^[\w\d\.\-_]+$
	GoType string             // types.TypeString(t, nil), pointers stripped
	Schema *jsonschema.Schema // includes ExtraProperties["x-go-type"] = GoType
}

// Ref returns the schema to use where t is referenced:
// {$ref: "#/components/schemas/<Name>"} for a type that is a component, the
// inline schema otherwise. A type that Build did not see is reflected
// inline, using $refs for the components it reaches. Each call returns a
// new schema, which the caller may modify. Ref is safe for concurrent use.
func (s *Set) Ref(t types.Type) *jsonschema.Schema {
	if t == nil {
		return &jsonschema.Schema{}
	}
	r := s.reflector()
	return r.ref(t)
}

// Components returns the component schemas sorted by Name.
func (s *Set) Components() []Component {
	return slices.Clone(s.components)
}

func (s *Set) reflector() *reflector {
	return &reflector{docs: s.docs, names: s.names}
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
