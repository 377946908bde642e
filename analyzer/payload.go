package analyzer

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/asyncapi-extract/asyncapi-extract/protocols"
)

var codecs = protocols.Codecs

// frame is a call the payload walk descended through, so that a parameter
// of the callee resolves to that call's argument rather than to every
// caller's.
type frame struct {
	call *ssa.CallCommon
	fn   *ssa.Function
	up   *frame
}

// sentPayloads follows the payload bytes a path names at a send call back
// to the Go values encoded into them.
func (t *tracer) sentPayloads(s site, p protocols.Path, msg ssa.Value) []Payload {
	var out []Payload
	sn := newSeen()
	for _, v := range t.eval(s, p, msg) {
		out = append(out, t.encodedFrom(v, nil, sn, 0)...)
	}
	return dedupPayloads(out)
}

func (t *tracer) encodedFrom(v ssa.Value, fr *frame, sn seen, depth int) []Payload {
	if depth > maxDepth || !sn.visit(v) {
		return nil
	}
	depth++
	switch v := v.(type) {
	case *ssa.Const:
		if v.Value == nil {
			return nil // not set
		}
		return []Payload{{Raw: rawKind(v.Type())}}
	case *ssa.Call:
		return t.encodedByCall(v, 0, fr, sn, depth)
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok {
			return t.encodedByCall(call, v.Index, fr, sn, depth)
		}
	case *ssa.Convert:
		out := t.encodedFrom(v.X, fr, sn, depth)
		if len(out) == 0 {
			return []Payload{{Raw: rawKind(v.X.Type())}}
		}
		return out
	case *ssa.ChangeType:
		return t.encodedFrom(v.X, fr, sn, depth)
	case *ssa.MakeInterface:
		return t.encodedFrom(v.X, fr, sn, depth)
	case *ssa.Phi:
		var out []Payload
		for _, e := range v.Edges {
			out = append(out, t.encodedFrom(e, fr, sn, depth)...)
		}
		return out
	case *ssa.Alloc, *ssa.IndexAddr, *ssa.FieldAddr:
		var out []Payload
		for _, st := range t.storedInto(v, sn) {
			out = append(out, t.encodedFrom(st, fr, sn, depth)...)
		}
		return out
	case *ssa.UnOp:
		if v.Op == token.MUL {
			var out []Payload
			for _, st := range t.storedInto(v.X, sn) {
				out = append(out, t.encodedFrom(st, fr, sn, depth)...)
			}
			if len(out) > 0 {
				return out
			}
		}
	case *ssa.Field:
		var out []Payload
		for _, fv := range t.field(v.X, fieldName(v.X.Type(), v.Field), newSeen()) {
			out = append(out, t.encodedFrom(fv, fr, sn, depth)...)
		}
		if len(out) > 0 {
			return out
		}
	case *ssa.Parameter:
		if fr != nil && fr.fn == v.Parent() {
			if a := paramArg(fr.call, v); a != nil {
				return t.encodedFrom(a, fr.up, sn, depth)
			}
		}
		var out []Payload
		for _, a := range t.incoming(v) {
			out = append(out, t.encodedFrom(a, nil, sn, depth)...)
		}
		if len(out) > 0 {
			return out
		}
	case *ssa.FreeVar:
		var out []Payload
		for _, a := range t.incoming(v) {
			out = append(out, t.encodedFrom(a, fr, sn, depth)...)
		}
		if len(out) > 0 {
			return out
		}
	}
	return []Payload{{Raw: rawKind(v.Type())}}
}

// encodedByCall handles payload bytes that are the i-th result of a call:
// an encoder, the contents of a buffer encoders wrote to, or a helper
// function of the package.
func (t *tracer) encodedByCall(call *ssa.Call, i int, fr *frame, sn seen, depth int) []Payload {
	name := calleeName(&call.Call)
	if c, ok := codecs.Encoders[name]; ok && c.Data.Root == protocols.RootResult && c.Data.Index == i {
		s := newSite(call, call.Parent())
		return t.encodedValues(t.eval(s, c.Value, nil), fr, c)
	}
	if p, ok := codecs.Buffers[name]; ok {
		s := newSite(call, call.Parent())
		var out []Payload
		for _, stream := range t.eval(s, p, nil) {
			out = append(out, t.streamEncoded(stream, fr)...)
		}
		if len(out) > 0 {
			return out
		}
		return []Payload{{Raw: rawKind(call.Type())}}
	}
	if fn := call.Call.StaticCallee(); fn != nil && len(fn.Blocks) > 0 && !call.Call.IsInvoke() {
		inner := &frame{call: &call.Call, fn: fn, up: fr}
		var out []Payload
		for _, r := range t.returned(call, i, sn) {
			out = append(out, t.encodedFrom(r, inner, sn, depth)...)
		}
		return out
	}
	return []Payload{{Raw: rawKind(resultType(call, i))}}
}

