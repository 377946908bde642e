package driver

import (
	"cmp"
	"fmt"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/packages"
)

// loadError is an error of a package at a position (Filename absolute, or
// empty when there is no position).
type loadError struct {
	pos token.Position
	msg string
}

func (e loadError) String() string {
	if e.pos.Filename == "" {
		return e.msg
	}
	return e.pos.String() + ": " + e.msg
}

func compareErrors(a, b loadError) int {
	return cmp.Or(
		cmp.Compare(a.pos.Filename, b.pos.Filename),
		cmp.Compare(a.pos.Line, b.pos.Line),
		cmp.Compare(a.pos.Column, b.pos.Column),
		cmp.Compare(a.msg, b.msg))
}

// sortedErrors returns the errors in position order (lines and columns
// compared as numbers), each once, formatted as file:line:col: message.
func sortedErrors(errs []loadError) []string {
	slices.SortFunc(errs, compareErrors)
	errs = slices.CompactFunc(errs, func(a, b loadError) bool { return a.String() == b.String() })
	out := make([]string, len(errs))
	for i, e := range errs {
		out[i] = e.String()
	}
	return out
}

// positionRE matches the position of a packages.Error: file:line or
// file:line:col.
var positionRE = regexp.MustCompile(`^(.+?):(\d+)(?::(\d+))?$`)

// parsePos parses a packages.Error position; a relative file name is
// relative to dir, the directory the go command ran in.
func parsePos(dir, s string) (token.Position, bool) {
	m := positionRE.FindStringSubmatch(s)
	if m == nil {
		return token.Position{}, false
	}
	line, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3]) // 0 when absent
	file := m[1]
	if !filepath.IsAbs(file) {
		file = filepath.Join(dir, file)
	}
	return token.Position{Filename: file, Line: line, Column: col}, true
}

// compilerLineRE matches a line of the go command's build output:
// file:line:col: message.
var compilerLineRE = regexp.MustCompile(`^(\S.*?:\d+(?::\d+)?): (.*)$`)

// packageErrors returns the errors of p to report, made readable:
//
//   - go/packages parses with parser.AllErrors, so one syntax error often
//     comes with spurious ones after it on the same line: only the first
//     error of each line is kept, as the go command does;
//   - with syntax errors, the type errors are mostly their consequences and
//     the go command reports the syntax errors only: so do we;
//   - the compiler's output that go list adds ("# pkg" and the same errors
//     again, as one message without a position) is dropped when the
//     type-checker reported the errors, and split into positioned errors
//     otherwise;
//   - a type error's continuation lines ("\tT instantiated as ...") are
//     joined to the error they continue;
//   - "could not import P (...)" says why P could not be loaded (no module
//     provides it, it does not compile...);
//   - an error without a position is its message alone.
func packageErrors(dir string, p *packages.Package) []loadError {
	var parse, typ, list []packages.Error
	for _, e := range p.Errors {
		switch e.Kind {
		case packages.ParseError:
			parse = append(parse, e)
		case packages.TypeError:
			typ = append(typ, e)
		default:
			list = append(list, e)
		}
	}
	var out []loadError
	add := func(e packages.Error) {
		le := loadError{msg: e.Msg}
		if pos, ok := parsePos(dir, e.Pos); ok {
			le.pos = pos
		}
		out = append(out, le)
	}
	if len(parse) > 0 {
		type line struct {
			file string
			line int
		}
		seen := make(map[line]bool)
		for _, e := range parse {
			pos, ok := parsePos(dir, e.Pos)
			if ok && seen[line{pos.Filename, pos.Line}] {
				continue
			}
			seen[line{pos.Filename, pos.Line}] = true
			add(e)
		}
	} else {
		for _, e := range typ {
			if strings.HasPrefix(e.Msg, "\t") && len(out) > 0 {
				// A continuation of the previous error.
				last := &out[len(out)-1]
				cont := strings.TrimPrefix(e.Msg, "\t")
				if pos, ok := parsePos(dir, e.Pos); ok {
					cont = pos.String() + ": " + cont
				}
				last.msg += "\n\t" + cont
				continue
			}
			e.Msg = importErrorMessage(p, e.Msg)
			add(e)
		}
	}
	for _, e := range list {
		if rest, ok := strings.CutPrefix(e.Msg, "# "); ok && e.Pos == "" {
			// The compiler's output, as go list -export reports it.
			if len(parse)+len(typ) > 0 {
				continue
			}
			_, rest, _ = strings.Cut(rest, "\n")
			for l := range strings.SplitSeq(rest, "\n") {
				switch m := compilerLineRE.FindStringSubmatch(l); {
				case strings.HasPrefix(l, "\t") && len(out) > 0:
					out[len(out)-1].msg += "\n" + l
				case m != nil:
					add(packages.Error{Pos: m[1], Msg: m[2]})
				case strings.TrimSpace(l) != "":
					add(packages.Error{Msg: l})
				}
			}
			continue
		}
		add(e)
	}
	return out
}

// importErrorMessage completes "could not import P (reason)" with the
// error of P, when it has one: "no required module provides package P;
// to add it: go get P" says more than "invalid package name".
func importErrorMessage(p *packages.Package, msg string) string {
	rest, ok := strings.CutPrefix(msg, "could not import ")
	if !ok {
		return msg
	}
	path, _, _ := strings.Cut(rest, " ")
	imp := p.Imports[path]
	if imp == nil || len(imp.Errors) == 0 {
		return msg
	}
	why := imp.Errors[0].Msg
	if rest, ok := strings.CutPrefix(why, "# "); ok {
		// It does not compile: its first compiler error.
		_, why, _ = strings.Cut(rest, "\n")
		why, _, _ = strings.Cut(why, "\n")
	}
	why = strings.ReplaceAll(why, "\n\t", " ")
	why = strings.ReplaceAll(why, "\n", "; ")
	return fmt.Sprintf("could not import %s: %s", path, why)
}
