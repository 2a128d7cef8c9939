package infer

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pmgen/pmgen/diag"
)

func pinPos(line int) diag.Position {
	return diag.Position{File: "pmgen.yaml", Offset: line * 10, Line: line, Col: 3}
}

func TestFieldNamesPinFields(t *testing.T) {
	r := NewRegistry(Options{FieldNames: []FieldName{
		{Path: "Sale.positions[].vatRate", Name: "VATPercent", Pos: pinPos(1)},
		{Path: "**.sum", Name: "Amount", Pos: pinPos(2)},
		{Path: "Sale.missing", Name: "Missing", Pos: pinPos(3)},
	}})
	sale := r.Infer("Sale", []Sample{{Data: []byte(`{"positions": [{"vatRate": 20, "sum": 1.5}], "sum": 1.5}`)}})
	r.Types()

	diags := r.Diagnostics()
	require.Equal(t, 0, diags.Len(), "%v", diags.Sorted())
	assert.Equal(t, "Amount", sale.Fields[1].Name)
	pos := sale.Fields[0].Type.Elem
	assert.Equal(t, "VATPercent", pos.Fields[0].Name)
	assert.Equal(t, "Amount", pos.Fields[1].Name)
	assert.Equal(t, []string{"Sale.missing"}, r.UnusedFieldNames())
}

func TestFieldNamesFirstMatchWins(t *testing.T) {
	r := NewRegistry(Options{FieldNames: []FieldName{
		{Path: "Sale.sum", Name: "Total"},
		{Path: "**.sum", Name: "Amount"},
	}})
	sale := r.Infer("Sale", []Sample{{Data: []byte(`{"sum": 1, "nested": {"sum": 2}}`)}})
	r.Types()

	assert.Equal(t, "Total", sale.Fields[0].Name)
	assert.Equal(t, "Amount", sale.Fields[1].Type.Fields[0].Name)
	assert.Empty(t, r.UnusedFieldNames())
}

func TestFieldNamesPinBeatsNaturalName(t *testing.T) {
	// "total" would be Total; the pin takes the name, so the ladder
	// numbers the other field.
	r := NewRegistry(Options{FieldNames: []FieldName{{Path: "Sale.sum", Name: "Total"}}})
	sale := r.Infer("Sale", []Sample{{Data: []byte(`{"total": 1, "sum": 2}`)}})
	r.Types()

	assert.Equal(t, "Total2", sale.Fields[0].Name)
	assert.Equal(t, "Total", sale.Fields[1].Name)
}

func TestFieldNamesConflictIsReported(t *testing.T) {
	r := NewRegistry(Options{FieldNames: []FieldName{
		{Path: "Sale.a", Name: "Same", Pos: pinPos(1)},
		{Path: "Sale.b", Name: "Same", Pos: pinPos(2)},
		{Path: "Sale.c", Name: "not valid", Pos: pinPos(3)},
	}})
	sale := r.Infer("Sale", []Sample{{Data: []byte(`{"a": 1, "b": 2, "c": 3}`)}})
	r.Types()

	assert.Equal(t, "Same", sale.Fields[0].Name)
	assert.Equal(t, "B", sale.Fields[1].Name)
	assert.Equal(t, "C", sale.Fields[2].Name)
	diags := r.Diagnostics()
	got := diags.Sorted()
	require.Len(t, got, 2)
	assert.Equal(t, CodeNameConflict, got[0].Code)
	assert.Equal(t, pinPos(2), got[0].Pos)
	assert.Equal(t, `pinned name "Same" for Sale.b is already pinned for Sale.a, so the field is named B`, got[0].Message)
	assert.Equal(t, pinPos(3), got[1].Pos)
	assert.Equal(t, `pinned name "not valid" for Sale.c is not an ASCII Go identifier, so the field is named C`, got[1].Message)
}

func TestFieldNamesPinDisplacesField(t *testing.T) {
	r := NewRegistry(Options{FieldNames: []FieldName{{Path: "Sale.qty", Name: "Price", Pos: pinPos(1)}}})
	sale := r.Infer("Sale", []Sample{{Data: []byte(`{"qty": 1, "price": 2}`)}})
	r.Types()

	assert.Equal(t, "Price", sale.Fields[0].Name)
	assert.Equal(t, "Price2", sale.Fields[1].Name)
	diags := r.Diagnostics()
	got := diags.Sorted()
	require.Len(t, got, 1)
	assert.Equal(t, CodeNameConflict, got[0].Code)
	assert.Equal(t, pinPos(1), got[0].Pos)
	assert.Equal(t, `pinned name "Price" for Sale.qty is the name Sale.price would have had, so that field is named Price2; pin a name for it too to keep it stable`, got[0].Message)
}

func TestFieldNamesInvalidPath(t *testing.T) {
	r := NewRegistry(Options{FieldNames: []FieldName{{Path: "Sale..a", Name: "A", Pos: pinPos(1)}}})
	diags := r.Diagnostics()
	got := diags.Sorted()
	require.Len(t, got, 1)
	assert.Equal(t, CodeInvalidFieldName, got[0].Code)
	assert.Equal(t, pinPos(1), got[0].Pos)
}

func TestFieldNamesSeparateIdenticalStructs(t *testing.T) {
	// Two identical objects share a struct unless a pin names a field of
	// one of them differently.
	r := NewRegistry(Options{FieldNames: []FieldName{{Path: "Sale.card.id", Name: "CardID"}}})
	sale := r.Infer("Sale", []Sample{{Data: []byte(`{"card": {"id": "1"}, "cash": {"id": "2"}}`)}})
	r.Types()

	card, cash := sale.Fields[0].Type, sale.Fields[1].Type
	assert.NotSame(t, card, cash)
	assert.Equal(t, "CardID", card.Fields[0].Name)
	assert.Equal(t, "ID", cash.Fields[0].Name)
}
