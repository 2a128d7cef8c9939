pm.sendRequest({
    url: pm.environment.get("baseUrl") + "/login",
    method: "POST"
}, function (err, res) {
    pm.environment.set("token", res.json().token);
});
pm.environment.set("after", "still translated");
