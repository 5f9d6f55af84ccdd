"""Tests for eventcoder.evaluation.validate: PETRARCH validation records, compared the
way PETRARCH's validation does."""

from __future__ import annotations

import pytest

from eventcoder.coder import Coder
from eventcoder.errors import InputError
from eventcoder.evaluation.validate import (
    Tally,
    compare_record,
    environment_dictionaries,
    event_triple,
    run_validation,
)
from eventcoder.events import ActorRef, Event
from eventcoder.petrarch_records import ExpectedEvent, ValidationRecord

VALIDATE_FILE = "peers/UniversalPetrarch/PETR_Validate_records_2_02.xml"


def record(*expected: tuple[str, str, str], noevents: bool = False) -> ValidationRecord:
    return ValidationRecord(
        id="T-1", date=None, category="DEMO", evaluate=True, text="x", parse=None,
        expected=tuple(ExpectedEvent(*e) for e in expected), noevents=noevents, line=1,
    )


def event(source: str | None, target: str | None, code: str) -> Event:
    def ref(c: str | None) -> ActorRef | None:
        return ActorRef(c, c, 1, 1) if c is not None else None

    return Event(
        doc_id="T-1", sentence=1, date=None, source=ref(source), target=ref(target), code=code,
        root=code[:2], quad_class=None, goldstein=None, plover=None, verb="v", pattern=None,
        negated=False, location=None, text="x",
    )


class TestCompareRecord:
    def test_found_missed_extra(self) -> None:
        """Expected triples coded are found, the others missed; unexpected ones are extra."""
        rec = record(("ARN", "GON", "050"), ("GON", "ARN", "050"))
        result = compare_record(rec, [event("ARN", "GON", "050"), event("ARN", "GON", "051")])
        assert result.found == (("ARN", "GON", "050"),)
        assert result.missed == (("GON", "ARN", "050"),)
        assert result.extra == (("ARN", "GON", "051"),)
        assert not result.exact

    def test_exact_and_duplicates(self) -> None:
        """A record is exact when all expected events and nothing else are coded;
        repeated coded events count once."""
        rec = record(("ARN", "GON", "050"))
        result = compare_record(rec, [event("ARN", "GON", "050")] * 2)
        assert result.exact and result.extra == ()

    def test_noevents(self) -> None:
        """A noevents record is exact only when nothing is coded."""
        rec = record(noevents=True)
        assert compare_record(rec, []).exact
        assert not compare_record(rec, [event("ARN", "GON", "050")]).exact

    def test_missing_actor_is_null_code(self) -> None:
        """A missing target is written --- as PETRARCH does, so it can match "---"."""
        assert event_triple(event("CAL", None, "222")) == ("CAL", "---", "222")
        assert compare_record(record(("CAL", "---", "222")), [event("CAL", None, "222")]).exact

    def test_tally(self) -> None:
        """Totals add records, found and extra; percentages are of expected events."""
        rec = record(("ARN", "GON", "050"), ("GON", "ARN", "050"))
        tally = Tally().add(compare_record(rec, [event("ARN", "GON", "050"),
                                                 event("X", "Y", "010")]))
        data = tally.to_dict()
        assert data["events_found_pct"] == 50.0 and data["extra_pct"] == 50.0
        assert data["records_exact"] == 0


@pytest.fixture(scope="module")
def coder(shared) -> Coder:
    """A coder with the validation file's own dictionaries, converted in memory."""
    path = shared / VALIDATE_FILE
    return Coder(environment_dictionaries(path, path.parent))


class TestRunValidation:
    def test_real_file_first_records(self, shared, coder) -> None:
        """The first records of the real file run; skipped records are counted apart."""
        run = run_validation(shared / VALIDATE_FILE, coder, limit=12)
        assert len(run.results) + len(run.skipped) == 12
        assert run.results[0].record.id == "DEMO-01"
        total = run.total
        assert total.records == len(run.results)
        assert total.events_expected >= total.events_found
        assert set(run.to_dict()) >= {"records", "records_exact_pct", "by_category"}

    def test_whole_file_counts_skipped(self, shared, coder) -> None:
        """Every record is either evaluated or skipped (evaluate="false")."""
        run = run_validation(shared / VALIDATE_FILE, coder)
        assert len(run.skipped) == 10
        assert all(not r.evaluate for r in run.skipped)
        assert run.total.records == 264

    def test_environment_needs_files(self, shared, tmp_path) -> None:
        """A dictionary named in <Environment> but missing from the folder is an error."""
        with pytest.raises(InputError, match="Verbfile"):
            environment_dictionaries(shared / VALIDATE_FILE, tmp_path)
