package schema

import (
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/swaggest/jsonschema-go"
	"gopkg.in/yaml.v3"
)

// Node turns a schema into a yaml.v3 node tree.
//
// Keys come in a fixed order, the one a reader wants: first what the
// value is (keyOrderFirst: $ref, title, description, type, format, enum,
// ...), then the other keywords in the order jsonschema.Schema declares
// its fields (constraints), then the structure (keyOrderLast: items,
// properties, required, ..., allOf, anyOf, oneOf, not), then the x-
// extensions of ExtraProperties sorted by key. The properties of an object come in the
// order recorded under the "x-go-property-order" extension (Go field order;
// properties it does not list follow, sorted), and that extension itself is
// not printed. Other maps are sorted by key.
//
// Every scalar has an explicit tag (!!str, !!int, !!float, !!bool, !!null)
// so that the tree converts to JSON without guessing: strings such as
// "true", "1.0", "null" and "" stay strings, and the YAML encoder quotes
// them as needed.
func Node(s *jsonschema.Schema) *yaml.Node {
	m := mapping()
	if s == nil {
		return m
	}
	type pair struct {
		key  string
		rank int
		node *yaml.Node
	}
	var pairs []pair
	v := reflect.ValueOf(s).Elem()
	for i := range v.NumField() {
		key := jsonKey(v.Type().Field(i))
		f := v.Field(i)
		if key == "" || isEmpty(f) {
			continue
		}
		var n *yaml.Node
		if key == "properties" {
			n = propertiesNode(s)
		} else {
			n = valueNode(f.Interface())
		}
		pairs = append(pairs, pair{key, keyRank(key, i), n})
	}
	slices.SortStableFunc(pairs, func(a, b pair) int { return a.rank - b.rank })
	for _, p := range pairs {
		appendPair(m, p.key, p.node)
	}
	for _, key := range slices.Sorted(maps.Keys(s.ExtraProperties)) {
		if key != propertyOrderKey {
			appendPair(m, key, valueNode(s.ExtraProperties[key]))
		}
	}
	return m
}

var (
	keyOrderFirst = []string{"$ref", "title", "description", "type", "format", "const", "enum",
		"default", "examples", "deprecated", "readOnly", "writeOnly", "contentEncoding", "contentMediaType"}
	keyOrderLast = []string{"items", "additionalItems", "contains", "properties", "required",
		"additionalProperties", "patternProperties", "propertyNames", "dependencies", "definitions",
		"if", "then", "else", "allOf", "anyOf", "oneOf", "not"}
)

// keyRank orders the keys of a schema: keyOrderFirst, then the others by
// their field index, then keyOrderLast.
func keyRank(key string, field int) int {
	if i := slices.Index(keyOrderFirst, key); i >= 0 {
		return i
	}
	if i := slices.Index(keyOrderLast, key); i >= 0 {
		return 1000 + i
	}
	return 100 + field
}

// jsonKey returns the JSON name of a Schema field, or "" for fields that
// are not keywords (ExtraProperties, ReflectType, Parent).
func jsonKey(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if name == "-" {
		return ""
	}
	return name
}

// isEmpty reports what omitempty omits: nil, zero, and empty values.
func isEmpty(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Slice, reflect.Map:
		return v.Len() == 0
	}
	return v.IsZero()
}

// propertiesNode writes s.Properties in the recorded order.
func propertiesNode(s *jsonschema.Schema) *yaml.Node {
	var order []string
	switch o := s.ExtraProperties[propertyOrderKey].(type) {
	case []string:
		order = o
	case []any: // after a round trip through JSON
		for _, name := range o {
			if name, ok := name.(string); ok {
				order = append(order, name)
			}
		}
	}
	m := mapping()
	done := make(map[string]bool, len(s.Properties))
	for _, name := range order {
		if p, ok := s.Properties[name]; ok && !done[name] {
			appendPair(m, name, schemaOrBoolNode(p))
			done[name] = true
		}
	}
	for _, name := range slices.Sorted(maps.Keys(s.Properties)) {
		if !done[name] {
			appendPair(m, name, schemaOrBoolNode(s.Properties[name]))
		}
	}
	return m
}

