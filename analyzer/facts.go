package analyzer

import (
	"fmt"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/types/objectpath"

	"github.com/asyncapi-extract/asyncapi-extract/protocols"
)

// WrapperFact summarises a function that performs operations depending
// on its parameters (a wrapper): its templates, as plain data. Each call
// of the function, in any package, instantiates them.
type WrapperFact struct {
	Ops []OpFact
}

// AFact marks WrapperFact as an analysis fact.
func (*WrapperFact) AFact() {}

func (f *WrapperFact) String() string {
	parts := make([]string, len(f.Ops))
	for i, op := range f.Ops {
		parts[i] = op.String()
	}
	return "wraps(" + strings.Join(parts, "; ") + ")"
}

// VarFact gives the strings a package variable holds: its value, or the
// elements of a list, as its package's initializer sets them; the
// package never assigns it otherwise. (var Brokers = []string{...})
type VarFact struct {
	Strs []Str
}

// AFact marks VarFact as an analysis fact.
func (*VarFact) AFact() {}

func (f *VarFact) String() string {
	parts := make([]string, len(f.Strs))
	for i, s := range f.Strs {
		parts[i] = s.key()
	}
	return "var(" + strings.Join(parts, ", ") + ")"
}

// OpFact is a template as a fact.
type OpFact struct {
	Library  string
	Protocol string // the operation's protocol's server, when not the library's
	Action   string
	Callee   string
	Short    string
	Address  Str
	Messages []MessageFact
	// Settings are sorted by name.
	Settings []SettingFact
	// Trail holds the position of the client call, then those of the
	// wrappers it went through.
	Trail []token.Position
	Via   []string
	// Set by the wrapper's directives.
	MessageName, OpID, Summary, Description string
	Tags                                    []string
	// Invoke, when set, is an interface call deferred to the callers.
	Invoke *InvokeFact
	// ChannelKind and Extensions come from the library's table.
	ChannelKind string
	Extensions  []SettingFact
	Replies     []PayloadFact
}

// InvokeFact is a deferred interface call as a fact.
type InvokeFact struct {
	Method, Full string
	Recv         ParamPayload
	Args         []ArgFact
}

// ArgFact is an argument of a deferred call as a fact.
type ArgFact struct {
	Strs          []Str
	Values, Bytes []PayloadFact
}

func (op OpFact) String() string {
	var b strings.Builder
	if op.Invoke != nil {
		fmt.Fprintf(&b, "invoke %s on $%d%s", op.Invoke.Method, op.Invoke.Recv.Index, fieldsSuffix(op.Invoke.Recv.Fields))
		return b.String()
	}
	fmt.Fprintf(&b, "%s %s %s", op.Library, op.Action, op.Address.key())
	for _, m := range op.Messages {
		b.WriteString(" payload=" + m.Payload.String())
	}
	for _, st := range op.Settings {
		for _, s := range st.Strs {
			fmt.Fprintf(&b, " %s=%s", st.Name, s.key())
		}
	}
	return b.String()
}

// SettingFact is one setting of a template.
type SettingFact struct {
	Name string
	Strs []Str
}

// MessageFact is a Message as a fact.
type MessageFact struct {
	Payload  PayloadFact
	Key      *PayloadFact
	Headers  []HeaderFact
	Settings []SettingFact // values are literal Strs
}

// HeaderFact is a Header as a fact.
type HeaderFact struct {
	Name  string
	Value PayloadFact
}

// PayloadFact is a Payload as a fact: its Go type as a TypeRef.
type PayloadFact struct {
	Fields      []HeaderFact
	Type        *TypeRef
	Raw         string
	ContentType string
	Encoding    string
	Param       *ParamPayload
}

func (p PayloadFact) String() string {
	switch {
	case p.Param != nil && p.Param.Callback > 0:
		return fmt.Sprintf("$%d%s(arg%d)%s", p.Param.Index, fieldsSuffix(p.Param.Fields), p.Param.Callback-1, fieldsSuffix(p.Param.Path))
	case p.Param != nil:
		return fmt.Sprintf("$%d%s", p.Param.Index, fieldsSuffix(p.Param.Fields))
	case p.Type != nil:
		return p.Type.String()
	}
	return p.Raw
}

func fieldsSuffix(fields []string) string {
	if len(fields) == 0 {
		return ""
	}
	return "." + strings.Join(fields, ".")
}

// TypeRef names a Go type in a fact: named types by package path and
// object path (so that they are found again with go/types, not by name),
// composite types by their parts, type parameters by index.
type TypeRef struct {
	Kind  string // named, pointer, slice, array, map, basic, typeparam, interface
	Pkg   string
	Path  string // objectpath of a named type's TypeName within Pkg
	Name  string // basic type name; named type name for messages
	Args  []TypeRef
	Len   int64
	Index int
}

