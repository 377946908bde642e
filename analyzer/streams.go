package analyzer

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/asyncapi-extract/asyncapi-extract/protocols"
)

// Streams. A connection (TCP, UDP, WebSocket) or an HTTP body carries
// messages written to it and read from it by calls anywhere the stream
// is passed: a payload path ending in "encoded" is every message written
// to the stream, "decoded" every message read from it.

const (
	elemEncoded = "encoded"
	elemDecoded = "decoded"
)

// streamUses returns the calls that use a stream value: directly, after
// conversion to an interface (io.Writer), through local variables, and
// in the package's functions and closures it is passed to.
func (r *resolver) streamUses(x val, vs visited, out *[]site) {
	if !r.step() || !vs.visit(x) {
		return
	}
	for _, ref := range referrers(x.v) {
		switch ref := ref.(type) {
		case ssa.CallInstruction:
			// go/defer calls too: they have no value, but their
			// arguments are the stream's uses all the same.
			*out = append(*out, newSiteIn(ref, x.fr))
			for _, p := range paramsReceiving(ref, x.v) {
				r.streamUses(val{p, nil}, vs, out)
			}
			// A stream made from this one (bufio.NewWriter(conn),
			// conn.NextWriter(t)): its uses are this stream's.
			if call, ok := ref.(*ssa.Call); ok {
				if d, ok := index.DerivedStreams[calleeName(&call.Call)]; ok {
					s := newSiteIn(call, x.fr)
					if sameValue(r.eval(s, d.From, val{}), x.v) {
						for _, v := range resultsOf(call, d.To.Index) {
							r.streamUses(val{v, x.fr}, vs, out)
						}
					}
				}
			}
			for _, p := range r.dynamicParams(ref.Common(), x) {
				r.streamUses(p, vs, out)
			}
		case *ssa.MakeInterface, *ssa.ChangeType, *ssa.ChangeInterface, *ssa.Phi:
			r.streamUses(val{ref.(ssa.Value), x.fr}, vs, out)
		case *ssa.Store:
			if ref.Val == x.v {
				for _, l := range loads(ref.Addr) {
					r.streamUses(val{l, x.fr}, vs, out)
				}
				// A field of a struct of the package: wherever the
				// field is read (c.conn.WriteJSON(v) in a method).
				if fa, ok := ref.Addr.(*ssa.FieldAddr); ok {
					for _, l := range r.fieldReads[structField(fa.X.Type(), fa.Field)] {
						r.streamUses(val{l, nil}, vs, out)
					}
				}
				// A variable a closure captures: the loads inside it.
				for _, ar := range referrers(ref.Addr) {
					if mc, ok := ar.(*ssa.MakeClosure); ok {
						for _, fv := range boundFreeVars(mc, ref.Addr) {
							for _, l := range loads(fv) {
								r.streamUses(val{l, nil}, vs, out)
							}
						}
					}
				}
			}
		case *ssa.MakeClosure:
			for _, fv := range boundFreeVars(ref, x.v) {
				r.streamUses(val{fv, nil}, vs, out)
				// A captured variable: the closure loads it.
				for _, l := range loads(fv) {
					r.streamUses(val{l, nil}, vs, out)
				}
			}
		}
	}
}

// dynamicParams returns the parameters of the functions of this package
// that a call of a function value or an interface method passes x to:
// next.ServeHTTP(w, r) in a middleware, handle(conn) with a callback.
func (r *resolver) dynamicParams(c *ssa.CallCommon, x val) []val {
	if c.StaticCallee() != nil {
		return nil
	}
	var out []val
	for j, a := range c.Args {
		if a != x.v {
			continue
		}
		if !c.IsInvoke() {
			for _, t := range r.funcTargets(val{c.Value, x.fr}, make(visited)) {
				if fn, ok := t.v.(*ssa.Function); ok && j < len(fn.Params) && len(fn.Blocks) > 0 {
					out = append(out, val{fn.Params[j], nil})
				}
			}
			continue
		}
		recv := val{c.Value, x.fr}
		var concrete []types.Type
		for _, vt := range r.concreteTypes(recv, make(visited), 0) {
			if vt.typ == nil {
				continue
			}
			if _, isFunc := vt.typ.Underlying().(*types.Signature); isFunc {
				for _, t := range r.funcTargets(recv, make(visited)) {
					if fn, ok := t.v.(*ssa.Function); ok && j < len(fn.Params) && len(fn.Blocks) > 0 {
						out = append(out, val{fn.Params[j], nil})
					}
				}
				continue
			}
			concrete = append(concrete, vt.typ)
		}
		for _, m := range r.methodsOf(concrete, c.Method.Name()) {
			if fn := r.prog.Pkg.Prog.FuncValue(m); fn != nil && len(fn.Blocks) > 0 && j+1 < len(fn.Params) {
				out = append(out, val{fn.Params[j+1], nil})
			}
		}
	}
	return out
}

