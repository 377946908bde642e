package main

// Bad input never loses the user's work: each way a code base, its build
// configuration or the command line can go wrong gives a clear message
// (at its file:line:col where there is one) and an exit code, and an
// existing output file is replaced only by a run that succeeded (or a
// --keep-going one), atomically.

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/asyncapi-extract/asyncapi-extract/emit/speccheck"
	"github.com/asyncapi-extract/asyncapi-extract/internal/testmod"
)

const (
	// noDocument ends the stderr of a run that fails on package errors.
	noDocument = "asyncapi-extract: %d error(s); no document written (--keep-going writes what could be analysed)\n"
	// partialDocument ends the stderr of a --keep-going run with errors.
	partialDocument = "asyncapi-extract: %d error(s); the document lacks what those packages would give\n"
)

// kafkaFile is a file of package pkg whose function fn sends to topic with
// kafka-go (the WriteMessages call is on line 10).
func kafkaFile(pkg, fn, topic string) string {
	return fmt.Sprintf(`package %s

import (
	"context"

	"github.com/segmentio/kafka-go"
)

func %s(ctx context.Context, w *kafka.Writer) error {
	return w.WriteMessages(ctx, kafka.Message{Topic: %q, Value: []byte("x")})
}
`, pkg, fn, topic)
}

// robustDoc is what the tests read of a document.
type robustDoc struct {
	Info struct {
		Title       string `yaml:"title"`
		Version     string `yaml:"version"`
		Description string `yaml:"description"`
	} `yaml:"info"`
	Channels map[string]struct {
		Address string `yaml:"address"`
	} `yaml:"channels"`
	Operations map[string]struct {
		Source []string `yaml:"x-go-source"`
	} `yaml:"operations"`
	Components struct {
		Schemas map[string]struct {
			GoType string `yaml:"x-go-type"`
		} `yaml:"schemas"`
	} `yaml:"components"`
}

func parseDoc(t *testing.T, data string) robustDoc {
	t.Helper()
	var doc robustDoc
	if err := yaml.Unmarshal([]byte(data), &doc); err != nil {
		t.Fatalf("not YAML: %v\n%s", err, data)
	}
	return doc
}

// addresses returns the sorted channel addresses of a document.
func (d robustDoc) addresses() []string {
	var out []string
	for _, ch := range d.Channels {
		out = append(out, ch.Address)
	}
	slices.Sort(out)
	return out
}

// sources returns the sorted x-go-source entries of a document.
func (d robustDoc) sources() []string {
	var out []string
	for _, op := range d.Operations {
		out = append(out, op.Source...)
	}
	slices.Sort(out)
	return out
}

// keptSpec is the content of the output file the failing runs must leave.
const keptSpec = "# hand-checked\nkeep: me\n"

// writeSpec writes keptSpec to dir/name.
func writeSpec(t *testing.T, dir, name string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(keptSpec), 0o640); err != nil {
		t.Fatal(err)
	}
}

// assertKept checks that dir/name still holds keptSpec, with its mode,
// and that no temporary file was left in dir.
func assertKept(t *testing.T, dir, name string) {
	t.Helper()
	path := filepath.Join(dir, name)
	data, err := os.ReadFile(path)
	if err != nil || string(data) != keptSpec {
		t.Errorf("%s is %q (%v), want it untouched", name, data, err)
	}
	if st, err := os.Stat(path); err == nil && st.Mode().Perm() != 0o640 {
		t.Errorf("%s has mode %v, want 0640", name, st.Mode().Perm())
	}
	assertNoTemp(t, dir)
}

func assertNoTemp(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp") {
			t.Errorf("temporary file %s left in %s", e.Name(), dir)
		}
	}
}

// expect runs the command and checks its exit code and that stderr
// matches the regular expression want (anchored at both ends).
func expect(t *testing.T, code int, want string, args ...string) (stdout, stderr string) {
	t.Helper()
	stdout, stderr, got := runCommand(t, args...)
	if got != code {
		t.Errorf("%v: exit %d, want %d; stderr:\n%s", args, got, code, stderr)
	}
	if !regexp.MustCompile(`^(?s:` + want + `)$`).MatchString(stderr) {
		t.Errorf("%v: stderr\n%s\ndoes not match\n%s", args, stderr, want)
	}
	return stdout, stderr
}

// Case 1: a syntax error is reported once, at its position, without the
// spurious errors the parser adds after it on the same line or the
// compiler's copy; --keep-going writes the other packages' document.
func TestRobustSyntaxError(t *testing.T) {
	dir := libModule(t, map[string]string{
		"bad/bad.go":   "package bad\n\nfunc f( {\n",
		"good/good.go": kafkaFile("good", "Send", "orders"),
	})
	writeSpec(t, dir, "spec.yaml")
	wantErr := regexp.QuoteMeta(`bad/bad.go:3:9: expected ')', found '{'` + "\n")
	stdout, _ := expect(t, exitLoad, wantErr+regexp.QuoteMeta(fmt.Sprintf(noDocument, 1)), "-C", dir, "-o", "spec.yaml")
	if stdout != "" {
		t.Errorf("stdout %q", stdout)
	}
	assertKept(t, dir, "spec.yaml")

	stdout, _ = expect(t, exitPartial, wantErr+regexp.QuoteMeta(fmt.Sprintf(partialDocument, 1)), "-C", dir, "--keep-going")
	if got := parseDoc(t, stdout).addresses(); !slices.Equal(got, []string{"orders"}) {
		t.Errorf("channels %v, want [orders]", got)
	}
}

