package analyzer

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/asyncapi-extract/asyncapi-extract/protocols"
)

// maxDepth bounds how deep a walk follows values through calls, stores
// and phis: it keeps pathological code from costing more than the rest
// of the package.
const maxDepth = 32

// maxFrames bounds how many calls deep a walk descends into helpers.
const maxFrames = 8

// tracer holds what the walks need to know about one package: indexes
// of its SSA form that SSA itself does not keep.
type tracer struct {
	pass *analysis.Pass
	prog *ssaPackage

	// globalStores holds, for every package variable, the values stored
	// into it and whether every store is in the package initializer.
	globalStores map[*ssa.Global]*globalInfo
	// globalRefs holds the instructions that use each package variable.
	globalRefs map[*ssa.Global][]ssa.Instruction
	// closures maps an anonymous function to the instructions that make
	// closures of it, to resolve its free variables.
	closures map[*ssa.Function][]*ssa.MakeClosure
	// fieldReads maps a field of a struct type the package declares to
	// the instructions that read it anywhere in the package: a
	// connection kept in a struct (client{conn: c}) is used wherever
	// c.conn is read.
	fieldReads map[*types.Var][]ssa.Value
	// callers maps a function of the package to its static call sites
	// in the package.
	callers map[*ssa.Function][]site
	// escapes marks functions whose parameters can be set by code the
	// tracer does not see: exported functions and function values.
	escapes map[*ssa.Function]bool

	// summaries memoises the summary of each declared function.
	summaries map[*ssa.Function]*funcSummary
	// types resolves the types named in imported facts.
	types *typeResolver
	// impls memoises the implementations of interface methods.
	impls map[*types.Func][]*types.Func
	// clientPkgs are the packages whose types may implement them.
	clientPkgs []*types.Package
	// directives are the package's //asyncapi: directives.
	directives *directiveSet
	// funcDocs are the doc comments of the package's functions.
	funcDocs map[*types.Func]string
	// steps counts the walk steps spent on the current call site.
	steps int
	// failures are the internal errors recovered from.
	failures []Failure
}

type globalInfo struct {
	stores     []ssa.Value
	onlyInInit bool
}

func newTracer(pass *analysis.Pass, prog *ssaPackage) *tracer {
	t := &tracer{
		pass:         pass,
		prog:         prog,
		globalStores: make(map[*ssa.Global]*globalInfo),
		globalRefs:   make(map[*ssa.Global][]ssa.Instruction),
		closures:     make(map[*ssa.Function][]*ssa.MakeClosure),
		callers:      make(map[*ssa.Function][]site),
		fieldReads:   make(map[*types.Var][]ssa.Value),
		escapes:      make(map[*ssa.Function]bool),
		summaries:    make(map[*ssa.Function]*funcSummary),
		types:        newTypeResolver(pass.Pkg),
		impls:        make(map[*types.Func][]*types.Func),
		directives:   collectDirectives(pass),
		funcDocs:     make(map[*types.Func]string),
	}
	for _, f := range pass.Files {
		for _, decl := range f.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok && fd.Doc != nil {
				if obj, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					t.funcDocs[obj] = strings.TrimSpace(fd.Doc.Text())
				}
			}
		}
	}
	funcs := append([]*ssa.Function(nil), prog.SrcFuncs...)
	if init := prog.Pkg.Func("init"); init != nil {
		funcs = append(funcs, init)
	}
	done := make(map[*ssa.Function]bool)
	for _, fn := range funcs {
		if done[fn] {
			continue
		}
		done[fn] = true
		if obj := fn.Object(); obj != nil && obj.Exported() {
			t.escapes[fn] = true
		}
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				t.index(fn, instr)
			}
		}
	}
	return t
}

