pm.test("Sets inside a test", function () {
    var jsonData = pm.response.json();
    pm.expect(jsonData).to.have.property("access_token");
    pm.collectionVariables.set("token", jsonData.access_token);
});
pm.test("Name " + pm.environment.get("x"), function () {
    pm.response.to.have.status(200);
});
pm.test.skip("Skipped", function () {
    pm.response.to.have.status(500);
});
pm.test("Not a function", "oops");
pm.test("Async", async function () {
    pm.response.to.have.status(200);
});
pm.test("Empty", function () {});
pm.expect.fail("stop here");
