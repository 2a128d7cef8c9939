package synth

import "testing"

// Measure runs op in the loop of b with allocations reported, and reports
// the process's CPU time per run, all goroutines and the garbage collector
// included, as the metric cpu-s/op.
func Measure(b *testing.B, op func()) {
	b.ReportAllocs()
	cpu, runs := CPUTime(), 0
	for b.Loop() {
		runs++
		op()
	}
	b.ReportMetric(SecondsPerOp(CPUTime()-cpu, runs), "cpu-s/op")
}
