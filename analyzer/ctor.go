package analyzer

import (
	"fmt"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/asyncapi-extract/asyncapi-extract/protocols"
)

// A constructor is a function whose result carries values of its
// arguments: a table constructor of a client library (kafka.NewWriter),
// or a function of another package whose ConstructorFact says which
// fields of its result it sets from what (NewPublisher(topic)).
type constructor interface {
	// field returns the values of the named field of the result of the
	// constructor call at s ("" for the result itself).
	field(r *resolver, s site, name string) []val
}

// constructor returns the constructor a call calls, if any. Functions of
// this package are not constructors: walks descend into their bodies.
func (r *resolver) constructor(c *ssa.CallCommon) (constructor, bool) {
	f := callee(c)
	if f == nil {
		return nil, false
	}
	if ctor, ok := index.Constructors[f.FullName()]; ok {
		return tableCtor(ctor), true
	}
	if f.Pkg() != r.pass.Pkg {
		var fact ConstructorFact
		if r.pass.ImportObjectFact(f, &fact) {
			return &fact, true
		}
	}
	return nil, false
}

type tableCtor protocols.Constructor

func (c tableCtor) field(r *resolver, s site, name string) []val {
	p, ok := c.Fields[name]
	if !ok {
		return nil
	}
	return r.eval(s, p, val{})
}

// ConstructorFact summarises a function that returns a (pointer to a)
// struct: the values it sets in the string fields of its result, down to
// the fields of the clients the result holds, by dotted field path
// ("w.Topic"), in terms of its parameters.
type ConstructorFact struct {
	// Fields are sorted by path. (A slice, not a map: facts must encode
	// deterministically.)
	Fields []FieldFact
}

// FieldFact is one field path of a constructor's result and its values:
// strings, or, for a field that holds what the constructor was given (an
// interface implementation, a client), the parameter.
type FieldFact struct {
	Path  string
	Strs  []Str
	Param *ParamPayload
}

// param returns the parameter a path (or a prefix of it) holds, and the
// fields that remain to be selected from it.
func (f *ConstructorFact) param(path string) (*ParamPayload, []string) {
	for _, ff := range f.Fields {
		if ff.Param == nil {
			continue
		}
		if path == ff.Path {
			return ff.Param, nil
		}
		if strings.HasPrefix(path, ff.Path+".") {
			return ff.Param, strings.Split(strings.TrimPrefix(path, ff.Path+"."), ".")
		}
	}
	return nil, nil
}

// get returns the values of a path.
func (f *ConstructorFact) get(path string) []Str {
	i := sort.Search(len(f.Fields), func(i int) bool { return f.Fields[i].Path >= path })
	if i < len(f.Fields) && f.Fields[i].Path == path {
		return f.Fields[i].Strs
	}
	return nil
}

// AFact marks ConstructorFact as an analysis fact.
func (*ConstructorFact) AFact() {}

func (f *ConstructorFact) String() string {
	parts := make([]string, len(f.Fields))
	for i, ff := range f.Fields {
		if ff.Param != nil {
			parts[i] = ff.Path + "=$" + fmt.Sprint(ff.Param.Index) + fieldsSuffix(ff.Param.Fields)
			continue
		}
		strs := make([]string, len(ff.Strs))
		for j, s := range ff.Strs {
			strs[j] = s.key()
		}
		parts[i] = ff.Path + "=" + strings.Join(strs, "|")
	}
	return "constructor(" + strings.Join(parts, " ") + ")"
}

// holdsClients reports whether the constructor's result holds a client
// or a value its caller gives (an interface implementation), rather than
// only strings of its own: only such constructors make their package
// one through which clients are reached.
func (f *ConstructorFact) holdsClients() bool {
	for _, ff := range f.Fields {
		if ff.Param != nil || strings.Contains(ff.Path, ".") {
			return true
		}
	}
	return false
}

// has reports whether some recorded path starts with path.
func (f *ConstructorFact) has(path string) bool {
	for _, ff := range f.Fields {
		if ff.Path == path || strings.HasPrefix(ff.Path, path+".") {
			return true
		}
	}
	return false
}

func (f *ConstructorFact) field(r *resolver, s site, name string) []val {
	if p, rest := f.param(name); p != nil {
		return r.fields(r.fields(vals(s.fr, argOf(s, p.Index)), p.Fields), rest)
	}
	if !f.has(name) {
		return nil
	}
	return []val{{&ctorField{site: s, fact: f, path: name}, s.fr}}
}

// ctorField is a field (path) of the result of a call of a constructor
// known by its fact; it resolves to the fact's values with the call's
// arguments in place of the constructor's parameters.
type ctorField struct {
	site site
	fact *ConstructorFact
	path string
}

var _ ssa.Value = (*ctorField)(nil)

func (c *ctorField) Name() string                  { return c.path }
func (c *ctorField) String() string                { return "ctor field " + c.path }
func (c *ctorField) Type() types.Type              { return types.Typ[types.String] }
func (c *ctorField) Parent() *ssa.Function         { return c.site.fn }
func (c *ctorField) Referrers() *[]ssa.Instruction { return nil }
func (c *ctorField) Pos() token.Pos                { return c.site.pos() }

func (c *ctorField) strings(r *resolver, depth int) []Str {
	var out []Str
	for _, s := range c.fact.get(c.path) {
		out = append(out, r.substitute(s, siteArgs{c.site})...)
	}
	return out
}

