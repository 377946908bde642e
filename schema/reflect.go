package schema

import (
	"fmt"
	"go/types"
	"reflect"
	"slices"

	"github.com/swaggest/jsonschema-go"
)

const (
	// refPrefix is where AsyncAPI keeps reusable schemas.
	refPrefix = "#/components/schemas/"

	// propertyOrderKey is the ExtraProperties key under which a schema
	// records the JSON names of its properties in Go field order (a
	// []string), since Schema.Properties is a map. Node consumes it and
	// never prints it; see the package documentation.
	propertyOrderKey = "x-go-property-order"

	// goTypeKey names the Go type of a component schema.
	goTypeKey = "x-go-type"

	// maxDepth bounds the nesting of type arguments (and of composite
	// types in them) that is reflected. Go rejects a generic type that
	// instantiates itself with ever larger arguments
	// (type T[X any] struct{ Next *T[[]X] }), but go/types still builds
	// it, and the analyzer may see packages with errors.
	maxDepth = 16
)

// A reflector computes the schemas of types for one encoding at a time.
//
// Build runs one twice: the first, discovering, pass finds the components
// (names then holds "" for each) and collects notes, the second writes the
// components under their final names. Set.Ref uses a new reflector on each
// call.
type reflector struct {
	docs  Docs
	enc   Encoding
	names *compNames // component type -> component name, per encoding

	discovering bool
	queue       []compKey // components, in order of discovery
	notes       *noteSet  // nil: do not collect

	// inlining holds the named types being inlined, innermost last, to
	// stop recursion that no component breaks.
	inlining []types.Type

	enums  map[enumKey]*enumInfo // cache of enumOf
	consts *constIndex           // shared by the reflectors of a Build
}

// ref returns the schema for a use of t: a $ref when t is a component,
// t's own schema otherwise. Pointers are followed: encoding/json writes the
// pointee (or null, which is the using field's business).
func (r *reflector) ref(t types.Type) *jsonschema.Schema {
	t = deref(t)
	if name, ok := r.names.at(t, r.enc); ok {
		return refTo(name)
	}
	if r.discovering && r.isComponent(t) {
		r.addComponent(t)
		return refTo("")
	}
	return r.inline(t)
}

func (r *reflector) addComponent(t types.Type) {
	t = canonical(t)
	r.names.set(t, r.enc, "")
	r.queue = append(r.queue, compKey{t, r.enc})
}

// inline returns the schema of t itself, never a $ref to t.
func (r *reflector) inline(t types.Type) *jsonschema.Schema {
	t = types.Unalias(t)
	if s := r.special(t); s != nil {
		return s
	}
	if n, ok := t.(*types.Named); ok {
		if depth(n, maxDepth) >= maxDepth {
			return &jsonschema.Schema{}
		}
		if slices.ContainsFunc(r.inlining, func(u types.Type) bool { return types.Identical(u, n) }) {
			// Recursion through types that are not components: make t
			// one while discovering; afterwards (Set.Ref of a type Build
			// never saw) give up on describing it.
			if r.discovering {
				r.addComponent(n)
				return refTo("")
			}
			return &jsonschema.Schema{}
		}
		r.inlining = append(r.inlining, n)
		defer func() { r.inlining = r.inlining[:len(r.inlining)-1] }()
	}
	return r.structure(t)
}

// body returns the schema of component t.
func (r *reflector) body(t types.Type) *jsonschema.Schema {
	s := r.structure(t)
	if n, ok := t.(*types.Named); ok && s.Description == nil {
		if doc := r.typeDoc(n); doc != "" {
			s.WithDescription(doc)
		}
	}
	s.WithExtraPropertiesItem(goTypeKey, types.TypeString(t, nil))
	return s
}

