package directive

import (
	"fmt"
	"go/ast"
	"go/parser"
	goscanner "go/scanner"
	"go/token"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// TypeKind is the outermost constructor of a [TypeExpr].
type TypeKind int

const (
	NamedType   TypeKind = iota // [Qualifier.|ImportPath.]Name[Args]
	PointerType                 // *Elem
	SliceType                   // []Elem
	ArrayType                   // [Len]Elem
	MapType                     // map[Key]Elem
)

// TypeExpr is the Go type of a payload directive, in the subset of the
// type syntax that names a serialisable type. It holds no positions, so
// it compares with reflect.DeepEqual, and it is resolved with go/types by
// walking it:
//
//   - NamedType with ImportPath: the object Name in the package with that
//     path (the form go/parser cannot read: example.com/m/events.Order).
//   - NamedType with Qualifier: the import of the directive's file with
//     that package name (events.Order).
//   - NamedType with neither: Name in the package scope, then the
//     universe (Order, string, any).
//   - Args, when present, instantiate the generic type Name.
type TypeExpr struct {
	Kind       TypeKind
	Qualifier  string      // NamedType: the package name before the dot, or ""
	ImportPath string      // NamedType: the import path before the dot, or ""
	Name       string      // NamedType
	Args       []*TypeExpr // NamedType: type arguments, nil when not generic
	Len        int64       // ArrayType
	Key        *TypeExpr   // MapType
	Elem       *TypeExpr   // PointerType, SliceType, ArrayType, MapType
}

// String returns the canonical Go text of t, which parses back to t.
func (t *TypeExpr) String() string {
	switch t.Kind {
	case PointerType:
		return "*" + t.Elem.String()
	case SliceType:
		return "[]" + t.Elem.String()
	case ArrayType:
		return "[" + strconv.FormatInt(t.Len, 10) + "]" + t.Elem.String()
	case MapType:
		return "map[" + t.Key.String() + "]" + t.Elem.String()
	}
	s := t.Name
	switch {
	case t.ImportPath != "":
		s = t.ImportPath + "." + s
	case t.Qualifier != "":
		s = t.Qualifier + "." + s
	}
	if len(t.Args) > 0 {
		args := make([]string, len(t.Args))
		for i, a := range t.Args {
			args[i] = a.String()
		}
		s += "[" + strings.Join(args, ", ") + "]"
	}
	return s
}

const wantTypes = "want T, pkg.T, import/path.T, *T, []T, [N]T, map[K]V or T[A, ...]"

// parseType parses the type text of a payload directive. On failure it
// returns the byte offset in src of the problem and a message.
//
// go/parser reads everything but the full import path form, so each
// import-path-qualified name is first found in the text and its path
// overwritten with underscores of the same length: the text stays a
// qualified identifier, offsets stay valid for error messages, and the
// path is put back by offset after parsing.
func parseType(src string) (*TypeExpr, int, string) {
	// go/parser would silently drop comments; a trailing // on a payload
	// line is more likely a mistake than a wish.
	for _, c := range []string{"//", "/*"} {
		if i := strings.Index(src, c); i >= 0 {
			return nil, i, "comments are not allowed in a type"
		}
	}
	paths := make(map[int]string) // offset of the qualifier -> import path
	b := []byte(src)
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRuneInString(src[i:])
		if !isRunRune(r) {
			i += size
			continue
		}
		j := i
		for j < len(src) {
			r, size := utf8.DecodeRuneInString(src[j:])
			if !isRunRune(r) {
				break
			}
			j += size
		}
		if path, ok := importPathOf(src[i:j]); ok {
			if !validImportPath(path) {
				return nil, i, fmt.Sprintf("invalid import path %q", path)
			}
			for k := i; k < i+len(path); k++ {
				b[k] = '_'
			}
			paths[i] = path
		}
		i = j
	}

	fset := token.NewFileSet()
	expr, err := parser.ParseExprFrom(fset, "", b, 0)
	if err != nil {
		if list, ok := err.(goscanner.ErrorList); ok && len(list) > 0 {
			return nil, list[0].Pos.Offset, "invalid type: " + list[0].Msg
		}
		return nil, 0, "invalid type: " + err.Error()
	}
	c := converter{src: src, fset: fset, paths: paths}
	t := c.typ(expr)
	if c.msg != "" {
		return nil, c.off, c.msg
	}
	return t, 0, ""
}

// isRunRune reports whether r can be part of an import path or of the
// qualified identifier that follows it.
func isRunRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '.' || r == '/' || r == '-'
}

