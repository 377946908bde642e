package analyzer

import (
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/asyncapi-extract/asyncapi-extract/protocols"
)

var codecs = protocols.Codecs

// sentPayloads follows the payload bytes a path names at a send call back
// to the Go values encoded into them; or, when the call encodes a Go value
// itself (encodes is set), gives that value's type.
func (r *resolver) sentPayloads(s site, p protocols.Path, msg val, encodes *protocols.Codec) []Payload {
	if encodes != nil {
		return dedupPayloads(r.codecPayloads(r.eval(s, p, msg), *encodes))
	}
	if n := len(p.Fields); n > 0 && p.Fields[n-1] == elemEncoded {
		// The messages written to a stream: followed forward.
		return dedupPayloads(r.forward(r.evalRoot(s, p, msg), p.Fields, 0))
	}
	var out []Payload
	vs := make(visited)
	for _, v := range r.eval(s, p, msg) {
		out = append(out, r.encodedFrom(v, vs, 0)...)
	}
	return dedupPayloads(out)
}

// encodedFrom follows bytes back to what made them.
func (r *resolver) encodedFrom(x val, vs visited, depth int) []Payload {
	if depth > maxDepth || !r.step() || !vs.visit(x) {
		return nil
	}
	depth++
	in := func(v ssa.Value) val { return val{v, x.fr} }
	union := func(xs []val) []Payload {
		var out []Payload
		for _, y := range xs {
			out = append(out, r.encodedFrom(y, vs, depth)...)
		}
		return out
	}
	switch v := x.v.(type) {
	case *paramRef:
		if rawKind(v.Type()) == "string" {
			return []Payload{{Raw: "string"}} // text the caller passes
		}
		return []Payload{{Param: &ParamPayload{Index: v.index, Fields: v.fields, Bytes: true}}}
	case *ssa.Const:
		if v.Value == nil {
			return nil // not set
		}
		return []Payload{{Raw: rawKind(v.Type())}}
	case *ssa.Call:
		return r.encodedByCall(v, 0, x.fr, vs, depth)
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok {
			return r.encodedByCall(call, v.Index, x.fr, vs, depth)
		}
	case *ssa.Convert:
		if out := r.encodedFrom(in(v.X), vs, depth); len(out) > 0 {
			return out
		}
		return []Payload{{Raw: rawKind(v.X.Type())}}
	case *ssa.ChangeType:
		return r.encodedFrom(in(v.X), vs, depth)
	case *ssa.MakeInterface:
		if out := r.byteMethod(v, x.fr, vs, depth); out != nil {
			return out
		}
		return r.encodedFrom(in(v.X), vs, depth)
	case *ssa.MakeMap:
		// A map literal of named fields (a Redis stream entry).
		if fields := r.mapHeaders([]val{x}); len(fields) > 0 {
			return []Payload{{Fields: fields}}
		}
	case *ssa.Phi:
		return union(vals(x.fr, v.Edges...))
	case *ssa.Alloc, *ssa.IndexAddr, *ssa.FieldAddr:
		if isBuffer(v.Type()) {
			// A buffer given as a body: what was written to it.
			if out := r.writtenTo([]val{x}); len(out) > 0 {
				return out
			}
		}
		return union(r.loaded(x, make(visited)))
	case *ssa.UnOp:
		if v.Op == token.MUL {
			if out := union(r.loaded(in(v.X), make(visited))); len(out) > 0 {
				return out
			}
		}
	case *ssa.Field:
		if out := union(r.field(in(v.X), fieldName(v.X.Type(), v.Field), make(visited))); len(out) > 0 {
			return out
		}
	case *ssa.Parameter:
		if out := union(r.param(v, x.fr)); len(out) > 0 {
			return out
		}
	case *ssa.FreeVar:
		if out := union(r.freeVar(v, x.fr)); len(out) > 0 {
			return out
		}
	}
	return []Payload{{Raw: rawKind(x.v.Type())}}
}

