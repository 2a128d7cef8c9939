if (pm.response.code === 200) {
    var data = pm.response.json();
    pm.environment.set("shiftId", data.shift.id);
} else {
    pm.environment.unset("shiftId");
}
if (pm.response.json().receipt != undefined) pm.environment.set("receiptId", pm.response.json().receipt.id);
if (!pm.environment.get("token")) {
    console.log("no token");
}
if (data.a && data.b || data.c > 2) {
    pm.environment.set("x", 1);
}
if (pm.response.json().items.some(i => i.ok)) {
    pm.environment.set("y", 1);
}
