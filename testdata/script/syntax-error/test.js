// a broken script
pm.environment.set("token", pm.response.json().token;

pm.test("never", function () {
