package schema

import (
	"cmp"
	"go/types"
	"slices"
	"strings"
)

// A Note is something the schema of a type cannot say and the user may
// want to fix: a type with a custom MarshalJSON, whose schema is therefore
// unconstrained, or a field that encoding/json cannot marshal.
type Note struct {
	Obj     types.Object // the type name or field concerned; nil if none
	Message string
}

// noteSet collects notes without duplicates.
type noteSet struct {
	list []Note
}

func (s *noteSet) add(obj types.Object, msg string) {
	n := Note{obj, msg}
	if !slices.Contains(s.list, n) {
		s.list = append(s.list, n)
	}
}

// sorted returns the notes by package path, object name, position and
// message.
func (s *noteSet) sorted() []Note {
	list := slices.Clone(s.list)
	key := func(n Note) (string, string, int) {
		if n.Obj == nil {
			return "", "", 0
		}
		pkg := ""
		if n.Obj.Pkg() != nil {
			pkg = n.Obj.Pkg().Path()
		}
		return pkg, n.Obj.Name(), int(n.Obj.Pos())
	}
	slices.SortFunc(list, func(x, y Note) int {
		xp, xn, xpos := key(x)
		yp, yn, ypos := key(y)
		return cmp.Or(strings.Compare(xp, yp), strings.Compare(xn, yn), cmp.Compare(xpos, ypos),
			strings.Compare(x.Message, y.Message))
	})
	return list
}
