// Package testmod locates the testdata module that requires the real
// client libraries, makes sure its dependencies are in the module cache
// (analysistest loads it with GOPROXY=off), and writes the throwaway
// modules the tests of several packages load.
package testmod

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sync"
	"testing"
)

// Dir returns the absolute path of the repository's testdata module.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata")
}

var (
	once sync.Once
	err  error
)

// Download runs `go mod download` in the testdata module (and in every
// module below it that the tests use) once per process.
func Download() error {
	once.Do(func() {
		for _, dir := range []string{Dir(), filepath.Join(Dir(), "example")} {
			if _, statErr := os.Stat(filepath.Join(dir, "go.mod")); statErr != nil {
				continue
			}
			cmd := exec.Command("go", "mod", "download")
			cmd.Dir = dir
			if out, e := cmd.CombinedOutput(); e != nil {
				err = fmt.Errorf("go mod download in %s: %v\n%s", dir, e, out)
				return
			}
		}
	})
	return err
}

// WriteFiles writes files, by slash-separated path relative to dir,
// below dir.
func WriteFiles(tb testing.TB, dir string, files map[string]string) {
	tb.Helper()
	for name, body := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}

var moduleLine = regexp.MustCompile(`(?m)^module .*$`)

// WriteModule writes into dir the module path with files. Its go.mod
// and go.sum are the testdata module's, with the module line changed: it
// requires the same client libraries, which resolve from the module cache
// (Download runs first).
func WriteModule(tb testing.TB, dir, path string, files map[string]string) {
	tb.Helper()
	if err := Download(); err != nil {
		tb.Fatal(err)
	}
	mod, err := os.ReadFile(filepath.Join(Dir(), "go.mod"))
	if err != nil {
		tb.Fatal(err)
	}
	sum, err := os.ReadFile(filepath.Join(Dir(), "go.sum"))
	if err != nil {
		tb.Fatal(err)
	}
	WriteFiles(tb, dir, map[string]string{
		"go.mod": moduleLine.ReplaceAllString(string(mod), "module "+path),
		"go.sum": string(sum),
	})
	WriteFiles(tb, dir, files)
}
