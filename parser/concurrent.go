package parser

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// itemsConcurrently decodes the top-level items on up to GOMAXPROCS
// goroutines, each item with a decoder of its own, and appends their
// diagnostics and positions in source order. Decoding an item depends
// only on the tree and the options, apart from the request count, so the
// result equals that of a sequential decode.
//
// It returns false, and changes nothing, when GOMAXPROCS allows only one
// goroutine or when the items hold more requests than
// Options.MaxRequests. In the second case, which items the limit drops
// depends on the order of decoding, so the caller decodes the items
// sequentially.
func (d *decoder) itemsConcurrently(elems []node) ([]*Item, bool) {
	workers := min(runtime.GOMAXPROCS(0), len(elems))
	if workers < 2 {
		return nil, false
	}
	results := make([]*Item, len(elems))
	parts := make([]*decoder, len(elems))
	var next atomic.Int64
	var wg sync.WaitGroup
	wg.Add(workers)
	for range workers {
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(elems) {
					return
				}
				part := newDecoder(d.file, d.data, d.opts)
				part.where = d.where
				results[i] = part.item(elems[i], i, 1)
				parts[i] = part
			}
		}()
	}
	wg.Wait()

	requests := d.requests
	for _, part := range parts {
		requests += part.requests
	}
	if requests > d.opts.MaxRequests {
		return nil, false
	}
	d.requests = requests
	items := make([]*Item, 0, len(elems))
	for i, part := range parts {
		d.diags = append(d.diags, part.diags...)
		d.positions = append(d.positions, part.positions...)
		if results[i] != nil {
			items = append(items, results[i])
		}
	}
	return items, true
}
