package analyzer

import (
	"fmt"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/asyncapi-extract/asyncapi-extract/protocols"
)

// An operation is found at a client call and may depend on the
// parameters of the function around it (a wrapper such as
// Publish(topic string, v any)). Such an operation is a template: it is
// not reported where it is found, but summarised (as a WrapperFact for
// other packages) and instantiated at every call of the wrapper with
// that call's arguments, which may in turn depend on the caller's
// parameters, however many levels up.

// template is an operation that may still depend on its owner's
// parameters.
type template struct {
	lib      *protocols.Library
	proto    *protocols.Protocol // the operation's protocol
	action   protocols.Action
	callee   string // full name of the client function
	short    string // its short name, for messages
	address  Str
	messages []Message
	settings map[protocols.Setting][]Str
	// pos is the call in the owner; trail are the calls inside the
	// wrappers it went through, outermost first; via are those
	// wrappers' full names.
	pos   token.Pos
	trail []token.Position
	via   []string

	// invoke, when set, makes the template a call of an interface
	// method on a value the owner's caller provides: the
	// implementation, and so the operations, are only known there.
	invoke *invokeT

	// replies are the payloads of the replies.
	replies []Payload

	// From the table.
	channelKind string
	extensions  map[string]string

	// Set by directives.
	messageName string
	opID        string
	summary     string
	description string
	tags        []string
}

// parametric reports whether t's channel or messages depend on its
// owner's parameters. Settings alone (a broker address from a client
// parameter) do not make a wrapper: they are left unknown instead.
func (t *template) parametric() bool {
	if t.invoke != nil || t.address.parametric() {
		return true
	}
	for _, rp := range t.replies {
		if rp.parametric() {
			return true
		}
	}
	for _, m := range t.messages {
		if m.Payload.parametric() || (m.Key != nil && m.Key.parametric()) {
			return true
		}
		for _, h := range m.Headers {
			if h.Value.parametric() {
				return true
			}
		}
	}
	return false
}

func (p Payload) parametric() bool {
	return p.Param != nil || (p.Type != nil && hasTypeParam(p.Type))
}

// funcSummary is what a declared function does: the operations it
// performs that are final, and those that depend on its parameters.
type funcSummary struct {
	final    []*template
	wrapped  []*template
	building bool
}

// summary computes (once) the summary of a declared function: the
// operations of the client calls in its body and closures, and the
// instantiations of the wrappers it calls.
func (t *tracer) summary(fn *ssa.Function) *funcSummary {
	if s := t.summaries[fn]; s != nil {
		return s
	}
	sum := &funcSummary{building: true}
	t.summaries[fn] = sum
	r := &resolver{tracer: t, owner: fn}
	var fnDirectives *placed
	if obj, ok := fn.Object().(*types.Func); ok {
		fnDirectives = t.directives.byFunc[obj]
	}
	file := fileOf(t.pass, fn.Pos())
	for _, f := range withClosures(fn) {
		for _, b := range f.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				s := newSite(call, f)
				t.steps = 0
				var tms []*template
				t.guard(s.pos(), calleeName(s.common), func() {
					tms = r.callTemplates(s)
					// The function's directives, then the call's, which win.
					tms = r.apply(fnDirectives, tms, file)
					tms = r.apply(t.directives.atSite(t.pass.Fset, s), tms, file)
				})
				for _, tm := range tms {
					if tm.parametric() {
						sum.wrapped = append(sum.wrapped, tm)
					} else {
						sum.final = append(sum.final, tm)
					}
				}
			}
		}
	}
	sum.building = false
	return sum
}

func withClosures(fn *ssa.Function) []*ssa.Function {
	out := []*ssa.Function{fn}
	for _, anon := range fn.AnonFuncs {
		out = append(out, withClosures(anon)...)
	}
	return out
}

