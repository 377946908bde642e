package analyzer

import (
	"go/constant"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// describeCall writes a call as Go source for messages: constant
// arguments as literals, others as "…": os.Getenv("DLQ_TOPIC").
func describeCall(c *ssa.CallCommon) string {
	f := callee(c)
	if f == nil {
		return "the result of a function value call"
	}
	args := c.Args
	if !c.IsInvoke() && f.Signature().Recv() != nil && len(args) > 0 {
		args = args[1:]
	}
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i] = "…"
		if k, ok := a.(*ssa.Const); ok && k.Value != nil {
			if k.Value.Kind() == constant.String {
				parts[i] = strconv.Quote(constant.StringVal(k.Value))
			} else {
				parts[i] = k.Value.ExactString()
			}
		}
	}
	return shortName(f) + "(" + strings.Join(parts, ", ") + ")"
}
