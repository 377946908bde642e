package runcache

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/asyncapi-extract/asyncapi-extract/internal/testmod"
)

func key(t *testing.T, dir string, args ...string) string {
	t.Helper()
	return keyTests(t, dir, false, args...)
}

func keyTests(t *testing.T, dir string, tests bool, args ...string) string {
	t.Helper()
	k, err := Key(Inputs{Dir: dir, Env: append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod"), Args: args, Tests: tests})
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// The key changes with what the output depends on, and only with it.
func TestKey(t *testing.T) {
	dir := t.TempDir()
	lib := t.TempDir()
	testmod.WriteFiles(t, dir, map[string]string{
		"go.mod":             "module example.com/m\n\ngo 1.22\n\nreplace example.com/lib => " + lib + "\n",
		"a/a.go":             "package a\n",
		"a/a_test.go":        "package a\n",
		"testdata/x.go":      "package x\n",
		"_skip/y.go":         "package y\n",
		"nested/go.mod":      "module example.com/nested\n",
		"nested/n.go":        "package n\n",
		"README.md":          "readme\n",
		"vendor/modules.txt": "# example.com/lib v1.0.0\n",
	})
	testmod.WriteFiles(t, lib, map[string]string{"go.mod": "module example.com/lib\n", "l.go": "package lib\n"})
	base := key(t, dir, "./...")
	if again := key(t, dir, "./..."); again != base {
		t.Fatal("the key of the same inputs changed")
	}
	if key(t, filepath.Join(dir, "a"), "./...") == base {
		t.Error("the directory is not part of the key")
	}
	if key(t, dir, "--positions", "./...") == base {
		t.Error("the flags are not part of the key")
	}
	same := map[string]string{
		"testdata/x.go": "package x // changed\n",
		"_skip/y.go":    "package y // changed\n",
		"nested/n.go":   "package n // changed\n",
		"README.md":     "changed\n",
		"a/a_test.go":   "package a // changed\n",
	}
	for name, body := range same {
		testmod.WriteFiles(t, dir, map[string]string{name: body})
		if key(t, dir, "./...") != base {
			t.Errorf("a change to %s, which the build does not see, changed the key", name)
		}
	}
	for _, change := range []struct {
		dir, name, body string
	}{
		{dir, "a/a.go", "package a // changed\n"},
		{dir, "b/b.go", "package b\n"},
		{dir, "go.sum", "example.com/x v1.0.0 h1:x\n"},
		{dir, "vendor/modules.txt", "# example.com/lib v1.0.1\n"},
		{lib, "l.go", "package lib // changed\n"},
	} {
		before := key(t, dir, "./...")
		testmod.WriteFiles(t, change.dir, map[string]string{change.name: change.body})
		if key(t, dir, "./...") == before {
			t.Errorf("a change to %s did not change the key", change.name)
		}
	}

	// With the tests analysed, a test is an input like the others.
	before := keyTests(t, dir, true, "./...")
	if before == key(t, dir, "./...") {
		t.Error("reading the tests is not part of the key")
	}
	testmod.WriteFiles(t, dir, map[string]string{"a/a_test.go": "package a // changed again\n"})
	if keyTests(t, dir, true, "./...") == before {
		t.Error("with the tests analysed, a change to a test did not change the key")
	}
}

func TestNotInModule(t *testing.T) {
	dir := t.TempDir()
	_, err := Key(Inputs{Dir: dir, Env: append(os.Environ(), "GO111MODULE=on", "GOWORK=off", "GOFLAGS=")})
	if !errors.Is(err, ErrNotCacheable) {
		// A go.mod above the temporary directory would make it part
		// of a module.
		if _, statErr := os.Stat(filepath.Join(filepath.Dir(dir), "go.mod")); statErr == nil {
			t.Skip("the temporary directory is inside a module")
		}
		t.Errorf("err %v, want ErrNotCacheable", err)
	}
}

// A workspace's modules are all part of the key.
func TestWorkspace(t *testing.T) {
	dir := t.TempDir()
	testmod.WriteFiles(t, dir, map[string]string{
		"go.work":  "go 1.22\n\nuse (\n\t./a\n\t./b\n)\n",
		"a/go.mod": "module example.com/a\n\ngo 1.22\n",
		"a/a.go":   "package a\n",
		"b/go.mod": "module example.com/b\n\ngo 1.22\n",
		"b/b.go":   "package b\n",
	})
	k := func() string {
		t.Helper()
		k, err := Key(Inputs{Dir: dir, Env: append(os.Environ(), "GOWORK=", "GOFLAGS=")})
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	before := k()
	testmod.WriteFiles(t, dir, map[string]string{"b/b.go": "package b // changed\n"})
	if k() == before {
		t.Error("a change in the second module of the workspace did not change the key")
	}
}

func TestPutGet(t *testing.T) {
	c, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	const k = "0123456789abcdef"
	if _, ok := c.Get(k); ok {
		t.Fatal("hit in an empty cache")
	}
	want := &Entry{Output: []byte("asyncapi: 3.0.0\n"), Stderr: []byte("a.go:1:2: note\n")}
	if err := c.Put(k, want); err != nil {
		t.Fatal(err)
	}
	got, ok := c.Get(k)
	if !ok || string(got.Output) != string(want.Output) || string(got.Stderr) != string(want.Stderr) {
		t.Fatalf("got %+v, %v", got, ok)
	}
	// A damaged entry is a miss.
	if err := os.WriteFile(c.path(k), []byte("{"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, ok := c.Get(k); ok {
		t.Error("a damaged entry was a hit")
	}
	// Entries unused for long are removed.
	if err := c.Put(k, want); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-2 * maxAge)
	if err := os.Chtimes(c.path(k), old, old); err != nil {
		t.Fatal(err)
	}
	c.trim(time.Now())
	if _, ok := c.Get(k); ok {
		t.Error("an entry unused for twice maxAge was kept")
	}
}
