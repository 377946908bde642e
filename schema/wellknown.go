package schema

import (
	"fmt"
	"go/types"

	"github.com/swaggest/jsonschema-go"
)

// wellKnown maps the full name of a type (types.TypeString with no
// qualifier) to the schema of its JSON encoding, for types whose encoding
// their Go structure or method set does not tell: time.Time is a struct
// written as an RFC 3339 string, json.Number is a string written as a
// number, uuid.UUID is an array written as a string. Entries are functions
// so that every caller gets a schema of its own to modify.
var wellKnown = map[string]func() *jsonschema.Schema{
	"time.Time":                   func() *jsonschema.Schema { return formatted(jsonschema.String, "date-time") },
	"time.Duration":               func() *jsonschema.Schema { return typed(jsonschema.Integer) }, // nanoseconds
	"encoding/json.Number":        func() *jsonschema.Schema { return typed(jsonschema.Number) },
	"encoding/json.RawMessage":    func() *jsonschema.Schema { return &jsonschema.Schema{} },
	"math/big.Int":                func() *jsonschema.Schema { return typed(jsonschema.Integer) }, // MarshalJSON writes digits
	"github.com/google/uuid.UUID": func() *jsonschema.Schema { return formatted(jsonschema.String, "uuid") },
	"github.com/gofrs/uuid.UUID":  func() *jsonschema.Schema { return formatted(jsonschema.String, "uuid") },
	"github.com/gofrs/uuid/v5.UUID": func() *jsonschema.Schema {
		return formatted(jsonschema.String, "uuid")
	},
	"github.com/satori/go.uuid.UUID": func() *jsonschema.Schema { return formatted(jsonschema.String, "uuid") },
	// net.IP is a TextMarshaler: "" for a nil IP, else dotted IPv4 (also
	// for IPv4-mapped IPv6 addresses) or IPv6 text.
	"net.IP": func() *jsonschema.Schema {
		s := typed(jsonschema.String)
		s.AnyOf = []jsonschema.SchemaOrBool{
			(&jsonschema.Schema{}).WithFormat("ipv4").ToSchemaOrBool(),
			(&jsonschema.Schema{}).WithFormat("ipv6").ToSchemaOrBool(),
			(&jsonschema.Schema{}).WithMaxLength(0).ToSchemaOrBool(),
		}
		return s
	},
}

// special returns the schema of t when a well-known mapping or a marshaling
// method, rather than t's structure, decides its encoding, and nil
// otherwise.
func (r *reflector) special(t types.Type) *jsonschema.Schema {
	switch r.enc {
	case ProtoJSON:
		if s := protoWellKnown(t); s != nil {
			return s
		}
	case Msgpack:
		return r.msgpackSpecial(t)
	}
	return r.jsonSpecial(t)
}

// jsonSpecial is special for encoding/json. The order is encoding/json's:
// json.Marshaler is consulted before encoding.TextMarshaler.
func (r *reflector) jsonSpecial(t types.Type) *jsonschema.Schema {
	if f, ok := wellKnown[types.TypeString(t, nil)]; ok {
		return f()
	}
	if _, ok := t.Underlying().(*types.Interface); ok {
		// An interface's methods are the dynamic value's business.
		return nil
	}
	if hasMarshalMethod(t, "MarshalJSON", true) {
		// Custom output: nothing is known about it.
		r.note(t, "MarshalJSON")
		return &jsonschema.Schema{}
	}
	if hasMarshalMethod(t, "MarshalText", true) {
		return typed(jsonschema.String)
	}
	return nil
}

// msgpackSpecial is special for vmihailenco/msgpack/v5, which consults,
// in this order, its own registered types (time.Time is the timestamp
// extension), CustomEncoder (EncodeMsgpack), Marshaler (MarshalMsgpack),
// encoding.BinaryMarshaler (bin) and encoding.TextMarshaler (str).
func (r *reflector) msgpackSpecial(t types.Type) *jsonschema.Schema {
	if types.TypeString(t, nil) == "time.Time" {
		return formatted(jsonschema.String, "date-time")
	}
	if _, ok := t.Underlying().(*types.Interface); ok {
		return nil
	}
	if obj, _, _ := types.LookupFieldOrMethod(t, true, nil, "EncodeMsgpack"); obj != nil {
		if _, ok := obj.(*types.Func); ok {
			r.note(t, "EncodeMsgpack")
			return &jsonschema.Schema{}
		}
	}
	if hasMarshalMethod(t, "MarshalMsgpack", true) {
		r.note(t, "MarshalMsgpack")
		return &jsonschema.Schema{}
	}
	if hasMarshalMethod(t, "MarshalBinary", true) {
		return formatted(jsonschema.String, "binary")
	}
	if hasMarshalMethod(t, "MarshalText", true) {
		return typed(jsonschema.String)
	}
	return nil
}

// note records that t's method decides an output nothing is known of.
func (r *reflector) note(t types.Type, method string) {
	if r.notes == nil {
		return
	}
	var obj types.Object
	name := types.TypeString(t, nil)
	if n, ok := types.Unalias(t).(*types.Named); ok {
		obj = n.Origin().Obj()
	}
	r.notes.add(obj, fmt.Sprintf("%s has a %s method: its schema is unconstrained; describe it with an //asyncapi:payload directive", name, method))
}

// hasMarshalMethod reports whether t (or *t, if addressable) has a method
// name() ([]byte, error), the shape of MarshalJSON and MarshalText.
//
// encoding/json calls a pointer-receiver method only when the value is
// addressable (a field of a struct reached through a pointer, a slice
// element), not for a struct passed by value. Payloads are nearly always
// sent through pointers or contain the type as a field, so values use the
// method set of *t. Map keys are never addressable.
func hasMarshalMethod(t types.Type, name string, addressable bool) bool {
	obj, _, _ := types.LookupFieldOrMethod(t, addressable, nil, name)
	fn, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	sig := fn.Signature()
	if sig.Params().Len() != 0 || sig.Results().Len() != 2 {
		return false
	}
	return types.Identical(sig.Results().At(0).Type(), byteSlice) &&
		types.Identical(sig.Results().At(1).Type(), errorType)
}

var (
	byteSlice = types.NewSlice(types.Typ[types.Byte])
	errorType = types.Universe.Lookup("error").Type()
)

// basic maps the basic kinds encoding/json supports to their schemas.
func basic(b *types.Basic) *jsonschema.Schema {
	info := b.Info()
	switch {
	case info&types.IsBoolean != 0:
		return typed(jsonschema.Boolean)
	case info&types.IsUnsigned != 0:
		s := typed(jsonschema.Integer)
		s.WithMinimum(0)
		return s
	case info&types.IsInteger != 0:
		return typed(jsonschema.Integer)
	case info&types.IsFloat != 0:
		return typed(jsonschema.Number)
	case info&types.IsString != 0:
		return typed(jsonschema.String)
	}
	// complex, unsafe.Pointer: encoding/json refuses them.
	return &jsonschema.Schema{}
}

func typed(t jsonschema.SimpleType) *jsonschema.Schema {
	return (&jsonschema.Schema{}).WithType(t.Type())
}

func formatted(t jsonschema.SimpleType, format string) *jsonschema.Schema {
	return typed(t).WithFormat(format)
}
