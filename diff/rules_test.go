package diff

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pmgen/pmgen/model"
	"github.com/pmgen/pmgen/model/types"
)

var baseURL = &model.Host{Template: "{{baseUrl}}", GoName: "WithBaseURL"}

// newOp returns an operation on {{baseUrl}} whose path segments ":name"
// are path variables.
func newOp(goName, method, path string) *model.Operation {
	op := &model.Operation{Name: goName, GoName: goName, Where: goName, Method: model.Method(method)}
	op.URL.Host = baseURL
	for _, seg := range strings.Split(strings.TrimPrefix(path, "/"), "/") {
		if name, ok := strings.CutPrefix(seg, ":"); ok {
			p := &model.Param{Name: name, GoName: name, Source: model.FromPathVariable}
			op.Params = append(op.Params, p)
			op.URL.Path = append(op.URL.Path, model.PathSegment{Template: seg, Param: p})
			continue
		}
		op.URL.Path = append(op.URL.Path, model.PathSegment{Template: seg})
	}
	return op
}

func newAPI(ops ...*model.Operation) *model.API {
	return &model.API{Name: "Shop", Package: "shop", Hosts: []*model.Host{baseURL}, Operations: ops}
}

func strField(key string, optional bool) *types.Field {
	return &types.Field{JSONName: key, Name: strings.ToUpper(key[:1]) + key[1:], Type: &types.Type{Kind: types.String}, Optional: optional}
}

func object(name string, fields ...*types.Field) *types.Type {
	return &types.Type{Kind: types.Struct, Name: name, Fields: fields}
}

// withBody gives an operation a JSON request body of the given fields.
func withBody(op *model.Operation, fields ...*types.Field) *model.Operation {
	op.Body = &model.Body{Kind: model.BodyJSON, ContentType: "application/json", Type: object(op.GoName+"Request", fields...)}
	return op
}

func kinds(r *Report) []string {
	var out []string
	for _, c := range r.Changes {
		out = append(out, string(c.Class)+" "+string(c.Kind)+" "+c.Subject)
	}
	return out
}

func TestRenameNeedsSimilarBody(t *testing.T) {
	old := newAPI(withBody(newOp("CreateOrder", "POST", "/orders"), strField("a", false), strField("b", false), strField("c", false), strField("d", false)))

	similar := newAPI(withBody(newOp("PlaceOrder", "POST", "/orders"), strField("a", false), strField("b", false), strField("c", false), strField("e", false)))
	r := Compare(old, similar)
	got := find(r, RequestRenamed, "Client.CreateOrder")
	require.Len(t, got, 1, "three of five body keys in common is a rename: %v", kinds(r))
	assert.Equal(t, "PlaceOrder", got[0].New)
	assert.Len(t, find(r, FieldRemoved, "CreateOrderRequest.D"), 1)
	assert.Len(t, find(r, FieldAdded, "PlaceOrderRequest.E"), 1)

	different := newAPI(withBody(newOp("Refund", "POST", "/orders"), strField("z", false)))
	r = Compare(old, different)
	assert.Empty(t, find(r, RequestRenamed, "Client.CreateOrder"), "no body key in common is no rename")
	assert.Len(t, find(r, RequestRemoved, "Client.CreateOrder"), 1)
	assert.Len(t, find(r, RequestAdded, "Client.Refund"), 1)

	otherPath := newAPI(withBody(newOp("PlaceOrder", "POST", "/carts"), strField("a", false), strField("b", false), strField("c", false), strField("d", false)))
	r = Compare(old, otherPath)
	assert.Empty(t, find(r, RequestRenamed, "Client.CreateOrder"), "another path is no rename")
}

func TestRenameOfRequestWithoutBody(t *testing.T) {
	r := Compare(newAPI(newOp("GetItem", "GET", "/items/:id")), newAPI(newOp("FetchItem", "GET", "/items/:itemId")))
	got := find(r, RequestRenamed, "Client.GetItem")
	require.Len(t, got, 1, "%v", kinds(r))
	assert.Equal(t, Breaking, got[0].Class)
	assert.Len(t, find(r, PathChanged, "Client.FetchItem"), 1, "the path variable's name changed")
	assert.Len(t, find(r, ParamAdded, "Client.FetchItem"), 1)
	assert.Len(t, find(r, ParamRemoved, "Client.FetchItem"), 1)
}

