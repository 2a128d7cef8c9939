package model

// Config is the part of pmgen.yaml the model reads.
type Config struct {
	// Operations pins Go method names: request path ("Folder / Request")
	// to Go name.
	Operations map[string]string
}

// pinnedOperation returns the Go name the config pins for op, or "".
func (b *builder) pinnedOperation(op *Operation) string {
	if b.in.Config == nil {
		return ""
	}
	return b.in.Config.Operations[op.Where]
}
