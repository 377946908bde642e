package schema

import (
	"bytes"
	"encoding/gob"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"testing"
)

func TestDocsFromSyntax(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "d.go", `package d

// Single is alone.
type Single struct {
	// A is documented.
	A int
	B int // B has a line comment.
	// C has both; the doc wins.
	C int // not this
	Embedded
	*Ptr // pointer embedded
	x, Y int // two names
}

// Group is not the doc of a type in a group.
type (
	// First is first.
	First int
	Second string // Second has a line comment.
)

// Kind has values.
const (
	// KindA is A.
	//
	// Second paragraph.
	KindA = 1
	KindB = 2 // KindB is B.
	KindC = 3
)

// Alone is a lone constant.
const Alone = 4

type Embedded struct{}
type Ptr struct{}
`, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	got := DocsFromSyntax("ex.com/d", []*ast.File{f})
	want := MapDocs{
		"ex.com/d.Single":     "Single is alone.",
		"ex.com/d.Single.A":   "A is documented.",
		"ex.com/d.Single.B":   "B has a line comment.",
		"ex.com/d.Single.C":   "C has both; the doc wins.",
		"ex.com/d.Single.Ptr": "pointer embedded",
		"ex.com/d.Single.x":   "two names",
		"ex.com/d.Single.Y":   "two names",
		"ex.com/d.First":      "First is first.",
		"ex.com/d.Second":     "Second has a line comment.",
		"ex.com/d.KindA":      "KindA is A.\n\nSecond paragraph.",
		"ex.com/d.KindB":      "KindB is B.",
		"ex.com/d.Alone":      "Alone is a lone constant.",
	}
	if !maps.Equal(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if got.TypeDoc("ex.com/d", "Single") != "Single is alone." || got.FieldDoc("ex.com/d", "Single", "B") != "B has a line comment." ||
		got.ConstDoc("ex.com/d", "KindB") != "KindB is B." || got.ConstDoc("ex.com/d", "KindC") != "" {
		t.Error("lookup methods disagree with the map")
	}

	// The analyzer returns MapDocs in its results: it must survive gob.
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(got); err != nil {
		t.Fatal(err)
	}
	var back MapDocs
	if err := gob.NewDecoder(&buf).Decode(&back); err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(back, got) {
		t.Error("gob round trip changed the docs")
	}
	merged := MapDocs{"ex.com/d.Single": "old", "other": "kept"}
	merged.Merge(got)
	if merged["ex.com/d.Single"] != "Single is alone." || merged["other"] != "kept" {
		t.Errorf("Merge: %q", merged)
	}
}
