// Package parallel runs independent pieces of work on several goroutines.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// For calls fn(i) for every i from 0 to n-1 on up to GOMAXPROCS
// goroutines and returns when every call has returned. The calls run in no
// particular order, so fn must write only to what index i owns, such as
// element i of a slice allocated before the call. With GOMAXPROCS 1 or n
// below 2, fn runs on the calling goroutine in index order.
func For(n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers < 2 {
		for i := range n {
			fn(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	wg.Add(workers)
	for range workers {
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				fn(i)
			}
		}()
	}
	wg.Wait()
}
