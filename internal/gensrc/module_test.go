package gensrc

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/asyncapi-extract/asyncapi-extract/internal/testmod"
)

var moduleLine = regexp.MustCompile(`(?m)^module .*$`)

// writeModule writes the files of a generated module into a new
// temporary directory, with the go.mod of the testdata module (its module
// line changed) and its go.sum, so that the real client libraries
// resolve from the module cache.
func writeModule(t testing.TB, files map[string]string) string {
	t.Helper()
	if err := testmod.Download(); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	mod, err := os.ReadFile(filepath.Join(testmod.Dir(), "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	sum, err := os.ReadFile(filepath.Join(testmod.Dir(), "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{
		"go.mod": moduleLine.ReplaceAll(mod, []byte("module "+ModulePath)),
		"go.sum": sum,
	}
	for name, src := range files {
		out[name] = []byte(src)
	}
	for name, data := range out {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// goEnv is the environment of the go command for a generated module:
// offline, with go.mod updated as needed, outside any workspace.
func goEnv() []string {
	return append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
}