func (t *tracer) index(fn *ssa.Function, instr ssa.Instruction) {
	switch instr := instr.(type) {
	case *ssa.Store:
		if g, ok := instr.Addr.(*ssa.Global); ok {
			gi := t.globalStores[g]
			if gi == nil {
				gi = &globalInfo{onlyInInit: true}
				t.globalStores[g] = gi
			}
			gi.stores = append(gi.stores, instr.Val)
			if !isInit(fn) {
				gi.onlyInInit = false
			}
		}
	case *ssa.FieldAddr:
		if f := structField(instr.X.Type(), instr.Field); f != nil && f.Pkg() == t.pass.Pkg {
			for _, l := range loads(instr) {
				t.fieldReads[f] = append(t.fieldReads[f], l)
			}
		}
	case *ssa.Field:
		if f := structField(instr.X.Type(), instr.Field); f != nil && f.Pkg() == t.pass.Pkg {
			t.fieldReads[f] = append(t.fieldReads[f], instr)
		}
	case *ssa.MakeClosure:
		f := instr.Fn.(*ssa.Function)
		t.closures[f] = append(t.closures[f], instr)
		t.escapes[f] = true
	case ssa.CallInstruction:
		c := instr.Common()
		if f := c.StaticCallee(); f != nil && !c.IsInvoke() {
			t.callers[f] = append(t.callers[f], newSite(instr, fn))
		}
	}
	for _, op := range instr.Operands(nil) {
		if g, ok := (*op).(*ssa.Global); ok {
			t.globalRefs[g] = append(t.globalRefs[g], instr)
		}
		if f, ok := (*op).(*ssa.Function); ok {
			// A function used as a value (not called) can be called
			// from anywhere.
			if c, isCall := instr.(ssa.CallInstruction); isCall && c.Common().Value == f {
				continue
			}
			t.escapes[f] = true
		}
	}
}

func isInit(fn *ssa.Function) bool {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	return fn.Name() == "init" || (len(fn.Name()) > 5 && fn.Name()[:5] == "init#")
}

// resolver walks values on behalf of one declared function, the owner:
// the owner's parameters are not resolved but become symbolic, so that
// what the owner does can be summarised and instantiated at each of its
// calls.
type resolver struct {
	*tracer
	owner *ssa.Function
	// topicReads, while a receive call is analysed, are the values that
	// read the received message's topic.
	topicReads map[ssa.Value]bool
	// sendByteMethod, while the payload of a send call whose table
	// names a ByteMethod is followed, is that method, which the call
	// uses to make the bytes of a payload given as an interface.
	sendByteMethod string
	// onPath holds the values whose strings are being resolved: the
	// current path of the resolution. A variable updated from itself
	// (s = s + "." + x, kept in memory because a closure captures s)
	// stores a value that loads it again, a cycle that the visited
	// sets, fresh for each operand of a concatenation, do not cut: it
	// would unroll to maxDepth, into ever longer addresses. Cut on the
	// path, the update is seen once (s and s.x), as the code means it.
	onPath map[val]bool
}

// frame is a call a walk descended into (a helper whose result it
// follows): the callee's parameters are that call's arguments.
type frame struct {
	call  *ssa.CallCommon
	fn    *ssa.Function
	up    *frame
	depth int
}

func (fr *frame) push(call *ssa.CallCommon, fn *ssa.Function) *frame {
	d := 1
	if fr != nil {
		d = fr.depth + 1
	}
	if d > maxFrames {
		return nil
	}
	return &frame{call: call, fn: fn, up: fr, depth: d}
}

// val is an SSA value in the context of the calls a walk descended into.
type val struct {
	v  ssa.Value
	fr *frame
}

func vals(fr *frame, vs ...ssa.Value) []val {
	out := make([]val, 0, len(vs))
	for _, v := range vs {
		if v != nil {
			out = append(out, val{v, fr})
		}
	}
	return out
}

// visited guards the recursive walks against cycles.
type visited map[val]bool

func (s visited) visit(x val) bool {
	if x.v == nil || s[x] || len(s) > 4096 {
		return false
	}
	s[x] = true
	return true
}

// maxSteps bounds the work spent on one call site, whatever the shape of
// the code: walks start afresh in places (string builders, constructor
// facts), so cycles through them are cut by this budget.
const maxSteps = 50000

// step counts one step of a walk and reports whether the budget allows
// it.
func (t *tracer) step() bool {
	t.steps++
	return t.steps <= maxSteps
}

// paramRef stands for a value selected from a parameter of the owner
// (Fields from parameter number Index): the walk stops there, and each
// call of the owner resolves it from its own arguments.
type paramRef struct {
	param  *ssa.Parameter
	index  int
	fields []string
	typ    types.Type // of the selected field
}

var _ ssa.Value = (*paramRef)(nil)