func (t TypeRef) String() string {
	switch t.Kind {
	case "named":
		s := t.Pkg + "." + t.Name
		if len(t.Args) > 0 {
			args := make([]string, len(t.Args))
			for i, a := range t.Args {
				args[i] = a.String()
			}
			s += "[" + strings.Join(args, ",") + "]"
		}
		return s
	case "pointer":
		return "*" + t.Args[0].String()
	case "slice":
		return "[]" + t.Args[0].String()
	case "array":
		return fmt.Sprintf("[%d]%s", t.Len, t.Args[0].String())
	case "map":
		return "map[" + t.Args[0].String() + "]" + t.Args[1].String()
	case "typeparam":
		return fmt.Sprintf("$T%d", t.Index)
	case "basic":
		return t.Name
	}
	return "any"
}

// typeRefOf encodes a type; types it cannot name become "interface",
// which reads back as an unconstrained schema.
func typeRefOf(t types.Type) *TypeRef {
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		obj := t.Origin().Obj()
		if obj.Pkg() == nil {
			return &TypeRef{Kind: "interface"} // error
		}
		path, err := objectpath.For(obj)
		if err != nil {
			return &TypeRef{Kind: "interface"}
		}
		ref := &TypeRef{Kind: "named", Pkg: obj.Pkg().Path(), Path: string(path), Name: obj.Name()}
		for i := range t.TypeArgs().Len() {
			ref.Args = append(ref.Args, *typeRefOf(t.TypeArgs().At(i)))
		}
		return ref
	case *types.Pointer:
		return &TypeRef{Kind: "pointer", Args: []TypeRef{*typeRefOf(t.Elem())}}
	case *types.Slice:
		return &TypeRef{Kind: "slice", Args: []TypeRef{*typeRefOf(t.Elem())}}
	case *types.Array:
		return &TypeRef{Kind: "array", Len: t.Len(), Args: []TypeRef{*typeRefOf(t.Elem())}}
	case *types.Map:
		return &TypeRef{Kind: "map", Args: []TypeRef{*typeRefOf(t.Key()), *typeRefOf(t.Elem())}}
	case *types.Basic:
		return &TypeRef{Kind: "basic", Name: t.Name()}
	case *types.TypeParam:
		return &TypeRef{Kind: "typeparam", Index: t.Index()}
	}
	return &TypeRef{Kind: "interface"}
}

// typeResolver decodes TypeRefs in the packages one package can see.
type typeResolver struct {
	pkg  *types.Package
	pkgs map[string]*types.Package
	// tparams stand in for type parameters until a call substitutes
	// them.
	tparams map[int]*types.TypeParam
}

func newTypeResolver(pkg *types.Package) *typeResolver {
	return &typeResolver{pkg: pkg, tparams: make(map[int]*types.TypeParam)}
}

func (tr *typeResolver) lookupPackage(path string) *types.Package {
	if tr.pkgs == nil {
		tr.pkgs = make(map[string]*types.Package)
		var add func(p *types.Package)
		add = func(p *types.Package) {
			if _, ok := tr.pkgs[p.Path()]; ok {
				return
			}
			tr.pkgs[p.Path()] = p
			for _, imp := range p.Imports() {
				add(imp)
			}
		}
		add(tr.pkg)
	}
	return tr.pkgs[path]
}

func (tr *typeResolver) typeOf(ref *TypeRef) types.Type {
	if ref == nil {
		return nil
	}
	args := func() []types.Type {
		out := make([]types.Type, len(ref.Args))
		for i := range ref.Args {
			out[i] = tr.typeOf(&ref.Args[i])
		}
		return out
	}
	switch ref.Kind {
	case "named":
		pkg := tr.lookupPackage(ref.Pkg)
		if pkg == nil {
			return anyType
		}
		obj, err := objectpath.Object(pkg, objectpath.Path(ref.Path))
		if err != nil {
			return anyType
		}
		tn, ok := obj.(*types.TypeName)
		if !ok {
			return anyType
		}
		if len(ref.Args) == 0 {
			return tn.Type()
		}
		inst, err := types.Instantiate(nil, tn.Type(), args(), false)
		if err != nil {
			return anyType
		}
		return inst
	case "pointer":
		return types.NewPointer(args()[0])
	case "slice":
		return types.NewSlice(args()[0])
	case "array":
		return types.NewArray(args()[0], ref.Len)
	case "map":
		a := args()
		return types.NewMap(a[0], a[1])
	case "basic":
		for _, b := range types.Typ {
			if b != nil && b.Name() == ref.Name {
				return b
			}
		}
	case "typeparam":
		tp := tr.tparams[ref.Index]
		if tp == nil {
			// A type parameter's index is its place in the list it is
			// bound in: bind Index+1 fresh ones and keep the last.
			list := make([]*types.TypeParam, ref.Index+1)
			for i := range list {
				name := types.NewTypeName(token.NoPos, nil, fmt.Sprintf("T%d", i), nil)
				list[i] = types.NewTypeParam(name, anyType)
			}
			types.NewSignatureType(nil, nil, list, nil, nil, false)
			tp = list[ref.Index]
			tr.tparams[ref.Index] = tp
		}
		return tp
	}
	return anyType
}

