// Package testmod locates the testdata module that requires the real
// client libraries, and makes sure its dependencies are in the module
// cache: analysistest loads it with GOPROXY=off.
package testmod

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
)

// Dir returns the absolute path of the repository's testdata module.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "testdata")
}

var (
	once sync.Once
	err  error
)

// Download runs `go mod download` in the testdata module (and in every
// module below it that the tests use) once per process.
func Download() error {
	once.Do(func() {
		for _, dir := range []string{Dir(), filepath.Join(Dir(), "example")} {
			if _, statErr := os.Stat(filepath.Join(dir, "go.mod")); statErr != nil {
				continue
			}
			cmd := exec.Command("go", "mod", "download")
			cmd.Dir = dir
			if out, e := cmd.CombinedOutput(); e != nil {
				err = fmt.Errorf("go mod download in %s: %v\n%s", dir, e, out)
				return
			}
		}
	})
	return err
}
