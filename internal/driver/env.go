package driver

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/asyncapi-extract/asyncapi-extract/internal/gocmd"
)

// goEnvironment is what Run needs to know of the go command's settings.
type goEnvironment struct {
	GOMOD       string // the main module's go.mod, os.DevNull outside a module in module mode, "" in GOPATH mode
	GOWORK      string // the go.work file in use, "" or "off" when none
	CGO_ENABLED string //nolint:revive // as go env spells it
}

// errNoGo is the error when the go command cannot be run.
var errNoGo = errors.New("the go command is needed to load the packages, and it is not on PATH: install Go (https://go.dev/dl/) or add its bin directory to PATH")

// goEnv runs go env in dir.
func goEnv(dir string, env []string) (*goEnvironment, error) {
	if _, err := exec.LookPath("go"); err != nil {
		return nil, errNoGo
	}
	vars, err := gocmd.Env(dir, env, "GOMOD", "GOWORK", "CGO_ENABLED")
	if err != nil {
		return nil, err
	}
	ge := &goEnvironment{GOMOD: vars["GOMOD"], GOWORK: vars["GOWORK"], CGO_ENABLED: vars["CGO_ENABLED"]}
	if ge.GOWORK == "off" {
		ge.GOWORK = ""
	}
	return ge, nil
}

// cleanLoadError makes an error of packages.Load readable: it wraps the
// go command's stderr as "err: exit status 1: stderr: go: ...".
func cleanLoadError(err error) error {
	msg := err.Error()
	if _, after, ok := strings.Cut(msg, "stderr: "); ok && strings.TrimSpace(after) != "" {
		msg = after
	}
	return errors.New(strings.TrimSpace(msg))
}

// isLocalPattern reports whether a go list pattern names directories.
func isLocalPattern(p string) bool {
	return p == "." || p == ".." || strings.HasPrefix(p, "./") || strings.HasPrefix(p, "../") || filepath.IsAbs(p)
}

// patternDir returns the directory a local pattern starts from
// (./a/... -> ./a) and whether the pattern has a wildcard.
func patternDir(p string) (string, bool) {
	i := strings.Index(p, "...")
	if i < 0 {
		return p, false
	}
	d := p[:i]
	if !strings.HasSuffix(d, "/") && d != "" {
		d = filepath.Dir(d) // ./a/b... -> ./a
	}
	if d = strings.TrimSuffix(d, "/"); d == "" {
		d = "."
	}
	return d, true
}

// checkPatterns fails on a local pattern whose directory does not exist:
// go list's own message ("lstat ./nope/: no such file or directory")
// does not say which directory it was relative to.
func checkPatterns(dir string, patterns []string) error {
	for _, p := range patterns {
		if !isLocalPattern(p) || strings.HasSuffix(p, ".go") {
			continue
		}
		d, _ := patternDir(p)
		abs := d
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(dir, d)
		}
		if st, err := os.Stat(abs); err != nil {
			return fmt.Errorf("pattern %s: directory %s does not exist (in %s)", p, d, dir)
		} else if !st.IsDir() {
			return fmt.Errorf("pattern %s: %s is not a directory", p, d)
		}
	}
	return nil
}

// workspacePatterns expands the patterns of a directory that is in a
// go.work workspace but in none of its modules (typically the directory
// of go.work): go list refuses ./... there ("directory prefix . does not
// contain modules listed in go.work"). A pattern dir/... that no module
// contains becomes dir/m/... for each workspace module m below dir.
func workspacePatterns(dir string, env []string, patterns []string) ([]string, error) {
	out, err := gocmd.Run(dir, env, "list", "-m", "-f", "{{.Dir}}")
	if err != nil {
		return nil, err
	}
	var modules []string
	for l := range strings.SplitSeq(strings.TrimSpace(string(out)), "\n") {
		if l != "" {
			modules = append(modules, filepath.Clean(l))
		}
	}
	slices.Sort(modules)
	within := func(path, root string) bool {
		return path == root || strings.HasPrefix(path, root+string(filepath.Separator))
	}
	var expanded []string
	for _, p := range patterns {
		d, wild := patternDir(p)
		if !isLocalPattern(p) || !wild || !strings.HasSuffix(p, "/...") && p != "..." {
			expanded = append(expanded, p)
			continue
		}
		abs := d
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(dir, d)
		}
		var subs []string
		inModule := false
		for _, m := range modules {
			if within(abs, m) {
				inModule = true
				break
			}
			if within(m, abs) {
				rel, err := filepath.Rel(dir, m)
				if err != nil {
					rel = m
				}
				if !filepath.IsAbs(rel) && !strings.HasPrefix(rel, "..") {
					rel = "./" + filepath.ToSlash(rel)
				}
				subs = append(subs, rel+"/...")
			}
		}
		if inModule || len(subs) == 0 {
			expanded = append(expanded, p)
			continue
		}
		expanded = append(expanded, subs...)
	}
	return expanded, nil
}

