package analyzer

import (
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/asyncapi-extract/asyncapi-extract/internal/testmod"
)

// analyse runs the analyzer on the kafka-go test packages and returns,
// by package path, its results and diagnostics.
func analyse(t *testing.T) (map[string]*Result, map[string][]string) {
	t.Helper()
	if err := testmod.Download(); err != nil {
		t.Fatal(err)
	}
	// Syntax for the packages analysed, their dependencies' types from
	// export data, as the driver loads them.
	mode := packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports |
		packages.NeedTypes | packages.NeedTypesSizes | packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedModule
	cfg := &packages.Config{Mode: mode, Dir: testmod.Dir()}
	pkgs, err := packages.Load(cfg, "./kafkago/writer", "./kafkago/reader")
	if err != nil {
		t.Fatal(err)
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{Analyzer}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	results := make(map[string]*Result)
	diags := make(map[string][]string)
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Fatalf("%s: %v", act.Package.PkgPath, act.Err)
		}
		results[act.Package.PkgPath] = act.Result.(*Result)
		for _, d := range act.Diagnostics {
			pos := act.Package.Fset.Position(d.Pos)
			diags[act.Package.PkgPath] = append(diags[act.Package.PkgPath],
				filepath.Base(pos.Filename)+":"+strconv.Itoa(pos.Line)+": "+d.Message)
		}
	}
	return results, diags
}

const (
	writerPkg = "example.com/testdata/kafkago/writer"
	readerPkg = "example.com/testdata/kafkago/reader"
)

// A panic while one call site is analysed loses that call only: it is
// reported there, as a Failure, and the package's other operations and
// the other packages' are still found.
func TestPanicAtCallSite(t *testing.T) {
	want, _ := analyse(t)
	before := len(want[writerPkg].Operations)
	if before < 2 || len(want[readerPkg].Operations) == 0 {
		t.Fatalf("the test packages have too few operations: %d, %d", before, len(want[readerPkg].Operations))
	}

	const line = 34 // a WriteMessages call in kafkago/writer/writer.go
	testHookSite = func(pos token.Position) {
		if filepath.Base(pos.Filename) == "writer.go" && pos.Line == line {
			panic("boom")
		}
	}
	defer func() { testHookSite = nil }()
	got, diags := analyse(t)

	w := got[writerPkg]
	if len(w.Failures) != 1 {
		t.Fatalf("failures %v, want one", w.Failures)
	}
	if n := len(w.Operations); n != before-1 {
		t.Errorf("%d operations in writer, want %d (all but the failed call's)", n, before-1)
	}
	if n, m := len(got[readerPkg].Operations), len(want[readerPkg].Operations); n != m {
		t.Errorf("%d operations in reader, want %d", n, m)
	}
	re := regexp.MustCompile(`^writer\.go:34: internal error analysing the call of \(\*github\.com/segmentio/kafka-go\.Writer\)\.WriteMessages: boom \(its operations are missing from the document; please report this at https://\S+ with this message, raised in \S+\)$`)
	found := false
	for _, d := range diags[writerPkg] {
		found = found || re.MatchString(d)
	}
	if !found {
		t.Errorf("no positioned internal-error diagnostic among:\n%s", strings.Join(diags[writerPkg], "\n"))
	}
}

// A panic outside any call site loses that package's operations only,
// reported at its package clause; the other packages are still
// analysed.
func TestPanicInPackage(t *testing.T) {
	testHookPackage = func(path string) {
		if path == writerPkg {
			panic("boom")
		}
	}
	defer func() { testHookPackage = nil }()
	got, diags := analyse(t)
	w := got[writerPkg]
	if len(w.Failures) != 1 || len(w.Operations) != 0 {
		t.Errorf("writer: %d failures, %d operations; want 1 and 0", len(w.Failures), len(w.Operations))
	}
	if len(got[readerPkg].Operations) == 0 {
		t.Error("reader lost its operations")
	}
	if len(diags[writerPkg]) != 1 || !strings.Contains(diags[writerPkg][0], "writer.go:3: internal error analysing package "+writerPkg+": boom") {
		t.Errorf("diagnostics: %q", diags[writerPkg])
	}
}
