package parser

import "github.com/pmgen/pmgen/internal/jsontree"

// Default limits used when the matching Options field is zero.
const (
	DefaultMaxInputSize   = 64 << 20 // bytes
	DefaultMaxFolderDepth = 256
	DefaultMaxRequests    = 100000
)

// Options bounds the work one input may cause. Each limit protects the
// process from hostile or broken input. Exceeding one is an error
// diagnostic that names the limit and the pmgen flag that raises it:
// -max-input-size, -max-folder-depth or -max-requests. A zero field means
// its default.
type Options struct {
	// MaxInputSize is the largest input accepted, in bytes.
	MaxInputSize int
	// MaxFolderDepth is the deepest folder nesting accepted. A top-level
	// folder is at depth 1.
	//
	// NOTE: memory grows with the square of the depth, because every
	// folder and request keeps its whole folder path and JSON pointer.
	// One pmgen generate run on linux/amd64 took about 450 MB at 4,000
	// levels and 7 GB at 16,000.
	MaxFolderDepth int
	// MaxRequests is the largest number of requests accepted in one
	// collection, saved examples not counted.
	MaxRequests int
}

func (o Options) withDefaults() Options {
	if o.MaxInputSize <= 0 {
		o.MaxInputSize = DefaultMaxInputSize
	}
	if o.MaxFolderDepth <= 0 {
		o.MaxFolderDepth = DefaultMaxFolderDepth
	}
	if o.MaxRequests <= 0 {
		o.MaxRequests = DefaultMaxRequests
	}
	return o
}

// jsonDepth returns the JSON nesting bound that lets MaxFolderDepth folders
// through. Every folder level costs two JSON levels, the "item" array and
// the item object. The rest leaves room for requests, bodies and scripts
// below the deepest folder.
func (o Options) jsonDepth() int {
	return 2*o.MaxFolderDepth + jsontree.DefaultMaxDepth
}
