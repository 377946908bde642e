package analyzer

import (
	"fmt"
	"sort"
	"strings"

	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/asyncapi-extract/asyncapi-extract/protocols"
)

// Handlers. A received message (or its payload bytes) is often handed to
// a function the receive call cannot see into directly: a callback the
// wrapper was given (consume(topic, handle func(kafka.Message))), a
// method value, a closure, a function of another package. The payload is
// followed into each: into bodies of this package directly, into
// functions of other packages through their HandlerFact, and, when the
// function is the owner's parameter, symbolically, to be resolved where
// the owner is called with a real handler.

// maxHandlerDepth bounds how many handlers deep a payload is followed.
const maxHandlerDepth = 6

// forward follows received values through the remaining fields of the
// payload path to the decoders, and into every function they are handed
// to on the way.
func (r *resolver) forward(vs []val, fields []string, depth int) (out []Payload) {
	if depth > maxHandlerDepth {
		return nil
	}
	cur := vs
	defer func() {
		if len(out) == 0 && len(fields) > 0 && fields[len(fields)-1] != elemEncoded && fields[len(fields)-1] != elemDecoded {
			// Nothing decodes it: the bytes (or text) as received.
			for _, v := range cur {
				if rawKind(v.v.Type()) == "string" {
					out = []Payload{{Raw: "string"}}
					break
				}
			}
		}
	}()
	for i := 0; ; i++ {
		if i < len(fields) && (fields[i] == elemEncoded || fields[i] == elemDecoded) {
			// A stream: the messages written to or read from it.
			if fields[i] == elemEncoded {
				return append(out, r.writtenTo(cur)...)
			}
			return append(out, r.readFrom(cur)...)
		}
		for _, v := range cur {
			out = append(out, r.handedOff(v, fields[i:], depth)...)
		}
		if i == len(fields) {
			break
		}
		var next []val
		seen := make(visited)
		for _, v := range cur {
			next = append(next, r.readsOfField(v, fields[i], seen)...)
		}
		cur = next
	}
	seen := make(visited)
	for _, v := range cur {
		out = append(out, r.decodedInto(v, seen, 0)...)
	}
	return out
}

// handedOff returns the payloads decoded by the functions x is passed to
// that walks do not enter: function values and functions of other
// packages. rest are the fields still to select from x.
func (r *resolver) handedOff(x val, rest []string, depth int) []Payload {
	var out []Payload
	for _, use := range usesThroughLocals(x.v) {
		switch conv := use.(type) {
		case *ssa.Convert, *ssa.ChangeType, *ssa.MakeInterface:
			// handle([]byte(msg.Payload)): the converted value.
			out = append(out, r.handedOff(val{conv.(ssa.Value), x.fr}, rest, depth)...)
			continue
		}
		call, ok := use.(ssa.CallInstruction)
		if !ok {
			continue
		}
		c := call.Common()
		if c.IsInvoke() {
			// next.ServeHTTP(w, r) in a middleware: into the
			// implementations the receiver can be.
			for j, a := range c.Args {
				if a == x.v {
					out = append(out, r.deliveredTo(val{c.Value, x.fr}, c.Method.Name(), j, rest)...)
				}
			}
			continue
		}
		for j, a := range c.Args {
			if a != x.v {
				continue
			}
			if fn := c.StaticCallee(); fn != nil {
				if len(fn.Blocks) == 0 {
					// A function of another package: its fact.
					out = append(out, r.handlerFact(fn, j, rest)...)
				}
				continue // a body of this package: the walks enter it
			}
			for _, target := range r.funcTargets(val{c.Value, x.fr}, make(visited)) {
				out = append(out, r.handedTo(target, j, rest, depth)...)
			}
		}
	}
	return out
}

// handedTo follows a value passed as argument j to a function target.
func (r *resolver) handedTo(target val, j int, rest []string, depth int) []Payload {
	switch fn := target.v.(type) {
	case *paramRef:
		return []Payload{{Param: &ParamPayload{Index: fn.index, Fields: fn.fields, Callback: j + 1, Path: rest}}}
	case *ssa.Function:
		if len(fn.Blocks) == 0 {
			return r.handlerFact(fn, j, rest)
		}
		if j < len(fn.Params) {
			return r.forward([]val{{fn.Params[j], nil}}, rest, depth+1)
		}
	}
	return nil
}

