package plugin

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/asyncapi-extract/asyncapi-extract/internal/testmod"
)

// lintDir is the module the tests lint: code that drifted from its
// committed spec.yaml.
func lintDir() string { return filepath.Join(testmod.Dir(), "cli", "lint") }

func download(t *testing.T, dir string) {
	t.Helper()
	cmd := exec.Command("go", "mod", "download")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go mod download: %v\n%s", err, out)
	}
}

// TestDrift runs the drift check on the module, with its `// want`
// comments.
func TestDrift(t *testing.T) {
	download(t, lintDir())
	t.Chdir(lintDir())
	analysistest.Run(t, lintDir(), NewDrift("spec.yaml"), "./...")
}

func TestSettings(t *testing.T) {
	if _, err := New(map[string]any{"spec": "spec.yaml"}); err != nil {
		t.Errorf("valid settings: %v", err)
	}
	if _, err := New(map[string]any{"specs": "spec.yaml"}); err == nil {
		t.Error("an unknown setting was accepted")
	}
	l, _ := New(map[string]any{})
	as, _ := l.BuildAnalyzers()
	if len(as) != 1 || l.GetLoadMode() != "typesinfo" {
		t.Errorf("without a spec: %d analyzers, load mode %s", len(as), l.GetLoadMode())
	}
}

// golangciVersion is the golangci-lint the plugin is built into.
const golangciVersion = "v2.15.0"

// TestGolangciLint builds golangci-lint with the plugin, as
// `golangci-lint custom` would (its steps done by hand: that command
// clones golangci-lint with git, which needs the network), runs it on the
// module and checks the exact diagnostics.
func TestGolangciLint(t *testing.T) {
	if testing.Short() {
		t.Skip("builds golangci-lint")
	}
	bin := buildGolangci(t)
	download(t, lintDir())
	dir := t.TempDir()
	for _, name := range []string{"go.mod", "go.sum", "main.go", "spec.yaml"} {
		data, err := os.ReadFile(filepath.Join(lintDir(), name))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, name), data, 0o644)
	}
	config := `version: "2"
linters:
  default: none
  enable: [asyncapi]
  settings:
    custom:
      asyncapi:
        type: module
        description: AsyncAPI drift and unresolved channels
        settings:
          spec: spec.yaml
issues:
  uniq-by-line: false
`
	os.WriteFile(filepath.Join(dir, ".golangci.yml"), []byte(config), 0o644)
	cmd := exec.Command(bin, "run", "--output.json.path", "stdout", "--show-stats=false", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOLANGCI_LINT_CACHE="+t.TempDir())
	out, err := cmd.Output()
	if _, exit := err.(*exec.ExitError); err != nil && !exit {
		t.Fatal(err)
	}
	var report struct {
		Issues []struct {
			FromLinter string
			Text       string
			Pos        struct {
				Filename string
				Line     int
			}
		}
	}
	if err := json.Unmarshal(out, &report); err != nil {
		t.Fatalf("golangci-lint output is not JSON: %v\n%s", err, out)
	}
	var got []string
	for _, is := range report.Issues {
		got = append(got, fmt.Sprintf("%s:%d: %s (%s)", is.Pos.Filename, is.Pos.Line, is.Text, is.FromLinter))
	}
	sort.Strings(got)
	want := []string{
		`main.go:29: drift: kafka send on "orders": field "total" of main.Order is not in spec.yaml's schema (asyncapi)`,
		`main.go:29: drift: kafka send on "orders": spec.yaml requires field "currency", which main.Order does not have (asyncapi)`,
		`main.go:31: drift: kafka send on "payments" is not in spec.yaml (asyncapi)`,
		`main.go:32: cannot resolve the channel address of (*kafka.Writer).WriteMessages: os.Getenv("AUDIT_TOPIC") (name it with //asyncapi:channel <address> above the call) (asyncapi)`,
		`main.go:33: drift: spec.yaml lists send on "refunds" (operation sendRefunds) here, but the code no longer performs it (asyncapi)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("golangci-lint reported:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// buildGolangci builds golangci-lint with this repository's plugin and
// returns the binary. The build cache makes later builds fast.
func buildGolangci(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "mod", "download", "-json", "github.com/golangci/golangci-lint/v2@"+golangciVersion).Output()
	if err != nil {
		t.Fatalf("downloading golangci-lint: %v", err)
	}
	var mod struct{ Dir string }
	if err := json.Unmarshal(out, &mod); err != nil || mod.Dir == "" {
		t.Fatalf("go mod download: %s", out)
	}
	src := filepath.Join(t.TempDir(), "golangci-lint")
	if out, err := exec.Command("cp", "-r", mod.Dir, src).CombinedOutput(); err != nil {
		t.Fatalf("copy: %v\n%s", err, out)
	}
	exec.Command("chmod", "-R", "u+w", src).Run()
	const self = "github.com/asyncapi-extract/asyncapi-extract"
	plugins := "package main\n\nimport _ \"" + self + "/plugin\"\n"
	if err := os.WriteFile(filepath.Join(src, "cmd", "golangci-lint", "plugins.go"), []byte(plugins), 0o644); err != nil {
		t.Fatal(err)
	}
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..")
	goCmd := func(args ...string) {
		t.Helper()
		cmd := exec.Command("go", args...)
		cmd.Dir = src
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	goCmd("mod", "edit", "-require="+self+"@v0.0.0-00010101000000-000000000000", "-replace="+self+"="+root)
	goCmd("mod", "tidy")
	bin := filepath.Join(t.TempDir(), "golangci-lint")
	goCmd("build", "-o", bin, "./cmd/golangci-lint")
	return bin
}
