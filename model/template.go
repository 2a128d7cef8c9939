package model

import "slices"

// References returns the names of the {{variable}} references in a
// template, in order of appearance, each once. As in Postman, a reference
// is "{{", a name without braces, and "}}"; the name is not trimmed, so
// "{{ x }}" refers to the variable " x ".
func References(template string) []string {
	var names []string
	for i := 0; i+1 < len(template); i++ {
		if template[i] != '{' || template[i+1] != '{' {
			continue
		}
		j := i + 2
		for j < len(template) && template[j] != '{' && template[j] != '}' {
			j++
		}
		if j+1 < len(template) && template[j] == '}' && template[j+1] == '}' {
			if name := template[i+2 : j]; name != "" && !slices.Contains(names, name) {
				names = append(names, name)
			}
			i = j + 1
		}
	}
	return names
}