// importPathOf returns the import path of a run like example.com/m/events.Order:
// the text before the last '.' that follows the last '/'. Without a '/',
// a run needs two dots (example.com.Order) to be read that way, since
// events.Order is a package name and an identifier. Runs whose tail is
// not an identifier are left to go/parser (4/2 in [4/2]T).
func importPathOf(run string) (string, bool) {
	slash := strings.LastIndexByte(run, '/')
	if slash < 0 && strings.Count(run, ".") < 2 {
		return "", false
	}
	dot := strings.LastIndexByte(run[slash+1:], '.')
	if dot < 0 {
		return "", false
	}
	dot += slash + 1
	if !token.IsIdentifier(run[dot+1:]) {
		return "", false
	}
	return run[:dot], true
}

// validImportPath is a simplified module.CheckImportPath: non-empty
// elements of ASCII letters, digits and "._-", not starting or ending
// with a dot.
func validImportPath(path string) bool {
	for _, elem := range strings.Split(path, "/") {
		if elem == "" || elem[0] == '.' || elem[len(elem)-1] == '.' {
			return false
		}
		for i := 0; i < len(elem); i++ {
			c := elem[i]
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '_' || c == '-') {
				return false
			}
		}
	}
	return true
}

// converter turns a parsed expression into a TypeExpr, recording the
// first unsupported node.
type converter struct {
	src   string
	fset  *token.FileSet
	paths map[int]string
	off   int
	msg   string
}

func (c *converter) offset(p token.Pos) int { return c.fset.Position(p).Offset }

func (c *converter) fail(n ast.Node, format string, args ...any) *TypeExpr {
	if c.msg == "" {
		c.off = c.offset(n.Pos())
		c.msg = fmt.Sprintf(format, args...)
	}
	return &TypeExpr{}
}

func (c *converter) unsupported(n ast.Node) *TypeExpr {
	return c.fail(n, "unsupported type syntax %q; %s", c.src[c.offset(n.Pos()):c.offset(n.End())], wantTypes)
}

func (c *converter) typ(e ast.Expr) *TypeExpr {
	switch e := e.(type) {
	case *ast.ParenExpr:
		return c.typ(e.X)
	case *ast.Ident, *ast.SelectorExpr:
		return c.named(e, nil)
	case *ast.IndexExpr:
		return c.named(e.X, []ast.Expr{e.Index})
	case *ast.IndexListExpr:
		return c.named(e.X, e.Indices)
	case *ast.StarExpr:
		return &TypeExpr{Kind: PointerType, Elem: c.typ(e.X)}
	case *ast.MapType:
		return &TypeExpr{Kind: MapType, Key: c.typ(e.Key), Elem: c.typ(e.Value)}
	case *ast.ArrayType:
		if e.Len == nil {
			return &TypeExpr{Kind: SliceType, Elem: c.typ(e.Elt)}
		}
		lit, ok := e.Len.(*ast.BasicLit)
		if !ok || lit.Kind != token.INT {
			return c.fail(e.Len, "array length must be an integer literal")
		}
		n, err := strconv.ParseInt(lit.Value, 0, 64)
		if err != nil {
			return c.fail(e.Len, "array length %s is out of range", lit.Value)
		}
		return &TypeExpr{Kind: ArrayType, Len: n, Elem: c.typ(e.Elt)}
	}
	return c.unsupported(e)
}

// named converts a possibly qualified type name and its type arguments.
func (c *converter) named(x ast.Expr, args []ast.Expr) *TypeExpr {
	for {
		p, ok := x.(*ast.ParenExpr)
		if !ok {
			break
		}
		x = p.X
	}
	t := &TypeExpr{Kind: NamedType}
	switch x := x.(type) {
	case *ast.Ident:
		t.Name = x.Name
	case *ast.SelectorExpr:
		q, ok := x.X.(*ast.Ident)
		if !ok {
			return c.unsupported(x)
		}
		if path, ok := c.paths[c.offset(q.Pos())]; ok {
			t.ImportPath = path
		} else if q.Name == "_" {
			return c.fail(q, "_ is not a package name")
		} else {
			t.Qualifier = q.Name
		}
		t.Name = x.Sel.Name
	default:
		return c.unsupported(x)
	}
	if t.Name == "_" {
		return c.fail(x, "_ is not a type")
	}
	for _, a := range args {
		t.Args = append(t.Args, c.typ(a))
	}
	return t
}