// cgoNotes explains what disabled cgo leaves out. With CGO_ENABLED=0 (set
// so, or go's default when it finds no C compiler), a file that imports
// "C" (or has a cgo build constraint) is not part of its package: nothing
// says so, its operations are simply missing, and a package that uses a
// library needing cgo (confluent-kafka-go) does not type-check. The notes
// are:
//
//   - for each file of the main modules' packages (those asked for and
//     those they import) that only cgo would include: that it is left out;
//   - for each import, by a package with errors, of a package that lacks
//     files without cgo: that the package needs cgo.
//
// onCfg loads the same packages with CGO_ENABLED=1 (listing only: no C
// compiler is needed); off are the packages loaded without cgo; failed
// are the packages with errors.
func cgoNotes(fset *token.FileSet, onCfg *packages.Config, patterns []string, off []*packages.Package, failed []*packages.Package) ([]Diagnostic, error) {
	on, err := packages.Load(onCfg, patterns...)
	if err != nil {
		return nil, cleanLoadError(err)
	}
	offFiles := make(map[string]map[string]bool)
	packages.Visit(off, nil, func(p *packages.Package) {
		if offFiles[p.ID] == nil {
			offFiles[p.ID] = make(map[string]bool)
		}
		for _, f := range p.GoFiles {
			offFiles[p.ID][f] = true
		}
	})
	// The files of each package that only cgo includes.
	needCgo := make(map[string][]string)
	var notes []Diagnostic
	packages.Visit(on, nil, func(p *packages.Package) {
		have, ok := offFiles[p.ID]
		main := p.Module != nil && p.Module.Main
		if !ok && !main {
			return
		}
		var files []string
		for _, f := range p.GoFiles {
			if !have[f] {
				files = append(files, f)
			}
		}
		needCgo[p.PkgPath] = files
		if !main {
			return
		}
		for _, f := range files {
			notes = append(notes, Diagnostic{
				Pos:     importCPos(fset, f),
				Message: "left out: this file needs cgo, which is disabled (CGO_ENABLED=0); set CGO_ENABLED=1, with a C compiler on PATH, to analyse it",
			})
		}
	})
	for _, p := range failed {
		for path := range p.Imports {
			n := len(needCgo[path])
			if n == 0 {
				continue
			}
			pos := token.Position{}
			if spec := importSpec(p, path); spec != nil {
				pos = p.Fset.Position(spec.Path.Pos())
			}
			notes = append(notes, Diagnostic{
				Pos: pos,
				Message: fmt.Sprintf("%s needs cgo, which is disabled (CGO_ENABLED=0): %d of its files are left out, and what %s uses of them is undefined; set CGO_ENABLED=1, with a C compiler on PATH",
					path, n, p.Name),
			})
		}
	}
	slices.SortFunc(notes, compareDiagnostics)
	return slices.Compact(notes), nil
}

// importCPos returns the position of the import "C" of a Go file, or its
// first line.
func importCPos(fset *token.FileSet, file string) token.Position {
	pos := token.Position{Filename: file, Line: 1, Column: 1}
	f, err := parser.ParseFile(fset, file, nil, parser.ImportsOnly)
	if err != nil {
		return pos
	}
	for _, spec := range f.Imports {
		if spec.Path.Value == `"C"` {
			return fset.Position(spec.Path.Pos())
		}
	}
	return pos
}

// importSpec returns p's import of path in its syntax, if loaded.
func importSpec(p *packages.Package, path string) *ast.ImportSpec {
	for _, f := range p.Syntax {
		for _, spec := range f.Imports {
			if v, err := strconv.Unquote(spec.Path.Value); err == nil && v == path {
				return spec
			}
		}
	}
	return nil
}
