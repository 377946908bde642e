package schema

import (
	"go/types"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/swaggest/jsonschema-go"
)

// The validate tag of go-playground/validator v10 constrains the Go value
// of a field, and so what encoding/json writes for it. The rules that have
// a JSON Schema equivalent are translated (see applyRules); others are
// ignored, as are rules with alternatives (a|b), which would need anyOf
// for little gain.
//
// The grammar: rules are separated by commas; a rule is name or
// name=param, where a param writes a comma as 0x2C and a bar as 0x7C;
// "dive" applies the rules after it to the elements of a slice, array or
// map, and for a map "keys,...,endkeys" right after dive to its keys.

// A validateRule is one rule of a validate tag.
type validateRule struct {
	name, param string
}

// validateRules is a parsed validate tag.
type validateRules struct {
	rules []validateRule
	keys  []validateRule // rules for the map keys of dive
	dive  *validateRules // rules for the elements, after dive
}

// parseValidate parses a validate tag.
func parseValidate(tag string) *validateRules {
	return parseRules(strings.Split(tag, ","))
}

func parseRules(toks []string) *validateRules {
	v := &validateRules{}
	for i := 0; i < len(toks); i++ {
		tok := strings.TrimSpace(toks[i])
		switch {
		case tok == "":
		case tok == "dive":
			rest := toks[i+1:]
			var keys []validateRule
			if len(rest) > 0 && strings.TrimSpace(rest[0]) == "keys" {
				end := len(rest)
				for j, t := range rest {
					if strings.TrimSpace(t) == "endkeys" {
						end = j
						break
					}
				}
				keys = parseRules(rest[1:end]).rules
				rest = rest[min(end+1, len(rest)):]
			}
			v.dive = parseRules(rest)
			v.dive.keys = keys
			return v
		case strings.Contains(tok, "|"):
			// Alternatives: ignored.
		default:
			name, param, _ := strings.Cut(tok, "=")
			param = strings.NewReplacer("0x2C", ",", "0x7C", "|").Replace(param)
			v.rules = append(v.rules, validateRule{name, param})
		}
	}
	return v
}

func (v *validateRules) has(name string) bool {
	for _, r := range v.rules {
		if r.name == name {
			return true
		}
	}
	return false
}

// validateResult is what a validate tag says of a field.
type validateResult struct {
	ann      jsonschema.Schema // keywords to add to the field's schema
	required bool              // "required": the value is never zero
}

// applyValidate translates the validate tag of f, whose schema is s: the
// keywords for the field go into the result, those for elements (dive)
// into s's items or additionalProperties directly (when s is inline).
//
// "required" (the value is not zero) makes the member required and, for a
// pointer, not nullable; that a number is not 0 or a string not "" is not
// said. With "omitempty", the rules apply only to non-zero values: they
// are dropped when encoding/json writes the zero value (a field that is
// neither a pointer nor omitted when empty), as the schema cannot
// except it without an anyOf.
func (r *reflector) applyValidate(f jsonField, s *jsonschema.Schema) validateResult {
	var res validateResult
	tag, ok := f.tag.Lookup("validate")
	if !ok || tag == "-" {
		return res
	}
	rules := parseValidate(tag)
	res.required = rules.has("required")
	_, isPtr := f.v.Type().Underlying().(*types.Pointer)
	if rules.has("omitempty") && !isPtr && !f.omitZero && !(f.omitEmpty && canBeEmpty(f.v.Type())) {
		return res
	}
	if f.quoted {
		return res // the number is in a string: its bounds cannot be said
	}
	applyRules(rules.rules, f.typ, &res.ann)
	if rules.dive != nil {
		applyDive(rules.dive, f.typ, s)
	}
	return res
}

// applyDive applies the rules after dive to the element (and key) schemas
// of s, the schema of a slice, array or map of Go type t.
func applyDive(d *validateRules, t types.Type, s *jsonschema.Schema) {
	var elem types.Type
	var target **jsonschema.SchemaOrBool
	switch u := deref(t).Underlying().(type) {
	case *types.Slice:
		elem = u.Elem()
		if s.Items != nil {
			target = &s.Items.SchemaOrBool
		}
	case *types.Array:
		elem = u.Elem()
		if s.Items != nil {
			target = &s.Items.SchemaOrBool
		}
	case *types.Map:
		elem = u.Elem()
		target = &s.AdditionalProperties
		if len(d.keys) > 0 {
			if b, ok := u.Key().Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
				var kann jsonschema.Schema
				applyRules(d.keys, u.Key(), &kann)
				if !isZeroSchema(&kann) {
					if s.PropertyNames != nil && s.PropertyNames.TypeObject != nil {
						merge(s.PropertyNames.TypeObject, &kann)
					} else {
						s.PropertyNames = &jsonschema.SchemaOrBool{TypeObject: &kann}
					}
				}
			}
		}
	}
	if target == nil || *target == nil || (*target).TypeObject == nil {
		return
	}
	es := (*target).TypeObject
	var ann jsonschema.Schema
	applyRules(d.rules, deref(elem), &ann)
	if d.dive != nil {
		applyDive(d.dive, elem, es)
	}
	*target = &jsonschema.SchemaOrBool{TypeObject: annotate(es, &ann, false)}
}

func isZeroSchema(s *jsonschema.Schema) bool {
	return s.Format == nil && s.Pattern == nil && s.MinLength == 0 && s.MaxLength == nil && s.Enum == nil &&
		s.Minimum == nil && s.Maximum == nil && s.ExclusiveMinimum == nil && s.ExclusiveMaximum == nil
}