// byteMethod follows a value converted to an interface whose method
// makes the bytes (sarama.Encoder), or given to a call that makes the
// bytes with a method the value has (Call.ByteMethod), into that method
// of the value's type, when it is declared in this package.
func (r *resolver) byteMethod(mi *ssa.MakeInterface, fr *frame, vs visited, depth int) []Payload {
	method, ok := index.ByteMethods[types.TypeString(mi.Type(), nil)]
	if !ok {
		method = r.sendByteMethod
	}
	if method == "" {
		return nil
	}
	var pkg *types.Package
	if n, ok := derefType(mi.X.Type()).(*types.Named); ok {
		pkg = n.Obj().Pkg()
	}
	obj, _, _ := types.LookupFieldOrMethod(mi.X.Type(), true, pkg, method)
	m, ok := obj.(*types.Func)
	if !ok || m.Pkg() != r.pass.Pkg || !makesBytes(m.Signature()) {
		return nil
	}
	fn := r.prog.Pkg.Prog.FuncValue(m)
	if fn == nil || len(fn.Blocks) == 0 {
		return nil
	}
	inner := fr.push(&ssa.CallCommon{Value: fn, Args: []ssa.Value{mi.X}}, fn)
	if inner == nil {
		return nil
	}
	var out []Payload
	for _, b := range fn.Blocks {
		if ret, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && len(ret.Results) > 0 {
			out = append(out, r.encodedFrom(val{ret.Results[0], inner}, vs, depth)...)
		}
	}
	return out
}

// makesBytes reports whether sig is func() ([]byte, error).
func makesBytes(sig *types.Signature) bool {
	if sig.Params().Len() != 0 || sig.Results().Len() != 2 {
		return false
	}
	b, ok := sig.Results().At(0).Type().Underlying().(*types.Slice)
	return ok && types.Identical(b.Elem(), types.Typ[types.Byte]) &&
		types.Identical(sig.Results().At(1).Type(), types.Universe.Lookup("error").Type())
}

// encodedByCall handles payload bytes that are the i-th result of a call:
// an encoder, the contents of a buffer encoders wrote to, or a helper
// function of the package.
func (r *resolver) encodedByCall(call *ssa.Call, i int, fr *frame, vs visited, depth int) []Payload {
	if b, ok := call.Call.Value.(*ssa.Builtin); ok && b.Name() == "append" && len(call.Call.Args) > 0 {
		// append(b, '\n'): a delimiter after the encoded message.
		return r.encodedFrom(val{call.Call.Args[0], fr}, vs, depth)
	}
	name := calleeName(&call.Call)
	s := newSiteIn(call, fr)
	if c, ok := codecs.Encoders[name]; ok && c.Data.Root == protocols.RootResult && c.Data.Index == i {
		return r.codecPayloads(r.eval(s, c.Value, val{}), c)
	}
	if p, ok := codecs.Buffers[name]; ok {
		var out []Payload
		for _, stream := range r.eval(s, p, val{}) {
			out = append(out, r.streamEncoded(stream)...)
		}
		if len(out) > 0 {
			return out
		}
		return []Payload{{Raw: rawKind(call.Type())}}
	}
	if p, ok := codecs.Readers[name]; ok && i == 0 {
		// A reader of bytes given as a body: bytes.NewReader(b).
		var out []Payload
		for _, b := range r.eval(s, p, val{}) {
			out = append(out, r.encodedFrom(b, vs, depth)...)
		}
		return out
	}
	if rets := r.returned(call, i, fr); len(rets) > 0 {
		var out []Payload
		for _, ret := range rets {
			out = append(out, r.encodedFrom(ret, vs, depth)...)
		}
		return out
	}
	return []Payload{{Raw: rawKind(resultType(call, i))}}
}

