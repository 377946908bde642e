// Package protocols describes, as data, the client libraries whose calls
// send or receive messages: which functions they are (keyed by the full
// name go/types gives them), where each call takes its channel address,
// message, payload and settings from, and how a protocol's bindings are
// written in AsyncAPI.
//
// Adding a client library means adding one table file here (a [Library]
// value listed in [Libraries]); the analyzer and the emitter read the
// tables and hold no library-specific code.
package protocols

import (
	"sort"
)

// Action is the AsyncAPI operation action.
type Action string

// The two AsyncAPI actions.
const (
	Send    Action = "send"
	Receive Action = "receive"
)

// Root names the value a [Path] starts from at a call site.
type Root uint8

// The roots of a path.
const (
	// RootNone marks the zero Path: nothing to resolve.
	RootNone Root = iota
	// RootRecv is the method's receiver.
	RootRecv
	// RootArg is the Index-th argument, not counting the receiver. A
	// variadic parameter is the slice of its arguments.
	RootArg
	// RootResult is the Index-th result of the call.
	RootResult
	// RootMessage is the message value the call sends or receives, as
	// found by [Call.Message]; only valid in the paths of a Call that has
	// a Message.
	RootMessage
	// RootConst is a constant the table gives: the string Fields[0].
	RootConst
)

// Path says where a value is: a Root, then a list of elements, each one
// of:
//
//	Name       a struct field (or a field a [Constructor] names, which the
//	           library keeps internally: a Reader's configured topic)
//	Name()     the result of calling method Name (followed forward, on
//	           received values: msg.Payload())
//	[]         each element of a slice, array or variadic argument
//	[n]        its n-th element (redigo's Do("PUBLISH", channel, message))
//	[:len/2]   the elements of its first half (XREAD's Streams: the keys,
//	           then as many IDs)
//	["key"]    the value stored under a constant key of a map literal
//	[keys]     each key of a map literal; [values] each value
//	<-         each value sent on (for sends) or received from (for
//	           receives) a channel: producer.Input() <- msg
//	pkg.F(i)   argument i of a call of function pkg.F among the values:
//	           functional options, kgo.DefaultProduceTopic("t")
type Path struct {
	Root   Root
	Index  int
	Fields []string
}

// IsZero reports whether p names nothing.
func (p Path) IsZero() bool { return p.Root == RootNone }

// Recv is a path from the receiver.
func Recv(fields ...string) Path { return Path{Root: RootRecv, Fields: fields} }

// Arg is a path from the i-th argument (the receiver not counted).
func Arg(i int, fields ...string) Path { return Path{Root: RootArg, Index: i, Fields: fields} }

// Result is a path from the i-th result.
func Result(i int, fields ...string) Path { return Path{Root: RootResult, Index: i, Fields: fields} }

// Msg is a path from the message the call sends or receives.
func Msg(fields ...string) Path { return Path{Root: RootMessage, Fields: fields} }

// pathWith is p followed by fields, in a new slice: p may be a path
// shared by several entries.
func pathWith(p Path, fields ...string) Path {
	return Path{Root: p.Root, Index: p.Index, Fields: append(append([]string(nil), p.Fields...), fields...)}
}

