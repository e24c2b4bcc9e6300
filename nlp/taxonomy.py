"""Industrial cluster and theme taxonomies, loaded from versioned YAML files.

The files live in corpora/taxonomies/ (data, never imported); see its README.md
for the format.  A Taxonomy is immutable: it is built once per process and
shared by the segmenter (dictionary words) and the labellers (terms).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

TAXONOMY_DIR = Path(__file__).resolve().parents[1] / "corpora" / "taxonomies"
DEFAULT_TAXONOMY = "ningbo-361-2023"


class TaxonomyError(ValueError):
    """A taxonomy name that does not exist or a file that breaks the format."""


@dataclass(frozen=True)
class Category:
    """One label (a cluster or a theme) with the terms that signal it."""

    label: str
    terms: tuple[str, ...]
    weak: tuple[str, ...] = ()  # side mentions: count only when nothing strong matched
    # strong only in a clause that speaks of industry (中医药 is a public service as often as
    # an industry): elsewhere they label nothing, like neutral phrases
    industry_only: tuple[str, ...] = ()
    name: str | None = None  # display name (themes: 绿色化, 新型化, 高端化)
    tier: str | None = None
    code: str | None = None
    definition: str | None = None
    covers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Taxonomy:
    name: str
    version: str
    title: str
    source: str
    clusters: tuple[Category, ...]
    themes: tuple[Category, ...]
    neutral: tuple[str, ...] = ()  # phrases that label nothing but shadow shorter cluster terms
    theme_neutral: tuple[str, ...] = ()
    tiers: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    tier_themes: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False, compare=False)

    @property
    def cluster_labels(self) -> list[str]:
        return [c.label for c in self.clusters]

    @property
    def theme_labels(self) -> list[str]:
        return [t.label for t in self.themes]

    def implied_themes(self, cluster_labels: list[str]) -> list[str]:
        """Themes that the given clusters carry by their tier (every future industry is `new`)."""
        out: dict[str, None] = {}
        for c in self.clusters:
            if c.label in cluster_labels and c.tier:
                out.update(dict.fromkeys(self.tier_themes.get(c.tier, ())))
        return list(out)

    def cluster(self, label: str) -> Category:
        for c in self.clusters:
            if c.label == label:
                return c
        raise KeyError(label)

    def dictionary_words(self) -> list[str]:
        """Every multi-character CJK term, sorted: jieba's user dictionary."""
        words: set[str] = set()
        for cat in (*self.clusters, *self.themes):
            words.update((cat.label, *cat.terms, *cat.weak, *cat.industry_only))
        words.update(self.neutral)
        words.update(self.theme_neutral)
        return sorted(w for w in words if len(w) > 1 and any("\u4e00" <= ch <= "\u9fff" for ch in w))


def list_taxonomies(directory: Path = TAXONOMY_DIR) -> list[str]:
    return sorted(p.stem for p in directory.glob("*.yaml"))


def load_taxonomy(name_or_path: str | Path = DEFAULT_TAXONOMY, directory: Path = TAXONOMY_DIR) -> Taxonomy:
    """Load a taxonomy by name (a file stem in corpora/taxonomies) or by path."""
    path = taxonomy_path(name_or_path, directory)
    data = _read(path)
    themes_data = data.get("themes")
    theme_neutral = data.get("theme_neutral", [])
    if "themes_from" in data:
        parent = _read(taxonomy_path(data["themes_from"], directory))
        themes_data, theme_neutral = parent["themes"], parent.get("theme_neutral", [])
    clusters = tuple(_category(item, cluster=True) for item in _required(data, "clusters", path))
    themes = tuple(_category(item, cluster=False) for item in themes_data or [])
    _check_unique([c.label for c in clusters] + [t.label for t in themes], path)
    return Taxonomy(
        name=str(_required(data, "name", path)),
        version=str(_required(data, "version", path)),
        title=str(data.get("title", "")),
        source=str(data.get("source", "")).strip(),
        clusters=clusters,
        themes=themes,
        neutral=tuple(data.get("neutral", [])),
        theme_neutral=tuple(theme_neutral),
        tiers=dict(data.get("tiers", {})),
        tier_themes={str(k): tuple(map(str, v)) for k, v in (data.get("tier_themes") or {}).items()},
    )


def taxonomy_path(name_or_path: str | Path, directory: Path = TAXONOMY_DIR) -> Path:
    """The file of a taxonomy named or given by path; TaxonomyError naming the known ones if none."""
    path = Path(name_or_path)
    if path.suffix in (".yaml", ".yml") and path.exists():
        return path
    candidate = directory / f"{name_or_path}.yaml"
    if candidate.exists():
        return candidate
    known = ", ".join(list_taxonomies(directory))
    raise TaxonomyError(f"unknown taxonomy {str(name_or_path)!r} (known: {known})")


def _read(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise TaxonomyError(f"{path}: not a YAML mapping")
    return data


def _required(data: dict[str, Any], key: str, path: Path) -> Any:
    if key not in data:
        raise TaxonomyError(f"{path}: missing {key!r}")
    return data[key]


def name_terms(label: str) -> tuple[str, ...]:
    """The forms in which a text calls a cluster by its own name: 绿色石化, 绿色石化产业, 绿色石化产业集群."""
    return (label, f"{label}产业", f"{label}产业集群")


def _category(item: dict[str, Any], *, cluster: bool) -> Category:
    label = str(item["label"])
    terms = [str(t) for t in item.get("terms", [])]
    if cluster:  # a cluster's own name is always its strongest signal
        terms = [*name_terms(label), *terms]
    return Category(
        label=label,
        terms=tuple(dict.fromkeys(terms)),
        weak=tuple(str(t) for t in item.get("weak", [])),
        industry_only=tuple(str(t) for t in item.get("industry_only", [])),
        name=item.get("name"),
        tier=item.get("tier"),
        code=item.get("code"),
        definition=item.get("definition"),
        covers=tuple(str(c) for c in item.get("covers", [])),
    )


def _check_unique(labels: list[str], path: Path) -> None:
    dupes = sorted({x for x in labels if labels.count(x) > 1})
    if dupes:
        raise TaxonomyError(f"{path}: duplicate labels {dupes}")