// structure returns the schema of t's underlying type, which encoding/json
// follows when no method or well-known mapping applies, with the enum of
// its constants for a named basic type.
func (r *reflector) structure(t types.Type) *jsonschema.Schema {
	if e := r.enumOf(t); e != nil {
		return e.schema()
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		if r.enc == ProtoJSON {
			return protoBasic(u)
		}
		return basic(u)
	case *types.Pointer:
		return r.ref(u.Elem())
	case *types.Slice:
		if isByte(u.Elem(), r.enc) {
			return r.bytesSchema()
		}
		return arrayOf(r.ref(u.Elem()))
	case *types.Array:
		if r.enc == Msgpack && isByte(u.Elem(), r.enc) {
			// msgpack writes byte arrays as bin, like byte slices.
			return r.bytesSchema()
		}
		// An array always has its length; in JSON [N]byte is not special.
		return arrayOf(r.ref(u.Elem())).WithMinItems(u.Len()).WithMaxItems(u.Len())
	case *types.Map:
		return r.mapSchema(u)
	case *types.Struct:
		owner, _ := t.(*types.Named)
		if r.enc == ProtoJSON && isProtoMessage(u) {
			return r.protoStruct(owner, u)
		}
		return r.structSchema(owner, u)
	}
	// Interfaces and type parameters: anything. Channels and functions:
	// encoding/json refuses them; there is nothing better to say.
	return &jsonschema.Schema{}
}

// bytesSchema describes a byte slice: base64 text in JSON and protojson,
// a bin value in msgpack.
func (r *reflector) bytesSchema() *jsonschema.Schema {
	if r.enc == Msgpack {
		return formatted(jsonschema.String, "binary")
	}
	s := typed(jsonschema.String)
	s.WithContentEncoding("base64")
	return s
}

// mapSchema describes a map, which encoding/json writes as an object
// whose keys are strings, integers in decimal, or MarshalText results.
// protojson writes bool keys as "true" and "false" too; msgpack keeps keys
// of any type, which the data model cannot constrain.
func (r *reflector) mapSchema(m *types.Map) *jsonschema.Schema {
	pattern, ok := mapKeyPattern(m.Key(), r.enc)
	if !ok {
		return &jsonschema.Schema{} // encoding/json refuses other keys
	}
	s := typed(jsonschema.Object)
	s.WithAdditionalProperties(r.ref(m.Elem()).ToSchemaOrBool())
	if pattern != "" {
		s.WithPropertyNames((&jsonschema.Schema{}).WithPattern(pattern).ToSchemaOrBool())
	}
	return s
}

// mapKeyPattern returns the pattern of the keys of a map with keys of type
// key, "" for any string, and whether the encoding accepts such keys.
func mapKeyPattern(key types.Type, enc Encoding) (string, bool) {
	key = types.Unalias(key)
	switch b, _ := key.Underlying().(*types.Basic); {
	case enc == Msgpack:
	case b != nil && b.Info()&types.IsString != 0:
	case enc == JSON && hasMarshalMethod(key, "MarshalText", false):
	case b != nil && b.Info()&types.IsUnsigned != 0:
		return "^[0-9]+$", true
	case b != nil && b.Info()&types.IsInteger != 0:
		return "^-?[0-9]+$", true
	case enc == ProtoJSON && b != nil && b.Info()&types.IsBoolean != 0:
		return "^(true|false)$", true
	default:
		return "", false
	}
	return "", true
}

// structSchema describes a struct as encoding/json (or msgpack) writes it.
// Properties are listed in field order under propertyOrderKey;
// additionalProperties is left open, as decoders ignore unknown members.
// owner is the named struct type, or nil.
func (r *reflector) structSchema(owner *types.Named, st *types.Struct) *jsonschema.Schema {
	s := typed(jsonschema.Object)
	var order []string
	var fields []jsonField
	if r.enc == Msgpack {
		fields = msgpackFields(owner, st)
	} else {
		fields = jsonFields(owner, st)
	}
	for _, f := range fields {
		prop, required := r.property(f)
		if s.Properties == nil {
			s.Properties = make(map[string]jsonschema.SchemaOrBool)
		}
		s.Properties[f.name] = prop.ToSchemaOrBool()
		order = append(order, f.name)
		if required {
			s.Required = append(s.Required, f.name)
		}
	}
	if order != nil {
		s.WithExtraPropertiesItem(propertyOrderKey, order)
	}
	blankFieldTags(s, st)
	return s
}

// blankFieldTags applies, as in jsonschema-go, the tags of blank fields,
// which describe the object:
//
//	_ struct{} `title:"Order" description:"An order."`
func blankFieldTags(s *jsonschema.Schema, st *types.Struct) {
	for i := range st.NumFields() {
		if st.Field(i).Name() == "_" {
			tags := parseFieldTags(reflect.StructTag(st.Tag(i)), s)
			merge(s, &tags.ann)
			if b := tags.additionalProperties; b != nil {
				s.AdditionalProperties = &jsonschema.SchemaOrBool{TypeBoolean: b}
			}
		}
	}
}