// streamEncoded finds the values encoded into a stream (a *bytes.Buffer)
// by encoders bound to it.
func (r *resolver) streamEncoded(stream val) []Payload {
	var out []Payload
	for _, use := range uses(stream.v) {
		call, ok := use.(*ssa.Call)
		if !ok {
			continue
		}
		sc, ok := codecs.StreamEncoders[calleeName(&call.Call)]
		if !ok {
			continue
		}
		s := newSiteIn(call, stream.fr)
		if !sameValue(r.eval(s, sc.Stream, val{}), stream.v) {
			continue
		}
		// Every Encode call on the encoder the constructor returned.
		out = append(out, r.streamCodecPayloads(call, stream.fr, codecs.Encoders)...)
	}
	return out
}

// codecPayloads returns the payloads of the Go values given to an
// encoder, or of the pointers a decoder decodes into.
func (r *resolver) codecPayloads(vs []val, c protocols.Codec) []Payload {
	var out []Payload
	for _, v := range vs {
		for _, ct := range r.concreteTypes(v, make(visited), 0) {
			out = append(out, ct.payload(c))
		}
	}
	if len(out) == 0 && len(vs) > 0 {
		// Encoded, but of a type only known at run time.
		out = append(out, Payload{Type: anyType, ContentType: c.ContentType, Encoding: c.Encoding})
	}
	return out
}

var anyType = types.NewInterfaceType(nil, nil).Complete()

// valueType is the type of a value given to an encoder: a Go type, or the
// owner's parameter it comes from.
type valueType struct {
	typ   types.Type
	param *paramRef
}

func (vt valueType) payload(c protocols.Codec) Payload {
	p := Payload{Type: vt.typ, ContentType: c.ContentType, Encoding: c.Encoding}
	if vt.param != nil {
		p.Type = nil
		p.Param = &ParamPayload{Index: vt.param.index, Fields: vt.param.fields}
	}
	return p
}

// concreteTypes returns the static types of the values that x, an
// encoder's argument (usually an interface), holds. Pointers are
// stripped: encoding/json writes what they point to.
func (r *resolver) concreteTypes(x val, vs visited, depth int) []valueType {
	if depth > maxDepth || !r.step() || !vs.visit(x) {
		return nil
	}
	depth++
	in := func(v ssa.Value) val { return val{v, x.fr} }
	union := func(xs []val) []valueType {
		var out []valueType
		for _, y := range xs {
			out = append(out, r.concreteTypes(y, vs, depth)...)
		}
		return out
	}
	if _, ok := types.Unalias(derefType(x.v.Type())).(*types.TypeParam); ok {
		// A value of a type parameter: each instantiation says what.
		return []valueType{{typ: derefType(x.v.Type())}}
	}
	switch v := x.v.(type) {
	case *paramRef:
		if types.IsInterface(v.Type()) || len(v.fields) > 0 {
			return []valueType{{param: v}}
		}
		return []valueType{{typ: derefType(v.Type())}}
	case *ssa.MakeInterface:
		return []valueType{{typ: derefType(v.X.Type())}}
	case *ssa.ChangeType:
		return r.concreteTypes(in(v.X), vs, depth)
	case *ssa.ChangeInterface:
		return r.concreteTypes(in(v.X), vs, depth)
	case *ssa.TypeAssert:
		if !types.IsInterface(v.AssertedType) {
			return []valueType{{typ: derefType(v.AssertedType)}}
		}
		return r.concreteTypes(in(v.X), vs, depth)
	case *ssa.Phi:
		return union(vals(x.fr, v.Edges...))
	case *ssa.Parameter:
		out := union(r.param(v, x.fr))
		if len(out) > 0 || types.IsInterface(v.Type()) {
			return out
		}
	case *ssa.FreeVar:
		out := union(r.freeVar(v, x.fr))
		if len(out) > 0 || types.IsInterface(v.Type()) {
			return out
		}
	case *ssa.UnOp:
		if v.Op == token.MUL && types.IsInterface(v.Type()) {
			return union(r.loaded(in(v.X), make(visited)))
		}
	case *ssa.Call:
		if types.IsInterface(v.Type()) {
			// A helper of the package returning an interface (a
			// middleware returning an http.Handler): what it returns.
			return union(r.returned(v, 0, x.fr))
		}
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok && types.IsInterface(v.Type()) {
			return union(r.returned(call, v.Index, x.fr))
		}
	}
	if types.IsInterface(x.v.Type()) {
		return nil
	}
	return []valueType{{typ: derefType(x.v.Type())}}
}

