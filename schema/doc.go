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
// marshaling method decides its encoding (see wellknown.go). So does a
// named type with an enum (see Enums), so that the enum is defined once. A
// named type of another kind is inlined, except when it is recursive
// without passing through a struct (type Tree map[string]Tree), in which
// case it becomes a component too so that the recursion ends at a $ref.
//
// Descriptions. Doc comments come from a [Docs], keyed by import path and
// name (the analyzer sees one type as different objects through export
// data and through syntax); [DocsFromSyntax] reads them from parsed files.
// A type's comment describes its component, a field's comment (or its line
// comment) the property; generic instances use their origin's comments.
// Fields of anonymous structs have no key and no description.
//
// Enums. A named, non-generic type whose underlying type is a string or
// number type, which has no marshaling method, and which has at least two
// constants of exactly that type in its package gets enum: their distinct
// values in declaration order. A lone constant is taken for a default, not
// for the list of values. The constants' Go names are listed in
// x-enum-names (jsonschema-go's key for named enums) and, when at least one
// has a comment, their comments in x-enum-descriptions (parallel lists, ""
// for a constant without comment). A value outside the constants (the zero
// value of a type whose constants start at 1, say) does not validate: the
// schema says what the code declares. time.Month and time.Weekday are
// enums by this rule; time.Duration, a well-known type, is not.
//
// Validation tags. go-playground/validator's validate tags become
// keywords (see validate.go): required puts the member in required and
// makes a pointer non-nullable (that a number is not 0 is not said);
// min/max/len/gt/gte/lt/lte bound lengths, values, items or properties
// according to the kind of the field; oneof is an enum; email, uuid*,
// url/uri, hostname, ipv4, ipv6 are formats; alpha, alphanum, numeric are
// patterns; dive (and keys...endkeys) apply to items, additionalProperties
// and propertyNames. Rules with alternatives (a|b) and unknown rules are
// ignored. With omitempty, the rules are dropped when encoding/json writes
// the zero value (a non-pointer field not omitted when empty), since the
// zero value would violate them. The swaggest tags override validate tags.
//
// Notes. What a schema cannot say is reported by [Set.Notes]: a type with
// a custom MarshalJSON (its schema is {}: describe it with a directive),
// fields encoding/json cannot marshal (channels, functions, complex
// numbers, maps with other keys). Notes come from the types added before
// Build, not from later Ref calls.
//
// Well-known types. time.Time is a date-time string, time.Duration an
// integer (nanoseconds), json.Number a number, json.RawMessage anything,
// math/big.Int an integer (its MarshalJSON writes digits), uuid.UUID of
// google/uuid, gofrs/uuid and satori a uuid string, net.IP a string that is
// an IPv4 or IPv6 address or "" (a nil IP). Types that marshal as text
// (netip.Addr, big.Float, big.Rat, ...) are strings. The others follow
// their structure as encoding/json does: url.URL is an object of its
// exported fields (*url.URL has no MarshalJSON), *url.Userinfo an object
// without properties, database/sql.NullString and its kin objects
// {String, Valid}.
//
// Encodings. [Generator.AddAs] and [Set.RefAs] describe other encoders
// than encoding/json. Their components are separate, named with a suffix
// (Order_msgpack, Order_protojson) whether or not the type is also used
// with encoding/json, so that names do not depend on the rest of the set.
//
// Msgpack (vmihailenco/msgpack/v5, default options): members are named by
// the msgpack tag, else by the Go field name (not by the json tag); "-"
// skips a field; omitempty makes a member optional (msgpack omits zero
// structs with IsZero, such as time.Time); embedded structs follow
// encoding/json's promotion rules, an approximation of msgpack's inlining.
// The schema describes the msgpack data model in JSON Schema terms: []byte,
// [N]byte and BinaryMarshalers are bin values, written
// {type: string, format: binary}; time.Time, msgpack's timestamp
// extension, is a date-time string; map keys are not constrained (msgpack
// keeps keys of any type); a type with EncodeMsgpack or MarshalMsgpack is
// unconstrained, with a note. as_array structs are not recognised.
//
// ProtoJSON (protojson with default options, for protoc-gen-go structs):
// see protojson.go. In short: json= names, no member required, 64-bit
// integers as strings, enums as their value names, oneofs as the members
// of their wrappers, and the JSON forms of the well-known types
// (Timestamp as date-time, Duration as "1.5s", wrappers as their scalar,
// Struct and Empty as objects).
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
