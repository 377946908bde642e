package schema

import (
	"cmp"
	"go/constant"
	"go/types"
	"slices"
	"strings"
	"sync"

	"github.com/swaggest/jsonschema-go"
)

const (
	// enumNamesKey lists the Go names of the constants of an enum, in the
	// order of its values: jsonschema-go's own key for NamedEnum.
	enumNamesKey = jsonschema.XEnumNames

	// enumDescriptionsKey lists the doc comments of the constants of an
	// enum ("" for those without one), in the order of its values; present
	// only when at least one constant has a comment.
	enumDescriptionsKey = "x-enum-descriptions"
)

type enumKey struct {
	obj *types.TypeName
	enc Encoding
}

// An enumInfo is the set of values a named type's constants declare.
type enumInfo struct {
	base   *jsonschema.Schema // the schema of the type without the enum
	values []any
	names  []string
	docs   []string
}

// enumOf returns the enum of t: for a named, non-generic type whose
// underlying type is a string or number type and whose encoding its kind
// decides (no marshaling method), the values of the constants of exactly
// that type declared in its package, in declaration order (by position,
// which export data keeps too); a value declared twice counts once, under
// its first name. A type with fewer than two constants has no enum: a lone
// constant is more often a default than the list of allowed values.
//
// With ProtoJSON, a generated enum (a named int32 type) is written by
// value name: the values are the constant names without the prefix
// protoc-gen-go adds (the type name, or for a nested enum Msg_Enum the
// message name, and "_").
func (r *reflector) enumOf(t types.Type) *enumInfo {
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.TypeArgs().Len() > 0 || n.TypeParams().Len() > 0 || n.Obj().Pkg() == nil {
		return nil
	}
	b, ok := n.Underlying().(*types.Basic)
	if !ok || b.Info()&(types.IsInteger|types.IsFloat|types.IsString) == 0 || b.Info()&types.IsComplex != 0 {
		return nil
	}
	if r.enums == nil {
		r.enums = make(map[enumKey]*enumInfo)
	}
	obj := n.Obj()
	if e, ok := r.enums[enumKey{obj, r.enc}]; ok {
		return e
	}
	var e *enumInfo
	defer func() { r.enums[enumKey{obj, r.enc}] = e }()
	if r.special(n) != nil {
		return nil
	}

	consts := slices.Clone(r.consts.of(obj))
	if len(consts) < 2 {
		return nil
	}
	slices.SortFunc(consts, func(x, y *types.Const) int {
		return cmp.Or(cmp.Compare(x.Pos(), y.Pos()), strings.Compare(x.Name(), y.Name()))
	})

	proto := r.enc == ProtoJSON && b.Kind() == types.Int32
	e = &enumInfo{base: basic(b)}
	if proto {
		e.base = typed(jsonschema.String)
	}
	prefix := protoEnumPrefix(obj.Name(), consts)
	var seen []any
	for _, c := range consts {
		v := constValue(c.Val(), b)
		if v == nil || slices.Contains(seen, v) {
			continue
		}
		seen = append(seen, v)
		if proto {
			e.values = append(e.values, strings.TrimPrefix(c.Name(), prefix))
		} else {
			e.values = append(e.values, v)
		}
		e.names = append(e.names, c.Name())
		e.docs = append(e.docs, r.constDoc(c))
	}
	if len(e.values) < 2 {
		e = nil
	}
	return e
}

// schema returns the schema of the enum type.
func (e *enumInfo) schema() *jsonschema.Schema {
	s := *e.base
	s.Enum = slices.Clone(e.values)
	s.ExtraProperties = nil
	s.WithExtraPropertiesItem(enumNamesKey, slices.Clone(e.names))
	if slices.ContainsFunc(e.docs, func(d string) bool { return d != "" }) {
		s.WithExtraPropertiesItem(enumDescriptionsKey, slices.Clone(e.docs))
	}
	return &s
}

// constValue converts a constant of basic type b to a JSON value.
func constValue(v constant.Value, b *types.Basic) any {
	switch {
	case v.Kind() == constant.String:
		return constant.StringVal(v)
	case b.Info()&types.IsUnsigned != 0:
		if u, ok := constant.Uint64Val(constant.ToInt(v)); ok {
			return u
		}
	case b.Info()&types.IsInteger != 0:
		if i, ok := constant.Int64Val(constant.ToInt(v)); ok {
			return i
		}
	case b.Info()&types.IsFloat != 0:
		f, _ := constant.Float64Val(v)
		return f
	}
	return nil
}

// protoEnumPrefix returns the prefix protoc-gen-go put before the value
// names of the enum typeName: "Status_" when every constant has it, else
// the part of a nested enum's name before its last "_" (Order_ for
// Order_Status).
func protoEnumPrefix(typeName string, consts []*types.Const) string {
	all := func(p string) bool {
		return !slices.ContainsFunc(consts, func(c *types.Const) bool { return !strings.HasPrefix(c.Name(), p) })
	}
	if p := typeName + "_"; all(p) {
		return p
	}
	if i := strings.LastIndex(typeName, "_"); i > 0 {
		if p := typeName[:i+1]; all(p) {
			return p
		}
	}
	return ""
}

// constIndex holds the constants of each package by their named type,
// built once per package: looking them up for every enum type by
// scanning the package scope would be quadratic in the package's size.
// It is safe for concurrent use (Set.Ref is).
type constIndex struct {
	mu    sync.Mutex
	byPkg map[*types.Package]map[*types.TypeName][]*types.Const
}

func newConstIndex() *constIndex {
	return &constIndex{byPkg: make(map[*types.Package]map[*types.TypeName][]*types.Const)}
}

// of returns the package-level constants whose type is the named type
// obj (not generic), in no particular order.
func (x *constIndex) of(obj *types.TypeName) []*types.Const {
	x.mu.Lock()
	defer x.mu.Unlock()
	pkg := obj.Pkg()
	m, ok := x.byPkg[pkg]
	if !ok {
		m = make(map[*types.TypeName][]*types.Const)
		scope := pkg.Scope()
		for _, name := range scope.Names() {
			c, ok := scope.Lookup(name).(*types.Const)
			if !ok {
				continue
			}
			if n, ok := types.Unalias(c.Type()).(*types.Named); ok && n.TypeArgs().Len() == 0 {
				m[n.Obj()] = append(m[n.Obj()], c)
			}
		}
		x.byPkg[pkg] = m
	}
	return m[obj]
}
