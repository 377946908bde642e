package schema

import (
	"cmp"
	"fmt"
	"go/types"
	"maps"
	"slices"
	"strings"
)

// componentNames returns the component names of ts, which the caller has
// sorted by full type name: names[i] names ts[i]. Every name matches
// ^[\w\d\.\-_]+$, as AsyncAPI requires of component keys.
//
// A name is the type's name with its type arguments appended, each after
// "_" (Envelope[Order] is Envelope_Order). A named type is qualified only
// if the set mentions another type of the same name (in any position, so
// that Envelope[a.Order] and Envelope[b.Order] differ): by its package name
// (orders.Order), or if that collides too by the last two, three...
// elements of its import path (shop.orders.Order). Types that still share a
// name (Box[*T] and Box[T], types local to different functions, a type
// declared as Box_T) get suffixes _2, _3..., fewer pointers first, then in
// the order of ts. The result depends only on the set of types.
func componentNames(ts []types.Type) []string {
	levels := qualification(ts)
	names := make([]string, len(ts))
	for i, t := range ts {
		names[i] = sanitize(typeName(t, levels))
	}

	taken := make(map[string]bool, len(names))
	for _, name := range names {
		taken[name] = true
	}
	byName := make(map[string][]int)
	for i, name := range names {
		byName[name] = append(byName[name], i)
	}
	for _, name := range slices.Sorted(maps.Keys(byName)) {
		group := byName[name]
		slices.SortStableFunc(group, func(i, j int) int {
			return cmp.Compare(pointers(ts[i]), pointers(ts[j]))
		})
		for _, i := range group[1:] {
			for n := 2; ; n++ {
				if name := fmt.Sprintf("%s_%d", names[i], n); !taken[name] {
					names[i] = name
					taken[name] = true
					break
				}
			}
		}
	}
	return names
}

// pointers counts the pointer types in t.
func pointers(t types.Type) int {
	return strings.Count(types.TypeString(t, nil), "*")
}

// qualification returns the level of qualification (see qualifier) of
// each type declaration mentioned in ts that shares its name with another.
func qualification(ts []types.Type) map[*types.TypeName]int {
	byName := make(map[string][]*types.TypeName)
	seen := make(map[*types.TypeName]bool)
	for _, t := range ts {
		forEachNamed(t, func(obj *types.TypeName) {
			if !seen[obj] {
				seen[obj] = true
				byName[obj.Name()] = append(byName[obj.Name()], obj)
			}
		})
	}

	levels := make(map[*types.TypeName]int)
	for _, group := range byName {
		for {
			// Qualify further the declarations whose qualified names
			// collide with that of a declaration in another package.
			quals := make(map[string][]*types.TypeName)
			for _, obj := range group {
				q := qualifier(obj.Pkg(), levels[obj])
				quals[q] = append(quals[q], obj)
			}
			bumped := false
			for _, objs := range quals {
				for _, obj := range objs {
					if levels[obj] < qualifyLimit(obj.Pkg()) && slices.ContainsFunc(objs, func(o *types.TypeName) bool { return o.Pkg().Path() != obj.Pkg().Path() }) {
						levels[obj]++
						bumped = true
					}
				}
			}
			if !bumped {
				break
			}
		}
	}
	return levels
}

// forEachNamed calls f with the declaration of every named type in t.
func forEachNamed(t types.Type, f func(*types.TypeName)) {
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		f(t.Origin().Obj())
		for a := range t.TypeArgs().Types() {
			forEachNamed(a, f)
		}
	case *types.Pointer:
		forEachNamed(t.Elem(), f)
	case *types.Slice:
		forEachNamed(t.Elem(), f)
	case *types.Array:
		forEachNamed(t.Elem(), f)
	case *types.Map:
		forEachNamed(t.Key(), f)
		forEachNamed(t.Elem(), f)
	}
}

// typeName spells t for a component name.
func typeName(t types.Type, levels map[*types.TypeName]int) string {
	switch t := types.Unalias(t).(type) {
	case *types.Named:
		obj := t.Origin().Obj()
		name := obj.Name()
		if q := qualifier(obj.Pkg(), levels[obj]); q != "" {
			name = q + "." + name
		}
		for a := range t.TypeArgs().Types() {
			name += "_" + typeName(a, levels)
		}
		return name
	case *types.TypeParam:
		return t.Obj().Name()
	case *types.Basic:
		return t.Name()
	case *types.Pointer:
		// Box[*T] reads as Box_T; a collision with Box[T] is numbered.
		return typeName(t.Elem(), levels)
	case *types.Slice:
		return typeName(t.Elem(), levels) + "Slice"
	case *types.Array:
		return fmt.Sprintf("%sArray%d", typeName(t.Elem(), levels), t.Len())
	case *types.Map:
		return "Map_" + typeName(t.Key(), levels) + "_" + typeName(t.Elem(), levels)
	case *types.Interface:
		if t.Empty() {
			return "any"
		}
		return "interface"
	case *types.Struct:
		return "struct"
	}
	return "type"
}

// qualifier returns the prefix of the names of pkg's types at a level of
// qualification: none, the package name, then the last level elements of
// the import path.
func qualifier(pkg *types.Package, level int) string {
	switch {
	case pkg == nil || level == 0:
		return ""
	case level == 1:
		return pkg.Name()
	}
	elems := strings.Split(pkg.Path(), "/")
	return strings.Join(elems[max(0, len(elems)-level):], ".")
}

// qualifyLimit is the level at which qualifier spells out pkg's full path.
func qualifyLimit(pkg *types.Package) int {
	if pkg == nil {
		return 0
	}
	return max(2, strings.Count(pkg.Path(), "/")+1)
}

// sanitize replaces the characters a component name may not contain.
func sanitize(name string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', '0' <= r && r <= '9', r == '_', r == '.', r == '-':
			return r
		}
		return '_'
	}, name)
}
