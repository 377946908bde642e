package protocols

// Protocol describes how one messaging protocol is written in AsyncAPI:
// its server, the bindings made of the settings the code sets, and how
// its addresses read. It is data; the emitter interprets it.
type Protocol struct {
	// Name is the AsyncAPI server protocol ("kafka", "amqp", ...).
	Name string
	// ServerName is the id of the server made for the protocol when
	// no directive declares one; defaults to Name. (MQTT 3 and MQTT 5
	// are both protocol "mqtt", on servers "mqtt" and "mqtt5".)
	ServerName string
	// BindingName is the key of its bindings, when not Name: "wss"
	// servers carry "ws" bindings, "https" ones "http" bindings.
	BindingName string
	// ProtocolVersion is the server's protocolVersion, if any.
	ProtocolVersion string
	// BindingVersion is the version of AsyncAPI's bindings for the
	// protocol; empty when AsyncAPI defines no bindings for it.
	BindingVersion string
	// HostVariable names the server variable used as host when the code
	// names no broker address.
	HostVariable string
	// HostDescription describes that variable.
	HostDescription string
	// ChannelAddressField, when set, is the channel binding field that
	// repeats a constant address (kafka's "topic").
	ChannelAddressField string
	// ChannelBinding lists, by channel kind (see Call.ChannelKind; ""
	// for calls that set none), the channel binding fields.
	ChannelBinding map[string][]BindingField
	// OperationBinding lists, in output order, the operation binding
	// fields made from settings.
	OperationBinding []BindingField
	// MessageBinding lists the message binding fields, made from the
	// settings of each message (Call.MessageSettings).
	MessageBinding []BindingField
	// MessageKey says whether the message binding has a "key" schema.
	MessageKey bool
	// Wildcards, when set, are the protocol's topic filter wildcards,
	// which AsyncAPI addresses cannot hold: they become parameters.
	Wildcards *Wildcards
	// Routes says addresses are Go 1.22 HTTP route patterns
	// ("POST /orders/{id}"): the method becomes the "method" setting and
	// the path wildcards parameters.
	Routes bool
}

// LookupProtocol returns the protocol whose server is server among those
// of every library, for facts that name a protocol.
func LookupProtocol(server string) *Protocol {
	var found *Protocol
	var visit func(c Call)
	visit = func(c Call) {
		if c.Protocol != nil && c.Protocol.Server() == server {
			found = c.Protocol
		}
		if c.ProtocolBy != nil {
			for _, ch := range c.ProtocolBy.Choices {
				if ch.Protocol.Server() == server {
					found = ch.Protocol
				}
			}
		}
		for _, t := range c.Then {
			visit(t)
		}
	}
	for _, lib := range Libraries() {
		if lib.Protocol.Server() == server {
			return lib.Protocol
		}
		for _, c := range lib.Calls {
			visit(c)
		}
	}
	return found
}

// Binding returns the key of the protocol's bindings.
func (p *Protocol) Binding() string {
	if p.BindingName != "" {
		return p.BindingName
	}
	return p.Name
}

// secure returns the protocol over TLS, named name: same bindings.
func (p *Protocol) secure(name, host string) *Protocol {
	q := *p
	q.Name, q.ServerName, q.BindingName = name, "", p.Binding()
	q.HostVariable = host
	return &q
}

// Server returns the id of the protocol's default server.
func (p *Protocol) Server() string {
	if p.ServerName != "" {
		return p.ServerName
	}
	return p.Name
}

// FieldType is how a binding field's value is written.
type FieldType uint8

// The types of binding fields.
const (
	// String writes the value as a string.
	String FieldType = iota
	// Integer writes it as an integer.
	Integer
	// Boolean writes it as true or false.
	Boolean
	// EnumSchema writes the values as a Schema
	// ({type: string, enum: [v...]}), as kafka's groupId must be.
	EnumSchema
	// Const writes BindingField.Const, whatever the settings.
	Const
)

// BindingField is one binding field.
type BindingField struct {
	// Name is the field name in the binding object; a dotted name
	// ("exchange.name") is a field of a nested object.
	Name string
	// Setting is where its value comes from.
	Setting Setting
	// Type is how the value is written.
	Type FieldType
	// Const is the value of a Const field.
	Const string
	// Enum, when set, lists the values the binding allows; others are
	// left out (an exchange type the spec does not know).
	Enum []string
}

// Wildcards are a protocol's topic filter wildcards.
type Wildcards struct {
	// Single matches one level ("+" in MQTT, "*" in NATS).
	Single string
	// Multi matches the rest of the levels ("#" in MQTT, ">" in NATS);
	// only as the last level.
	Multi string
	// Separator separates levels ("/" in MQTT, "." in NATS).
	Separator string
}

// Declaration describes a call that declares a broker entity the
// operations refer to by name (AMQP's ExchangeDeclare, QueueDeclare,
// QueueBind): its settings complete the bindings of the channels that
// use that name.
type Declaration struct {
	// Kind is what is declared: "exchange", "queue", "binding".
	Kind string
	// Name locates the name that channels refer to it by (for a
	// binding, the queue).
	Name Path
	// Settings are its settings.
	Settings map[Setting]Path
}
