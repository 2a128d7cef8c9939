package synth

// The types below are the parts of the Postman collection format v2.1
// that the synthetic collections use, with the keys in the order in which
// Postman exports them.

type collection struct {
	Info     info        `json:"info"`
	Item     []*item     `json:"item"`
	Auth     *auth       `json:"auth,omitempty"`
	Variable []*variable `json:"variable,omitempty"`
}

type info struct {
	PostmanID   string `json:"_postman_id"`
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	Schema      string `json:"schema"`
}

// item is a folder when Item is set and a request when Request is set.
type item struct {
	Name        string      `json:"name"`
	Description string      `json:"description,omitempty"`
	Item        []*item     `json:"item,omitempty"`
	Auth        *auth       `json:"auth,omitempty"`
	Event       []*event    `json:"event,omitempty"`
	Request     *request    `json:"request,omitempty"`
	Response    []*response `json:"response,omitempty"`
}

type event struct {
	Listen string  `json:"listen"`
	Script *script `json:"script"`
}

type script struct {
	Exec []string `json:"exec"`
	Type string   `json:"type"`
}

type request struct {
	Auth        *auth      `json:"auth,omitempty"`
	Method      string     `json:"method"`
	Header      []*keyText `json:"header"`
	Body        *body      `json:"body,omitempty"`
	URL         *url       `json:"url"`
	Description string     `json:"description,omitempty"`
}

// keyText is a header, query parameter, path variable or auth attribute.
type keyText struct {
	Key         string `json:"key"`
	Value       string `json:"value"`
	Type        string `json:"type,omitempty"`
	Description string `json:"description,omitempty"`
}

type body struct {
	Mode    string       `json:"mode"`
	Raw     string       `json:"raw"`
	Options *bodyOptions `json:"options,omitempty"`
}

type bodyOptions struct {
	Raw struct {
		Language string `json:"language"`
	} `json:"raw"`
}

type url struct {
	Raw      string     `json:"raw"`
	Host     []string   `json:"host"`
	Path     []string   `json:"path"`
	Query    []*keyText `json:"query,omitempty"`
	Variable []*keyText `json:"variable,omitempty"`
}

type response struct {
	Name            string     `json:"name"`
	OriginalRequest *request   `json:"originalRequest"`
	Status          string     `json:"status"`
	Code            int        `json:"code"`
	PreviewLanguage string     `json:"_postman_previewlanguage"`
	Header          []*keyText `json:"header"`
	Cookie          []any      `json:"cookie"`
	Body            string     `json:"body"`
}

type auth struct {
	Type   string     `json:"type"`
	APIKey []*keyText `json:"apikey,omitempty"`
	Bearer []*keyText `json:"bearer,omitempty"`
	Basic  []*keyText `json:"basic,omitempty"`
}

type variable struct {
	Key   string `json:"key"`
	Value string `json:"value"`
	Type  string `json:"type"`
}

type environment struct {
	ID     string      `json:"id"`
	Name   string      `json:"name"`
	Values []*envValue `json:"values"`
	Scope  string      `json:"_postman_variable_scope"`
}

type envValue struct {
	Key     string `json:"key"`
	Value   string `json:"value"`
	Type    string `json:"type"`
	Enabled bool   `json:"enabled"`
}
