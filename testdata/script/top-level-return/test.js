if (pm.response.code !== 200) {
    return;
}
pm.environment.set("token", pm.response.json().token);
