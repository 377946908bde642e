package analyzer

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"
)

// ssaPackage is the SSA form of the package under analysis.
//
// The analyzer builds it itself instead of requiring buildssa: buildssa
// requires ctrlflow, whose facts make the driver analyse (and so load
// the syntax of) every dependency down to the standard library. Building
// here also means a package that uses no client library never pays for
// SSA at all.
type ssaPackage struct {
	Pkg *ssa.Package
	// SrcFuncs are the package's functions and function literals, in
	// source order.
	SrcFuncs []*ssa.Function
}

func buildSSA(pass *analysis.Pass) *ssaPackage {
	prog := ssa.NewProgram(pass.Fset, ssa.InstantiateGenerics)
	for _, p := range pass.Pkg.Imports() {
		prog.CreatePackage(p, nil, nil, true)
	}
	pkg := prog.CreatePackage(pass.Pkg, pass.Files, pass.TypesInfo, false)
	pkg.Build()

	var funcs []*ssa.Function
	for _, file := range pass.Files {
		for _, decl := range file.Decls {
			decl, ok := decl.(*ast.FuncDecl)
			if !ok {
				continue
			}
			obj, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func)
			if !ok {
				continue
			}
			if f := prog.FuncValue(obj); f != nil {
				funcs = append(funcs, withClosures(f)...)
			}
		}
	}
	return &ssaPackage{Pkg: pkg, SrcFuncs: funcs}
}
