package schema

import (
	"go/types"
	"reflect"
	"slices"
	"strings"

	"github.com/swaggest/jsonschema-go"
)

// ProtoJSON describes what protojson.Marshal writes with default options
// for protobuf-generated structs (protoc-gen-go, APIv2):
//
//   - members are the fields with a protobuf tag, named by its json= value
//     (protojson's default, lowerCamelCase), else by its name= value;
//     the internal fields (state, sizeCache, unknownFields) have none;
//   - a oneof (an interface field tagged protobuf_oneof) becomes the
//     members of its wrapper types (the structs of the package whose
//     pointers implement the interface); that at most one is set is not
//     said;
//   - no member is required: protojson omits unpopulated fields, and
//     scalars equal to their zero value in proto3;
//   - int64, uint64 and their fixed/sint variants are decimal strings;
//     bytes are base64; float and double are numbers (protojson writes
//     "NaN" and "Infinity" as strings, which is not said);
//   - enums (named int32 types) are the names of their values (the
//     constant names without protoc-gen-go's prefix); protojson writes an
//     unknown value as a number, which is not said;
//   - map keys are strings, integers and booleans in decimal or
//     true/false;
//   - the well-known types of google.golang.org/protobuf/types/known are
//     written in their JSON forms (see protoWellKnown).
//
// Types without protobuf tags are described as encoding/json writes them.

// isProtoMessage reports whether st looks protobuf-generated: it has a
// field with a protobuf or protobuf_oneof tag.
func isProtoMessage(st *types.Struct) bool {
	for i := range st.NumFields() {
		tag := reflect.StructTag(st.Tag(i))
		if _, ok := tag.Lookup("protobuf"); ok {
			return true
		}
		if _, ok := tag.Lookup("protobuf_oneof"); ok {
			return true
		}
	}
	return false
}

// protoStruct describes a generated message.
func (r *reflector) protoStruct(owner *types.Named, st *types.Struct) *jsonschema.Schema {
	s := typed(jsonschema.Object)
	var order []string
	add := func(owner *types.Named, v *types.Var, tag reflect.StructTag) {
		name := protoName(tag.Get("protobuf"))
		if name == "" {
			name = v.Name()
		}
		if _, dup := s.Properties[name]; dup {
			return
		}
		f := jsonField{owner: owner, name: name, v: v, typ: deref(v.Type()), tag: tag}
		prop, _ := r.property(f)
		if s.Properties == nil {
			s.Properties = make(map[string]jsonschema.SchemaOrBool)
		}
		s.Properties[name] = prop.ToSchemaOrBool()
		order = append(order, name)
	}
	for i := range st.NumFields() {
		v := st.Field(i)
		tag := reflect.StructTag(st.Tag(i))
		if _, ok := tag.Lookup("protobuf"); ok {
			add(owner, v, tag)
			continue
		}
		if _, ok := tag.Lookup("protobuf_oneof"); ok {
			for _, w := range oneofWrappers(v) {
				wst := w.Underlying().(*types.Struct)
				for j := range wst.NumFields() {
					wtag := reflect.StructTag(wst.Tag(j))
					if _, ok := wtag.Lookup("protobuf"); ok {
						add(w, wst.Field(j), wtag)
					}
				}
			}
		}
	}
	if order != nil {
		s.WithExtraPropertiesItem(propertyOrderKey, order)
	}
	return s
}

// protoName returns the JSON name in a protobuf struct tag
// ("bytes,1,opt,name=order_id,json=orderId,proto3"): json=, else name=.
func protoName(tag string) string {
	var name string
	for opt := range strings.SplitSeq(tag, ",") {
		if v, ok := strings.CutPrefix(opt, "json="); ok {
			return v
		}
		if v, ok := strings.CutPrefix(opt, "name="); ok {
			name = v
		}
	}
	return name
}

// oneofWrappers returns the wrapper types of the oneof field v: the named
// struct types of v's package whose pointers implement v's interface
// type, in declaration order.
func oneofWrappers(v *types.Var) []*types.Named {
	iface, ok := v.Type().Underlying().(*types.Interface)
	if !ok || v.Pkg() == nil || iface.NumMethods() == 0 {
		return nil
	}
	var out []*types.Named
	scope := v.Pkg().Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		n, ok := tn.Type().(*types.Named)
		if !ok || !isStruct(n) || n.TypeParams().Len() > 0 {
			continue
		}
		if types.Implements(types.NewPointer(n), iface) {
			out = append(out, n)
		}
	}
	slices.SortFunc(out, func(x, y *types.Named) int { return int(x.Obj().Pos() - y.Obj().Pos()) })
	return out
}

// protoBasic is basic for protojson: 64-bit integers are strings.
func protoBasic(b *types.Basic) *jsonschema.Schema {
	switch b.Kind() {
	case types.Int64, types.Int:
		return typed(jsonschema.String).WithPattern("^-?[0-9]+$")
	case types.Uint64, types.Uint:
		return typed(jsonschema.String).WithPattern("^[0-9]+$")
	}
	return basic(b)
}

const knownPrefix = "google.golang.org/protobuf/types/known/"

// protoWellKnown returns the JSON form of a well-known type, or nil.
func protoWellKnown(t types.Type) *jsonschema.Schema {
	name, ok := strings.CutPrefix(types.TypeString(t, nil), knownPrefix)
	if !ok {
		return nil
	}
	str := func() *jsonschema.Schema { return typed(jsonschema.String) }
	switch name {
	case "timestamppb.Timestamp":
		return formatted(jsonschema.String, "date-time")
	case "durationpb.Duration":
		return str().WithPattern(`^-?[0-9]+(\.[0-9]{1,9})?s$`)
	case "fieldmaskpb.FieldMask":
		return str()
	case "structpb.Struct", "emptypb.Empty":
		return typed(jsonschema.Object)
	case "structpb.ListValue":
		return typed(jsonschema.Array)
	case "structpb.Value":
		return &jsonschema.Schema{}
	case "structpb.NullValue":
		return typed(jsonschema.Null)
	case "anypb.Any":
		s := typed(jsonschema.Object)
		s.Properties = map[string]jsonschema.SchemaOrBool{"@type": str().ToSchemaOrBool()}
		s.Required = []string{"@type"}
		return s
	case "wrapperspb.DoubleValue", "wrapperspb.FloatValue":
		return typed(jsonschema.Number)
	case "wrapperspb.Int64Value":
		return protoBasic(types.Typ[types.Int64])
	case "wrapperspb.UInt64Value":
		return protoBasic(types.Typ[types.Uint64])
	case "wrapperspb.Int32Value":
		return typed(jsonschema.Integer)
	case "wrapperspb.UInt32Value":
		return basic(types.Typ[types.Uint32])
	case "wrapperspb.BoolValue":
		return typed(jsonschema.Boolean)
	case "wrapperspb.StringValue":
		return str()
	case "wrapperspb.BytesValue":
		return str().WithContentEncoding("base64")
	}
	return nil
}
