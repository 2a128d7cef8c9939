package model

// inferTypes infers the Go types of every body from its samples.
func (b *builder) inferTypes() {
	// TODO: infer types; until then every JSON body is raw JSON.
}
