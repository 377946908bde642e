package analyzer

import (
	"fmt"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"github.com/asyncapi-extract/asyncapi-extract/protocols"
)

// Result is what the Analyzer finds in one package: every send and
// receive operation, in source order.
type Result struct {
	Operations []*Operation
	// Declarations are the broker entities the package declares with
	// constant names.
	Declarations []Declaration
	// Directives are the package's info and server directives.
	Directives []PackageDirective
	// Wrappers are the package's functions whose operations depend on
	// their parameters. Their operations are reported where they are
	// called; a driver that sees the whole program reports the
	// operations of a wrapper nobody calls as they stand here, with
	// what depends on parameters unknown.
	Wrappers []Wrapper
	// Failures are internal errors the analysis recovered from: the
	// operations of those call sites (or of the whole package) are
	// missing.
	Failures []Failure
}

// Declaration is a broker entity a call declares (an AMQP exchange).
type Declaration struct {
	Library  *protocols.Library
	Kind     string
	Names    []string
	Settings map[protocols.Setting][]string
	Pos      token.Pos
}

// Wrapper is a function whose operations depend on its parameters.
type Wrapper struct {
	// Func is its full name.
	Func string
	// Exported is set when code of other packages can call it.
	Exported bool
	// Operations are its operations with parameters unresolved.
	Operations []*Operation
}

// Operation is one send or receive of one channel at one call site. A call
// that reaches several channels (a reader of several group topics, a
// batch of messages to different topics) gives one Operation per channel.
type Operation struct {
	// Library is the client library table the call matched.
	Library *protocols.Library
	// Protocol is the operation's protocol: the library's, or the one
	// its table gives the call.
	Protocol *protocols.Protocol
	// Action is send or receive.
	Action protocols.Action
	// Callee is the full name of the client function called.
	Callee string
	// Pos is the position of the call: of the client, or of the
	// outermost wrapper it was found through.
	Pos token.Pos
	// Trail are the positions of the calls inside the wrappers the
	// operation went through, outermost first, ending at the client
	// call.
	Trail []token.Position
	// Via are the full names of those wrappers.
	Via []string
	// Address is the channel address.
	Address Address
	// Messages are the distinct messages the call site sends or
	// receives on that channel.
	Messages []Message
	// Settings holds the constant values of the protocol settings found
	// at the call site (consumer group, broker addresses), sorted and
	// without duplicates.
	Settings map[protocols.Setting][]string
	// Func is the function declaring the call, when it is a declared
	// function or method (nil in a closure at package level).
	Func *types.Func

	// ID, MessageName, Summary and Tags are set by directives;
	// Description by a directive or else from Func's doc comment.
	ID          string
	MessageName string
	Summary     string
	Description string
	Tags        []string

	// ChannelKind and Extensions come from the library's table.
	ChannelKind string
	Extensions  map[string]string

	// Replies are the payloads of the replies to the operation's
	// messages (an HTTP response), on the same channel.
	Replies []Payload
}

// Proto returns the operation's protocol.
func (op *Operation) Proto() *protocols.Protocol {
	if op.Protocol != nil {
		return op.Protocol
	}
	return op.Library.Protocol
}

// Address is a resolved channel address.
type Address struct {
	// Known is set when Value is the address: a constant, or a template
	// whose {name} parameters are described by Params. Otherwise the
	// address is only known at run time and Origin says where it comes
	// from.
	Known bool
	// Value is the address.
	Value string
	// Params are the template's parameters, in order of appearance.
	Params []AddressParam
	// Origin describes where an unknown address comes from, as Go
	// source (`os.Getenv("TOPIC")`, `parameter topic of Publish`).
	Origin string
}

// AddressParam is a parameter of an address template.
type AddressParam struct {
	Name string
	// Origin describes where the value comes from, as Go source.
	Origin string
}

// key identifies the address.
func (a Address) key() string {
	if !a.Known {
		return "?" + a.Origin
	}
	k := a.Value
	for _, p := range a.Params {
		k += "|" + p.Name + "=" + p.Origin
	}
	return k
}

// addressOf turns what is known of a string into an address: a constant,
// a template when some of it is literal, else unknown.
func addressOf(s Str) Address {
	if v, ok := s.Known(); ok {
		return Address{Known: true, Value: v}
	}
	if !s.hasLiteral() {
		var origins []string
		for _, p := range s.Parts {
			if p.Kind != PartLit {
				origins = append(origins, p.Origin)
			}
		}
		return Address{Origin: strings.Join(origins, " + ")}
	}
	var b strings.Builder
	var params []AddressParam
	used := make(map[string]int)
	for _, p := range s.Parts {
		if p.Kind == PartLit {
			b.WriteString(p.Text)
			continue
		}
		name := templateName(p.Name)
		used[name]++
		if n := used[name]; n > 1 {
			name = fmt.Sprintf("%s%d", name, n)
		}
		b.WriteString("{" + name + "}")
		params = append(params, AddressParam{Name: name, Origin: p.Origin})
	}
	return Address{Known: true, Value: b.String(), Params: params}
}

// templateName makes a parameter name of a Go name: letters, digits and
// underscores, starting lower case.
func templateName(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			b.WriteRune(r)
		}
	}
	name := b.String()
	if name == "" || name[0] >= '0' && name[0] <= '9' {
		name = "p" + name
	}
	if name == strings.ToUpper(name) {
		return strings.ToLower(name) // REGION from os.Getenv("REGION")
	}
	return strings.ToLower(name[:1]) + name[1:]
}