// streamEncoded finds the values encoded into a stream (a *bytes.Buffer)
// by encoders bound to it.
func (t *tracer) streamEncoded(stream ssa.Value, fr *frame) []Payload {
	var out []Payload
	for _, use := range uses(stream) {
		call, ok := use.(*ssa.Call)
		if !ok {
			continue
		}
		sc, ok := codecs.StreamEncoders[calleeName(&call.Call)]
		if !ok {
			continue
		}
		s := newSite(call, call.Parent())
		if !sameValue(t.eval(s, sc.Stream, nil), stream) {
			continue
		}
		// Every Encode call on the encoder the constructor returned.
		for _, encUse := range uses(call) {
			ec, ok := encUse.(*ssa.Call)
			if !ok {
				continue
			}
			c, ok := codecs.Encoders[calleeName(&ec.Call)]
			if !ok || !c.Data.IsZero() {
				continue
			}
			es := newSite(ec, ec.Parent())
			if !sameValue(nonNil(es.recv()), call) {
				continue
			}
			out = append(out, t.encodedValues(t.eval(es, c.Value, nil), fr, c)...)
		}
	}
	return out
}

// encodedValues returns the payloads of Go values given to an encoder.
func (t *tracer) encodedValues(vals []ssa.Value, fr *frame, c protocols.Codec) []Payload {
	var out []Payload
	for _, v := range vals {
		for _, typ := range t.concreteTypes(v, fr, newSeen(), 0) {
			out = append(out, Payload{Type: typ, ContentType: c.ContentType, Encoding: c.Encoding})
		}
	}
	if len(out) == 0 && len(vals) > 0 {
		// Encoded, but of a type only known at run time.
		out = append(out, Payload{Type: types.NewInterfaceType(nil, nil), ContentType: c.ContentType, Encoding: c.Encoding})
	}
	return out
}

// concreteTypes returns the static types of the values that v, an
// encoder's argument (usually an interface), holds. Pointers are
// stripped: encoding/json writes what they point to.
func (t *tracer) concreteTypes(v ssa.Value, fr *frame, sn seen, depth int) []types.Type {
	if depth > maxDepth || !sn.visit(v) {
		return nil
	}
	depth++
	switch v := v.(type) {
	case *ssa.MakeInterface:
		return []types.Type{derefType(v.X.Type())}
	case *ssa.ChangeInterface:
		return t.concreteTypes(v.X, fr, sn, depth)
	case *ssa.TypeAssert:
		if !types.IsInterface(v.AssertedType) {
			return []types.Type{derefType(v.AssertedType)}
		}
		return t.concreteTypes(v.X, fr, sn, depth)
	case *ssa.Phi:
		var out []types.Type
		for _, e := range v.Edges {
			out = append(out, t.concreteTypes(e, fr, sn, depth)...)
		}
		return out
	case *ssa.Parameter:
		if fr != nil && fr.fn == v.Parent() {
			if a := paramArg(fr.call, v); a != nil {
				return t.concreteTypes(a, fr.up, sn, depth)
			}
		}
		var out []types.Type
		for _, a := range t.incoming(v) {
			out = append(out, t.concreteTypes(a, nil, sn, depth)...)
		}
		if len(out) > 0 || types.IsInterface(v.Type()) {
			return out
		}
	case *ssa.FreeVar:
		var out []types.Type
		for _, a := range t.incoming(v) {
			out = append(out, t.concreteTypes(a, fr, sn, depth)...)
		}
		if len(out) > 0 || types.IsInterface(v.Type()) {
			return out
		}
	}
	if types.IsInterface(v.Type()) {
		return nil
	}
	return []types.Type{derefType(v.Type())}
}

// receivedPayloads follows the payload a path names, from the message a
// receive call returns, forward to the decoders that decode it.
func (t *tracer) receivedPayloads(s site, p protocols.Path, msg ssa.Value) []Payload {
	var vals []ssa.Value
	switch p.Root {
	case protocols.RootMessage:
		vals = nonNil(msg)
	default:
		vals = t.eval(s, protocols.Path{Root: p.Root, Index: p.Index}, nil)
	}
	for _, f := range p.Fields {
		var next []ssa.Value
		sn := newSeen()
		for _, v := range vals {
			next = append(next, t.readsOfField(v, f, sn)...)
		}
		vals = next
	}
	var out []Payload
	sn := newSeen()
	for _, v := range vals {
		out = append(out, t.decodedInto(v, sn, 0)...)
	}
	return dedupPayloads(out)
}

