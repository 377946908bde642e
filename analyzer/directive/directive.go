// Package directive parses the //asyncapi: comment directives with which
// users correct what static analysis cannot see: a channel address only
// known at run time, a payload hidden behind an interface, the ids,
// summaries and tags of operations, and the info and servers of the
// document.
//
// A directive is one line comment that starts with "//asyncapi:", with no
// space after the "//", in the style of //go:generate:
//
//	//asyncapi:channel orders.{region} region="AWS region of the shop"
//
// This package only parses single comments; where a directive may be
// placed and what it applies to is the analyzer's business. The grammar
// and the placement rules are described in docs/directives.md.
//
// Block comments (/*asyncapi:...*/) and comments with a space after the
// slashes (// asyncapi:...) are never directives: the first would be a
// second, less greppable spelling, and the second is how prose is written.
// [LooksLikeDirective] reports both so the analyzer can warn about them.
package directive

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Verb is the word after "//asyncapi:".
type Verb string

// The verbs. The first eight apply to a call site or, in a function's doc
// comment, to every operation of the function; Info and Server are
// package level (see [Verb.PackageLevel]).
const (
	Channel     Verb = "channel"     // channel <address> [name="description" ...]
	Message     Verb = "message"     // message <name>
	Payload     Verb = "payload"     // payload <Go type>
	Operation   Verb = "operation"   // operation <id>
	Summary     Verb = "summary"     // summary <text>
	Description Verb = "description" // description <text>
	Tags        Verb = "tags"        // tags <tag>,<tag>,...
	Ignore      Verb = "ignore"      // ignore
	Info        Verb = "info"        // info key=value ...
	Server      Verb = "server"      // server <id> key=value ...
)

// Verbs returns every verb, sorted, as listed in the unknown-verb error.
func Verbs() []Verb {
	return []Verb{Channel, Description, Ignore, Info, Message, Operation, Payload, Server, Summary, Tags}
}

// PackageLevel reports whether v describes the whole document (info,
// server) rather than operations.
func (v Verb) PackageLevel() bool { return v == Info || v == Server }

// Directive is one parsed directive. Parse leaves the fields a verb does
// not use at their zero value (nil slices, not empty ones), so that two
// directives can be compared with reflect.DeepEqual.
type Directive struct {
	Verb Verb
	// Arg is the single argument: the address (unquoted) of channel, the
	// name of message, the id of operation and server, the canonical
	// text of payload's type ([TypeExpr.String]), the text of summary
	// and description. It is "" for tags, ignore and info.
	Arg string
	// Fields are the key=value pairs, in source order, of info and
	// server, and the parameter descriptions of channel (key = parameter
	// name). Values are unquoted.
	Fields []Field
	Tags   []string  // for tags: the trimmed tags, in source order
	Type   *TypeExpr // for payload: the parsed type
}

// Field is one key=value pair.
type Field struct{ Key, Value string }

// Lookup returns the value of the field named key.
func (d Directive) Lookup(key string) (string, bool) {
	for _, f := range d.Fields {
		if f.Key == key {
			return f.Value, true
		}
	}
	return "", false
}

// Error is a malformed directive. Offset is the byte offset within the
// comment text of the problem (len(text) when something is missing at the
// end), so that the caller can report file:line:col.
type Error struct {
	Offset int
	Msg    string
}

// Error returns Msg alone: the caller knows the position and adds it.
func (e *Error) Error() string { return e.Msg }

// prefix starts every directive.
const prefix = "//asyncapi:"

