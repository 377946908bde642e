package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/asyncapi-extract/asyncapi-extract/emit/speccheck"
	"github.com/asyncapi-extract/asyncapi-extract/internal/testmod"
)

var update = flag.Bool("update", false, "rewrite the golden documents")

// goldenCase is one end-to-end run of the command.
type goldenCase struct {
	name string   // the golden file is testdata/golden/<name>.yaml
	dir  string   // -C, relative to the testdata module
	args []string // flags and patterns
	// code is the exit code expected (--check of a stale file: 1).
	code int
	// notDocument marks output that is not an AsyncAPI document (a diff).
	notDocument bool
}

// notLibraries are the directories of the testdata module that are not
// a client library's test packages.
var notLibraries = map[string]bool{"golden": true, "example": true, "cli": true, "deps": true}

// goldenCases are the bundled example service and one case per client
// library: every other directory of the testdata module holds the
// analysistest packages of one library, and its golden is the document
// of all of them. Adding a library's testdata package adds its golden
// case.
func goldenCases(t *testing.T) []goldenCase {
	cases := []goldenCase{
		{name: "example", dir: "example", args: []string{"--positions", "./..."}},
		{name: "example.json", dir: "example", args: []string{"--format", "json", "./..."}},
		// A hand-written base document: its fields survive, what the
		// code says is merged in.
		{name: "example.base", dir: "example", args: []string{"--base", "../cli/base/asyncapi.base.yaml", "./..."}},
		// --check of a stale document prints the diff that updates it.
		{name: "example.check.diff", dir: "example", code: 1, notDocument: true,
			args: []string{"--check", "../cli/check/stale.yaml", "./..."}},
	}
	entries, err := os.ReadDir(testmod.Dir())
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.IsDir() || notLibraries[e.Name()] {
			continue
		}
		cases = append(cases, goldenCase{
			name: e.Name(),
			dir:  ".",
			args: []string{"--title", e.Name(), "--positions", "./" + e.Name() + "/..."},
		})
	}
	sort.Slice(cases, func(i, j int) bool { return cases[i].name < cases[j].name })
	return cases
}

// goldenFile is the file name of a case's golden document: the name,
// with .yaml unless it has an extension.
func goldenFile(name string) string {
	switch filepath.Ext(name) {
	case ".json", ".diff", ".yaml":
		return name
	}
	return name + ".yaml"
}

// runCommand runs the command in-process and returns stdout, stderr and
// the exit code.
func runCommand(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(append([]string{"asyncapi-extract"}, args...), &stdout, &stderr)
	return stdout.String(), stderr.String(), code
}

// TestGolden compares the document of each case with its golden file,
// byte for byte, checks that a second run gives the same bytes, and
// validates every document with the official parser and our own checks.
func TestGolden(t *testing.T) {
	if err := testmod.Download(); err != nil {
		t.Fatal(err)
	}
	docs := make(map[string][]byte)
	for _, c := range goldenCases(t) {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(testmod.Dir(), c.dir)
			args := append([]string{"-C", dir}, c.args...)
			out, stderr, code := runCommand(t, args...)
			if code != c.code {
				t.Fatalf("exit %d, want %d\n%s", code, c.code, stderr)
			}
			// Packages are analysed in parallel: a sequential run must
			// give the same bytes.
			procs := runtime.GOMAXPROCS(1)
			again, _, _ := runCommand(t, args...)
			runtime.GOMAXPROCS(procs)
			if again != out {
				t.Errorf("a run with GOMAXPROCS=1 gave different bytes")
			}
			golden := filepath.Join(testmod.Dir(), "golden", goldenFile(c.name))
			if *update {
				if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if out != string(want) {
				t.Errorf("document differs from %s (run with -update to accept):\n%s", golden, lineDiff(string(want), out))
			}
			if !c.notDocument {
				docs[goldenFile(c.name)] = []byte(out)
			}
		})
	}
	speccheck.ValidateAll(t, docs)
}

// lineDiff shows the first lines where two texts differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl == gl {
			continue
		}
		b.WriteString("line " + strconv.Itoa(i+1) + ":\n  want: " + wl + "\n  got:  " + gl + "\n")
		if shown++; shown == 10 {
			b.WriteString("...\n")
			break
		}
	}
	return b.String()
}
