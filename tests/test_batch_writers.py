"""Output formats: JSONL and CSV round trips, Phoenix TSV columns, Parquet via pyarrow."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from strategies import actor_codes

from eventcoder.batch.spec import CoderSpec
from eventcoder.batch.writers import (
    CSV_COLUMNS,
    PHOENIX_COLUMNS,
    EventRow,
    flat_row,
    make_writer,
    split_actor_code,
)
from eventcoder.conllu import read_conllu

DATA = Path(__file__).resolve().parent / "data" / "batch"


@pytest.fixture(scope="module")
def rows() -> list[EventRow]:
    """Events coded from real spaCy parses, with the record's metadata carried along."""
    spec = CoderSpec((str(DATA / "dictionaries.yaml"),), include_default=False,
                     incomplete=True)
    coder = spec.build()
    found = []
    for doc in read_conllu(DATA / "news.conllu"):
        for number, event in enumerate(coder.code_document(doc), 1):
            found.append(EventRow(event, f"{doc.id}-{number}", dict(doc.metadata)))
    assert len(found) >= 4
    return found


def _write(fmt: str, rows: list[EventRow]) -> bytes:
    buffer = io.BytesIO()
    writer = make_writer(fmt, buffer)
    for row in rows:
        writer.write(row)
    writer.close()
    return buffer.getvalue()


def test_jsonl_round_trip(rows: list[EventRow]) -> None:
    """Each JSONL line is Event.to_dict() plus event_id and the record's meta."""
    lines = _write("jsonl", rows).decode().splitlines()
    assert len(lines) == len(rows)
    for line, row in zip(lines, rows, strict=False):
        data = json.loads(line)
        expected = row.event.to_dict()
        expected["event_id"] = row.event_id
        if row.meta:
            expected["meta"] = dict(row.meta)
        assert data == expected


def test_csv_round_trip(rows: list[EventRow]) -> None:
    """CSV rows read back equal the flat records (as text), header first."""
    text = _write("csv", rows).decode()
    reader = csv.DictReader(io.StringIO(text))
    assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
    back = list(reader)
    assert len(back) == len(rows)
    for got, row in zip(back, rows, strict=False):
        flat = flat_row(row)
        assert got == {k: "" if v is None else str(v) for k, v in flat.items()}
    meta = [json.loads(r["meta"]) for r in back if r["meta"]]
    assert meta and meta[0] == {"source": "eventcoder example"}


def test_tsv_has_the_26_phoenix_columns(rows: list[EventRow]) -> None:
    """Every TSV line has 26 tab-separated fields; dates and actors split as Phoenix did."""
    lines = _write("tsv", rows).decode().split("\n")
    assert lines[-1] == ""
    table = [line.split("\t") for line in lines[:-1]]
    assert tuple(table[0]) == PHOENIX_COLUMNS and len(PHOENIX_COLUMNS) == 26
    assert all(len(fields) == 26 for fields in table)
    record = dict(zip(PHOENIX_COLUMNS, table[1], strict=False))
    event = rows[0].event
    assert record["Date"] == event.date.strftime("%Y%m%d")
    assert record["EventCode"] == event.code and record["EventRootCode"] == event.root
    assert record["SentenceID"] == f"{event.doc_id}_{event.sentence + 1}"
    assert record["NewsSources"] == "eventcoder example"


def test_parquet_is_readable_with_pyarrow(rows: list[EventRow]) -> None:
    """The Parquet file has the CSV columns, typed, one row per event."""
    pq = pytest.importorskip("pyarrow.parquet")
    table = pq.read_table(io.BytesIO(_write("parquet", rows)))
    assert tuple(table.column_names) == CSV_COLUMNS
    assert table.num_rows == len(rows)
    assert table.column("code").to_pylist() == [row.event.code for row in rows]
    assert table.column("sentence").to_pylist() == [row.event.sentence for row in rows]


def test_actor_code_split_follows_the_phoenix_documentation() -> None:
    """Role: country or IGO/NGO/IMG/MNC; entity: a sector; attribute: the rest."""
    assert split_actor_code("SYRREB") == ("REB", "SYR", "")
    assert split_actor_code("IGOUNO") == ("", "IGO", "UNO")
    assert split_actor_code("SYRGOVMIL") == ("GOV", "SYR", "MIL")
    assert split_actor_code("MIL") == ("MIL", "", "")


@given(actor_codes())
def test_actor_code_split_keeps_every_part(code: str) -> None:
    """The entity, role and attribute hold exactly the code's 3-letter parts."""
    entity, role, attribute = split_actor_code(code)
    parts = sorted(code[i : i + 3] for i in range(0, len(code), 3))
    joined = entity + role + attribute
    assert sorted(joined[i : i + 3] for i in range(0, len(joined), 3)) == parts
