package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/asyncapi-extract/asyncapi-extract/analyzer/directive"
)

// Directives (//asyncapi:verb ...) correct what the analysis cannot see.
// They apply:
//
//   - on the line above a call, or at the end of the call's line, to the
//     operations of that call (a client call or a wrapper call);
//   - in the doc comment of a function, to every operation found in it;
//     a directive at a call site wins over one of the function;
//   - in a package's doc comment (info, server), to the document.
//
// Directives of a wrapper travel with its summary to every call; the
// directives at a call of the wrapper win over them.

// directiveSet holds the directives of one package.
type directiveSet struct {
	// byLine holds call-site directives by the line they apply to.
	byLine map[lineKey]*placed
	// byFunc holds the directives of functions' doc comments.
	byFunc map[*types.Func]*placed
}

type lineKey struct {
	file string
	line int
}

// placed is a group of directives and where they are, so that unused
// ones can be reported.
type placed struct {
	pos  token.Pos
	list []directive.Directive
	used bool
}

// PackageDirective is an info or server directive of a package.
type PackageDirective struct {
	Pos       token.Position
	Directive directive.Directive
}

// collectDirectives parses the directives of the package's files and
// reports malformed ones.
func collectDirectives(pass *analysis.Pass) *directiveSet {
	ds := &directiveSet{byLine: make(map[lineKey]*placed), byFunc: make(map[*types.Func]*placed)}
	for _, f := range pass.Files {
		funcDocs := make(map[*ast.CommentGroup]*types.Func)
		for _, decl := range f.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok && fd.Doc != nil {
				if obj, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					funcDocs[fd.Doc] = obj
				}
			}
		}
		tf := pass.Fset.File(f.Pos())
		if tf == nil {
			continue
		}
		src, _ := pass.ReadFile(tf.Name())
		for _, cg := range f.Comments {
			inPackageDoc := cg == f.Doc || cg.End() < f.Package
			var list []directive.Directive
			for _, c := range cg.List {
				d, ok, err := directive.Parse(c.Text)
				if err != nil && inPackageDoc {
					continue // packageDirectives reports it
				}
				if err != nil {
					reportMalformed(pass, c, err)
					continue
				}
				if !ok {
					if directive.LooksLikeDirective(c.Text) {
						pass.Reportf(c.Slash, "not a directive: write //asyncapi:... with no space after //")
					}
					continue
				}
				if d.Verb.PackageLevel() {
					if cg != f.Doc && cg.End() > f.Package {
						pass.Reportf(c.Slash, "//asyncapi:%s belongs in the package doc comment", d.Verb)
					}
					continue // packageDirectives has them
				}
				list = append(list, d)
			}
			if len(list) == 0 {
				continue
			}
			list = directive.Merge(list)
			p := &placed{pos: cg.Pos(), list: list}
			if fn, ok := funcDocs[cg]; ok {
				ds.byFunc[fn] = p
				continue
			}
			if cg == f.Doc || cg.End() < f.Package {
				pass.Reportf(cg.Pos(), "operation directives do not apply to a package: put them on a call or a function")
				continue
			}
			start := pass.Fset.Position(cg.Pos())
			line := start.Line
			if !trailing(src, tf, cg.Pos()) {
				line = pass.Fset.Position(cg.End()).Line + 1
			}
			ds.byLine[lineKey{start.Filename, line}] = p
		}
	}
	return ds
}

// packageDirectives returns the info and server directives of the
// package's doc comments (and of comments above its package clauses),
// reporting malformed ones. Every package is read, whether it uses
// clients or not.
func packageDirectives(pass *analysis.Pass) []PackageDirective {
	var out []PackageDirective
	for _, f := range pass.Files {
		for _, cg := range f.Comments {
			if cg != f.Doc && cg.End() > f.Package {
				continue
			}
			for _, c := range cg.List {
				d, ok, err := directive.Parse(c.Text)
				if err != nil {
					reportMalformed(pass, c, err)
					continue
				}
				if ok && d.Verb.PackageLevel() {
					out = append(out, PackageDirective{Pos: pass.Fset.Position(c.Slash), Directive: d})
				}
			}
		}
	}
	return out
}

// reportMalformed reports a directive that does not parse, at the place
// in the comment where it goes wrong.
func reportMalformed(pass *analysis.Pass, c *ast.Comment, err error) {
	off := 0
	if perr, _ := err.(*directive.Error); perr != nil {
		off = perr.Offset
	}
	pass.Reportf(c.Slash+token.Pos(off), "malformed directive: %v", err)
}

// trailing reports whether a comment follows code on its line.
func trailing(src []byte, tf *token.File, pos token.Pos) bool {
	if src == nil {
		return false
	}
	off := tf.Offset(pos)
	lineStart := tf.Offset(tf.LineStart(tf.Line(pos)))
	if off > len(src) || lineStart > off {
		return false
	}
	return strings.TrimSpace(string(src[lineStart:off])) != ""
}

// atSite returns the directives that apply to a call.
func (ds *directiveSet) atSite(fset *token.FileSet, s site) *placed {
	p := fset.Position(s.pos())
	return ds.byLine[lineKey{p.Filename, p.Line}]
}

// reportUnused reports directives that applied to no operation.
func (ds *directiveSet) reportUnused(pass *analysis.Pass) {
	var unused []*placed
	for _, p := range ds.byLine {
		if !p.used {
			unused = append(unused, p)
		}
	}
	for _, p := range ds.byFunc {
		if !p.used {
			unused = append(unused, p)
		}
	}
	sort.Slice(unused, func(i, j int) bool { return unused[i].pos < unused[j].pos })
	for _, p := range unused {
		pass.Reportf(p.pos, "//asyncapi:%s applies to no operation: put it on the line above a send or receive call, or in the doc comment of a function that has one", p.list[0].Verb)
	}
}

