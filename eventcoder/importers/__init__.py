"""Importers: PETRARCH / Phoenix dictionaries -> eventcoder dictionary objects and YAML.

>>> from eventcoder.importers import import_petrarch, write_import
>>> result = import_petrarch(actors=["Phoenix.Countries.actors.txt"])  # doctest: +SKIP
>>> write_import(result, "out/")  # doctest: +SKIP

Every line that could not be converted is an :class:`ImportProblem` (file, line,
reason); see docs/importing.md for the mapping and what is lost.
"""

from eventcoder.importers.dates import CENTURY_PIVOT, parse_date, parse_range
from eventcoder.importers.petrarch import (
    FileReport,
    PetrarchImport,
    import_petrarch,
    write_import,
)
from eventcoder.importers.petrarch_actors import read_actors
from eventcoder.importers.petrarch_agents import read_agents
from eventcoder.importers.petrarch_discards import read_discards
from eventcoder.importers.petrarch_issues import read_issues
from eventcoder.importers.petrarch_verbs import convert_pattern, read_verbs
from eventcoder.importers.report import ImportProblem

__all__ = [
    "CENTURY_PIVOT",
    "FileReport",
    "ImportProblem",
    "PetrarchImport",
    "convert_pattern",
    "import_petrarch",
    "parse_date",
    "parse_range",
    "read_actors",
    "read_agents",
    "read_discards",
    "read_issues",
    "read_verbs",
    "write_import",
]