// Case 1: a package whose only error is an import that no module
// provides says so (not "invalid package name"); a type error's
// continuation lines keep their positions; lines and columns sort as
// numbers.
func TestRobustTypeErrors(t *testing.T) {
	// No network, no go.mod update: the message is the one of a
	// read-only module.
	t.Setenv("GOFLAGS", "-buildvcs=false")
	t.Setenv("GOPROXY", "off")
	dir := writeModule(t, map[string]string{
		"imp/imp.go": "package imp\n\nimport \"github.com/nosuch/pkg\"\n\nvar _ = pkg.X\n",
		"cyc/cyc.go": "package cyc\n\ntype Box[T any] struct{ V T }\n\ntype Grow[T any] struct {\n\tNext *Grow[Box[T]]\n}\n",
		// Columns 9 and 22 of line 5: in this order.
		"num/num.go": "package num\n\nvar (\n\t_ int = \"a\"\n_ int = \"b\"; _ int = \"c\"\n)\n\nvar _ = 1 + \"d\"\n",
	})
	writeSpec(t, dir, "spec.yaml")
	want := regexp.QuoteMeta(`cyc/cyc.go:5:11: instantiation cycle:
	cyc/cyc.go:6:13: T instantiated as Box[T]
imp/imp.go:3:8: could not import github.com/nosuch/pkg: no required module provides package github.com/nosuch/pkg; to add it: go get github.com/nosuch/pkg
num/num.go:4:10: cannot use "a" (untyped string constant) as int value in variable declaration
num/num.go:5:9: cannot use "b" (untyped string constant) as int value in variable declaration
num/num.go:5:22: cannot use "c" (untyped string constant) as int value in variable declaration
`) + `num/num.go:8:9: .*mismatched types.*\n` + regexp.QuoteMeta(fmt.Sprintf(noDocument, 6))
	expect(t, exitLoad, want, "-C", dir, "-o", "spec.yaml")
	assertKept(t, dir, "spec.yaml")

	// The missing import alone.
	expect(t, exitLoad, `imp/imp.go:3:8: could not import github.com/nosuch/pkg: no required module provides package .*\n`+regexp.QuoteMeta(fmt.Sprintf(noDocument, 1)),
		"-C", dir, "./imp")
}

// Case 2: no go.mod in the directory or above it.
func TestRobustNoModule(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.go"), []byte("package a\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GO111MODULE", "on")
	t.Setenv("GOWORK", "off")
	cmd := exec.Command("go", "env", "GOMOD")
	cmd.Dir = dir
	if out, err := cmd.Output(); err != nil || strings.TrimSpace(string(out)) != os.DevNull {
		t.Skipf("a go.mod above %s is in the way (GOMOD %q, %v)", dir, out, err)
	}
	for _, args := range [][]string{nil, {"./..."}, {"."}} {
		stdout, _ := expect(t, exitLoad, regexp.QuoteMeta("asyncapi-extract: no go.mod in "+dir+" or any directory above it: run asyncapi-extract in a Go module or workspace (or name one with -C), or create one with go mod init\n"),
			append([]string{"-C", dir}, args...)...)
		if stdout != "" {
			t.Errorf("stdout %q", stdout)
		}
	}
}

// Case 2: patterns that match nothing, directories that do not exist, no
// go command.
func TestRobustPatterns(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"a/a.go":       "package a\n",
		"empty/README": "no Go here\n",
	})
	writeSpec(t, dir, "spec.yaml")
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"./nope/..."}, exitLoad, regexp.QuoteMeta("asyncapi-extract: pattern ./nope/...: directory ./nope does not exist (in " + dir + ")\n")},
		{[]string{"./nope"}, exitLoad, regexp.QuoteMeta("asyncapi-extract: pattern ./nope: directory ./nope does not exist (in " + dir + ")\n")},
		{[]string{"./a/...", "./nope/..."}, exitLoad, regexp.QuoteMeta("asyncapi-extract: pattern ./nope/...: directory ./nope does not exist (in " + dir + ")\n")},
		{[]string{"./empty/..."}, exitLoad, regexp.QuoteMeta("asyncapi-extract: no packages match ./empty/...\n")},
		// A directory without Go files, even with --keep-going: no
		// empty document replaces the file.
		{[]string{"--keep-going", "./empty"}, exitLoad, regexp.QuoteMeta("no Go files in empty\nasyncapi-extract: no package to analyse; no document written\n")},
		{[]string{"-C", filepath.Join(dir, "nope")}, exitUsage, regexp.QuoteMeta("asyncapi-extract: -C " + filepath.Join(dir, "nope") + ": no such directory\n")},
		{[]string{"-C", filepath.Join(dir, "a", "a.go")}, exitUsage, regexp.QuoteMeta("asyncapi-extract: -C " + filepath.Join(dir, "a", "a.go") + ": not a directory\n")},
	} {
		args := append([]string{"-C", dir, "-o", "spec.yaml"}, tc.args...)
		expect(t, tc.code, tc.want, args...)
		assertKept(t, dir, "spec.yaml")
	}

	// Without the go command.
	t.Setenv("PATH", "")
	expect(t, exitLoad, regexp.QuoteMeta("asyncapi-extract: the go command is needed to load the packages, and it is not on PATH: install Go (https://go.dev/dl/) or add its bin directory to PATH\n"),
		"-C", dir, "-o", "spec.yaml")
	assertKept(t, dir, "spec.yaml")
}

