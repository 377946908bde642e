package schema

import (
	"bytes"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"testing"
)

// TestEncodingJSONCompat checks the properties and required members of
// JCOuter against what encoding/json writes: all properties for a value
// with every field set, the required ones for the zero value.
func TestEncodingJSONCompat(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "jsoncompat_types_test.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := new(types.Config).Check("example.com/jc", fset, []*ast.File{f}, nil)
	if err != nil {
		t.Fatal(err)
	}
	g := NewGenerator()
	g.Add(pkg.Scope().Lookup("JCOuter").Type())
	set := g.Build()
	i := slices.IndexFunc(set.Components(), func(c Component) bool { return c.Name == "JCOuter" })
	if i < 0 {
		t.Fatal("no component JCOuter")
	}
	s := set.Components()[i].Schema
	properties, _ := s.ExtraProperties[propertyOrderKey].([]string)

	n := 1
	full := JCOuter{
		jcBase:     jcBase{ID: "id", Name: "name"},
		jcAudit:    &jcAudit{CreatedBy: "me", Name: "name", Note: "note"},
		jcInner:    jcInner{Exported: 1},
		jcLevel2:   jcLevel2{ID: 1, Extra: 1},
		JCLabels:   JCLabels{"a"},
		jcCode:     1,
		jcTagged:   jcTagged{Value: 1},
		jcUntagged: jcUntagged{Value: 1, Other: 1},
		jcDeep:     jcDeep{jcDeeper{Own: 1, Deep: 1}},
		jcTwiceA:   jcTwiceA{jcTwice{1}},
		jcTwiceB:   jcTwiceB{jcTwice{1}},
		jcPoint:    jcPoint{1, 1},
		Own:        "own",
		Skip:       1,
		Dash:       1,
		Empty:      "x",
		Point:      jcPoint{1, 1},
		PointZ:     jcPoint{1, 1},
		Arr:        [2]int{1, 1},
		Ptr:        &n,
		Quoted:     1,
		Map:        map[string]int{"a": 1},
		Named:      jcBase{ID: "id"},
		Bad:        1,
	}
	// Arr0, a [0]int, is always empty, so omitempty always omits it.
	want := slices.DeleteFunc(slices.Clone(properties), func(name string) bool { return name == "Arr0" })
	if got := jsonKeys(t, full); !slices.Equal(want, got) {
		t.Errorf("properties:\n       schema %q\nencoding/json %q", want, got)
	}
	if got := jsonKeys(t, JCOuter{}); !slices.Equal(s.Required, got) {
		t.Errorf("required:\n       schema %q\nencoding/json %q", s.Required, got)
	}
}

// jsonKeys returns the member names of the JSON object v, in order.
func jsonKeys(t *testing.T, v any) []string {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil { // {
		t.Fatal(err)
	}
	var keys []string
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, key.(string))
		var value json.RawMessage
		if err := dec.Decode(&value); err != nil {
			t.Fatal(err)
		}
	}
	return keys
}
