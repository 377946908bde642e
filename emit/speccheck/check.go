package speccheck

import (
	"fmt"
	"regexp"
	"sort"

	"gopkg.in/yaml.v3"
)

// Problem is one violation found by Check.
type Problem struct {
	// Path is a JSON pointer to the offending (or, if missing, expected)
	// node, e.g. /operations/sendOrders/messages/0.
	Path    string
	Message string
}

func (p Problem) String() string { return p.Path + ": " + p.Message }

// Check parses doc (YAML or JSON) and returns every violation of the rules
// the official parser misses, in document order. A document that does not
// parse yields a single Problem with an empty Path.
func Check(doc []byte) []Problem {
	var file yaml.Node
	if err := yaml.Unmarshal(doc, &file); err != nil {
		// Valid JSON that YAML cannot read: a key of over 1024
		// characters (YAML's limit on implicit keys).
		root, jerr := jsonNode(doc)
		if jerr != nil {
			return []Problem{{Path: "", Message: "document is not valid YAML/JSON: " + err.Error()}}
		}
		file = yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}}
	}
	if len(file.Content) == 0 {
		return []Problem{{Path: "", Message: "document is empty"}}
	}
	root := deref(file.Content[0])
	if root.Kind != yaml.MappingNode {
		return []Problem{{Path: "", Message: "document root is not a mapping"}}
	}
	c := &checker{root: root}
	c.checkRoot()
	c.checkServers()
	c.checkChannels()
	c.checkOperations()
	c.checkComponents()
	c.checkRefs()
	c.checkUnusedComponents()
	c.checkSchemas()
	return c.sorted()
}

// checker accumulates problems with the position of the node they concern,
// so that rules can run one after the other and still report in document
// order.
type checker struct {
	root     *yaml.Node
	problems []located
}

type located struct {
	Problem
	line, col, seq int
}

// add records a problem about node n (its position orders the output).
func (c *checker) add(n *yaml.Node, p path, format string, args ...any) {
	line, col := 0, 0
	if n != nil {
		line, col = n.Line, n.Column
	}
	c.problems = append(c.problems, located{
		Problem: Problem{Path: p.String(), Message: fmt.Sprintf(format, args...)},
		line:    line, col: col, seq: len(c.problems),
	})
}

func (c *checker) sorted() []Problem {
	sort.SliceStable(c.problems, func(i, j int) bool {
		a, b := c.problems[i], c.problems[j]
		if a.line != b.line {
			return a.line < b.line
		}
		if a.col != b.col {
			return a.col < b.col
		}
		return a.seq < b.seq
	})
	out := make([]Problem, len(c.problems))
	for i, p := range c.problems {
		out[i] = p.Problem
	}
	return out
}

// idPattern is the spec's pattern for component keys. We apply it to channel,
// operation and message ids too: anything else needs ~1-escaping in every
// $ref and breaks tools.
var idPattern = regexp.MustCompile(`^[\w\d\.\-_]+$`)

func (c *checker) checkID(keyN *yaml.Node, p path, what, id string) {
	if !idPattern.MatchString(id) {
		c.add(keyN, p, "%s %q does not match %s", what, id, idPattern)
	}
}

// checkRoot: asyncapi version and the required info fields.
func (c *checker) checkRoot() {
	v := get(c.root, "asyncapi")
	switch {
	case v == nil:
		c.add(c.root, path{"asyncapi"}, `missing "asyncapi" (must be "3.0.0")`)
	case v.Kind != yaml.ScalarNode || v.Value != "3.0.0":
		c.add(v, path{"asyncapi"}, `asyncapi must be "3.0.0", got %q`, v.Value)
	}
	info := get(c.root, "info")
	if !isMap(info) {
		c.add(c.root, path{"info"}, "missing info object")
		return
	}
	for _, f := range []string{"title", "version"} {
		if v := get(info, f); v == nil || v.Kind != yaml.ScalarNode || v.Value == "" || isNull(v) {
			c.add(info, path{"info", f}, "info.%s is required and must be a non-empty string", f)
		}
	}
}
