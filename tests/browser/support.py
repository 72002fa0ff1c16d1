"""Helpers for the browser tests: axe-core checks, screenshots, test accounts, signing in and keyboard focus.

They live here rather than in conftest.py because test modules import them, and pytest
advises against importing conftest modules directly.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]
from playwright.sync_api import Page, expect

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = Path(os.environ.get("THRIVE_SCREENSHOTS", ROOT / "artifacts" / "screenshots"))
"""Where screenshots go: `make test` sets artifacts/screenshots (git-ignored), the default too."""

BLOCKING_IMPACTS = frozenset({"serious", "critical"})
"""axe-core's two worst impact levels: a page with any of these fails its test."""

_AXE = Axe()
"""axe-playwright-python bundles axe-core; one instance reads the script once."""


@dataclass(frozen=True)
class Violation:
    """One axe-core rule a page breaks, with the elements that break it."""

    id: str
    impact: str
    help: str
    help_url: str
    targets: list[str]

    def __str__(self) -> str:
        where = "\n".join(f"      {target}" for target in self.targets)
        return f"  {self.id} ({self.impact}): {self.help}\n    {self.help_url}\n    on:\n{where}"


@dataclass(frozen=True)
class Account:
    """An officer the tests create with `thrive user add` and sign in as."""

    email: str
    password: str
    role: str
    group: str | None = None


@dataclass(frozen=True)
class Accounts:
    """The officers the workspace journeys sign in as, one of each role."""

    admin: Account
    editor: Account
    viewer: Account

    def all(self) -> list[Account]:
        return [self.admin, self.editor, self.viewer]


def _violation(raw: dict[str, Any]) -> Violation:
    # A node's `target` is a list of selectors: one per frame or shadow root it sits in.
    targets = [" >> ".join(str(part) for part in node.get("target", [])) for node in raw.get("nodes", [])]
    return Violation(
        id=str(raw["id"]),
        impact=str(raw.get("impact") or "unknown"),
        help=str(raw.get("help", "")),
        help_url=str(raw.get("helpUrl", "")),
        targets=targets,
    )


def axe_violations(page: Page) -> list[Violation]:
    """Every axe-core violation on the page as it stands, with all of axe's default rules run."""
    response: dict[str, Any] = _AXE.run(page).response
    return [_violation(raw) for raw in response.get("violations", [])]


def serious_violations(page: Page) -> list[Violation]:
    """The violations that would stop or seriously hinder someone using assistive technology."""
    return [v for v in axe_violations(page) if v.impact in BLOCKING_IMPACTS]


def violation_report(url: str, violations: list[Violation]) -> str:
    """A readable failure message: rule, impact and the selectors of the offending elements."""
    listed = "\n".join(str(v) for v in violations)
    return f"{len(violations)} serious or critical axe-core violation(s) on {url}:\n{listed}"


def screenshot(page: Page, name: str) -> Path:
    """Save a full-page PNG as <screenshots>/<name>.png, for reviewers and for failed tests."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{re.sub(r'[^A-Za-z0-9_-]+', '-', name).strip('-')}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


NARROW = (320, 375)
"""The narrowest phones in use (WCAG 1.4.10 reflow asks for 320 CSS pixels) and a common one."""


def check_on_phones(page: Page, name: str) -> None:
    """At 320 and 375 pixels wide the page must not scroll sideways (wide tables and charts scroll in
    their own box) and axe-core must find nothing serious: a box that scrolls at that width must be
    reachable from the keyboard. A screenshot at each width goes to the artifacts. The window is put
    back as it was."""
    size = page.viewport_size
    for width in NARROW:
        page.set_viewport_size({"width": width, "height": 800})
        screenshot(page, f"phone-{name}-{width}px")
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= width, f"{name} scrolls sideways at {width}px: it is {wide}px wide"
        if "js-enabled" in (page.locator("body").get_attribute("class") or ""):
            violations = serious_violations(page)
            assert not violations, violation_report(f"{page.url} at {width}px", violations)
    if size:
        page.set_viewport_size(size)


# ---------------------------------------------------------------- signing in


def sign_in(page: Page, account: Account) -> None:
    """Sign in through the sign-in page, as an officer would, and wait for the workspace."""
    page.goto("/sign-in")
    page.get_by_label("Email address").fill(account.email)
    page.get_by_label("Password", exact=True).fill(account.password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("main h1")).to_have_text("Officer workspace")


# ---------------------------------------------------------------- keyboard focus

FOCUS_COLOUR = "rgb(255, 221, 0)"
"""GOV.UK Frontend's focus colour (#ffdd00): every focus style in the design system draws with it."""

_FOCUSED_JS = """
(focusColour) => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const shows = (style) =>
    (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0 && style.outlineColor === focusColour) ||
    style.boxShadow.includes(focusColour) ||
    style.backgroundColor === focusColour;
  const styles = [getComputedStyle(el)];
  // GOV.UK checkboxes and radios hide the real input and draw the box, and its focus ring, on the label.
  if ((el.type === "checkbox" || el.type === "radio") && el.labels && el.labels.length) {
    styles.push(getComputedStyle(el.labels[0], "::before"));
  }
  const label = el.labels && el.labels.length ? el.labels[0].innerText : "";
  const name = el.getAttribute("aria-label") || label || el.innerText || el.value || "";
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id || "",
    name: name.replace(/\\s+/g, " ").trim().slice(0, 100),
    href: el.getAttribute("href") || "",
    focusVisible: el.matches(":focus-visible"),
    indicator: styles.some(shows),
  };
}
"""


@dataclass(frozen=True)
class Focused:
    """The element with keyboard focus, and whether it shows a focus indicator a sighted user can see."""

    tag: str
    id: str
    name: str
    href: str
    focus_visible: bool
    indicator: bool

    def __str__(self) -> str:
        return f"<{self.tag}{'#' + self.id if self.id else ''}> {self.name!r}"


def focused(page: Page) -> Focused | None:
    """The focused element, or None when focus is on the page itself."""
    raw: dict[str, Any] | None = page.evaluate(_FOCUSED_JS, FOCUS_COLOUR)
    if raw is None:
        return None
    return Focused(
        tag=str(raw["tag"]),
        id=str(raw["id"]),
        name=str(raw["name"]),
        href=str(raw["href"]),
        focus_visible=bool(raw["focusVisible"]),
        indicator=bool(raw["indicator"]),
    )


def press(page: Page, key: str) -> Focused:
    """Press a key that moves focus (Tab, Shift+Tab) and check the new focus is on a control and visible.

    WCAG 2.4.7 (focus visible): `:focus-visible` must match and the GOV.UK yellow must be drawn,
    as an outline, a box shadow or a background, on the control or (for checkboxes) its label.
    """
    page.keyboard.press(key)
    now = focused(page)
    assert now is not None, f"after {key}, focus is on the page itself, not on a control ({page.url})"
    assert now.focus_visible and now.indicator, f"after {key}, {now} has focus but shows no focus indicator"
    return now


def tab_until(page: Page, reached: Callable[[Focused], bool], *, limit: int = 120) -> list[Focused]:
    """Press Tab until `reached` holds for the focused element; every stop on the way must show its focus."""
    stops: list[Focused] = []
    for _ in range(limit):
        stops.append(press(page, "Tab"))
        if reached(stops[-1]):
            return stops
    visited = "\n".join(f"  {stop}" for stop in stops)
    raise AssertionError(f"{limit} presses of Tab on {page.url} never reached the control; visited:\n{visited}")
