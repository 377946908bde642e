package analyzer

import (
	"go/token"
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
func (r *resolver) streamUses(x val, vs visited, out *[]val) {
	if !r.step() || !vs.visit(x) {
		return
	}
	for _, ref := range referrers(x.v) {
		switch ref := ref.(type) {
		case ssa.CallInstruction:
			if call, ok := ref.(*ssa.Call); ok {
				*out = append(*out, val{call, x.fr})
			} else {
				c := ref.Common()
				// go/defer: the call has no value, but its arguments are
				// the stream's uses all the same.
				*out = append(*out, val{&callValue{common: c, parent: ref.Parent(), pos: ref.Pos()}, x.fr})
			}
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

// callValue stands for a go or defer call, which has no value.
type callValue struct {
	common *ssa.CallCommon
	parent *ssa.Function
	pos    token.Pos
}

var _ ssa.Value = (*callValue)(nil)

func (c *callValue) Name() string                  { return "call" }
func (c *callValue) String() string                { return "go/defer call" }
func (c *callValue) Type() types.Type              { return types.NewTuple() }
func (c *callValue) Parent() *ssa.Function         { return c.parent }
func (c *callValue) Referrers() *[]ssa.Instruction { return nil }
func (c *callValue) Pos() token.Pos                { return c.pos }

func (c *callValue) site(fr *frame) site {
	return site{common: c.common, fn: c.parent, fr: fr}
}

// callOf returns the call a stream use is.
func callOf(x val) (site, bool) {
	switch c := x.v.(type) {
	case *ssa.Call:
		return newSiteIn(c, x.fr), true
	case *callValue:
		return c.site(x.fr), true
	}
	return site{}, false
}

// writtenTo returns the messages written to the streams vs.
func (r *resolver) writtenTo(vs []val) []Payload {
	var out []Payload
	for _, stream := range vs {
		var calls []val
		derived := make(visited)
		r.streamUses(stream, derived, &calls)
		for _, cv := range calls {
			s, ok := callOf(cv)
			if !ok {
				continue
			}
			name := calleeName(s.common)
			if sc, ok := codecs.StreamEncoders[name]; ok && r.isStream(s, sc.Stream, derived) {
				if call, ok := cv.v.(*ssa.Call); ok {
					out = append(out, r.encodedByStreamCtor(val{call, cv.fr})...)
				}
				continue
			}
			c, ok := index.Writes[name]
			if !ok || !r.isStream(s, c.Stream, derived) {
				continue
			}
			if !c.Value.IsZero() {
				out = append(out, r.encodedValues(r.eval(s, c.Value, val{}), c)...)
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
		var calls []val
		derived := make(visited)
		r.streamUses(stream, derived, &calls)
		for _, cv := range calls {
			s, ok := callOf(cv)
			if !ok {
				continue
			}
			name := calleeName(s.common)
			if sc, ok := codecs.StreamDecoders[name]; ok && r.isStream(s, sc.Stream, derived) {
				if call, ok := cv.v.(*ssa.Call); ok {
					out = append(out, r.decodedByStreamCtor(val{call, cv.fr})...)
				}
				continue
			}
			c, ok := index.Reads[name]
			if !ok || !r.isStream(s, c.Stream, derived) {
				continue
			}
			if !c.Value.IsZero() {
				out = append(out, r.decodedValues(r.eval(s, c.Value, val{}), c)...)
				continue
			}
			var data []val
			if c.Data.Root == protocols.RootResult {
				data = vals(cv.fr, resultsOfSite(cv, c.Data.Index)...)
			} else {
				data = r.eval(s, protocols.Path{Root: c.Data.Root, Index: c.Data.Index}, val{})
			}
			seen := make(visited)
			for _, d := range data {
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
	for _, v := range r.eval(s, p, val{}) {
		for x := v.v; x != nil; {
			for d := range derived {
				if d.v == x {
					return true
				}
			}
			switch y := x.(type) {
			case *ssa.MakeInterface:
				x = y.X
			case *ssa.ChangeInterface:
				x = y.X
			case *ssa.ChangeType:
				x = y.X
			default:
				x = nil
			}
		}
	}
	return false
}

// resultsOfSite returns the values of result i of a stream use.
func resultsOfSite(cv val, i int) []ssa.Value {
	if call, ok := cv.v.(*ssa.Call); ok {
		return resultsOf(call, i)
	}
	return nil
}

// encodedByStreamCtor returns the values encoded by the encoders a stream
// encoder constructor (json.NewEncoder(conn)) returned.
func (r *resolver) encodedByStreamCtor(ctor val) []Payload {
	call := ctor.v.(*ssa.Call)
	var out []Payload
	for _, encUse := range uses(call) {
		ec, ok := encUse.(*ssa.Call)
		if !ok {
			continue
		}
		c, ok := codecs.Encoders[calleeName(&ec.Call)]
		if !ok || !c.Data.IsZero() {
			continue
		}
		es := newSiteIn(ec, ctor.fr)
		if !sameValue(vals(es.fr, es.recv()), call) {
			continue
		}
		out = append(out, r.encodedValues(r.eval(es, c.Value, val{}), c)...)
	}
	return out
}

// decodedByStreamCtor returns the values decoded by the decoders a stream
// decoder constructor (json.NewDecoder(r.Body)) returned.
func (r *resolver) decodedByStreamCtor(ctor val) []Payload {
	call := ctor.v.(*ssa.Call)
	var out []Payload
	for _, decUse := range uses(call) {
		dc, ok := decUse.(*ssa.Call)
		if !ok {
			continue
		}
		c, ok := codecs.Decoders[calleeName(&dc.Call)]
		if !ok || !c.Data.IsZero() {
			continue
		}
		ds := newSiteIn(dc, ctor.fr)
		if !sameValue(vals(ds.fr, ds.recv()), call) {
			continue
		}
		out = append(out, r.decodedValues(r.eval(ds, c.Value, val{}), c)...)
	}
	return out
}
