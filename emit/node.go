package emit

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// The document is built as a yaml.Node tree, which keeps keys in the
// order they were added; both output formats are written from it, so
// YAML and JSON always agree.

// mapping is an ordered YAML mapping under construction.
type mapping struct{ n *yaml.Node }

func newMapping() mapping {
	return mapping{&yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}}
}

// set appends key: value. A nil value is skipped.
func (m mapping) set(key string, value *yaml.Node) mapping {
	if value != nil {
		m.n.Content = append(m.n.Content, str(key), value)
	}
	return m
}

func (m mapping) node() *yaml.Node { return m.n }

// get returns the value of key, or nil.
func (m mapping) get(key string) *yaml.Node {
	for i := 0; i+1 < len(m.n.Content); i += 2 {
		if m.n.Content[i].Value == key {
			return m.n.Content[i+1]
		}
	}
	return nil
}

func (m mapping) empty() bool { return len(m.n.Content) == 0 }

// orNil returns the node, or nil when the mapping is empty, so that an
// empty object is left out.
func (m mapping) orNil() *yaml.Node {
	if m.empty() {
		return nil
	}
	return m.n
}

func str(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
}

func null() *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
}

func seq(items ...*yaml.Node) *yaml.Node {
	return &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: items}
}

func strSeq(items []string) *yaml.Node {
	n := seq()
	for _, s := range items {
		n.Content = append(n.Content, str(s))
	}
	return n
}

func ref(target string) *yaml.Node {
	return newMapping().set("$ref", str(target)).node()
}

// marshalYAML writes the tree as YAML with two-space indentation.
func marshalYAML(root *yaml.Node) ([]byte, error) {
	prepareScalars(root)
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// marshalJSON writes the tree as indented JSON, keys in tree order.
func marshalJSON(root *yaml.Node) ([]byte, error) {
	prepareScalars(root)
	var buf bytes.Buffer
	if err := writeJSON(&buf, root, ""); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

func writeJSON(buf *bytes.Buffer, n *yaml.Node, indent string) error {
	inner := indent + "  "
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) != 1 {
			return fmt.Errorf("document node with %d children", len(n.Content))
		}
		return writeJSON(buf, n.Content[0], indent)
	case yaml.MappingNode:
		if len(n.Content) == 0 {
			buf.WriteString("{}")
			return nil
		}
		buf.WriteString("{\n")
		for i := 0; i+1 < len(n.Content); i += 2 {
			buf.WriteString(inner)
			writeJSONString(buf, n.Content[i].Value)
			buf.WriteString(": ")
			if err := writeJSON(buf, n.Content[i+1], inner); err != nil {
				return err
			}
			if i+2 < len(n.Content) {
				buf.WriteByte(',')
			}
			buf.WriteByte('\n')
		}
		buf.WriteString(indent + "}")
	case yaml.SequenceNode:
		if len(n.Content) == 0 {
			buf.WriteString("[]")
			return nil
		}
		buf.WriteString("[\n")
		for i, c := range n.Content {
			buf.WriteString(inner)
			if err := writeJSON(buf, c, inner); err != nil {
				return err
			}
			if i+1 < len(n.Content) {
				buf.WriteByte(',')
			}
			buf.WriteByte('\n')
		}
		buf.WriteString(indent + "]")
	case yaml.ScalarNode:
		return writeJSONScalar(buf, n)
	case yaml.AliasNode:
		return writeJSON(buf, n.Alias, indent)
	default:
		return fmt.Errorf("unexpected YAML node kind %d", n.Kind)
	}
	return nil
}