func TestRequestFieldRules(t *testing.T) {
	old := newAPI(withBody(newOp("Sell", "POST", "/sales"), strField("note", true), strField("sum", false)))
	new := newAPI(withBody(newOp("Sell", "POST", "/sales"), strField("note", true), strField("sum", true), strField("shop", false), strField("memo", true)))
	new.Operations[0].Body.Type.Fields[0].Type = &types.Type{Kind: types.String}

	r := Compare(old, new)

	retyped := find(r, FieldRetyped, "SellRequest.Sum")
	require.Len(t, retyped, 1, "required to optional turns string into *string: %v", kinds(r))
	assert.Equal(t, Breaking, retyped[0].Class)
	assert.Equal(t, "string", retyped[0].Old)
	assert.Equal(t, "*string", retyped[0].New)

	required := find(r, FieldAdded, "SellRequest.Shop")
	require.Len(t, required, 1)
	assert.Equal(t, Breaking, required[0].Class, "a new required request field")

	optional := find(r, FieldAdded, "SellRequest.Memo")
	require.Len(t, optional, 1)
	assert.Equal(t, NonBreaking, optional[0].Class, "a new optional request field")
}

func TestRequestArrayFieldBecomesRequired(t *testing.T) {
	tags := func(optional bool) *types.Field {
		return &types.Field{JSONName: "tags", Name: "Tags", Type: &types.Type{Kind: types.Array, Elem: &types.Type{Kind: types.String}}, Optional: optional}
	}
	r := Compare(newAPI(withBody(newOp("Tag", "POST", "/tags"), tags(true))), newAPI(withBody(newOp("Tag", "POST", "/tags"), tags(false))))
	got := find(r, FieldRequired, "TagRequest.Tags")
	require.Len(t, got, 1, "%v", kinds(r))
	assert.Equal(t, Breaking, got[0].Class)
	assert.Equal(t, "optional", got[0].Old)
	assert.Equal(t, "required", got[0].New)
}

func TestNewParameterIsBreaking(t *testing.T) {
	r := Compare(newAPI(newOp("Items", "GET", "/shops/items")), newAPI(newOp("Items", "GET", "/shops/:shop/items")))
	got := find(r, ParamAdded, "Client.Items")
	require.Len(t, got, 1, "%v", kinds(r))
	assert.Equal(t, Breaking, got[0].Class)
	assert.Equal(t, "shop string", got[0].New)
}

func TestParametersReorderedIsBreaking(t *testing.T) {
	r := Compare(newAPI(newOp("Line", "GET", "/a/:x/b/:y")), newAPI(newOp("Line", "GET", "/a/:y/b/:x")))
	got := find(r, ParamsReordered, "Client.Line")
	require.Len(t, got, 1, "%v", kinds(r))
	assert.Equal(t, "x, y", got[0].Old)
	assert.Equal(t, "y, x", got[0].New)
}

func TestMethodChangeIsWire(t *testing.T) {
	r := Compare(newAPI(newOp("Close", "POST", "/close")), newAPI(newOp("Close", "PUT", "/close")))
	got := find(r, MethodChanged, "Client.Close")
	require.Len(t, got, 1, "%v", kinds(r))
	assert.Equal(t, Wire, got[0].Class)
	assert.Zero(t, r.Count(Breaking))
}

func TestAuthChanges(t *testing.T) {
	auth := func(kind model.AuthKind, params map[string]string) *model.Operation {
		op := newOp("Me", "GET", "/me")
		op.Auth = &model.Auth{Kind: kind, Scheme: &model.AuthScheme{Kind: kind, Params: params}}
		return op
	}
	bearer := auth(model.AuthBearer, map[string]string{"token": "{{token}}"})

	r := Compare(newAPI(bearer), newAPI(auth(model.AuthBasic, map[string]string{"username": "{{user}}", "password": "{{pass}}"})))
	got := find(r, AuthChanged, "Client.Me")
	require.Len(t, got, 1, "%v", kinds(r))
	assert.Equal(t, Breaking, got[0].Class)
	assert.Equal(t, "bearer", got[0].Old)
	assert.Equal(t, "basic", got[0].New)

	r = Compare(newAPI(bearer), newAPI(auth(model.AuthBearer, map[string]string{"token": "{{accessToken}}"})))
	got = find(r, AuthChanged, "Client.Me")
	require.Len(t, got, 1, "%v", kinds(r))
	assert.Equal(t, Wire, got[0].Class)
}

