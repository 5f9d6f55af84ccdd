"""Tests for eventcoder.role_stacking (PETRARCH's role stacking, on codes)."""

from __future__ import annotations

from eventcoder.role_stacking import stack_role, stack_roles


def test_roles_append_in_order() -> None:
    """DNK + ~MUS + ~MED = DNKMUSMED; a role on a full code appends (GMWGOV + ~WGO)."""
    assert stack_roles("DNK", ["~MUS", "~MED"]) == "DNKMUSMED"
    assert stack_role("GMWGOV", "~WGO") == "GMWGOVWGO"


def test_a_role_already_held_is_not_repeated() -> None:
    """GONGOV + ~GOV stays GONGOV; DNKGOVMED + ~GOV too (GOV is one of its parts)."""
    assert stack_role("GONGOV", "~GOV") == "GONGOV"
    assert stack_role("DNKGOVMED", "~GOV") == "DNKGOVMED"


def test_prefix_and_plain_roles() -> None:
    """NGO~ goes in front (once); a plain code replaces."""
    assert stack_role("ARNGOV", "NGO~") == "NGOARNGOV"
    assert stack_role("NGOARNGOV", "NGO~") == "NGOARNGOV"
    assert stack_role("ARN", "UNO") == "UNO"
