// Package script reads the JavaScript of Postman prerequest and test
// scripts and translates the common idioms into model-level statements:
// variable assignments and response checks. It produces no Go text; the
// generator turns the statements into Go.
package script

import "github.com/pmgen/pmgen/diag"

// Event is the moment a script runs: before the request is sent or after
// its response arrives.
type Event string

const (
	PreRequest Event = "prerequest"
	Test       Event = "test"
)

// Script is one prerequest or test script after translation.
type Script struct {
	Listen Event
	// Where is the folder path of the collection, folder or request that
	// owns the script.
	Where  string
	Source string
	// Pos is the position of the script's first line in the collection.
	Pos diag.Position

	// Statements are the translated statements in source order. A
	// statement that could not be translated is an *Unsupported in its
	// place.
	Statements []Statement

	// Reads lists the variables the script reads, Sets and Unsets the
	// variables it assigns and removes, each sorted by name, then scope.
	Reads  []VarRef
	Sets   []VarRef
	Unsets []VarRef

	Counts Counts
}

// Input is one script to translate.
type Input struct {
	Listen Event
	// Source is the script text with its lines joined by "\n".
	Source string
	// Where is the folder path of the collection, folder or request that
	// owns the script, copied into diagnostics.
	Where string
	// Pos is the position of the script's first line; script line N is
	// reported at line Pos.Line+N-1.
	Pos diag.Position
}

// Diagnostic codes of script translation. Every code is a warning: the
// generated client still works, but does less than the script did.
const (
	// CodeSyntax marks a script that is not valid JavaScript. None of its
	// statements is translated.
	CodeSyntax diag.Code = "script-syntax-error"
	// CodeUnsupported marks a statement outside the translated idioms.
	CodeUnsupported diag.Code = "script-unsupported"
	// CodeSendRequest marks pm.sendRequest, which sends a request of its
	// own to a host of its own and is never generated.
	CodeSendRequest diag.Code = "script-send-request"
	// CodeSetNextRequest marks pm.setNextRequest and
	// postman.setNextRequest: generated sequences keep collection order.
	CodeSetNextRequest diag.Code = "script-set-next-request"
)

// Scope is a Postman variable scope as a script names it.
type Scope string

const (
	// ScopeAny is the scope of pm.variables.get and of {{name}} inside
	// pm.variables.replaceIn: the narrowest scope that defines the name,
	// local first, then data, environment, collection and global.
	ScopeAny Scope = "any"
	// ScopeLocal holds values set by pm.variables.set; they last until the
	// end of the run.
	ScopeLocal       Scope = "local"
	ScopeData        Scope = "data" // pm.iterationData, data.name
	ScopeEnvironment Scope = "environment"
	ScopeCollection  Scope = "collection"
	ScopeGlobal      Scope = "global"
)

// VarRef names a variable in a scope.
type VarRef struct {
	Scope Scope
	Name  string
}

// Counts are the statement counters of one script or of a whole run. A
// statement is a statement of the script, of a pm.test callback, of a
// block or of a branch of an if whose condition is translated. Those
// containers are not counted themselves. Statements is always Translated
// plus Unsupported.
type Counts struct {
	Statements  int
	Translated  int
	Unsupported int
}

// Add adds the counters of other to c.
func (c *Counts) Add(other Counts) {
	c.Statements += other.Statements
	c.Translated += other.Translated
	c.Unsupported += other.Unsupported
}

// Ratio returns Translated / Statements, and 1 when there are no statements.
func (c Counts) Ratio() float64 {
	if c.Statements == 0 {
		return 1
	}
	return float64(c.Translated) / float64(c.Statements)
}

// Report sums the translation of every script of a run, for the run's
// report.
type Report struct {
	Counts
	// Untranslated lists every unsupported statement in the order the
	// scripts were added.
	Untranslated []UntranslatedStatement
}

// UntranslatedStatement is one entry of the run's list of statements that
// were not translated.
type UntranslatedStatement struct {
	Where string
	// Line is the statement's line in the collection file, Pos.Line of the
	// script plus the script line minus one.
	Line   int
	Text   string
	Code   diag.Code
	Reason string
}

// Add adds the counters and the unsupported statements of s to r.
func (r *Report) Add(s *Script) {
	r.Counts.Add(s.Counts)
	walkUnsupported(s.Statements, func(u *Unsupported) {
		r.Untranslated = append(r.Untranslated, UntranslatedStatement{
			Where:  s.Where,
			Line:   s.Pos.Line + u.Line - 1,
			Text:   u.Text,
			Code:   u.Code,
			Reason: u.Reason,
		})
	})
}

// walkUnsupported calls fn for every *Unsupported in list, including those
// nested in the branches of an *If, in source order.
func walkUnsupported(list []Statement, fn func(*Unsupported)) {
	for _, st := range list {
		switch st := st.(type) {
		case *Unsupported:
			fn(st)
		case *If:
			walkUnsupported(st.Then, fn)
			walkUnsupported(st.Else, fn)
		}
	}
}
