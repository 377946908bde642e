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
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"runtime/debug"
	"sort"
	"strings"

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
	// A package with errors is not analysed (see run), but the packages
	// that import it still are, without its facts.
	RunDespiteErrors: true,
	FactTypes: []analysis.Fact{(*WrapperFact)(nil), (*ConstructorFact)(nil), (*VarFact)(nil),
		(*StringFuncFact)(nil), (*HandlerFact)(nil), (*UsesClientsFact)(nil)},
}

// reportOperations makes the analyzer report every operation it finds
// as a diagnostic, in the form of [Operation.Describe]: it is how the
// analysistest cases state what they expect, and how a user sees what
// was found without writing a document.
var reportOperations bool

func init() {
	Analyzer.Flags.BoolVar(&reportOperations, "operations", false, "report every operation found as a diagnostic")
}

// index is built once from the protocol tables; it is read-only.
var index = protocols.NewIndex(protocols.Libraries())

// UsesClientsFact marks a package whose functions other packages can
// reach clients through: it has wrappers or constructors of clients, or
// imports a package that does. Only packages that import a client
// library or such a package are worth analysing.
type UsesClientsFact struct{}

// AFact marks UsesClientsFact as an analysis fact.
func (*UsesClientsFact) AFact() {}

func (*UsesClientsFact) String() string { return "usesClients" }

func run(pass *analysis.Pass) (result any, err error) {
	res := new(Result)
	if pass.TypesInfo == nil || len(pass.Files) == 0 {
		return res, nil // a dependency known only by its export data
	}
	if len(pass.TypeErrors) > 0 {
		// The driver reports the package's errors; the analysis needs
		// well-typed code.
		return res, nil
	}
	defer func() {
		if r := recover(); r != nil {
			// Not at a call site (those are guarded one by one): the
			// package's operations are lost, the other packages'
			// are not.
			pos := token.NoPos
			if len(pass.Files) > 0 {
				pos = pass.Files[0].Package
			}
			t := &tracer{pass: pass}
			t.fail(pos, fmt.Sprintf("internal error analysing package %s: %v", pass.Pkg.Path(), r), debug.Stack())
			result, err = &Result{Failures: t.failures}, nil
		}
	}()
	exportVarFacts(pass)
	exportStringFuncFacts(pass)
	res.Directives = packageDirectives(pass)
	if isStd(pass.Pkg) || isLibrary(pass.Pkg) || isDependency(pass) {
		return res, nil // not the user's code
	}
	clientUser := importsClientUser(pass)
	if !importsLibrary(pass.Pkg) && !clientUser && !callsModuleInterfaces(pass) {
		return res, nil
	}
	if hasSyntaxErrors(pass) {
		return res, nil // as with type errors
	}
	if testHookPackage != nil {
		testHookPackage(pass.Pkg.Path())
	}
	prog := buildSSA(pass)
	t := newTracer(pass, prog)
	exportsSummaries := false
	for _, fn := range declaredFuncs(prog) {
		sum := t.summary(fn)
		decl, _ := fn.Object().(*types.Func)
		for _, tm := range sum.final {
			op := t.final(tm, decl)
			t.report(op, tm)
			res.Operations = append(res.Operations, op)
		}
		if len(sum.wrapped) > 0 && decl != nil {
			fact := &WrapperFact{}
			w := Wrapper{Func: decl.FullName(), Exported: t.escapes[fn]}
			for _, tm := range sum.wrapped {
				fact.Ops = append(fact.Ops, t.toFact(tm))
				if tm.invoke != nil {
					continue // its operations depend on the implementation
				}
				exportsSummaries = true
				fb := t.fallback(tm)
				op := t.final(fb, decl)
				w.Operations = append(w.Operations, op)
				if !w.Exported && len(t.callers[fn]) == 0 {
					// Nobody can call it: what it does is all there is.
					t.report(op, fb)
					res.Operations = append(res.Operations, op)
				}
			}
			pass.ExportObjectFact(decl, fact)
			res.Wrappers = append(res.Wrappers, w)
		}
		if decl != nil && decl.Exported() {
			if hf := t.handlerFactOf(fn); hf != nil {
				pass.ExportObjectFact(decl, hf)
			}
		}
		if decl != nil {
			if cf := t.constructorFact(fn); cf != nil {
				pass.ExportObjectFact(decl, cf)
				exportsSummaries = exportsSummaries || cf.holdsClients()
			}
		}
	}
	t.directives.reportUnused(pass)
	res.Declarations = t.declarations()
	res.Failures = t.failures
	if exportsSummaries || clientUser {
		pass.ExportPackageFact(&UsesClientsFact{})
	}
	return res, nil
}

