pm.test("JSON body", function () {
    pm.response.to.have.jsonBody();
    pm.response.to.have.jsonBody("data.items[0].id");
    pm.response.to.have.jsonBody("receipt.number", 17);
    pm.response.to.not.have.jsonBody("error");
    pm.response.to.have.body("OK");
    pm.response.to.have.body({ "ok": true });
});
