pm.test("Headers", function () {
    pm.response.to.have.header("Content-Type");
    pm.response.to.have.header("Content-Type", "application/json");
    pm.response.to.not.have.header("X-Debug");
    pm.expect(pm.response.headers.get("X-Request-Id")).to.eql("abc");
    pm.expect(pm.response.headers.has("Location")).to.be.true;
});