// hasSyntaxErrors reports whether the parser recovered from syntax
// errors in the package's files.
func hasSyntaxErrors(pass *analysis.Pass) bool {
	bad := false
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n.(type) {
			case *ast.BadExpr, *ast.BadStmt, *ast.BadDecl:
				bad = true
			}
			return !bad
		})
	}
	return bad
}

// mapHeaders resolves headers set as a map literal (amqp.Table{"k": v}):
// each constant key, with the type of its value.
func (r *resolver) mapHeaders(maps []val) []Header {
	var out []Header
	seen := make(map[string]bool)
	for _, m := range maps {
		for _, o := range r.origins(m, make(visited)) {
			if _, ok := o.v.(*ssa.MakeMap); !ok {
				continue
			}
			for _, mu := range mapUpdates(o.v) {
				name, ok := constString(mu.Key)
				if !ok {
					continue
				}
				for _, vt := range r.concreteTypes(val{mu.Value, o.fr}, make(visited), 0) {
					if vt.typ == nil {
						continue
					}
					h := Header{Name: name, Value: Payload{Type: vt.typ, Encoding: protocols.EncodingJSON}}
					if k := name + "=" + h.Value.key(); !seen[k] {
						seen[k] = true
						out = append(out, h)
					}
				}
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// declarations returns the broker entities a package declares with
// constant names (AMQP exchanges, queues, bindings).
func (t *tracer) declarations() []Declaration {
	var out []Declaration
	r := &resolver{tracer: t}
	for _, fn := range t.prog.SrcFuncs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				call, ok := instr.(ssa.CallInstruction)
				if !ok {
					continue
				}
				d, ok := index.Declarations[calleeName(call.Common())]
				if !ok {
					continue
				}
				t.steps = 0
				s := newSite(call, fn)
				names := r.knownStrings(r.eval(s, d.Name, val{}))
				if len(names) == 0 {
					continue
				}
				decl := Declaration{Library: d.Library, Kind: d.Kind, Names: names, Pos: s.pos(),
					Settings: make(map[protocols.Setting][]string)}
				for name, p := range d.Settings {
					if vs := r.knownStrings(r.eval(s, p, val{})); len(vs) > 0 {
						decl.Settings[name] = vs
					}
				}
				out = append(out, decl)
			}
		}
	}
	return out
}

// exportVarFacts exports the strings of the package's exported string
// and string-list variables that are initialised with constants and
// never assigned, for the packages that use them as addresses or broker
// lists. It reads the syntax only, so that packages of constants and
// configuration, which use no client, cost next to nothing.
func exportVarFacts(pass *analysis.Pass) {
	assigned := assignedVars(pass)
	for _, f := range pass.Files {
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				if len(vs.Values) != len(vs.Names) {
					continue
				}
				for i, name := range vs.Names {
					obj, ok := pass.TypesInfo.Defs[name].(*types.Var)
					if !ok || !obj.Exported() || assigned[obj] || !isStringOrList(obj.Type()) {
						continue
					}
					if strs := constStrings(pass.TypesInfo, vs.Values[i]); len(strs) > 0 {
						pass.ExportObjectFact(obj, &VarFact{Strs: strs})
					}
				}
			}
		}
	}
}

// isStringOrList reports whether t is a string, or a slice or array of
// strings.
func isStringOrList(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0
	case *types.Slice:
		return isStringOrList(u.Elem()) && !isSlice(u.Elem())
	case *types.Array:
		return isStringOrList(u.Elem()) && !isSlice(u.Elem())
	}
	return false
}

// constStrings returns the constant strings of a string constant
// expression or a composite literal of them.
func constStrings(info *types.Info, e ast.Expr) []Str {
	if tv, ok := info.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return []Str{lit(constant.StringVal(tv.Value))}
	}
	cl, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok {
		return nil
	}
	var out []Str
	for _, elt := range cl.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			elt = kv.Value
		}
		strs := constStrings(info, elt)
		if len(strs) == 0 {
			return nil
		}
		out = append(out, strs...)
	}
	return out
}

