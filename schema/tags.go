package schema

import (
	"encoding/json"
	"math"
	"reflect"
	"strconv"
	"strings"

	"github.com/swaggest/jsonschema-go"
	"github.com/swaggest/refl"
)

// fieldTags is what the swaggest tags of one struct field say. The
// vocabulary is jsonschema-go's Reflector: every scalar keyword of
// jsonschema.Schema under its JSON name (title, description, format,
// pattern, minimum, maximum, minLength, maxLength, deprecated, readOnly,
// ...), plus default, example, examples, enum, const, required and
// nullable. Unlike jsonschema-go, required:"false" is honoured too (it
// drops a member that encoding/json always writes from required).
// Malformed values are ignored, as there is nowhere to report them yet.
type fieldTags struct {
	ann      jsonschema.Schema // keywords to add to the field's schema
	required *bool
	nullable *bool

	// additionalProperties:"false" on a blank field closes the object.
	additionalProperties *bool
}

// parseFieldTags reads tag for a field whose value schema is base; base
// decides how default, example, enum and const values are parsed, so that
// `enum:"1,2"` on an int field gives numbers and on a string field strings.
func parseFieldTags(tag reflect.StructTag, base *jsonschema.Schema) fieldTags {
	var ft fieldTags
	a := &ft.ann

	// PopulateFieldsFromTags reads each scalar Schema field from the tag
	// named like the field (Title from title, MinLength from minLength).
	_ = refl.PopulateFieldsFromTags(a, tag)
	// It also reads $id, $schema, $ref and $comment from the tags id,
	// schema, ref and comment, which other libraries use for other things
	// (gorilla/schema) and which have no business on a property.
	a.ID, a.Schema, a.Ref, a.Comment = nil, nil, nil, nil
	for _, f := range []**float64{&a.MultipleOf, &a.Maximum, &a.ExclusiveMaximum, &a.Minimum, &a.ExclusiveMinimum} {
		if *f != nil && (math.IsNaN(**f) || math.IsInf(**f, 0)) {
			*f = nil // JSON has no NaN or infinities
		}
	}

	kind := valueKind(base)
	if v, ok := tag.Lookup("default"); ok {
		if v, ok := parseValue(kind, v); ok {
			a.WithDefault(v)
		}
	}
	if v, ok := tag.Lookup("const"); ok {
		if v, ok := parseValue(kind, v); ok {
			a.WithConst(v)
		}
	}
	if v, ok := tag.Lookup("example"); ok {
		if v, ok := parseValue(kind, v); ok {
			a.Examples = append(a.Examples, v)
		}
	}
	if v, ok := tag.Lookup("examples"); ok {
		if list, ok := parseJSONArray(v); ok {
			a.Examples = append(a.Examples, list...)
		}
	}
	if v := tag.Get("enum"); v != "" {
		a.Enum = parseEnum(kind, v)
	}

	_ = refl.ReadBoolPtrTag(tag, "required", &ft.required)
	_ = refl.ReadBoolPtrTag(tag, "nullable", &ft.nullable)
	_ = refl.ReadBoolPtrTag(tag, "additionalProperties", &ft.additionalProperties)
	return ft
}

// valueKind returns the JSON type that values in tags are parsed as: the
// first non-null type of s, or "" (parse as JSON) when s has none, as for a
// $ref.
func valueKind(s *jsonschema.Schema) jsonschema.SimpleType {
	if s == nil || s.Type == nil {
		return ""
	}
	if s.Type.SimpleTypes != nil {
		return *s.Type.SimpleTypes
	}
	for _, t := range s.Type.SliceOfSimpleTypeValues {
		if t != jsonschema.Null {
			return t
		}
	}
	return ""
}

// parseValue parses a tag value as a value of the given JSON type. A value
// of unknown type ("") is JSON, or else the string itself; a value that
// does not parse as the known type is dropped (ok is false).
func parseValue(kind jsonschema.SimpleType, s string) (v any, ok bool) {
	switch kind {
	case jsonschema.String:
		return s, true
	case jsonschema.Integer:
		i, err := strconv.ParseInt(s, 10, 64)
		return i, err == nil
	case jsonschema.Number:
		f, err := strconv.ParseFloat(s, 64)
		return f, err == nil && !math.IsNaN(f) && !math.IsInf(f, 0)
	case jsonschema.Boolean:
		b, err := strconv.ParseBool(s)
		return b, err == nil
	}
	if v, ok := parseJSON(s); ok {
		return v, true
	}
	return s, true
}

// parseEnum parses an enum tag: a JSON array, or comma-separated values.
func parseEnum(kind jsonschema.SimpleType, s string) []any {
	if strings.HasPrefix(s, "[") {
		if list, ok := parseJSONArray(s); ok {
			return list
		}
	}
	var values []any
	for item := range strings.SplitSeq(s, ",") {
		if v, ok := parseValue(kind, item); ok {
			values = append(values, v)
		}
	}
	return values
}

// parseJSON decodes s, with integers as int64 rather than float64 so that
// they print as integers.
func parseJSON(s string) (any, bool) {
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil || strings.TrimSpace(s[dec.InputOffset():]) != "" {
		return nil, false
	}
	return numbers(v), true
}

func parseJSONArray(s string) ([]any, bool) {
	v, _ := parseJSON(s)
	list, ok := v.([]any)
	return list, ok
}

// numbers replaces the json.Numbers in v by int64 or float64.
func numbers(v any) any {
	switch v := v.(type) {
	case json.Number:
		if i, err := v.Int64(); err == nil {
			return i
		}
		f, _ := v.Float64()
		return f
	case []any:
		for i := range v {
			v[i] = numbers(v[i])
		}
	case map[string]any:
		for k := range v {
			v[k] = numbers(v[k])
		}
	}
	return v
}
