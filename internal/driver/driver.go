// Package driver loads Go packages and runs the analyzer over them with
// golang.org/x/tools/go/analysis/checker, the way the command and the
// end-to-end tests do.
package driver

import (
	"fmt"
	"go/token"
	"os"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/asyncapi-extract/asyncapi-extract/analyzer"
	"github.com/asyncapi-extract/asyncapi-extract/schema"
)

// Config says what to load.
type Config struct {
	// Dir is the directory the patterns are relative to ("" is the
	// current directory).
	Dir string
	// Patterns are go list patterns; empty means "./...".
	Patterns []string
	// Tags are build tags.
	Tags []string
	// Tests includes the packages' test files.
	Tests bool
	// Env, when set, replaces the environment of the go command.
	Env []string
}

// Result is the outcome of a run.
type Result struct {
	Fset *token.FileSet
	// Operations of every analysed package, in package path order.
	Operations []*analyzer.Operation
	// Diagnostics reported by the analyzer, sorted by position.
	Diagnostics []Diagnostic
	// Errors are the packages' load and type errors, and the internal
	// errors of the analysis, sorted by position, as file:line:col:
	// message (absolute file names; a message alone when there is no
	// position): the document lacks what those packages (or call sites)
	// would have given.
	Errors []string
	// NoPackages says that no package could be analysed at all: the
	// patterns matched only packages without Go files (excluded by build
	// constraints, say), and Errors says why.
	NoPackages bool
	// Notes explain what the build configuration left out (files that
	// need cgo when it is disabled); they are not errors.
	Notes []Diagnostic
	// ModulePath is the main module's path, when the packages asked for
	// are in one main module.
	ModulePath string
	// Modules are the main modules of the packages asked for, sorted
	// (several in a go.work workspace).
	Modules []string
	// Docs are the doc comments of the loaded packages' declarations.
	Docs schema.MapDocs
	// Directives are the info and server directives of the packages.
	Directives []analyzer.PackageDirective
	// Declarations are the broker entities the packages declare.
	Declarations []analyzer.Declaration
}

// Diagnostic is an analyzer diagnostic at a resolved position.
type Diagnostic struct {
	Pos     token.Position
	Message string
}

func (d Diagnostic) String() string {
	return fmt.Sprintf("%s: %s", d.Pos, d.Message)
}

// compareDiagnostics orders diagnostics as the errors are: by position,
// lines and columns compared as numbers, then by message.
func compareDiagnostics(a, b Diagnostic) int {
	return compareErrors(loadError{a.Pos, a.Message}, loadError{b.Pos, b.Message})
}

