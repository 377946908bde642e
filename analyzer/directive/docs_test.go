package directive

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestDocs keeps docs/directives.md in step with the parser: every verb
// has a heading, every directive in a Go example parses, and every error
// shown in a text example is one the parser gives.
func TestDocs(t *testing.T) {
	b, err := os.ReadFile("../../docs/directives.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(b)
	for _, v := range Verbs() {
		heading := regexp.MustCompile("(?m)^#+ `" + regexp.QuoteMeta(prefix+string(v)) + "`$")
		if !heading.MatchString(doc) {
			t.Errorf("docs/directives.md has no heading ### `%s%s`", prefix, v)
		}
	}

	var msgs []string
	for _, tc := range invalid {
		msgs = append(msgs, tc.msg)
	}
	diag := regexp.MustCompile(`^\S+:\d+:\d+: (.*)$`)
	var lang string // of the fenced block we are in, "" outside
	for n, line := range strings.Split(doc, "\n") {
		if rest, ok := strings.CutPrefix(line, "```"); ok {
			if lang == "" {
				lang = rest
			} else {
				lang = ""
			}
			continue
		}
		switch lang {
		case "go":
			i := strings.Index(line, prefix)
			if i < 0 {
				continue
			}
			if _, ok, err := Parse(line[i:]); !ok || err != nil {
				t.Errorf("docs/directives.md:%d: example %q: ok %v, %v", n+1, line[i:], ok, err)
			}
		case "text":
			if m := diag.FindStringSubmatch(line); m != nil && !slices.Contains(msgs, m[1]) {
				t.Errorf("docs/directives.md:%d: message %q is not one the tests expect", n+1, m[1])
			}
		}
	}
}
