// GOV.UK Frontend's components, started from a file so the pages need no inline script (see web/headers.py).
import { initAll } from '/static/govuk/govuk-frontend.min.js'
initAll()
