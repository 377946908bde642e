package schema

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"github.com/swaggest/jsonschema-go"
	"gopkg.in/yaml.v3"
)

func toYAML(t *testing.T, s *jsonschema.Schema) string {
	t.Helper()
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(Node(s)); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestRefUnknown refers to types that Build never saw: they are inlined,
// with $refs to the components they reach, and recursion ends in {}.
func TestRefUnknown(t *testing.T) {
	prog, _ := load(t, mainOnly(`
type Known struct{ K int }

type Unknown struct {
	Known Known
	Self  *Unknown
}
`))
	g := NewGenerator()
	g.Add(prog.typeOf(t, "Known"))
	set := g.Build()
	got := toYAML(t, set.Ref(prog.typeOf(t, "*Unknown")))
	want := `type: object
properties:
  Known:
    $ref: '#/components/schemas/Known'
  Self: {}
required:
  - Known
  - Self
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// TestGrowingGeneric checks that a generic type instantiating itself with
// ever larger arguments, which go/types reports as an error but still
// builds, does not make Build run forever: the analyzer may be given
// packages with errors.
func TestGrowingGeneric(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "grow.go", `package p

type Grow[T any] struct {
	Value T
	Next  *Grow[[]T]
}
`, 0)
	if err != nil {
		t.Fatal(err)
	}
	var errs []error
	conf := types.Config{Error: func(err error) { errs = append(errs, err) }}
	pkg, _ := conf.Check("p", fset, []*ast.File{f}, nil)
	if len(errs) == 0 {
		t.Fatal("no instantiation cycle error; the test needs another example")
	}
	grow := pkg.Scope().Lookup("Grow").Type().(*types.Named)
	inst, err := types.Instantiate(nil, grow, []types.Type{types.Typ[types.Int]}, false)
	if err != nil {
		t.Fatal(err)
	}
	g := NewGenerator()
	g.Add(inst)
	comps := g.Build().Components()
	if len(comps) == 0 || len(comps) > maxDepth {
		t.Fatalf("%d components, want 1 to %d", len(comps), maxDepth)
	}
	if comps[0].Name != "Grow_int" {
		t.Errorf("first component is %s, want Grow_int", comps[0].Name)
	}
}

// TestNodeProperties checks that Node writes properties in the recorded
// order, then unlisted ones sorted, skipping listed names that are absent,
// and never prints the order itself.
func TestNodeProperties(t *testing.T) {
	s := &jsonschema.Schema{
		Properties: map[string]jsonschema.SchemaOrBool{
			"b": jsonschema.String.ToSchemaOrBool(),
			"a": jsonschema.String.ToSchemaOrBool(),
			"z": jsonschema.String.ToSchemaOrBool(),
			"y": jsonschema.String.ToSchemaOrBool(),
		},
		ExtraProperties: map[string]any{
			propertyOrderKey: []string{"z", "gone", "b"},
			"x-b":            "true",
			"x-a":            []string{"", "null", "1.0"},
		},
	}
	got := toYAML(t, s)
	want := `properties:
  z:
    type: string
  b:
    type: string
  a:
    type: string
  y:
    type: string
x-a:
  - ""
  - "null"
  - "1.0"
x-b: "true"
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if strings.Contains(got, propertyOrderKey) {
		t.Errorf("%s printed", propertyOrderKey)
	}
}