// Parse parses one comment's text, as ast.Comment.Text gives it, for
// example "//asyncapi:channel orders".
//
// ok is false, and err nil, when the comment is not a directive at all.
// When ok is true and err is not nil the comment was meant as a directive
// but is malformed: err is an *Error, and d holds only the Verb, if it was
// a known one.
func Parse(text string) (d Directive, ok bool, err error) {
	if !strings.HasPrefix(text, prefix) {
		return Directive{}, false, nil
	}
	s := &scanner{text: text, pos: len(prefix)}
	verbOff := s.pos
	verb := Verb(s.word())
	if err := checkChars(text); err != nil {
		if parsers[verb] == nil {
			verb = ""
		}
		return Directive{Verb: verb}, true, err
	}
	if verb == "" {
		return Directive{}, true, &Error{verbOff, `missing verb after "//asyncapi:"`}
	}
	parse, known := parsers[verb]
	if !known {
		return Directive{}, true, &Error{verbOff, fmt.Sprintf("unknown directive %q; known verbs are %s", prefix+string(verb), verbList())}
	}
	s.verb = verb
	d.Verb = verb
	if err := parse(s, &d); err != nil {
		return Directive{Verb: verb}, true, err
	}
	return d, true, nil
}

// checkChars rejects what a Go source line comment cannot hold (invalid
// UTF-8) or what would make a directive's meaning invisible (control
// characters other than tab), so that the rest of the parser can split on
// unicode.IsSpace without surprises.
func checkChars(text string) error {
	for i, r := range text {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(text[i:]); size == 1 {
				return &Error{i, "invalid UTF-8 in directive"}
			}
		}
		if unicode.IsControl(r) && r != '\t' {
			return &Error{i, fmt.Sprintf("control character %U in directive", r)}
		}
	}
	return nil
}

func verbList() string {
	var names []string
	for _, v := range Verbs() {
		names = append(names, string(v))
	}
	return strings.Join(names, ", ")
}

// String returns the canonical text of d: single spaces, values quoted
// only when they must be, tags joined by ",". For a directive that Parse
// returned, Parse(d.String()) gives back an equal Directive. A description
// whose Arg holds several lines (see [Merge]) gives one directive line per
// line, separated by "\n".
func (d Directive) String() string {
	var b strings.Builder
	b.WriteString(prefix)
	b.WriteString(string(d.Verb))
	switch d.Verb {
	case Channel:
		b.WriteString(" " + quote(d.Arg))
	case Payload:
		arg := d.Arg
		if d.Type != nil {
			arg = d.Type.String()
		}
		b.WriteString(" " + arg)
	case Description:
		b.WriteString(" " + strings.ReplaceAll(d.Arg, "\n", "\n"+prefix+string(Description)+" "))
	case Tags:
		b.WriteString(" " + strings.Join(d.Tags, ","))
	case Ignore, Info:
	default: // message, operation, summary, server and unknown verbs
		if d.Arg != "" {
			b.WriteString(" " + d.Arg)
		}
	}
	for _, f := range d.Fields {
		b.WriteString(" " + f.Key + "=" + quote(f.Value))
	}
	return b.String()
}

// Merge joins each run of consecutive description directives in ds into
// one whose Arg is their texts joined by "\n": a long description is
// written over several comment lines. The other directives are returned
// as they are, in order. The caller passes the directives of one comment
// group; deciding what a repeated channel or message means is left to it.
func Merge(ds []Directive) []Directive {
	var out []Directive
	for _, d := range ds {
		if n := len(out); n > 0 && d.Verb == Description && out[n-1].Verb == Description {
			out[n-1].Arg += "\n" + d.Arg
			continue
		}
		out = append(out, d)
	}
	return out
}

// LooksLikeDirective reports whether text is a comment that is not a
// directive but looks like one was meant: "// asyncapi:channel x" (a space
// after the slashes) or "/*asyncapi:ignore*/" (a block comment). It
// requires a letter right after "asyncapi:" so that prose such as
// "// asyncapi: see the docs" is not flagged.
func LooksLikeDirective(text string) bool {
	var body string
	switch {
	case strings.HasPrefix(text, prefix):
		return false // a directive, well-formed or not
	case strings.HasPrefix(text, "//"):
		body = text[2:]
	case strings.HasPrefix(text, "/*"):
		body = text[2:]
	default:
		return false
	}
	rest, ok := strings.CutPrefix(strings.TrimLeftFunc(body, unicode.IsSpace), "asyncapi:")
	if !ok {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsLetter(r)
}