// handlerPayloads returns the payloads the handler of a receive call
// decodes from the messages it is given, after selecting rest.
func (r *resolver) handlerPayloads(s site, h *protocols.Handler, rest []string) []Payload {
	var out []Payload
	for _, v := range r.eval(s, h.Func, val{}) {
		out = append(out, r.deliveredTo(v, h.Method, h.Arg, rest)...)
	}
	return out
}

// deliveredTo returns the payloads decoded by the function v is (or by
// its method, for a handler type), given messages as argument arg.
func (r *resolver) deliveredTo(v val, method string, arg int, rest []string) []Payload {
	if method == "" {
		var out []Payload
		for _, target := range r.funcTargets(v, make(visited)) {
			out = append(out, r.handedTo(target, arg, rest, 0)...)
		}
		return out
	}
	var out []Payload
	var concrete []types.Type
	for _, vt := range r.concreteTypes(v, make(visited), 0) {
		if vt.typ != nil {
			if _, isFunc := vt.typ.Underlying().(*types.Signature); isFunc {
				// A function converted to a handler type
				// (http.HandlerFunc(f)): its method calls the function.
				for _, target := range r.funcTargets(v, make(visited)) {
					out = append(out, r.handedTo(target, arg, rest, 0)...)
				}
				continue
			}
		}
		switch {
		case vt.param != nil:
			out = append(out, Payload{Param: &ParamPayload{Index: vt.param.index, Fields: vt.param.fields,
				Callback: arg + 1, Path: rest, Method: method}})
		case vt.typ != nil && !types.IsInterface(vt.typ):
			concrete = append(concrete, vt.typ)
		}
	}
	for _, m := range r.methodsOf(concrete, method) {
		fn := r.prog.Pkg.Prog.FuncValue(m)
		if fn == nil {
			continue
		}
		// The method's receiver is its parameter 0.
		out = append(out, r.handedTo(val{fn, nil}, arg+1, rest, 0)...)
	}
	return out
}

// funcTargets resolves a function value to the functions it may be:
// declared functions, closures (their function), method values, and the
// owner's parameters.
func (r *resolver) funcTargets(x val, vs visited) []val {
	if !r.step() || !vs.visit(x) {
		return nil
	}
	union := func(xs []val) []val {
		var out []val
		for _, y := range xs {
			out = append(out, r.funcTargets(y, vs)...)
		}
		return out
	}
	switch v := x.v.(type) {
	case *ssa.Function:
		return []val{x}
	case *ssa.MakeClosure:
		return []val{{v.Fn, x.fr}}
	case *paramRef:
		return []val{x}
	case *ssa.Parameter:
		return union(r.param(v, x.fr))
	case *ssa.FreeVar:
		return union(r.freeVar(v, x.fr))
	case *ssa.Phi:
		return union(vals(x.fr, v.Edges...))
	case *ssa.UnOp:
		return union(r.loaded(val{v.X, x.fr}, make(visited)))
	case *ssa.Field:
		return union(r.field(val{v.X, x.fr}, fieldName(v.X.Type(), v.Field), make(visited)))
	case *ssa.ChangeType:
		return r.funcTargets(val{v.X, x.fr}, vs)
	case *ssa.MakeInterface:
		return r.funcTargets(val{v.X, x.fr}, vs)
	case *ssa.Alloc, *ssa.IndexAddr, *ssa.FieldAddr:
		// A function stored in a slice, a struct field or a variable:
		// OnPublishReceived: []func(...){onPublish}.
		return union(r.loaded(x, make(visited)))
	case *ssa.Slice:
		return union(r.elements(x, make(visited)))
	case *ssa.Call:
		// A function that returns a handler (a middleware): what it
		// returns.
		return union(r.returned(v, 0, x.fr))
	}
	return nil
}