// Call describes one function or method of a client library that sends or
// receives messages.
type Call struct {
	Action Action

	// Message locates the message values: for a send, an argument (a
	// variadic argument or slice stands for each of its elements); for a
	// receive, a result. Zero when the call's arguments are the message.
	Message Path
	// Messages are further places a receive's messages come from, for
	// clients that deliver them several ways (ReadMessage(), Poll(),
	// Events()).
	Messages []Path

	// Address lists where the channel address may come from, most
	// specific first: the first one that is set at the call site wins
	// (kafka-go's Message.Topic overrides Writer.Topic, say). A value
	// that is a list of strings gives one channel per element.
	Address []Path

	// Payload locates the payload bytes (or value) of a message.
	Payload Path

	// Topic, for a receive that reads several channels, locates the
	// message field that says which one a message came from
	// (kafka-go's Message.Topic): code that switches on it decodes a
	// different payload per channel.
	Topic Path

	// Key locates the message key, for protocols that have one.
	Key Path

	// Headers locates the message headers, when they are a list of
	// key/value structs.
	Headers HeaderList

	// Handler, for a receive that delivers messages to a function the
	// code passes (a callback, or a method of a handler type), says
	// which: then Payload, Key and Topic are paths from the argument the
	// handler receives.
	Handler *Handler

	// Settings are named values the protocol's bindings are made of
	// (a consumer group, a broker address). The names are the
	// protocol's [Setting] names.
	Settings map[Setting]Path

	// MessageSettings are settings of each message (Msg paths): an
	// AMQP Publishing's contentEncoding, say.
	MessageSettings map[Setting]Path

	// ChannelKind names the kind of channel the call addresses, where a
	// protocol has several (AMQP: "routingKey" for a publish, "queue"
	// for a consume); it selects the channel binding.
	ChannelKind string

	// Extensions are x- fields written on the operation
	// (x-redis-command: PUBLISH).
	Extensions map[string]string

	// Protocol, when set, is the protocol of the operation instead of
	// the library's (a WebSocket upgraded on an HTTP route).
	Protocol *Protocol
	// ProtocolBy, when set, picks the protocol by a string the call is
	// given (net.Dial("udp", ...)).
	ProtocolBy *ProtocolChoice
	// Encodes, when set, says the Payload is a Go value the call
	// encodes itself (NATS's EncodedConn.Publish(subj, v) as JSON), not
	// bytes.
	Encodes *Codec
	// ByteMethod, when set, names the method the call uses to turn a
	// payload given as an interface into bytes, when the value has it
	// (with no arguments, returning []byte and error): go-redis calls
	// MarshalBinary on an encoding.BinaryMarshaler.
	ByteMethod string
	// ExtensionSettings are x- fields written on the operation from
	// constants of the call (x-redis-group from XReadGroup's Group).
	ExtensionSettings map[string]Path

	// Reply, when set, says where the reply to the message is: the
	// response an HTTP handler writes, the answer a NATS request
	// receives.
	Reply *Reply
	// When, if set, restricts the entry to calls where the constant at
	// When.Path is one of When.Values (case-insensitively): redigo's
	// conn.Do("PUBLISH", channel, message).
	When *Condition
	// OnlyWithPayload drops the operation when no typed payload is found
	// (an HTTP route whose handler reads no body).
	OnlyWithPayload bool
	// Then are further operations at the same call: a connection both
	// sends and receives.
	Then []Call
}

// Reply locates the reply payload: Payload from the call, or, when
// Handler is set, from the argument that handler receives.
type Reply struct {
	Handler *Handler
	Payload Path
}

// Condition is a constraint on a call's constant argument.
type Condition struct {
	Path   Path
	Values []string
}

// ProtocolChoice picks a protocol by the constant at Path: the first
// entry of Choices whose Prefix the constant starts with.
type ProtocolChoice struct {
	Path    Path
	Choices []ProtocolPrefix
}

// ProtocolPrefix is one choice of a ProtocolChoice.
type ProtocolPrefix struct {
	Prefix   string
	Protocol *Protocol
}

// Handler says where a receive call delivers its messages: to argument
// Arg of the function at Func, or, when Method is set, of that method of
// the value at Func (a handler type: sarama's ConsumerGroupHandler).
type Handler struct {
	Func   Path
	Method string
	Arg    int
}

// HeaderList describes message headers kept as a list of structs, like
// kafka-go's []kafka.Header{{Key: "k", Value: []byte("v")}}.
type HeaderList struct {
	// List locates the list.
	List Path
	// Key and Value name the fields of an element.
	Key, Value string
	// Map says the headers are a map from name to Go value (AMQP's
	// amqp.Table), not a list of Key/Value structs of encoded bytes.
	Map bool
}

// Constructor describes a function whose result carries values taken from
// its arguments, so that a path through the result can be followed back
// to the arguments. Fields maps a field name of the result (or "" for
// the result itself) to where it comes from.
type Constructor struct {
	Fields map[string]Path
}

// Setting names a value that a protocol's bindings or servers are built
// from.
type Setting string

// Settings known to the protocols. A protocol may name others.
const (
	// SettingBroker is a broker or server address ("host:port").
	SettingBroker Setting = "broker"
	// SettingGroupID is a consumer group id.
	SettingGroupID Setting = "groupId"
	// SettingClientID is a client id.
	SettingClientID Setting = "clientId"
)

