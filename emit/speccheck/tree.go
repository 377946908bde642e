package speccheck

import (
	"net/url"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// This file holds small helpers over yaml.Node. Documents are parsed into
// yaml.Node (not map[string]any) so that problems keep document order and
// positions; JSON is parsed by the same code since JSON is YAML.

// deref follows YAML aliases, which a hand-edited document may contain.
func deref(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 100; i++ {
		n = n.Alias
	}
	return n
}

func isMap(n *yaml.Node) bool { n = deref(n); return n != nil && n.Kind == yaml.MappingNode }
func isSeq(n *yaml.Node) bool { n = deref(n); return n != nil && n.Kind == yaml.SequenceNode }

// isString reports whether n is a scalar that YAML reads as a string. A
// quoted "3.0.0" and a plain 3.0.0 both are; a plain 1.0 (a float) is not,
// but info.version accepts any scalar, so callers pick what they need.
func isString(n *yaml.Node) bool {
	n = deref(n)
	return n != nil && n.Kind == yaml.ScalarNode && n.ShortTag() == "!!str"
}

func isNull(n *yaml.Node) bool {
	n = deref(n)
	return n != nil && n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// pair is one key/value of a mapping, in document order.
type pair struct {
	key   string
	keyN  *yaml.Node
	value *yaml.Node
}

func pairs(n *yaml.Node) []pair {
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	ps := make([]pair, 0, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		ps = append(ps, pair{key: n.Content[i].Value, keyN: n.Content[i], value: deref(n.Content[i+1])})
	}
	return ps
}

// get returns the value of key in mapping n, or nil.
func get(n *yaml.Node, key string) *yaml.Node {
	for _, p := range pairs(n) {
		if p.key == key {
			return p.value
		}
	}
	return nil
}

func items(n *yaml.Node) []*yaml.Node {
	n = deref(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	out := make([]*yaml.Node, len(n.Content))
	for i, c := range n.Content {
		out[i] = deref(c)
	}
	return out
}

// refOf returns the $ref string of a Reference Object and whether n is one.
func refOf(n *yaml.Node) (string, bool) {
	r := get(n, "$ref")
	if !isString(r) {
		return "", false
	}
	return r.Value, true
}

// onlyRef reports whether n is exactly {$ref: <string>}, nothing else.
func onlyRef(n *yaml.Node) (string, bool) {
	ps := pairs(n)
	if len(ps) != 1 {
		return "", false
	}
	return refOf(n)
}

// path is a JSON pointer kept as unescaped segments; String escapes it.
type path []string

func (p path) add(seg ...string) path {
	out := make(path, 0, len(p)+len(seg))
	return append(append(out, p...), seg...)
}

func (p path) idx(i int) path { return p.add(strconv.Itoa(i)) }

var pointerEscaper = strings.NewReplacer("~", "~0", "/", "~1")

func (p path) String() string {
	var b strings.Builder
	for _, s := range p {
		b.WriteByte('/')
		b.WriteString(pointerEscaper.Replace(s))
	}
	return b.String()
}

// under reports whether p is prefix or lies below it.
func (p path) under(prefix path) bool {
	if len(p) < len(prefix) {
		return false
	}
	for i := range prefix {
		if p[i] != prefix[i] {
			return false
		}
	}
	return true
}

// parseLocalRef turns "#/a/b~1c" into segments [a, b/c]. ok is false for a
// ref that is not local (no leading '#') or not a JSON pointer fragment.
func parseLocalRef(ref string) (segs path, ok bool) {
	if !strings.HasPrefix(ref, "#") {
		return nil, false
	}
	frag := ref[1:]
	// A fragment may be percent-encoded (RFC 6901 section 6).
	if dec, err := url.PathUnescape(frag); err == nil {
		frag = dec
	}
	if frag == "" {
		return path{}, true
	}
	if !strings.HasPrefix(frag, "/") {
		return nil, false
	}
	for _, s := range strings.Split(frag[1:], "/") {
		s = strings.ReplaceAll(s, "~1", "/")
		s = strings.ReplaceAll(s, "~0", "~")
		segs = append(segs, s)
	}
	return segs, true
}

// lookup walks segs from root. Like the official parser's resolver, it
// follows a $ref met halfway (e.g. #/channels/a/messages/m/payload where m is
// itself a $ref), with a bound against cycles.
func lookup(root *yaml.Node, segs path) *yaml.Node {
	return lookupDepth(root, root, segs, 0)
}

func lookupDepth(root, n *yaml.Node, segs path, depth int) *yaml.Node {
	if depth > 32 {
		return nil
	}
	n = deref(n)
	for i, s := range segs {
		if n == nil {
			return nil
		}
		switch n.Kind {
		case yaml.MappingNode:
			next := get(n, s)
			if next == nil {
				if ref, ok := refOf(n); ok {
					if target, ok := parseLocalRef(ref); ok {
						return lookupDepth(root, root, append(target, segs[i:]...), depth+1)
					}
				}
				return nil
			}
			n = next
		case yaml.SequenceNode:
			k, err := strconv.Atoi(s)
			if err != nil || k < 0 || k >= len(n.Content) {
				return nil
			}
			n = deref(n.Content[k])
		default:
			return nil
		}
	}
	return n
}

// walk calls fn on every node below n (n included) with its path, in
// document order.
func walk(n *yaml.Node, p path, fn func(n *yaml.Node, p path)) {
	walkDepth(n, p, fn, 0)
}

func walkDepth(n *yaml.Node, p path, fn func(n *yaml.Node, p path), depth int) {
	n = deref(n)
	if n == nil || depth > 200 {
		return
	}
	fn(n, p)
	switch n.Kind {
	case yaml.MappingNode:
		for _, kv := range pairs(n) {
			walkDepth(kv.value, p.add(kv.key), fn, depth+1)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			walkDepth(c, p.idx(i), fn, depth+1)
		}
	}
}
