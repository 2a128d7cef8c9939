package script

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/pmgen/pmgen/diag"
)

// dump formats a translated script and its diagnostics as the text of a
// golden file.
func dump(s *Script, diags diag.List) string {
	var b strings.Builder
	fmt.Fprintf(&b, "listen: %s\n", s.Listen)
	fmt.Fprintf(&b, "counts: statements %d, translated %d, unsupported %d\n",
		s.Counts.Statements, s.Counts.Translated, s.Counts.Unsupported)
	fmt.Fprintf(&b, "reads: %s\n", dumpRefs(s.Reads))
	fmt.Fprintf(&b, "sets: %s\n", dumpRefs(s.Sets))
	fmt.Fprintf(&b, "unsets: %s\n", dumpRefs(s.Unsets))
	b.WriteString("\nstatements:\n")
	dumpStatements(&b, s.Statements, "  ")
	b.WriteString("\ndiagnostics:\n")
	for _, d := range diags.Sorted() {
		fmt.Fprintf(&b, "  %s\n", d)
	}
	return b.String()
}

func dumpRefs(refs []VarRef) string {
	if len(refs) == 0 {
		return "-"
	}
	parts := make([]string, len(refs))
	for i, r := range refs {
		parts[i] = fmt.Sprintf("%s:%s", r.Scope, r.Name)
	}
	return strings.Join(parts, " ")
}

func dumpStatements(b *strings.Builder, list []Statement, indent string) {
	for _, st := range list {
		fmt.Fprintf(b, "%s%d: ", indent, st.ScriptLine())
		switch st := st.(type) {
		case *Set:
			fmt.Fprintf(b, "set %s %q = %s\n", st.Scope, st.Name, dumpExpr(st.Value))
		case *Unset:
			fmt.Fprintf(b, "unset %s %q\n", st.Scope, st.Name)
		case *Let:
			fmt.Fprintf(b, "let %s = %s\n", st.Name, dumpExpr(st.Value))
		case *Check:
			fmt.Fprintf(b, "check %q: %s\n", st.Name, dumpAssertion(st.Assertion))
		case *If:
			fmt.Fprintf(b, "if %s\n", dumpAssertion(st.Cond))
			dumpStatements(b, st.Then, indent+"    ")
			if st.Else != nil {
				fmt.Fprintf(b, "%selse\n", indent)
				dumpStatements(b, st.Else, indent+"    ")
			}
		case *Unsupported:
			fmt.Fprintf(b, "unsupported [%s] %q: %s\n", st.Code, st.Text, st.Reason)
		default:
			fmt.Fprintf(b, "%T\n", st)
		}
	}
}

func dumpAssertion(a Assertion) string {
	var s string
	switch a.Op {
	case OpAnd, OpOr:
		parts := make([]string, len(a.Operands))
		for i, op := range a.Operands {
			parts[i] = dumpAssertion(op)
		}
		s = fmt.Sprintf("%s(%s)", a.Op, strings.Join(parts, "; "))
	default:
		args := []string{}
		if a.Actual != nil {
			args = append(args, dumpExpr(a.Actual))
		}
		if a.Expected != nil {
			args = append(args, dumpExpr(a.Expected))
		}
		s = fmt.Sprintf("%s(%s)", a.Op, strings.Join(args, ", "))
	}
	if a.Negate {
		return "not " + s
	}
	return s
}

func dumpExpr(e Expr) string {
	switch e := e.(type) {
	case *Literal:
		data, err := json.Marshal(e.Value)
		if err != nil {
			return fmt.Sprintf("literal(%v)", e.Value)
		}
		return string(data)
	case *ResponseJSON:
		return "response.json" + e.Path.String()
	case *ResponseHeader:
		return fmt.Sprintf("response.header(%q)", e.Name)
	case *ResponseCode:
		return "response.code"
	case *ResponseStatus:
		return "response.status"
	case *ResponseTime:
		return "response.time"
	case *ResponseText:
		return "response.text"
	case *Variable:
		return fmt.Sprintf("%s(%q)", e.Scope, e.Name)
	case *Local:
		return "local(" + e.Name + ")"
	case *Dynamic:
		return "dynamic(" + e.Name + ")"
	case *Now:
		return fmt.Sprintf("now(%s)", e.Format)
	case *Concat:
		parts := make([]string, len(e.Parts))
		for i, p := range e.Parts {
			parts[i] = dumpExpr(p)
		}
		return "concat(" + strings.Join(parts, ", ") + ")"
	case *Length:
		return "length(" + dumpExpr(e.X) + ")"
	case *Substring:
		return fmt.Sprintf("substring(%s, %d, %d)", dumpExpr(e.X), e.Start, e.End)
	case *Stringify:
		return "stringify(" + dumpExpr(e.X) + ")"
	case *Base64:
		return "base64(" + dumpExpr(e.X) + ")"
	case *ParseJSON:
		return "parse-json(" + dumpExpr(e.X) + ")"
	case *ParseNumber:
		if e.Integer {
			return "parse-int(" + dumpExpr(e.X) + ")"
		}
		return "parse-float(" + dumpExpr(e.X) + ")"
	case *Condition:
		return "condition(" + dumpAssertion(e.Assertion) + ")"
	case nil:
		return "<nil>"
	}
	return fmt.Sprintf("%T", e)
}
