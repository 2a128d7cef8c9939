//go:build unix

package synth

import (
	"syscall"
	"time"
)

// CPUTime returns the user and system CPU time the process has used,
// all goroutines and the garbage collector included. On a machine that
// other processes load, it varies less than wall time does.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
