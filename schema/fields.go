package schema

import (
	"cmp"
	"go/types"
	"reflect"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/tools/go/types/typeutil"
)

// A jsonField is one member that encoding/json (or msgpack) writes for a
// struct.
type jsonField struct {
	owner  *types.Named // the named type whose struct declares v, or nil
	name   string       // JSON name
	tagged bool         // name came from the json tag
	index  []int        // field indices from the outer struct; len(index) is the depth
	v      *types.Var   // the struct field (of an instance, if the struct is one)
	typ    types.Type   // v.Type() with an unnamed pointer removed

	tag       reflect.StructTag
	omitEmpty bool
	omitZero  bool
	quoted    bool // ",string" on a bool, number or string field
	// viaPointer reports that the field is promoted through an embedded
	// pointer: when that pointer is nil, encoding/json omits the field.
	viaPointer bool
}

// jsonFields returns the fields encoding/json writes for st, in the order
// it writes them. It follows typeFields in encoding/json/encode.go step by
// step (breadth-first walk of embedded structs, then the Go visibility rules
// with the JSON-tag preference) so that conflicts resolve the same way;
// keeping the structure recognisable makes it easy to diff with upstream.
func jsonFields(owner *types.Named, st *types.Struct) []jsonField {
	return structFields(owner, st, "json")
}

// msgpackFields returns the fields vmihailenco/msgpack/v5 writes for st,
// named by the msgpack tag. It approximates msgpack's rules for embedded
// structs (which inlines them unless that causes a conflict) with those of
// encoding/json; msgpack has no ",string" and no omitzero.
func msgpackFields(owner *types.Named, st *types.Struct) []jsonField {
	return structFields(owner, st, "msgpack")
}