// Run loads the packages and analyses them.
//
// Besides the packages asked for, every package of their main modules is
// loaded with syntax and analysed: its wrappers and constructors of
// clients are summarised as facts that the packages asked for use. The
// operations reported are those of the packages asked for and of the
// module packages they import.
//
// In a directory of a go.work workspace that is in none of its modules
// (the directory of go.work, say), a pattern such as ./... covers every
// workspace module below the directory.
//
// The error is that of a run that cannot start: no go command, no module,
// a pattern naming a directory that does not exist, no package matched.
// The errors of the packages are in the result.
func Run(cfg Config) (*Result, error) {
	patterns := cfg.Patterns
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	env := cfg.Env
	if env == nil {
		env = os.Environ()
	}
	dir := cfg.Dir
	if dir == "" {
		var err error
		if dir, err = os.Getwd(); err != nil {
			return nil, err
		}
	}
	genv, err := goEnv(dir, env)
	if err != nil {
		return nil, err
	}
	if genv.GOMOD == os.DevNull && genv.GOWORK == "" {
		return nil, fmt.Errorf("no go.mod in %s or any directory above it: run asyncapi-extract in a Go module or workspace (or name one with -C), or create one with go mod init", dir)
	}
	if err := checkPatterns(dir, patterns); err != nil {
		return nil, err
	}
	if genv.GOMOD == os.DevNull && genv.GOWORK != "" {
		if patterns, err = workspacePatterns(dir, env, patterns); err != nil {
			return nil, err
		}
	}
	var flags []string
	if len(cfg.Tags) > 0 {
		flags = append(flags, "-tags="+strings.Join(cfg.Tags, ","))
	}
	fset := token.NewFileSet()
	pcfg := &packages.Config{
		Mode:       packages.NeedName | packages.NeedModule | packages.NeedFiles,
		Dir:        dir,
		Env:        env,
		BuildFlags: flags,
		Tests:      cfg.Tests,
		Fset:       fset,
	}
	// Without cgo, what does it leave out? The packages listed again
	// with cgo say.
	cgoOff := genv.CGO_ENABLED != "1"
	cgoNotesOf := func(off []*packages.Package, failed []*packages.Package) ([]Diagnostic, error) {
		if !cgoOff {
			return nil, nil
		}
		onCfg := *pcfg
		onCfg.Mode = packages.NeedName | packages.NeedModule | packages.NeedFiles | packages.NeedImports | packages.NeedDeps
		onCfg.Env = append(slices.Clip(env), "CGO_ENABLED=1")
		onCfg.Fset = nil
		return cgoNotes(fset, &onCfg, patterns, off, failed)
	}

	// Which packages were asked for, and in which modules?
	listed, err := packages.Load(pcfg, patterns...)
	if err != nil {
		return nil, cleanLoadError(err)
	}
	if len(listed) == 0 {
		return nil, fmt.Errorf("no packages match %s", strings.Join(patterns, " "))
	}
	res := &Result{Fset: fset}
	// Nothing to analyse: no document, even a partial one.
	if !slices.ContainsFunc(listed, func(p *packages.Package) bool { return len(p.GoFiles)+len(p.CompiledGoFiles) > 0 }) {
		var errs []loadError
		for _, p := range listed {
			errs = append(errs, packageErrors(dir, p)...)
		}
		res.Errors = sortedErrors(errs)
		if res.Notes, err = cgoNotesOf(listed, nil); err != nil {
			return nil, err
		}
		res.NoPackages = true
		return res, nil
	}
	asked := make(map[string]bool)
	loadPatterns := append([]string(nil), patterns...)
	modules := make(map[string]bool)
	for _, p := range listed {
		asked[p.ID] = true
		if p.Module != nil && p.Module.Main {
			if !modules[p.Module.Path] {
				modules[p.Module.Path] = true
				res.Modules = append(res.Modules, p.Module.Path)
				loadPatterns = append(loadPatterns, p.Module.Path+"/...")
			}
		}
	}
	slices.Sort(res.Modules)
	if len(res.Modules) == 1 {
		res.ModulePath = res.Modules[0]
	}

	pcfg.Mode = loadMode
	pkgs, err := packages.Load(pcfg, loadPatterns...)
	if err != nil {
		return nil, cleanLoadError(err)
	}

	// The packages whose operations are reported: those asked for and
	// the loaded packages they import.
	loaded := make(map[string]*packages.Package)
	res.Docs = make(schema.MapDocs)
	for _, p := range pkgs {
		loaded[p.ID] = p
		res.Docs.Merge(schema.DocsFromSyntax(p.PkgPath, p.Syntax))
	}
	report := make(map[string]bool)
	var mark func(p *packages.Package)
	mark = func(p *packages.Package) {
		if report[p.ID] || loaded[p.ID] == nil {
			return
		}
		report[p.ID] = true
		for _, imp := range p.Imports {
			mark(imp)
		}
	}
	for _, p := range pkgs {
		if asked[p.ID] {
			mark(p)
		}
	}
	var errs []loadError
	// Packages only the listing has (a pattern that matched none).
	for _, p := range listed {
		if loaded[p.ID] == nil {
			errs = append(errs, packageErrors(dir, p)...)
		}
	}
	var failed []*packages.Package
	for _, p := range pkgs {
		if (report[p.ID] || asked[p.ID]) && len(p.Errors) > 0 {
			errs = append(errs, packageErrors(dir, p)...)
			failed = append(failed, p)
		}
	}
	res.Notes, err = cgoNotesOf(append(slices.Clip(listed), pkgs...), failed)
	if err != nil {
		return nil, err
	}

	graph, err := checker.Analyze([]*analysis.Analyzer{analyzer.Analyzer}, pkgs, nil)
	if err != nil {
		return nil, err
	}
	roots := append([]*checker.Action(nil), graph.Roots...)
	sort.Slice(roots, func(i, j int) bool { return roots[i].Package.ID < roots[j].Package.ID })
	// With tests included, a package comes twice: alone, and with its
	// test files as "p [p.test]". The second is a superset; keep it.
	ids := make(map[string]bool)
	for _, act := range roots {
		ids[act.Package.ID] = true
	}
	var wrappers []analyzer.Wrapper
	for _, act := range roots {
		if !report[act.Package.ID] {
			continue
		}
		if ids[act.Package.ID+" ["+act.Package.PkgPath+".test]"] || strings.HasSuffix(act.Package.PkgPath, ".test") {
			continue
		}
		if act.Err != nil {
			// A package with load errors is not analysed; its errors
			// are already listed.
			if len(act.Package.Errors) == 0 {
				errs = append(errs, loadError{msg: fmt.Sprintf("%s: %v", act.Package.PkgPath, act.Err)})
			}
			continue
		}
		r, ok := act.Result.(*analyzer.Result)
		if !ok || r == nil {
			continue
		}
		// An internal error the analyzer recovered from makes the
		// document incomplete: an error, not a diagnostic.
		failures := make(map[string]bool)
		for _, f := range r.Failures {
			d := Diagnostic{Pos: fset.Position(f.Pos), Message: f.Message}
			failures[d.String()] = true
			errs = append(errs, loadError{pos: d.Pos, msg: d.Message})
		}
		for _, d := range act.Diagnostics {
			diag := Diagnostic{Pos: fset.Position(d.Pos), Message: d.Message}
			if !failures[diag.String()] {
				res.Diagnostics = append(res.Diagnostics, diag)
			}
		}
		res.Operations = append(res.Operations, r.Operations...)
		res.Directives = append(res.Directives, r.Directives...)
		res.Declarations = append(res.Declarations, r.Declarations...)
		wrappers = append(wrappers, r.Wrappers...)
	}
	res.Errors = sortedErrors(errs)
	res.addUncalledWrappers(wrappers)
	slices.SortStableFunc(res.Diagnostics, compareDiagnostics)
	res.Diagnostics = slices.Compact(res.Diagnostics)
	return res, nil
}

// addUncalledWrappers adds the operations of the wrappers that other
// packages could call but none analysed does: what they do is known but
// for what their parameters would say. (The analyzer reports those of
// wrappers nobody outside their package can call.)
func (res *Result) addUncalledWrappers(wrappers []analyzer.Wrapper) {
	called := make(map[string]bool)
	for _, op := range res.Operations {
		for _, v := range op.Via {
			called[v] = true
		}
	}
	for _, w := range wrappers {
		if !w.Exported || called[w.Func] {
			continue
		}
		for _, op := range w.Operations {
			res.Operations = append(res.Operations, op)
			if !op.Address.Known {
				res.Diagnostics = append(res.Diagnostics, Diagnostic{
					Pos:     res.Fset.Position(op.Pos),
					Message: fmt.Sprintf("cannot resolve the channel address of %s: %s (no caller of %s was analysed; name it with //asyncapi:channel <address> above the call)", op.Callee, op.Address.Origin, w.Func),
				})
			}
		}
	}
}

// loadMode loads syntax and type information for the packages analysed
// only; their dependencies' types come from export data (the build
// cache), which is much cheaper than type-checking them from source.
const loadMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
	packages.NeedImports | packages.NeedTypes | packages.NeedTypesSizes |
	packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedModule
