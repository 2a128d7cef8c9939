package synth

import (
	"fmt"
	"strings"
)

// noun names a kind of resource: its URL path segment, the stem of its
// variables, and the Russian words of its folder and request names.
type noun struct {
	path     string // "receipts"
	stem     string // "receipt"
	object   string // accusative singular: "Создать чек"
	plural   string // nominative plural: the folder "Чеки 17"
	genitive string // genitive plural: "Список чеков"
}

var nouns = [...]noun{
	{"receipts", "receipt", "чек", "Чеки", "чеков"},
	{"shifts", "shift", "смену", "Смены", "смен"},
	{"payments", "payment", "платёж", "Платежи", "платежей"},
	{"refunds", "refund", "возврат", "Возвраты", "возвратов"},
	{"cashiers", "cashier", "кассира", "Кассиры", "кассиров"},
	{"products", "product", "товар", "Товары", "товаров"},
	{"discounts", "discount", "скидку", "Скидки", "скидок"},
	{"customers", "customer", "покупателя", "Покупатели", "покупателей"},
	{"devices", "device", "устройство", "Устройства", "устройств"},
	{"vouchers", "voucher", "купон", "Купоны", "купонов"},
}

// resourceCtx is what the requests of one resource share.
type resourceCtx struct {
	k     int // resource number, from 1
	noun  noun
	idVar string
	base  []string // path segments of the collection URL
	body  object   // the create request's body
}

// resource returns the folder of the next resource with its first count
// requests, in the order create, get, list, update, status check.
func (g *builder) resource(count int) *item {
	g.resources++
	k := g.resources
	n := nouns[(k-1)%len(nouns)]
	rc := &resourceCtx{
		k:     k,
		noun:  n,
		idVar: fmt.Sprintf("%s%dId", n.stem, k),
		base:  []string{"api", "v1", n.path},
		body:  g.body(n),
	}
	all := []func(*resourceCtx) *item{g.create, g.get, g.list, g.update, g.status}
	folder := &item{Name: fmt.Sprintf("%s %d", n.plural, k)}
	for _, build := range all[:count] {
		folder.Item = append(folder.Item, build(rc))
	}
	return folder
}

func (g *builder) create(rc *resourceCtx) *item {
	req := &request{
		Method: "POST",
		Header: jsonHeaders(),
		Body:   jsonBody(rc.body),
		URL:    newURL(rc.base, nil, nil),
	}
	it := &item{
		Name: fmt.Sprintf("Создать %s %d", rc.noun.object, rc.k),
		Event: []*event{testEvent(
			`pm.test("Создан", function () {`,
			`    pm.response.to.have.status(201);`,
			`    pm.response.to.have.jsonBody("id");`,
			`});`,
			``,
			fmt.Sprintf(`pm.environment.set(%q, pm.response.json().id);`, rc.idVar),
		)},
		Request: req,
	}
	if rc.k%2 == 0 {
		req.Header = append(req.Header, &keyText{Key: "Idempotency-Key", Value: "{{idempotencyKey}}", Type: "text"})
		it.Event = append([]*event{{Listen: "prerequest", Script: &script{Type: "text/javascript", Exec: []string{
			`// Повторная отправка с тем же ключом не создаст второй документ`,
			`pm.environment.set("idempotencyKey", pm.variables.replaceIn("{{$guid}}"));`,
		}}}}, it.Event...)
	}
	it.Response = []*response{example("Создан", req, 201, g.entity(rc, rc.body, stateNew))}
	if rc.k%2 == 0 {
		it.Response = append(it.Response, example("Ошибка проверки", req, 400, g.apiError("VALIDATION_FAILED")))
	}
	return it
}