// Case 3: cgo. With it, a package that imports "C" and one that uses
// confluent-kafka-go are analysed; without it, the files that import "C"
// are left out (a note names each) and the package using
// confluent-kafka-go does not type-check: a note at its import says that
// the library needs cgo.
func TestRobustCgo(t *testing.T) {
	dir := libModule(t, map[string]string{
		"c/c.go": `package c

// static int answer(void) { return 42; }
import "C"

import (
	"context"

	"github.com/segmentio/kafka-go"
)

func Answer() int { return int(C.answer()) }

func Send(ctx context.Context, w *kafka.Writer) error {
	return w.WriteMessages(ctx, kafka.Message{Topic: "from-cgo", Value: []byte("x")})
}
`,
		"c/pure.go": kafkaFile("c", "SendPure", "pure"),
		"cc/cc.go":  "package cc\n\nimport \"C\"\n",
		"ck/ck.go": `package ck

import "github.com/confluentinc/confluent-kafka-go/v2/kafka"

func Send(p *kafka.Producer, v []byte) error {
	topic := "confluent"
	return p.Produce(&kafka.Message{TopicPartition: kafka.TopicPartition{Topic: &topic}, Value: v}, nil)
}
`,
	})
	writeSpec(t, dir, "spec.yaml")

	t.Run("enabled", func(t *testing.T) {
		if _, err := exec.LookPath("gcc"); err != nil {
			if _, err := exec.LookPath("cc"); err != nil {
				t.Skip("no C compiler")
			}
		}
		t.Setenv("CGO_ENABLED", "1")
		stdout, _ := expect(t, exitOK, "", "-C", dir)
		if got := parseDoc(t, stdout).addresses(); !slices.Equal(got, []string{"confluent", "from-cgo", "pure"}) {
			t.Errorf("channels %v", got)
		}
	})

	t.Run("disabled", func(t *testing.T) {
		t.Setenv("CGO_ENABLED", "0")
		typeErrors := regexp.QuoteMeta(`ck/ck.go:5:20: undefined: kafka.Producer
ck/ck.go:7:26: undefined: kafka.Message
ck/ck.go:7:56: undefined: kafka.TopicPartition
`)
		leftOut := func(file string) string {
			return regexp.QuoteMeta(file + `: left out: this file needs cgo, which is disabled (CGO_ENABLED=0); set CGO_ENABLED=1, with a C compiler on PATH, to analyse it` + "\n")
		}
		needsCgo := regexp.QuoteMeta(`ck/ck.go:3:8: github.com/confluentinc/confluent-kafka-go/v2/kafka needs cgo, which is disabled (CGO_ENABLED=0): `) +
			`\d+` + regexp.QuoteMeta(` of its files are left out, and what ck uses of them is undefined; set CGO_ENABLED=1, with a C compiler on PATH`+"\n")
		expect(t, exitLoad, typeErrors+leftOut("c/c.go:4:8")+leftOut("cc/cc.go:3:8")+needsCgo+regexp.QuoteMeta(fmt.Sprintf(noDocument, 3)),
			"-C", dir, "-o", "spec.yaml")
		assertKept(t, dir, "spec.yaml")

		// A package that only cgo would give files: nothing to analyse,
		// even with --keep-going.
		expect(t, exitLoad, regexp.QuoteMeta("build constraints exclude all Go files in cc\n")+leftOut("cc/cc.go:3:8")+
			regexp.QuoteMeta("asyncapi-extract: no package to analyse; no document written\n"),
			"-C", dir, "-o", "spec.yaml", "--keep-going", "./cc")
		assertKept(t, dir, "spec.yaml")

		// Without errors, a left-out file is a note; the document has
		// what the other files do.
		stdout, _ := expect(t, exitOK, leftOut("c/c.go:4:8"), "-C", dir, "./c")
		if got := parseDoc(t, stdout).addresses(); !slices.Equal(got, []string{"pure"}) {
			t.Errorf("channels %v, want [pure]", got)
		}

		// --keep-going writes that document despite ck.
		expect(t, exitPartial, typeErrors+leftOut("c/c.go:4:8")+leftOut("cc/cc.go:3:8")+needsCgo+regexp.QuoteMeta(fmt.Sprintf(partialDocument, 3)),
			"-C", dir, "-o", "spec.yaml", "--keep-going")
		data, _ := os.ReadFile(filepath.Join(dir, "spec.yaml"))
		if got := parseDoc(t, string(data)).addresses(); !slices.Equal(got, []string{"pure"}) {
			t.Errorf("channels %v, want [pure]", got)
		}
		assertNoTemp(t, dir)
	})
}

