package parallel

import (
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestForCallsEveryIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 1000} {
		calls := make([]int, n)
		For(n, func(i int) { calls[i]++ })
		for i, c := range calls {
			assert.Equal(t, 1, c, "n=%d, index %d", n, i)
		}
	}
}

func TestForOneProcRunsInOrder(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	var order []int
	For(5, func(i int) { order = append(order, i) })
	assert.Equal(t, []int{0, 1, 2, 3, 4}, order)
}
