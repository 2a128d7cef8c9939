console.log("token", pm.environment.get("token"));
console.info(pm.response.json());
console.warn("warn");
pm.environment.set("token", pm.response.json().token);
