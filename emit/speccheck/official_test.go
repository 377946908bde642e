package speccheck

import (
	"fmt"
	"strings"
	"testing"
)

// officialCatches lists what the official parser does catch: a testdata
// document and the path and a message substring of one expected error.
var officialCatches = map[string]want{
	"missing-info-title.yaml":   {"/info", `"title"`},
	"missing-info-version.yaml": {"/info", `"version"`},
	"kafka-groupid-string.yaml": {"/operations/o/bindings/kafka/groupId", "must be object"},
	"bindings-unknown.yaml":     {"/servers/s/bindings/tcp", `"tcp" is not expected`},
	"not-yaml.json":             {"", ""},
}

var validDocs = []string{"valid-kafka.yaml", "valid-reply.json", "valid-unwritable-address.yaml"}

// TestOfficial runs the official parser over the valid documents and those
// in officialCatches in one batch: the valid ones must have zero errors, and
// the parser must flag what it is known to catch, so that a broken harness
// cannot pass everything.
func TestOfficial(t *testing.T) {
	t.Parallel()
	docs := map[string][]byte{}
	for _, name := range validDocs {
		docs[name] = readTestdata(t, name)
	}
	for name := range officialCatches {
		docs[name] = readTestdata(t, name)
	}
	diags, err := Official(docs)
	if err != nil {
		t.Fatal(err)
	}
	if len(diags) != len(docs) {
		t.Fatalf("Official returned %d results for %d documents", len(diags), len(docs))
	}
	for _, name := range validDocs {
		if errs := Errors(diags[name]); len(errs) > 0 {
			t.Errorf("%s: official parser errors: %v", name, errs)
		}
	}
	for name, want := range officialCatches {
		found := false
		for _, d := range Errors(diags[name]) {
			found = found || d.Path == want.path && strings.Contains(d.Message, want.msg)
		}
		if !found {
			t.Errorf("%s: official parser did not report %v; got %v", name, want, diags[name])
		}
	}
}

// recorder captures what ValidateAll reports.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

func TestValidateAll(t *testing.T) {
	t.Parallel()
	r := &recorder{TB: t}
	ValidateAll(r, map[string][]byte{
		"good": readTestdata(t, "valid-kafka.yaml"),
		"bad":  readTestdata(t, "missing-info-title.yaml"),
	})
	var check, official bool
	for _, e := range r.errs {
		if !strings.HasPrefix(e, "bad: ") {
			t.Errorf("unexpected report: %s", e)
		}
		check = check || strings.HasPrefix(e, "bad: speccheck: /info/title")
		official = official || strings.HasPrefix(e, "bad: @asyncapi/parser: /info")
	}
	if !check || !official {
		t.Errorf("want both a speccheck and a parser report for bad, got %q", r.errs)
	}
}

func TestOfficialEmpty(t *testing.T) {
	got, err := Official(nil)
	if err != nil || len(got) != 0 {
		t.Errorf("Official(nil) = %v, %v", got, err)
	}
}
