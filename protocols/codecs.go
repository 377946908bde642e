package protocols

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
}

// StreamCodec describes a constructor that binds an encoder or decoder to
// an io.Writer or io.Reader (json.NewEncoder(w)): Stream is that argument.
type StreamCodec struct {
	Stream Path
}

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
}{
	Encoders: map[string]Codec{
		"encoding/json.Marshal":           {Value: Arg(0), Data: Result(0), ContentType: "application/json"},
		"encoding/json.MarshalIndent":     {Value: Arg(0), Data: Result(0), ContentType: "application/json"},
		"(*encoding/json.Encoder).Encode": {Value: Arg(0), ContentType: "application/json"},
	},
	Decoders: map[string]Codec{
		"encoding/json.Unmarshal":         {Value: Arg(1), Data: Arg(0), ContentType: "application/json"},
		"(*encoding/json.Decoder).Decode": {Value: Arg(0), ContentType: "application/json"},
	},
	StreamEncoders: map[string]StreamCodec{
		"encoding/json.NewEncoder": {Stream: Arg(0)},
	},
	StreamDecoders: map[string]StreamCodec{
		"encoding/json.NewDecoder": {Stream: Arg(0)},
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
}
