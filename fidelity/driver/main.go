//go:build ignore

// The driver calls every request of a collection through the client that
// pmgen generated for it, in collection order, as the fidelity harness's
// plan lists them. The harness copies this file into a temporary module,
// one folder per fixture, next to that fixture's generated package
// "client" and a generated options.go, which maps option names to the
// package's option functions. It rewrites the import path of the client.
//
// Usage: driver PLAN.json
//
// Each call prints one line, "ok NAME" or "error NAME: MESSAGE"; the exit
// status is 1 when the plan cannot be read or the client not built.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"reflect"
	"strings"
	"time"

	client "fidelitydriver/client"
)

type plan struct {
	Options []struct {
		Option string `json:"option"`
		Value  string `json:"value"`
	} `json:"options"`
	Session []struct {
		Scope string `json:"scope"`
		Name  string `json:"name"`
		Value string `json:"value"`
	} `json:"session"`
	Calls []call `json:"calls"`
}

type call struct {
	Name   string `json:"name"`
	Method string `json:"method"`
	Args   []struct {
		Template string  `json:"template"`
		Value    *string `json:"value"`
	} `json:"args"`
	Body *struct {
		Kind     string `json:"kind"`
		Template string `json:"template"`
		Fields   []struct {
			GoName   string `json:"goName"`
			Template string `json:"template"`
			File     string `json:"file"`
		} `json:"fields"`
		File string `json:"file"`
	} `json:"body"`
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: driver PLAN.json")
		os.Exit(2)
	}
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		fail(err)
	}
	var p plan
	if err := json.Unmarshal(data, &p); err != nil {
		fail(fmt.Errorf("plan: %w", err))
	}
	session := client.NewSession()
	opts := []client.Option{client.WithSession(session), client.WithTimeout(20 * time.Second)}
	for _, o := range p.Options {
		f, ok := options[o.Option]
		if !ok {
			fail(fmt.Errorf("option %s is not generated", o.Option))
		}
		opts = append(opts, f(o.Value))
	}
	c, err := client.New(opts...)
	if err != nil {
		fail(err)
	}
	for _, v := range p.Session {
		scope := client.ScopeEnvironment
		if v.Scope == "data" {
			scope = client.ScopeData
		}
		session.Set(scope, v.Name, v.Value)
	}
	for _, cl := range p.Calls {
		if err := run(c, session, &cl); err != nil {
			fmt.Printf("error %s: %v\n", cl.Name, err)
			continue
		}
		fmt.Printf("ok %s\n", cl.Name)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "driver:", err)
	os.Exit(1)
}

// run makes one call. The method's parameter types come from reflection,
// so the plan only names the method and gives the argument values.
func run(c *client.Client, s *client.Session, cl *call) error {
	m := reflect.ValueOf(c).MethodByName(cl.Method)
	if !m.IsValid() {
		return fmt.Errorf("the client has no method %s", cl.Method)
	}
	t := m.Type()
	args := []reflect.Value{reflect.ValueOf(context.Background())}
	for _, a := range cl.Args {
		v := a.Template
		if a.Value != nil {
			v = *a.Value
		} else {
			v = expand(s, v)
		}
		args = append(args, reflect.ValueOf(v))
	}
	if cl.Body != nil {
		i := len(args)
		if i >= t.NumIn() {
			return fmt.Errorf("method %s takes no body", cl.Method)
		}
		v, err := bodyValue(s, t.In(i), cl)
		if err != nil {
			return fmt.Errorf("body: %w", err)
		}
		args = append(args, v)
	}
	out := m.Call(args)
	if err, _ := out[len(out)-1].Interface().(error); err != nil {
		return err
	}
	return nil
}

// expand substitutes the session's values; a template with a reference
// the session cannot resolve is used as written, as newman leaves it.
func expand(s *client.Session, template string) string {
	v, err := s.Expand(template)
	if err != nil {
		return template
	}
	return v
}

var readerType = reflect.TypeFor[io.Reader]()

func bodyValue(s *client.Session, t reflect.Type, cl *call) (reflect.Value, error) {
	b := cl.Body
	switch b.Kind {
	case "json", "graphql":
		if strings.TrimSpace(b.Template) == "" {
			return reflect.Zero(t), nil
		}
		text, err := s.ExpandJSON(b.Template)
		if err != nil {
			return reflect.Value{}, err
		}
		v := reflect.New(t)
		if err := json.Unmarshal(strictJSON([]byte(text)), v.Interface()); err != nil {
			return reflect.Value{}, fmt.Errorf("decoding %s into %s: %w", text, t, err)
		}
		return v.Elem(), nil
	case "text":
		return reflect.ValueOf(expand(s, b.Template)).Convert(t), nil
	case "file":
		f, err := os.Open(b.File)
		if err != nil {
			return reflect.Value{}, err
		}
		return reflect.ValueOf(io.Reader(f)), nil
	case "form":
		v := reflect.New(t).Elem()
		for _, f := range b.Fields {
			field := v.FieldByName(f.GoName)
			if !field.IsValid() {
				return reflect.Value{}, fmt.Errorf("form type %s has no field %s", t, f.GoName)
			}
			if field.Type() == readerType {
				file, err := os.Open(f.File)
				if err != nil {
					return reflect.Value{}, err
				}
				field.Set(reflect.ValueOf(io.Reader(file)))
				continue
			}
			field.SetString(expand(s, f.Template))
		}
		return v, nil
	}
	return reflect.Value{}, fmt.Errorf("body kind %q is not known", b.Kind)
}

// strictJSON removes what request bodies in collections contain besides
// JSON: comments and trailing commas. Strings are copied as they are.
func strictJSON(src []byte) []byte {
	out := make([]byte, 0, len(src))
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '"':
			j := i + 1
			for ; j < len(src) && src[j] != '"'; j++ {
				if src[j] == '\\' {
					j++
				}
			}
			out = append(out, src[i:min(j+1, len(src))]...)
			i = j
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			for i < len(src) && src[i] != '\n' {
				i++
			}
			i--
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			end := i + 2
			for end+1 < len(src) && !(src[end] == '*' && src[end+1] == '/') {
				end++
			}
			i = end + 1
		case c == ']' || c == '}':
			// Drop a comma that only white space separates from the
			// closing bracket.
			k := len(out) - 1
			for k >= 0 && (out[k] == ' ' || out[k] == '\n' || out[k] == '\r' || out[k] == '\t') {
				k--
			}
			if k >= 0 && out[k] == ',' {
				out = append(out[:k], out[k+1:]...)
			}
			out = append(out, c)
		default:
			out = append(out, c)
		}
	}
	return out
}