// assignedVars returns the package variables assigned (or whose address
// is taken) anywhere in function bodies.
func assignedVars(pass *analysis.Pass) map[*types.Var]bool {
	out := make(map[*types.Var]bool)
	mark := func(e ast.Expr) {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			if v, ok := pass.TypesInfo.Uses[id].(*types.Var); ok && v.Parent() == pass.Pkg.Scope() {
				out[v] = true
			}
		}
	}
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for _, l := range n.Lhs {
					mark(l)
				}
			case *ast.IncDecStmt:
				mark(n.X)
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					mark(n.X)
				}
			case *ast.IndexExpr:
				mark(n.X) // Brokers[0] = ... changes the list
			}
			return true
		})
	}
	return out
}

func sortedMembers(p *ssa.Package) []string {
	names := make([]string, 0, len(p.Members))
	for n := range p.Members {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// report reports an operation whose address is unknown, and, when
// asked, every operation.
func (t *tracer) report(op *Operation, tm *template) {
	if !op.Address.Known {
		t.pass.Reportf(op.Pos, "cannot resolve the channel address of %s%s: %s (name it with //asyncapi:channel <address> above the call)", tm.short, describeVia(tm.via), op.Address.Origin)
	}
	for _, m := range op.Messages {
		if p := m.Payload; p.Type != nil && types.IsInterface(p.Type) && !hasTypeParam(p.Type) {
			t.pass.Reportf(op.Pos, "cannot infer the payload type of %s%s: an interface value is encoded (name it with //asyncapi:payload <type> above the call)", tm.short, describeVia(tm.via))
			break
		}
	}
	if reportOperations {
		t.pass.Reportf(op.Pos, "%s", op.Describe(t.pass.Pkg))
	}
}

// declaredFuncs returns the package's declared functions and methods in
// source order, then its initializer.
func declaredFuncs(prog *ssaPackage) []*ssa.Function {
	var out []*ssa.Function
	for _, fn := range prog.SrcFuncs {
		if fn.Parent() == nil {
			out = append(out, fn)
		}
	}
	if init := prog.Pkg.Func("init"); init != nil {
		out = append(out, init)
	}
	return out
}

// callsModuleInterfaces reports whether the package calls methods of
// interfaces declared outside the standard library: such a call may
// reach a client through an implementation the package's callers supply
// (a service given a Publisher), which only a summary can follow. It
// reads type information only.
func callsModuleInterfaces(pass *analysis.Pass) bool {
	for _, sel := range pass.TypesInfo.Selections {
		if sel.Kind() != types.MethodVal || !types.IsInterface(sel.Recv()) {
			continue
		}
		fn, ok := sel.Obj().(*types.Func)
		if !ok || fn.Pkg() == nil {
			continue
		}
		if userInterface(pass, fn) {
			return true
		}
	}
	return false
}

// userInterface reports whether m is a method of an interface declared
// in the module of the package analysed, whose implementations may wrap
// clients. (Interfaces of the standard library and of dependencies are
// implemented by those, which do not use the clients for the module.)
func userInterface(pass *analysis.Pass, m *types.Func) bool {
	if m.Pkg() == nil || isStd(m.Pkg()) || isLibrary(m.Pkg()) {
		return false
	}
	if m.Pkg() == pass.Pkg || pass.Module == nil || pass.Module.Path == "" {
		return true
	}
	mod := pass.Module.Path
	return m.Pkg().Path() == mod || strings.HasPrefix(m.Pkg().Path(), mod+"/")
}

// isDependency reports whether the package belongs to a module the main
// module depends on (one with a version), rather than to the main module
// or the workspace: what dependencies send is not the module's API.
func isDependency(pass *analysis.Pass) bool {
	return pass.Module != nil && pass.Module.Version != ""
}

// isStd reports whether pkg belongs to the standard library (its path has
// no dot in its first element).
func isStd(pkg *types.Package) bool {
	return !strings.Contains(strings.SplitN(pkg.Path(), "/", 2)[0], ".")
}

// isLibrary reports whether pkg is (or is inside) a supported client
// library.
func isLibrary(pkg *types.Package) bool {
	for path := range index.Paths {
		if pkg.Path() == path || strings.HasPrefix(pkg.Path(), path+"/") {
			return true
		}
	}
	return false
}

// importsClientUser reports whether a package imports one that uses
// clients, whose wrappers it may call.
func importsClientUser(pass *analysis.Pass) bool {
	for _, imp := range pass.Pkg.Imports() {
		if pass.ImportPackageFact(imp, new(UsesClientsFact)) {
			return true
		}
	}
	return false
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

// operations builds the operations of one client call: one per channel
// address the call reaches, for the call and each of its Then calls.
func (r *resolver) operations(s site, callee *types.Func, entry protocols.CallEntry) []*template {
	var out []*template
	for _, c := range append([]protocols.Call{entry.Call}, entry.Call.Then...) {
		out = append(out, r.callOperations(s, callee, entry.Library, c)...)
	}
	return out
}

// replyPayloads returns the payloads of a call's replies.
func (r *resolver) replyPayloads(s site, rp *protocols.Reply) []Payload {
	var ps []Payload
	if rp.Handler != nil {
		ps = r.handlerPayloads(s, rp.Handler, rp.Payload.Fields)
	} else {
		ps = r.forward(r.evalRoot(s, rp.Payload, val{}), rp.Payload.Fields, 0)
	}
	var out []Payload
	for _, p := range dedupPayloads(ps) {
		if p.Type != nil || p.Param != nil {
			out = append(out, p) // a reply of bytes alone says nothing
		}
	}
	return out
}

// nonEmpty drops the empty string, which is no channel: it is what
// error paths return ("", err) or a field left unset.
func nonEmpty(ss []Str) []Str {
	out := ss[:0]
	for _, s := range ss {
		if v, ok := s.Known(); ok && v == "" {
			continue
		}
		out = append(out, s)
	}
	return out
}

// typedMessages reports whether some message has a Go payload type (or
// one a wrapper's caller gives).
func typedMessages(ms []Message) bool {
	for _, m := range ms {
		if m.Payload.Type != nil || m.Payload.Param != nil {
			return true
		}
	}
	return false
}

// protocolOf returns the protocol of one table call at a site.
func (r *resolver) protocolOf(s site, lib *protocols.Library, c protocols.Call) *protocols.Protocol {
	if c.ProtocolBy != nil {
		// The literal start of each value: "wss://{host}/feed" is a
		// wss URL whatever its host.
		for _, str := range r.strings(r.eval(s, c.ProtocolBy.Path, val{})) {
			v := str.literalPrefix()
			for _, ch := range c.ProtocolBy.Choices {
				if strings.HasPrefix(v, ch.Prefix) {
					return ch.Protocol
				}
			}
		}
	}
	if c.Protocol != nil {
		return c.Protocol
	}
	return lib.Protocol
}

func (r *resolver) callOperations(s site, callee *types.Func, lib *protocols.Library, c protocols.Call) []*template {
	proto := r.protocolOf(s, lib, c)
	settings := make(map[protocols.Setting][]Str)
	for name, p := range c.Settings {
		if strs := r.strings(r.eval(s, p, val{})); len(strs) > 0 {
			settings[name] = strs
		}
	}

	// Group the messages by the address each resolves to.
	type group struct {
		addr Str
		msgs []Message
		seen map[string]bool
	}
	var groups []*group
	byAddr := make(map[string]*group)
	add := func(a Str, m Message) {
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

	msgVals := r.messages(s, c)
	if len(msgVals) == 0 {
		msgVals = []val{{}} // the call is known, its message is not
	}
	for _, mv := range msgVals {
		msgs := r.messageContents(s, c, mv)
		for _, a := range r.addresses(s, c, mv) {
			addr, known := a.Known()
			kept := 0
			for _, m := range msgs {
				if only := m.Payload.only; only != "" {
					if known && only != addr {
						continue // decoded for another topic
					}
					m.Payload.only = ""
				}
				add(a, m)
				kept++
			}
			if kept == 0 {
				add(a, Message{Payload: Payload{Raw: "[]byte"}})
			}
		}
	}

	var replies []Payload
	if c.Reply != nil {
		replies = r.replyPayloads(s, c.Reply)
	}
	ext := c.Extensions
	if len(c.ExtensionSettings) > 0 {
		ext = make(map[string]string)
		for k, v := range c.Extensions {
			ext[k] = v
		}
		for k, p := range c.ExtensionSettings {
			if vs := r.knownStrings(r.eval(s, p, val{})); len(vs) > 0 {
				ext[k] = strings.Join(vs, ",")
			}
		}
	}
	out := make([]*template, 0, len(groups))
	for _, g := range groups {
		if c.OnlyWithPayload && !typedMessages(g.msgs) {
			if len(replies) == 0 {
				continue
			}
			g.msgs = nil // a request without a body: only the reply says something
		}
		out = append(out, &template{
			lib:         lib,
			proto:       proto,
			action:      c.Action,
			callee:      callee.FullName(),
			short:       shortName(callee),
			address:     g.addr,
			messages:    g.msgs,
			settings:    settings,
			pos:         s.pos(),
			channelKind: c.ChannelKind,
			extensions:  ext,
			replies:     replies,
		})
	}
	return out
}

// messages returns the message values of a call: each element of a sent
// slice or variadic argument, or the received result.
func (r *resolver) messages(s site, c protocols.Call) []val {
	if c.Message.IsZero() {
		return nil
	}
	if c.Action == protocols.Receive {
		// Received messages are followed forward: results, the values
		// received from a returned channel, the elements of a batch.
		var out []val
		for _, p := range append([]protocols.Path{c.Message}, c.Messages...) {
			out = append(out, r.readsOfFields(r.evalRoot(s, p, val{}), p.Fields)...)
		}
		return out
	}
	var out []val
	for _, v := range r.eval(s, c.Message, val{}) {
		if isSlice(v.v.Type()) {
			out = append(out, r.elements(v, make(visited))...)
		} else {
			out = append(out, v)
		}
	}
	return out
}

// addresses resolves the address of one message: the first of the
// call's address paths that is set anywhere wins.
func (r *resolver) addresses(s site, c protocols.Call, msg val) []Str {
	for _, p := range c.Address {
		if p.Root == protocols.RootMessage && msg.v == nil {
			continue
		}
		vs := r.eval(s, p, msg)
		if len(vs) == 0 {
			continue
		}
		if strs := nonEmpty(r.strings(vs)); len(strs) > 0 {
			sort.SliceStable(strs, func(i, j int) bool { return strs[i].key() < strs[j].key() })
			return strs
		}
	}
	return []Str{dynamic("address", "it is never set where the client is created")}
}

// messageContents returns the distinct payload (and key) combinations of
// one message value.
func (r *resolver) messageContents(s site, c protocols.Call, msg val) []Message {
	var payloads, keys []Payload
	switch c.Action {
	case protocols.Send:
		if c.Handler != nil {
			// What a handler writes: a WebSocket route's messages.
			payloads = r.handlerPayloads(s, c.Handler, c.Payload.Fields)
			break
		}
		r.sendByteMethod = c.ByteMethod
		payloads = r.sentPayloads(s, c.Payload, msg, c.Encodes)
		r.sendByteMethod = ""
		if !c.Key.IsZero() {
			keys = r.sentPayloads(s, c.Key, msg, nil)
		}
	case protocols.Receive:
		if c.Handler != nil {
			payloads = r.handlerPayloads(s, c.Handler, c.Payload.Fields)
			if !c.Key.IsZero() {
				keys = r.handlerPayloads(s, c.Handler, c.Key.Fields)
			}
			break
		}
		if !c.Topic.IsZero() {
			r.topicReads = r.readsOfPath(s, c.Topic, msg)
			defer func() { r.topicReads = nil }()
		}
		payloads = r.receivedPayloads(s, c.Payload, msg)
		if !c.Key.IsZero() {
			keys = r.receivedPayloads(s, c.Key, msg)
		}
	}
	if len(payloads) == 0 {
		payloads = []Payload{{Raw: "[]byte"}}
	}
	var headers []Header
	if c.Action == protocols.Send && !c.Headers.List.IsZero() {
		headers = r.sentHeaders(s, c.Headers, msg)
	}
	var settings map[protocols.Setting][]string
	for name, p := range c.MessageSettings {
		if p.Root == protocols.RootMessage && msg.v == nil {
			continue
		}
		if vs := r.knownStrings(r.eval(s, p, msg)); len(vs) > 0 {
			if settings == nil {
				settings = make(map[protocols.Setting][]string)
			}
			settings[name] = vs
		}
	}
	var out []Message
	for _, p := range payloads {
		if len(keys) == 0 {
			out = append(out, Message{Payload: p, Headers: headers, Settings: settings})
			continue
		}
		for _, k := range keys {
			out = append(out, Message{Payload: p, Key: &k, Headers: headers, Settings: settings})
		}
	}
	return out
}

// sentHeaders resolves the headers set on a sent message: every element
// of the header list whose name is a constant.
func (r *resolver) sentHeaders(s site, hl protocols.HeaderList, msg val) []Header {
	if hl.List.Root == protocols.RootMessage && msg.v == nil {
		return nil
	}
	if hl.Map {
		return r.mapHeaders(r.eval(s, hl.List, msg))
	}
	var out []Header
	seen := make(map[string]bool)
	for _, list := range r.eval(s, hl.List, msg) {
		for _, el := range r.elements(list, make(visited)) {
			names := r.knownStrings(r.field(el, hl.Key, make(visited)))
			var values []Payload
			vs := make(visited)
			for _, v := range r.field(el, hl.Value, make(visited)) {
				values = append(values, r.encodedFrom(v, vs, 0)...)
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