// property returns the schema of field f and whether f is always written.
func (r *reflector) property(f jsonField) (*jsonschema.Schema, bool) {
	r.checkField(f)
	var s *jsonschema.Schema
	if f.quoted && !hasMarshalMethod(f.typ, "MarshalJSON", true) && !hasMarshalMethod(f.typ, "MarshalText", true) {
		// ",string": the value is written inside a JSON string.
		s = typed(jsonschema.String)
	} else {
		s = r.ref(f.typ)
	}

	// A nil pointer is written as null, unless omitted (protojson omits
	// every unpopulated field).
	_, nullable := f.v.Type().Underlying().(*types.Pointer)
	nullable = nullable && !f.omitEmpty && !f.omitZero && r.enc != ProtoJSON

	// A field is always written unless omitempty can omit it (it never
	// omits a struct or a non-empty array), omitzero is set, or it is
	// promoted through an embedded pointer that may be nil. msgpack's
	// omitempty also omits zero structs that have an IsZero method, such
	// as time.Time: it never makes a member required.
	required := !f.viaPointer && !f.omitZero && !(f.omitEmpty && (r.enc == Msgpack || canBeEmpty(f.v.Type())))

	// validate tags, then the swaggest tags, which override them.
	vr := r.applyValidate(f, s)
	if vr.required {
		required, nullable = true, false
	}
	tags := parseFieldTags(f.tag, s)
	if tags.nullable != nil {
		nullable = *tags.nullable
	}
	if tags.required != nil {
		required = *tags.required
	}
	ann := &tags.ann
	mergeMissing(ann, &vr.ann)
	if ann.Description == nil {
		if doc := r.fieldDoc(f); doc != "" {
			ann.WithDescription(doc)
		}
	}
	return annotate(s, ann, nullable), required
}

// checkField notes fields whose values encoding/json cannot write.
func (r *reflector) checkField(f jsonField) {
	if r.notes == nil || r.enc != JSON {
		return
	}
	var what string
	switch u := f.typ.Underlying().(type) {
	case *types.Chan:
		what = "a channel"
	case *types.Signature:
		what = "a function"
	case *types.Basic:
		if u.Info()&types.IsComplex != 0 {
			what = "a complex number"
		} else if u.Kind() == types.UnsafePointer {
			what = "an unsafe.Pointer"
		}
	case *types.Map:
		if _, ok := mapKeyPattern(u.Key(), r.enc); !ok {
			what = "a map with keys of type " + types.TypeString(u.Key(), nil)
		}
	}
	if what == "" {
		return
	}
	// A nil pointer, or an omitted empty map, is written fine.
	r.notes.add(f.v, fmt.Sprintf("field %s is %s, which encoding/json cannot marshal (json.Marshal fails unless it is omitted): its schema is unconstrained", fieldName(f), what))
}

func fieldName(f jsonField) string {
	if f.owner != nil {
		return typeName0(f.owner) + "." + f.v.Name()
	}
	return f.v.Name()
}

// typeName0 is the full name of a named type's origin: pkg/path.Name.
func typeName0(n *types.Named) string {
	obj := n.Origin().Obj()
	if obj.Pkg() == nil {
		return obj.Name()
	}
	return obj.Pkg().Path() + "." + obj.Name()
}

func (r *reflector) typeDoc(n *types.Named) string {
	obj := n.Origin().Obj()
	if r.docs == nil || obj.Pkg() == nil {
		return ""
	}
	return r.docs.TypeDoc(obj.Pkg().Path(), obj.Name())
}

func (r *reflector) fieldDoc(f jsonField) string {
	if r.docs == nil || f.owner == nil {
		return ""
	}
	obj := f.owner.Origin().Obj()
	if obj.Pkg() == nil {
		return ""
	}
	return r.docs.FieldDoc(obj.Pkg().Path(), obj.Name(), f.v.Name())
}

func (r *reflector) constDoc(c *types.Const) string {
	if r.docs == nil || c.Pkg() == nil {
		return ""
	}
	return r.docs.ConstDoc(c.Pkg().Path(), c.Name())
}

