pm.environment.set("auth", "Basic " + pm.environment.get("token"));
pm.environment.set("url", pm.variables.get("baseUrl") + "/shifts/" + pm.environment.get("shiftId"));
pm.environment.set("template", `receipt-${pm.environment.get("shiftId")}-${Date.now()}`);
pm.environment.set("numberPart", "n" + 5 + true);
pm.environment.set("converted", String(pm.environment.get("count")));
pm.environment.set("adds", pm.environment.get("a") + pm.environment.get("b"));
