"""Distributed coding on a real Dask LocalCluster: same events as serial coding, and the
coder built once per worker."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder.batch.spec import CoderSpec, coder_for
from eventcoder.conllu import read_conllu
from eventcoder.dask import code_bag, code_conllu_files, code_dataframe, event_record

distributed = pytest.importorskip("distributed")
db = pytest.importorskip("dask.bag")
dd = pytest.importorskip("dask.dataframe")
pd = pytest.importorskip("pandas")

DATA = Path(__file__).resolve().parent / "data" / "batch"
NEWS = DATA / "news.conllu"
SPEC = CoderSpec((str(DATA / "dictionaries.yaml"),), include_default=False, incomplete=True)


def _builds() -> int:
    from eventcoder.batch.spec import coder_for

    return coder_for.cache_info().misses


@pytest.fixture(scope="module")
def client():  # -> distributed.Client
    """A LocalCluster of 2 worker processes with one thread each."""
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
    with distributed.Client(cluster) as dask_client:
        yield dask_client
    cluster.close()


def _serial() -> list[dict]:
    coder = coder_for(SPEC)
    return [event_record(event, number, doc.metadata) for doc in read_conllu(NEWS)
            for number, event in enumerate(coder.code_document(doc), 1)]


def test_bag_of_documents_equals_serial_coding_built_once_per_worker(client) -> None:
    """A bag of 12 documents in 6 partitions codes to the serial events; each worker
    built the coder at most once although it coded several partitions."""
    docs = list(read_conllu(NEWS))
    bag = db.from_sequence(docs, npartitions=6)
    assert code_bag(bag, SPEC).compute() == _serial()
    builds = client.run(_builds)
    assert sorted(builds.values()) in ([0, 1], [1, 1])


def test_conllu_files_and_dataframe(client, tmp_path: Path) -> None:
    """CoNLL-U files (one partition each) and a dataframe of CoNLL-U strings give the
    same events as serial coding."""
    parts = []
    for index, doc in enumerate(read_conllu(NEWS)):
        path = tmp_path / f"part-{index % 3}.conllu"
        with open(path, "a", encoding="utf-8") as out:
            from eventcoder.conllu import write_conllu

            write_conllu([doc], out)
        parts.append(path)
    files = sorted(set(parts))
    expected = sorted(_serial(), key=lambda e: (e["doc_id"], e["event_id"]))
    got = code_conllu_files(files, SPEC).compute()
    assert sorted(got, key=lambda e: (e["doc_id"], e["event_id"])) == expected
    from eventcoder.conllu import dumps_conllu

    frame = pd.DataFrame({"conllu": [dumps_conllu([d]) for d in read_conllu(NEWS)]})
    events = code_dataframe(dd.from_pandas(frame, npartitions=3), SPEC, conllu="conllu")
    table = events.compute()
    assert list(table["event_id"]) == [e["event_id"] for e in _serial()]
    assert list(table["code"]) == [e["code"] for e in _serial()]
    assert max(client.run(_builds).values()) == 1