// ruleKind is the kind of JSON value a Go type's validate rules are
// about.
type ruleKind int

const (
	kindOther ruleKind = iota
	kindString
	kindNumber
	kindDuration
	kindArray
	kindMap
)

func ruleKindOf(t types.Type) ruleKind {
	t = deref(t)
	if types.TypeString(t, nil) == "time.Duration" {
		return kindDuration
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Info()&types.IsString != 0:
			return kindString
		case u.Info()&types.IsNumeric != 0 && u.Info()&types.IsComplex == 0:
			return kindNumber
		}
	case *types.Slice, *types.Array:
		return kindArray
	case *types.Map:
		return kindMap
	}
	return kindOther
}

// ruleFormats and rulePatterns map validator's string rules to formats and patterns.
var (
	ruleFormats = map[string]string{
		"email": "email", "uuid": "uuid", "uuid3": "uuid", "uuid4": "uuid", "uuid5": "uuid",
		"uuid_rfc4122": "uuid", "uuid3_rfc4122": "uuid", "uuid4_rfc4122": "uuid", "uuid5_rfc4122": "uuid",
		"url": "uri", "uri": "uri", "http_url": "uri", "hostname": "hostname", "hostname_rfc1123": "hostname",
		"ipv4": "ipv4", "ipv6": "ipv6",
	}
	rulePatterns = map[string]string{
		"alpha":    "^[a-zA-Z]+$",
		"alphanum": "^[a-zA-Z0-9]+$",
		"numeric":  `^[-+]?[0-9]+(?:\.[0-9]+)?$`,
		"number":   "^[0-9]+$",
	}
)

// applyRules adds to ann the keywords of rules for a value of Go type t.
func applyRules(rules []validateRule, t types.Type, ann *jsonschema.Schema) {
	kind := ruleKindOf(t)
	for _, rule := range rules {
		if kind == kindString {
			if f, ok := ruleFormats[rule.name]; ok {
				ann.WithFormat(f)
				continue
			}
			if p, ok := rulePatterns[rule.name]; ok && ann.Pattern == nil {
				ann.WithPattern(p)
				continue
			}
		}
		switch rule.name {
		case "oneof":
			if values := oneofValues(rule.param, t, kind); values != nil {
				ann.Enum = values
			}
		case "min", "max", "len", "gt", "gte", "lt", "lte", "eq":
			bound(ann, kind, rule)
		}
	}
}

// bound applies a size or value bound.
func bound(ann *jsonschema.Schema, kind ruleKind, rule validateRule) {
	switch kind {
	case kindNumber, kindDuration:
		var n float64
		if kind == kindDuration {
			d, err := time.ParseDuration(rule.param)
			if err != nil {
				return
			}
			n = float64(d)
		} else {
			f, err := strconv.ParseFloat(rule.param, 64)
			if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
				return
			}
			n = f
		}
		switch rule.name {
		case "min", "gte":
			ann.WithMinimum(n)
		case "max", "lte":
			ann.WithMaximum(n)
		case "len", "eq":
			ann.WithMinimum(n).WithMaximum(n)
		case "gt":
			ann.WithExclusiveMinimum(n)
		case "lt":
			ann.WithExclusiveMaximum(n)
		}
	case kindString, kindArray, kindMap:
		n, err := strconv.ParseInt(rule.param, 10, 64)
		if err != nil || n < 0 {
			return
		}
		lo, hi := int64(-1), int64(-1)
		switch rule.name {
		case "min", "gte":
			lo = n
		case "max", "lte":
			hi = n
		case "len":
			lo, hi = n, n
		case "gt":
			lo = n + 1
		case "lt":
			if n == 0 {
				return
			}
			hi = n - 1
		case "eq":
			if kind == kindString {
				return // eq compares a string's value
			}
			lo, hi = n, n
		}
		switch kind {
		case kindString:
			if lo >= 0 {
				ann.WithMinLength(lo)
			}
			if hi >= 0 {
				ann.WithMaxLength(hi)
			}
		case kindArray:
			if lo >= 0 {
				ann.WithMinItems(lo)
			}
			if hi >= 0 {
				ann.WithMaxItems(hi)
			}
		case kindMap:
			if lo >= 0 {
				ann.WithMinProperties(lo)
			}
			if hi >= 0 {
				ann.WithMaxProperties(hi)
			}
		}
	}
}

// oneofValues parses the space-separated values of oneof, which may be
// quoted with '...', as values of the JSON type of t.
func oneofValues(param string, t types.Type, kind ruleKind) []any {
	var words []string
	for s := strings.TrimSpace(param); s != ""; s = strings.TrimSpace(s) {
		if s[0] == '\'' {
			end := strings.IndexByte(s[1:], '\'')
			if end < 0 {
				return nil
			}
			words = append(words, s[1:1+end])
			s = s[2+end:]
			continue
		}
		w, rest, _ := strings.Cut(s, " ")
		words = append(words, w)
		s = rest
	}
	var values []any
	for _, w := range words {
		switch kind {
		case kindString:
			values = append(values, w)
		case kindNumber:
			b, _ := deref(t).Underlying().(*types.Basic)
			if b != nil && b.Info()&types.IsInteger != 0 {
				i, err := strconv.ParseInt(w, 10, 64)
				if err != nil {
					return nil
				}
				values = append(values, i)
			} else {
				f, err := strconv.ParseFloat(w, 64)
				if err != nil {
					return nil
				}
				values = append(values, f)
			}
		default:
			return nil
		}
	}
	return values
}
