var credentials = pm.environment.get("login") + ":" + pm.environment.get("password");
pm.environment.set("basic", "Basic " + btoa(credentials));
pm.environment.set("cryptoBasic", "Basic " + CryptoJS.enc.Base64.stringify(CryptoJS.enc.Utf8.parse(pm.environment.get("login") + ":" + pm.environment.get("password"))));
pm.environment.set("bufferBasic", "Basic " + Buffer.from(pm.environment.get("login") + ":" + pm.environment.get("password"), "utf8").toString("base64"));
pm.environment.set("hex", Buffer.from("x").toString("hex"));
