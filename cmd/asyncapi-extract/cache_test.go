package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The tests run the command many times on the same inputs: each run must
// do the work (a second golden run checks determinism), so the cache is
// off but in TestCache.
func TestMain(m *testing.M) {
	os.Setenv("ASYNCAPI_EXTRACT_CACHE", "off")
	os.Exit(m.Run())
}

// A second run with nothing changed reuses the first one's document and
// diagnostics; a change to a file of the module, or to a flag, runs the
// analysis again; --no-cache always does.
func TestCache(t *testing.T) {
	t.Setenv("ASYNCAPI_EXTRACT_CACHE", t.TempDir())
	dir := libModule(t, map[string]string{
		"pub/pub.go": `package pub

import (
	"context"
	"encoding/json"
	"os"

	"github.com/segmentio/kafka-go"
)

type Order struct {
	ID string ` + "`json:\"id\"`" + `
}

func Publish(ctx context.Context, o Order) error {
	w := &kafka.Writer{Topic: "orders"}
	b, _ := json.Marshal(o)
	_ = w.WriteMessages(ctx, kafka.Message{Topic: os.Getenv("T"), Value: b})
	return w.WriteMessages(ctx, kafka.Message{Value: b})
}
`,
	})
	run := func(args ...string) (string, string) {
		t.Helper()
		stdout, stderr, code := runCommand(t, append([]string{"-C", dir}, args...)...)
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		return stdout, stderr
	}
	n := generations
	out1, err1 := run()
	if !strings.Contains(err1, "cannot resolve the channel address") {
		t.Fatalf("no diagnostic to replay:\n%s", err1)
	}
	out2, err2 := run()
	if generations != n+1 {
		t.Errorf("%d analyses for two runs with nothing changed, want 1", generations-n)
	}
	if out2 != out1 || err2 != err1 {
		t.Errorf("the cached run differs:\n%s\n%s\nvs\n%s\n%s", out1, err1, out2, err2)
	}

	run("--positions")
	if generations != n+2 {
		t.Error("a new flag did not run the analysis again")
	}
	run("--no-cache")
	if generations != n+3 {
		t.Error("--no-cache did not run the analysis again")
	}

	// A change to a file the build does not see keeps the entry.
	if err := os.WriteFile(filepath.Join(dir, "README.md"), []byte("notes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	run()
	if generations != n+3 {
		t.Error("a change to README.md ran the analysis again")
	}
	// A change to the code does not.
	src := filepath.Join(dir, "pub", "pub.go")
	data, _ := os.ReadFile(src)
	if err := os.WriteFile(src, []byte(strings.Replace(string(data), `Topic: "orders"`, `Topic: "orders.v2"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	out3, _ := run()
	if generations != n+4 || !strings.Contains(out3, "address: orders.v2") {
		t.Errorf("a change to the code was not seen (%d analyses):\n%s", generations-n, out3)
	}

	// A file edited while a run loads the packages (after the key was
	// computed) may be in its result: that run is not stored, or the
	// next run with the file as it was would get it.
	v2 := []byte(strings.Replace(string(data), `Topic: "orders"`, `Topic: "orders.v2"`, 1))
	v3 := []byte(strings.Replace(string(data), `Topic: "orders"`, `Topic: "orders.v3"`, 1))
	testHookGenerate = func() {
		if err := os.WriteFile(src, v3, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	defer func() { testHookGenerate = func() {} }()
	if out, _ := run("--positions"); !strings.Contains(out, "address: orders.v3") {
		t.Fatalf("the hook did not edit the file during the run:\n%s", out)
	}
	testHookGenerate = func() {}
	if err := os.WriteFile(src, v2, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, _ := run("--positions"); !strings.Contains(out, "address: orders.v2") {
		t.Errorf("a run during which a file changed was stored:\n%s", out)
	}
}
