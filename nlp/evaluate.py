"""Score Analysis records against gold annotations (SCHEMA.md "Scoring").

The same figures as ../shared/tools/score.py: a predicted quantity matches a
gold one when its sentence holds the gold anchor, its raw text lies inside
the anchor, and value and unit agree (whitespace ignored). Optional gold lines
neither count as a miss nor as an extra.

`scope="anchored"` is for partial gold (whole paragraphs annotated, the rest
not): an unmatched prediction counts as extra only when its sentence holds
some gold anchor (quantity, optional or negative) of its document. Recall and
field accuracies are the same at either scope.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Literal

_WS = re.compile(r"\s+")
_FIELDS = ("comparator", "kind", "change", "year")
Scope = Literal["all", "anchored"]


def _norm(text: str | None) -> str:
    return _WS.sub("", text or "")


def _close(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return False
    return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))


def char_f1(a: str, b: str) -> float:
    """Character-bag F1 of two strings, whitespace ignored (the subject measure)."""
    a, b = _norm(a), _norm(b)
    common = sum((Counter(a) & Counter(b)).values()) if a and b else 0
    if not common:
        return 0.0
    p, r = common / len(a), common / len(b)
    return 2 * p * r / (p + r)


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _predicted(analyses: list[dict]) -> dict[str, dict]:
    by_doc: dict[str, dict] = {}
    for record in analyses:
        header = record.get("document", {})
        source = header.get("source") or header.get("path") or ""
        sents = record.get("sentences", [])
        quants = []
        for q in record.get("quantities", []):
            idx = q.get("sentence_index")
            sent = q.get("sentence") or (sents[idx]["text"] if idx is not None and idx < len(sents) else "")
            quants.append({**q, "_sentence": _norm(sent), "_raw": _norm(q.get("raw"))})
        by_doc[Path(str(source)).name] = {"sentences": sents, "quantities": quants}
    return by_doc


def evaluate(analyses: list[dict], gold: list[dict], scope: Scope = "all") -> dict:
    """Precision/recall/F1 for quantities and targets, field accuracies, label F1, problems.

    `scope`: "all" (every unmatched prediction is extra, as score.py) or
    "anchored" (only those in a sentence holding a gold anchor of the document).
    """
    if scope not in ("all", "anchored"):
        raise ValueError(f"scope must be 'all' or 'anchored', not {scope!r}")
    pred = _predicted(analyses)
    gold_by_doc: dict[str, list[dict]] = defaultdict(list)
    for g in gold:
        gold_by_doc[g["doc"]].append(g)
    tally: dict[str, Counter] = {"stats": Counter(), "fields": Counter(), "totals": Counter()}
    labels: dict[str, Counter] = {"clusters": Counter(), "themes": Counter()}
    problems: list[str] = []
    for doc, golds in gold_by_doc.items():
        if doc not in pred:
            problems.append(f"{doc}: no prediction for this document")
        p = pred.get(doc, {"sentences": [], "quantities": []})
        quants = p["quantities"] if scope == "all" else _anchored(golds, p["quantities"])
        _score_quantities(doc, golds, quants, tally, problems)
        _score_labels(doc, golds, p["sentences"], labels, problems)
    stats, fields, totals = tally["stats"], tally["fields"], tally["totals"]
    result: dict[str, Any] = {
        "quantities": _prf(stats["tp"], stats["fp"], stats["fn"]),
        "targets": _prf(stats["target_tp"], stats["target_fp"], stats["target_fn"]),
    }
    for name in totals:
        result[f"field.{name}"] = fields[name] / totals[name]
    for name, c in labels.items():
        if c["n"]:
            result[name] = _prf(c["tp"], c["fp"], c["fn"]) + (c["exact"] / c["n"],)
    result["counts"] = dict(stats)
    result["problems"] = problems
    return result


def _anchored(golds: list[dict], quants: list[dict]) -> list[dict]:
    """The predictions whose sentence holds a gold anchor: the annotated part of the document."""
    anchors = {_norm(g["anchor"]) for g in golds if "value" in g or g.get("negative")}
    return [q for q in quants if any(a in q["_sentence"] for a in anchors)]


def _match(g: dict, quants: list[dict], used: set[int]) -> int | None:
    anchor = _norm(g["anchor"])
    for i, q in enumerate(quants):
        if i in used or anchor not in q["_sentence"] or (q["_raw"] and q["_raw"] not in anchor):
            continue
        if _close(q.get("value"), g["value"]) and q.get("unit") == g["unit"]:
            return i
    return None


def _score_quantities(
    doc: str, golds: list[dict], quants: list[dict], tally: dict, problems: list[str]
) -> None:
    stats, fields, totals = tally["stats"], tally["fields"], tally["totals"]
    used: set[int] = set()
    for g in (g for g in golds if "value" in g):
        hit, optional, target = _match(g, quants, used), bool(g.get("optional")), g.get("kind") == "target"
        if hit is None:
            if not optional:
                stats["fn"] += 1
                stats["target_fn"] += target
                problems.append(f"{doc}: MISSED {g['anchor']} = {g['value']} {g['unit']}")
            continue
        used.add(hit)
        if optional:
            continue
        q = quants[hit]
        stats["tp"] += 1
        if target:
            stats["target_tp"] += q.get("kind") == "target"
            stats["target_fn"] += q.get("kind") != "target"
        elif q.get("kind") == "target":
            stats["target_fp"] += 1
        for name in _FIELDS:
            if name == "year" and g.get("year") is None:
                continue
            totals[name] += 1
            ok = q.get(name) == g.get(name)
            fields[name] += ok
            if not ok:
                problems.append(f"{doc}: {g['anchor']}: {name} {q.get(name)!r} != gold {g.get(name)!r}")
        if g.get("value_max") is not None or q.get("value_max") is not None:
            totals["value_max"] += 1
            fields["value_max"] += _close(q.get("value_max"), g.get("value_max"))
        totals["subject"] += 1
        ok = char_f1(q.get("subject") or "", g.get("subject") or "") >= 0.5
        fields["subject"] += ok
        if not ok:
            problems.append(
                f"{doc}: {g['anchor']}: subject {q.get('subject')!r} vs gold {g.get('subject')!r}"
            )
    negatives = [g for g in golds if g.get("negative")]
    for i, q in enumerate(quants):
        if i in used:
            continue
        stats["fp"] += 1
        stats["target_fp"] += q.get("kind") == "target"
        neg = any(
            _norm(n["anchor"]) in q["_sentence"] and q["_raw"] and q["_raw"] in _norm(n["anchor"])
            for n in negatives
        )
        why = "NEGATIVE" if neg else "EXTRA"
        problems.append(
            f"{doc}: {why} {q.get('raw')!r} = {q.get('value')} {q.get('unit')} in {q['_sentence'][:40]}"
        )


def _score_labels(
    doc: str, golds: list[dict], sentences: list[dict], labels: dict, problems: list[str]
) -> None:
    for g in golds:
        if "clusters" not in g and "themes" not in g:
            continue
        anchor = _norm(g["anchor"])
        sent = next((s for s in sentences if anchor in _norm(s.get("text"))), None)
        if sent is None:
            problems.append(f"{doc}: no sentence holds {g['anchor']}")
        for name in ("clusters", "themes"):
            if name not in g:
                continue
            want = set(g[name])
            got = {
                x["label"] if isinstance(x, dict) else str(x)
                for x in (sent.get(name) if sent else None) or []
            }
            c = labels[name]
            c["tp"] += len(want & got)
            c["fp"] += len(got - want)
            c["fn"] += len(want - got)
            c["exact"] += want == got
            c["n"] += 1
            if want != got:
                problems.append(f"{doc}: {name} {sorted(got)} != gold {sorted(want)} at {g['anchor'][:30]}")


def format_report(result: dict, verbose: bool = False) -> str:
    """The table score.py prints: counts, P/R/F1 lines, accuracies, a summary line last."""
    lines = list(result.get("problems", [])) if verbose else []
    lines.append(f"counts: {result.get('counts', {})}")
    for name, val in result.items():
        if name in ("counts", "problems"):
            continue
        if isinstance(val, tuple):
            extra = f"  exact-set {val[3]:.3f}" if len(val) > 3 else ""
            lines.append(f"{name:18s} P {val[0]:.3f}  R {val[1]:.3f}  F1 {val[2]:.3f}{extra}")
        else:
            lines.append(f"{name:18s} accuracy {val:.3f}")
    summary = f"quantity F1 {result['quantities'][2]:.3f} target F1 {result['targets'][2]:.3f}"
    for name in ("clusters", "themes"):
        if name in result:
            summary += f" {name} F1 {result[name][2]:.3f}"
    lines.append(summary)
    return "\n".join(lines)