func (p *paramRef) Name() string   { return p.param.Name() }
func (p *paramRef) String() string { return "param " + p.param.Name() }
func (p *paramRef) Type() types.Type {
	if p.typ != nil {
		return p.typ
	}
	return p.param.Type()
}
func (p *paramRef) Parent() *ssa.Function         { return p.param.Parent() }
func (p *paramRef) Referrers() *[]ssa.Instruction { return nil }
func (p *paramRef) Pos() token.Pos                { return p.param.Pos() }

func (p *paramRef) with(field string) *paramRef {
	fields := append(append([]string(nil), p.fields...), field)
	var typ types.Type = anyType // a field a constructor keeps
	if st, ok := derefType(p.Type()).Underlying().(*types.Struct); ok {
		for i := range st.NumFields() {
			if st.Field(i).Name() == field {
				typ = st.Field(i).Type()
			}
		}
	}
	return &paramRef{param: p.param, index: p.index, fields: fields, typ: typ}
}

// param resolves a parameter: to the argument of the call the walk
// descended through, to a symbolic reference for the owner's parameters,
// else to the arguments of every call in the package.
func (r *resolver) param(p *ssa.Parameter, fr *frame) []val {
	if fr != nil && fr.fn == p.Parent() {
		if a := argOf(site{common: fr.call}, paramIndex(p)); a != nil {
			return vals(fr.up, a)
		}
		return nil
	}
	if p.Parent() == r.owner {
		return vals(nil, &paramRef{param: p, index: paramIndex(p)})
	}
	var out []val
	for _, a := range r.incoming(p) {
		out = append(out, val{a, nil})
	}
	return out
}

func paramIndex(p *ssa.Parameter) int {
	for i, q := range p.Parent().Params {
		if q == p {
			return i
		}
	}
	return -1
}

// incoming returns the values a parameter or free variable receives from
// the calls and closures of this package.
func (t *tracer) incoming(v ssa.Value) []ssa.Value {
	switch v := v.(type) {
	case *ssa.Parameter:
		var out []ssa.Value
		for _, s := range t.callers[v.Parent()] {
			if a := argOf(s, paramIndex(v)); a != nil {
				out = append(out, a)
			}
		}
		return out
	case *ssa.FreeVar:
		fn := v.Parent()
		idx := -1
		for i, fv := range fn.FreeVars {
			if fv == v {
				idx = i
			}
		}
		var out []ssa.Value
		for _, mc := range t.closures[fn] {
			if idx >= 0 && idx < len(mc.Bindings) {
				out = append(out, mc.Bindings[idx])
			}
		}
		return out
	}
	return nil
}

// freeVar resolves a closure's free variable to what its makers bind.
func (r *resolver) freeVar(v *ssa.FreeVar, fr *frame) []val {
	var out []val
	for _, b := range r.incoming(v) {
		out = append(out, val{b, fr})
	}
	return out
}

// eval returns the values a table path names at a call site. msg is the
// message value for paths rooted at the message.
func (r *resolver) eval(s site, p protocols.Path, msg val) []val {
	var out []val
	switch p.Root {
	case protocols.RootRecv:
		out = vals(s.fr, s.recv())
		// A method promoted from an embedded field (go-redis's
		// (cmdable).Publish on a *Client): the fields of the client
		// are those of the struct that embeds it.
		if outer := embedder(s.recv()); outer != nil {
			out = append(out, val{outer, s.fr})
		}
	case protocols.RootArg:
		out = vals(s.fr, s.arg(p.Index))
	case protocols.RootResult:
		out = vals(s.fr, s.results(p.Index)...)
	case protocols.RootMessage:
		if msg.v != nil {
			out = []val{msg}
		}
	case protocols.RootConst:
		if len(p.Fields) == 1 {
			return []val{{ssa.NewConst(constant.MakeString(p.Fields[0]), types.Typ[types.String]), nil}}
		}
		return nil
	}
	return r.fields(out, p.Fields)
}

// evalRoot returns the values a path starts from at a call site, before
// its fields: the fields of received values (and of streams) are followed
// forward to their reads, not back to where they are set.
func (r *resolver) evalRoot(s site, p protocols.Path, msg val) []val {
	return r.eval(s, protocols.Path{Root: p.Root, Index: p.Index}, msg)
}

