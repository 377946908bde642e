// Package schema derives JSON Schemas for the Go types of message payloads.
//
// The input is go/types types: the analysed program is never compiled or
// run, so nothing here uses package reflect on user types. The output uses
// the data model of github.com/swaggest/jsonschema-go (jsonschema.Schema),
// rendered by [Node] as a yaml.v3 node tree that the emitter writes as YAML
// or JSON.
//
// A schema describes exactly what encoding/json writes for a value of the
// type (see reflect.go and fields.go), refined by the field tags of the
// swaggest vocabulary (see tags.go).
//
// # Decisions
//
// Components. Every named type whose underlying type is a struct, including
// instances of generic types, becomes a component referenced with
// {$ref: "#/components/schemas/<Name>"}, unless a well-known mapping or a
// marshaling method decides its encoding (see wellknown.go). A named type of
// another kind is inlined, except when it is recursive without passing
// through a struct (type Tree map[string]Tree), in which case it becomes a
// component too so that the recursion ends at a $ref.
//
// Names. A component is named after its type: Order, and Envelope_Order for
// Envelope[Order]. A type is qualified only where the set mentions another
// type of the same name: by its package name (orders.Order), then by ever
// more elements of its import path (shop.orders.Order). Types that still
// share a name (Box[*T] and Box[T]) get a numeric suffix. Names therefore
// depend on the whole set of types, but never on the order of Add calls.
// See names.go.
//
// Required. A property is required when encoding/json always writes it:
// not with omitzero; not with omitempty, unless the type cannot be empty
// (encoding/json never omits a struct or a non-empty array, so a time.Time
// with omitempty is required); not when it is promoted through an embedded
// pointer, which may be nil. The tag required:"true|false" overrides this.
//
// Nullability. Only struct fields of pointer type are nullable (not the
// elements of []*T or map[K]*T), and only
// when neither omitempty nor omitzero is set (then a nil pointer is omitted,
// not written as null); the swaggest tag nullable:"true|false" overrides
// this. An inline schema with a type gets "null" added to its type list
// (type: [integer, "null"]); a $ref is wrapped as
// anyOf: [{$ref: ...}, {type: "null"}]; an unconstrained schema {} already
// admits null. Nil slices and maps, which encoding/json also writes as null,
// are deliberately not nullable: documents stay readable and most producers
// send [] or {}.
//
// Annotations next to $ref. Draft-07 ignores keywords next to $ref, so a
// field that adds a description or constraints to a referenced type is
// written as {description: ..., allOf: [{$ref: ...}]}.
//
// Property order. jsonschema.Schema keeps properties in a Go map, which has
// no order. The generator records the JSON names in Go field order in
// ExtraProperties["x-go-property-order"] (a []string) and [Node] writes
// properties in that order, never printing the key itself. Code that
// marshals a Schema with its own MarshalJSON would print the key; use Node.
package schema