// tcpFile is a file of package p, with a build constraint, whose function
// fn sends JSON over TCP to host:7000 (stdlib only: other GOOS values
// cost only the standard library's export data).
func tcpFile(constraint, fn, host string) string {
	if constraint != "" {
		constraint = "//go:build " + constraint + "\n\n"
	}
	return constraint + fmt.Sprintf(`package p

import (
	"encoding/json"
	"net"
)

func %s() error {
	conn, err := net.Dial("tcp", %q)
	if err != nil {
		return err
	}
	return json.NewEncoder(conn).Encode(map[string]string{"from": %q})
}
`, fn, host+":7000", host)
}

// Case 4: files are selected by //go:build constraints and file names,
// from --tags and GOOS in the environment, as go build selects them.
func TestRobustBuildConfig(t *testing.T) {
	dir := writeModule(t, map[string]string{
		"p/all.go":     tcpFile("", "All", "all"),
		"p/p_linux.go": tcpFile("", "OS", "linux"),
		// A constraint, not a file name, selects this one.
		"p/win.go":     tcpFile("windows", "OS", "windows"),
		"p/premium.go": tcpFile("premium && !windows", "Premium", "premium"),
		"p/other.go":   tcpFile("!linux && !windows", "OS", "other"),
	})
	for _, tc := range []struct {
		goos string
		args []string
		want string
	}{
		{"linux", nil, "all linux"},
		{"linux", []string{"--tags", "premium"}, "all linux premium"},
		{"linux", []string{"--tags", "premium,other"}, "all linux premium"},
		{"windows", nil, "all windows"},
		{"windows", []string{"--tags", "premium"}, "all windows"},
	} {
		t.Run(tc.goos+strings.Join(tc.args, ""), func(t *testing.T) {
			t.Setenv("GOOS", tc.goos)
			t.Setenv("GOARCH", "amd64")
			stdout, _ := expect(t, exitOK, "", append([]string{"-C", dir}, tc.args...)...)
			var hosts []string
			for _, a := range parseDoc(t, stdout).addresses() {
				hosts = append(hosts, strings.TrimSuffix(a, ":7000"))
			}
			if got := strings.Join(hosts, " "); got != tc.want {
				t.Errorf("channels %q, want %q", got, tc.want)
			}
		})
	}
}

// Case 7: a generated file is analysed like any other: a generated client
// is real code.
func TestRobustGeneratedFile(t *testing.T) {
	dir := libModule(t, map[string]string{
		"p/client.pb.go": "// Code generated by protoc-gen-kafka. DO NOT EDIT.\n// source: orders.proto\n\n" + kafkaFile("p", "SendOrder", "generated-orders"),
		"p/p.go":         kafkaFile("p", "SendAudit", "audit"),
	})
	stdout, _ := expect(t, exitOK, "", "-C", dir, "--positions")
	doc := parseDoc(t, stdout)
	if got := doc.addresses(); !slices.Equal(got, []string{"audit", "generated-orders"}) {
		t.Errorf("channels %v", got)
	}
	if got := doc.sources(); !slices.Equal(got, []string{"p/client.pb.go:13", "p/p.go:10"}) {
		t.Errorf("x-go-source %v", got)
	}
}

// Case 5: a module with a vendor directory (the go command then uses
// -mod=vendor): the same document as without it, and nothing of vendor/
// is the module's code, not even a vendored module of the same
// repository with a send of its own.
func TestRobustVendor(t *testing.T) {
	if err := testmod.Download(); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GOFLAGS", "-buildvcs=false") // no -mod=mod from the environment
	t.Setenv("GOPROXY", "off")             // vendoring needs nothing from the network
	sum := goSumLines(t, "github.com/gorilla/websocket ")
	root := t.TempDir()
	lib := filepath.Join(root, "lib")
	app := filepath.Join(root, "app")
	testmod.WriteFiles(t, lib, map[string]string{
		"go.mod": "module example.com/lib\n\ngo 1.26.0\n\nrequire github.com/gorilla/websocket v1.5.3\n",
		"go.sum": sum,
		"lib.go": wsFile("lib", "Dial", "wss://lib.example.com/feed"),
	})
	testmod.WriteFiles(t, app, map[string]string{
		"go.mod": "module example.com/app\n\ngo 1.26.0\n\nrequire (\n\texample.com/lib v0.0.0\n\tgithub.com/gorilla/websocket v1.5.3\n)\n\nreplace example.com/lib => ../lib\n",
		"go.sum": sum,
		"app/app.go": strings.Replace(wsFile("app", "Dial", "wss://app.example.com/feed"), "import (\n", "import (\n\t\"example.com/lib\"\n", 1) +
			"\nfunc UseLib() error { return lib.Dial() }\n",
	})

	before, _ := expect(t, exitOK, "", "-C", app, "--positions")
	cmd := exec.Command("go", "mod", "vendor")
	cmd.Dir = app
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go mod vendor: %v\n%s", err, out)
	}
	if _, err := os.Stat(filepath.Join(app, "vendor", "example.com", "lib", "lib.go")); err != nil {
		t.Fatal(err)
	}
	after, _ := expect(t, exitOK, "", "-C", app, "--positions")
	if after != before {
		t.Errorf("with vendor/:\n%s\nwithout:\n%s", after, before)
	}
	doc := parseDoc(t, after)
	if got := doc.sources(); !slices.Equal(got, []string{"app/app.go:13"}) {
		t.Errorf("x-go-source %v, want only app/app.go's call", got)
	}
	if got := doc.addresses(); !slices.Equal(got, []string{"/feed"}) {
		t.Errorf("channels %v", got)
	}
	if strings.Contains(after, "lib.example.com") {
		t.Errorf("the vendored library's call is in the document:\n%s", after)
	}
}