// callTemplates returns the operations of one call: a client call's, or
// a wrapper's instantiated.
func (r *resolver) callTemplates(s site) []*template {
	f := callee(s.common)
	if f == nil {
		return nil
	}
	if entries, ok := index.Calls[f.FullName()]; ok {
		var out []*template
		for _, entry := range entries {
			if entry.When != nil && !r.holds(s, entry.When) {
				continue
			}
			out = append(out, r.operations(s, f, entry)...)
		}
		return out
	}
	if s.common.IsInvoke() {
		return r.invokeTemplates(s, f)
	}
	var out []*template
	for _, w := range r.wrapperOf(s.common, f) {
		out = append(out, r.instantiate(w, s, siteArgs{s}, f.FullName())...)
	}
	return out
}

// implementations returns the methods that implement the interface
// method m among the named types of this package and of the packages it
// imports that use clients.
func (r *resolver) implementations(m *types.Func) []*types.Func {
	if impls, ok := r.impls[m]; ok {
		return impls
	}
	iface, _ := m.Signature().Recv().Type().Underlying().(*types.Interface)
	var impls []*types.Func
	if iface != nil {
		for _, pkg := range r.clientPackages() {
			scope := pkg.Scope()
			for _, name := range scope.Names() {
				tn, ok := scope.Lookup(name).(*types.TypeName)
				if !ok || tn.IsAlias() || types.IsInterface(tn.Type()) {
					continue
				}
				if _, isNamed := tn.Type().(*types.Named); !isNamed || tn.Type().(*types.Named).TypeParams().Len() > 0 {
					continue
				}
				ptr := types.NewPointer(tn.Type())
				if !types.Implements(ptr, iface) {
					continue
				}
				obj, _, _ := types.LookupFieldOrMethod(ptr, true, pkg, m.Name())
				if fn, ok := obj.(*types.Func); ok {
					impls = append(impls, fn)
				}
			}
		}
	}
	r.impls[m] = impls
	return impls
}

// clientPackages returns this package and the imported packages (direct
// or not) that use clients, in a stable order.
func (r *resolver) clientPackages() []*types.Package {
	if r.clientPkgs != nil {
		return r.clientPkgs
	}
	out := []*types.Package{r.pass.Pkg}
	seen := map[*types.Package]bool{r.pass.Pkg: true}
	var visit func(p *types.Package)
	visit = func(p *types.Package) {
		for _, imp := range p.Imports() {
			if seen[imp] {
				continue
			}
			seen[imp] = true
			if r.pass.ImportPackageFact(imp, new(UsesClientsFact)) {
				out = append(out, imp)
			}
			visit(imp)
		}
	}
	visit(r.pass.Pkg)
	r.clientPkgs = out
	return out
}

// holds reports whether a call satisfies a condition of its table entry.
func (r *resolver) holds(s site, c *protocols.Condition) bool {
	for _, v := range r.knownStrings(r.eval(s, c.Path, val{})) {
		for _, want := range c.Values {
			if strings.EqualFold(v, want) {
				return true
			}
		}
	}
	return false
}

// wrapperOf returns the templates of the wrapper a call calls: from the
// summary of a function of this package, or from the fact of one of
// another.
func (r *resolver) wrapperOf(c *ssa.CallCommon, f *types.Func) []*template {
	if f.Pkg() == r.pass.Pkg {
		var fn *ssa.Function
		if c != nil {
			fn = c.StaticCallee()
		} else {
			fn = r.prog.Pkg.Prog.FuncValue(f)
		}
		if fn == nil {
			return nil
		}
		if fn.Origin() != nil {
			fn = fn.Origin()
		}
		if len(fn.Blocks) == 0 {
			return nil
		}
		if s := r.summaries[fn]; s != nil && s.building {
			return nil // recursion: the cycle adds nothing new
		}
		return r.summary(fn).wrapped
	}
	var fact WrapperFact
	if !r.pass.ImportObjectFact(f, &fact) {
		return nil
	}
	return r.fromFact(&fact)
}

