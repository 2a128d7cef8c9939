package synth

import "fmt"

// field is a body field that a resource may have.
type field struct {
	key  string
	make func(g *builder) value
}

// fields are the optional fields of request bodies. Each resource takes
// three to seven of them in a random order, so that most resources get a
// type of their own.
var fields = [...]field{
	{"amount", (*builder).amount},
	{"total", (*builder).amount},
	{"discountPercent", (*builder).amount},
	{"quantity", (*builder).count},
	{"vatRate", func(g *builder) value { return number(g.pick([]string{"0", "10", "20"})) }},
	{"paid", (*builder).boolean},
	{"fiscal", (*builder).boolean},
	{"externalId", func(g *builder) value { return text(g.uuid()) }},
	{"issuedAt", func(g *builder) value { return text(g.timestamp()) }},
	{"email", func(g *builder) value { return text(g.pick(emails)) }},
	{"barcode", func(g *builder) value { return text(fmt.Sprintf("481%010d", g.rng.Int64N(1e10))) }},
	{"comment", (*builder).comment},
	{"tags", (*builder).tags},
	{"customer", (*builder).customer},
	{"positions", (*builder).positions},
	{"payments", (*builder).payments},
	{"metadata", (*builder).metadata},
}

// body returns the create request's body of a resource of kind n.
func (g *builder) body(n noun) object {
	o := object{
		{"deviceId", text("{{deviceId}}")},
		{"currency", text("{{currency}}")},
		{n.stem + "Number", g.count()},
	}
	for _, i := range g.rng.Perm(len(fields))[:3+g.rng.IntN(5)] {
		o = append(o, member{fields[i].key, fields[i].make(g)})
	}
	return o
}

// entityState selects the fields of a resource that depend on its state.
type entityState int

const (
	stateNew    entityState = iota // just created or changed: no closing time
	stateOpen                      // closing time null
	stateClosed                    // closing time set, and who closed it
)

// entity returns the server's view of a resource created with body: the
// body with its variables resolved, and the fields the server adds.
func (g *builder) entity(rc *resourceCtx, body object, state entityState) object {
	id := g.uuid()
	vars := map[string]value{
		"deviceId": text("POS-TERMINAL-03"),
		"currency": text("BYN"),
	}
	e := object{{"id", text(id)}}
	e = append(e, resolve(body, vars).(object)...)
	status := "ACTIVE"
	if state == stateClosed {
		status = "CLOSED"
	}
	e = append(e,
		member{"status", text(status)},
		member{"version", g.count()},
		member{"createdAt", text(g.timestamp())},
	)
	switch state {
	case stateOpen:
		e = append(e, member{"closedAt", jsonNull})
	case stateClosed:
		e = append(e, member{"closedAt", text(g.timestamp())}, member{"closedBy", text("ivanova")})
	}
	return append(e, member{"links", object{{"self", text("/api/v1/" + rc.noun.path + "/" + id)}}})
}

// apiError returns the error body that every 4xx example of the
// collection shares.
func (g *builder) apiError(code string) object {
	name := fields[g.rng.IntN(len(fields))].key
	return object{
		{"error", object{
			{"code", text(code)},
			{"message", text(fmt.Sprintf("Запрос отклонён: поле «%s»", name))},
			{"details", array{object{
				{"field", text(name)},
				{"issue", text(g.pick([]string{"required", "invalid", "stale"}))},
			}}},
		}},
		{"requestId", text(fmt.Sprintf("req-%08x", g.rng.Uint32()))},
	}
}

func (g *builder) amount() value {
	return number(fmt.Sprintf("%d.%02d", g.rng.IntN(1000), g.rng.IntN(100)))
}

func (g *builder) count() value { return number(fmt.Sprint(1 + g.rng.IntN(999))) }

func (g *builder) boolean() value {
	if g.rng.IntN(2) == 0 {
		return jsonFalse
	}
	return jsonTrue
}

// comment is null in about one body of four.
func (g *builder) comment() value {
	if g.rng.IntN(4) == 0 {
		return jsonNull
	}
	return text(g.pick(comments))
}

func (g *builder) tags() value {
	var a array
	for range 1 + g.rng.IntN(3) {
		a = append(a, text(g.pick([]string{"акция", "опт", "онлайн", "самовывоз", "доставка"})))
	}
	return a
}

func (g *builder) customer() value {
	return object{
		{"name", text(g.pick(people))},
		{"email", text(g.pick(emails))},
		{"phone", text(fmt.Sprintf("+37529%07d", g.rng.IntN(1e7)))},
		{"address", object{
			{"city", text(g.pick(cities))},
			{"street", text(g.pick(streets))},
			{"building", g.count()},
			{"zip", text(fmt.Sprintf("2%05d", g.rng.IntN(1e5)))},
		}},
	}
}

// positions returns two or three receipt lines. The discount is null in
// the second line and an amount in the others.
func (g *builder) positions() value {
	var a array
	for i := range 2 + g.rng.IntN(2) {
		var discount value = jsonNull
		if i%2 == 0 {
			discount = g.amount()
		}
		a = append(a, object{
			{"name", text(g.pick(products))},
			{"quantity", g.count()},
			{"unit", text("шт")},
			{"price", g.amount()},
			{"vat", object{{"rate", number("20")}, {"sum", g.amount()}}},
			{"discount", discount},
		})
	}
	return a
}

func (g *builder) payments() value {
	var a array
	for range 1 + g.rng.IntN(2) {
		a = append(a, object{
			{"type", text(g.pick([]string{"cash", "card", "emoney"}))},
			{"amount", g.amount()},
		})
	}
	return a
}

func (g *builder) metadata() value {
	return object{
		{"source", text("pos")},
		{"appVersion", text(fmt.Sprintf("1.%d.%d", g.rng.IntN(10), g.rng.IntN(10)))},
		{"flags", array{g.boolean(), g.boolean()}},
		{"offline", g.boolean()},
	}
}

// uuid returns a random version 4 UUID.
func (g *builder) uuid() string {
	r := g.rng
	return fmt.Sprintf("%08x-%04x-4%03x-%04x-%012x",
		r.Uint32(), r.IntN(1<<16), r.IntN(1<<12), 0x8000|r.IntN(1<<14), r.Int64N(1<<48))
}

// timestamp returns a time in March 2025 in Minsk time, as RFC 3339.
func (g *builder) timestamp() string {
	r := g.rng
	return fmt.Sprintf("2025-03-%02dT%02d:%02d:%02d+03:00", 1+r.IntN(31), r.IntN(24), r.IntN(60), r.IntN(60))
}

func (g *builder) pick(from []string) string { return from[g.rng.IntN(len(from))] }

var (
	comments = []string{"Оплата при получении", "Без сдачи", "Повторная печать чека", "Клиент просит счёт-фактуру"}
	emails   = []string{"ivanova@example.by", "petrov@example.by", "buh@example.by", "shop-7@example.by"}
	people   = []string{"Иванова Анна Сергеевна", "Петров Игорь Викторович", "Сидорович Ольга Павловна"}
	cities   = []string{"Минск", "Гомель", "Брест", "Гродно", "Витебск", "Могилёв"}
	streets  = []string{"пр-т Независимости", "ул. Немига", "ул. Советская", "ул. Ленина"}
	products = []string{
		"Хлеб «Нарочанский» нарезной, 500 г",
		"Молоко 3,2 %, 1 л",
		"Сыр «Российский», 1 кг",
		"Кофе молотый, 250 г",
		"Пакет-майка",
	}
)