// wsFile is a file of package pkg whose function fn dials url with
// gorilla/websocket and sends JSON (the dial is on line 12).
func wsFile(pkg, fn, url string) string {
	return fmt.Sprintf(`package %s

import (
	"github.com/gorilla/websocket"
)

type Hello struct {
	Name string `+"`json:\"name\"`"+`
}

func %s() error {
	conn, _, err := websocket.DefaultDialer.Dial(%q, nil)
	if err != nil {
		return err
	}
	return conn.WriteJSON(Hello{Name: %q})
}
`, pkg, fn, url, pkg)
}

// goSumLines returns the lines of the testdata module's go.sum that
// start with prefix.
func goSumLines(t *testing.T, prefix string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(testmod.Dir(), "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for l := range strings.SplitSeq(string(data), "\n") {
		if strings.HasPrefix(l, prefix) {
			b.WriteString(l + "\n")
		}
	}
	return b.String()
}

// workspace writes a go.work workspace in a fresh directory with the
// modules example.com/<name> in ./<name>, each with a kafka-go producer
// of topic <name>-topic.
func workspace(t *testing.T, names ...string) string {
	t.Helper()
	dir := t.TempDir()
	work := "go 1.26.0\n\nuse (\n"
	for _, name := range names {
		testmod.WriteModule(t, filepath.Join(dir, name), "example.com/"+name, map[string]string{
			"pub/pub.go": kafkaFile("pub", "Send", name+"-topic"),
		})
		work += "\t./" + name + "\n"
	}
	testmod.WriteFiles(t, dir, map[string]string{"go.work": work + ")\n"})
	return dir
}

// Case 6: a go.work workspace. At its root (in none of its modules),
// ./... covers every module: one document of both, titled after the
// directory; a pattern or a -C inside one module works as in that module.
func TestRobustWorkspace(t *testing.T) {
	t.Setenv("GOWORK", "")
	dir := workspace(t, "alpha", "beta")
	writeSpec(t, dir, "spec.yaml")
	for _, args := range [][]string{nil, {"./..."}, {"./alpha/...", "./beta/..."}, {"./beta/pub", "./alpha/..."}} {
		stdout, _ := expect(t, exitOK, "", append([]string{"-C", dir, "--positions"}, args...)...)
		doc := parseDoc(t, stdout)
		if got := doc.addresses(); !slices.Equal(got, []string{"alpha-topic", "beta-topic"}) {
			t.Errorf("%v: channels %v", args, got)
		}
		if got := doc.sources(); !slices.Equal(got, []string{"alpha/pub/pub.go:10", "beta/pub/pub.go:10"}) {
			t.Errorf("%v: x-go-source %v", args, got)
		}
		if name := filepath.Base(dir); doc.Info.Title != name || doc.Info.Version != "1.0.0" ||
			doc.Info.Description != "Messages that "+name+" sends and receives, extracted from its Go source by asyncapi-extract." {
			t.Errorf("%v: info %+v, want the title %s", args, doc.Info, name)
		}
	}
	for _, tc := range []struct{ dir, pattern string }{
		{dir, "./alpha/..."},
		{filepath.Join(dir, "alpha"), "./..."},
	} {
		stdout, _ := expect(t, exitOK, "", "-C", tc.dir, tc.pattern)
		doc := parseDoc(t, stdout)
		if got := doc.addresses(); !slices.Equal(got, []string{"alpha-topic"}) || doc.Info.Title != "example.com/alpha" {
			t.Errorf("%s %s: channels %v, title %q", tc.dir, tc.pattern, got, doc.Info.Title)
		}
	}
	// The workspace's output file: written only by a run that succeeds.
	testmod.WriteFiles(t, dir, map[string]string{"beta/pub/bad.go": "package pub\n\nvar _ int = \"x\"\n"})
	expect(t, exitLoad, regexp.QuoteMeta("beta/pub/bad.go:3:13: cannot use \"x\" (untyped string constant) as int value in variable declaration\n"+fmt.Sprintf(noDocument, 1)),
		"-C", dir, "-o", "spec.yaml")
	assertKept(t, dir, "spec.yaml")
}

