// Package runcache keeps the output of runs of the command, keyed by
// everything the output depends on, so that a run with nothing changed
// (the pre-commit case) returns at once instead of loading and
// analysing the packages again.
//
// The key covers the command's own binary, the go command's
// environment (version, GOOS, GOARCH, cgo, GOFLAGS), the flags and
// patterns, and the content of every file of the main module (or of
// every module of the go.work workspace, and of the directories local
// replace directives point to) that the build can see: its .go files,
// go.mod, go.sum, go.work and vendor/modules.txt. Dependencies outside
// those modules are pinned by go.sum: the module cache never changes
// what a version holds. A run outside any module is not cached.
//
// The cache holds whole runs: any change to a file of the module runs
// the analysis again (the analysis of the packages is what costs; see
// bench/).
package runcache

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/mod/modfile"

	"github.com/asyncapi-extract/asyncapi-extract/internal/gocmd"
)

// formatVersion changes when what an Entry holds changes.
const formatVersion = "asyncapi-extract run cache 1"

// ErrNotCacheable says a run cannot be cached: no module holds it.
var ErrNotCacheable = errors.New("not in a module")

// Inputs are what a run's output depends on besides the files.
type Inputs struct {
	// Dir is the directory the run is in.
	Dir string
	// Env is the environment of the go command (nil: this process's).
	Env []string
	// Args are the flags and patterns that change the output, in a
	// stable order.
	Args []string
	// Extra are other inputs' contents (a base document).
	Extra [][]byte
	// Tests says the run reads _test.go files; when it does not, a
	// change to a test keeps the key (the common edit in a pre-commit
	// run).
	Tests bool
}

// Key returns the key of a run with these inputs, or ErrNotCacheable.
func Key(in Inputs) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%s\n", formatVersion)
	self, err := executableHash()
	if err != nil {
		return "", err
	}
	fmt.Fprintf(h, "binary %s\n", self)

	env, err := gocmd.Env(in.Dir, in.Env, goEnvVars...)
	if err != nil {
		return "", err
	}
	keys := make([]string, 0, len(env))
	for k := range env {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(h, "env %s=%q\n", k, env[k])
	}
	fmt.Fprintf(h, "dir %q\ntests %t\n", in.Dir, in.Tests)
	for _, a := range in.Args {
		fmt.Fprintf(h, "arg %q\n", a)
	}
	for _, x := range in.Extra {
		fmt.Fprintf(h, "extra %d %x\n", len(x), sha256.Sum256(x))
	}

	roots, err := moduleRoots(env)
	if err != nil {
		return "", err
	}
	for _, root := range roots {
		if err := hashTree(h, root, roots, in.Tests); err != nil {
			return "", err
		}
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// executableHash identifies the running binary by its content: a
// rebuilt command never reuses the results of another build. It is
// computed once per process: the binary is tens of megabytes (some 20 ms
// of hashing), a run that stores its result computes its key twice, and
// the code running does not change with the file.
var executableHash = sync.OnceValues(func() (string, error) {
	path, err := os.Executable()
	if err != nil {
		return "", err
	}
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
})

// goEnvVars are the go command's settings that change what is loaded.
var goEnvVars = []string{"GOVERSION", "GOOS", "GOARCH", "CGO_ENABLED", "GOFLAGS", "GOEXPERIMENT",
	"GOMOD", "GOWORK", "GOAMD64", "GOARM", "GOARM64", "GO386", "GOPPC64", "GORISCV64", "GOWASM"}

// moduleRoots returns the directories of the modules whose files the
// build reads from source: the main module or the workspace's modules,
// and the local directories their replace directives name.
func moduleRoots(env map[string]string) ([]string, error) {
	var mods []string
	if w := env["GOWORK"]; w != "" && w != "off" {
		data, err := os.ReadFile(w)
		if err != nil {
			return nil, err
		}
		wf, err := modfile.ParseWork(w, data, nil)
		if err != nil {
			return nil, err
		}
		for _, u := range wf.Use {
			mods = append(mods, filepath.Join(filepath.Dir(w), u.Path))
		}
		for _, r := range wf.Replace {
			if modfile.IsDirectoryPath(r.New.Path) {
				mods = append(mods, filepath.Join(filepath.Dir(w), r.New.Path))
			}
		}
	} else if m := env["GOMOD"]; m != "" && m != os.DevNull {
		mods = append(mods, filepath.Dir(m))
	} else {
		return nil, ErrNotCacheable
	}
	seen := make(map[string]bool)
	var roots []string
	var add func(dir string) error
	add = func(dir string) error {
		dir = filepath.Clean(dir)
		if seen[dir] {
			return nil
		}
		seen[dir] = true
		roots = append(roots, dir)
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err != nil {
			if os.IsNotExist(err) {
				return nil // a replacement without go.mod
			}
			return err
		}
		mf, err := modfile.Parse(filepath.Join(dir, "go.mod"), data, nil)
		if err != nil {
			return err
		}
		for _, r := range mf.Replace {
			if modfile.IsDirectoryPath(r.New.Path) {
				p := r.New.Path
				if !filepath.IsAbs(p) {
					p = filepath.Join(dir, p)
				}
				if err := add(p); err != nil {
					return err
				}
			}
		}
		return nil
	}
	for _, m := range mods {
		if err := add(m); err != nil {
			return nil, err
		}
	}
	sort.Strings(roots)
	return roots, nil
}

// hashTree adds to h the files of the module at root that the build
// can see, skipping what the go command ignores (testdata, directories
// starting with "." or "_"; _test.go files unless tests) and nested
// modules, which are other roots or not part of the build.
func hashTree(h io.Writer, root string, roots []string, tests bool) error {
	isRoot := make(map[string]bool)
	for _, r := range roots {
		isRoot[r] = true
	}
	fmt.Fprintf(h, "root %q\n", root)
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if os.IsNotExist(err) && path == root {
				return nil
			}
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path == root {
				return nil
			}
			if name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || isRoot[path] {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
				return filepath.SkipDir // another module
			}
			return nil
		}
		if !relevant(path, root, tests) {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		fmt.Fprintf(h, "file %q %d %x\n", filepath.ToSlash(rel), len(data), sha256.Sum256(data))
		return nil
	})
}

