package protocols

// Protocol describes how one messaging protocol is written in AsyncAPI:
// its server protocol name and which operation settings go into its
// bindings. It is data; the emitter interprets it.
type Protocol struct {
	// Name is the AsyncAPI server protocol ("kafka", "amqp", ...).
	Name string
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
	// OperationBinding lists, in output order, the operation binding
	// fields made from settings.
	OperationBinding []BindingField
	// MessageKey says whether the message binding has a "key" schema.
	MessageKey bool
}

// BindingField is one binding field made from a setting.
type BindingField struct {
	// Name is the field name in the binding object.
	Name string
	// Setting is where its value comes from.
	Setting Setting
	// AsSchema writes the value as a Schema ({type: string, enum: [v]}),
	// as kafka's groupId and clientId must be, instead of a plain value.
	AsSchema bool
}