// embedder returns the struct a receiver is an embedded field of, if it
// is: *(&c.cmdable), &c.baseClient.
func embedder(v ssa.Value) ssa.Value {
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		v = u.X
	}
	fa, ok := v.(*ssa.FieldAddr)
	if !ok {
		return nil
	}
	st, ok := derefType(fa.X.Type()).Underlying().(*types.Struct)
	if !ok || fa.Field >= st.NumFields() || !st.Field(fa.Field).Embedded() {
		return nil
	}
	if outer := embedder(fa.X); outer != nil {
		return outer
	}
	return fa.X
}

// fields selects a path of fields from each value.
func (r *resolver) fields(vs []val, names []string) []val {
	for _, f := range names {
		var next []val
		for _, v := range vs {
			next = append(next, r.field(v, f, make(visited))...)
		}
		vs = next
	}
	return vs
}

// origins returns where the struct (or pointer to struct) x comes from:
// storage locations (allocations, elements, fields, package variables)
// whose stores give its fields, calls of constructors, which give them
// through their arguments, and symbolic references to the owner's
// parameters.
func (r *resolver) origins(x val, vs visited) []val {
	if !r.step() || !vs.visit(x) {
		return nil
	}
	union := func(xs []val) []val {
		var out []val
		for _, y := range xs {
			out = append(out, r.origins(y, vs)...)
		}
		return out
	}
	switch v := x.v.(type) {
	case *paramRef, *ctorField, *ssa.MakeMap:
		return []val{x}
	case *ssa.Alloc, *ssa.IndexAddr, *ssa.FieldAddr:
		return []val{x}
	case *ssa.Global:
		if isPointerTo(v.Type(), isStruct) {
			return []val{x}
		}
	case *ssa.UnOp:
		if v.Op != token.MUL {
			return nil
		}
		if isPointerTo(v.X.Type(), isStruct) {
			// A struct value loaded from its storage.
			return r.origins(val{v.X, x.fr}, vs)
		}
		// A pointer loaded from a variable or field: what was stored
		// there.
		return union(r.loaded(val{v.X, x.fr}, vs))
	case *ssa.Field:
		return union(r.field(val{v.X, x.fr}, fieldName(v.X.Type(), v.Field), make(visited)))
	case *ssa.Phi:
		return union(vals(x.fr, v.Edges...))
	case *ssa.Call:
		return r.callOrigins(v, 0, x.fr, vs)
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok {
			return r.callOrigins(call, v.Index, x.fr, vs)
		}
	case *ssa.MakeInterface:
		return r.origins(val{v.X, x.fr}, vs)
	case *ssa.ChangeType:
		return r.origins(val{v.X, x.fr}, vs)
	case *ssa.TypeAssert:
		return r.origins(val{v.X, x.fr}, vs)
	case *ssa.ChangeInterface:
		return r.origins(val{v.X, x.fr}, vs)
	case *ssa.Parameter:
		return union(r.param(v, x.fr))
	case *ssa.FreeVar:
		return union(r.freeVar(v, x.fr))
	}
	return nil
}

// callOrigins: a constructor's result is its own origin; a helper's is
// what it returns.
func (r *resolver) callOrigins(call *ssa.Call, i int, fr *frame, vs visited) []val {
	if i == 0 {
		if _, ok := r.constructor(&call.Call); ok {
			return []val{{call, fr}}
		}
	}
	if fn := call.Call.StaticCallee(); i == 0 && fn != nil && len(fn.Blocks) == 0 && isPointerTo(call.Type(), isStruct) {
		// A struct a library function makes (sarama.NewConfig()):
		// the fields the code sets on it after the call.
		return []val{{call, fr}}
	}
	var out []val
	for _, ret := range r.returned(call, i, fr) {
		out = append(out, r.origins(ret, vs)...)
	}
	return out
}

