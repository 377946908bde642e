package speccheck

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"syscall"
	"time"
)

// Diagnostic is one finding of the official @asyncapi/parser.
type Diagnostic struct {
	Code     string `json:"code"`
	Message  string `json:"message"`
	Severity int    `json:"severity"` // SeverityError, ...
	Path     string `json:"path"`     // JSON pointer
	Range    *Range `json:"range"`
}

// Severities of the parser (Spectral's DiagnosticSeverity).
const (
	SeverityError = iota
	SeverityWarning
	SeverityInformation
	SeverityHint
)

// Range is a 0-based line/character span in the document.
type Range struct {
	Start Position `json:"start"`
	End   Position `json:"end"`
}

// Position is 0-based, as the parser reports it.
type Position struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

func (d Diagnostic) String() string {
	loc := ""
	if d.Range != nil {
		loc = fmt.Sprintf(" (line %d)", d.Range.Start.Line+1)
	}
	return fmt.Sprintf("%s%s: [%s] %s", d.Path, loc, d.Code, d.Message)
}

// Errors keeps the diagnostics of severity error, the ones that make a
// document invalid (warnings such as "3.1.0 exists" are not).
func Errors(ds []Diagnostic) []Diagnostic {
	var out []Diagnostic
	for _, d := range ds {
		if d.Severity == SeverityError {
			out = append(out, d)
		}
	}
	return out
}

// nodeDirEnv overrides where the node project lives, for binaries built with
// -trimpath (runtime.Caller then yields no usable source path).
const nodeDirEnv = "ASYNCAPI_SPECCHECK_NODE_DIR"

// nodeDir locates emit/speccheck/node from this source file, so it works
// whichever package's test binary runs it.
func nodeDir() (string, error) {
	if d := os.Getenv(nodeDirEnv); d != "" {
		return d, nil
	}
	_, file, _, ok := runtime.Caller(0)
	if !ok || !filepath.IsAbs(file) {
		return "", fmt.Errorf("speccheck: cannot locate the node/ directory from the source path %q; set %s", file, nodeDirEnv)
	}
	return filepath.Join(filepath.Dir(file), "node"), nil
}

var ensureOnce struct {
	sync.Mutex
	dir string
}

// EnsureParser makes sure the pinned parser is installed (npm ci, once) and
// returns the node project directory. Concurrent test binaries (go test runs
// packages in parallel) serialize on a lock file in that directory.
func EnsureParser() (dir string, err error) {
	ensureOnce.Lock()
	defer ensureOnce.Unlock()
	if ensureOnce.dir != "" {
		return ensureOnce.dir, nil
	}
	dir, err = nodeDir()
	if err != nil {
		return "", err
	}
	for _, tool := range []string{"node", "npm"} {
		if _, err := exec.LookPath(tool); err != nil {
			return "", fmt.Errorf("speccheck: %s not found in PATH: Node.js (>= 18) with npm is required to run the official AsyncAPI parser: %w", tool, err)
		}
	}
	if installed(dir) {
		ensureOnce.dir = dir
		return dir, nil
	}

	lock, err := os.OpenFile(filepath.Join(dir, ".install.lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return "", fmt.Errorf("speccheck: %w", err)
	}
	defer lock.Close()
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX); err != nil {
		return "", fmt.Errorf("speccheck: locking %s: %w", lock.Name(), err)
	}
	defer syscall.Flock(int(lock.Fd()), syscall.LOCK_UN)

	if !installed(dir) { // another process may have installed it meanwhile
		// --ignore-scripts: no dependency needs a build step, and it keeps
		// a telemetry postinstall (@scarf/scarf) from phoning home.
		cmd := exec.Command("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts")
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if err != nil {
			return "", fmt.Errorf("speccheck: npm ci in %s: %w\n%s", dir, err, out)
		}
	}
	ensureOnce.dir = dir
	return dir, nil
}

// installed reports whether node_modules holds the parser and is not older
// than package-lock.json (npm writes node_modules/.package-lock.json last,
// so an interrupted or outdated install is redone).
func installed(dir string) bool {
	for _, f := range []string{"@asyncapi/parser/package.json", "@asyncapi/specs/package.json"} {
		if _, err := os.Stat(filepath.Join(dir, "node_modules", f)); err != nil {
			return false
		}
	}
	lock, err1 := os.Stat(filepath.Join(dir, "package-lock.json"))
	hidden, err2 := os.Stat(filepath.Join(dir, "node_modules", ".package-lock.json"))
	return err1 == nil && err2 == nil && !hidden.ModTime().Before(lock.ModTime().Add(-time.Second))
}

// Official validates docs (name -> YAML or JSON text) with the official
// parser in one Node process and returns every diagnostic (all severities;
// see Errors) per name. Every name gets an entry, empty when clean.
func Official(docs map[string][]byte) (map[string][]Diagnostic, error) {
	if len(docs) == 0 {
		return map[string][]Diagnostic{}, nil
	}
	dir, err := EnsureParser()
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "speccheck-")
	if err != nil {
		return nil, fmt.Errorf("speccheck: %w", err)
	}
	defer os.RemoveAll(tmp)

	// Names may be anything (test names, paths): files get neutral names.
	names := slices.Sorted(maps.Keys(docs))
	files := make([]string, len(names))
	fileToName := map[string]string{}
	for i, name := range names {
		files[i] = filepath.Join(tmp, fmt.Sprintf("doc%04d.yaml", i))
		fileToName[files[i]] = name
		if err := os.WriteFile(files[i], docs[name], 0o644); err != nil {
			return nil, fmt.Errorf("speccheck: %w", err)
		}
	}
	list, err := json.Marshal(files)
	if err != nil {
		return nil, err
	}

	cmd := exec.Command("node", filepath.Join(dir, "validate.mjs"))
	cmd.Dir = dir
	cmd.Stdin = bytes.NewReader(list)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("speccheck: node validate.mjs: %w\n%s", err, stderr.Bytes())
	}
	var byFile map[string][]Diagnostic
	if err := json.Unmarshal(stdout.Bytes(), &byFile); err != nil {
		return nil, fmt.Errorf("speccheck: reading validate.mjs output: %w\n%s", err, stdout.Bytes())
	}
	out := make(map[string][]Diagnostic, len(docs))
	for _, f := range files {
		ds, ok := byFile[f]
		if !ok {
			return nil, errors.New("speccheck: validate.mjs gave no result for " + fileToName[f])
		}
		out[fileToName[f]] = ds
	}
	return out, nil
}
