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
	// EncodingBinary is encoding/binary: the schema describes the
	// structure of the Go value, in its JSON terms.
	EncodingBinary Encoding = "binary"
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
	// Stream, for a call in Writes or Reads, is the stream (a
	// connection, a writer) the call writes to or reads from.
	Stream Path
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

// rawWrite writes the bytes at data to the stream.
func rawWrite(stream, data Path) Codec { return Codec{Stream: stream, Data: data} }

// rawRead reads bytes into (or returns them at) data from the stream.
func rawRead(stream, data Path) Codec { return Codec{Stream: stream, Data: data} }

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
	// Writes are calls that write a message to a stream (a connection,
	// a response writer): the Go value they encode (Value) or the bytes
	// they write (Data). A payload path ending in "encoded" is every
	// message written to a stream.
	Writes map[string]Codec
	// Reads are calls that read a message from a stream; a payload
	// path ending in "decoded" is every message read from a stream.
	Reads map[string]Codec
	// DerivedStreams are calls that make a stream from another
	// (bufio.NewWriter(conn)): the messages of the one are the other's.
	DerivedStreams map[string]DerivedStream
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
	Writes: map[string]Codec{
		"(io.Writer).Write":           rawWrite(Recv(), Arg(0)),
		"(*bytes.Buffer).Write":       rawWrite(Recv(), Arg(0)),
		"(*bytes.Buffer).WriteString": rawWrite(Recv(), Arg(0)),
		"(net.Conn).Write":            rawWrite(Recv(), Arg(0)),
		"(*net.UDPConn).WriteTo":      rawWrite(Recv(), Arg(0)),
		// TCPConn, UDPConn and IPConn promote Read and Write from the
		// unexported net.conn.
		"(*net.conn).Write":               rawWrite(Recv(), Arg(0)),
		"(*net.UDPConn).WriteToUDP":       rawWrite(Recv(), Arg(0)),
		"(*net.IPConn).WriteTo":           rawWrite(Recv(), Arg(0)),
		"(net.PacketConn).WriteTo":        rawWrite(Recv(), Arg(0)),
		"(net/http.ResponseWriter).Write": rawWrite(Recv(), Arg(0)),
		"io.WriteString":                  rawWrite(Arg(0), Arg(1)),
		"(*bufio.Writer).Write":           rawWrite(Recv(), Arg(0)),
		"(*bufio.Writer).WriteString":     rawWrite(Recv(), Arg(0)),
		"fmt.Fprint":                      {Stream: Arg(0), Value: Arg(1, "[]"), ContentType: "text/plain"},
		"fmt.Fprintf":                     {Stream: Arg(0), Data: Arg(1), ContentType: "text/plain"},
		"fmt.Fprintln":                    {Stream: Arg(0), Value: Arg(1, "[]"), ContentType: "text/plain"},
		"encoding/binary.Write":           {Stream: Arg(0), Value: Arg(2), ContentType: "application/octet-stream", Encoding: EncodingBinary},
	},
	Reads: map[string]Codec{
		"(io.Reader).Read":           rawRead(Recv(), Arg(0)),
		"(net.Conn).Read":            rawRead(Recv(), Arg(0)),
		"(*net.conn).Read":           rawRead(Recv(), Arg(0)),
		"(*net.UDPConn).ReadFrom":    rawRead(Recv(), Arg(0)),
		"(*net.UDPConn).ReadFromUDP": rawRead(Recv(), Arg(0)),
		"(*net.IPConn).ReadFrom":     rawRead(Recv(), Arg(0)),
		"(net.PacketConn).ReadFrom":  rawRead(Recv(), Arg(0)),
		"io.ReadAll":                 rawRead(Arg(0), Result(0)),
		"io.ReadFull":                rawRead(Arg(0), Arg(1)),
		"(*bufio.Reader).Read":       rawRead(Recv(), Arg(0)),
		"(*bufio.Reader).ReadBytes":  rawRead(Recv(), Result(0)),
		"(*bufio.Reader).ReadString": rawRead(Recv(), Result(0)),
		"(*bufio.Reader).ReadSlice":  rawRead(Recv(), Result(0)),
		"(*bufio.Reader).ReadLine":   rawRead(Recv(), Result(0)),
		"(*bufio.Scanner).Bytes":     rawRead(Recv(), Result(0)),
		"(*bufio.Scanner).Text":      rawRead(Recv(), Result(0)),
		"encoding/binary.Read":       {Stream: Arg(0), Value: Arg(2), ContentType: "application/octet-stream", Encoding: EncodingBinary},
	},
	DerivedStreams: map[string]DerivedStream{
		"bufio.NewWriter":         {From: Arg(0), To: Result(0)},
		"bufio.NewWriterSize":     {From: Arg(0), To: Result(0)},
		"bufio.NewReader":         {From: Arg(0), To: Result(0)},
		"bufio.NewReaderSize":     {From: Arg(0), To: Result(0)},
		"bufio.NewScanner":        {From: Arg(0), To: Result(0)},
		"bufio.NewReadWriter":     {From: Arg(0), To: Result(0)},
		"io.TeeReader":            {From: Arg(0), To: Result(0)},
		"io.LimitReader":          {From: Arg(0), To: Result(0)},
		"net/http.MaxBytesReader": {From: Arg(1), To: Result(0)},
	},
	ByteMethods: map[string]string{},
}

// DerivedStream describes a call that makes a stream from another: what
// is written to the stream at To is written to the one at From
// (bufio.NewWriter(conn)), what is read from To is read from From.
type DerivedStream struct {
	From, To Path
}
