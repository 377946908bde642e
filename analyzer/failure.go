package analyzer

import (
	"fmt"
	"go/token"
	"runtime/debug"
	"strings"
)

// A bug in the analyzer must not cost the user the rest of the
// document: a panic while one call site is analysed loses that call's
// operations only, and a panic elsewhere in a package loses that
// package's. Either is a Failure: reported as a diagnostic at the
// position being analysed, and in the Result, so that a driver knows
// the document is incomplete.

// bugURL is where users report the analyzer's internal errors.
const bugURL = "https://github.com/asyncapi-extract/asyncapi-extract/issues"

// Failure is an internal error the analysis recovered from.
type Failure struct {
	Pos     token.Pos
	Message string
}

// testHookSite and testHookPackage, when set (by tests only), are
// called before each call site, and each package, is analysed: a test
// makes them panic to check the recovery.
var (
	testHookSite    func(pos token.Position)
	testHookPackage func(path string)
)

// guard runs f, the analysis of the call of callee at pos, and turns a
// panic into a Failure.
func (t *tracer) guard(pos token.Pos, callee string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			t.fail(pos, fmt.Sprintf("internal error analysing the call of %s: %v", callee, r), debug.Stack())
		}
	}()
	if testHookSite != nil {
		testHookSite(t.pass.Fset.Position(pos))
	}
	f()
}

// fail records a Failure and reports it.
func (t *tracer) fail(pos token.Pos, what string, stack []byte) {
	msg := fmt.Sprintf("%s (its operations are missing from the document; please report this at %s with this message%s)",
		what, bugURL, frameOf(stack))
	t.failures = append(t.failures, Failure{Pos: pos, Message: msg})
	t.pass.Reportf(pos, "%s", msg)
}

// frameOf returns ", raised in <function>" naming the analyzer's
// function that panicked, from a stack trace: enough to find the bug
// without printing the whole trace.
func frameOf(stack []byte) string {
	lines := strings.Split(string(stack), "\n")
	for i, l := range lines {
		// The frame after the runtime's panic is the culprit.
		if strings.HasPrefix(l, "panic(") && i+2 < len(lines) {
			fn := lines[i+2]
			if j := strings.LastIndex(fn, "("); j > 0 {
				fn = fn[:j]
			}
			return ", raised in " + strings.TrimSpace(fn)
		}
	}
	return ""
}
