tests["Status code is 200"] = responseCode.code === 200;
tests["Status code " + responseCode.code] = responseCode.code === 200 || responseCode.code === 201;
tests["Body has token"] = responseBody.has("token");
var data = JSON.parse(responseBody);
tests["Has id"] = data.id;
tests["Not an error"] = !data.error;
tests["Loose"] = data.count == "3";
tests["Fast"] = responseTime < 500;
tests.dotted = data.ok === true;
