package textdiff

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestUnified(t *testing.T) {
	for _, tc := range []struct {
		name, a, b, want string
	}{
		{"equal", "a\nb\n", "a\nb\n", ""},
		{"change", "a\nb\nc\n", "a\nB\nc\n", "--- x\n+++ y\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"},
		{"add to empty", "", "a\n", "--- x\n+++ y\n@@ -0,0 +1 @@\n+a\n"},
		{"delete all", "a\n", "", "--- x\n+++ y\n@@ -1 +0,0 @@\n-a\n"},
	} {
		if got := Unified("x", "y", []byte(tc.a), []byte(tc.b)); got != tc.want {
			t.Errorf("%s: got\n%q\nwant\n%q", tc.name, got, tc.want)
		}
	}
}

// TestAgainstDiff compares hunks with GNU diff -u on a longer text, when
// diff is installed.
func TestAgainstDiff(t *testing.T) {
	if _, err := exec.LookPath("diff"); err != nil {
		t.Skip("no diff on PATH")
	}
	var a, b []string
	for i := 0; i < 60; i++ {
		line := strings.Repeat("x", i%7) + string(rune('a'+i%26)) + "\n"
		a = append(a, line)
		switch {
		case i%17 == 3:
			b = append(b, "changed "+line)
		case i%23 == 5:
			// deleted
		default:
			b = append(b, line)
		}
		if i == 40 {
			b = append(b, "inserted\n")
		}
	}
	dir := t.TempDir()
	af, bf := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	os.WriteFile(af, []byte(strings.Join(a, "")), 0o644)
	os.WriteFile(bf, []byte(strings.Join(b, "")), 0o644)
	out, _ := exec.Command("diff", "-u", "--label", "a", "--label", "b", af, bf).Output()
	got := Unified("a", "b", []byte(strings.Join(a, "")), []byte(strings.Join(b, "")))
	if got != string(out) {
		t.Errorf("differs from diff -u:\ngot:\n%s\nwant:\n%s", got, out)
	}
}