func relevant(path, root string, tests bool) bool {
	name := filepath.Base(path)
	switch {
	case strings.HasSuffix(name, "_test.go"):
		return tests
	case strings.HasSuffix(name, ".go"):
		return true
	case name == "go.mod" || name == "go.sum" || name == "go.work" || name == "go.work.sum":
		return true
	case name == "modules.txt" && filepath.Dir(path) == filepath.Join(root, "vendor"):
		return true
	}
	return false
}

// Entry is the output of a run.
type Entry struct {
	// Output is the document.
	Output []byte
	// Stderr is what the run printed as diagnostics.
	Stderr []byte
}

// Cache is a directory of entries.
type Cache struct {
	dir string
}

// ErrOff says the cache is turned off: ASYNCAPI_EXTRACT_CACHE=off.
var ErrOff = errors.New("the cache is off")

// DefaultDir is where entries go: $ASYNCAPI_EXTRACT_CACHE, or
// asyncapi-extract in the user's cache directory; ErrOff when
// ASYNCAPI_EXTRACT_CACHE is "off".
func DefaultDir() (string, error) {
	switch d := os.Getenv("ASYNCAPI_EXTRACT_CACHE"); d {
	case "off":
		return "", ErrOff
	case "":
	default:
		return d, nil
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(d, "asyncapi-extract"), nil
}

// Open returns the cache in dir, creating it.
func Open(dir string) (*Cache, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	return &Cache{dir: dir}, nil
}

func (c *Cache) path(key string) string { return filepath.Join(c.dir, key[:2], key+".json") }

// Get returns the entry of key.
func (c *Cache) Get(key string) (*Entry, bool) {
	data, err := os.ReadFile(c.path(key))
	if err != nil {
		return nil, false
	}
	var e Entry
	if err := json.Unmarshal(data, &e); err != nil {
		return nil, false // a damaged entry is a miss
	}
	now := time.Now()
	_ = os.Chtimes(c.path(key), now, now) // recently used: kept by trim
	return &e, true
}

// maxAge is how long an unused entry is kept.
const maxAge = 30 * 24 * time.Hour

// Put stores the entry of key (atomically: a reader sees the old entry,
// none, or the new one), and removes entries unused for maxAge.
func (c *Cache) Put(key string, e *Entry) error {
	data, err := json.Marshal(e)
	if err != nil {
		return err
	}
	path := c.path(key)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	c.trim(time.Now())
	return nil
}

// trim removes the entries unused for maxAge.
func (c *Cache) trim(now time.Time) {
	_ = filepath.WalkDir(c.dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".json") {
			return nil
		}
		if info, err := d.Info(); err == nil && now.Sub(info.ModTime()) > maxAge {
			_ = os.Remove(path)
		}
		return nil
	})
}