func TestOptionRules(t *testing.T) {
	old := newAPI()
	old.Variables = []*model.Variable{
		{Name: "currency", GoName: "WithCurrency", Default: "BYN"},
		{Name: "pin", GoName: "WithPin", Default: "0000"},
		{Name: "shop", GoName: "WithShop", Default: "1"},
	}
	new := newAPI()
	new.Variables = []*model.Variable{
		{Name: "currency", GoName: "WithCurrency", Default: "BYN"},
		{Name: "pin", GoName: "WithPin", Secret: true},
		{Name: "apiKey", GoName: "WithAPIKey", Secret: true},
		{Name: "lang", GoName: "WithLang", Default: "ru"},
	}

	r := Compare(old, new)

	assert.Equal(t, []string{
		"breaking option-secret WithPin",
		"breaking option-removed WithShop",
		"breaking option-added WithAPIKey",
		"non-breaking option-added WithLang",
	}, kinds(r))
}

func TestStepsMovedInSequence(t *testing.T) {
	a, b, c := newOp("A", "GET", "/a"), newOp("B", "GET", "/b"), newOp("C", "GET", "/c")
	sequence := func(ops ...*model.Operation) *model.Sequence {
		s := &model.Sequence{Name: "All", GoName: "TestSequenceAll"}
		for _, op := range ops {
			s.Steps = append(s.Steps, &model.Step{Operation: op})
		}
		return s
	}
	old := newAPI(a, b, c)
	old.Sequences = []*model.Sequence{sequence(a, b, c)}
	new := newAPI(a, b, c)
	new.Sequences = []*model.Sequence{sequence(a, c, b)}

	r := Compare(old, new)

	assert.Equal(t, []string{"sequence step-moved TestSequenceAll"}, kinds(r))
	assert.Equal(t, "step 2 of 3", r.Changes[0].Old)
	assert.Equal(t, "step 3 of 3", r.Changes[0].New)
	assert.Equal(t, "B", r.Changes[0].Detail)
}

func TestJSONOfNoChangesHasEmptyList(t *testing.T) {
	data, err := Compare(newAPI(), newAPI()).JSON()
	require.NoError(t, err)
	assert.Contains(t, string(data), `"changes": []`)
}

func TestMarkdownEscapesCollectionText(t *testing.T) {
	old := newOp("Ping", "GET", "/ping")
	old.Description = "a | b <!-- c --> `d`"
	new := newOp("Ping", "GET", "/ping")
	new.Description = "line one\nline two"

	md := Compare(newAPI(old), newAPI(new)).Markdown()

	assert.Contains(t, md, "| description-changed | `Client.Ping` | a \\| b \\<\\!-- c --\\> \\`d\\` | line one line two | request description |\n")
}

func TestFormFieldsWithRepeatedKeys(t *testing.T) {
	form := func(keys ...string) *model.API {
		op := newOp("Create", "POST", "/tokens")
		op.Body = &model.Body{Kind: model.BodyURLEncoded, FormGoName: "CreateForm"}
		for i, k := range keys {
			op.Body.Form = append(op.Body.Form, model.FormField{Key: k, GoName: fmt.Sprintf("Field%d", i+1)})
		}
		return newAPI(op)
	}
	assert.Empty(t, Compare(form("scope", "services[]", "services[]"), form("scope", "services[]", "services[]")).Changes)

	r := Compare(form("scope", "services[]", "services[]"), form("scope", "services[]"))
	assert.Equal(t, []string{"breaking field-removed CreateForm.Field3"}, kinds(r))
}