// bigFile is a Go file of about 100,000 lines: a data table, 2,000
// functions and three kafka-go sends, at its start, middle and end. It
// returns the file and the lines of the sends.
func bigFile() (string, []int) {
	var b strings.Builder
	line := 1
	w := func(format string, args ...any) {
		s := fmt.Sprintf(format, args...)
		b.WriteString(s)
		line += strings.Count(s, "\n")
	}
	var sends []int
	send := func(n int) {
		w("func Send%d(ctx context.Context, w *kafka.Writer, o Order) error {\n\tb, _ := json.Marshal(o)\n", n)
		sends = append(sends, line)
		w("\treturn w.WriteMessages(ctx, kafka.Message{Topic: \"big-%d\", Value: b})\n}\n\n", n)
	}
	w("package big\n\nimport (\n\t\"context\"\n\t\"encoding/json\"\n\n\t\"github.com/segmentio/kafka-go\"\n)\n\n")
	w("type Order struct {\n\tID string `json:\"id\"`\n}\n\n")
	send(0)
	w("var table = []string{\n")
	for i := range 82_000 {
		w("\t\"entry-%d\",\n", i)
	}
	w("}\n\n")
	for i := range 2_000 {
		if i == 1_000 {
			send(1)
		}
		w("// f%d is function %d.\nfunc f%d(x int) int {\n\tif x > %d {\n\t\treturn x - len(table[%d])\n\t}\n\tx += %d\n\treturn x * 2\n}\n\n", i, i, i, i, i, i)
	}
	send(2)
	return b.String(), sends
}