// usesThroughLocals returns the instructions using v, also through the
// loads of a local variable v is stored in.
func usesThroughLocals(v ssa.Value) []ssa.Instruction {
	var out []ssa.Instruction
	for _, ref := range referrers(v) {
		out = append(out, ref)
		if st, ok := ref.(*ssa.Store); ok && st.Val == v {
			if _, isLocal := st.Addr.(*ssa.Alloc); isLocal {
				for _, l := range loads(st.Addr) {
					out = append(out, referrers(l)...)
				}
			}
		}
	}
	return out
}

// HandlerFact summarises what a function decodes from its parameters,
// for the packages that hand it received messages: for parameter Param,
// the payloads decoded from the value after selecting Path.
type HandlerFact struct {
	Decodes []DecodeFact
}

// DecodeFact is one parameter path of a HandlerFact.
type DecodeFact struct {
	Param    int
	Path     string
	Payloads []PayloadFact
}

// AFact marks HandlerFact as an analysis fact.
func (*HandlerFact) AFact() {}

func (f *HandlerFact) String() string {
	parts := make([]string, len(f.Decodes))
	for i, d := range f.Decodes {
		ps := make([]string, len(d.Payloads))
		for j, p := range d.Payloads {
			ps[j] = p.String()
		}
		parts[i] = fmt.Sprintf("$%d%s=%s", d.Param, fieldsSuffix(strings.Split(d.Path, ".")), strings.Join(ps, "|"))
		if d.Path == "" {
			parts[i] = fmt.Sprintf("$%d=%s", d.Param, strings.Join(ps, "|"))
		}
	}
	return "handles(" + strings.Join(parts, " ") + ")"
}

// handlerFact returns the payloads a function of another package decodes
// from parameter j after rest.
func (r *resolver) handlerFact(fn *ssa.Function, j int, rest []string) []Payload {
	if fn.Origin() != nil {
		fn = fn.Origin()
	}
	obj, ok := fn.Object().(*types.Func)
	if !ok {
		return nil
	}
	var fact HandlerFact
	if !r.pass.ImportObjectFact(obj, &fact) {
		return nil
	}
	path := strings.Join(rest, ".")
	var out []Payload
	for _, d := range fact.Decodes {
		if d.Param == j && d.Path == path {
			for _, pf := range d.Payloads {
				out = append(out, r.payloadOf(pf))
			}
		}
	}
	return out
}

// handlerFactOf computes the HandlerFact of a function: for each
// parameter, what is decoded from it, and from each of its []byte and
// string fields (the Value of a received message).
func (t *tracer) handlerFactOf(fn *ssa.Function) *HandlerFact {
	r := &resolver{tracer: t, owner: fn}
	var fact HandlerFact
	for j, p := range fn.Params {
		paths := [][]string{nil}
		if st, ok := derefType(p.Type()).Underlying().(*types.Struct); ok {
			for i := range st.NumFields() {
				if f := st.Field(i); f.Exported() && rawBytesOrString(f.Type()) {
					paths = append(paths, []string{f.Name()})
				}
			}
		} else if !rawBytesOrString(p.Type()) {
			continue
		}
		for _, path := range paths {
			t.steps = 0
			var ps []PayloadFact
			for _, pl := range dedupPayloads(r.forward([]val{{p, nil}}, path, 0)) {
				if pl.Type != nil && pl.Param == nil && !hasTypeParam(pl.Type) {
					ps = append(ps, payloadFact(pl))
				}
			}
			if len(ps) > 0 {
				fact.Decodes = append(fact.Decodes, DecodeFact{Param: j, Path: strings.Join(path, "."), Payloads: ps})
			}
		}
	}
	if len(fact.Decodes) == 0 {
		return nil
	}
	sort.SliceStable(fact.Decodes, func(a, b int) bool {
		if fact.Decodes[a].Param != fact.Decodes[b].Param {
			return fact.Decodes[a].Param < fact.Decodes[b].Param
		}
		return fact.Decodes[a].Path < fact.Decodes[b].Path
	})
	return &fact
}

func rawBytesOrString(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0
	case *types.Slice:
		b, ok := u.Elem().Underlying().(*types.Basic)
		return ok && b.Kind() == types.Byte
	}
	return false
}
