package script

import "github.com/pmgen/pmgen/diag"

// Translate parses in.Source as JavaScript and translates its statements.
// It never fails: a syntax error or a statement outside the supported
// idioms becomes a warning and an *Unsupported statement.
func Translate(in Input) (*Script, diag.List) {
	var diags diag.List
	s := &Script{Listen: in.Listen, Where: in.Where, Source: in.Source, Pos: in.Pos}
	// TODO: parse and translate; this stub returns no statements.
	return s, diags
}