// toFact encodes a template.
func (t *tracer) toFact(tm *template) OpFact {
	lib := ""
	if tm.lib != nil {
		lib = tm.lib.Name
	}
	proto := ""
	if tm.proto != nil && tm.lib != nil && tm.proto != tm.lib.Protocol {
		proto = tm.proto.Server()
	}
	op := OpFact{
		Library:  lib,
		Protocol: proto,
		Action:   string(tm.action),
		Callee:   tm.callee,
		Short:    tm.short,
		Address:  tm.address,
		Via:      tm.via,

		MessageName: tm.messageName,
		OpID:        tm.opID,
		Summary:     tm.summary,
		Description: tm.description,
		Tags:        tm.tags,
		ChannelKind: tm.channelKind,
	}
	for k, v := range tm.extensions {
		op.Extensions = append(op.Extensions, SettingFact{Name: k, Strs: []Str{lit(v)}})
	}
	for _, rp := range tm.replies {
		op.Replies = append(op.Replies, payloadFact(rp))
	}
	sort.Slice(op.Extensions, func(i, j int) bool { return op.Extensions[i].Name < op.Extensions[j].Name })
	op.Trail = t.callTrail(tm)
	if inv := tm.invoke; inv != nil {
		f := &InvokeFact{Method: inv.method, Full: inv.full, Recv: *inv.recv}
		for _, a := range inv.args {
			af := ArgFact{Strs: a.Strs}
			for _, p := range a.Values {
				af.Values = append(af.Values, payloadFact(p))
			}
			for _, p := range a.Bytes {
				af.Bytes = append(af.Bytes, payloadFact(p))
			}
			f.Args = append(f.Args, af)
		}
		op.Invoke = f
	}
	for k, v := range tm.settings {
		op.Settings = append(op.Settings, SettingFact{Name: string(k), Strs: v})
	}
	sort.Slice(op.Settings, func(i, j int) bool { return op.Settings[i].Name < op.Settings[j].Name })
	for _, m := range tm.messages {
		mf := MessageFact{Payload: payloadFact(m.Payload)}
		if m.Key != nil {
			k := payloadFact(*m.Key)
			mf.Key = &k
		}
		for _, h := range m.Headers {
			mf.Headers = append(mf.Headers, HeaderFact{Name: h.Name, Value: payloadFact(h.Value)})
		}
		for k, vs := range m.Settings {
			sf := SettingFact{Name: string(k)}
			for _, v := range vs {
				sf.Strs = append(sf.Strs, lit(v))
			}
			mf.Settings = append(mf.Settings, sf)
		}
		sort.Slice(mf.Settings, func(i, j int) bool { return mf.Settings[i].Name < mf.Settings[j].Name })
		op.Messages = append(op.Messages, mf)
	}
	return op
}

func payloadFact(p Payload) PayloadFact {
	pf := PayloadFact{Raw: p.Raw, ContentType: p.ContentType, Encoding: string(p.Encoding), Param: p.Param}
	for _, f := range p.Fields {
		pf.Fields = append(pf.Fields, HeaderFact{Name: f.Name, Value: payloadFact(f.Value)})
	}
	if p.Type != nil {
		pf.Type = typeRefOf(p.Type)
	}
	return pf
}