// constructorFact computes the ConstructorFact of fn, or nil when fn
// returns no struct whose fields it sets.
func (t *tracer) constructorFact(fn *ssa.Function) *ConstructorFact {
	sig := fn.Signature
	if sig.Results().Len() == 0 || fn.TypeParams().Len() > 0 {
		return nil
	}
	resType := sig.Results().At(0).Type()
	named, ok := derefType(resType).(*types.Named)
	if !ok || !isStruct(named) {
		return nil
	}
	if named.Obj().Pkg() != t.pass.Pkg && !isLibraryType(named) {
		return nil // not a constructor of this package's types or a client's
	}
	r := &resolver{tracer: t, owner: fn}
	t.steps = 0
	fields := make(map[string][]Str)
	params := make(map[string]*ParamPayload)
	var rets []val
	for _, b := range fn.Blocks {
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && len(ret.Results) > 0 {
			rets = append(rets, val{ret.Results[0], nil})
		}
	}
	r.recordFields(fields, params, rets, derefType(resType), "", 0)
	if len(fields) == 0 && len(params) == 0 {
		return nil
	}
	fact := &ConstructorFact{}
	for p, strs := range fields {
		fact.Fields = append(fact.Fields, FieldFact{Path: p, Strs: strs})
	}
	for p, pp := range params {
		fact.Fields = append(fact.Fields, FieldFact{Path: p, Param: pp})
	}
	sort.Slice(fact.Fields, func(i, j int) bool { return fact.Fields[i].Path < fact.Fields[j].Path })
	return fact
}

// maxCtorDepth bounds how deep into nested structs a constructor fact
// records fields.
const maxCtorDepth = 3

// recordFields records in fact the strings set in the fields of the
// struct values vs (of type typ), under prefix.
func (r *resolver) recordFields(fields map[string][]Str, params map[string]*ParamPayload, vs []val, typ types.Type, prefix string, depth int) {
	if depth > maxCtorDepth || len(vs) == 0 {
		return
	}
	var names []string
	var types_ []types.Type
	if st, ok := typ.Underlying().(*types.Struct); ok && !isLibraryType(typ) {
		for i := range st.NumFields() {
			names = append(names, st.Field(i).Name())
			types_ = append(types_, st.Field(i).Type())
		}
	} else if isLibraryType(typ) {
		// A client: the fields its tables read (Topic, GroupID, ...),
		// which may be kept internally and named by its constructors.
		for _, n := range libFieldNames {
			names = append(names, n)
			types_ = append(types_, nil)
		}
	}
	for i, name := range names {
		var fvs []val
		for _, v := range vs {
			fvs = append(fvs, r.field(v, name, make(visited))...)
		}
		if len(fvs) == 0 {
			continue
		}
		path := name
		if prefix != "" {
			path = prefix + "." + name
		}
		ft := types_[i]
		if ft != nil && isLibraryType(ft) {
			// A client (an interface of the library too: mqtt.Client).
			r.recordFields(fields, params, fvs, derefType(ft), path, depth+1)
			continue
		}
		if ft != nil && types.IsInterface(ft) {
			// A value the constructor was given: an interface
			// implementation, a client.
			if pr := onlyParam(fvs); pr != nil {
				params[path] = &ParamPayload{Index: pr.index, Fields: pr.fields}
				continue
			}
		}
		switch {
		case ft == nil || isStringish(ft):
			if strs := r.strings(fvs); len(strs) > 0 && anyUseful(strs) {
				fields[path] = strs
			}
		case isStruct(derefType(ft)) || isLibraryType(derefType(ft)):
			r.recordFields(fields, params, fvs, derefType(ft), path, depth+1)
		}
	}
}

// onlyParam returns the parameter reference that all of vs are, if any.
func onlyParam(vs []val) *paramRef {
	var p *paramRef
	for _, v := range vs {
		x := v.v
		if mi, ok := x.(*ssa.MakeInterface); ok {
			x = mi.X
		}
		q, ok := x.(*paramRef)
		if !ok {
			if par, ok := x.(*ssa.Parameter); ok {
				q = &paramRef{param: par, index: paramIndex(par)}
			} else {
				return nil
			}
		}
		if p != nil && (p.index != q.index || strings.Join(p.fields, ".") != strings.Join(q.fields, ".")) {
			return nil
		}
		p = q
	}
	return p
}

// anyUseful reports whether some of ss is known or comes from a
// parameter: a field that is only ever dynamic tells callers nothing.
func anyUseful(ss []Str) bool {
	for _, s := range ss {
		if s.hasLiteral() || s.parametric() {
			return true
		}
	}
	return false
}

func isStringish(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0
	case *types.Slice:
		return isStringish(u.Elem())
	case *types.Interface:
		return true // net.Addr made by kafka.TCP, say
	}
	return false
}

// isLibraryType reports whether t is declared by a supported library.
func isLibraryType(t types.Type) bool {
	n, ok := derefType(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	_, ok = index.Paths[n.Obj().Pkg().Path()]
	return ok
}

// libFieldNames are the field names the tables read from clients and
// constructors set: what a constructor fact needs to keep of a client.
// They are computed once, before any pass runs (passes run in parallel).
var libFieldNames = computeLibraryFieldNames()

func computeLibraryFieldNames() []string {
	var names []string
	set := make(map[string]bool)
	add := func(p protocols.Path) {
		if p.Root == protocols.RootRecv && len(p.Fields) > 0 {
			set[p.Fields[0]] = true
		}
	}
	for _, entries := range index.Calls {
		for _, c := range entries {
			for _, p := range c.Address {
				add(p)
			}
			for _, p := range c.Settings {
				add(p)
			}
		}
	}
	for _, c := range index.Constructors {
		for f := range c.Fields {
			if f != "" {
				set[f] = true
			}
		}
	}
	for n := range set {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
