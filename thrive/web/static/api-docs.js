// Starts Swagger UI on /api/docs from a file, so the page needs no inline script (see web/headers.py).
// validatorUrl null: Swagger UI would otherwise send the document to validator.swagger.io.
window.ui = SwaggerUIBundle({
  url: '/api/openapi.json',
  dom_id: '#swagger-ui',
  validatorUrl: null,
  deepLinking: true
})
