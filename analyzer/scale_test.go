package analyzer

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/asyncapi-extract/asyncapi-extract/internal/scaling"
	"github.com/asyncapi-extract/asyncapi-extract/internal/testmod"
)

// callSites loads a package of n functions, each publishing its own
// payload type on its own topic through a shared helper, with
// kafka-go: n call sites of the helper, n payload types.
func callSites(tb testing.TB, n int) []*packages.Package {
	tb.Helper()
	var src strings.Builder
	src.WriteString(`package scale

import (
	"context"
	"encoding/json"

	"github.com/segmentio/kafka-go"
)

var w = &kafka.Writer{Addr: kafka.TCP("kafka:9092")}

func publish(ctx context.Context, topic string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return w.WriteMessages(ctx, kafka.Message{Topic: topic, Value: b})
}
`)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&src, "\ntype Event%d struct {\n\tID string `json:\"id\"`\n}\n\n", i)
		fmt.Fprintf(&src, "const topic%d = \"events.%d\"\n\n", i, i)
		fmt.Fprintf(&src, "func send%d(ctx context.Context) error {\n\treturn publish(ctx, topic%d, Event%d{ID: \"x\"})\n}\n", i, i, i)
	}
	dir := tb.TempDir()
	testmod.WriteModule(tb, dir, "example.com/scale", map[string]string{"scale.go": src.String()})
	mode := packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports |
		packages.NeedTypes | packages.NeedTypesSizes | packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedModule
	pkgs, err := packages.Load(&packages.Config{Mode: mode, Dir: dir}, ".")
	if err != nil || packages.PrintErrors(pkgs) > 0 {
		tb.Fatalf("load: %v", err)
	}
	return pkgs
}

// analyseSites runs the analyzer and returns the operations found.
func analyseSites(tb testing.TB, pkgs []*packages.Package) int {
	graph, err := checker.Analyze([]*analysis.Analyzer{Analyzer}, pkgs, nil)
	if err != nil {
		tb.Fatal(err)
	}
	n := 0
	for _, act := range graph.Roots {
		if act.Err != nil {
			tb.Fatal(act.Err)
		}
		n += len(act.Result.(*Result).Operations)
	}
	return n
}

// BenchmarkCallSites is the analysis of packages with growing numbers
// of call sites of a wrapper: the time per call site should stay flat.
func BenchmarkCallSites(b *testing.B) {
	for _, n := range []int{50, 200, 800} {
		pkgs := callSites(b, n)
		b.Run(fmt.Sprintf("sites=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				analyseSites(b, pkgs)
			}
		})
	}
}

// TestCallSitesScale checks that the analysis is not quadratic in the
// number of call sites and payload types: 8 times as many take well
// under 64 times as long (the best of three runs of each, in the same
// process: a ratio, not a time).
func TestCallSitesScale(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	small, large := callSites(t, 50), callSites(t, 400)
	if got := analyseSites(t, large); got != 400 {
		t.Fatalf("%d operations, want 400", got)
	}
	ratio := scaling.Ratio(func() { analyseSites(t, small) }, func() { analyseSites(t, large) })
	t.Logf("8x the call sites: %.1fx the time", ratio)
	if ratio > 24 {
		t.Errorf("8x the call sites took %.1fx the time: quadratic?", ratio)
	}
}
