"""Public pages are compressed once per published version for browsers that ask for gzip, and are
the same page either way (SQLite and PostgreSQL)."""

from __future__ import annotations

import httpx

from tests.web.conftest import running_app, serve


def test_finding_11_a_measure_page_is_sent_compressed_and_unchanged(database_url: str) -> None:
    with running_app(database_url) as app, serve(app) as base, httpx.Client(base_url=base, timeout=120) as client:
        plain = client.get("/measures/weekly-wages", headers={"Accept-Encoding": "identity"})
        packed = client.get("/measures/weekly-wages", headers={"Accept-Encoding": "gzip, deflate, br"})
        again = client.get(
            "/measures/weekly-wages",
            headers={"Accept-Encoding": "gzip, deflate, br", "If-None-Match": packed.headers["etag"]},
        )
    assert plain.status_code == packed.status_code == 200
    assert "content-encoding" not in plain.headers
    assert packed.headers["content-encoding"] == "gzip" and packed.headers["vary"] == "Accept-Encoding"
    assert int(packed.headers["content-length"]) * 4 < int(plain.headers["content-length"])
    assert packed.text == plain.text  # httpx unpacks it
    # Each encoding has its own tag, and each is answered with a 304 while it is current.
    assert packed.headers["etag"] == plain.headers["etag"][:-1] + '-gz"'
    assert again.status_code == 304