// receivedPayloads follows the payload a path names, from the message a
// receive call returns, forward to the decoders that decode it.
func (r *resolver) receivedPayloads(s site, p protocols.Path, msg val) []Payload {
	return dedupPayloads(r.forward(r.evalRoot(s, p, msg), p.Fields, 0))
}

// readsOfFields follows received values forward through a path of
// fields: the values that read the last one.
func (r *resolver) readsOfFields(vs []val, fields []string) []val {
	for _, f := range fields {
		var next []val
		seen := make(visited)
		for _, v := range vs {
			next = append(next, r.readsOfField(v, f, seen)...)
		}
		vs = next
	}
	return vs
}

// readsOfField returns the values that read the named field of the struct
// value x, following it through local variables, helper calls and
// closures of the package.
func (r *resolver) readsOfField(x val, name string, vs visited) []val {
	if !r.step() || !vs.visit(x) {
		return nil
	}
	var out []val
	kind := elementKind(name)
	if u, ok := x.v.(*ssa.UnOp); ok && u.Op == token.MUL && kind != elemField {
		// A value loaded from a variable a closure captures (ch in
		// go func() { for m := range ch {...} }()): its other loads,
		// in this function and in the closures.
		for _, l := range loads(u.X) {
			if l != u {
				out = append(out, r.readsOfField(val{l, x.fr}, name, vs)...)
			}
		}
		for _, ar := range referrers(u.X) {
			if mc, ok := ar.(*ssa.MakeClosure); ok {
				for _, fv := range boundFreeVars(mc, u.X) {
					for _, l := range loads(fv) {
						out = append(out, r.readsOfField(val{l, nil}, name, vs)...)
					}
				}
			}
		}
	}
	for _, ref := range referrers(x.v) {
		switch kind {
		case elemMethod:
			if call, ok := ref.(*ssa.Call); ok && isMethodCallOn(&call.Call, x.v, strings.TrimSuffix(name, "()")) {
				// m, err := c.ReadMessage(t): the first result.
				out = append(out, vals(x.fr, resultsOf(call, 0)...)...)
			}
		case elemChannel:
			if sel, ok := ref.(*ssa.Select); ok {
				// select { case m := <-ch: }: the received value is
				// extract #2+k of the select, k counting its receive
				// cases.
				k := 0
				for _, st := range sel.States {
					if st.Dir != types.RecvOnly {
						continue
					}
					if st.Chan == x.v {
						for _, ex := range referrers(sel) {
							if e, ok := ex.(*ssa.Extract); ok && e.Index == 2+k {
								out = append(out, val{e, x.fr})
							}
						}
					}
					k++
				}
			}
			if u, ok := ref.(*ssa.UnOp); ok && u.Op == token.ARROW && u.X == x.v {
				out = append(out, vals(x.fr, commaOkValue(u, u.CommaOk)...)...)
			}
		case elemElements:
			switch e := ref.(type) {
			case *ssa.IndexAddr:
				if e.X == x.v {
					out = append(out, vals(x.fr, loads(e)...)...)
				}
			case *ssa.Index:
				if e.X == x.v {
					out = append(out, val{e, x.fr})
				}
			}
		case elemMapKey:
			// m.Values["data"]: the lookups of that key.
			if lk, ok := ref.(*ssa.Lookup); ok && lk.X == x.v {
				if k, ok := constString(lk.Index); ok && k == mapKey(name) {
					out = append(out, vals(x.fr, commaOkValue(lk, lk.CommaOk)...)...)
				}
			}
		case elemOptionArg:
			// Forward, "pkg.F(i)" is the result of the calls of F that
			// take the value as argument i (receiver not counted):
			// upgrader.Upgrade(w, r, nil) from w.
			if call, ok := ref.(*ssa.Call); ok && passesAs(&call.Call, x.v, name) {
				out = append(out, vals(x.fr, resultsOf(call, 0)...)...)
			}
		}
		if ta, ok := ref.(*ssa.TypeAssert); ok && ta.X == x.v {
			// e, ok := ev.(*kafka.Message), case *kafka.Message: the
			// asserted value, read on.
			for _, e := range commaOkValue(ta, ta.CommaOk) {
				out = append(out, r.readsOfField(val{e, x.fr}, name, vs)...)
			}
			continue
		}
		// Through phis, helpers, closures and variables: the other
		// elements of a path through variables as fields are.
		switch ref := ref.(type) {
		case *ssa.Phi:
			out = append(out, r.readsOfField(val{ref, x.fr}, name, vs)...)
		case ssa.CallInstruction:
			for _, p := range paramsReceiving(ref, x.v) {
				out = append(out, r.readsOfField(val{p, nil}, name, vs)...)
			}
		case *ssa.MakeClosure:
			for _, fv := range boundFreeVars(ref, x.v) {
				out = append(out, r.readsOfField(val{fv, nil}, name, vs)...)
			}
		case *ssa.Store:
			if ref.Val != x.v {
				break
			}
			if kind != elemField {
				for _, l := range loads(ref.Addr) {
					out = append(out, r.readsOfField(val{l, x.fr}, name, vs)...)
				}
				break
			}
			// Stored into a variable: reads of that variable.
			for _, ar := range referrers(ref.Addr) {
				switch ar := ar.(type) {
				case *ssa.FieldAddr:
					if fieldName(ar.X.Type(), ar.Field) == name {
						out = append(out, fieldAddrReads(ar, x.fr)...)
					}
				case *ssa.UnOp:
					if ar.Op == token.MUL {
						out = append(out, r.readsOfField(val{ar, x.fr}, name, vs)...)
					}
				}
			}
		case *ssa.Field:
			if kind == elemField && ref.X == x.v && fieldName(x.v.Type(), ref.Field) == name {
				out = append(out, val{ref, x.fr})
			}
		case *ssa.FieldAddr:
			if kind == elemField && ref.X == x.v && fieldName(x.v.Type(), ref.Field) == name {
				out = append(out, fieldAddrReads(ref, x.fr)...)
			}
		case *ssa.UnOp:
			if kind == elemField && ref.Op == token.MUL && ref.X == x.v {
				out = append(out, r.readsOfField(val{ref, x.fr}, name, vs)...)
			}
		}
	}
	return out
}

