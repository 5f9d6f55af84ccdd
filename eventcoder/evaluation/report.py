"""Turning evaluation results into text tables and JSON-ready dictionaries."""

from __future__ import annotations

from collections.abc import Iterator

from eventcoder.evaluation.gold import GoldEvent
from eventcoder.evaluation.scoring import Counts, Evaluation, SentenceScore, SystemEvent
from eventcoder.evaluation.validate import Tally, ValidationRun

_HEADER = f"{'':<12}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}"


def _row(label: str, c: Counts) -> str:
    return (
        f"{label:<12}{c.precision:>7.3f}{c.recall:>7.3f}{c.f1:>7.3f}"
        f"{c.tp:>6}{c.fp:>6}{c.fn:>6}"
    )


def _gold(event: GoldEvent) -> str:
    codes = "/".join(event.codes)
    return f"{event.source} {codes} {event.target}"


def misses(evaluation: Evaluation) -> Iterator[tuple[SentenceScore, GoldEvent]]:
    """Every required gold event left unmatched (full-code level), in gold order."""
    for score in evaluation.sentences:
        for event in score.event.fn:
            yield score, event


def extras(evaluation: Evaluation) -> Iterator[tuple[SentenceScore, SystemEvent]]:
    """Every system event matched to nothing (full-code level), in gold order."""
    for score in evaluation.sentences:
        for event in score.event.fp:
            yield score, event


def evaluation_json(evaluation: Evaluation, gold_file: str | None = None) -> dict[str, object]:
    """The figures plus every miss and extra (``evaluate --json``)."""
    data: dict[str, object] = {"gold": gold_file, **evaluation.to_dict()}
    data["misses"] = [
        {"id": s.sentence.id, "text": s.sentence.text, "source": e.source, "code": e.code,
         "target": e.target, "alt_codes": list(e.alt_codes)}
        for s, e in misses(evaluation)
    ]
    data["extras"] = [
        {"id": s.sentence.id, "text": s.sentence.text, "source": e.source, "code": e.code,
         "target": e.target}
        for s, e in extras(evaluation)
    ]
    return data


def evaluation_table(
    evaluation: Evaluation, gold_file: str | None = None, show_errors: int = 20
) -> str:
    """A plain-text report: both levels, no-event sentences, per root, misses, extras."""
    lines = [
        f"gold: {gold_file or '-'} ({len(evaluation.sentences)} sentences, "
        f"{evaluation.no_event_sentences} with no required event)",
        "",
        _HEADER,
        _row("full code", evaluation.event),
        _row("CAMEO root", evaluation.root),
        "",
        f"no-event sentences with a false positive: {evaluation.no_event_sentences_with_fp}"
        f" of {evaluation.no_event_sentences}",
        "",
        "per root (full code; TP/FN by gold root, FP by system root):",
        _HEADER.replace("            ", "root        ", 1),
    ]
    lines += [_row(root, counts) for root, counts in sorted(evaluation.per_root.items())]
    if show_errors:
        lines += _listing("misses (FN)", list(misses(evaluation)), show_errors, _gold)
        lines += _listing("extras (FP)", list(extras(evaluation)), show_errors, str)
    return "\n".join(lines)


def _listing(title: str, items: list, limit: int, show) -> list[str]:  # type: ignore[type-arg]
    lines = ["", f"{title}: {len(items)}" + (f", first {limit}" if len(items) > limit else "")]
    for score, event in items[:limit]:
        lines.append(f"  {score.sentence.id}  {show(event)}")
        lines.append(f"      {score.sentence.text}")
    return lines


def validation_table(run: ValidationRun, show_errors: int = 0) -> str:
    """A plain-text report of a PETRARCH validation run, overall and per category."""
    header = (
        f"{'category':<12}{'records':>8}{'exact':>7}{'%':>7}"
        f"{'expected':>10}{'found':>7}{'%':>7}{'extra':>7}{'%':>7}"
    )
    lines = [f"validation file: {run.file}", f"skipped (evaluate=\"false\"): {len(run.skipped)}",
             "", header]
    for name, tally in run.by_category.items():
        lines.append(_tally_row(name, tally))
    lines.append(_tally_row("TOTAL", run.total))
    if show_errors:
        wrong = [r for r in run.results if not r.exact][:show_errors]
        lines += ["", f"records not exact (first {len(wrong)}):"]
        for result in wrong:
            lines.append(f"  {result.record.id} [{result.record.category}] {result.record.text}")
            lines += [f"      missed {' '.join(t)}" for t in result.missed]
            lines += [f"      extra  {' '.join(t)}" for t in result.extra]
    return "\n".join(lines)


def _tally_row(name: str, t: Tally) -> str:
    d = t.to_dict()
    return (
        f"{name:<12}{t.records:>8}{t.records_exact:>7}{d['records_exact_pct']:>7}"
        f"{t.events_expected:>10}{t.events_found:>7}{d['events_found_pct']:>7}"
        f"{t.events_extra:>7}{d['extra_pct']:>7}"
    )
