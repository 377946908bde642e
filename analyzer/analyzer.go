// Package analyzer defines the go/analysis Analyzer that finds the
// messages a package sends and receives through the client libraries
// described in package protocols.
//
// For every call of a library function listed in a protocol table it
// follows, on the package's SSA form, the values the table points at: the
// channel address (back to constants, composite literals, constructors
// and package variables), the message values, and their payloads (back to
// json.Marshal and encoders on the send side, forward to json.Unmarshal
// and decoders on the receive side). The result of a package is a
// [Result]; an address that cannot be resolved is reported as a
// diagnostic at the call.
package analyzer

import (
	"go/types"
	"reflect"
	"sort"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/asyncapi-extract/asyncapi-extract/protocols"
)

// Analyzer finds send and receive operations.
var Analyzer = &analysis.Analyzer{
	Name:       "asyncapi",
	Doc:        "find the messages a package sends and receives, for an AsyncAPI document",
	URL:        "https://github.com/asyncapi-extract/asyncapi-extract",
	Run:        run,
	ResultType: reflect.TypeFor[*Result](),
}

// reportOperations makes the analyzer report every operation it finds
// as a diagnostic, in the form of [Operation.String]: it is how the
// analysistest cases state what they expect, and how a user sees what
// was found without writing a document.
var reportOperations bool

func init() {
	Analyzer.Flags.BoolVar(&reportOperations, "operations", false, "report every operation found as a diagnostic")
}

// index is built once from the protocol tables; it is read-only.
var index = protocols.NewIndex(protocols.Libraries())

func run(pass *analysis.Pass) (any, error) {
	res := new(Result)
	if !importsLibrary(pass.Pkg) {
		return res, nil
	}
	prog := buildSSA(pass)
	t := newTracer(pass, prog)
	for _, fn := range prog.SrcFuncs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				f := callee(call.Common())
				if f == nil {
					continue
				}
				entry, ok := index.Calls[f.FullName()]
				if !ok {
					continue
				}
				ops := t.operations(newSite(call, fn), f, entry)
				if reportOperations {
					for _, op := range ops {
						pass.Reportf(op.Pos, "%s", op.Describe(pass.Pkg))
					}
				}
				res.Operations = append(res.Operations, ops...)
			}
		}
	}
	return res, nil
}

// importsLibrary reports whether pkg imports a supported library directly;
// a package that does not cannot call one.
func importsLibrary(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if _, ok := index.Paths[imp.Path()]; ok {
			return true
		}
	}
	return false
}

// callee returns the function or interface method a call calls, or nil
// for a call of a function value.
func callee(c *ssa.CallCommon) *types.Func {
	if c.IsInvoke() {
		return c.Method
	}
	fn := c.StaticCallee()
	if fn == nil {
		return nil
	}
	if fn.Origin() != nil {
		fn = fn.Origin()
	}
	obj, _ := fn.Object().(*types.Func)
	return obj
}

// calleeName returns the full name of the function a call calls, as the
// protocol tables key it, or "" for a call of a function value.
func calleeName(c *ssa.CallCommon) string {
	if f := callee(c); f != nil {
		return f.FullName()
	}
	return ""
}

// operations builds the operations of one matched call site: one per
// channel address the call reaches.
func (t *tracer) operations(s site, callee *types.Func, entry protocols.CallEntry) []*Operation {
	c := entry.Call
	settings := make(map[protocols.Setting][]string)
	for name, p := range c.Settings {
		if vals := t.knownStrings(t.eval(s, p, nil)); len(vals) > 0 {
			settings[name] = vals
		}
	}

	// Group the messages by the address each resolves to.
	type group struct {
		addr Address
		msgs []Message
		seen map[string]bool
	}
	var groups []*group
	byAddr := make(map[string]*group)
	add := func(a Address, m Message) {
		g := byAddr[a.key()]
		if g == nil {
			g = &group{addr: a, seen: make(map[string]bool)}
			byAddr[a.key()] = g
			groups = append(groups, g)
		}
		if k := m.key(); !g.seen[k] {
			g.seen[k] = true
			g.msgs = append(g.msgs, m)
		}
	}

	msgVals := t.messages(s, c)
	if len(msgVals) == 0 {
		msgVals = []ssa.Value{nil} // the call is known, its message is not
	}
	for _, mv := range msgVals {
		msgs := t.messageContents(s, c, mv)
		for _, a := range t.addresses(s, c, mv) {
			for _, m := range msgs {
				add(a, m)
			}
		}
	}

	ops := make([]*Operation, 0, len(groups))
	for _, g := range groups {
		if !g.addr.Known {
			t.pass.Reportf(s.pos(), "cannot resolve the channel address of %s: %s", shortName(callee), g.addr.Origin)
		}
		ops = append(ops, &Operation{
			Library:  entry.Library,
			Action:   c.Action,
			Callee:   callee.FullName(),
			Pos:      s.pos(),
			Address:  g.addr,
			Messages: g.msgs,
			Settings: settings,
			Func:     s.declaringFunc(),
		})
	}
	return ops
}

