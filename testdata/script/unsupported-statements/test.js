for (var i = 0; i < 3; i++) {
    pm.environment.set("i" + i, i);
}
function helper() { return 1; }
pm.environment.set("helper", helper());
pm.environment.set("sum", pm.response.json().a * 2);
var broken = pm.response.json().items.filter(x => x.ok);
pm.environment.set("usesBroken", broken[0].id);
try { pm.environment.set("t", 1); } catch (e) {}
eval(pm.collectionVariables.get("lib"));
pm.response.to.have.jsonSchema(JSON.parse(pm.environment.get("schema")));
pm.response.to.not.have.property("errors");
