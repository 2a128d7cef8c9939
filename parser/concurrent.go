package parser

import (
	"runtime"
	"strconv"
	"sync"

	"github.com/pmgen/pmgen/internal/jsontree"
)

// itemStream decodes the elements of the top-level "item" arrays on
// worker goroutines while the parser still reads the rest of the input.
// Each element gets a decoder of its own. Decoding an element depends
// only on its tree and the options, apart from the request count, so
// merging the decoders in source order gives the result of a sequential
// decode (see decoder.streamedItems).
type itemStream struct {
	file string
	data []byte
	opts Options

	queue   chan *streamedItem
	workers sync.WaitGroup
	// items holds every element received, in source order. Only the
	// goroutine of jsontree.Parse appends to it.
	items []*streamedItem
}

// streamedItem is one element of a top-level "item" array and, once a
// worker has decoded it, its item and its decoder.
type streamedItem struct {
	elem  jsontree.Value
	index int
	item  *Item
	part  *decoder
}

// startItemStream starts one worker less than GOMAXPROCS, leaving a
// processor to jsontree.Parse. It returns nil when GOMAXPROCS is 1.
func startItemStream(file string, data []byte, opts Options) *itemStream {
	workers := runtime.GOMAXPROCS(0) - 1
	if workers < 1 {
		return nil
	}
	s := &itemStream{file: file, data: data, opts: opts, queue: make(chan *streamedItem, 64)}
	s.workers.Add(workers)
	for range workers {
		go func() {
			defer s.workers.Done()
			s.decodeQueued()
		}()
	}
	return s
}

// callback returns the jsontree.Options.RootElement callback that feeds
// the stream, or nil when s is nil.
func (s *itemStream) callback() func(string, int, jsontree.Value) {
	if s == nil {
		return nil
	}
	return s.add
}

func (s *itemStream) add(key string, index int, elem jsontree.Value) {
	if key != "item" {
		return
	}
	it := &streamedItem{elem: elem, index: index}
	s.items = append(s.items, it)
	s.queue <- it
}

// decodeQueued decodes elements until the queue is closed and empty.
func (s *itemStream) decodeQueued() {
	list := node{ptr: "/item"}
	for it := range s.queue {
		part := newDecoder(s.file, s.data, s.opts)
		it.item = part.item(list.child(&it.elem, strconv.Itoa(it.index)), it.index, 1)
		it.part = part
	}
}

// wait returns once every element received is decoded. The caller's
// goroutine helps the workers with the elements still queued. A nil s
// has nothing to wait for.
func (s *itemStream) wait() {
	if s == nil {
		return
	}
	close(s.queue)
	s.decodeQueued()
	s.workers.Wait()
}

// streamedItems returns the items that the stream decoded from elems, the
// elements of the collection's item list, and appends the diagnostics and
// positions of their decoders in source order.
//
// It returns false, and changes nothing, when the stream did not receive
// elems (the list is "items" or inside a {"collection": ...} envelope) or
// when the items hold more requests than Options.MaxRequests. The limit
// drops every item after the first request beyond it, which only a
// sequential decode finds, so the caller then decodes the items
// sequentially.
func (d *decoder) streamedItems(elems []node) ([]*Item, bool) {
	// With a repeated "item" key the list is the last array, as
	// node.field returns it, so its elements end the stream.
	if d.stream == nil || len(d.stream.items) < len(elems) {
		return nil, false
	}
	streamed := d.stream.items[len(d.stream.items)-len(elems):]
	requests := d.requests
	for i, it := range streamed {
		if it.elem.Offset != elems[i].v.Offset {
			return nil, false
		}
		requests += it.part.requests
	}
	if requests > d.opts.MaxRequests {
		return nil, false
	}

	d.requests = requests
	items := make([]*Item, 0, len(elems))
	for _, it := range streamed {
		d.diags = append(d.diags, it.part.diags...)
		d.positions = append(d.positions, it.part.positions...)
		if it.item != nil {
			items = append(items, it.item)
		}
	}
	return items, true
}
