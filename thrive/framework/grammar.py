"""Small rules of English that generated sentences must follow: "an annual measure", never "a annual"."""

from __future__ import annotations


def indefinite(word: str) -> str:
    """The word with "a" or "an" before it, by its first letter's sound (good enough for Thrive's own words)."""
    return f"{'an' if word[:1].lower() in 'aeiou' else 'a'} {word}"


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
