"""Tests for eventcoder.validators: attrs validators for codes, dates and UD relations."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import actor_codes, cameo_event_codes

from eventcoder import validators
from eventcoder.dictionaries.schema import EventCodeDef
from eventcoder.errors import EventCoderError
from eventcoder.ontology import Ontology
from eventcoder.validators import InvalidValueError, is_ud_relation


@attrs.frozen
class Record:
    """A class using every validator, as library code would."""

    code: Any = attrs.field(default="190", validator=validators.event_code())
    actor: Any = attrs.field(default="SYRGOV", validator=validators.actor_code())
    date: Any = attrs.field(default="2012-03-14", validator=validators.iso_date())
    deprel: Any = attrs.field(default="nsubj", validator=validators.ud_relation())


class TestInvalidValueError:
    def test_is_both_library_and_value_error(self) -> None:
        """Callers can catch it as EventCoderError or as the attrs-usual ValueError."""
        with pytest.raises(InvalidValueError) as caught:
            Record(code="999")
        assert isinstance(caught.value, EventCoderError)
        assert isinstance(caught.value, ValueError)
        assert caught.value.location.field == "code"


class TestEventCode:
    def test_message_names_field_expectation_and_value(self) -> None:
        """The message says which field, what was expected and what came."""
        with pytest.raises(
            ValueError, match=r"'code' must be an event code of the CAMEO table, got '999'"
        ):
            Record(code="999")

    @pytest.mark.parametrize("value", [190, None, "0875", ""])
    def test_rejects(self, value: object) -> None:
        """Non-strings and codes CAMEO lacks are refused."""
        with pytest.raises(InvalidValueError):
            Record(code=value)

    def test_roots_are_codes_of_the_table(self) -> None:
        """A root ("19") is in the CAMEO table, so it passes."""
        assert Record(code="19").code == "19"

    def test_declared_table(self) -> None:
        """With an ontology, membership in that table is what counts."""
        table = Ontology.from_table([EventCodeDef("212")], name="WEIS")

        @attrs.frozen
        class Weis:
            code: str = attrs.field(validator=validators.event_code(table))

        assert Weis("212").code == "212"
        with pytest.raises(ValueError, match="an event code of the WEIS table, got '190'"):
            Weis("190")

    @given(cameo_event_codes())
    def test_every_cameo_code_passes(self, code: str) -> None:
        """All 312 CAMEO codes are accepted."""
        assert Record(code=code).code == code


class TestActorCode:
    def test_message_includes_the_problem(self) -> None:
        """The actor-code validator's message is part of the error."""
        with pytest.raises(
            ValueError,
            match=r"'actor' must be a CAMEO actor code .*unknown part 'XYZ'.*got 'SYRXYZ'",
        ):
            Record(actor="SYRXYZ")

    @given(actor_codes())
    def test_known_parts_pass(self, code: str) -> None:
        """Concatenations of known parts are accepted."""
        assert Record(actor=code).actor == code


class TestIsoDate:
    @pytest.mark.parametrize("value", ["2012-03-14", "2024-02-29", dt.date(2012, 3, 14)])
    def test_accepts(self, value: object) -> None:
        """ISO strings naming a real day, and date objects."""
        assert Record(date=value).date == value

    @pytest.mark.parametrize(
        "value",
        ["2023-02-29", "14/03/2012", "2012-3-14", "20120314", "", None, dt.datetime(2012, 3, 14)],
    )
    def test_rejects(self, value: object) -> None:
        """Impossible days, other layouts and datetimes are refused with the field named."""
        with pytest.raises(ValueError, match=r"'date' must be an ISO date \(YYYY-MM-DD\)"):
            Record(date=value)

    @given(st.dates())
    def test_any_isoformat_passes(self, day: dt.date) -> None:
        """Every real date written in ISO form passes."""
        assert Record(date=day.isoformat()).date == day.isoformat()


class TestUdRelation:
    @pytest.mark.parametrize("value", ["nsubj", "nsubj:pass", "obl:tmod", "acl:relcl", "root"])
    def test_accepts(self, value: str) -> None:
        """Universal relations, bare or with a subtype."""
        assert Record(deprel=value).deprel == value

    @pytest.mark.parametrize("value", ["dobj", "nsubjpass", "NSUBJ", "nsubj:", "nsubj:Pass", "", 3])
    def test_rejects(self, value: object) -> None:
        """UD v1 names, upper case and malformed subtypes are refused."""
        with pytest.raises(ValueError, match="'deprel' must be a UD v2 relation"):
            Record(deprel=value)

    def test_has_the_37_universal_relations(self) -> None:
        """The list is UD v2's 37 universal relations."""
        assert len(validators.UD_RELATIONS) == 37
        assert {"obj", "obl", "flat", "fixed", "orphan"} <= validators.UD_RELATIONS
        assert not {"dobj", "nmod:agent"} & validators.UD_RELATIONS

    @given(
        st.sampled_from(sorted(validators.UD_RELATIONS)),
        st.from_regex(r"[a-z]{1,8}", fullmatch=True),
    )
    def test_any_subtype(self, base: str, subtype: str) -> None:
        """Any universal relation with a lower-case subtype passes."""
        assert is_ud_relation(f"{base}:{subtype}")
