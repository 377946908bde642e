package analyzer

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// site is one call: of a library function, a constructor, a wrapper.
type site struct {
	instr  ssa.CallInstruction
	common *ssa.CallCommon
	fn     *ssa.Function // the function containing the call
	fr     *frame        // the calls a walk descended through to reach it
}

func newSite(instr ssa.CallInstruction, fn *ssa.Function) site {
	return site{instr: instr, common: instr.Common(), fn: fn}
}

// newSiteIn is the site of a call reached by a walk in frame fr.
func newSiteIn(call ssa.CallInstruction, fr *frame) site {
	return site{instr: call, common: call.Common(), fn: call.Parent(), fr: fr}
}

func (s site) pos() token.Pos { return s.instr.Pos() }

// hasRecv reports whether the first SSA argument is the receiver of a
// static method call.
func (s site) hasRecv() bool {
	if s.common.IsInvoke() {
		return false
	}
	if sig, ok := s.common.Value.Type().Underlying().(*types.Signature); ok && sig.Recv() != nil {
		return true
	}
	if f := s.common.StaticCallee(); f != nil && f.Signature.Recv() != nil {
		return true
	}
	return false
}

// recv returns the receiver of a method call.
func (s site) recv() ssa.Value {
	if s.common.IsInvoke() {
		return s.common.Value
	}
	if s.hasRecv() && len(s.common.Args) > 0 {
		return s.common.Args[0]
	}
	return nil
}

// arg returns the i-th argument, the receiver not counted.
func (s site) arg(i int) ssa.Value {
	if s.hasRecv() {
		i++
	}
	if i < len(s.common.Args) {
		return s.common.Args[i]
	}
	return nil
}

// results returns the values of the i-th result of the call.
func (s site) results(i int) []ssa.Value {
	call, ok := s.instr.(*ssa.Call)
	if !ok {
		return nil // go and defer statements have no results
	}
	return resultsOf(call, i)
}

// resultsOf returns the values that stand for the i-th result of call:
// the call itself for a single result, its Extract instructions for a
// tuple.
func resultsOf(call *ssa.Call, i int) []ssa.Value {
	tuple, ok := call.Type().(*types.Tuple)
	if !ok {
		if i == 0 {
			return []ssa.Value{call}
		}
		return nil
	}
	if i >= tuple.Len() {
		return nil
	}
	var out []ssa.Value
	for _, r := range referrers(call) {
		if ex, ok := r.(*ssa.Extract); ok && ex.Index == i {
			out = append(out, ex)
		}
	}
	return out
}

// declaringFunc returns the declared function or method the call is in,
// looking out of closures.
func (s site) declaringFunc() *types.Func {
	fn := s.fn
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	obj, _ := fn.Object().(*types.Func)
	return obj
}

func referrers(v ssa.Value) []ssa.Instruction {
	if v == nil {
		return nil
	}
	if refs := v.Referrers(); refs != nil {
		return *refs
	}
	return nil
}
