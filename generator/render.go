package generator

import (
	"runtime"
	"sync"

	"github.com/dave/jennifer/jen"
)

// renderer formats jennifer files on up to GOMAXPROCS goroutines while
// the caller builds the next file. When that many files are being
// formatted, add blocks, so that built files do not pile up in memory.
type renderer struct {
	slots   chan struct{}
	wg      sync.WaitGroup
	results []*rendered
}

// rendered is the outcome of formatting one file.
type rendered struct {
	file File
	err  error
}

func newRenderer() *renderer {
	return &renderer{slots: make(chan struct{}, runtime.GOMAXPROCS(0))}
}

// add starts formatting f as the file name. It blocks while every
// goroutine is busy.
func (r *renderer) add(name string, f *jen.File) {
	out := &rendered{file: File{Name: name}}
	r.results = append(r.results, out)
	r.slots <- struct{}{}
	r.wg.Add(1)
	go func() {
		defer func() {
			<-r.slots
			r.wg.Done()
		}()
		out.file.Content, out.err = render(name, f)
	}()
}

// wait returns the files in the order they were added, or the error of
// the first added file that failed.
func (r *renderer) wait() ([]File, error) {
	r.wg.Wait()
	files := make([]File, 0, len(r.results))
	for _, res := range r.results {
		if res.err != nil {
			return nil, res.err
		}
		files = append(files, res.file)
	}
	return files, nil
}