// writtenTo returns the messages written to the streams vs.
func (r *resolver) writtenTo(vs []val) []Payload {
	var out []Payload
	for _, stream := range vs {
		var calls []site
		derived := make(visited)
		r.streamUses(stream, derived, &calls)
		for _, s := range calls {
			name := calleeName(s.common)
			if sc, ok := codecs.StreamEncoders[name]; ok && r.isStream(s, sc.Stream, derived) {
				if call, ok := s.instr.(*ssa.Call); ok {
					out = append(out, r.streamCodecPayloads(call, s.fr, codecs.Encoders)...)
				}
				continue
			}
			c, ok := index.Writes[name]
			if !ok || !r.isStream(s, c.Stream, derived) {
				continue
			}
			if !c.Value.IsZero() {
				out = append(out, r.codecPayloads(r.eval(s, c.Value, val{}), c)...)
				continue
			}
			seen := make(visited)
			for _, d := range r.eval(s, c.Data, val{}) {
				ps := r.encodedFrom(d, seen, 0)
				for i := range ps {
					if ps[i].Type == nil && c.ContentType != "" {
						ps[i].ContentType = c.ContentType
					}
				}
				out = append(out, ps...)
			}
		}
	}
	return dedupPayloads(out)
}

// readFrom returns the messages read from the streams vs.
func (r *resolver) readFrom(vs []val) []Payload {
	var out []Payload
	for _, stream := range vs {
		var calls []site
		derived := make(visited)
		r.streamUses(stream, derived, &calls)
		for _, s := range calls {
			name := calleeName(s.common)
			if sc, ok := codecs.StreamDecoders[name]; ok && r.isStream(s, sc.Stream, derived) {
				if call, ok := s.instr.(*ssa.Call); ok {
					out = append(out, r.streamCodecPayloads(call, s.fr, codecs.Decoders)...)
				}
				continue
			}
			c, ok := index.Reads[name]
			if !ok || !r.isStream(s, c.Stream, derived) {
				continue
			}
			if !c.Value.IsZero() {
				out = append(out, r.codecPayloads(r.eval(s, c.Value, val{}), c)...)
				continue
			}
			seen := make(visited)
			for _, d := range r.evalRoot(s, c.Data, val{}) {
				out = append(out, r.decodedInto(d, seen, 0)...)
			}
		}
	}
	return dedupPayloads(out)
}

// isStream reports whether the stream argument of a call is the stream
// (one of the values derived from it): the call reads or writes that
// stream, not another value it was given.
func (r *resolver) isStream(s site, p protocols.Path, derived visited) bool {
	vs := r.eval(s, p, val{})
	for d := range derived {
		if sameValue(vs, d.v) {
			return true
		}
	}
	return false
}

// codecCall is a call of an encoder or decoder.
type codecCall struct {
	s site
	c protocols.Codec
}

// boundCodecCalls returns the calls of the codecs of table (Encoders or
// Decoders) on the encoder or decoder a stream codec constructor call
// returned: enc.Encode(v) after enc := json.NewEncoder(w).
func boundCodecCalls(ctor *ssa.Call, fr *frame, table map[string]protocols.Codec) []codecCall {
	var out []codecCall
	for _, use := range uses(ctor) {
		call, ok := use.(*ssa.Call)
		if !ok {
			continue
		}
		c, ok := table[calleeName(&call.Call)]
		if !ok || !c.Data.IsZero() {
			continue
		}
		s := newSiteIn(call, fr)
		if sameValue(vals(s.fr, s.recv()), ctor) {
			out = append(out, codecCall{s, c})
		}
	}
	return out
}

// streamCodecPayloads returns the values encoded (or decoded into) by the
// codecs of table called on what a stream codec constructor call
// returned (json.NewEncoder(conn), json.NewDecoder(r.Body)).
func (r *resolver) streamCodecPayloads(ctor *ssa.Call, fr *frame, table map[string]protocols.Codec) []Payload {
	var out []Payload
	for _, cc := range boundCodecCalls(ctor, fr, table) {
		out = append(out, r.codecPayloads(r.eval(cc.s, cc.c.Value, val{}), cc.c)...)
	}
	return out
}