// field returns the values assigned to the named field of the struct x
// (or the struct x points to).
func (r *resolver) field(x val, name string, vs visited) []val {
	if !r.step() {
		return nil
	}
	switch kind := elementKind(name); kind {
	case elemElements:
		return r.elements(x, make(visited))
	case elemChannel:
		return r.sentOn(x, make(visited))
	case elemOptionArg:
		return r.optionArg(x, name, make(visited))
	case elemMethod:
		return nil // results of methods are followed forward only
	case elemMapKey:
		return r.mapValues(x, mapKey(name))
	case elemMapKeys, elemMapValues:
		return r.mapEntries(x, kind == elemMapKeys)
	case elemIndex:
		n, _ := strconv.Atoi(name[1 : len(name)-1])
		if elems := r.elements(x, make(visited)); n < len(elems) {
			return []val{elems[n]}
		}
		return nil
	case elemFirstHalf:
		elems := r.elements(x, make(visited))
		return elems[:len(elems)/2]
	}
	var out []val
	for _, o := range r.origins(x, vs) {
		switch v := o.v.(type) {
		case *paramRef:
			out = append(out, val{v.with(name), nil})
			continue
		case *ctorField:
			if p := v.path + "." + name; v.fact.has(p) {
				out = append(out, val{&ctorField{site: v.site, fact: v.fact, path: p}, o.fr})
			}
			continue
		case *ssa.Call:
			if ctor, ok := r.constructor(&v.Call); ok {
				if got := ctor.field(r, newSiteIn(v, o.fr), name); len(got) > 0 {
					out = append(out, got...)
					continue
				}
			}
			// Fields set on the result after the call:
			// rec := kgo.SliceRecord(b); rec.Topic = "t".
		}
		out = append(out, r.setterValues(o, name)...)
		for _, ref := range r.locationReferrers(o.v) {
			switch ref := ref.(type) {
			case *ssa.FieldAddr:
				if ref.X == o.v && fieldName(ref.X.Type(), ref.Field) == name {
					out = append(out, r.storedInto(val{ref, o.fr})...)
				}
			case *ssa.Store:
				if ref.Addr == o.v {
					// The whole struct was stored.
					out = append(out, r.field(val{ref.Val, o.fr}, name, vs)...)
				}
			}
		}
	}
	return out
}

// The elements of a path after its root (see protocols.Path).
const (
	elemField = iota
	elemMethod
	elemElements
	elemChannel
	elemOptionArg
	elemMapKey
	elemMapKeys
	elemMapValues
	elemIndex
	elemFirstHalf
)

func elementKind(name string) int {
	switch {
	case len(name) > 2 && name[0] == '[' && name[len(name)-1] == ']' && isDigits(name[1:len(name)-1]):
		return elemIndex
	case name == "[:len/2]":
		return elemFirstHalf
	case name == "[keys]":
		return elemMapKeys
	case name == "[values]":
		return elemMapValues
	case strings.HasPrefix(name, "[\"") && strings.HasSuffix(name, "\"]"):
		return elemMapKey
	case name == "[]":
		return elemElements
	case name == "<-":
		return elemChannel
	case strings.HasSuffix(name, "()"):
		return elemMethod
	case strings.HasSuffix(name, ")"):
		return elemOptionArg
	}
	return elemField
}

func isDigits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

// mapKey returns the key of a ["key"] element.
func mapKey(name string) string {
	k, err := strconv.Unquote(name[1 : len(name)-1])
	if err != nil {
		return ""
	}
	return k
}

// mapValues returns the values stored under key in the map x (a map
// literal, or a pointer to one: &kafka.ConfigMap{"group.id": "g"}).
func (r *resolver) mapValues(x val, key string) []val {
	var out []val
	for _, m := range r.mapLiterals(x, make(visited)) {
		for _, mu := range mapUpdates(m.v) {
			if k, ok := constString(mu.Key); ok && k == key {
				out = append(out, val{mu.Value, m.fr})
			}
		}
	}
	return out
}

// mapEntries returns the keys (or the values) of a map literal:
// SubscribeMultiple(map[string]byte{"a": 0, "b": 1}, h).
func (r *resolver) mapEntries(x val, keys bool) []val {
	var out []val
	for _, m := range r.mapLiterals(x, make(visited)) {
		for _, mu := range mapUpdates(m.v) {
			if keys {
				out = append(out, val{mu.Key, m.fr})
			} else {
				out = append(out, val{mu.Value, m.fr})
			}
		}
	}
	return out
}

