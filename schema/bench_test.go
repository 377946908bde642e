package schema

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"github.com/asyncapi-extract/asyncapi-extract/internal/scaling"
)

// graphTypes type-checks a package of n struct types, each with fields
// of the kinds payloads have (scalars, tags, pointers, slices, maps, an
// embedded struct, time.Time) that refer to other types of the graph,
// so that every type is reachable from the first, and returns them.
func graphTypes(tb testing.TB, n int) []types.Type {
	tb.Helper()
	var src strings.Builder
	src.WriteString("package p\n\nimport \"time\"\n\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&src, "// T%d is type %d of the graph.\ntype T%d struct {\n", i, i, i)
		if i > 0 {
			fmt.Fprintf(&src, "\tE%d\n", i-1)
		}
		fmt.Fprintf(&src, "\tID string `json:\"id\" validate:\"required,uuid\"`\n")
		fmt.Fprintf(&src, "\tCount int `json:\"count,omitempty\" minimum:\"0\"`\n")
		fmt.Fprintf(&src, "\tAt time.Time `json:\"at\"`\n")
		fmt.Fprintf(&src, "\tNext *T%d `json:\"next,omitempty\"`\n", (i+1)%n)
		fmt.Fprintf(&src, "\tItems []T%d `json:\"items\"`\n", (i*7+3)%n)
		fmt.Fprintf(&src, "\tByKey map[string]*T%d `json:\"by_key\"`\n", (i*13+5)%n)
		fmt.Fprintf(&src, "\tState S%d `json:\"state\"`\n", i)
		src.WriteString("}\n\n")
		fmt.Fprintf(&src, "// E%d is embedded.\ntype E%d struct {\n\tNote string `json:\"note\"`\n}\n\n", i, i)
		fmt.Fprintf(&src, "// S%d is an enum.\ntype S%d string\n\nconst (\n\tS%dA S%d = \"a\"\n\tS%dB S%d = \"b\"\n)\n\n", i, i, i, i, i, i)
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src.String(), parser.ParseComments)
	if err != nil {
		tb.Fatal(err)
	}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("example.com/p", fset, []*ast.File{f}, nil)
	if err != nil {
		tb.Fatal(err)
	}
	out := make([]types.Type, n)
	for i := range out {
		out[i] = pkg.Scope().Lookup(fmt.Sprintf("T%d", i)).Type()
	}
	return out
}

// schemas builds the components of the graph from its first type, and
// renders them as documents do.
func schemas(ts []types.Type) int {
	g := NewGenerator()
	g.Add(ts[0])
	set := g.Build()
	nodes := 0
	for _, c := range set.Components() {
		if Node(c.Schema) != nil {
			nodes++
		}
	}
	return nodes
}

// BenchmarkLargeTypeGraph is schema generation for payload type graphs
// of growing size: the time per type should stay flat.
func BenchmarkLargeTypeGraph(b *testing.B) {
	for _, n := range []int{100, 400, 1600} {
		ts := graphTypes(b, n)
		b.Run(fmt.Sprintf("types=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				schemas(ts)
			}
		})
	}
}

// TestLargeTypeGraphScales checks that schema generation is not
// quadratic in the number of types: a graph 8 times larger takes well
// under 64 times as long (the best of three runs of each, measured in
// the same process: a ratio, not a time).
func TestLargeTypeGraphScales(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	small, large := graphTypes(t, 100), graphTypes(t, 800)
	if got := schemas(large); got < 800 {
		t.Fatalf("%d components for 800 types", got)
	}
	ratio := scaling.Ratio(func() { schemas(small) }, func() { schemas(large) })
	t.Logf("8x the types: %.1fx the time", ratio)
	if ratio > 24 {
		t.Errorf("8x the types took %.1fx the time: quadratic?", ratio)
	}
}
