// Package scaling measures, for the tests that check that some work is
// not quadratic in its size, how its time grows: the ratio of the times
// of two sizes, measured in the same process, which a test can bound on
// any machine where a time could not be.
package scaling

import "time"

// Ratio returns how many times as long large takes as small, each the
// best of three runs: a run slowed by the garbage collector or by
// another process does not count.
func Ratio(small, large func()) float64 {
	return best(large).Seconds() / best(small).Seconds()
}

// best returns the shortest of three runs of f.
func best(f func()) time.Duration {
	shortest := time.Duration(1<<63 - 1)
	for range 3 {
		start := time.Now()
		f()
		shortest = min(shortest, time.Since(start))
	}
	return shortest
}
