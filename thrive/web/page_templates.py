"""The site's page templates: the shared GOV.UK Jinja set-up (thrive.presentation) as FastAPI renders it."""

from __future__ import annotations

from fastapi.templating import Jinja2Templates

from thrive.presentation.templating import make_environment

templates = Jinja2Templates(env=make_environment())