// Case 8: a file of 100,000 lines is analysed, completely, in the time
// the test has.
func TestRobustLargeFile(t *testing.T) {
	t.Parallel()
	src, sends := bigFile()
	if n := strings.Count(src, "\n"); n < 100_000 {
		t.Fatalf("only %d lines", n)
	}
	dir := libModule(t, map[string]string{"big/big.go": src})
	var stdout, stderr string
	var code int
	finishes(t, func() { stdout, stderr, code = runCommand(t, "-C", dir, "--positions") })
	if code != exitOK || stderr != "" {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	doc := parseDoc(t, stdout)
	if got := doc.addresses(); !slices.Equal(got, []string{"big-0", "big-1", "big-2"}) {
		t.Errorf("channels %v", got)
	}
	var want []string
	for _, l := range sends {
		want = append(want, fmt.Sprintf("big/big.go:%d", l))
	}
	slices.Sort(want)
	if got := doc.sources(); !slices.Equal(got, want) {
		t.Errorf("x-go-source %v, want %v", got, want)
	}
}

// finishes runs f and fails the test if it has not returned shortly
// before the test binary's deadline (go test -timeout).
func finishes(t *testing.T, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	var timeout <-chan time.Time
	if d, ok := t.Deadline(); ok {
		timeout = time.After(time.Until(d) - 5*time.Second)
	}
	select {
	case <-done:
	case <-timeout:
		t.Fatal("did not finish before the test deadline")
	}
}

// recursiveFile has recursive, mutually recursive, deeply nested and
// generic payload types, each sent on a topic of its own.
func recursiveFile() string {
	var b strings.Builder
	b.WriteString(`package rec

import (
	"context"
	"encoding/json"

	"github.com/segmentio/kafka-go"
)

// A and B refer to each other.
type A struct {
	Name string ` + "`json:\"name\"`" + `
	B    *B     ` + "`json:\"b,omitempty\"`" + `
}

type B struct {
	As []A ` + "`json:\"as\"`" + `
}

// Self refers to itself through a map and a pointer.
type Self struct {
	Kids map[string]Self ` + "`json:\"kids\"`" + `
	Me   *Self           ` + "`json:\"me\"`" + `
}

// Tree is a recursive generic type.
type Tree[T any] struct {
	Value    T          ` + "`json:\"value\"`" + `
	Children []*Tree[T] ` + "`json:\"children\"`" + `
}

// Envelope is instantiated with many types, and with itself.
type Envelope[T any] struct {
	ID   string ` + "`json:\"id\"`" + `
	Data T      ` + "`json:\"data\"`" + `
}

type Order struct {
	ID string ` + "`json:\"id\"`" + `
}

func send(ctx context.Context, w *kafka.Writer, topic string, v any) error {
	b, _ := json.Marshal(v)
	return w.WriteMessages(ctx, kafka.Message{Topic: topic, Value: b})
}

`)
	// A chain of 200 nested struct types.
	for i := range 200 {
		next := fmt.Sprintf("Next *L%d `json:\"next,omitempty\"`", i+1)
		if i == 199 {
			next = "End bool `json:\"end\"`"
		}
		fmt.Fprintf(&b, "type L%d struct {\n\tDepth int `json:\"depth\"`\n\t%s\n}\n\n", i, next)
	}
	for i := range 200 {
		fmt.Fprintf(&b, "type T%d struct {\n\tF%d int `json:\"f%d\"`\n}\n\n", i, i, i)
	}
	b.WriteString(`func Run(ctx context.Context, w *kafka.Writer) {
	send(ctx, w, "mutual", A{})
	send(ctx, w, "self", Self{})
	send(ctx, w, "tree", Tree[string]{})
	send(ctx, w, "tree-of-a", Tree[A]{})
	send(ctx, w, "tree-of-trees", Tree[Tree[Order]]{})
	send(ctx, w, "chain", L0{})
	send(ctx, w, "nested", Envelope[Envelope[Envelope[Envelope[Envelope[Order]]]]]{})
`)
	for i := range 200 {
		fmt.Fprintf(&b, "\tsend(ctx, w, \"t%d\", Envelope[T%d]{})\n", i, i)
	}
	b.WriteString("}\n")
	return b.String()
}

// Cases 9 and 10: recursive and mutually recursive payload types, a chain
// of 200 nested types, a recursive generic type, 200 instantiations of a
// generic type and nested instantiations give a valid document (the
// official parser and our checks), with component names that say what
// they are and stay short.
func TestRobustRecursiveAndGenericTypes(t *testing.T) {
	t.Parallel()
	dir := libModule(t, map[string]string{"rec/rec.go": recursiveFile()})
	var stdout, stderr string
	var code int
	finishes(t, func() { stdout, stderr, code = runCommand(t, "-C", dir) })
	if code != exitOK || stderr != "" {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	doc := parseDoc(t, stdout)
	if n := len(doc.Channels); n != 207 {
		t.Errorf("%d channels, want 207", n)
	}
	schemas := doc.Components.Schemas
	want := map[string]string{
		"A":               "example.com/tmp/rec.A",
		"B":               "example.com/tmp/rec.B",
		"Self":            "example.com/tmp/rec.Self",
		"Tree_string":     "example.com/tmp/rec.Tree[string]",
		"Tree_A":          "example.com/tmp/rec.Tree[example.com/tmp/rec.A]",
		"Tree_Tree_Order": "example.com/tmp/rec.Tree[example.com/tmp/rec.Tree[example.com/tmp/rec.Order]]",
		"L0":              "example.com/tmp/rec.L0",
		"L199":            "example.com/tmp/rec.L199",
		"Envelope_T0":     "example.com/tmp/rec.Envelope[example.com/tmp/rec.T0]",
		"Envelope_T199":   "example.com/tmp/rec.Envelope[example.com/tmp/rec.T199]",
		"Envelope_Envelope_Envelope_Envelope_Envelope_Order": "example.com/tmp/rec.Envelope[example.com/tmp/rec.Envelope[example.com/tmp/rec.Envelope[example.com/tmp/rec.Envelope[example.com/tmp/rec.Envelope[example.com/tmp/rec.Order]]]]]",
	}
	for name, goType := range want {
		if got := schemas[name].GoType; got != goType {
			t.Errorf("schema %s has x-go-type %q, want %q", name, got, goType)
		}
	}
	for name := range schemas {
		if len(name) > 60 {
			t.Errorf("schema name %s is %d characters long", name, len(name))
		}
	}
	speccheck.ValidateAll(t, map[string][]byte{"recursive.yaml": []byte(stdout)})
}

// Case 11: the output file is replaced only by a run that succeeded (or a
// --keep-going one), atomically: after a load error, a malformed base
// document, an output that cannot be written, and with --check, an
// existing file is byte for byte what it was (mode included), and no
// temporary file is left.
func TestRobustOutputFile(t *testing.T) {
	dir := libModule(t, map[string]string{
		"good/good.go": kafkaFile("good", "Send", "orders"),
		"bad/bad.go":   "package bad\n\nvar _ int = \"x\"\n",
	})
	writeSpec(t, dir, "spec.yaml")
	badErr := regexp.QuoteMeta("bad/bad.go:3:13: cannot use \"x\" (untyped string constant) as int value in variable declaration\n")

	t.Run("load error", func(t *testing.T) {
		expect(t, exitLoad, badErr+regexp.QuoteMeta(fmt.Sprintf(noDocument, 1)), "-C", dir, "-o", "spec.yaml")
		assertKept(t, dir, "spec.yaml")
		expect(t, exitLoad, badErr+regexp.QuoteMeta(fmt.Sprintf(noDocument, 1)), "-C", dir, "--exit-code", "-o", "spec.yaml")
		assertKept(t, dir, "spec.yaml")
	})

	t.Run("malformed base", func(t *testing.T) {
		for _, tc := range []struct{ base, want string }{
			{"info: [unclosed\n", "asyncapi-extract: base.yaml:1: did not find expected ',' or ']'\n"},
			{"\tinfo: {}\n", "asyncapi-extract: base.yaml: found character that cannot start any token\n"},
			{"- a list\n", "asyncapi-extract: base.yaml:1: the base document must be a mapping\n"},
			{"asyncapi: 2.6.0\n", "asyncapi-extract: base.yaml:1:11: asyncapi: 2.6.0, but the document is AsyncAPI 3.0.0: set it to 3.0.0 or leave it out\n"},
			{"info:\n  title: Shop\nchannels: [orders]\n", "asyncapi-extract: base.yaml:3:11: channels: the base has a list where the document has a mapping (the base's value would replace it)\n"},
			{"channels:\n  orders:\n    bindings: ~\n", "asyncapi-extract: base.yaml:3:15: channels.orders.bindings: the base has null where the document has a mapping (the base's value would replace it)\n"},
			{"info: 7\n", "asyncapi-extract: base.yaml:1:7: info: the base has \"7\" where the document has a mapping (the base's value would replace it)\n"},
		} {
			testmod.WriteFiles(t, dir, map[string]string{"base.yaml": tc.base})
			expect(t, exitUsage, regexp.QuoteMeta(tc.want), "-C", dir, "-o", "spec.yaml", "--base", "base.yaml", "./good")
			assertKept(t, dir, "spec.yaml")
		}
		expect(t, exitUsage, regexp.QuoteMeta("asyncapi-extract: --base missing.yaml: no such file or directory\n"),
			"-C", dir, "-o", "spec.yaml", "--base", "missing.yaml", "./good")
		assertKept(t, dir, "spec.yaml")
		// The default base document, malformed, too.
		testmod.WriteFiles(t, dir, map[string]string{"asyncapi.base.yaml": "info: [\n"})
		expect(t, exitUsage, regexp.QuoteMeta("asyncapi-extract: asyncapi.base.yaml:1: did not find expected node content\n"), "-C", dir, "-o", "spec.yaml", "./good")
		assertKept(t, dir, "spec.yaml")
		os.Remove(filepath.Join(dir, "asyncapi.base.yaml"))
	})

	t.Run("unwritable", func(t *testing.T) {
		expect(t, exitInternal, regexp.QuoteMeta("asyncapi-extract: cannot write nodir/spec.yaml: cannot create a file in nodir: no such file or directory\n"),
			"-C", dir, "-o", "nodir/spec.yaml", "./good")
		expect(t, exitInternal, regexp.QuoteMeta("asyncapi-extract: cannot write spec.yaml/x.yaml: cannot create a file in spec.yaml: not a directory\n"),
			"-C", dir, "-o", "spec.yaml/x.yaml", "./good")
		assertKept(t, dir, "spec.yaml")
		testmod.WriteFiles(t, dir, map[string]string{"outdir/keep": "x"})
		expect(t, exitInternal, regexp.QuoteMeta("asyncapi-extract: cannot write outdir: it is a directory\n"), "-C", dir, "-o", "outdir", "./good")
		assertNoTemp(t, filepath.Join(dir, "outdir"))

		// A directory without write permission (root writes anyway).
		ro := filepath.Join(dir, "ro")
		if err := os.Mkdir(ro, 0o755); err != nil {
			t.Fatal(err)
		}
		writeSpec(t, ro, "spec.yaml")
		if err := os.Chmod(ro, 0o555); err != nil {
			t.Fatal(err)
		}
		defer os.Chmod(ro, 0o755)
		if os.Geteuid() == 0 {
			t.Log("running as root: a read-only directory is writable, not checked")
			return
		}
		expect(t, exitInternal, regexp.QuoteMeta("asyncapi-extract: cannot write ro/spec.yaml: cannot create a file in ro: permission denied\n"),
			"-C", dir, "-o", "ro/spec.yaml", "./good")
		assertKept(t, ro, "spec.yaml")
	})

	t.Run("check", func(t *testing.T) {
		// Stale: the diff on stdout, the file as it was.
		stdout, _ := expect(t, exitChanged, regexp.QuoteMeta("asyncapi-extract: spec.yaml is out of date\n"), "-C", dir, "--check", "spec.yaml", "./good")
		if !strings.Contains(stdout, "-keep: me\n") || !strings.Contains(stdout, "+asyncapi: 3.0.0\n") {
			t.Errorf("the diff:\n%s", stdout)
		}
		assertKept(t, dir, "spec.yaml")
		// With errors: no diff, exit 3.
		stdout, _ = expect(t, exitLoad, badErr+regexp.QuoteMeta(fmt.Sprintf(noDocument, 1)), "-C", dir, "--check", "spec.yaml")
		if stdout != "" {
			t.Errorf("stdout %q", stdout)
		}
		assertKept(t, dir, "spec.yaml")
	})

	t.Run("symlink", func(t *testing.T) {
		// A symbolic link stays one; its target gets the document.
		writeSpec(t, dir, "target.yaml")
		if err := os.Symlink("target.yaml", filepath.Join(dir, "link.yaml")); err != nil {
			t.Fatal(err)
		}
		expect(t, exitOK, "", "-C", dir, "-o", "link.yaml", "./good")
		if st, err := os.Lstat(filepath.Join(dir, "link.yaml")); err != nil || st.Mode()&os.ModeSymlink == 0 {
			t.Errorf("link.yaml is no longer a symbolic link (%v)", err)
		}
		data, _ := os.ReadFile(filepath.Join(dir, "target.yaml"))
		if got := parseDoc(t, string(data)).addresses(); !slices.Equal(got, []string{"orders"}) {
			t.Errorf("target.yaml:\n%s", data)
		}
		if st, _ := os.Stat(filepath.Join(dir, "target.yaml")); st.Mode().Perm() != 0o640 {
			t.Errorf("target.yaml has mode %v, want 0640", st.Mode().Perm())
		}
		assertNoTemp(t, dir)
	})

	t.Run("keep going", func(t *testing.T) {
		// --keep-going replaces it, with the document of what could be
		// analysed.
		expect(t, exitPartial, badErr+regexp.QuoteMeta(fmt.Sprintf(partialDocument, 1)), "-C", dir, "-o", "spec.yaml", "--keep-going")
		data, _ := os.ReadFile(filepath.Join(dir, "spec.yaml"))
		if got := parseDoc(t, string(data)).addresses(); !slices.Equal(got, []string{"orders"}) {
			t.Errorf("spec.yaml:\n%s", data)
		}
		assertNoTemp(t, dir)
	})
}