// mapLiterals returns the map literals x is, or points to: through the
// variables and fields they are stored in, conversions to interfaces,
// and whatever x comes from.
func (r *resolver) mapLiterals(x val, vs visited) []val {
	if !vs.visit(x) {
		return nil
	}
	union := func(xs []val) []val {
		var out []val
		for _, y := range xs {
			out = append(out, r.mapLiterals(y, vs)...)
		}
		return out
	}
	switch v := x.v.(type) {
	case *ssa.MakeMap:
		return []val{x}
	case *ssa.Alloc, *ssa.FieldAddr, *ssa.IndexAddr, *ssa.Global:
		return union(r.storedInto(x))
	case *ssa.UnOp:
		if v.Op == token.MUL {
			return union(r.loaded(val{v.X, x.fr}, make(visited)))
		}
		return nil
	case *ssa.MakeInterface:
		return r.mapLiterals(val{v.X, x.fr}, vs)
	}
	var out []val
	for _, o := range r.origins(x, make(visited)) {
		if o.v != x.v {
			out = append(out, r.mapLiterals(o, vs)...)
		}
	}
	return out
}

// mapUpdates returns the entries set in the map literal m, in order.
func mapUpdates(m ssa.Value) []*ssa.MapUpdate {
	var out []*ssa.MapUpdate
	for _, ref := range referrers(m) {
		if mu, ok := ref.(*ssa.MapUpdate); ok && mu.Map == m {
			out = append(out, mu)
		}
	}
	return out
}

// sentOn returns the values sent on the channel x.
func (r *resolver) sentOn(x val, vs visited) []val {
	if !vs.visit(x) {
		return nil
	}
	var out []val
	for _, ref := range referrers(x.v) {
		if send, ok := ref.(*ssa.Send); ok && send.Chan == x.v {
			out = append(out, val{send.X, x.fr})
		}
	}
	if u, ok := x.v.(*ssa.UnOp); ok && u.Op == token.MUL {
		for _, st := range r.loaded(val{u.X, x.fr}, make(visited)) {
			out = append(out, r.sentOn(st, vs)...)
		}
	}
	return out
}

// optionArg resolves "pkg.Func(i)": when x is (an element holding) a call
// of that function, its argument i. Functional options are written so:
// kgo.NewClient(kgo.DefaultProduceTopic("orders")).
func (r *resolver) optionArg(x val, name string, vs visited) []val {
	open := strings.LastIndexByte(name, '(')
	fn := name[:open]
	i, err := strconv.Atoi(name[open+1 : len(name)-1])
	if err != nil || !vs.visit(x) {
		return nil
	}
	union := func(xs []val) []val {
		var out []val
		for _, y := range xs {
			out = append(out, r.optionArg(y, name, vs)...)
		}
		return out
	}
	switch v := x.v.(type) {
	case *ssa.Call:
		if calleeName(&v.Call) == fn && i < len(v.Call.Args) {
			return []val{{v.Call.Args[i], x.fr}}
		}
	case *ssa.Extract:
		// u, _ := url.Parse("mqtt://h:1883")
		if call, ok := v.Tuple.(*ssa.Call); ok && v.Index == 0 && calleeName(&call.Call) == fn && i < len(call.Call.Args) {
			return []val{{call.Call.Args[i], x.fr}}
		}
	case *ssa.MakeInterface:
		return r.optionArg(val{v.X, x.fr}, name, vs)
	case *ssa.ChangeType:
		return r.optionArg(val{v.X, x.fr}, name, vs)
	case *ssa.ChangeInterface:
		return r.optionArg(val{v.X, x.fr}, name, vs)
	case *ssa.IndexAddr, *ssa.Alloc, *ssa.FieldAddr:
		return union(r.storedInto(x))
	case *ssa.UnOp:
		if v.Op == token.MUL {
			return union(r.loaded(val{v.X, x.fr}, make(visited)))
		}
	case *ssa.Phi:
		return union(vals(x.fr, v.Edges...))
	case *ssa.Parameter, *ssa.FreeVar:
		return union(r.origins(x, make(visited)))
	}
	return nil
}

// setterValues returns the values the table's setter methods called on
// the value o set its field name to: opts.AddBroker("tcp://b:1883").
func (r *resolver) setterValues(o val, name string) []val {
	if len(index.Setters) == 0 {
		return nil
	}
	var out []val
	for _, ref := range referrers(o.v) {
		call, ok := ref.(ssa.CallInstruction)
		if !ok {
			continue
		}
		st, ok := index.Setters[calleeName(call.Common())]
		if !ok || st.Field != name {
			continue
		}
		s := newSiteIn(call, o.fr)
		if s.recv() != o.v {
			continue
		}
		out = append(out, r.eval(s, st.Value, val{})...)
	}
	return out
}