func (g *builder) get(rc *resourceCtx) *item {
	req := &request{
		Method: "GET",
		Header: acceptHeader(),
		URL:    newURL(append(rc.base, ":"+rc.noun.stem+"Id"), nil, rc.pathVariable()),
	}
	it := &item{
		Name: fmt.Sprintf("Получить %s %d", rc.noun.object, rc.k),
		Event: []*event{testEvent(
			`pm.test("Данные получены", function () {`,
			`    pm.response.to.have.status(200);`,
			`    const body = pm.response.json();`,
			fmt.Sprintf(`    pm.expect(body.id).to.eql(pm.environment.get(%q));`, rc.idVar),
			`});`,
		)},
		Request: req,
	}
	it.Response = []*response{example("Найден", req, 200, g.entity(rc, rc.body, stateOpen))}
	if rc.k%3 == 0 {
		it.Response = append(it.Response, example("Найден, закрыт", req, 200, g.entity(rc, rc.body, stateClosed)))
	}
	if rc.k%2 == 1 {
		it.Response = append(it.Response, example("Не найден", req, 404, g.apiError("NOT_FOUND")))
	}
	return it
}

func (g *builder) list(rc *resourceCtx) *item {
	query := []*keyText{
		{Key: "page", Value: "1"},
		{Key: "limit", Value: "{{pageSize}}"},
		{Key: "from", Value: "{{dateFrom}}", Description: "Начало периода, ISO 8601"},
		{Key: "currency", Value: "{{currency}}"},
	}
	req := &request{Method: "GET", Header: acceptHeader(), URL: newURL(rc.base, query, nil)}
	exec := []string{
		`pm.test("Список получен", function () {`,
		`    pm.response.to.have.status(200);`,
		`    pm.expect(pm.response.json().items).to.be.an("array");`,
		`});`,
	}
	if rc.k%2 == 0 {
		exec = append(exec, ``, `pm.collectionVariables.set("lastPage", pm.response.json().page);`)
	}
	items := array{g.entity(rc, rc.body, stateOpen), g.entity(rc, rc.body, stateClosed)}
	page := object{
		{"items", items},
		{"page", number("1")},
		{"pageSize", number("50")},
		{"total", number(fmt.Sprint(2 + g.rng.IntN(500)))},
	}
	return &item{
		Name:     fmt.Sprintf("Список %s %d", rc.noun.genitive, rc.k),
		Event:    []*event{testEvent(exec...)},
		Request:  req,
		Response: []*response{example("Первая страница", req, 200, page)},
	}
}

func (g *builder) update(rc *resourceCtx) *item {
	var patch object
	for _, m := range rc.body[:min(len(rc.body), 4)] {
		if m.key != "comment" {
			patch = append(patch, m)
		}
	}
	patch = append(patch, member{"comment", text(g.pick(comments))})
	req := &request{
		Method: "PUT",
		Header: jsonHeaders(),
		Body:   jsonBody(patch),
		URL:    newURL(append(rc.base, ":"+rc.noun.stem+"Id"), nil, rc.pathVariable()),
	}
	if rc.k%4 == 3 {
		req.Auth = basicAuth("{{login}}", "{{pin}}")
	}
	versionVar := fmt.Sprintf("%s%dVersion", rc.noun.stem, rc.k)
	it := &item{
		Name: fmt.Sprintf("Изменить %s %d", rc.noun.object, rc.k),
		Event: []*event{testEvent(
			`pm.test("Изменён", function () {`,
			`    pm.response.to.have.status(200);`,
			`});`,
			``,
			fmt.Sprintf(`pm.environment.set(%q, pm.response.json().version);`, versionVar),
		)},
		Request: req,
	}
	it.Response = []*response{example("Изменён", req, 200, g.entity(rc, patch, stateNew))}
	if rc.k%5 == 0 {
		it.Response = append(it.Response, example("Конфликт версий", req, 409, g.apiError("VERSION_CONFLICT")))
	}
	return it
}

