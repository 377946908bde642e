package analyzer

import (
	"go/ast"
	"go/constant"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// StringFuncFact summarises a function that builds a string from its
// parameters and constants (func Fulfilment(region string) string {
// return fmt.Sprintf("shop.%s.fulfilment.v1", region) }): each call of
// it, in any package, resolves with its arguments. It is computed from
// the syntax alone, so that packages of topic names cost next to nothing.
type StringFuncFact struct {
	Strs []Str
}

// AFact marks StringFuncFact as an analysis fact.
func (*StringFuncFact) AFact() {}

func (f *StringFuncFact) String() string {
	parts := make([]string, len(f.Strs))
	for i, s := range f.Strs {
		parts[i] = s.key()
	}
	return "returns(" + strings.Join(parts, ", ") + ")"
}

// exportStringFuncFacts exports the facts of the package's functions
// whose body is one return of a string expression the analysis can read.
func exportStringFuncFacts(pass *analysis.Pass) {
	for _, f := range pass.Files {
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Body == nil || len(fd.Body.List) != 1 {
				continue
			}
			ret, ok := fd.Body.List[0].(*ast.ReturnStmt)
			if !ok || len(ret.Results) != 1 {
				continue
			}
			obj, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok || obj.Signature().Results().Len() != 1 || !isStringType(obj.Signature().Results().At(0).Type()) {
				continue
			}
			strs := stringExpr(pass, obj, ret.Results[0], 0)
			if len(strs) > 0 && anyUseful(strs) {
				pass.ExportObjectFact(obj, &StringFuncFact{Strs: strs})
			}
		}
	}
}

func isStringType(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// stringExpr reads a string expression of fn's body: constants, fn's
// parameters, concatenation and fmt.Sprintf with a constant format.
func stringExpr(pass *analysis.Pass, fn *types.Func, e ast.Expr, depth int) []Str {
	if depth > 16 {
		return nil
	}
	e = ast.Unparen(e)
	if tv, ok := pass.TypesInfo.Types[e]; ok && tv.Value != nil && tv.Value.Kind() == constant.String {
		return []Str{lit(constant.StringVal(tv.Value))}
	}
	switch e := e.(type) {
	case *ast.Ident:
		if v, ok := pass.TypesInfo.Uses[e].(*types.Var); ok {
			if i := paramIndexOf(fn, v); i >= 0 {
				return []Str{{Parts: []Part{{Kind: PartParam, Param: i, Name: v.Name(),
					Origin: "parameter " + v.Name() + " of " + shortName(fn)}}}}
			}
		}
	case *ast.BinaryExpr:
		if e.Op.String() == "+" {
			return concatAll([][]Str{stringExpr(pass, fn, e.X, depth+1), stringExpr(pass, fn, e.Y, depth+1)})
		}
	case *ast.CallExpr:
		callee := typeutil.StaticCallee(pass.TypesInfo, e)
		if callee == nil || callee.FullName() != "fmt.Sprintf" || len(e.Args) == 0 {
			return nil
		}
		tv := pass.TypesInfo.Types[e.Args[0]]
		if tv.Value == nil || tv.Value.Kind() != constant.String {
			return nil
		}
		nargs := len(e.Args) - 1
		return sprintfStrs(constant.StringVal(tv.Value), func(i int, verb byte) []Str {
			var strs []Str
			if i < nargs && (verb == 's' || verb == 'v' || verb == 'd') {
				strs = stringExpr(pass, fn, e.Args[i+1], depth+1)
			}
			if len(strs) == 0 {
				strs = []Str{dynamic("value", "a formatted value")}
			}
			return strs
		})
	}
	return nil
}

// sprintfStrs builds the Strs of a Sprintf of format: the literal text
// between the verbs, and for each verb what arg gives for its argument
// number i (whether there is one is for arg to say). Both the syntax
// (StringFuncFact) and the SSA form (stringBuilders) read Sprintf so.
func sprintfStrs(format string, arg func(i int, verb byte) []Str) []Str {
	var alts [][]Str
	argi := 0
	text := ""
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			text += format[i : i+1] // a byte: string(c) would be the rune U+00XX
			continue
		}
		// Skip flags, width and precision up to the verb.
		j := i + 1
		for j < len(format) && strings.IndexByte("+-# 0123456789.[]*", format[j]) >= 0 {
			j++
		}
		if j >= len(format) {
			text += format[i:]
			break
		}
		verb := format[j]
		i = j
		if verb == '%' {
			text += "%"
			continue
		}
		if text != "" {
			alts = append(alts, []Str{lit(text)})
			text = ""
		}
		alts = append(alts, arg(argi, verb))
		argi++
	}
	if text != "" {
		alts = append(alts, []Str{lit(text)})
	}
	return concatAll(alts)
}

// paramIndexOf returns the SSA parameter index of v in fn (the receiver
// of a method is 0), or -1.
func paramIndexOf(fn *types.Func, v *types.Var) int {
	sig := fn.Signature()
	off := 0
	if sig.Recv() != nil {
		if sig.Recv() == v {
			return 0
		}
		off = 1
	}
	for i := range sig.Params().Len() {
		if sig.Params().At(i) == v {
			return i + off
		}
	}
	return -1
}
