package pipeline

import (
	"encoding/json"

	"github.com/pmgen/pmgen/diag"
	"github.com/pmgen/pmgen/generator"
)

// Report is the JSON written by -report: counts of what was generated and
// every diagnostic of the run.
type Report struct {
	Requests              int                    `json:"requests"`
	Sequences             int                    `json:"sequences"`
	Fields                int                    `json:"fields"`
	TypedFields           int                    `json:"typed_fields"`
	ScriptStatements      int                    `json:"script_statements"`
	Translated            int                    `json:"translated"`
	Unsupported           int                    `json:"unsupported"`
	UnsupportedStatements []UnsupportedStatement `json:"unsupported_statements"`
	Warnings              []ReportDiagnostic     `json:"warnings"`
	// Skipped are the warnings that the config's skip list acknowledges.
	Skipped []ReportDiagnostic `json:"skipped"`
	Errors  []ReportDiagnostic `json:"errors,omitempty"`
}

// UnsupportedStatement is a script statement that was not translated.
type UnsupportedStatement struct {
	Where string `json:"where"`
	Line  int    `json:"line"`
	Text  string `json:"text"`
}

// ReportDiagnostic is one diagnostic in the report.
type ReportDiagnostic struct {
	Code     string `json:"code"`
	Where    string `json:"where"`
	Message  string `json:"message"`
	Position string `json:"position,omitempty"`
}

// NewReport summarises a run's result.
func NewReport(res *Result) *Report {
	r := &Report{UnsupportedStatements: []UnsupportedStatement{}, Warnings: []ReportDiagnostic{}, Skipped: []ReportDiagnostic{}}
	if api := res.API; api != nil {
		r.Requests = len(api.Operations)
		r.Sequences = len(api.Sequences)
		r.Fields, r.TypedFields = generator.FieldStats(api)
		sr := api.ScriptReport
		r.ScriptStatements, r.Translated, r.Unsupported = sr.Statements, sr.Translated, sr.Unsupported
		for _, u := range sr.Untranslated {
			r.UnsupportedStatements = append(r.UnsupportedStatements, UnsupportedStatement{Where: u.Where, Line: u.Line, Text: u.Text})
		}
	}
	for _, d := range res.Diags.Sorted() {
		rd := ReportDiagnostic{Code: string(d.Code), Where: d.Where, Message: d.Message, Position: d.Pos.String()}
		if d.Severity == diag.Error {
			r.Errors = append(r.Errors, rd)
		} else {
			r.Warnings = append(r.Warnings, rd)
		}
	}
	for _, d := range res.Skipped.Sorted() {
		r.Skipped = append(r.Skipped, ReportDiagnostic{Code: string(d.Code), Where: d.Where, Message: d.Message, Position: d.Pos.String()})
	}
	return r
}

// JSON encodes the report, indented, with a final newline.
func (r *Report) JSON() ([]byte, error) {
	data, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(data, '\n'), nil
}