// Library is the table of one client library.
type Library struct {
	// Name is how users know the library, e.g. "segmentio/kafka-go".
	Name string
	// Path is the import path of its package.
	Path string
	// Protocol is what it speaks.
	Protocol *Protocol
	// Calls are its send and receive functions, keyed by
	// (*types.Func).FullName(). A key may be a function of another
	// package when the library's messages travel through it: a handler
	// registered with net/http that upgrades to a WebSocket.
	Calls map[string]Call
	// Constructors are its functions whose results keep their
	// arguments, keyed by (*types.Func).FullName().
	Constructors map[string]Constructor
	// Declarations are its calls that declare broker entities, keyed
	// by (*types.Func).FullName().
	Declarations map[string]Declaration
	// Setters are methods that set a field of their receiver, keyed by
	// (*types.Func).FullName(): opts.AddBroker(b) sets "Broker",
	// c.SubscribeTopics(ts, nil) sets "Topics". Paths through the
	// receiver's field see the calls.
	Setters map[string]Setter
	// Writes and Reads are its calls that write a message to or read
	// one from a stream (a connection), keyed by full function name;
	// they join Codecs.Writes and Codecs.Reads.
	Writes, Reads map[string]Codec
	// DerivedStreams are its calls that make a stream writing to or
	// reading from another (a WebSocket connection's NextWriter); they
	// join Codecs.DerivedStreams.
	DerivedStreams map[string]DerivedStream
	// ByteMethods are its interfaces whose values are message bytes made
	// by a method; they join Codecs.ByteMethods.
	ByteMethods map[string]string
}

// Setter describes a method that sets a field of its receiver to Value.
type Setter struct {
	Field string
	Value Path
}

// Libraries returns every supported library, ordered by name.
func Libraries() []*Library {
	libs := []*Library{
		KafkaGo, IBMSarama, ShopifySarama, FranzGo, ConfluentV1, ConfluentV2,
		AMQP091, StreadwayAMQP,
		PahoMQTT, PahoGolang, AutoPaho,
		NetHTTP, Net,
		GoRedisV9, GoRedisV8, Redigo,
		Gorilla, CoderWS, NhooyrWS, GobwasWS,
		NatsGo, JetStream,
	}
	sort.Slice(libs, func(i, j int) bool { return libs[i].Name < libs[j].Name })
	return libs
}

// Index is the lookup structure the analyzer uses: every table entry of
// every library by full function name.
type Index struct {
	// Calls may hold several entries for one function: a library can
	// describe what happens at another library's calls (a WebSocket
	// upgraded in a handler registered with net/http).
	Calls        map[string][]CallEntry
	Constructors map[string]Constructor
	Declarations map[string]DeclarationEntry
	Setters      map[string]Setter
	// Paths are the import paths of the libraries, for a quick check of
	// whether a package can contain any operation at all.
	Paths map[string]*Library
	// Writes, Reads, DerivedStreams and ByteMethods are Codecs' entries
	// and the libraries'.
	Writes, Reads  map[string]Codec
	DerivedStreams map[string]DerivedStream
	ByteMethods    map[string]string
}

// DeclarationEntry is a Declaration together with its library.
type DeclarationEntry struct {
	Declaration
	Library *Library
}

// CallEntry is a Call together with its library.
type CallEntry struct {
	Call
	Library *Library
}

// NewIndex builds the index of libs.
func NewIndex(libs []*Library) *Index {
	ix := &Index{
		Calls:          make(map[string][]CallEntry),
		Constructors:   make(map[string]Constructor),
		Declarations:   make(map[string]DeclarationEntry),
		Setters:        make(map[string]Setter),
		Paths:          make(map[string]*Library),
		Writes:         make(map[string]Codec),
		Reads:          make(map[string]Codec),
		DerivedStreams: make(map[string]DerivedStream),
		ByteMethods:    make(map[string]string),
	}
	merge(ix.Writes, Codecs.Writes)
	merge(ix.Reads, Codecs.Reads)
	merge(ix.DerivedStreams, Codecs.DerivedStreams)
	merge(ix.ByteMethods, Codecs.ByteMethods)
	for _, lib := range libs {
		merge(ix.Writes, lib.Writes)
		merge(ix.Reads, lib.Reads)
		merge(ix.DerivedStreams, lib.DerivedStreams)
		merge(ix.ByteMethods, lib.ByteMethods)
		ix.Paths[lib.Path] = lib
		for name, c := range lib.Calls {
			ix.Calls[name] = append(ix.Calls[name], CallEntry{Call: c, Library: lib})
		}
		for name, c := range lib.Constructors {
			ix.Constructors[name] = c
		}
		for name, st := range lib.Setters {
			ix.Setters[name] = st
		}
		for name, d := range lib.Declarations {
			ix.Declarations[name] = DeclarationEntry{Declaration: d, Library: lib}
		}
	}
	return ix
}

func merge[V any](dst, src map[string]V) {
	for k, v := range src {
		dst[k] = v
	}
}
