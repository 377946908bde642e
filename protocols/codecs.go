package protocols

// Encoding names the mapping between a Go value and its bytes, which
// decides the payload schema's field names and types.
type Encoding string

// The encodings payload schemas are made for.
const (
	// EncodingJSON is encoding/json.
	EncodingJSON Encoding = "json"
	// EncodingProtoJSON is protobuf: the schema follows the protojson
	// mapping of a generated message (also used to describe binary
	// protobuf payloads, whose field names it keeps).
	EncodingProtoJSON Encoding = "protojson"
	// EncodingMsgpack is github.com/vmihailenco/msgpack.
	EncodingMsgpack Encoding = "msgpack"
)

// Codec describes a function that turns a Go value into message bytes or
// back. Payloads are followed through codecs to their Go types.
type Codec struct {
	// Value is the Go value encoded (or, for a decoder, the pointer
	// decoded into).
	Value Path
	// Data is the encoded bytes: the result of a marshal function, the
	// input of an unmarshal function. Zero when the codec writes to or
	// reads from a stream bound by its constructor (json.NewEncoder).
	Data Path
	// ContentType is the AsyncAPI message contentType of what it makes.
	ContentType string
	// Encoding decides the schema of the Go value.
	Encoding Encoding
}

// StreamCodec describes a constructor that binds an encoder or decoder to
// an io.Writer or io.Reader (json.NewEncoder(w)): Stream is that argument.
type StreamCodec struct {
	Stream Path
}

const (
	contentJSON     = "application/json"
	contentProtobuf = "application/x-protobuf"
	contentMsgpack  = "application/msgpack"
)

func jsonCodec(value, data Path) Codec {
	return Codec{Value: value, Data: data, ContentType: contentJSON, Encoding: EncodingJSON}
}

func protoCodec(value, data Path) Codec {
	return Codec{Value: value, Data: data, ContentType: contentProtobuf, Encoding: EncodingProtoJSON}
}

func protojsonCodec(value, data Path) Codec {
	return Codec{Value: value, Data: data, ContentType: contentJSON, Encoding: EncodingProtoJSON}
}

func msgpackCodec(value, data Path) Codec {
	return Codec{Value: value, Data: data, ContentType: contentMsgpack, Encoding: EncodingMsgpack}
}

const (
	protoPkg     = "google.golang.org/protobuf/proto"
	protojsonPkg = "google.golang.org/protobuf/encoding/protojson"
	oldProtoPkg  = "github.com/golang/protobuf/proto"
	msgpackPkg   = "github.com/vmihailenco/msgpack/v5"
)

// Codecs are the encoders and decoders payloads are followed through,
// keyed by full function name: one documented place for every codec.
var Codecs = struct {
	Encoders       map[string]Codec
	Decoders       map[string]Codec
	StreamEncoders map[string]StreamCodec
	StreamDecoders map[string]StreamCodec
	// Buffers are functions that return what was written to a stream
	// (Path names the stream): buf.Bytes() after json.NewEncoder(&buf).
	Buffers map[string]Path
	// Readers are functions that make a stream of bytes (Path names the
	// bytes): json.NewDecoder(bytes.NewReader(b)).
	Readers map[string]Path
	// ByteMethods are interfaces, by full type name, whose values are
	// message bytes made by a method (sarama.Encoder's Encode): a user
	// type implementing one is followed into that method.
	ByteMethods map[string]string
}{
	Encoders: map[string]Codec{
		"encoding/json.Marshal":           jsonCodec(Arg(0), Result(0)),
		"encoding/json.MarshalIndent":     jsonCodec(Arg(0), Result(0)),
		"(*encoding/json.Encoder).Encode": jsonCodec(Arg(0), Path{}),

		protoPkg + ".Marshal":                           protoCodec(Arg(0), Result(0)),
		"(" + protoPkg + ".MarshalOptions).Marshal":     protoCodec(Arg(0), Result(0)),
		oldProtoPkg + ".Marshal":                        protoCodec(Arg(0), Result(0)),
		protojsonPkg + ".Marshal":                       protojsonCodec(Arg(0), Result(0)),
		"(" + protojsonPkg + ".MarshalOptions).Marshal": protojsonCodec(Arg(0), Result(0)),

		msgpackPkg + ".Marshal":                msgpackCodec(Arg(0), Result(0)),
		"(*" + msgpackPkg + ".Encoder).Encode": msgpackCodec(Arg(0), Path{}),
	},
	Decoders: map[string]Codec{
		"encoding/json.Unmarshal":         jsonCodec(Arg(1), Arg(0)),
		"(*encoding/json.Decoder).Decode": jsonCodec(Arg(0), Path{}),

		protoPkg + ".Unmarshal":                             protoCodec(Arg(1), Arg(0)),
		"(" + protoPkg + ".UnmarshalOptions).Unmarshal":     protoCodec(Arg(1), Arg(0)),
		oldProtoPkg + ".Unmarshal":                          protoCodec(Arg(1), Arg(0)),
		protojsonPkg + ".Unmarshal":                         protojsonCodec(Arg(1), Arg(0)),
		"(" + protojsonPkg + ".UnmarshalOptions).Unmarshal": protojsonCodec(Arg(1), Arg(0)),

		msgpackPkg + ".Unmarshal":              msgpackCodec(Arg(1), Arg(0)),
		"(*" + msgpackPkg + ".Decoder).Decode": msgpackCodec(Arg(0), Path{}),
	},
	StreamEncoders: map[string]StreamCodec{
		"encoding/json.NewEncoder": {Stream: Arg(0)},
		msgpackPkg + ".NewEncoder": {Stream: Arg(0)},
	},
	StreamDecoders: map[string]StreamCodec{
		"encoding/json.NewDecoder": {Stream: Arg(0)},
		msgpackPkg + ".NewDecoder": {Stream: Arg(0)},
	},
	Buffers: map[string]Path{
		"(*bytes.Buffer).Bytes":  Recv(),
		"(*bytes.Buffer).String": Recv(),
	},
	Readers: map[string]Path{
		"bytes.NewReader":   Arg(0),
		"bytes.NewBuffer":   Arg(0),
		"strings.NewReader": Arg(0),
	},
	ByteMethods: map[string]string{
		"github.com/IBM/sarama.Encoder":     "Encode",
		"github.com/Shopify/sarama.Encoder": "Encode",
	},
}
