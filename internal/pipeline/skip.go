package pipeline

import (
	"github.com/pmgen/pmgen/diag"
	"github.com/pmgen/pmgen/model"
	"github.com/pmgen/pmgen/parser"
)

// skipWarnings moves the warnings whose codes the config's skip list
// names from res.Diags to res.Skipped. Errors are never skipped. When the
// run completed, a skip entry that matched no warning is itself a
// warning. A run that stopped early may not have reached the stage that
// reports the code, so its unmatched entries are not reported.
func skipWarnings(res *Result, cfg *parser.Config, completed bool) {
	if cfg == nil || len(cfg.Skip) == 0 {
		return
	}
	skip := map[diag.Code]bool{}
	for _, e := range cfg.Skip {
		skip[diag.Code(e.Value)] = true
	}

	var kept diag.List
	warned := map[diag.Code]bool{}
	for _, d := range res.Diags.Sorted() {
		if d.Severity == diag.Warning && skip[d.Code] {
			warned[d.Code] = true
			res.Skipped.Add(d)
			continue
		}
		kept.Add(d)
	}
	res.Diags = kept
	if !completed {
		return
	}

	for _, e := range cfg.Skip {
		if !warned[diag.Code(e.Value)] {
			res.Diags.Warn(model.CodeUnusedConfigEntry, e.Pos, "", "skip: no warning has the code %q, so the entry has no effect; remove it", e.Value)
		}
	}
}
