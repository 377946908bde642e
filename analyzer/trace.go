package analyzer

import (
	"go/constant"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/asyncapi-extract/asyncapi-extract/protocols"
)

// maxDepth bounds how deep the tracer follows values through calls,
// stores and phis: it keeps pathological code from costing more than
// the rest of the package.
const maxDepth = 24

// tracer follows values on the SSA form of one package.
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
	// callers maps a function of the package to its static call sites
	// in the package, to resolve its parameters.
	callers map[*ssa.Function][]site
	// escapes marks functions whose parameters can be set by code the
	// tracer does not see: exported functions and function values.
	escapes map[*ssa.Function]bool
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
		escapes:      make(map[*ssa.Function]bool),
	}
	funcs := append([]*ssa.Function(nil), prog.SrcFuncs...)
	if init := prog.Pkg.Func("init"); init != nil {
		funcs = append(funcs, init)
	}
	seen := make(map[*ssa.Function]bool)
	for _, fn := range funcs {
		if seen[fn] {
			continue
		}
		seen[fn] = true
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
	// A function used as a value (not called) can be called from
	// anywhere.
	for _, op := range instr.Operands(nil) {
		if g, ok := (*op).(*ssa.Global); ok {
			t.globalRefs[g] = append(t.globalRefs[g], instr)
		}
		if f, ok := (*op).(*ssa.Function); ok {
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

// seen guards the recursive walks against cycles.
type seen map[ssa.Value]bool

func newSeen() seen { return make(seen) }

func (s seen) visit(v ssa.Value) bool {
	if v == nil || s[v] || len(s) > 4096 {
		return false
	}
	s[v] = true
	return true
}

// eval returns the values a path names at a call site. msg is the message
// value for paths rooted at the message.
func (t *tracer) eval(s site, p protocols.Path, msg ssa.Value) []ssa.Value {
	var vals []ssa.Value
	switch p.Root {
	case protocols.RootRecv:
		vals = nonNil(s.recv())
	case protocols.RootArg:
		vals = nonNil(s.arg(p.Index))
	case protocols.RootResult:
		vals = s.results(p.Index)
	case protocols.RootMessage:
		vals = nonNil(msg)
	}
	for _, f := range p.Fields {
		var next []ssa.Value
		for _, v := range vals {
			next = append(next, t.field(v, f, newSeen())...)
		}
		vals = next
	}
	return vals
}

func nonNil(v ssa.Value) []ssa.Value {
	if v == nil {
		return nil
	}
	return []ssa.Value{v}
}

// origins returns where the struct (or pointer to struct) v comes from:
// storage locations (allocations, elements, fields, package variables)
// whose stores give its fields, and calls of table constructors, which
// give them through their arguments.
func (t *tracer) origins(v ssa.Value, sn seen) []ssa.Value {
	if !sn.visit(v) {
		return nil
	}
	switch v := v.(type) {
	case *ssa.Alloc, *ssa.IndexAddr, *ssa.FieldAddr:
		return []ssa.Value{v}
	case *ssa.Global:
		if isPointerTo(v.Type(), isStruct) {
			return []ssa.Value{v}
		}
	case *ssa.UnOp:
		if v.Op != token.MUL {
			return nil
		}
		if isPointerTo(v.X.Type(), isStruct) {
			// A struct value loaded from its storage.
			return t.origins(v.X, sn)
		}
		// A pointer loaded from a variable: what was stored there.
		var out []ssa.Value
		for _, st := range t.storedInto(v.X, sn) {
			out = append(out, t.origins(st, sn)...)
		}
		return out
	case *ssa.Phi:
		var out []ssa.Value
		for _, e := range v.Edges {
			out = append(out, t.origins(e, sn)...)
		}
		return out
	case *ssa.Call:
		if _, ok := index.Constructors[calleeName(&v.Call)]; ok {
			return []ssa.Value{v}
		}
		var out []ssa.Value
		for _, r := range t.returned(v, 0, sn) {
			out = append(out, t.origins(r, sn)...)
		}
		return out
	case *ssa.Extract:
		call, ok := v.Tuple.(*ssa.Call)
		if !ok {
			return nil
		}
		if _, ok := index.Constructors[calleeName(&call.Call)]; ok && v.Index == 0 {
			return []ssa.Value{call}
		}
		var out []ssa.Value
		for _, r := range t.returned(call, v.Index, sn) {
			out = append(out, t.origins(r, sn)...)
		}
		return out
	case *ssa.MakeInterface:
		return t.origins(v.X, sn)
	case *ssa.ChangeType:
		return t.origins(v.X, sn)
	case *ssa.TypeAssert:
		return t.origins(v.X, sn)
	case *ssa.ChangeInterface:
		return t.origins(v.X, sn)
	case *ssa.Parameter, *ssa.FreeVar:
		var out []ssa.Value
		for _, a := range t.incoming(v) {
			out = append(out, t.origins(a, sn)...)
		}
		return out
	}
	return nil
}

// field returns the values assigned to the named field of the struct v
// (or the struct v points to).
func (t *tracer) field(v ssa.Value, name string, sn seen) []ssa.Value {
	var out []ssa.Value
	for _, o := range t.origins(v, sn) {
		if call, ok := o.(*ssa.Call); ok {
			ctor := index.Constructors[calleeName(&call.Call)]
			if p, ok := ctor.Fields[name]; ok {
				out = append(out, t.eval(newSite(call, call.Parent()), p, nil)...)
			}
			continue
		}
		for _, r := range t.locationReferrers(o) {
			switch r := r.(type) {
			case *ssa.FieldAddr:
				if fieldName(r.X.Type(), r.Field) == name {
					out = append(out, t.storedInto(r, sn)...)
				}
			case *ssa.Store:
				if r.Addr == o {
					// The whole struct was stored.
					out = append(out, t.field(r.Val, name, sn)...)
				}
			}
		}
	}
	return out
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
func (t *tracer) storedInto(addr ssa.Value, sn seen) []ssa.Value {
	if g, ok := addr.(*ssa.Global); ok {
		if gi := t.globalStores[g]; gi != nil {
			return gi.stores
		}
		return nil
	}
	if fv, ok := addr.(*ssa.FreeVar); ok {
		// A captured variable: the closure holds the address of the
		// variable its parent stores into.
		var out []ssa.Value
		for _, b := range t.incoming(fv) {
			if sn.visit(b) {
				out = append(out, t.storedInto(b, sn)...)
			}
		}
		return out
	}
	var out []ssa.Value
	for _, r := range referrers(addr) {
		if st, ok := r.(*ssa.Store); ok && st.Addr == addr {
			out = append(out, st.Val)
		}
	}
	return out
}

// elements returns the elements of a slice or array value: for a slice
// made from a composite literal or variadic arguments, the element
// locations in index order.
func (t *tracer) elements(v ssa.Value, sn seen) []ssa.Value {
	if !sn.visit(v) {
		return nil
	}
	switch v := v.(type) {
	case *ssa.Slice:
		return t.elements(v.X, sn)
	case *ssa.Alloc:
		type elem struct {
			i int64
			v ssa.Value
		}
		var elems []elem
		for _, r := range referrers(v) {
			if ia, ok := r.(*ssa.IndexAddr); ok && ia.X == v {
				i := int64(-1)
				if c, ok := ia.Index.(*ssa.Const); ok {
					i = c.Int64()
				}
				elems = append(elems, elem{i, ia})
			}
		}
		sort.SliceStable(elems, func(a, b int) bool { return elems[a].i < elems[b].i })
		out := make([]ssa.Value, len(elems))
		for i, e := range elems {
			out[i] = e.v
		}
		return out
	case *ssa.Phi:
		var out []ssa.Value
		for _, e := range v.Edges {
			out = append(out, t.elements(e, sn)...)
		}
		return out
	case *ssa.UnOp:
		if v.Op == token.MUL {
			var out []ssa.Value
			for _, st := range t.storedInto(v.X, sn) {
				out = append(out, t.elements(st, sn)...)
			}
			return out
		}
	case *ssa.Call:
		if ctor, ok := index.Constructors[calleeName(&v.Call)]; ok {
			if p, ok := ctor.Fields[""]; ok {
				var out []ssa.Value
				for _, x := range t.eval(newSite(v, v.Parent()), p, nil) {
					out = append(out, t.elements(x, sn)...)
				}
				return out
			}
		}
		var out []ssa.Value
		for _, r := range t.returned(v, 0, sn) {
			out = append(out, t.elements(r, sn)...)
		}
		return out
	case *ssa.Parameter, *ssa.FreeVar:
		var out []ssa.Value
		for _, a := range t.incoming(v) {
			out = append(out, t.elements(a, sn)...)
		}
		return out
	case *ssa.MakeInterface:
		return t.elements(v.X, sn)
	case *ssa.ChangeType:
		return t.elements(v.X, sn)
	}
	return nil
}

// returned returns the i-th result of every return statement of the
// function a call statically calls, when its body is in this package.
func (t *tracer) returned(call *ssa.Call, i int, sn seen) []ssa.Value {
	fn := call.Call.StaticCallee()
	if fn == nil || len(fn.Blocks) == 0 || call.Call.IsInvoke() {
		return nil
	}
	var out []ssa.Value
	for _, b := range fn.Blocks {
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && i < len(ret.Results) {
			out = append(out, ret.Results[i])
		}
	}
	return out
}

// incoming returns the values a parameter or free variable receives from
// the calls and closures of this package.
func (t *tracer) incoming(v ssa.Value) []ssa.Value {
	switch v := v.(type) {
	case *ssa.Parameter:
		fn := v.Parent()
		idx := -1
		for i, p := range fn.Params {
			if p == v {
				idx = i
			}
		}
		var out []ssa.Value
		for _, s := range t.callers[fn] {
			if idx >= 0 && idx < len(s.common.Args) {
				out = append(out, s.common.Args[idx])
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

// strings resolves string values (and lists of strings, and byte slices
// converted from strings) to what is known of them.
func (t *tracer) strings(vals []ssa.Value) []Str {
	var out []Str
	sn := newSeen()
	for _, v := range vals {
		out = append(out, t.stringsOf(v, sn, 0)...)
	}
	return dedupStrs(out)
}

// knownStrings returns the sorted, distinct constant strings among vals.
func (t *tracer) knownStrings(vals []ssa.Value) []string {
	set := make(map[string]bool)
	for _, s := range t.strings(vals) {
		if v, ok := s.Known(); ok {
			set[v] = true
		}
	}
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

func (t *tracer) stringsOf(v ssa.Value, sn seen, depth int) []Str {
	if depth > maxDepth || !sn.visit(v) {
		return nil
	}
	depth++
	union := func(vals []ssa.Value) []Str {
		var out []Str
		for _, x := range vals {
			out = append(out, t.stringsOf(x, sn, depth)...)
		}
		return out
	}
	switch v := v.(type) {
	case *ssa.Const:
		if v.Value == nil {
			return nil // the zero value: not set
		}
		if v.Value.Kind() == constant.String {
			return []Str{lit(constant.StringVal(v.Value))}
		}
		return nil
	case *ssa.Convert:
		return t.stringsOf(v.X, sn, depth)
	case *ssa.ChangeType:
		return t.stringsOf(v.X, sn, depth)
	case *ssa.MakeInterface:
		return t.stringsOf(v.X, sn, depth)
	case *ssa.Phi:
		return union(v.Edges)
	case *ssa.BinOp:
		if v.Op == token.ADD {
			// Both sides are resolved afresh: a + a is fine.
			left := t.stringsOf(v.X, newSeen(), depth)
			right := t.stringsOf(v.Y, newSeen(), depth)
			return concatAll([][]Str{left, right})
		}
	case *ssa.Alloc, *ssa.IndexAddr, *ssa.FieldAddr:
		// A location stands for its contents: an element of a literal
		// slice, say.
		if ia, ok := v.(*ssa.IndexAddr); ok {
			if _, constIndex := ia.Index.(*ssa.Const); !constIndex {
				// An element chosen at run time, as in a range loop
				// over a literal list: every element.
				return union(t.elements(ia.X, newSeen()))
			}
		}
		return union(t.storedInto(v, sn))
	case *ssa.Slice:
		return union(t.elements(v, newSeen()))
	case *ssa.UnOp:
		if v.Op != token.MUL {
			break
		}
		if g, ok := v.X.(*ssa.Global); ok {
			gi := t.globalStores[g]
			if gi == nil {
				return []Str{dynamic(g.Name(), "package variable "+g.Name()+", which is never set")}
			}
			if !gi.onlyInInit {
				return []Str{dynamic(g.Name(), "package variable "+g.Name()+", which is assigned at run time")}
			}
		}
		if isPointerTo(v.X.Type(), isSliceType) {
			return union(t.elements(v, newSeen()))
		}
		if out := t.stringsOf(v.X, sn, depth); len(out) > 0 {
			return out
		}
		if fa, ok := v.X.(*ssa.FieldAddr); ok {
			name := fieldName(fa.X.Type(), fa.Field)
			if out := union(t.field(fa.X, name, newSeen())); len(out) > 0 {
				return out
			}
			return []Str{dynamic(name, "field "+name+" of "+typeName(fa.X.Type()))}
		}
		return nil
	case *ssa.Field:
		name := fieldName(v.X.Type(), v.Field)
		if out := union(t.field(v.X, name, newSeen())); len(out) > 0 {
			return out
		}
		return []Str{dynamic(name, "field "+name+" of "+typeName(v.X.Type()))}
	case *ssa.Call:
		return t.stringsOfCall(v, 0, sn, depth)
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok {
			return t.stringsOfCall(call, v.Index, sn, depth)
		}
	case *ssa.Parameter:
		out := union(t.incoming(v))
		if t.escapes[v.Parent()] || len(out) == 0 {
			out = append(out, dynamic(v.Name(), "parameter "+v.Name()+" of "+funcName(v.Parent())))
		}
		return out
	case *ssa.FreeVar:
		return union(t.incoming(v))
	}
	return []Str{dynamic(valueName(v), "a value computed at run time")}
}

// stringsOfCall resolves the i-th result of a call: a string-building
// function (fmt.Sprintf, strings.Join), a table constructor, a helper of
// the package, or else a value known only at run time.
func (t *tracer) stringsOfCall(call *ssa.Call, i int, sn seen, depth int) []Str {
	name := calleeName(&call.Call)
	s := newSite(call, call.Parent())
	if i == 0 {
		if b, ok := stringBuilders[name]; ok {
			if out := b(t, s, depth); out != nil {
				return out
			}
		}
		if ctor, ok := index.Constructors[name]; ok {
			if p, ok := ctor.Fields[""]; ok {
				return t.strings(t.eval(s, p, nil))
			}
		}
	}
	if rets := t.returned(call, i, sn); len(rets) > 0 {
		var out []Str
		for _, r := range rets {
			out = append(out, t.stringsOf(r, sn, depth)...)
		}
		return out
	}
	return []Str{dynamic(resultName(&call.Call), describeCall(&call.Call))}
}

// stringBuilders are the standard functions that build strings the
// analyzer can follow, keyed by full name. (Set in init: the builders
// call back into the resolution that consults the table.)
var stringBuilders map[string]func(t *tracer, s site, depth int) []Str

func init() {
	stringBuilders = map[string]func(t *tracer, s site, depth int) []Str{
		"fmt.Sprintf":  (*tracer).sprintf,
		"fmt.Sprint":   (*tracer).sprint,
		"strings.Join": (*tracer).join,
		"strings.ToLower": func(t *tracer, s site, depth int) []Str {
			return mapLiterals(t.strings(nonNil(s.arg(0))), strings.ToLower)
		},
		"strings.ToUpper": func(t *tracer, s site, depth int) []Str {
			return mapLiterals(t.strings(nonNil(s.arg(0))), strings.ToUpper)
		},
	}
}

// sprintf turns fmt.Sprintf with a constant format into a template: each
// verb becomes the Str of its argument.
func (t *tracer) sprintf(s site, depth int) []Str {
	format, ok := constString(s.arg(0))
	if !ok {
		return nil
	}
	args := t.variadicArgs(s.arg(1))
	var alts [][]Str
	argi := 0
	litText := ""
	flush := func() {
		if litText != "" {
			alts = append(alts, []Str{lit(litText)})
			litText = ""
		}
	}
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			litText += string(c)
			continue
		}
		// Skip flags, width and precision up to the verb.
		j := i + 1
		for j < len(format) && strings.IndexByte("+-# 0123456789.[]*", format[j]) >= 0 {
			j++
		}
		if j >= len(format) {
			litText += format[i:]
			break
		}
		verb := format[j]
		i = j
		if verb == '%' {
			litText += "%"
			continue
		}
		flush()
		if argi < len(args) {
			arg := args[argi]
			argi++
			if c, ok := arg.(*ssa.Const); ok && c.Value != nil && c.Value.Kind() != constant.String && (verb == 'v' || verb == 'd') {
				alts = append(alts, []Str{lit(c.Value.ExactString())})
				continue
			}
			if verb == 's' || verb == 'v' || verb == 'd' {
				if strs := t.stringsOf(arg, newSeen(), depth); len(strs) > 0 {
					alts = append(alts, strs)
					continue
				}
			}
			alts = append(alts, []Str{dynamic(valueName(arg), "a formatted value")})
			continue
		}
		alts = append(alts, []Str{dynamic("arg", "a missing Sprintf argument")})
	}
	flush()
	return concatAll(alts)
}

// sprint is fmt.Sprint: its arguments' strings, side by side when
// they are strings (fmt.Sprint adds spaces only between non-strings).
func (t *tracer) sprint(s site, depth int) []Str {
	var alts [][]Str
	for _, a := range t.variadicArgs(s.arg(0)) {
		alts = append(alts, t.stringsOf(a, newSeen(), depth))
	}
	return concatAll(alts)
}

// join is strings.Join of a literal list.
func (t *tracer) join(s site, depth int) []Str {
	sep, ok := constString(s.arg(1))
	if !ok {
		return nil
	}
	elems := t.elements(s.arg(0), newSeen())
	if len(elems) == 0 {
		return nil
	}
	var alts [][]Str
	for i, e := range elems {
		if i > 0 {
			alts = append(alts, []Str{lit(sep)})
		}
		alts = append(alts, t.stringsOf(e, newSeen(), depth))
	}
	return concatAll(alts)
}

// variadicArgs returns the values passed to a variadic parameter, in
// order, unwrapped from their conversion to interfaces.
func (t *tracer) variadicArgs(slice ssa.Value) []ssa.Value {
	var out []ssa.Value
	for _, e := range t.elements(slice, newSeen()) {
		vals := t.storedInto(e, newSeen())
		if len(vals) != 1 {
			out = append(out, e)
			continue
		}
		v := vals[0]
		if mi, ok := v.(*ssa.MakeInterface); ok {
			v = mi.X
		}
		out = append(out, v)
	}
	return out
}

func mapLiterals(ss []Str, f func(string) string) []Str {
	out := make([]Str, len(ss))
	for i, s := range ss {
		parts := make([]Part, len(s.Parts))
		for j, p := range s.Parts {
			if p.Kind == PartLit {
				p.Text = f(p.Text)
			}
			parts[j] = p
		}
		out[i] = Str{Parts: parts}
	}
	return out
}

func constString(v ssa.Value) (string, bool) {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	if c, ok := v.(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.String {
		return constant.StringVal(c.Value), true
	}
	return "", false
}

// valueName names the template parameter a value becomes, after the Go
// expression it comes from: a parameter or field name, or the function
// called.
func valueName(v ssa.Value) string {
	switch v := v.(type) {
	case *ssa.Parameter:
		return v.Name()
	case *ssa.FreeVar:
		return v.Name()
	case *ssa.Field:
		return fieldName(v.X.Type(), v.Field)
	case *ssa.UnOp:
		switch x := v.X.(type) {
		case *ssa.FieldAddr:
			return fieldName(x.X.Type(), x.Field)
		case *ssa.Global:
			return x.Name()
		case *ssa.Alloc:
			if x.Comment != "" {
				return x.Comment
			}
		}
	case *ssa.Call:
		return resultName(&v.Call)
	case *ssa.Extract:
		if c, ok := v.Tuple.(*ssa.Call); ok {
			return resultName(&c.Call)
		}
	case *ssa.MakeInterface:
		return valueName(v.X)
	case *ssa.Convert:
		return valueName(v.X)
	case *ssa.ChangeType:
		return valueName(v.X)
	}
	return "value"
}

// resultName names the result of a call: os.Getenv("REGION") is
// "REGION", cfg.Region() is "Region".
func resultName(c *ssa.CallCommon) string {
	f := callee(c)
	if f == nil {
		return "value"
	}
	if f.FullName() == "os.Getenv" || f.FullName() == "os.LookupEnv" {
		if s, ok := constString(c.Args[0]); ok {
			return s
		}
	}
	return strings.TrimPrefix(f.Name(), "Get")
}

func typeName(t types.Type) string {
	t = derefType(t)
	return types.TypeString(t, func(p *types.Package) string { return p.Name() })
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
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	if s, ok := t.Underlying().(*types.Struct); ok && i < s.NumFields() {
		return s.Field(i).Name()
	}
	return ""
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
