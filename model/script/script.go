// Package script reads the JavaScript of Postman prerequest and test
// scripts and translates the common idioms into model-level statements:
// variable assignments and response checks. It produces no Go text; the
// generator turns the statements into Go.
package script

import "github.com/pmgen/pmgen/diag"

// Script is one prerequest or test script after translation.
type Script struct {
	Listen string // "prerequest" or "test"
	// Where is the folder path of the collection, folder or request that
	// owns the script.
	Where  string
	Source string
	Pos    diag.Position
}