// loaded returns what a load from addr can give: the values stored into
// it, or for a field of a struct, the values assigned to that field
// wherever the struct comes from.
func (r *resolver) loaded(addr val, vs visited) []val {
	if out := r.storedInto(addr); len(out) > 0 {
		return out
	}
	switch a := addr.v.(type) {
	case *ssa.FieldAddr:
		return r.field(val{a.X, addr.fr}, fieldName(a.X.Type(), a.Field), vs)
	case *ssa.IndexAddr:
		if _, constIndex := a.Index.(*ssa.Const); !constIndex {
			// An element chosen at run time, as in a range loop over
			// a literal list: every element.
			var out []val
			for _, e := range r.elements(val{a.X, addr.fr}, make(visited)) {
				out = append(out, r.storedInto(e)...)
			}
			return out
		}
	}
	return nil
}

// locationReferrers returns the instructions that use a storage location.
// Package variables have no referrers in SSA; the tracer indexes them.
func (t *tracer) locationReferrers(loc ssa.Value) []ssa.Instruction {
	if g, ok := loc.(*ssa.Global); ok {
		return t.globalRefs[g]
	}
	return referrers(loc)
}

// storedInto returns the values stored into the location addr.
func (r *resolver) storedInto(addr val) []val {
	switch a := addr.v.(type) {
	case *ssa.Global:
		if gi := r.globalStores[a]; gi != nil {
			return vals(nil, gi.stores...)
		}
		return nil
	case *ssa.FreeVar:
		// A captured variable: the closure holds the address of the
		// variable its parent stores into.
		var out []val
		for _, b := range r.freeVar(a, addr.fr) {
			out = append(out, r.storedInto(b)...)
		}
		return out
	}
	var out []val
	for _, ref := range referrers(addr.v) {
		if st, ok := ref.(*ssa.Store); ok && st.Addr == addr.v {
			out = append(out, val{st.Val, addr.fr})
		}
	}
	return out
}

// elements returns the elements of a slice or array value: for a slice
// made from a composite literal or variadic arguments, the element
// locations in index order.
func (r *resolver) elements(x val, vs visited) []val {
	if !r.step() || !vs.visit(x) {
		return nil
	}
	union := func(xs []val) []val {
		var out []val
		for _, y := range xs {
			out = append(out, r.elements(y, vs)...)
		}
		return out
	}
	switch v := x.v.(type) {
	case *paramRef, *ctorField:
		return []val{x} // the list as a whole comes from elsewhere
	case *ssa.Slice:
		return r.elements(val{v.X, x.fr}, vs)
	case *ssa.Alloc:
		type elem struct {
			i int64
			v ssa.Value
		}
		var elems []elem
		for _, ref := range referrers(v) {
			if ia, ok := ref.(*ssa.IndexAddr); ok && ia.X == v {
				i := int64(-1)
				if c, ok := ia.Index.(*ssa.Const); ok {
					i = c.Int64()
				}
				elems = append(elems, elem{i, ia})
			}
		}
		sort.SliceStable(elems, func(a, b int) bool { return elems[a].i < elems[b].i })
		out := make([]val, len(elems))
		for i, e := range elems {
			out[i] = val{e.v, x.fr}
		}
		return out
	case *ssa.Phi:
		return union(vals(x.fr, v.Edges...))
	case *ssa.UnOp:
		if v.Op == token.MUL {
			return union(r.loaded(val{v.X, x.fr}, vs))
		}
	case *ssa.Field:
		return union(r.field(val{v.X, x.fr}, fieldName(v.X.Type(), v.Field), make(visited)))
	case *ssa.Call:
		if ctor, ok := r.constructor(&v.Call); ok {
			return union(ctor.field(r, newSiteIn(v, x.fr), ""))
		}
		return union(r.returned(v, 0, x.fr))
	case *ssa.Parameter:
		return union(r.param(v, x.fr))
	case *ssa.FreeVar:
		return union(r.freeVar(v, x.fr))
	case *ssa.MakeInterface:
		return r.elements(val{v.X, x.fr}, vs)
	case *ssa.ChangeType:
		return r.elements(val{v.X, x.fr}, vs)
	}
	return nil
}