// Message is one message of an operation.
type Message struct {
	Payload Payload
	// Key is the message key, nil when the code sets none.
	Key *Payload
	// Headers are the headers the code sets, by name.
	Headers []Header
	// Settings are the constant settings of the message (the
	// protocol's MessageBinding fields are made of them).
	Settings map[protocols.Setting][]string
}

// Header is a message header set with a constant name.
type Header struct {
	Name  string
	Value Payload
}

// Payload describes the bytes of a message payload or key.
type Payload struct {
	// Type is the Go type that is encoded into (or decoded from) the
	// bytes; nil when the bytes have no typed origin.
	Type types.Type
	// Raw is the Go type of the bytes when Type is nil: "[]byte" or
	// "string".
	Raw string
	// ContentType is the media type of the encoding, when known.
	ContentType string
	// Encoding is how Type maps to the bytes (encoding/json, protobuf,
	// msgpack); empty for raw payloads.
	Encoding protocols.Encoding
	// Param, in a wrapper's summary, says that the payload is what the
	// wrapper's caller passes as a parameter.
	Param *ParamPayload

	// Fields, for a payload that is a map literal of constant keys
	// (a Redis stream entry's Values), are its fields and their types.
	Fields []Header

	// only, while a receive call is analysed, is the channel address
	// the payload is decoded for, when the code decodes it only after
	// checking the message's topic.
	only string
}

// ParamPayload is a payload a wrapper takes from its caller: parameter
// number Index (the receiver of a method is 0), then Fields; Bytes says
// that it is the encoded bytes, not the Go value to encode.
type ParamPayload struct {
	Index  int
	Fields []string
	Bytes  bool
	// Callback, when not 0, says that the parameter is a function the
	// received value is passed to as argument Callback-1, which
	// decodes it after selecting Path.
	Callback int
	Path     []string
	// Method, for a callback, names the method of the parameter's value
	// that receives it (a handler type).
	Method string
}

// key returns a string that identifies p among the payloads of one
// operation.
func (p Payload) key() string {
	if p.only != "" {
		q := p
		q.only = ""
		return q.key() + " only " + p.only
	}
	if len(p.Fields) > 0 {
		k := "fields"
		for _, f := range p.Fields {
			k += " " + f.Name + "=" + f.Value.key()
		}
		return k
	}
	if p.Param != nil {
		return fmt.Sprintf("%s %s param %d %v %v %d %v %s", p.ContentType, p.Encoding, p.Param.Index, p.Param.Fields, p.Param.Bytes, p.Param.Callback, p.Param.Path, p.Param.Method)
	}
	if p.Type != nil {
		return p.ContentType + " " + string(p.Encoding) + " " + types.TypeString(p.Type, nil)
	}
	return p.ContentType + " raw " + p.Raw
}

func (m Message) key() string {
	k := m.Payload.key()
	if m.Key != nil {
		k += " key " + m.Key.key()
	}
	for _, h := range m.Headers {
		k += " header " + h.Name + "=" + h.Value.key()
	}
	names := make([]string, 0, len(m.Settings))
	for n := range m.Settings {
		names = append(names, string(n))
	}
	sort.Strings(names)
	for _, n := range names {
		k += " setting " + n + "=" + strings.Join(m.Settings[protocols.Setting(n)], ",")
	}
	return k
}

// Describe writes the operation on one line, with types qualified
// relative to pkg:
//
//	kafka send "orders" payload=Order(application/json) key=string groupId=billing
func (op *Operation) Describe(pkg *types.Package) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s ", op.Proto().Name, op.Action)
	if op.Address.Known {
		fmt.Fprintf(&b, "%q", op.Address.Value)
		for _, p := range op.Address.Params {
			fmt.Fprintf(&b, " {%s}=%s", p.Name, p.Origin)
		}
	} else {
		b.WriteString("<dynamic>")
	}
	for _, v := range op.Via {
		b.WriteString(" via=" + trimFullName(v))
	}

	if op.ID != "" {
		b.WriteString(" id=" + op.ID)
	}
	if op.MessageName != "" {
		b.WriteString(" message=" + op.MessageName)
	}
	if op.Summary != "" {
		fmt.Fprintf(&b, " summary=%q", op.Summary)
	}
	if len(op.Tags) > 0 {
		b.WriteString(" tags=" + strings.Join(op.Tags, ","))
	}
	for _, m := range op.Messages {
		b.WriteString(" payload=" + m.Payload.describe(pkg))
		if m.Key != nil {
			b.WriteString(" key=" + m.Key.describe(pkg))
		}
		for _, h := range m.Headers {
			fmt.Fprintf(&b, " header[%s]=%s", h.Name, h.Value.describe(pkg))
		}
	}
	for _, rp := range op.Replies {
		b.WriteString(" reply=" + rp.describe(pkg))
	}
	names := make([]string, 0, len(op.Settings))
	for s := range op.Settings {
		names = append(names, string(s))
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(&b, " %s=%s", n, strings.Join(op.Settings[protocols.Setting(n)], ","))
	}
	return b.String()
}

func (p Payload) describe(pkg *types.Package) string {
	if len(p.Fields) > 0 {
		parts := make([]string, len(p.Fields))
		for i, f := range p.Fields {
			parts[i] = f.Name + ":" + f.Value.describe(pkg)
		}
		return "{" + strings.Join(parts, ",") + "}"
	}
	if p.Type == nil {
		return p.Raw
	}
	s := types.TypeString(p.Type, func(other *types.Package) string {
		if other == pkg {
			return ""
		}
		return other.Name()
	})
	if p.ContentType != "" {
		s += "(" + p.ContentType + ")"
	}
	return s
}