// instantiate resolves a wrapper's template at a call of the wrapper, s,
// whose arguments a gives.
func (r *resolver) instantiate(w *template, s site, a args, wrapper string) []*template {
	if w.invoke != nil {
		return r.instantiateInvoke(w, s, a, wrapper)
	}
	base := template{
		lib:         w.lib,
		proto:       w.proto,
		action:      w.action,
		callee:      w.callee,
		short:       w.short,
		pos:         s.pos(),
		trail:       r.callTrail(w),
		via:         append([]string{wrapper}, w.via...),
		channelKind: w.channelKind,
		extensions:  w.extensions,
		messageName: w.messageName,
		opID:        w.opID,
		summary:     w.summary,
		description: w.description,
		tags:        w.tags,
	}
	settings := make(map[protocols.Setting][]Str)
	for name, ss := range w.settings {
		var out []Str
		for _, str := range ss {
			out = append(out, r.substitute(str, a)...)
		}
		settings[name] = dedupStrs(out)
	}
	base.settings = settings
	var msgs []Message
	for _, m := range w.messages {
		msgs = append(msgs, r.substituteMessage(m, a)...)
	}
	base.messages = dedupMessages(msgs)
	var replies []Payload
	for _, rp := range w.replies {
		replies = append(replies, r.substitutePayload(rp, a)...)
	}
	base.replies = dedupPayloads(replies)
	var out []*template
	for _, addr := range dedupStrs(r.substitute(w.address, a)) {
		tm := base
		tm.address = addr
		out = append(out, &tm)
	}
	return out
}

// callTrail returns the trail of tm as seen from a call of its owner: the
// position of tm's own call, when it has one in this package (a template
// of an imported fact has none), then tm's trail.
func (t *tracer) callTrail(tm *template) []token.Position {
	if !tm.pos.IsValid() {
		return tm.trail
	}
	return append([]token.Position{t.pass.Fset.Position(tm.pos)}, tm.trail...)
}

// argOf returns the argument a call passes for parameter number i of the
// callee (the receiver of a method is 0).
func argOf(s site, i int) ssa.Value {
	c := s.common
	if c.IsInvoke() {
		if i == 0 {
			return c.Value
		}
		i--
	}
	if i >= 0 && i < len(c.Args) {
		return c.Args[i]
	}
	return nil
}

// substitute replaces the parameter parts of str with what a call
// passes.
func (r *resolver) substitute(str Str, a args) []Str {
	var alts [][]Str
	for _, p := range str.Parts {
		if p.Kind != PartParam {
			alts = append(alts, []Str{{Parts: []Part{p}}})
			continue
		}
		strs := a.strs(r, p.Param, p.Fields)
		if len(strs) == 0 {
			strs = []Str{dynamic(p.Name, p.Origin)}
		}
		alts = append(alts, strs)
	}
	return concatAll(alts)
}

func (r *resolver) substituteMessage(m Message, a args) []Message {
	payloads := r.substitutePayload(m.Payload, a)
	if len(payloads) == 0 {
		payloads = []Payload{{Raw: "[]byte"}}
	}
	var keys []*Payload
	if m.Key != nil {
		for _, k := range r.substitutePayload(*m.Key, a) {
			keys = append(keys, &k)
		}
	}
	if len(keys) == 0 {
		keys = []*Payload{nil} // a handler that never reads the key
	}
	var headers []Header
	for _, h := range m.Headers {
		for _, v := range r.substitutePayload(h.Value, a) {
			headers = append(headers, Header{Name: h.Name, Value: v})
		}
	}
	var out []Message
	for _, p := range payloads {
		for _, k := range keys {
			out = append(out, Message{Payload: p, Key: k, Headers: headers, Settings: m.Settings})
		}
	}
	return out
}

// substitutePayload resolves a payload that depends on the wrapper's
// parameters or type parameters at a call of the wrapper.
func (r *resolver) substitutePayload(p Payload, a args) []Payload {
	if p.Param != nil {
		out := a.payloads(r, p)
		if len(out) == 0 && p.Param.Callback > 0 {
			return nil // the handler does not decode it
		}
		if len(out) == 0 {
			if p.Param.Bytes {
				out = []Payload{{Raw: "[]byte"}}
			} else {
				out = []Payload{{Type: anyType, ContentType: p.ContentType, Encoding: p.Encoding}}
			}
		}
		return dedupPayloads(out)
	}
	if p.Type != nil && hasTypeParam(p.Type) {
		q := p
		q.Type = substTypeParams(p.Type, a.typeArgs())
		return []Payload{q}
	}
	return []Payload{p}
}