// returned returns the i-th result of every return statement of the
// function a call statically calls, when its body is in this package, in
// a frame that binds its parameters to the call's arguments.
func (r *resolver) returned(call *ssa.Call, i int, fr *frame) []val {
	fn := call.Call.StaticCallee()
	if fn == nil || len(fn.Blocks) == 0 || call.Call.IsInvoke() {
		return nil
	}
	inner := fr.push(&call.Call, fn)
	if inner == nil {
		return nil
	}
	var out []val
	for _, b := range liveBlocks(fn, &call.Call) {
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && i < len(ret.Results) {
			out = append(out, val{ret.Results[i], inner})
		}
	}
	return out
}

// liveBlocks returns the blocks of fn that can run when call calls it:
// a branch on a parameter compared with a constant (if prefix == "")
// takes one way when the call passes a constant there. Without it a
// helper such as
//
//	func url(base, prefix, path string) string {
//		if prefix == "" {
//			return base + "/" + path
//		}
//		return base + "/" + prefix + "/" + path
//	}
//
// called with "" would also give base + "//" + path.
func liveBlocks(fn *ssa.Function, call *ssa.CallCommon) []*ssa.BasicBlock {
	live := make([]bool, len(fn.Blocks))
	var out []*ssa.BasicBlock
	var visit func(b *ssa.BasicBlock)
	visit = func(b *ssa.BasicBlock) {
		if live[b.Index] {
			return
		}
		live[b.Index] = true
		out = append(out, b)
		succs := b.Succs
		if ifInstr, ok := b.Instrs[len(b.Instrs)-1].(*ssa.If); ok {
			if taken, ok := constCondition(ifInstr.Cond, fn, call); ok {
				if taken {
					succs = succs[:1]
				} else {
					succs = succs[1:]
				}
			}
		}
		for _, s := range succs {
			visit(s)
		}
	}
	visit(fn.Blocks[0])
	sort.Slice(out, func(i, j int) bool { return out[i].Index < out[j].Index })
	return out
}

// constCondition evaluates cond, a comparison of one of fn's parameters
// with a constant, when call passes a constant for that parameter.
func constCondition(cond ssa.Value, fn *ssa.Function, call *ssa.CallCommon) (bool, bool) {
	cmp, ok := cond.(*ssa.BinOp)
	if !ok || (cmp.Op != token.EQL && cmp.Op != token.NEQ) {
		return false, false
	}
	argConst := func(v ssa.Value) *ssa.Const {
		p, ok := v.(*ssa.Parameter)
		if !ok {
			return nil
		}
		i := slices.Index(fn.Params, p)
		if i < 0 || i >= len(call.Args) {
			return nil
		}
		c, _ := call.Args[i].(*ssa.Const)
		return c
	}
	x, y := argConst(cmp.X), argConst(cmp.Y)
	switch {
	case x != nil && y == nil:
		y, _ = cmp.Y.(*ssa.Const)
	case y != nil && x == nil:
		x, _ = cmp.X.(*ssa.Const)
	}
	if x == nil || y == nil || x.Value == nil || y.Value == nil || x.Value.Kind() != y.Value.Kind() {
		return false, false
	}
	return constant.Compare(x.Value, cmp.Op, y.Value), true
}

func funcName(fn *ssa.Function) string {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	if obj, ok := fn.Object().(*types.Func); ok {
		return shortName(obj)
	}
	return fn.Name()
}

// fieldName returns the name of the i-th field of the struct that t is
// or points to.
func fieldName(t types.Type, i int) string {
	if f := structField(t, i); f != nil {
		return f.Name()
	}
	return ""
}

// structField returns the i-th field of the struct t (or the struct t
// points to), the same object for every instance of a generic type.
func structField(t types.Type, i int) *types.Var {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if s, ok := t.Underlying().(*types.Struct); ok && i < s.NumFields() {
		return s.Field(i).Origin()
	}
	return nil
}

func isStruct(t types.Type) bool {
	_, ok := t.Underlying().(*types.Struct)
	return ok
}

func isSliceType(t types.Type) bool {
	_, ok := t.Underlying().(*types.Slice)
	return ok
}

func isSlice(t types.Type) bool {
	switch t.Underlying().(type) {
	case *types.Slice, *types.Array:
		return true
	}
	return false
}

func isPointerTo(t types.Type, pred func(types.Type) bool) bool {
	p, ok := t.Underlying().(*types.Pointer)
	return ok && pred(p.Elem())
}
