package analyzer

import (
	"slices"
	"strconv"
	"strings"
)

// Str is what the analyzer knows of a string value, such as a channel
// address: a concatenation of parts, each a literal, a value only known
// at run time, or (in a wrapper's summary) an argument of the wrapper.
//
//	"orders"                        one literal part: a constant
//	"orders." + region + ".created"  literal, dynamic, literal: a template
//	os.Getenv("TOPIC")              one dynamic part: unknown
//
// Str is plain data so that summaries carrying it can be facts.
type Str struct {
	Parts []Part
}

// PartKind says what a Part is.
type PartKind uint8

// The kinds of parts.
const (
	// PartLit is literal text.
	PartLit PartKind = iota
	// PartDynamic is a value only known at run time.
	PartDynamic
	// PartParam is an argument of the function being summarised, to be
	// replaced by what each caller passes.
	PartParam
)

// Part is one piece of a Str.
type Part struct {
	Kind PartKind
	// Text is the literal text of a PartLit.
	Text string
	// Name is the template parameter a non-literal part becomes
	// ({region}), taken from the Go expression that gives the value.
	Name string
	// Origin describes, as Go source, where a non-literal value comes
	// from (os.Getenv("TOPIC"), parameter topic of Publish).
	Origin string
	// Param and Fields locate a PartParam: the Param-th parameter of the
	// summarised function (the receiver of a method is parameter 0),
	// then the struct fields selected from it.
	Param  int
	Fields []string
}

// lit is a constant Str.
func lit(s string) Str { return Str{Parts: []Part{{Kind: PartLit, Text: s}}} }

// dynamic is a Str only known at run time.
func dynamic(name, origin string) Str {
	return Str{Parts: []Part{{Kind: PartDynamic, Name: name, Origin: origin}}}
}

// Known returns the constant value of s, if it is one.
func (s Str) Known() (string, bool) {
	var b strings.Builder
	for _, p := range s.Parts {
		if p.Kind != PartLit {
			return "", false
		}
		b.WriteString(p.Text)
	}
	return b.String(), true
}

// literalPrefix returns the literal text s starts with.
func (s Str) literalPrefix() string {
	var sb strings.Builder
	for _, p := range s.Parts {
		if p.Kind != PartLit {
			break
		}
		sb.WriteString(p.Text)
	}
	return sb.String()
}

// hasLiteral reports whether some of s is known text: then s is a
// template rather than a wholly unknown value.
func (s Str) hasLiteral() bool {
	for _, p := range s.Parts {
		if p.Kind == PartLit && p.Text != "" {
			return true
		}
	}
	return false
}

// parametric reports whether s depends on an argument of the function
// being summarised.
func (s Str) parametric() bool {
	for _, p := range s.Parts {
		if p.Kind == PartParam {
			return true
		}
	}
	return false
}

// key is a comparable identity of s.
func (s Str) key() string {
	var b strings.Builder
	for _, p := range s.Parts {
		switch p.Kind {
		case PartLit:
			b.WriteString(p.Text)
		case PartDynamic:
			b.WriteString("{" + p.Name + "|" + p.Origin + "}")
		case PartParam:
			b.WriteString("{$" + strconv.Itoa(p.Param) + fieldsSuffix(p.Fields) + "}")
		}
	}
	return b.String()
}

// concat joins two Strs, merging adjacent literals.
func concat(a, b Str) Str {
	parts := make([]Part, 0, len(a.Parts)+len(b.Parts))
	parts = append(parts, a.Parts...)
	for _, p := range b.Parts {
		if n := len(parts); n > 0 && p.Kind == PartLit && parts[n-1].Kind == PartLit {
			parts[n-1].Text += p.Text
			continue
		}
		parts = append(parts, p)
	}
	return Str{Parts: parts}
}

// maxAlternatives bounds the alternatives a concatenation multiplies
// into, so that a few choices in each part cannot explode.
const maxAlternatives = 64

// concatAll returns every concatenation of one alternative of each
// element of alts, in order.
func concatAll(alts [][]Str) []Str {
	out := []Str{{}}
	for _, choices := range alts {
		if len(choices) == 0 {
			return nil
		}
		next := make([]Str, 0, len(out)*len(choices))
		for _, prefix := range out {
			for _, c := range choices {
				if len(next) == maxAlternatives {
					break
				}
				next = append(next, concat(prefix, c))
			}
		}
		out = next
	}
	return out
}

// withoutSubsumedEmpty drops the empty alternative of a value that may
// also be a run-time value: that value can be empty too, and an empty
// alternative is the "none" a function returns beside its real results
// (return "", err), which would otherwise become addresses of their own
// ("orders." for "orders." + id).
func withoutSubsumedEmpty(ss []Str) []Str {
	open := slices.ContainsFunc(ss, func(s Str) bool { return len(s.Parts) == 1 && s.Parts[0].Kind != PartLit })
	if !open {
		return ss
	}
	return slices.DeleteFunc(ss, func(s Str) bool {
		v, ok := s.Known()
		return ok && v == ""
	})
}

// dedupStrs removes repeated alternatives, keeping the first.
func dedupStrs(ss []Str) []Str {
	seen := make(map[string]bool)
	out := ss[:0]
	for _, s := range ss {
		if k := s.key(); !seen[k] {
			seen[k] = true
			out = append(out, s)
		}
	}
	return out
}