func structFields(owner *types.Named, st *types.Struct, tagKey string) []jsonField {
	type queued struct {
		st         *types.Struct
		typ        types.Type // identity of the embedded type, for visited/count
		owner      *types.Named
		index      []int
		viaPointer bool
	}

	var current []queued
	var root types.Type = st
	if owner != nil {
		root = owner
	}
	next := []queued{{st: st, typ: root, owner: owner}}

	// count and nextCount record how many times a type is embedded at the
	// current and next depth; a type embedded twice at one depth yields
	// duplicate fields, which the annihilation step below removes.
	count, nextCount := new(typeutil.Map), new(typeutil.Map)
	visited := new(typeutil.Map)

	var fields []jsonField
	for len(next) > 0 {
		current, next = next, current[:0]
		count, nextCount = nextCount, new(typeutil.Map)

		for _, f := range current {
			if visited.At(f.typ) != nil {
				continue
			}
			visited.Set(f.typ, true)

			for i := range f.st.NumFields() {
				sf := f.st.Field(i)
				if sf.Embedded() {
					t := types.Unalias(sf.Type())
					if p, ok := t.(*types.Pointer); ok {
						t = p.Elem()
					}
					if !sf.Exported() && !isStruct(t) {
						// Ignore embedded fields of unexported non-struct types.
						continue
					}
					// Do not ignore embedded fields of unexported struct
					// types since they may have exported fields.
				} else if !sf.Exported() {
					continue
				}

				tag := reflect.StructTag(f.st.Tag(i))
				jsonTag := tag.Get(tagKey)
				if jsonTag == "-" {
					continue
				}
				name, opts := parseTag(jsonTag)
				if tagKey == "json" && !isValidTag(name) {
					name = ""
				}
				index := append(slices.Clip(f.index), i)

				ft := types.Unalias(sf.Type())
				ptr := false
				if p, ok := ft.(*types.Pointer); ok {
					// Follow pointer.
					ft, ptr = p.Elem(), true
				}

				// Only strings, floats, integers, and booleans can be quoted.
				quoted := false
				if tagKey == "json" && opts.contains("string") {
					if b, ok := ft.Underlying().(*types.Basic); ok && b.Info()&(types.IsBoolean|types.IsInteger|types.IsFloat|types.IsString) != 0 {
						quoted = true
					}
				}

				// Record found field and index sequence.
				if name != "" || !sf.Embedded() || !isStruct(ft) {
					tagged := name != ""
					if name == "" {
						name = sf.Name()
					}
					fields = append(fields, jsonField{
						owner:      f.owner,
						name:       name,
						tagged:     tagged,
						index:      index,
						v:          sf,
						typ:        ft,
						tag:        tag,
						omitEmpty:  opts.contains("omitempty"),
						omitZero:   tagKey == "json" && opts.contains("omitzero"),
						quoted:     quoted,
						viaPointer: f.viaPointer,
					})
					if n, _ := count.At(f.typ).(int); n > 1 {
						// If there were multiple instances, add a second,
						// so that the annihilation code will see a duplicate.
						fields = append(fields, fields[len(fields)-1])
					}
					continue
				}

				// Record new anonymous struct to explore in next round.
				n, _ := nextCount.At(ft).(int)
				nextCount.Set(ft, n+1)
				if n == 0 {
					embOwner, _ := types.Unalias(ft).(*types.Named)
					next = append(next, queued{
						st:         ft.Underlying().(*types.Struct),
						typ:        ft,
						owner:      embOwner,
						index:      index,
						viaPointer: f.viaPointer || ptr,
					})
				}
			}
		}
	}

	// Sort by name, breaking ties with depth, then with "name came from
	// json tag", then with index sequence.
	slices.SortStableFunc(fields, func(x, y jsonField) int {
		if c := strings.Compare(x.name, y.name); c != 0 {
			return c
		}
		if c := cmp.Compare(len(x.index), len(y.index)); c != 0 {
			return c
		}
		if x.tagged != y.tagged {
			if x.tagged {
				return -1
			}
			return +1
		}
		return slices.Compare(x.index, y.index)
	})

	// Delete all fields that are hidden by the Go rules for embedded
	// fields, except that fields with JSON tags are promoted.
	out := fields[:0]
	for advance, i := 0, 0; i < len(fields); i += advance {
		fi := fields[i]
		for advance = 1; i+advance < len(fields); advance++ {
			if fields[i+advance].name != fi.name {
				break
			}
		}
		if advance == 1 {
			out = append(out, fi)
			continue
		}
		if dominant, ok := dominantField(fields[i : i+advance]); ok {
			out = append(out, dominant)
		}
	}
	fields = out

	slices.SortFunc(fields, func(x, y jsonField) int { return slices.Compare(x.index, y.index) })
	return fields
}

// dominantField returns the field that wins among fields of the same name,
// which are sorted by depth and then by presence of a tag; two fields at
// the top depth that are both tagged or both untagged cancel out.
func dominantField(fields []jsonField) (jsonField, bool) {
	if len(fields) > 1 && len(fields[0].index) == len(fields[1].index) && fields[0].tagged == fields[1].tagged {
		return jsonField{}, false
	}
	return fields[0], true
}

func isStruct(t types.Type) bool {
	_, ok := t.Underlying().(*types.Struct)
	return ok
}

// tagOptions is the string following a comma in a struct field's "json" tag.
type tagOptions string

func parseTag(tag string) (string, tagOptions) {
	name, opt, _ := strings.Cut(tag, ",")
	return name, tagOptions(opt)
}

func (o tagOptions) contains(optionName string) bool {
	for s := string(o); s != ""; {
		var name string
		name, s, _ = strings.Cut(s, ",")
		if name == optionName {
			return true
		}
	}
	return false
}

// isValidTag is encoding/json's rule for names a json tag may set.
func isValidTag(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		switch {
		case strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c):
			// Backslash and quote chars are reserved, but otherwise any
			// punctuation chars are allowed in a tag name.
		case !unicode.IsLetter(c) && !unicode.IsDigit(c):
			return false
		}
	}
	return true
}
