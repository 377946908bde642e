package analyzer

import (
	"fmt"
	"go/token"
	"go/types"

	"github.com/asyncapi-extract/asyncapi-extract/protocols"
)

// Interfaces. A call of an interface method reaches the operations of
// the implementation's wrapper. The implementation is the concrete type
// of the receiver: found where the value was made (a constructor call,
// a composite literal), or, when the receiver comes from the owner's
// parameters (a service holding a Publisher interface its constructor
// was given), at each call of the owner: the call becomes a template of
// its own (an invoke) that carries the call's arguments as data.

// invokeT is an interface method call deferred to the owner's callers.
type invokeT struct {
	method string        // the interface method's name
	full   string        // its full name, for messages
	recv   *ParamPayload // the receiver: a parameter of the owner, then fields
	args   []argT        // the other arguments (receiver excluded)
	pos    token.Pos     // the call
}

// argT is what is known of one argument of a deferred call: its strings,
// the Go values it holds and the encoded bytes it is, each possibly in
// terms of the owner's parameters.
type argT struct {
	Strs   []Str
	Values []Payload
	Bytes  []Payload
}

// args supplies the arguments of a call that a template is instantiated
// at.
type args interface {
	// strs returns the strings of parameter i, then fields.
	strs(r *resolver, i int, fields []string) []Str
	// payloads resolves a payload the template takes from a parameter.
	payloads(r *resolver, p Payload) []Payload
	// typeArgs returns the type arguments of the call.
	typeArgs() []types.Type
}

// siteArgs are the arguments of a call in the SSA form.
type siteArgs struct{ s site }

func (a siteArgs) strs(r *resolver, i int, fields []string) []Str {
	return r.strings(r.fields(vals(a.s.fr, argOf(a.s, i)), fields))
}

func (a siteArgs) payloads(r *resolver, p Payload) []Payload {
	return r.paramPayloads(r.fields(vals(a.s.fr, argOf(a.s, p.Param.Index)), p.Param.Fields), p)
}

func (a siteArgs) typeArgs() []types.Type { return typeArgsOf(a.s) }

// paramPayloads resolves a template's parameter payload from the values
// a call passes.
func (r *resolver) paramPayloads(vs []val, p Payload) []Payload {
	var out []Payload
	if cb := p.Param.Callback; cb > 0 {
		// A handler: what it decodes from the value it is given.
		for _, v := range vs {
			out = append(out, r.deliveredTo(v, p.Param.Method, cb-1, p.Param.Path)...)
		}
		return out
	}
	if p.Param.Bytes {
		seen := make(visited)
		for _, v := range vs {
			out = append(out, r.encodedFrom(v, seen, 0)...)
		}
		return out
	}
	c := protocols.Codec{ContentType: p.ContentType, Encoding: p.Encoding}
	for _, v := range vs {
		for _, ct := range r.concreteTypes(v, make(visited), 0) {
			out = append(out, ct.payload(c))
		}
	}
	return out
}

// invokeArgs are the arguments of a deferred interface call: the
// receiver as SSA values where the implementation was found, the others
// as data.
type invokeArgs struct {
	recv  []val
	rest  []argT
	targs []types.Type
}

func (a invokeArgs) strs(r *resolver, i int, fields []string) []Str {
	if i == 0 {
		return r.strings(r.fields(a.recv, fields))
	}
	if i-1 >= len(a.rest) || len(fields) > 0 {
		return nil
	}
	return a.rest[i-1].Strs
}

func (a invokeArgs) payloads(r *resolver, p Payload) []Payload {
	i := p.Param.Index
	if i == 0 {
		return r.paramPayloads(r.fields(a.recv, p.Param.Fields), p)
	}
	if i-1 >= len(a.rest) || len(p.Param.Fields) > 0 || p.Param.Callback > 0 {
		return nil
	}
	arg := a.rest[i-1]
	src := arg.Values
	if p.Param.Bytes {
		src = arg.Bytes
	}
	out := make([]Payload, 0, len(src))
	for _, q := range src {
		if q.Type != nil || q.Param != nil {
			if !p.Param.Bytes {
				q.ContentType, q.Encoding = p.ContentType, p.Encoding
			}
		}
		out = append(out, q)
	}
	return out
}

func (a invokeArgs) typeArgs() []types.Type { return a.targs }

// invokeTemplates returns the operations of a call of an interface
// method m.
func (r *resolver) invokeTemplates(s site, m *types.Func) []*template {
	if !userInterface(r.pass, m) {
		return nil
	}
	concrete, deferred := r.receiverTypes(vals(s.fr, s.common.Value))
	var out []*template
	for _, p := range deferred {
		out = append(out, &template{
			invoke: &invokeT{
				method: m.Name(),
				full:   m.FullName(),
				recv:   &ParamPayload{Index: p.index, Fields: p.fields},
				args:   r.argsAt(s),
				pos:    s.pos(),
			},
			pos: s.pos(),
		})
	}
	for _, impl := range r.methodsOf(concrete, m.Name()) {
		if entries, ok := index.Calls[impl.FullName()]; ok {
			// A client the module holds behind an interface of its own
			// (watermill's Connection holding a *nats.Conn).
			for _, entry := range entries {
				out = append(out, r.operations(s, impl, entry)...)
			}
			continue
		}
		for _, w := range r.wrapperOf(nil, impl) {
			out = append(out, r.instantiate(w, s, siteArgs{s}, impl.FullName())...)
		}
	}
	if len(deferred) == 0 && len(concrete) == 0 {
		// Nothing says where the receiver comes from: every
		// implementation this package can see.
		for _, impl := range r.implementations(m) {
			for _, w := range r.wrapperOf(nil, impl) {
				out = append(out, r.instantiate(w, s, siteArgs{s}, impl.FullName())...)
			}
		}
	}
	return out
}

