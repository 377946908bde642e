package schema

import (
	"encoding/json"
	"go/token"
	"go/types"
	"reflect"
	"sync"
	"testing"

	"github.com/swaggest/jsonschema-go"
	"golang.org/x/tools/go/packages"

	"github.com/asyncapi-extract/asyncapi-extract/schema/internal/corpus"
)

// This file loads package corpus statically, as the analyzer would, and
// lists its payload types with a value of each, compiled in, for the
// parity and round-trip tests.

const corpusPath = "github.com/asyncapi-extract/asyncapi-extract/schema/internal/corpus"

// A corpusCase is a payload type: a type expression in the scope of
// package corpus and a value of the type.
type corpusCase struct {
	expr  string
	value any
}

// corpusCases lists every exported non-generic type of package corpus
// (TestCorpusCovered checks it) and some instances of its generic types.
var corpusCases = []corpusCase{
	{"Basics", corpus.Basics{}},
	{"Status", corpus.Status("")},
	{"Priority", corpus.Priority(0)},
	{"Level", corpus.Level(0)},
	{"Item", corpus.Item{}},
	{"Tagged", corpus.Tagged{}},
	{"Quoted", corpus.Quoted{}},
	{"Pointers", corpus.Pointers{}},
	{"Collections", corpus.Collections{}},
	{"Labels", corpus.Labels{}},
	{"IntKeys", corpus.IntKeys{}},
	{"Coord", corpus.Coord{}},
	{"TextKeys", corpus.TextKeys{}},
	{"Times", corpus.Times{}},
	{"Numbers", corpus.Numbers{}},
	{"IDs", corpus.IDs{}},
	{"Network", corpus.Network{}},
	{"Nulls", corpus.Nulls{}},
	{"Money", corpus.Money{}},
	{"Wallet", corpus.Wallet{}},
	{"Celsius", corpus.Celsius(0)},
	{"Reading", corpus.Reading{}},
	{"Token", corpus.Token{}},
	{"Color", corpus.Color(0)},
	{"Paint", corpus.Paint{}},
	{"Base", corpus.Base{}},
	{"Audit", corpus.Audit{}},
	{"Level2", corpus.Level2{}},
	{"Embedding", corpus.Embedding{}},
	{"Shadow", corpus.Shadow{}},
	{"Deep", corpus.Deep{}},
	{"Wrapper", corpus.Wrapper{}},
	{"TaggedEmbed", corpus.TaggedEmbed{}},
	{"TreeNode", corpus.TreeNode{}},
	{"LinkedList", corpus.LinkedList{}},
	{"Employee", corpus.Employee{}},
	{"Department", corpus.Department{}},
	{"Meta", corpus.Meta{}},
	{"Order", corpus.Order{}},
	{"Customer", corpus.Customer{}},
	{"Address", corpus.Address{}},
	{"Invoice", corpus.Invoice{}},
	{"Annotated", corpus.Annotated{}},
	{"Validated", corpus.Validated{}},
	{"OmitEmpty", corpus.OmitEmpty{}},
	{"Dynamic", corpus.Dynamic{}},
	{"Event", corpus.Event{}},
	{"Shipment", corpus.Shipment{}},
	{"Batch", corpus.Batch{}},
	{"Grid", corpus.Grid{}},
	{"Unsigned", corpus.Unsigned{}},
	{"Deprecated", corpus.Deprecated{}},
	{"Empty", corpus.Empty{}},
	{"Holder", corpus.Holder{}},
	{"Envelope[Order]", corpus.Envelope[corpus.Order]{}},
	{"Envelope[[]Item]", corpus.Envelope[[]corpus.Item]{}},
	{"Page[Item]", corpus.Page[corpus.Item]{}},
	{"Pair[string, Status]", corpus.Pair[string, corpus.Status]{}},
}

// loadedCorpus is package corpus as go/packages loads it, with the docs
// of it and its subpackage.
type loadedCorpus struct {
	fset *token.FileSet
	pkg  *types.Package
	docs MapDocs
}

var (
	corpusOnce sync.Once
	corpusLoad *loadedCorpus
	corpusErr  error
)

func loadCorpus(t testing.TB) *loadedCorpus {
	t.Helper()
	corpusOnce.Do(func() {
		cfg := &packages.Config{
			Mode: packages.NeedName | packages.NeedTypes | packages.NeedSyntax | packages.NeedTypesInfo |
				packages.NeedImports | packages.NeedDeps,
			Tests: false,
		}
		pkgs, err := packages.Load(cfg, corpusPath+"/...")
		if err != nil {
			corpusErr = err
			return
		}
		if packages.PrintErrors(pkgs) > 0 {
			corpusErr = errPackages
			return
		}
		lc := &loadedCorpus{docs: MapDocs{}}
		for _, p := range pkgs {
			lc.docs.Merge(DocsFromSyntax(p.PkgPath, p.Syntax))
			if p.PkgPath == corpusPath {
				lc.pkg, lc.fset = p.Types, p.Fset
			}
		}
		corpusLoad = lc
	})
	if corpusErr != nil {
		t.Fatal(corpusErr)
	}
	return corpusLoad
}

type constError string

func (e constError) Error() string { return string(e) }

const errPackages = constError("package corpus has errors")

// typeOf evaluates a type expression in package corpus's scope.
func (lc *loadedCorpus) typeOf(t testing.TB, expr string) types.Type {
	t.Helper()
	tv, err := types.Eval(lc.fset, lc.pkg, token.NoPos, expr)
	if err != nil || !tv.IsType() {
		t.Fatalf("%s: %v", expr, err)
	}
	return tv.Type
}

// build makes the set of all corpus cases.
func (lc *loadedCorpus) build(t testing.TB) *Set {
	g := NewGenerator()
	g.SetDocs(lc.docs)
	for _, c := range corpusCases {
		g.Add(lc.typeOf(t, c.expr))
	}
	return g.Build()
}

// TestCorpusCovered checks that corpusCases lists every exported
// non-generic type of package corpus, with a value of that type.
func TestCorpusCovered(t *testing.T) {
	lc := loadCorpus(t)
	listed := map[string]bool{}
	for _, c := range corpusCases {
		listed[c.expr] = true
		st := lc.typeOf(t, c.expr)
		rt := reflect.TypeOf(c.value)
		if got, want := rt.Name(), types.TypeString(st, func(*types.Package) string { return "" }); rt.PkgPath() != "" && !sameTypeName(got, want) {
			t.Errorf("%s: value of type %s", c.expr, rt)
		}
	}
	n := 0
	scope := lc.pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || !tn.Exported() {
			continue
		}
		if named, ok := tn.Type().(*types.Named); ok && named.TypeParams().Len() > 0 {
			continue
		}
		n++
		if !listed[name] {
			t.Errorf("corpus type %s is not in corpusCases", name)
		}
	}
	if n < 40 {
		t.Errorf("corpus has %d types, want at least 40", n)
	}
}

// sameTypeName compares reflect's and go/types' spellings of a type
// name, which differ for instances (reflect qualifies type arguments by
// import path).
func sameTypeName(reflectName, typesName string) bool {
	cut := func(s string) string {
		for i, r := range s {
			if r == '[' {
				return s[:i]
			}
		}
		return s
	}
	return cut(reflectName) == cut(typesName)
}

// toAny converts a schema to generic JSON values as a JSON decoder
// yields them (numbers are float64), through Node, as the emitter writes
// it.
func toAny(t testing.TB, s *jsonschema.Schema) any {
	t.Helper()
	var v any
	if err := Node(s).Decode(&v); err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatal(err)
	}
	return out
}
