// Package gocmd runs the go command for what go/packages does not tell:
// its settings (go env) and a workspace's modules (go list -m). The
// driver and the run cache both read go env; they do it the same way.
package gocmd

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os/exec"
	"strings"
)

// Run runs the go command in dir with the environment env (nil: this
// process's) and returns its stdout. The error is the go command's
// stderr, which says what is wrong in its own words, or, when it printed
// nothing, how it failed.
func Run(dir string, env []string, args ...string) ([]byte, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return nil, errors.New(msg)
		}
		return nil, fmt.Errorf("go %s: %v", strings.Join(args, " "), err)
	}
	return out, nil
}

// Env returns the values of the go command's settings vars in dir, as
// go env prints them (an unset one is "").
func Env(dir string, env []string, vars ...string) (map[string]string, error) {
	out, err := Run(dir, env, append([]string{"env", "-json"}, vars...)...)
	if err != nil {
		return nil, err
	}
	values := make(map[string]string, len(vars))
	if err := json.Unmarshal(out, &values); err != nil {
		return nil, fmt.Errorf("go env: %v", err)
	}
	return values, nil
}
