package schema

import (
	"go/ast"
	"go/token"
	"maps"
	"strings"
)

// Docs supplies doc comments, which go/types does not keep. Keys are
// import paths and names, not types.Objects: the analyzer sees a type
// through export data in one package and through syntax in another, as
// different objects. Methods return "" when there is no comment.
type Docs interface {
	TypeDoc(pkgPath, typeName string) string
	FieldDoc(pkgPath, typeName, field string) string // field is the Go field name
	ConstDoc(pkgPath, constName string) string
}

// MapDocs is a Docs held in a plain map, so that it can be gob-encoded
// (the analyzer returns it in its per-package result) and merged. Keys are
// "pkg/path.Type", "pkg/path.Type.Field" and "pkg/path.Const"; a type and a
// constant cannot share a name in one package, so the keys never clash.
type MapDocs map[string]string

// TypeDoc implements Docs.
func (m MapDocs) TypeDoc(pkgPath, typeName string) string {
	return m[pkgPath+"."+typeName]
}

// FieldDoc implements Docs.
func (m MapDocs) FieldDoc(pkgPath, typeName, field string) string {
	return m[pkgPath+"."+typeName+"."+field]
}

// ConstDoc implements Docs.
func (m MapDocs) ConstDoc(pkgPath, constName string) string {
	return m[pkgPath+"."+constName]
}

// Merge copies the entries of o into m (o wins on equal keys).
func (m MapDocs) Merge(o MapDocs) {
	maps.Copy(m, o)
}

// DocsFromSyntax collects the doc comments of the package pkgPath from its
// parsed files (parsed with parser.ParseComments): of type specs, including
// those of a grouped type ( ... ) declaration (a lone spec in a group takes
// the group's comment), of the fields of struct types declared at package
// level (not those of anonymous structs nested in them, which have no name
// to key them by), and of constants, including those in const blocks. A field or constant without a doc comment takes its trailing
// line comment. Text is trimmed; newlines within and between paragraphs
// are kept.
func DocsFromSyntax(pkgPath string, files []*ast.File) MapDocs {
	m := make(MapDocs)
	put := func(key string, groups ...*ast.CommentGroup) {
		for _, g := range groups {
			if text := strings.TrimSpace(g.Text()); text != "" {
				m[key] = text
				return
			}
		}
	}
	for _, f := range files {
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok {
				continue
			}
			for _, spec := range gd.Specs {
				switch spec := spec.(type) {
				case *ast.TypeSpec:
					key := pkgPath + "." + spec.Name.Name
					if len(gd.Specs) == 1 {
						put(key, spec.Doc, gd.Doc, spec.Comment)
					} else {
						put(key, spec.Doc, spec.Comment)
					}
					if st, ok := spec.Type.(*ast.StructType); ok {
						fieldDocs(put, key, st)
					}
				case *ast.ValueSpec:
					if gd.Tok != token.CONST {
						continue
					}
					for _, name := range spec.Names {
						if len(gd.Specs) == 1 {
							put(pkgPath+"."+name.Name, spec.Doc, gd.Doc, spec.Comment)
						} else {
							put(pkgPath+"."+name.Name, spec.Doc, spec.Comment)
						}
					}
				}
			}
		}
	}
	return m
}

func fieldDocs(put func(string, ...*ast.CommentGroup), typeKey string, st *ast.StructType) {
	for _, field := range st.Fields.List {
		names := field.Names
		if len(names) == 0 { // embedded: the field is named after the type
			if name := embeddedName(field.Type); name != "" {
				names = []*ast.Ident{ast.NewIdent(name)}
			}
		}
		for _, name := range names {
			put(typeKey+"."+name.Name, field.Doc, field.Comment)
		}
	}
}

// embeddedName returns the field name of an embedded field of type expr.
func embeddedName(expr ast.Expr) string {
	for {
		switch e := expr.(type) {
		case *ast.StarExpr:
			expr = e.X
		case *ast.SelectorExpr:
			return e.Sel.Name
		case *ast.IndexExpr:
			expr = e.X
		case *ast.IndexListExpr:
			expr = e.X
		case *ast.Ident:
			return e.Name
		default:
			return ""
		}
	}
}
