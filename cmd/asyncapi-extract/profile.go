package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strconv"
)

// startProfiles starts a CPU profile to cpu and arranges a heap profile
// to mem (either may be empty); stop ends them. The flags are hidden:
// they are for measuring the tool (bench/), not for its users.
func startProfiles(cpu, mem string) (stop func() error, err error) {
	var cpuFile *os.File
	if cpu != "" {
		if cpuFile, err = os.Create(cpu); err != nil {
			return nil, err
		}
		if err := pprof.StartCPUProfile(cpuFile); err != nil {
			cpuFile.Close()
			return nil, err
		}
	}
	return func() error {
		if cpuFile != nil {
			pprof.StopCPUProfile()
			if err := cpuFile.Close(); err != nil {
				return err
			}
		}
		if mem == "" {
			return nil
		}
		f, err := os.Create(mem)
		if err != nil {
			return err
		}
		runtime.GC()
		if err := pprof.WriteHeapProfile(f); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	}, nil
}

// gcPercent is the garbage collector's target, for this process and
// the go commands it starts, when GOGC is not set. A run builds large
// heaps (go list's package graph; here type-checked syntax and SSA) that
// live until the end: with the default of 100 the collector scans them
// again and again as they grow, a fifth of the CPU of a cold run on
// bench/'s module. 400 makes that run 10-15% faster for about 20% more
// peak RSS.
const gcPercent = 400

// tuneGC sets gcPercent unless the user set GOGC.
func tuneGC() {
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(gcPercent)
		os.Setenv("GOGC", strconv.Itoa(gcPercent))
	}
}