// fieldAddrReads returns the reads of a field through its address: its
// loads, and, for a nested struct read in place (p.FetchPartition.Records),
// the address itself.
func fieldAddrReads(fa *ssa.FieldAddr, fr *frame) []val {
	out := vals(fr, loads(fa)...)
	if isPointerTo(fa.Type(), isStruct) {
		out = append(out, val{fa, fr})
	}
	return out
}

// commaOkValue returns the values that stand for what v, a receive, map
// lookup or type assertion, gives: v itself, or, in its comma-ok form
// (m, ok := <-ch), the Extract of its first result.
func commaOkValue(v ssa.Value, commaOk bool) []ssa.Value {
	if !commaOk {
		return []ssa.Value{v}
	}
	var out []ssa.Value
	for _, ref := range referrers(v) {
		if e, ok := ref.(*ssa.Extract); ok && e.Index == 0 {
			out = append(out, e)
		}
	}
	return out
}

// passesAs reports whether c calls the function an "F(i)" element names
// with v as its argument i, receiver not counted.
func passesAs(c *ssa.CallCommon, v ssa.Value, name string) bool {
	open := strings.LastIndexByte(name, '(')
	i, err := strconv.Atoi(name[open+1 : len(name)-1])
	if err != nil || calleeName(c) != name[:open] {
		return false
	}
	s := site{common: c}
	return s.arg(i) == v
}

