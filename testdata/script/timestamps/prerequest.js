pm.environment.set("ms", Date.now());
pm.environment.set("sec", Math.floor(Date.now() / 1000));
pm.environment.set("secFromDate", Math.floor(new Date().getTime() / 1000));
pm.environment.set("iso", new Date().toISOString());
pm.environment.set("day", new Date().toISOString().split('T')[0]);
pm.environment.set("getTime", new Date().getTime());
var now = new Date();
pm.environment.set("fromLocal", now.toISOString());
pm.environment.set("rounded", Math.round(Date.now() / 1000));
