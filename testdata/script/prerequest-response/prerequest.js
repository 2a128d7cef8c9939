pm.environment.set("token", pm.response.json().token);
pm.response.to.have.status(200);
pm.environment.set("fine", "value");
