package generator

import (
	"runtime"
	"sync"

	"github.com/dave/jennifer/jen"
)

// renderer builds and formats files on up to GOMAXPROCS goroutines. When
// that many files are in progress, add blocks, so that built files do not
// pile up in memory.
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

// add starts building the jennifer file of name with build and formatting
// it. It blocks while every goroutine is busy.
func (r *renderer) add(name string, build func() *jen.File) {
	r.addBytes(name, func() ([]byte, error) { return render(name, build()) })
}

// addBytes starts producing the content of the file name with produce.
// It blocks while every goroutine is busy.
func (r *renderer) addBytes(name string, produce func() ([]byte, error)) {
	out := &rendered{file: File{Name: name}}
	r.results = append(r.results, out)
	r.slots <- struct{}{}
	r.wg.Add(1)
	go func() {
		defer func() {
			<-r.slots
			r.wg.Done()
		}()
		out.file.Content, out.err = produce()
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
