package emit

import (
	"fmt"

	"gopkg.in/yaml.v3"
)

// A base document holds what people write by hand: info, servers,
// externalDocs, tags, descriptions of channels and operations. The
// extracted document is merged into it so that regenerating never loses
// those edits:
//
//   - in a mapping, the keys of the extracted document come first, in
//     their order, then the keys only the base has, in the base's order;
//   - where both have a key, mappings merge the same way, and for
//     anything else (a string, a list) the base's value wins: it was
//     written on purpose.
//
// Channels and operations the base has and the code does not are kept:
// the base may describe what static analysis cannot see.

// MergeBase returns doc merged into the base document, given as YAML or
// JSON. name is the base's file name, for error messages.
func MergeBase(doc *Document, base []byte, name string) (*Document, error) {
	var b yaml.Node
	if err := yaml.Unmarshal(base, &b); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	if b.Kind == 0 {
		return doc, nil // empty file
	}
	if b.Kind != yaml.DocumentNode || len(b.Content) != 1 || b.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%s:%d: the base document must be a mapping", name, b.Line)
	}
	root := merge(doc.root.Content[0], b.Content[0])
	clearStyle(root)
	return &Document{root: &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}}, notes: doc.notes}, nil
}

// merge merges base into gen (neither is modified).
func merge(gen, base *yaml.Node) *yaml.Node {
	if gen.Kind != yaml.MappingNode || base.Kind != yaml.MappingNode {
		return base
	}
	out := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	baseVals := make(map[string]*yaml.Node)
	for i := 0; i+1 < len(base.Content); i += 2 {
		baseVals[base.Content[i].Value] = base.Content[i+1]
	}
	genKeys := make(map[string]bool)
	for i := 0; i+1 < len(gen.Content); i += 2 {
		k, v := gen.Content[i], gen.Content[i+1]
		genKeys[k.Value] = true
		if bv, ok := baseVals[k.Value]; ok {
			v = merge(v, bv)
		}
		out.Content = append(out.Content, k, v)
	}
	for i := 0; i+1 < len(base.Content); i += 2 {
		if k := base.Content[i]; !genKeys[k.Value] {
			out.Content = append(out.Content, k, base.Content[i+1])
		}
	}
	return out
}

// clearStyle drops the base's source formatting (flow style, comments,
// quoting), so that the merged document is written in one style.
func clearStyle(n *yaml.Node) {
	n.Style = 0
	n.HeadComment, n.LineComment, n.FootComment = "", "", ""
	if n.Kind == yaml.ScalarNode && n.Tag == "" {
		n.Tag = n.ShortTag()
	}
	for _, c := range n.Content {
		clearStyle(c)
	}
}
