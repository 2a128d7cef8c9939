postman.setNextRequest("Close shift");
pm.setNextRequest(null);
pm.execution.setNextRequest("Open shift");
