"""The CAMEO ontology as data: event codes (with QuadClass, Goldstein values and PLOVER
equivalents), actor-code parts, and UD-PETRARCH's internal coding ontology.

>>> from eventcoder.ontology import Ontology
>>> cameo = Ontology.cameo()
>>> cameo.get("0871").name
'Declare truce, ceasefire'
>>> cameo.root_of("1384"), cameo.quad_class("190"), cameo.goldstein("190")
('13', 4, -10.0)
"""

from eventcoder.ontology.actor_codes import (
    NULL_ACTOR_CODE,
    country_of,
    is_country,
    known_parts,
    part_kinds,
    split_actor_code,
    validate_actor_code,
    validate_agent_code,
)
from eventcoder.ontology.event_codes import (
    EventCode,
    Ontology,
    QuadScheme,
    is_event_code_syntax,
    parent_code,
    quad_class_of_root,
    root_of,
)
from eventcoder.ontology.internal import InternalOntology, parse_value, read_internal_ontology

__all__ = [
    "NULL_ACTOR_CODE",
    "EventCode",
    "InternalOntology",
    "Ontology",
    "QuadScheme",
    "country_of",
    "is_country",
    "is_event_code_syntax",
    "known_parts",
    "parent_code",
    "parse_value",
    "part_kinds",
    "quad_class_of_root",
    "read_internal_ontology",
    "root_of",
    "split_actor_code",
    "validate_actor_code",
    "validate_agent_code",
]
