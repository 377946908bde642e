package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/asyncapi-extract/asyncapi-extract/internal/testmod"
)

func exampleDir(t *testing.T) string {
	t.Helper()
	if err := testmod.Download(); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(testmod.Dir(), "example")
}

// writeModule writes a throwaway module with the given files.
func writeModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	files["go.mod"] = "module example.com/tmp\n\ngo 1.26.0\n"
	testmod.WriteFiles(t, dir, files)
	return dir
}

func TestOutputFileFormats(t *testing.T) {
	dir := exampleDir(t)
	out := t.TempDir()
	yamlOut, _, code := runCommand(t, "-C", dir)
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	for _, tc := range []struct {
		file   string
		args   []string
		isJSON bool
	}{
		{file: "spec.yaml"},
		{file: "spec.yml"},
		{file: "spec.json", isJSON: true},
		{file: "spec.txt", args: []string{"--format", "json"}, isJSON: true},
		{file: "spec.json", args: []string{"--format", "yaml"}},
	} {
		path := filepath.Join(out, tc.file)
		args := append([]string{"-C", dir, "-o", path}, tc.args...)
		stdout, stderr, code := runCommand(t, args...)
		if code != exitOK || stdout != "" {
			t.Fatalf("%v: exit %d, stdout %q, stderr %s", args, code, stdout, stderr)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var got, want any
		if tc.isJSON {
			if err := json.Unmarshal(data, &got); err != nil {
				t.Fatalf("%v: not JSON: %v", args, err)
			}
		} else if err := yaml.Unmarshal(data, &got); err != nil || data[0] == '{' {
			t.Fatalf("%v: not YAML: %v", args, err)
		} else if string(data) != yamlOut {
			t.Errorf("%v: the file differs from the document printed on stdout", args)
		}
		if err := yaml.Unmarshal([]byte(yamlOut), &want); err != nil {
			t.Fatal(err)
		}
		if !jsonEqual(t, got, want) {
			t.Errorf("%v: the document's content differs from the YAML one", args)
		}
		os.Remove(path)
	}
}

func jsonEqual(t *testing.T, a, b any) bool {
	t.Helper()
	ja, err1 := json.Marshal(a)
	jb, err2 := json.Marshal(b)
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	return string(ja) == string(jb)
}

func TestUsageErrors(t *testing.T) {
	dir := exampleDir(t)
	for _, args := range [][]string{
		{"--format", "xml"},
		{"-o", filepath.Join(t.TempDir(), "spec.txt")},
		{"-C", filepath.Join(t.TempDir(), "missing")},
		{"--no-such-flag"},
	} {
		_, stderr, code := runCommand(t, append([]string{"-C", dir}, args...)...)
		if code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
		if !strings.Contains(stderr, "asyncapi-extract") && !strings.Contains(stderr, "flag") {
			t.Errorf("%v: unclear message %q", args, stderr)
		}
	}
}

func TestHelpListsExitCodes(t *testing.T) {
	stdout, _, code := runCommand(t, "--help")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"EXIT CODES", "--output", "--format", "--tags", "--title", "--version", "--positions", "-C", "--include-tests"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("--help does not mention %s", want)
		}
	}
}

