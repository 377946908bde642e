package gensrc

import (
	"os"
	"testing"

	"github.com/asyncapi-extract/asyncapi-extract/internal/testmod"
)

// writeModule writes the files of a generated module into a new
// temporary directory, with the testdata module's requirements, so that
// the real client libraries resolve from the module cache.
func writeModule(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	testmod.WriteModule(t, dir, ModulePath, files)
	return dir
}

// goEnv is the environment of the go command for a generated module:
// offline, with go.mod updated as needed, outside any workspace.
func goEnv() []string {
	return append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
}