// fromFact decodes the templates of an imported wrapper fact. The
// templates have no position of their own in this package: their trail
// holds it.
func (t *tracer) fromFact(f *WrapperFact) []*template {
	var out []*template
	for _, op := range f.Ops {
		if inv := op.Invoke; inv != nil {
			it := &invokeT{method: inv.Method, full: inv.Full, recv: &ParamPayload{Index: inv.Recv.Index, Fields: inv.Recv.Fields}}
			for _, af := range inv.Args {
				a := argT{Strs: af.Strs}
				for _, p := range af.Values {
					a.Values = append(a.Values, t.payloadOf(p))
				}
				for _, p := range af.Bytes {
					a.Bytes = append(a.Bytes, t.payloadOf(p))
				}
				it.args = append(it.args, a)
			}
			out = append(out, &template{invoke: it, trail: op.Trail, via: op.Via})
			continue
		}
		lib := libraryByName(op.Library)
		if lib == nil {
			continue
		}
		tm := &template{
			lib:     lib,
			proto:   protocols.LookupProtocol(op.Protocol),
			action:  protocols.Action(op.Action),
			callee:  op.Callee,
			short:   op.Short,
			address: op.Address,
			trail:   op.Trail,
			via:     op.Via,

			messageName: op.MessageName,
			opID:        op.OpID,
			summary:     op.Summary,
			description: op.Description,
			tags:        op.Tags,
			channelKind: op.ChannelKind,
		}
		for _, rp := range op.Replies {
			tm.replies = append(tm.replies, t.payloadOf(rp))
		}
		if len(op.Extensions) > 0 {
			tm.extensions = make(map[string]string)
			for _, e := range op.Extensions {
				if v, ok := e.Strs[0].Known(); ok {
					tm.extensions[e.Name] = v
				}
			}
		}
		tm.settings = make(map[protocols.Setting][]Str)
		for _, st := range op.Settings {
			tm.settings[protocols.Setting(st.Name)] = st.Strs
		}
		for _, mf := range op.Messages {
			m := Message{Payload: t.payloadOf(mf.Payload)}
			if mf.Key != nil {
				k := t.payloadOf(*mf.Key)
				m.Key = &k
			}
			for _, h := range mf.Headers {
				m.Headers = append(m.Headers, Header{Name: h.Name, Value: t.payloadOf(h.Value)})
			}
			for _, sf := range mf.Settings {
				if m.Settings == nil {
					m.Settings = make(map[protocols.Setting][]string)
				}
				for _, str := range sf.Strs {
					if v, ok := str.Known(); ok {
						m.Settings[protocols.Setting(sf.Name)] = append(m.Settings[protocols.Setting(sf.Name)], v)
					}
				}
			}
			tm.messages = append(tm.messages, m)
		}
		out = append(out, tm)
	}
	return out
}

func (t *tracer) payloadOf(pf PayloadFact) Payload {
	p := Payload{Raw: pf.Raw, ContentType: pf.ContentType, Encoding: protocols.Encoding(pf.Encoding), Param: pf.Param}
	for _, f := range pf.Fields {
		p.Fields = append(p.Fields, Header{Name: f.Name, Value: t.payloadOf(f.Value)})
	}
	if pf.Type != nil {
		p.Type = t.types.typeOf(pf.Type)
	}
	return p
}

func libraryByName(name string) *protocols.Library {
	for _, lib := range protocols.Libraries() {
		if lib.Name == name {
			return lib
		}
	}
	return nil
}

// hasTypeParam reports whether t mentions a type parameter.
func hasTypeParam(t types.Type) bool {
	switch t := types.Unalias(t).(type) {
	case *types.TypeParam:
		return true
	case *types.Named:
		for i := range t.TypeArgs().Len() {
			if hasTypeParam(t.TypeArgs().At(i)) {
				return true
			}
		}
	case *types.Pointer:
		return hasTypeParam(t.Elem())
	case *types.Slice:
		return hasTypeParam(t.Elem())
	case *types.Array:
		return hasTypeParam(t.Elem())
	case *types.Map:
		return hasTypeParam(t.Key()) || hasTypeParam(t.Elem())
	}
	return false
}

// substTypeParams replaces the type parameters in t by the type
// arguments of a call, by index.
func substTypeParams(t types.Type, targs []types.Type) types.Type {
	switch t := types.Unalias(t).(type) {
	case *types.TypeParam:
		if i := t.Index(); i < len(targs) {
			return targs[i]
		}
		return anyType
	case *types.Named:
		if t.TypeArgs().Len() == 0 {
			return t
		}
		args := make([]types.Type, t.TypeArgs().Len())
		for i := range args {
			args[i] = substTypeParams(t.TypeArgs().At(i), targs)
		}
		inst, err := types.Instantiate(nil, t.Origin(), args, false)
		if err != nil {
			return anyType
		}
		return inst
	case *types.Pointer:
		return types.NewPointer(substTypeParams(t.Elem(), targs))
	case *types.Slice:
		return types.NewSlice(substTypeParams(t.Elem(), targs))
	case *types.Array:
		return types.NewArray(substTypeParams(t.Elem(), targs), t.Len())
	case *types.Map:
		return types.NewMap(substTypeParams(t.Key(), targs), substTypeParams(t.Elem(), targs))
	}
	return t
}