// typeArgsOf returns the type arguments of a call of a generic function.
func typeArgsOf(s site) []types.Type {
	if fn := s.common.StaticCallee(); fn != nil {
		return fn.TypeArgs()
	}
	return nil
}

func dedupMessages(ms []Message) []Message {
	seen := make(map[string]bool)
	out := ms[:0]
	for _, m := range ms {
		if k := m.key(); !seen[k] {
			seen[k] = true
			out = append(out, m)
		}
	}
	return out
}

// final turns a template that no longer depends on parameters into an
// operation.
func (t *tracer) final(tm *template, declaring *types.Func) *Operation {
	settings := make(map[protocols.Setting][]string)
	for name, ss := range tm.settings {
		if vs := known(ss); len(vs) > 0 {
			settings[name] = vs
		}
	}
	desc := tm.description
	if desc == "" && declaring != nil {
		desc = t.funcDocs[declaring]
	}
	return &Operation{
		Library:     tm.lib,
		Protocol:    tm.proto,
		Action:      tm.action,
		Callee:      tm.callee,
		Pos:         tm.pos,
		Trail:       tm.trail,
		Via:         tm.via,
		Address:     addressOf(tm.address),
		Messages:    tm.messages,
		Settings:    settings,
		Func:        declaring,
		ChannelKind: tm.channelKind,
		Extensions:  tm.extensions,
		Replies:     tm.replies,
		ID:          tm.opID,
		MessageName: tm.messageName,
		Summary:     tm.summary,
		Description: desc,
		Tags:        tm.tags,
	}
}

// describeVia says which wrappers an operation went through, for
// messages.
func describeVia(via []string) string {
	if len(via) == 0 {
		return ""
	}
	short := make([]string, len(via))
	for i, v := range via {
		short[i] = trimFullName(v)
	}
	return fmt.Sprintf(" (through %s)", strings.Join(short, ", "))
}

// trimFullName shortens "(*example.com/m/p.T).M" to "(*p.T).M".
func trimFullName(full string) string {
	i := strings.LastIndexByte(full, '/')
	if i < 0 {
		return full
	}
	prefix := ""
	switch {
	case strings.HasPrefix(full, "(*"):
		prefix = "(*"
	case strings.HasPrefix(full, "("):
		prefix = "("
	}
	return prefix + full[i+1:]
}

// fallback is a wrapper's template as it stands when nobody calls the
// wrapper: parameters become values known only at run time.
func (t *tracer) fallback(tm *template) *template {
	out := *tm
	out.address = unparam(tm.address)
	out.settings = make(map[protocols.Setting][]Str)
	for k, ss := range tm.settings {
		for _, s := range ss {
			out.settings[k] = append(out.settings[k], unparam(s))
		}
	}
	out.replies = nil
	for _, rp := range tm.replies {
		out.replies = append(out.replies, unparamPayload(rp))
	}
	out.messages = nil
	for _, m := range tm.messages {
		m.Payload = unparamPayload(m.Payload)
		if m.Key != nil {
			k := unparamPayload(*m.Key)
			m.Key = &k
		}
		var hs []Header
		for _, h := range m.Headers {
			hs = append(hs, Header{Name: h.Name, Value: unparamPayload(h.Value)})
		}
		m.Headers = hs
		out.messages = append(out.messages, m)
	}
	return &out
}

func unparam(s Str) Str {
	parts := make([]Part, len(s.Parts))
	for i, p := range s.Parts {
		if p.Kind == PartParam {
			p = Part{Kind: PartDynamic, Name: p.Name, Origin: p.Origin}
		}
		parts[i] = p
	}
	return Str{Parts: parts}
}

func unparamPayload(p Payload) Payload {
	if p.Param != nil {
		if p.Param.Bytes {
			return Payload{Raw: "[]byte"}
		}
		return Payload{Type: anyType, ContentType: p.ContentType, Encoding: p.Encoding}
	}
	if p.Type != nil && hasTypeParam(p.Type) {
		p.Type = substTypeParams(p.Type, nil)
	}
	return p
}