// annotate adds the keywords of ann to s, and null to its values if
// nullable. Draft-07 ignores keywords next to $ref, so a $ref that needs
// company moves into allOf, or into anyOf with {type: null}.
func annotate(s, ann *jsonschema.Schema, nullable bool) *jsonschema.Schema {
	if nullable && ann.Enum != nil {
		ann.Enum = append(ann.Enum, nil)
	}
	if s.Ref != nil {
		if !nullable && reflect.ValueOf(*ann).IsZero() {
			return s
		}
		wrapped := *ann
		if nullable {
			wrapped.AnyOf = []jsonschema.SchemaOrBool{s.ToSchemaOrBool(), jsonschema.Null.ToSchemaOrBool()}
		} else {
			wrapped.AllOf = []jsonschema.SchemaOrBool{s.ToSchemaOrBool()}
		}
		return &wrapped
	}
	merge(s, ann)
	if nullable && s.Type != nil {
		s.AddType(jsonschema.Null)
	}
	return s
}

// mergeMissing copies the keywords set in src that dst lacks.
func mergeMissing(dst, src *jsonschema.Schema) {
	dv, sv := reflect.ValueOf(dst).Elem(), reflect.ValueOf(src).Elem()
	for i := range sv.NumField() {
		if f := sv.Field(i); !f.IsZero() && dv.Field(i).IsZero() {
			dv.Field(i).Set(f)
		}
	}
}

// merge copies the keywords set in src over those of dst. It uses package
// reflect on the Schema model (not on analysed types) so that it covers
// every keyword the tags can set.
func merge(dst, src *jsonschema.Schema) {
	dv, sv := reflect.ValueOf(dst).Elem(), reflect.ValueOf(src).Elem()
	for i := range sv.NumField() {
		if f := sv.Field(i); !f.IsZero() {
			dv.Field(i).Set(f)
		}
	}
}

func arrayOf(item *jsonschema.Schema) *jsonschema.Schema {
	s := typed(jsonschema.Array)
	s.Items = &jsonschema.Items{SchemaOrBool: &jsonschema.SchemaOrBool{TypeObject: item}}
	return s
}

func refTo(name string) *jsonschema.Schema {
	return (&jsonschema.Schema{}).WithRef(refPrefix + name)
}

// isComponent reports whether t, pointers stripped, is described once
// under a name: a named struct type whose encoding its structure decides,
// or a named type with an enum (see enumOf).
func (r *reflector) isComponent(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && (isStruct(n) || r.enumOf(n) != nil) && r.special(n) == nil && depth(n, maxDepth) < maxDepth
}

// deref strips pointers, named or not, and aliases.
func deref(t types.Type) types.Type {
	for range maxDepth {
		t = types.Unalias(t)
		p, ok := t.Underlying().(*types.Pointer)
		if !ok {
			return t
		}
		t = p.Elem()
	}
	return types.Typ[types.Invalid] // type P *P
}

// isByte reports whether a slice of elem is written as bytes (base64 in
// JSON): with encoding/json, unless the element type marshals itself.
func isByte(elem types.Type, enc Encoding) bool {
	b, ok := elem.Underlying().(*types.Basic)
	if !ok || b.Kind() != types.Uint8 {
		return false
	}
	if enc == Msgpack {
		return true
	}
	return !hasMarshalMethod(elem, "MarshalJSON", true) && !hasMarshalMethod(elem, "MarshalText", true)
}

// canBeEmpty reports whether omitempty can omit a value of type t
// (encoding/json's isEmptyValue is false for every struct and for arrays
// of non-zero length).
func canBeEmpty(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Struct, *types.Chan, *types.Signature:
		return false
	case *types.Array:
		return u.Len() == 0
	case *types.Basic:
		return u.Info()&types.IsComplex == 0
	}
	return true
}

// depth returns the nesting depth of type arguments and composite types
// in t, counting at most up to limit.
func depth(t types.Type, limit int) int {
	if limit <= 0 {
		return 0
	}
	var elems []types.Type
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		for a := range t.TypeArgs().Types() {
			elems = append(elems, a)
		}
	case *types.Pointer:
		elems = append(elems, t.Elem())
	case *types.Slice:
		elems = append(elems, t.Elem())
	case *types.Array:
		elems = append(elems, t.Elem())
	case *types.Map:
		elems = append(elems, t.Key(), t.Elem())
	}
	d := 0
	for _, e := range elems {
		d = max(d, 1+depth(e, limit-1))
	}
	return d
}