// A package with a type error is reported at its position, and an
// existing output file is left as it was.
func TestLoadErrorKeepsOutput(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"bad/bad.go": "package bad\n\nfunc f() int { return \"x\" }\n",
	})
	spec := filepath.Join(dir, "spec.yaml")
	if err := os.WriteFile(spec, []byte("keep me\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := runCommand(t, "-C", dir, "-o", "spec.yaml", "./...")
	if code != exitLoad {
		t.Fatalf("exit %d, want %d; stderr %s", code, exitLoad, stderr)
	}
	if stdout != "" {
		t.Errorf("stdout %q, want nothing", stdout)
	}
	if !regexp.MustCompile(`bad\.go:3:\d+: .*cannot use "x"`).MatchString(stderr) {
		t.Errorf("stderr lacks a positioned type error:\n%s", stderr)
	}
	if data, _ := os.ReadFile(spec); string(data) != "keep me\n" {
		t.Errorf("spec.yaml was changed to %q", data)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}

func TestNoPackages(t *testing.T) {
	dir := writeModule(t, map[string]string{})
	_, stderr, code := runCommand(t, "-C", dir, "./nothing/...")
	if code != exitLoad {
		t.Errorf("exit %d, want %d; stderr %s", code, exitLoad, stderr)
	}
	if stderr == "" {
		t.Error("no message")
	}
}

// A module without operations still gives a valid, empty document.
func TestNoOperations(t *testing.T) {
	dir := writeModule(t, map[string]string{"a/a.go": "package a\n"})
	stdout, stderr, code := runCommand(t, "-C", dir, "--title", "Empty", "--version", "0.1.0")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := "asyncapi: 3.0.0\ninfo:\n  title: Empty\n  version: 0.1.0\n  description: Messages that example.com/tmp sends and receives, extracted from its Go source by asyncapi-extract.\n"
	if stdout != want {
		t.Errorf("got\n%s\nwant\n%s", stdout, want)
	}
}

func TestUnresolvedAddressDiagnostic(t *testing.T) {
	if err := testmod.Download(); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := runCommand(t, "-C", testmod.Dir(), "./kafkago/writer")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := regexp.MustCompile(`(?m)^kafkago/writer/writer\.go:\d+:\d+: cannot resolve the channel address of \(\*kafka\.Writer\)\.WriteMessages: os\.Getenv\("DLQ_TOPIC"\) \(name it with //asyncapi:channel <address> above the call\)$`)
	if !want.MatchString(stderr) {
		t.Errorf("stderr:\n%s", stderr)
	}
}

func TestTagsAndTests(t *testing.T) {
	if err := testmod.Download(); err != nil {
		t.Fatal(err)
	}
	channels := func(args ...string) []string {
		t.Helper()
		stdout, stderr, code := runCommand(t, append([]string{"-C", testmod.Dir()}, args...)...)
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		var doc struct {
			Channels map[string]any `yaml:"channels"`
		}
		if err := yaml.Unmarshal([]byte(stdout), &doc); err != nil {
			t.Fatal(err)
		}
		var names []string
		for name := range doc.Channels {
			names = append(names, name)
		}
		return sortedStrings(names)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"./cli/tagged"}, "always"},
		{[]string{"--tags", "extra", "./cli/tagged"}, "always extra"},
		{[]string{"--include-tests", "./cli/tagged"}, "always from-test"},
		{[]string{"--include-tests", "--tags", "extra", "./cli/tagged"}, "always extra from-test"},
	} {
		if got := strings.Join(channels(tc.args...), " "); got != tc.want {
			t.Errorf("%v: channels %q, want %q", tc.args, got, tc.want)
		}
	}
}

func sortedStrings(s []string) []string {
	sort.Strings(s)
	return s
}

// libModule writes a throwaway module that can import the client
// libraries: it requires what the testdata module requires.
func libModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	testmod.WriteModule(t, dir, "example.com/tmp", files)
	return dir
}

// A package with errors: without --keep-going nothing is written (exit
// 3); with it, the document of the other packages is, including one
// that imports the broken package, and the exit code says it is partial.
func TestKeepGoing(t *testing.T) {
	dir := libModule(t, map[string]string{
		"bad/bad.go": "package bad\n\nconst Topic = \"orders\"\n\nfunc f() int { return \"x\" }\n",
		"pub/pub.go": `package pub

import (
	"context"
	"encoding/json"

	"github.com/segmentio/kafka-go"

	"example.com/tmp/bad"
)

type Order struct {
	ID string ` + "`json:\"id\"`" + `
}

func Publish(ctx context.Context, w *kafka.Writer, o Order) error {
	b, _ := json.Marshal(o)
	return w.WriteMessages(ctx, kafka.Message{Topic: bad.Topic, Value: b})
}
`,
	})
	spec := filepath.Join(dir, "spec.yaml")
	if err := os.WriteFile(spec, []byte("keep me\n"), 0o600); err != nil {
		t.Fatal(err)
	}

	_, stderr, code := runCommand(t, "-C", dir, "-o", "spec.yaml")
	if code != exitLoad {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitLoad, stderr)
	}
	if !strings.Contains(stderr, "bad/bad.go:5:") || !strings.Contains(stderr, "--keep-going") {
		t.Errorf("stderr lacks the positioned error or the hint:\n%s", stderr)
	}
	if data, _ := os.ReadFile(spec); string(data) != "keep me\n" {
		t.Errorf("spec.yaml was changed to %q", data)
	}

	_, stderr, code = runCommand(t, "-C", dir, "-o", "spec.yaml", "--keep-going")
	if code != exitPartial {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitPartial, stderr)
	}
	data, _ := os.ReadFile(spec)
	var doc struct {
		Channels map[string]struct {
			Address string `yaml:"address"`
		} `yaml:"channels"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Channels["orders"].Address != "orders" {
		t.Errorf("the importer of the broken package was not analysed:\n%s", data)
	}
	// The file keeps its mode when replaced.
	if st, err := os.Stat(spec); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, %v; want 0600", st.Mode().Perm(), err)
	}
}
