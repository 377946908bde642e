package schema

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"sync"
	"testing"
)

// mainPath is the import path of the package whose types a test adds.
const mainPath = "example.com/m/p"

// The standard library is type-checked from source once for all tests:
// there is no export data to read and the srcimporter caches packages.
var (
	stdOnce sync.Once
	stdFset *token.FileSet
	std     types.Importer
)

// A program is a set of in-memory packages, type-checked on import, with
// the doc comments of their types and fields.
type program struct {
	srcs map[string]string // import path -> source of its single file
	pkgs map[string]*types.Package
	file *ast.File // of the main package
	docs MapDocs
}

// load type-checks the packages of srcs and returns the main one.
func load(t testing.TB, srcs map[string]string) (*program, *types.Package) {
	t.Helper()
	stdOnce.Do(func() {
		stdFset = token.NewFileSet()
		std = importer.ForCompiler(stdFset, "source", nil)
	})
	p := &program{srcs: srcs, pkgs: map[string]*types.Package{}, docs: MapDocs{}}
	pkg, err := p.Import(mainPath)
	if err != nil {
		t.Fatal(err)
	}
	return p, pkg
}

func (p *program) Import(path string) (*types.Package, error) {
	if pkg, ok := p.pkgs[path]; ok {
		return pkg, nil
	}
	src, ok := p.srcs[path]
	if !ok {
		return std.Import(path)
	}
	f, err := parser.ParseFile(stdFset, path+"/src.go", src, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}}
	conf := types.Config{Importer: p}
	pkg, err := conf.Check(path, stdFset, []*ast.File{f}, info)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	p.pkgs[path] = pkg
	if path == mainPath {
		p.file = f
	}
	p.docs.Merge(DocsFromSyntax(path, []*ast.File{f}))
	return pkg, nil
}

// typeOf evaluates a type expression in the scope of the main file, where
// its imports are visible.
func (p *program) typeOf(t testing.TB, expr string) types.Type {
	t.Helper()
	tv, err := types.Eval(stdFset, p.pkgs[mainPath], p.file.End(), expr)
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	if !tv.IsType() {
		t.Fatalf("%s is not a type", expr)
	}
	return tv.Type
}