// readsOfField returns the values that read the named field of the struct
// value v, following v through local variables, helper calls and
// closures of the package.
func (t *tracer) readsOfField(v ssa.Value, name string, sn seen) []ssa.Value {
	if !sn.visit(v) {
		return nil
	}
	var out []ssa.Value
	for _, r := range referrers(v) {
		switch r := r.(type) {
		case *ssa.Field:
			if r.X == v && fieldName(v.Type(), r.Field) == name {
				out = append(out, r)
			}
		case *ssa.FieldAddr:
			if r.X == v && fieldName(v.Type(), r.Field) == name {
				out = append(out, loads(r)...)
			}
		case *ssa.Store:
			if r.Val == v {
				// Stored into a variable: reads of that variable.
				for _, ar := range referrers(r.Addr) {
					switch ar := ar.(type) {
					case *ssa.FieldAddr:
						if fieldName(ar.X.Type(), ar.Field) == name {
							out = append(out, loads(ar)...)
						}
					case *ssa.UnOp:
						if ar.Op == token.MUL {
							out = append(out, t.readsOfField(ar, name, sn)...)
						}
					}
				}
			}
		case *ssa.Phi:
			out = append(out, t.readsOfField(r, name, sn)...)
		case *ssa.UnOp:
			if r.Op == token.MUL && r.X == v {
				out = append(out, t.readsOfField(r, name, sn)...)
			}
		case ssa.CallInstruction:
			for _, p := range t.paramsReceiving(r, v) {
				out = append(out, t.readsOfField(p, name, sn)...)
			}
		case *ssa.MakeClosure:
			for _, fv := range boundFreeVars(r, v) {
				out = append(out, t.readsOfField(fv, name, sn)...)
			}
		}
	}
	return out
}

// decodedInto follows payload bytes forward to the decoders they are
// given to and returns the Go types decoded into.
func (t *tracer) decodedInto(v ssa.Value, sn seen, depth int) []Payload {
	if depth > maxDepth || !sn.visit(v) {
		return nil
	}
	depth++
	var out []Payload
	for _, r := range referrers(v) {
		switch r := r.(type) {
		case ssa.CallInstruction:
			out = append(out, t.decodedByCall(r, v, sn, depth)...)
		case *ssa.Convert:
			if got := t.decodedInto(r, sn, depth); len(got) > 0 {
				out = append(out, got...)
			} else {
				out = append(out, Payload{Raw: rawKind(r.Type())})
			}
		case *ssa.ChangeType, *ssa.MakeInterface, *ssa.Phi:
			out = append(out, t.decodedInto(r.(ssa.Value), sn, depth)...)
		case *ssa.Store:
			if r.Val == v {
				for _, l := range loads(r.Addr) {
					out = append(out, t.decodedInto(l, sn, depth)...)
				}
			}
		case *ssa.MakeClosure:
			for _, fv := range boundFreeVars(r, v) {
				out = append(out, t.decodedInto(fv, sn, depth)...)
			}
		}
	}
	return out
}

func (t *tracer) decodedByCall(instr ssa.CallInstruction, v ssa.Value, sn seen, depth int) []Payload {
	common := instr.Common()
	name := calleeName(common)
	s := site{instr: instr, common: common, fn: instr.Parent()}
	if c, ok := codecs.Decoders[name]; ok && !c.Data.IsZero() && sameValue(t.eval(s, c.Data, nil), v) {
		return t.decodedValues(t.eval(s, c.Value, nil), c)
	}
	if p, ok := codecs.Readers[name]; ok && sameValue(t.eval(s, p, nil), v) {
		if call, ok := instr.(*ssa.Call); ok {
			return t.streamDecoded(call)
		}
	}
	var out []Payload
	for _, p := range t.paramsReceiving(instr, v) {
		out = append(out, t.decodedInto(p, sn, depth)...)
	}
	return out
}

// streamDecoded finds the values decoded from a stream by decoders bound
// to it.
func (t *tracer) streamDecoded(stream ssa.Value) []Payload {
	var out []Payload
	for _, use := range uses(stream) {
		call, ok := use.(*ssa.Call)
		if !ok {
			continue
		}
		sc, ok := codecs.StreamDecoders[calleeName(&call.Call)]
		if !ok {
			continue
		}
		if !sameValue(t.eval(newSite(call, call.Parent()), sc.Stream, nil), stream) {
			continue
		}
		for _, decUse := range uses(call) {
			dc, ok := decUse.(*ssa.Call)
			if !ok {
				continue
			}
			c, ok := codecs.Decoders[calleeName(&dc.Call)]
			if !ok || !c.Data.IsZero() {
				continue
			}
			ds := newSite(dc, dc.Parent())
			if !sameValue(nonNil(ds.recv()), call) {
				continue
			}
			out = append(out, t.decodedValues(t.eval(ds, c.Value, nil), c)...)
		}
	}
	return out
}

// decodedValues returns the payloads of the pointers a decoder decodes
// into.
func (t *tracer) decodedValues(vals []ssa.Value, c protocols.Codec) []Payload {
	var out []Payload
	for _, v := range vals {
		for _, typ := range t.concreteTypes(v, nil, newSeen(), 0) {
			out = append(out, Payload{Type: typ, ContentType: c.ContentType, Encoding: c.Encoding})
		}
	}
	if len(out) == 0 && len(vals) > 0 {
		out = append(out, Payload{Type: types.NewInterfaceType(nil, nil), ContentType: c.ContentType, Encoding: c.Encoding})
	}
	return out
}

// paramsReceiving returns the parameters of the package's functions that
// receive v at a call.
func (t *tracer) paramsReceiving(instr ssa.CallInstruction, v ssa.Value) []ssa.Value {
	common := instr.Common()
	fn := common.StaticCallee()
	if fn == nil || len(fn.Blocks) == 0 || common.IsInvoke() {
		return nil
	}
	var out []ssa.Value
	for i, a := range common.Args {
		if a == v && i < len(fn.Params) {
			out = append(out, fn.Params[i])
		}
	}
	return out
}

// boundFreeVars returns the free variables of a closure that v is bound to.
func boundFreeVars(mc *ssa.MakeClosure, v ssa.Value) []ssa.Value {
	fn := mc.Fn.(*ssa.Function)
	var out []ssa.Value
	for i, b := range mc.Bindings {
		if b == v && i < len(fn.FreeVars) {
			out = append(out, fn.FreeVars[i])
		}
	}
	return out
}

// paramArg returns the argument a call passes for parameter p.
func paramArg(call *ssa.CallCommon, p *ssa.Parameter) ssa.Value {
	for i, q := range p.Parent().Params {
		if q == p && i < len(call.Args) {
			return call.Args[i]
		}
	}
	return nil
}

// loads returns the loads of a location.
func loads(addr ssa.Value) []ssa.Value {
	var out []ssa.Value
	for _, r := range referrers(addr) {
		if u, ok := r.(*ssa.UnOp); ok && u.Op == token.MUL && u.X == addr {
			out = append(out, u)
		}
	}
	return out
}

// uses returns the instructions using v, directly or after conversion to
// an interface (json.NewEncoder(&buf) converts buf to io.Writer).
func uses(v ssa.Value) []ssa.Instruction {
	var out []ssa.Instruction
	for _, r := range referrers(v) {
		out = append(out, r)
		switch r := r.(type) {
		case *ssa.MakeInterface, *ssa.ChangeType, *ssa.ChangeInterface:
			out = append(out, uses(r.(ssa.Value))...)
		}
	}
	return out
}

// sameValue reports whether one of vals is v, or converts v to an
// interface.
func sameValue(vals []ssa.Value, v ssa.Value) bool {
	for _, x := range vals {
		for x != nil {
			if x == v {
				return true
			}
			switch y := x.(type) {
			case *ssa.MakeInterface:
				x = y.X
			case *ssa.ChangeType:
				x = y.X
			case *ssa.ChangeInterface:
				x = y.X
			default:
				x = nil
			}
		}
	}
	return false
}

func rawKind(t types.Type) string {
	if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
		return "string"
	}
	return "[]byte"
}

func resultType(call *ssa.Call, i int) types.Type {
	if tuple, ok := call.Type().(*types.Tuple); ok {
		return tuple.At(i).Type()
	}
	return call.Type()
}

func derefType(t types.Type) types.Type {
	for {
		p, ok := t.(*types.Pointer)
		if !ok {
			return t
		}
		t = p.Elem()
	}
}

func dedupPayloads(ps []Payload) []Payload {
	seen := make(map[string]bool)
	out := ps[:0]
	for _, p := range ps {
		if k := p.key(); !seen[k] {
			seen[k] = true
			out = append(out, p)
		}
	}
	// A typed payload makes a raw description of the same bytes
	// redundant.
	typed := false
	for _, p := range out {
		if p.Type != nil {
			typed = true
		}
	}
	if typed {
		kept := out[:0]
		for _, p := range out {
			if p.Type != nil {
				kept = append(kept, p)
			}
		}
		out = kept
	}
	return out
}
