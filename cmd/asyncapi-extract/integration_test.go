package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/asyncapi-extract/asyncapi-extract/internal/testmod"
)

// repoRoot is the root of this repository (the pre-commit hook repo).
func repoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// serviceCopy copies the small service of testdata/cli/service into a
// fresh directory, with its modules downloaded.
func serviceCopy(t *testing.T) string {
	t.Helper()
	if err := testmod.Download(); err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(testmod.Dir(), "cli", "service")
	dir := t.TempDir()
	for _, name := range []string{"go.mod", "go.sum", "main.go"} {
		data, err := os.ReadFile(filepath.Join(src, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	sh(t, dir, nil, "go", "mod", "download")
	return dir
}

// runExit runs a command and returns its combined output; it fails the test
// unless the exit code is wantCode.
func runExit(t *testing.T, dir string, env []string, wantCode int, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("%s %v: %v", name, args, err)
	}
	if code != wantCode {
		t.Fatalf("%s %v: exit %d, want %d\n%s", name, args, code, wantCode, out)
	}
	return string(out)
}

func sh(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	return runExit(t, dir, env, 0, name, args...)
}

// installTool builds the command into a directory and returns the
// environment that puts it on PATH.
func installTool(t *testing.T) []string {
	t.Helper()
	bin := t.TempDir()
	sh(t, repoRoot(), nil, "go", "build", "-o", filepath.Join(bin, "asyncapi-extract"), "./cmd/asyncapi-extract")
	return []string{"PATH=" + bin + string(os.PathListSeparator) + os.Getenv("PATH")}
}

// TestGoGenerate runs the service's //go:generate line.
func TestGoGenerate(t *testing.T) {
	env := installTool(t)
	dir := serviceCopy(t)
	sh(t, dir, env, "go", "generate", "./...")
	spec, err := os.ReadFile(filepath.Join(dir, "spec.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(spec), "address: greetings") {
		t.Errorf("spec.yaml lacks the greetings channel:\n%s", spec)
	}
}

// TestPreCommit runs this repository's hooks with pre-commit try-repo in
// a repository holding the service: the first run creates spec.yaml and
// fails, the second passes, and a change that adds a topic fails again
// with the new channel in the file.
func TestPreCommit(t *testing.T) {
	if _, err := exec.LookPath("pre-commit"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pre-commit is not installed (.ci/run installs it)")
		}
		t.Skip("pre-commit is not installed")
	}
	dir := serviceCopy(t)
	gomodcache := strings.TrimSpace(sh(t, dir, nil, "go", "env", "GOMODCACHE"))
	env := []string{
		// The hook environment builds the tool with the module cache
		// that already holds its dependencies.
		"GOMODCACHE=" + gomodcache,
		"PRE_COMMIT_HOME=" + t.TempDir(),
		"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com",
		"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com",
	}
	sh(t, dir, env, "git", "init", "-q")
	sh(t, dir, env, "git", "add", ".")
	sh(t, dir, env, "git", "commit", "-qm", "service")

	hook := func(wantCode int) string {
		return runExit(t, dir, env, wantCode, "pre-commit", "try-repo", repoRoot(), "asyncapi-extract", "--all-files")
	}
	out := hook(1)
	if !strings.Contains(out, "spec.yaml was created") {
		t.Errorf("first run does not say it created spec.yaml:\n%s", out)
	}
	spec, err := os.ReadFile(filepath.Join(dir, "spec.yaml"))
	if err != nil {
		t.Fatalf("first run did not create spec.yaml: %v\n%s", err, out)
	}
	if !strings.Contains(string(spec), "address: greetings") {
		t.Errorf("spec.yaml lacks the greetings channel")
	}
	sh(t, dir, env, "git", "add", "spec.yaml")
	hook(0)

	// A new topic: the hook fails and the file has the new channel.
	main := filepath.Join(dir, "main.go")
	src, _ := os.ReadFile(main)
	src = []byte(strings.Replace(string(src), "_ = w.WriteMessages(context.Background(), kafka.Message{Value: b})",
		"_ = w.WriteMessages(context.Background(), kafka.Message{Value: b})\n\t_ = w.WriteMessages(context.Background(), kafka.Message{Topic: \"farewells\", Value: b})", 1))
	if err := os.WriteFile(main, src, 0o644); err != nil {
		t.Fatal(err)
	}
	sh(t, dir, env, "git", "add", "main.go")
	out = hook(1)
	spec, _ = os.ReadFile(filepath.Join(dir, "spec.yaml"))
	if !strings.Contains(string(spec), "address: farewells") {
		t.Errorf("after adding a topic, spec.yaml lacks it:\n%s\n%s", spec, out)
	}

	// The check hook agrees once the file is current.
	sh(t, dir, env, "git", "add", "spec.yaml")
	runExit(t, dir, env, 0, "pre-commit", "try-repo", repoRoot(), "asyncapi-extract-check", "--all-files")
}
