package diag

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestStringEscapesHiddenCharacters(t *testing.T) {
	d := Diagnostic{
		Severity: Warning,
		Code:     "some-code",
		Pos:      Position{File: "c.json", Line: 3, Col: 7},
		Where:    "Смена\n/ \x1b[2Jclear",
		Message:  "name \u202eexe.txt\u202c has\u200b a tab\tand \u2028 a separator",
	}

	got := d.String()

	assert.Equal(t, `c.json:3:7: warning: Смена\n/ \x1b[2Jclear: name \u202eexe.txt\u202c has\u200b a tab\tand \u2028 a separator [some-code]`, got)
}

func TestStringKeepsPlainText(t *testing.T) {
	d := Diagnostic{Severity: Error, Where: "Смена / Открыть смену", Message: `variable "shiftId" is not set`}

	assert.Equal(t, `error: Смена / Открыть смену: variable "shiftId" is not set`, d.String())
}
