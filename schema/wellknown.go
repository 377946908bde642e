package schema

import (
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
}

// special returns the schema of t when a well-known mapping or a marshaling
// method, rather than t's structure, decides its encoding, and nil
// otherwise. The order is encoding/json's: json.Marshaler is consulted
// before encoding.TextMarshaler.
func special(t types.Type) *jsonschema.Schema {
	if f, ok := wellKnown[types.TypeString(t, nil)]; ok {
		return f()
	}
	if _, ok := t.Underlying().(*types.Interface); ok {
		// An interface's methods are the dynamic value's business.
		return nil
	}
	if hasMarshalMethod(t, "MarshalJSON", true) {
		// Custom output: nothing is known about it.
		return &jsonschema.Schema{}
	}
	if hasMarshalMethod(t, "MarshalText", true) {
		return typed(jsonschema.String)
	}
	return nil
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