func writeJSONScalar(buf *bytes.Buffer, n *yaml.Node) error {
	switch n.ShortTag() {
	case "!!null":
		buf.WriteString("null")
	case "!!bool":
		b, err := strconv.ParseBool(n.Value)
		if err != nil {
			return fmt.Errorf("bad boolean %q", n.Value)
		}
		buf.WriteString(strconv.FormatBool(b))
	case "!!int", "!!float":
		// Validate through encoding/json so that only JSON numbers
		// are written.
		var num json.Number
		if err := json.Unmarshal([]byte(n.Value), &num); err != nil {
			return fmt.Errorf("bad number %q", n.Value)
		}
		buf.WriteString(num.String())
	default:
		writeJSONString(buf, n.Value)
	}
	return nil
}

// writeJSONString writes s as a JSON string. encoding/json escapes the
// C0 controls, U+2028 and U+2029, and replaces invalid UTF-8; the other
// characters that are not printable (DEL, the C1 controls, U+FEFF, ...)
// are escaped too, since a YAML parser, which reads JSON as YAML, does not
// accept them raw.
func writeJSONString(buf *bytes.Buffer, s string) {
	var enc bytes.Buffer
	e := json.NewEncoder(&enc)
	e.SetEscapeHTML(false)
	_ = e.Encode(s)             // a string always encodes
	enc.Truncate(enc.Len() - 1) // Encode ends with a newline
	out := enc.String()
	for _, r := range out {
		if r == utf8.RuneError || unicode.IsPrint(r) || r == ' ' {
			buf.WriteRune(r)
			continue
		}
		if r > 0xFFFF {
			r1, r2 := utf16.EncodeRune(r)
			fmt.Fprintf(buf, "\\u%04x\\u%04x", r1, r2)
			continue
		}
		fmt.Fprintf(buf, "\\u%04x", r)
	}
}

// Every string of the document may come from the code (a topic, a doc
// comment, a struct tag) and is data: the output must read back as the
// same string whatever it holds. encoding/json gets that right; yaml.v3
// gets most of it right by quoting what needs it, except that
//
//   - it refuses to write invalid UTF-8 at all (the whole document would
//     be lost for one bad byte in a constant),
//   - a multi-line string goes out as a literal block (|), which loses
//     leading newlines, cannot start with a tab, and writes line
//     separators (U+0085, U+2028, U+2029), carriage returns, BOMs and
//     other control characters raw, where a reader takes them for line
//     breaks or rejects them,
//   - a plain "<<" key reads back as a merge key.
//
// prepareScalars fixes both before either format is written: invalid
// bytes become U+FFFD, one per byte as encoding/json does (so YAML and
// JSON agree), and the strings a literal block or a plain scalar would
// garble are double-quoted, where YAML escapes everything. It changes
// the tree in place and is idempotent.
func prepareScalars(root *yaml.Node) {
	seen := make(map[*yaml.Node]bool)
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n == nil || seen[n] {
			return
		}
		seen[n] = true
		if n.Kind == yaml.ScalarNode {
			if !utf8.ValidString(n.Value) {
				n.Value = validUTF8(n.Value)
			}
			if n.ShortTag() == "!!str" && needsDoubleQuotes(n.Value) {
				n.Style = yaml.DoubleQuotedStyle
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
		walk(n.Alias)
	}
	walk(root)
}

// validUTF8 replaces each byte of s that is not part of a valid UTF-8
// sequence by U+FFFD, as encoding/json does.
func validUTF8(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// needsDoubleQuotes reports whether yaml.v3 would write s in a way that
// does not read back as s (see prepareScalars). Strings of one line are
// quoted as needed by yaml.v3 itself, but for "<<"; a multi-line string
// may be a literal block only when it starts with neither a line break
// nor a tab and holds no character but printable ones, spaces, tabs
// and "\n". FuzzYAMLScalar checks the rule against yaml.v3.
func needsDoubleQuotes(s string) bool {
	if s == "<<" {
		return true
	}
	if !strings.Contains(s, "\n") {
		return false
	}
	if s[0] == '\n' || s[0] == '\t' {
		return true
	}
	for _, r := range s {
		if r != '\n' && r != '\t' && !unicode.IsPrint(r) {
			return true
		}
	}
	return false
}
