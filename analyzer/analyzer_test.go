package analyzer_test

import (
	"os"
	"sort"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/asyncapi-extract/asyncapi-extract/analyzer"
	"github.com/asyncapi-extract/asyncapi-extract/internal/testmod"
)

func TestMain(m *testing.M) {
	if err := analyzer.Analyzer.Flags.Set("operations", "true"); err != nil {
		panic(err)
	}
	os.Exit(m.Run())
}

// notLibraries are the directories of the testdata module that are not a
// client library's test packages.
var notLibraries = map[string]bool{"golden": true, "example": true, "cli": true, "deps": true}

// TestLibraries runs the analyzer on the test packages of every client
// library (every other directory of the testdata module, which requires
// the real libraries): every operation found is reported and matched
// against the `// want` comments, and so are the facts of wrappers.
func TestLibraries(t *testing.T) {
	if err := testmod.Download(); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(testmod.Dir())
	if err != nil {
		t.Fatal(err)
	}
	var libs []string
	for _, e := range entries {
		if e.IsDir() && !notLibraries[e.Name()] {
			libs = append(libs, e.Name())
		}
	}
	sort.Strings(libs)
	for _, lib := range libs {
		t.Run(lib, func(t *testing.T) {
			analysistest.Run(t, testmod.Dir(), analyzer.Analyzer, "./"+lib+"/...")
		})
	}
}
