package speccheck

import (
	"maps"
	"slices"
	"testing"
)

// ValidateAll is the helper for other packages' tests: it runs Check on each
// document and the official parser on all of them in one batch, and reports
// every problem and every parser error through t.Errorf, naming the
// document. A missing node/npm is reported as a failure, not a skip: CI must
// have them.
//
// Importing "testing" here is fine: since Go 1.13 its flags are registered
// by testing.Init (called from a test main), not at import time.
func ValidateAll(t testing.TB, docs map[string][]byte) {
	t.Helper()
	names := slices.Sorted(maps.Keys(docs))
	for _, name := range names {
		for _, p := range Check(docs[name]) {
			t.Errorf("%s: speccheck: %s", name, p)
		}
	}
	diags, err := Official(docs)
	if err != nil {
		t.Errorf("%v", err) // already says what is missing
		return
	}
	for _, name := range names {
		for _, d := range Errors(diags[name]) {
			t.Errorf("%s: @asyncapi/parser: %s", name, d)
		}
	}
}
