package model

import (
	"github.com/pmgen/pmgen/diag"
	"github.com/pmgen/pmgen/parser"
)

// Input is everything Build reads.
type Input struct {
	Collection   *parser.Collection
	Environments []*parser.Environment
	// SourceSHA256 is the hex SHA-256 of the collection file.
	SourceSHA256 string
	// Package is the Go package name of the generated client; empty means
	// "client".
	Package string
	// Config is the decoded pmgen.yaml; nil when there is none.
	Config *parser.Config
}

// Build turns a decoded collection into the model. Problems that make the
// client wrong are diagnostics of severity Error; everything else is a
// warning and the model is still complete.
func Build(in Input) (*API, diag.List) {
	b := newBuilder(in)

	b.readConfig()
	b.walk(in.Collection)
	b.collectVariables()
	b.translateScripts()
	b.resolveOperations()
	b.prepareBodies()
	b.recordReads()
	b.buildSequences()
	b.assignNames()
	b.reportUnusedNames()
	b.inferTypes()

	return b.api, b.diags
}
