"""PETRARCH actor date restrictions -> inclusive ISO date ranges.

PETRARCH writes dates as ``YYYYMMDD`` or ``YYMMDD``. **Century rule** for two-digit
years: ``00``-``30`` are 2000-2030 and ``31``-``99`` are 1931-1999. The Phoenix
files (generated in 2014) use two-digit years 00-14 for the 2000s and 31-99 for the
1900s, with no two-digit year in 15-30; earlier dates (births in the 1910s and
1920s) are always written with four digits, so this pivot reads every date in them
as its authors meant.

Restrictions (PETRARCH documents both limits as "or equal to"):

- ``[CODE <date]``: on or before ``date`` (``until`` = date)
- ``[CODE >date]``: on or after ``date`` (``from`` = date)
- ``[CODE d1-d2]``: from ``d1`` to ``d2``, both inclusive
- ``[CODE]``: the default, used when no dated restriction applies
"""

from __future__ import annotations

import datetime as dt
import re

import attrs

#: Two-digit years up to and including this one are 20YY; later ones are 19YY.
CENTURY_PIVOT = 30

_DATE = r"(\d{6}|\d{8})"
_UNTIL = re.compile(rf"^<\s*{_DATE}$")
_FROM = re.compile(rf"^>\s*{_DATE}$")
_RANGE = re.compile(rf"^{_DATE}\s*-\s*{_DATE}$")


class DateError(ValueError):
    """A restriction that is not one of PETRARCH's date forms."""


@attrs.frozen
class Restriction:
    """One bracketed code with its (inclusive) validity; both None means default."""

    codes: tuple[str, ...]
    start: dt.date | None = None
    end: dt.date | None = None

    @property
    def is_default(self) -> bool:
        return self.start is None and self.end is None


def parse_date(text: str) -> dt.date:
    """``YYMMDD`` (century rule above) or ``YYYYMMDD`` -> date."""
    if len(text) == 8:
        year, rest = int(text[:4]), text[4:]
    elif len(text) == 6:
        short = int(text[:2])
        year = 2000 + short if short <= CENTURY_PIVOT else 1900 + short
        rest = text[2:]
    else:
        raise DateError(f"date {text!r} is neither YYMMDD nor YYYYMMDD")
    try:
        return dt.date(year, int(rest[:2]), int(rest[2:]))
    except ValueError as error:
        raise DateError(f"date {text!r} is not a calendar date: {error}") from None


def parse_range(text: str) -> tuple[dt.date | None, dt.date | None]:
    """A restriction's date part (``<d``, ``>d``, ``d1-d2`` or empty) -> (start, end)."""
    text = text.strip()
    if not text:
        return None, None
    if match := _UNTIL.match(text):
        return None, parse_date(match.group(1))
    if match := _FROM.match(text):
        return parse_date(match.group(1)), None
    if match := _RANGE.match(text):
        start, end = parse_date(match.group(1)), parse_date(match.group(2))
        if end < start:
            raise DateError(f"date range {text!r} ends before it starts")
        return start, end
    raise DateError(f"date restriction {text!r} is not <YYMMDD, >YYMMDD or YYMMDD-YYMMDD")


_BRACKET = re.compile(r"^\s*([^\s<>\]]+)\s*(.*?)\s*$")


def parse_restriction(inner: str) -> Restriction:
    """The text inside ``[...]``: codes (``A/B`` for several) and an optional date part."""
    match = _BRACKET.match(inner)
    if not match:
        raise DateError(f"empty code [{inner}]")
    codes = tuple(code for code in match.group(1).split("/") if code)
    start, end = parse_range(match.group(2))
    return Restriction(codes, start, end)
