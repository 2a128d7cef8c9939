pm.test("Status code is 200", function () {
    pm.response.to.have.status(200);
    pm.response.to.have.status("Created");
    pm.response.to.be.ok;
    pm.response.to.be.success;
    pm.response.to.not.be.error;
    pm.response.to.be.clientError;
    pm.response.to.be.notFound;
    pm.response.to.be.withBody;
    pm.response.to.be.json;
});
pm.test("arrow", () => pm.response.to.have.status(201));
pm.expect(pm.response.code).to.equal(200);
pm.expect(pm.response.code).to.be.oneOf([200, 201]);
