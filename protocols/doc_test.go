package protocols

import (
	"flag"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the README's generated sections")

const (
	callsStart = "<!-- supported-calls:start (generated from protocols; go test ./protocols -update) -->\n"
	callsEnd   = "<!-- supported-calls:end -->"
)

// TestREADMESupportedCalls keeps the README's list of supported calls
// equal to the protocol tables.
func TestREADMESupportedCalls(t *testing.T) {
	const readme = "../README.md"
	data, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	i, j := strings.Index(text, callsStart), strings.Index(text, callsEnd)
	if i < 0 || j < i {
		t.Fatalf("README.md lacks the markers %q and %q", callsStart, callsEnd)
	}
	want := SupportedCallsMarkdown(Libraries())
	got := text[i+len(callsStart) : j]
	if got == want {
		return
	}
	if *update {
		text = text[:i+len(callsStart)] + want + text[j:]
		if err := os.WriteFile(readme, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README.md's supported calls are out of date: run go test ./protocols -update")
}

// TestTables checks the tables for mistakes the compiler cannot see.
func TestTables(t *testing.T) {
	for _, lib := range Libraries() {
		for name, c := range lib.Calls {
			if !strings.Contains(name, lib.Path+".") && c.Handler == nil {
				// Only a registration of a handler (net/http's
				// HandleFunc for a WebSocket) may be another package's.
				t.Errorf("%s: call %s is not in package %s", lib.Name, name, lib.Path)
			}
			if c.Action != Send && c.Action != Receive {
				t.Errorf("%s: %s: bad action %q", lib.Name, name, c.Action)
			}
			if len(c.Address) == 0 {
				t.Errorf("%s: %s: no address path", lib.Name, name)
			}
			for _, p := range append(append([]Path{c.Payload, c.Key}, c.Address...), settingPaths(c)...) {
				if p.Root == RootMessage && c.Message.IsZero() && c.Handler == nil {
					t.Errorf("%s: %s: path %s is from the message, but the call has no Message path", lib.Name, name, p)
				}
			}
		}
		for name := range lib.Constructors {
			if !strings.Contains(name, lib.Path+".") {
				t.Errorf("%s: constructor %s is not in package %s", lib.Name, name, lib.Path)
			}
		}
	}
}

func settingPaths(c Call) []Path {
	var out []Path
	for _, p := range c.Settings {
		out = append(out, p)
	}
	return out
}