// valueNode converts the value of a Schema field or of an extension.
func valueNode(v any) *yaml.Node {
	switch v := v.(type) {
	case nil:
		return scalar("!!null", "null")
	case *jsonschema.Schema:
		return Node(v)
	case jsonschema.Schema:
		return Node(&v)
	case jsonschema.SchemaOrBool:
		return schemaOrBoolNode(v)
	case *jsonschema.SchemaOrBool:
		return schemaOrBoolNode(*v)
	case *jsonschema.Items:
		if v.SchemaOrBool != nil {
			return schemaOrBoolNode(*v.SchemaOrBool)
		}
		return valueNode(v.SchemaArray)
	case *jsonschema.Type:
		if v.SimpleTypes != nil {
			return scalar("!!str", string(*v.SimpleTypes))
		}
		return valueNode(v.SliceOfSimpleTypeValues)
	case jsonschema.SimpleType:
		return scalar("!!str", string(v))
	case jsonschema.DependenciesAdditionalProperties:
		if v.SchemaOrBool != nil {
			return schemaOrBoolNode(*v.SchemaOrBool)
		}
		return valueNode(v.StringArray)
	case string:
		return scalar("!!str", v)
	case bool:
		return scalar("!!bool", strconv.FormatBool(v))
	case float64:
		return floatNode(v)
	case float32:
		return floatNode(float64(v))
	case json.Number:
		if i, err := v.Int64(); err == nil {
			return scalar("!!int", strconv.FormatInt(i, 10))
		}
		f, _ := v.Float64()
		return floatNode(f)
	}

	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Pointer, reflect.Interface:
		if rv.IsNil() {
			return scalar("!!null", "null")
		}
		return valueNode(rv.Elem().Interface())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return scalar("!!int", strconv.FormatInt(rv.Int(), 10))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return scalar("!!int", strconv.FormatUint(rv.Uint(), 10))
	case reflect.String: // named string types
		return scalar("!!str", rv.String())
	case reflect.Bool:
		return scalar("!!bool", strconv.FormatBool(rv.Bool()))
	case reflect.Slice, reflect.Array:
		seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for i := range rv.Len() {
			seq.Content = append(seq.Content, valueNode(rv.Index(i).Interface()))
		}
		return seq
	case reflect.Map:
		if rv.Type().Key().Kind() == reflect.String {
			keys := make([]string, 0, rv.Len())
			for _, k := range rv.MapKeys() {
				keys = append(keys, k.String())
			}
			slices.Sort(keys)
			m := mapping()
			for _, k := range keys {
				appendPair(m, k, valueNode(rv.MapIndex(reflect.ValueOf(k).Convert(rv.Type().Key())).Interface()))
			}
			return m
		}
	}

	// Anything else (a struct in an extension, say) goes as its JSON.
	data, err := json.Marshal(v)
	if err != nil {
		return scalar("!!str", fmt.Sprint(v))
	}
	var generic any
	if err := json.Unmarshal(data, &generic); err != nil {
		return scalar("!!str", string(data))
	}
	return valueNode(generic)
}

func schemaOrBoolNode(s jsonschema.SchemaOrBool) *yaml.Node {
	switch {
	case s.TypeObject != nil:
		return Node(s.TypeObject)
	case s.TypeBoolean != nil:
		return scalar("!!bool", strconv.FormatBool(*s.TypeBoolean))
	}
	return mapping()
}

// floatNode writes integral values as integers (minimum: 0, not 0.0, so
// that YAML needs no explicit tag) and others in the shortest form that
// both YAML and JSON read back exactly. JSON has no NaN or infinities.
func floatNode(f float64) *yaml.Node {
	switch {
	case math.IsNaN(f) || math.IsInf(f, 0):
		return scalar("!!null", "null")
	case f == math.Trunc(f) && math.Abs(f) < 1<<53:
		return scalar("!!int", strconv.FormatInt(int64(f), 10))
	}
	return scalar("!!float", strconv.FormatFloat(f, 'g', -1, 64))
}

func scalar(tag, value string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: value}
}

func mapping() *yaml.Node {
	return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
}

func appendPair(m *yaml.Node, key string, value *yaml.Node) {
	m.Content = append(m.Content, scalar("!!str", key), value)
}
