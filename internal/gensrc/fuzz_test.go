package gensrc

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"runtime"
	"testing"

	"github.com/asyncapi-extract/asyncapi-extract/emit"
	"github.com/asyncapi-extract/asyncapi-extract/emit/speccheck"
	"github.com/asyncapi-extract/asyncapi-extract/internal/driver"
)

// expandSeed makes n pseudo-random bytes of a name, for seeds that
// exercise more than hand-written bytes do.
func expandSeed(name string, n int) []byte {
	var out []byte
	h := sha256.Sum256([]byte(name))
	for len(out) < n {
		out = append(out, h[:]...)
		h = sha256.Sum256(h[:])
	}
	return out[:n]
}

// FuzzPipeline runs the whole pipeline, in process, on a generated
// module: load and analyse it (internal/driver), build the document,
// write it. Twice, with GOMAXPROCS 1 and 4, as packages are analysed in
// parallel: the bytes must be the same. The code compiles, so nothing may
// fail, and the document must pass emit/speccheck's checks.
//
// Each input costs two go/packages loads (about a second each); `go test`
// runs the seeds below.
func FuzzPipeline(f *testing.F) {
	for i := range 5 {
		f.Add(expandSeed(fmt.Sprint("pipeline ", i), 256))
	}
	f.Fuzz(func(t *testing.T, seed []byte) {
		if len(seed) > 4096 {
			return
		}
		files := Generate(seed)
		dir := writeModule(t, files)
		one := runPipeline(t, dir, 1, files)
		four := runPipeline(t, dir, 4, files)
		if !bytes.Equal(one, four) {
			t.Fatalf("GOMAXPROCS 1 and 4 give different documents:\n%s\n----\n%s", one, four)
		}
	})
}

// runPipeline runs the pipeline with GOMAXPROCS set to procs and returns
// the YAML document.
func runPipeline(t *testing.T, dir string, procs int, files map[string]string) []byte {
	t.Helper()
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
	fail := func(format string, args ...any) {
		t.Helper()
		for name, src := range files {
			t.Logf("%s:\n%s", name, src)
		}
		t.Fatalf(format, args...)
	}
	res, err := driver.Run(driver.Config{Dir: dir, Env: goEnv()})
	if err != nil {
		fail("driver.Run: %v", err)
	}
	if len(res.Errors) > 0 {
		fail("the generated packages have errors: %v", res.Errors)
	}
	doc, err := emit.Build(emit.Input{Fset: res.Fset, Operations: res.Operations, Docs: res.Docs,
		Directives: res.Directives, Declarations: res.Declarations},
		emit.Options{ModulePath: res.ModulePath, Positions: true, BaseDir: dir})
	if err != nil {
		fail("emit.Build: %v", err)
	}
	y, err := doc.YAML()
	if err != nil {
		fail("YAML: %v", err)
	}
	j, err := doc.JSON()
	if err != nil {
		fail("JSON: %v", err)
	}
	for _, data := range [][]byte{y, j} {
		if ps := speccheck.Check(data); len(ps) > 0 {
			fail("speccheck: %v\n%s", ps, data)
		}
	}
	if len(res.Operations) == 0 {
		fail("no operations found:\n%s", y)
	}
	return y
}