// receiverTypes returns the concrete types the receiver values vs hold,
// and, once each, the owner's parameters they come from, whose
// implementations the owner's callers give.
func (r *resolver) receiverTypes(vs []val) (concrete []types.Type, deferred []*paramRef) {
	for _, v := range vs {
		for _, vt := range r.concreteTypes(v, make(visited), 0) {
			switch {
			case vt.param != nil:
				deferred = append(deferred, vt.param)
			case vt.typ != nil && !types.IsInterface(vt.typ):
				concrete = append(concrete, vt.typ)
			}
		}
	}
	return concrete, dedupParamRefs(deferred)
}

func dedupParamRefs(ps []*paramRef) []*paramRef {
	seen := make(map[string]bool)
	var out []*paramRef
	for _, p := range ps {
		k := fmt.Sprint(p.index, p.fields)
		if !seen[k] {
			seen[k] = true
			out = append(out, p)
		}
	}
	return out
}

// methodsOf returns the methods named name of the concrete types, once
// each.
func (r *resolver) methodsOf(concrete []types.Type, name string) []*types.Func {
	var out []*types.Func
	seen := make(map[*types.Func]bool)
	for _, t := range concrete {
		ptr := t
		if _, ok := t.(*types.Pointer); !ok {
			ptr = types.NewPointer(t)
		}
		var pkg *types.Package
		if n, ok := derefType(t).(*types.Named); ok {
			pkg = n.Obj().Pkg()
		}
		obj, _, _ := types.LookupFieldOrMethod(ptr, true, pkg, name)
		if fn, ok := obj.(*types.Func); ok && !seen[fn] {
			seen[fn] = true
			out = append(out, fn)
		}
	}
	return out
}

// argsAt records what is known of the arguments of a call (receiver
// excluded), in terms of the owner's parameters.
func (r *resolver) argsAt(s site) []argT {
	c := s.common
	out := make([]argT, len(c.Args))
	for i, a := range c.Args {
		v := vals(s.fr, a)
		var arg argT
		if isStringish(a.Type()) && !types.IsInterface(a.Type()) {
			arg.Strs = r.strings(v)
		}
		for _, x := range v {
			for _, ct := range r.concreteTypes(x, make(visited), 0) {
				arg.Values = append(arg.Values, ct.payload(protocols.Codec{}))
			}
			arg.Bytes = append(arg.Bytes, r.encodedFrom(x, make(visited), 0)...)
		}
		out[i] = arg
	}
	return out
}

// instantiateInvoke resolves a deferred interface call at a call of its
// owner: the receiver now comes from the call's arguments, which may
// name the implementation, or defer it again to the next caller.
func (r *resolver) instantiateInvoke(w *template, s site, a args, wrapper string) []*template {
	inv := w.invoke
	via := append([]string{wrapper}, w.via...)
	// The arguments, in terms of this call.
	rest := make([]argT, len(inv.args))
	for i, arg := range inv.args {
		var na argT
		for _, str := range arg.Strs {
			na.Strs = append(na.Strs, r.substitute(str, a)...)
		}
		for _, p := range arg.Values {
			na.Values = append(na.Values, r.substitutePayload(p, a)...)
		}
		for _, p := range arg.Bytes {
			na.Bytes = append(na.Bytes, r.substitutePayload(p, a)...)
		}
		rest[i] = na
	}
	recv := r.recvValues(inv.recv, s, a)
	concrete, deferred := r.receiverTypes(recv)
	// The interface call inside the owner comes between this call and
	// the implementation's.
	outer := r.callTrail(w)
	var out []*template
	for _, p := range deferred {
		tm := *w
		tm.invoke = &invokeT{method: inv.method, full: inv.full,
			recv: &ParamPayload{Index: p.index, Fields: p.fields}, args: rest, pos: s.pos()}
		tm.pos = s.pos()
		tm.via = via
		tm.trail = outer
		out = append(out, &tm)
	}
	for _, impl := range r.methodsOf(concrete, inv.method) {
		for _, iw := range r.wrapperOf(nil, impl) {
			ia := invokeArgs{recv: recv, rest: rest, targs: a.typeArgs()}
			for _, tm := range r.instantiate(iw, s, ia, impl.FullName()) {
				tm.trail = append(append([]token.Position(nil), outer...), tm.trail...)
				tm.via = append(append([]string(nil), via...), tm.via...)
				out = append(out, tm)
			}
		}
	}
	return out
}

// recvValues returns the values of a deferred call's receiver at a call
// of its owner.
func (r *resolver) recvValues(p *ParamPayload, s site, a args) []val {
	if sa, ok := a.(siteArgs); ok {
		return r.fields(vals(sa.s.fr, argOf(sa.s, p.Index)), p.Fields)
	}
	if ia, ok := a.(invokeArgs); ok && p.Index == 0 {
		return r.fields(ia.recv, p.Fields)
	}
	return nil
}
