"""The site's page templates: the shared GOV.UK Jinja set-up (thrive.presentation) as FastAPI renders it,
with the `public_text` filter that cites documents and names records as a reader would."""

from __future__ import annotations

from fastapi.templating import Jinja2Templates

from thrive.data.dataset import load_dataset
from thrive.data.poverty_lines import load_line_table
from thrive.datasets import dataset_path
from thrive.framework.target import Relation
from thrive.framework.units import UNITS
from thrive.presentation.citations import PublicText, load_wording
from thrive.presentation.templating import make_environment


def _public_text() -> PublicText:
    dataset = load_dataset()
    roadmap = dataset.roadmap
    names = {
        **{p.code: p.name for p in roadmap.priorities},
        **{g.code: g.name for g in roadmap.groups},
        **{m.id: m.wording for m in roadmap.measures},
        **{s.id: s.label for s in roadmap.all_series()},
        **{code: unit.label for code, unit in UNITS.items()},
        **{r.value: r.value.replace("_", " ") for r in Relation},
        **{s.id: s.title for s in load_line_table().sets},
    }
    return PublicText(dataset.documents, names, load_wording(dataset_path("luton2040") / "public-wording.yaml"))


PUBLIC_TEXT = _public_text()
templates = Jinja2Templates(env=make_environment())
templates.env.filters["public_text"] = PUBLIC_TEXT
