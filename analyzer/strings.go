package analyzer

import (
	"go/constant"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// strings resolves string values (and lists of strings, and byte slices
// converted from strings) to what is known of them.
func (r *resolver) strings(vs []val) []Str {
	var out []Str
	seen := make(visited)
	for _, v := range vs {
		out = append(out, r.stringsOf(v, seen, 0)...)
	}
	return dedupStrs(out)
}

// knownStrings returns the sorted, distinct constant strings among vs.
func (r *resolver) knownStrings(vs []val) []string {
	return known(r.strings(vs))
}

// known returns the sorted, distinct constant values among ss.
func known(ss []Str) []string {
	set := make(map[string]bool)
	for _, s := range ss {
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

func (r *resolver) stringsOf(x val, vs visited, depth int) []Str {
	if depth > maxDepth || r.onPath[x] || !r.step() || !vs.visit(x) {
		return nil
	}
	if r.onPath == nil {
		r.onPath = make(map[val]bool)
	}
	r.onPath[x] = true
	defer delete(r.onPath, x)
	depth++
	union := func(xs []val) []Str {
		var out []Str
		for _, y := range xs {
			out = append(out, r.stringsOf(y, vs, depth)...)
		}
		return out
	}
	in := func(v ssa.Value) val { return val{v, x.fr} }
	switch v := x.v.(type) {
	case *paramRef:
		return []Str{{Parts: []Part{{Kind: PartParam, Param: v.index, Fields: v.fields,
			Name: paramRefName(v), Origin: paramRefOrigin(v)}}}}
	case *ctorField:
		return v.strings(r, depth)
	case *ssa.Const:
		if v.Value == nil {
			return nil // the zero value: not set
		}
		if v.Value.Kind() == constant.String {
			return []Str{lit(constant.StringVal(v.Value))}
		}
		// A number or boolean setting (a QoS, a delivery mode).
		return []Str{lit(v.Value.ExactString())}
	case *ssa.Convert:
		return r.stringsOf(in(v.X), vs, depth)
	case *ssa.ChangeType:
		return r.stringsOf(in(v.X), vs, depth)
	case *ssa.MakeInterface:
		return r.stringsOf(in(v.X), vs, depth)
	case *ssa.Phi:
		return withoutSubsumedEmpty(union(vals(x.fr, v.Edges...)))
	case *ssa.BinOp:
		if v.Op == token.ADD {
			// Each side is resolved afresh: a + a is fine.
			left := r.stringsOf(in(v.X), make(visited), depth)
			right := r.stringsOf(in(v.Y), make(visited), depth)
			return concatAll([][]Str{left, right})
		}
	case *ssa.Alloc, *ssa.FieldAddr, *ssa.IndexAddr:
		// A location stands for its contents: an element of a literal
		// slice, say.
		return union(r.loaded(x, make(visited)))
	case *ssa.Slice:
		return union(r.elements(x, make(visited)))
	case *ssa.UnOp:
		if v.Op != token.MUL {
			break
		}
		if g, ok := v.X.(*ssa.Global); ok && g.Pkg != r.prog.Pkg {
			var fact VarFact
			if obj := g.Object(); obj != nil && r.pass.ImportObjectFact(obj, &fact) {
				return fact.Strs
			}
			return []Str{dynamic(g.Name(), "package variable "+g.Object().Pkg().Name()+"."+g.Name())}
		}
		if g, ok := v.X.(*ssa.Global); ok {
			gi := r.globalStores[g]
			if gi == nil {
				return []Str{dynamic(g.Name(), "package variable "+g.Name()+", which is never set")}
			}
			if !gi.onlyInInit {
				return []Str{dynamic(g.Name(), "package variable "+g.Name()+", which is assigned at run time")}
			}
		}
		if isPointerTo(v.X.Type(), isSliceType) {
			return union(r.elements(x, make(visited)))
		}
		if out := union(r.loaded(in(v.X), make(visited))); len(out) > 0 {
			return out
		}
		switch x := v.X.(type) {
		case *ssa.FieldAddr:
			name := fieldName(x.X.Type(), x.Field)
			return []Str{dynamic(name, "field "+name+" of "+typeName(x.X.Type()))}
		case *ssa.Call:
			// *flag.String("region", ...), say.
			return []Str{dynamic(resultName(&x.Call), "*"+describeCall(&x.Call))}
		}
		return nil
	case *ssa.Field:
		name := fieldName(v.X.Type(), v.Field)
		if out := union(r.field(in(v.X), name, make(visited))); len(out) > 0 {
			return out
		}
		return []Str{dynamic(name, "field "+name+" of "+typeName(v.X.Type()))}
	case *ssa.Call:
		return r.stringsOfCall(v, 0, x.fr, vs, depth)
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok {
			return r.stringsOfCall(call, v.Index, x.fr, vs, depth)
		}
	case *ssa.Parameter:
		out := union(r.param(v, x.fr))
		if len(out) == 0 || (x.fr == nil && v.Parent() != r.owner && r.escapes[v.Parent()]) {
			out = append(out, dynamic(v.Name(), "parameter "+v.Name()+" of "+funcName(v.Parent())))
		}
		return out
	case *ssa.FreeVar:
		return union(r.freeVar(v, x.fr))
	}
	return []Str{dynamic(valueName(x.v), "a value computed at run time")}
}

func paramRefName(p *paramRef) string {
	if n := len(p.fields); n > 0 {
		return p.fields[n-1]
	}
	return p.param.Name()
}

func paramRefOrigin(p *paramRef) string {
	o := "parameter " + p.param.Name() + " of " + funcName(p.param.Parent())
	if len(p.fields) > 0 {
		o = "field " + strings.Join(p.fields, ".") + " of " + o
	}
	return o
}

// stringsOfCall resolves the i-th result of a call: a string-building
// function (fmt.Sprintf, strings.Join), a constructor, a helper of the
// package, or else a value known only at run time.
func (r *resolver) stringsOfCall(call *ssa.Call, i int, fr *frame, vs visited, depth int) []Str {
	name := calleeName(&call.Call)
	s := newSiteIn(call, fr)
	if i == 0 {
		if b, ok := stringBuilders[name]; ok {
			if out := b(r, s, depth); out != nil {
				return out
			}
		}
		if ctor, ok := r.constructor(&call.Call); ok {
			return r.strings(ctor.field(r, s, ""))
		}
	}
	if rets := r.returned(call, i, fr); len(rets) > 0 {
		// A result the analysis cannot read (an element of a
		// strings.Split, say) is the call's run-time value, as when the
		// function is not followed at all: dropping it would leave only
		// the function's other results, a fallback "" for one.
		var out []Str
		unread := false
		for _, ret := range rets {
			strs := r.stringsOf(ret, vs, depth)
			unread = unread || len(strs) == 0
			out = append(out, strs...)
		}
		if unread {
			out = append(out, dynamic(resultName(&call.Call), describeCall(&call.Call)))
		}
		return withoutSubsumedEmpty(out)
	}
	if f := callee(&call.Call); f != nil && i == 0 && f.Pkg() != r.pass.Pkg {
		var fact StringFuncFact
		if r.pass.ImportObjectFact(f, &fact) {
			var out []Str
			for _, str := range fact.Strs {
				out = append(out, r.substitute(str, siteArgs{s})...)
			}
			return out
		}
	}
	return []Str{dynamic(resultName(&call.Call), describeCall(&call.Call))}
}

// stringBuilders are the standard functions that build strings the
// analyzer can follow, keyed by full name. (Set in init: the builders
// call back into the resolution that consults the table.)
var stringBuilders map[string]func(r *resolver, s site, depth int) []Str

func init() {
	stringBuilders = map[string]func(r *resolver, s site, depth int) []Str{
		"fmt.Sprintf":  (*resolver).sprintf,
		"fmt.Sprint":   (*resolver).sprint,
		"strings.Join": (*resolver).join,
		"strings.ToLower": func(r *resolver, s site, depth int) []Str {
			return mapLiterals(r.strings(vals(s.fr, s.arg(0))), strings.ToLower)
		},
		"strings.ToUpper": func(r *resolver, s site, depth int) []Str {
			return mapLiterals(r.strings(vals(s.fr, s.arg(0))), strings.ToUpper)
		},
	}
}

// sprintf turns fmt.Sprintf with a constant format into a template: each
// verb becomes the Str of its argument.
func (r *resolver) sprintf(s site, depth int) []Str {
	format, ok := constString(s.arg(0))
	if !ok {
		return nil
	}
	args := r.variadicArgs(val{s.arg(1), s.fr})
	return sprintfStrs(format, func(i int, verb byte) []Str {
		if i >= len(args) {
			return []Str{dynamic("arg", "a missing Sprintf argument")}
		}
		arg := args[i]
		if c, ok := arg.v.(*ssa.Const); ok && c.Value != nil && c.Value.Kind() != constant.String && (verb == 'v' || verb == 'd') {
			return []Str{lit(c.Value.ExactString())}
		}
		if verb == 's' || verb == 'v' || verb == 'd' {
			if strs := r.stringsOf(arg, make(visited), depth); len(strs) > 0 {
				return strs
			}
		}
		return []Str{dynamic(valueName(arg.v), "a formatted value")}
	})
}

// sprint is fmt.Sprint of strings: its arguments side by side.
func (r *resolver) sprint(s site, depth int) []Str {
	var alts [][]Str
	for _, a := range r.variadicArgs(val{s.arg(0), s.fr}) {
		alts = append(alts, r.stringsOf(a, make(visited), depth))
	}
	return concatAll(alts)
}

// join is strings.Join of a literal list.
func (r *resolver) join(s site, depth int) []Str {
	sep, ok := constString(s.arg(1))
	if !ok {
		return nil
	}
	elems := r.elements(val{s.arg(0), s.fr}, make(visited))
	if len(elems) == 0 {
		return nil
	}
	var alts [][]Str
	for i, e := range elems {
		if i > 0 {
			alts = append(alts, []Str{lit(sep)})
		}
		alts = append(alts, r.stringsOf(e, make(visited), depth))
	}
	return concatAll(alts)
}

// variadicArgs returns the values passed to a variadic parameter, in
// order, unwrapped from their conversion to interfaces.
func (r *resolver) variadicArgs(slice val) []val {
	var out []val
	for _, e := range r.elements(slice, make(visited)) {
		stored := r.storedInto(e)
		if len(stored) != 1 {
			out = append(out, e)
			continue
		}
		v := stored[0]
		if mi, ok := v.v.(*ssa.MakeInterface); ok {
			v.v = mi.X
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
	case *paramRef:
		return paramRefName(v)
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
// "REGION", cfg.GetRegion() is "Region".
func resultName(c *ssa.CallCommon) string {
	f := callee(c)
	if f == nil {
		return "value"
	}
	if namedByFirstArg[f.FullName()] && len(c.Args) > 0 {
		if s, ok := constString(c.Args[0]); ok {
			return s
		}
	}
	return strings.TrimPrefix(f.Name(), "Get")
}

// namedByFirstArg are the functions whose result is best named by their
// first argument: an environment variable, a flag.
var namedByFirstArg = map[string]bool{
	"os.Getenv": true, "os.LookupEnv": true,
	"flag.String": true, "flag.Int": true, "flag.Int64": true, "flag.Uint": true,
	"flag.Bool": true, "flag.Duration": true, "flag.Float64": true,
}

func typeName(t types.Type) string {
	t = derefType(t)
	return types.TypeString(t, func(p *types.Package) string { return p.Name() })
}
