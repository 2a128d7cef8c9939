const schema = { "type": "object", "required": ["id"] };
pm.test("Schema is valid", function () {
    pm.response.to.have.jsonSchema(schema);
    pm.expect(pm.response.json()).to.have.jsonSchema(JSON.parse(pm.environment.get("schema")));
});