// isMethodCallOn reports whether c calls method name on recv.
func isMethodCallOn(c *ssa.CallCommon, recv ssa.Value, name string) bool {
	if c.IsInvoke() {
		return c.Value == recv && c.Method.Name() == name
	}
	if fn := c.StaticCallee(); fn != nil && fn.Signature.Recv() != nil && len(c.Args) > 0 {
		return c.Args[0] == recv && fn.Name() == name
	}
	return false
}

// decodedInto follows payload bytes forward to the decoders they are
// given to and returns the Go types decoded into.
func (r *resolver) decodedInto(x val, vs visited, depth int) []Payload {
	if depth > maxDepth || !r.step() || !vs.visit(x) {
		return nil
	}
	depth++
	var out []Payload
	for _, ref := range referrers(x.v) {
		switch ref := ref.(type) {
		case ssa.CallInstruction:
			out = append(out, r.decodedByCall(ref, x, vs, depth)...)
		case *ssa.Convert:
			if got := r.decodedInto(val{ref, x.fr}, vs, depth); len(got) > 0 {
				out = append(out, got...)
			} else {
				out = append(out, Payload{Raw: rawKind(ref.Type())})
			}
		case *ssa.ChangeType, *ssa.MakeInterface, *ssa.Phi, *ssa.Slice:
			out = append(out, r.decodedInto(val{ref.(ssa.Value), x.fr}, vs, depth)...)
		case *ssa.TypeAssert:
			for _, e := range commaOkValue(ref, ref.CommaOk) {
				out = append(out, r.decodedInto(val{e, x.fr}, vs, depth)...)
			}
		case *ssa.Store:
			if ref.Val == x.v {
				for _, l := range loads(ref.Addr) {
					out = append(out, r.decodedInto(val{l, x.fr}, vs, depth)...)
				}
			}
		case *ssa.MakeClosure:
			for _, fv := range boundFreeVars(ref, x.v) {
				out = append(out, r.decodedInto(val{fv, nil}, vs, depth)...)
			}
		}
	}
	return out
}

func (r *resolver) decodedByCall(instr ssa.CallInstruction, x val, vs visited, depth int) []Payload {
	s := newSiteIn(instr, x.fr)
	name := calleeName(s.common)
	if c, ok := codecs.Decoders[name]; ok && !c.Data.IsZero() && sameValue(r.eval(s, c.Data, val{}), x.v) {
		return r.onlyFor(instr, r.codecPayloads(r.eval(s, c.Value, val{}), c))
	}
	if p, ok := codecs.Readers[name]; ok && sameValue(r.eval(s, p, val{}), x.v) {
		if call, ok := instr.(*ssa.Call); ok {
			return r.streamDecoded(val{call, x.fr})
		}
	}
	var out []Payload
	for _, p := range paramsReceiving(instr, x.v) {
		out = append(out, r.decodedInto(val{p, nil}, vs, depth)...)
	}
	return out
}

// streamDecoded finds the values decoded from a stream by decoders bound
// to it.
func (r *resolver) streamDecoded(stream val) []Payload {
	var out []Payload
	for _, use := range uses(stream.v) {
		call, ok := use.(*ssa.Call)
		if !ok {
			continue
		}
		sc, ok := codecs.StreamDecoders[calleeName(&call.Call)]
		if !ok {
			continue
		}
		if !sameValue(r.eval(newSiteIn(call, stream.fr), sc.Stream, val{}), stream.v) {
			continue
		}
		for _, cc := range boundCodecCalls(call, stream.fr, codecs.Decoders) {
			out = append(out, r.onlyFor(cc.s.instr, r.codecPayloads(r.eval(cc.s, cc.c.Value, val{}), cc.c))...)
		}
	}
	return out
}

