pm.environment.set("requestId", pm.variables.replaceIn("{{$guid}}"));
pm.environment.set("mixed", pm.variables.replaceIn("order-{{$randomInt}}-{{shiftId}}"));
pm.environment.set("plain", pm.variables.replaceIn("no braces"));
pm.environment.set("unclosed", pm.variables.replaceIn("a {{b"));
var uuid = require('uuid');
pm.environment.set("fromModule", uuid());
pm.environment.set("fromV4", uuid.v4());