// messages returns the message values of a call: each element of a sent
// slice or variadic argument, or the received result.
func (t *tracer) messages(s site, c protocols.Call) []ssa.Value {
	if c.Message.IsZero() {
		return nil
	}
	var out []ssa.Value
	for _, v := range t.eval(s, c.Message, nil) {
		if isSlice(v.Type()) {
			out = append(out, t.elements(v, newSeen())...)
		} else {
			out = append(out, v)
		}
	}
	return out
}

// addresses resolves the address of one message: the first of the
// call's address paths that is set anywhere wins.
func (t *tracer) addresses(s site, c protocols.Call, msg ssa.Value) []Address {
	for _, p := range c.Address {
		if p.Root == protocols.RootMessage && msg == nil {
			continue
		}
		vals := t.eval(s, p, msg)
		if len(vals) == 0 {
			continue
		}
		strs := t.strings(vals)
		if len(strs) == 0 {
			continue
		}
		addrs := make([]Address, 0, len(strs))
		for _, sv := range strs {
			addrs = append(addrs, addressOf(sv))
		}
		return dedupAddresses(addrs)
	}
	return []Address{{Origin: "it is never set where the client is created"}}
}

func dedupAddresses(addrs []Address) []Address {
	seen := make(map[string]bool)
	out := addrs[:0]
	for _, a := range addrs {
		if !seen[a.key()] {
			seen[a.key()] = true
			out = append(out, a)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Known != out[j].Known {
			return out[i].Known
		}
		return out[i].Value < out[j].Value
	})
	return out
}

// messageContents returns the distinct payload (and key) combinations of
// one message value.
func (t *tracer) messageContents(s site, c protocols.Call, msg ssa.Value) []Message {
	var payloads, keys []Payload
	switch c.Action {
	case protocols.Send:
		payloads = t.sentPayloads(s, c.Payload, msg)
		if !c.Key.IsZero() {
			keys = t.sentPayloads(s, c.Key, msg)
		}
	case protocols.Receive:
		payloads = t.receivedPayloads(s, c.Payload, msg)
		if !c.Key.IsZero() {
			keys = t.receivedPayloads(s, c.Key, msg)
		}
	}
	if len(payloads) == 0 {
		payloads = []Payload{{Raw: "[]byte"}}
	}
	var headers []Header
	if c.Action == protocols.Send && !c.Headers.List.IsZero() {
		headers = t.sentHeaders(s, c.Headers, msg)
	}
	var out []Message
	for _, p := range payloads {
		if len(keys) == 0 {
			out = append(out, Message{Payload: p, Headers: headers})
			continue
		}
		for _, k := range keys {
			out = append(out, Message{Payload: p, Key: &k, Headers: headers})
		}
	}
	return out
}

// sentHeaders resolves the headers set on a sent message: every element
// of the header list whose name is a constant.
func (t *tracer) sentHeaders(s site, hl protocols.HeaderList, msg ssa.Value) []Header {
	if hl.List.Root == protocols.RootMessage && msg == nil {
		return nil
	}
	var out []Header
	seen := make(map[string]bool)
	for _, list := range t.eval(s, hl.List, msg) {
		for _, el := range t.elements(list, newSeen()) {
			names := t.knownStrings(t.field(el, hl.Key, newSeen()))
			var values []Payload
			sn := newSeen()
			for _, v := range t.field(el, hl.Value, newSeen()) {
				values = append(values, t.encodedFrom(v, nil, sn, 0)...)
			}
			values = dedupPayloads(values)
			if len(values) == 0 {
				values = []Payload{{Raw: "[]byte"}}
			}
			for _, n := range names {
				for _, v := range values {
					if k := n + "=" + v.key(); !seen[k] {
						seen[k] = true
						out = append(out, Header{Name: n, Value: v})
					}
				}
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// shortName is the name of f as its package's users write it:
// "(*kafka.Writer).WriteMessages", "kafka.NewWriter".
func shortName(f *types.Func) string {
	qual := func(p *types.Package) string { return p.Name() }
	sig := f.Type().(*types.Signature)
	recv := sig.Recv()
	if recv == nil {
		if f.Pkg() == nil {
			return f.Name()
		}
		return f.Pkg().Name() + "." + f.Name()
	}
	t := recv.Type()
	star := ""
	if p, ok := t.(*types.Pointer); ok {
		star, t = "*", p.Elem()
	}
	if n, ok := t.(*types.Named); ok {
		obj := n.Obj()
		return "(" + star + types.TypeString(types.NewNamed(obj, nil, nil), qual) + ")." + f.Name()
	}
	return "(" + star + types.TypeString(t, qual) + ")." + f.Name()
}