// apply applies a group of directives to the templates of one call or
// function, and returns the templates that are not ignored.
func (r *resolver) apply(p *placed, tms []*template, file *ast.File) []*template {
	if p == nil || len(tms) == 0 {
		return tms
	}
	p.used = true
	for _, d := range p.list {
		if d.Verb == directive.Ignore {
			return nil
		}
	}
	for _, tm := range tms {
		for _, d := range p.list {
			switch d.Verb {
			case directive.Channel:
				tm.address = addressDirective(d)
			case directive.Message:
				tm.messageName = d.Arg
			case directive.Payload:
				if t := r.resolveTypeExpr(d.Type, file); t != nil {
					tm.messages = withPayloadType(tm.messages, t)
				} else {
					r.pass.Reportf(p.pos, "//asyncapi:payload %s: no such type", d.Arg)
				}
			case directive.Operation:
				tm.opID = d.Arg
			case directive.Summary:
				tm.summary = d.Arg
			case directive.Description:
				tm.description = d.Arg
			case directive.Tags:
				tm.tags = append([]string(nil), d.Tags...)
			}
		}
	}
	return tms
}

// addressDirective turns the address of a channel directive into a Str:
// its {name} placeholders are run-time parts described by the
// directive's name="description" fields.
func addressDirective(d directive.Directive) Str {
	var s Str
	rest := d.Arg
	for {
		i := strings.IndexByte(rest, '{')
		j := strings.IndexByte(rest, '}')
		if i < 0 || j < i {
			break
		}
		if i > 0 {
			s = concat(s, lit(rest[:i]))
		}
		name := rest[i+1 : j]
		origin := "the //asyncapi:channel directive"
		if desc, ok := d.Lookup(name); ok {
			origin = desc
		}
		s = concat(s, dynamic(name, origin))
		rest = rest[j+1:]
	}
	if rest != "" || len(s.Parts) == 0 {
		s = concat(s, lit(rest))
	}
	return s
}

// withPayloadType gives every message the payload type a directive names,
// keeping the encoding the code uses.
func withPayloadType(msgs []Message, t types.Type) []Message {
	if len(msgs) == 0 {
		return []Message{{Payload: Payload{Type: t, ContentType: "application/json", Encoding: "json"}}}
	}
	out := make([]Message, 0, len(msgs))
	for _, m := range msgs {
		p := m.Payload
		p.Type, p.Param, p.Raw = t, nil, ""
		if p.Encoding == "" {
			p.ContentType, p.Encoding = "application/json", "json"
		}
		m.Payload = p
		out = append(out, m)
	}
	return dedupMessages(out)
}

// resolveTypeExpr finds the Go type a payload directive names, through
// the imports of the directive's file.
func (r *resolver) resolveTypeExpr(te *directive.TypeExpr, file *ast.File) types.Type {
	if te == nil {
		return nil
	}
	switch te.Kind {
	case directive.PointerType:
		if e := r.resolveTypeExpr(te.Elem, file); e != nil {
			return types.NewPointer(e)
		}
	case directive.SliceType:
		if e := r.resolveTypeExpr(te.Elem, file); e != nil {
			return types.NewSlice(e)
		}
	case directive.ArrayType:
		if e := r.resolveTypeExpr(te.Elem, file); e != nil {
			return types.NewArray(e, te.Len)
		}
	case directive.MapType:
		k, e := r.resolveTypeExpr(te.Key, file), r.resolveTypeExpr(te.Elem, file)
		if k != nil && e != nil {
			return types.NewMap(k, e)
		}
	case directive.NamedType:
		var scope *types.Scope
		switch {
		case te.ImportPath != "":
			if pkg := r.types.lookupPackage(te.ImportPath); pkg != nil {
				scope = pkg.Scope()
			}
		case te.Qualifier != "":
			if pkg := importedAs(r.pass, file, te.Qualifier); pkg != nil {
				scope = pkg.Scope()
			}
		default:
			scope = r.pass.Pkg.Scope()
			if _, ok := scope.Lookup(te.Name).(*types.TypeName); !ok {
				scope = types.Universe
			}
		}
		if scope == nil {
			return nil
		}
		tn, ok := scope.Lookup(te.Name).(*types.TypeName)
		if !ok {
			return nil
		}
		if len(te.Args) == 0 {
			return tn.Type()
		}
		args := make([]types.Type, len(te.Args))
		for i, a := range te.Args {
			if args[i] = r.resolveTypeExpr(a, file); args[i] == nil {
				return nil
			}
		}
		inst, err := types.Instantiate(nil, tn.Type(), args, true)
		if err != nil {
			return nil
		}
		return inst
	}
	return nil
}

// importedAs returns the package a file imports under name.
func importedAs(pass *analysis.Pass, file *ast.File, name string) *types.Package {
	if file == nil {
		return nil
	}
	for _, spec := range file.Imports {
		var pkgName *types.PkgName
		if spec.Name != nil {
			pkgName, _ = pass.TypesInfo.Defs[spec.Name].(*types.PkgName)
		} else {
			pkgName, _ = pass.TypesInfo.Implicits[spec].(*types.PkgName)
		}
		if pkgName != nil && pkgName.Name() == name {
			return pkgName.Imported()
		}
	}
	return nil
}

// fileOf returns the syntax of the file containing pos.
func fileOf(pass *analysis.Pass, pos token.Pos) *ast.File {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}