// readsOfPath returns the values that read a path of the received
// message (its topic).
func (r *resolver) readsOfPath(s site, p protocols.Path, msg val) map[ssa.Value]bool {
	vs := []val{msg}
	if p.Root != protocols.RootMessage {
		vs = r.evalRoot(s, p, val{})
	}
	out := make(map[ssa.Value]bool)
	for _, v := range r.readsOfFields(vs, p.Fields) {
		out[v.v] = true
	}
	return out
}

// onlyFor marks payloads decoded where the message's topic was checked
// against a constant (if m.Topic == "orders", case "orders":) as
// received on that topic only.
func (r *resolver) onlyFor(instr ssa.Instruction, ps []Payload) []Payload {
	topic := r.topicGuard(instr)
	if topic == "" {
		return ps
	}
	for i := range ps {
		ps[i].only = topic
	}
	return ps
}

// topicGuard returns the constant the received topic equals wherever
// instr runs, if a dominating comparison says so.
func (r *resolver) topicGuard(instr ssa.Instruction) string {
	if len(r.topicReads) == 0 || instr.Block() == nil {
		return ""
	}
	b := instr.Block()
	for d := b.Idom(); d != nil; d = d.Idom() {
		ifInstr, ok := d.Instrs[len(d.Instrs)-1].(*ssa.If)
		if !ok {
			continue
		}
		cmp, ok := ifInstr.Cond.(*ssa.BinOp)
		if !ok || (cmp.Op != token.EQL && cmp.Op != token.NEQ) {
			continue
		}
		var k *ssa.Const
		switch {
		case r.topicReads[cmp.X]:
			k, _ = cmp.Y.(*ssa.Const)
		case r.topicReads[cmp.Y]:
			k, _ = cmp.X.(*ssa.Const)
		}
		if k == nil || k.Value == nil {
			continue
		}
		// The branch taken when the topic equals the constant.
		eq := d.Succs[0]
		if cmp.Op == token.NEQ {
			eq = d.Succs[1]
		}
		if eq.Dominates(b) {
			if s, ok := constString(k); ok {
				return s
			}
		}
	}
	return ""
}

// paramsReceiving returns the parameters of the package's functions that
// receive v at a call.
func paramsReceiving(instr ssa.CallInstruction, v ssa.Value) []ssa.Value {
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

// sameValue reports whether one of vs is v, or converts v to an
// interface.
func sameValue(vs []val, v ssa.Value) bool {
	for _, x := range vs {
		y := x.v
		for y != nil {
			if y == v {
				return true
			}
			switch z := y.(type) {
			case *ssa.MakeInterface:
				y = z.X
			case *ssa.ChangeType:
				y = z.X
			case *ssa.ChangeInterface:
				y = z.X
			default:
				y = nil
			}
		}
	}
	return false
}

// isBuffer reports whether t is a pointer to a bytes.Buffer or a
// strings.Builder.
func isBuffer(t types.Type) bool {
	p, ok := t.(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := p.Elem().(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	full := n.Obj().Pkg().Path() + "." + n.Obj().Name()
	return full == "bytes.Buffer" || full == "strings.Builder"
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
		if p.Type != nil || p.Param != nil || len(p.Fields) > 0 {
			typed = true
		}
	}
	if typed {
		kept := out[:0]
		for _, p := range out {
			if p.Type != nil || p.Param != nil || len(p.Fields) > 0 {
				kept = append(kept, p)
			}
		}
		out = kept
	}
	return out
}