// status returns a request whose name every resource repeats, so the
// names collide and the model prefixes them with folder names.
func (g *builder) status(rc *resourceCtx) *item {
	req := &request{
		Auth:   &auth{Type: "noauth"},
		Method: "GET",
		Header: acceptHeader(),
		URL:    newURL(append(rc.base, ":"+rc.noun.stem+"Id", "status"), nil, rc.pathVariable()),
	}
	state := object{
		{"status", text("ACTIVE")},
		{"checkedAt", text(g.timestamp())},
	}
	return &item{
		Name: "Проверка статуса",
		Event: []*event{testEvent(
			`pm.test("Активен", function () {`,
			`    pm.expect(pm.response.json().status).to.eql("ACTIVE");`,
			`});`,
		)},
		Request:  req,
		Response: []*response{example("Активен", req, 200, state)},
	}
}

func (rc *resourceCtx) pathVariable() []*keyText {
	return []*keyText{{Key: rc.noun.stem + "Id", Value: "{{" + rc.idVar + "}}", Description: "Идентификатор из ответа на создание"}}
}

// loginRequest returns the top-level request that stores the session
// token every folder's bearer auth sends.
func loginRequest() *item {
	req := &request{
		Method: "POST",
		Header: jsonHeaders(),
		Body: jsonBody(object{
			{"login", text("{{login}}")},
			{"pin", text("{{pin}}")},
			{"deviceId", text("{{deviceId}}")},
		}),
		URL: newURL([]string{"api", "v1", "auth", "login"}, nil, nil),
	}
	session := object{
		{"token", text("c2Vzc2lvbi10b2tlbi0xMjM0NTY3ODkw")},
		{"tokenType", text("Bearer")},
		{"expiresIn", number("3600")},
		{"cashier", object{{"login", text("ivanova")}, {"fullName", text("Иванова Анна Сергеевна")}}},
	}
	return &item{
		Name: "Вход кассира",
		Event: []*event{testEvent(
			`pm.test("Выдан токен сессии", function () {`,
			`    pm.response.to.have.status(200);`,
			`    pm.expect(pm.response.json().tokenType).to.eql("Bearer");`,
			`});`,
			``,
			`pm.environment.set("sessionToken", pm.response.json().token);`,
		)},
		Request:  req,
		Response: []*response{example("Успешный вход", req, 200, session)},
	}
}

func testEvent(exec ...string) *event {
	return &event{Listen: "test", Script: &script{Type: "text/javascript", Exec: exec}}
}

func acceptHeader() []*keyText {
	return []*keyText{{Key: "Accept", Value: "application/json", Type: "text"}}
}

func jsonHeaders() []*keyText {
	return append([]*keyText{{Key: "Content-Type", Value: "application/json", Type: "text"}}, acceptHeader()...)
}

func jsonBody(v value) *body {
	b := &body{Mode: "raw", Raw: rawJSON(v), Options: &bodyOptions{}}
	b.Options.Raw.Language = "json"
	return b
}

// newURL returns a URL on {{baseUrl}} with the given path segments, query
// parameters and path variables.
func newURL(path []string, query, vars []*keyText) *url {
	raw := "{{baseUrl}}/" + strings.Join(path, "/")
	for i, q := range query {
		sep := "&"
		if i == 0 {
			sep = "?"
		}
		raw += sep + q.Key + "=" + q.Value
	}
	return &url{
		Raw:      raw,
		Host:     []string{"{{baseUrl}}"},
		Path:     path,
		Query:    query,
		Variable: vars,
	}
}

// example returns a saved response to req with a JSON body.
func example(name string, req *request, code int, v value) *response {
	return &response{
		Name:            name,
		OriginalRequest: req,
		Status:          statusText[code],
		Code:            code,
		PreviewLanguage: "json",
		Header: []*keyText{
			{Key: "Content-Type", Value: "application/json; charset=utf-8"},
			{Key: "X-Request-Id", Value: fmt.Sprintf("req-%08x", code*7919)},
		},
		Cookie: []any{},
		Body:   rawJSON(v),
	}
}

var statusText = map[int]string{
	200: "OK",
	201: "Created",
	400: "Bad Request",
	404: "Not Found",
	409: "Conflict",
}
