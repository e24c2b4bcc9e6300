"""Build corpora/labels/{train,test}.jsonl: sentences from the real corpora,
labelled by keyword rules, then overridden by hand corrections.

Run from the repository root:
    .venv/bin/python scripts/make_label_data.py            # write the data set
    .venv/bin/python scripts/make_label_data.py --review test --start 0 --n 100
        # print sentences (hash, rule labels) for the hand pass

The output is fully determined by the corpora, the rules below, SEED,
corpora/labels/corrections.jsonl (final labels of every hand-checked sentence,
keyed by the sentence's text hash), corpora/labels/extra-train.jsonl
(hashes of hand-picked train sentences added after sampling, for rare labels),
corpora/labels/extra-train-sample.jsonl (hashes of a second, seeded sample of
train-document sentences outside the first sample, all hand-labelled) and corpora/labels/test-review.jsonl (relabels of test sentences from the QA
pass that brought test in line with the written guidelines; test only).
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import docx

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
OUT = CORPORA / "labels"
SEED = 361
TRAIN_SIZE = 1345
TEST_SIZE = 420
CLUSTER_SHARE = 0.5  # share of sampled sentences that carry a rule cluster
MIN_CHARS = 8

# 08 and 10 are reserved for evaluation; 11 and 12 are the same texts as the
# guangdong/anhui .docx files, so only the .docx copies are used.
EXCLUDED_TXT = ("08_", "10_", "11_", "12_")
# Whole documents held out for the test split (never used to tune rules).
TEST_DOCS = (
    "06_gov-work-report-national-2022.txt",
    "2025-guangdong-gov-work-report.docx",
    "2025-hunan-gov-work-report.docx",
    "2025-gansu-gov-work-report.docx",
    "2025-liaoning-gov-work-report.docx",
    "2025-yunnan-gov-work-report.docx",
    "2025-shandong-gov-work-report.docx",
)
SEED_DOC = "ningbo-361-news.txt"
SEED_DOC_MAX = 8
# Train sentences added after sampling (hashes; each needs hand labels), in order.
EXTRA_FILES = (
    "extra-train.jsonl",
    "extra-train-sample.jsonl",
    "extra-train-sample2.jsonl",
    "extra-train-sample3.jsonl",
)
# A second, fresh sample of the test documents (hashes; each needs hand labels),
# written to its own file so the first test split's figures stay comparable.
FRESH_TEST_FILE = "extra-test-sample.jsonl"
# Written-and-labelled synthetic documents in genres the real corpora lack
# (news, action plans, policy explainers); appended to train only (README step 20).
SYNTHETIC_DIR = OUT / "synthetic"
# Sentences of the written quantity-gold documents, labelled blind (stop 28, stop 30); appended to
# train for the theme models only: as cluster data they cost clusters on new written documents
# twice (corpora/models/README.md, stops 28 and 30), as theme data they gained.
WRITTEN_DIR = OUT / "written"
# the files the build reads (written/ also keeps a stop-30 batch that was screened and rejected)
WRITTEN_FILES = ("dev-10-dev-11.jsonl", "dev-4-dev-5.jsonl", "dev-6-dev-7.jsonl", "dev-8-dev-9.jsonl")
WRITTEN_KINDS = ["themes"]
# test sets built outside this script, whose texts no training row may repeat
OTHER_TESTS = ("test-written.jsonl", "test-written-2.jsonl", "test-written-3.jsonl")

CLUSTERS = (
    "数字产业", "绿色石化", "高端装备", "新型功能材料", "新能源", "关键基础件",
    "智能家电", "时尚纺织服装", "现代健康", "前沿新材料", "未来智能", "元宇宙",
    "未来能源", "空天科技", "未来海洋", "量子科技", "原创新药", "未来诊疗",
)  # fmt: skip
THEMES = ("green", "new", "high-end")
FUTURE = {"前沿新材料", "未来智能", "元宇宙", "未来能源", "空天科技", "未来海洋",
          "量子科技", "原创新药", "未来诊疗"}  # fmt: skip

# Keyword rules: a label fires when any pattern matches and no veto matches.
CLUSTER_RULES: dict[str, tuple[str, str | None]] = {
    "数字产业": (
        r"数字经济|数字产业|集成电路|芯片|半导体|软件|电子信息|信息技术|信息产业"
        r"|[56]G|算力|数据中心|云计算|大数据|工业互联网|物联网|区块链|新型显示"
        r"|通信|光电子|信创|数据要素|数据产业|互联网\+|平台经济|电子元器件|智能终端"
        r"|计算产业|智算|网络安全产业|卫星互联网",
        r"数字政府|数字乡村|数字社会",
    ),
    "绿色石化": (
        r"石化|炼化|炼油|化工|乙烯|芳烃|精细化学品|化学原料|聚烯烃",
        r"[文强深优转美绿固]化工|化工作",
    ),
    "高端装备": (
        r"装备制造|高端装备|[^家]装备产业|汽车|机器人|工业母机|数控机床|机床|船舶|造船"
        r"|航空装备|大飞机|C919|航空发动机|燃气轮机|轨道交通装备|工程机械|农机装备"
        r"|农机工业|农机产品|农机制造|农业机械装备|海工装备|海洋工程装备|重大技术装备"
        r"|首台\(套\)|首台（套）|首台套|医疗装备|电力装备|输变电装备|盾构机|起重机|智能装备|先进装备"
        r"|装备业|航空航天装备|新能源装备",
        r"人形机器人",
    ),
    "新型功能材料": (
        r"新材料|先进材料|功能材料|磁性材料|稀土功能|高性能纤维|膜材料|电子化学品"
        r"|先进基础材料|关键战略材料|碳纤维|特种合金|高性能合金|硬质合金",
        r"石墨烯|纳米材料|超导|前沿新材料|前沿材料|液态金属|超材料",
    ),
    "新能源": (
        r"光伏|风电|风能|太阳能|储能|氢能|核电|新能源(?!汽车|车)|动力电池|锂电|锂电池"
        r"|智能电网|智慧电网|清洁能源产业|新能源产业|抽水蓄能|海上风|电池",
        None,
    ),
    "关键基础件": (
        r"基础件|零部件|轴承|模具|液压|紧固件|齿轮|密封件|元器件(?!产业)|工业基础"
        r"|基础零部件|核心部件|关键部件|传感器",
        None,
    ),
    "智能家电": (r"家电|家用电器|厨电|小家电", None),
    "时尚纺织服装": (r"纺织|服装|服饰|印染|化纤|鞋服|面料|丝绸|制鞋", None),
    "现代健康": (
        r"医药|医疗器械|医疗装备|生物技术|生物经济|生物制造|健康产业|大健康|中医药产业"
        r"|中药材|制药|疫苗研发|疫苗产业|高端医疗设备|医学影像",
        r"医药卫生|医药分开|医药价格|医药购销|医药集中|医药费|医药代表",
    ),
    "前沿新材料": (r"石墨烯|纳米材料|超导|前沿新材料|前沿材料|液态金属|超材料", None),
    "未来智能": (
        r"人工智能|\bAI\b|大模型|人形机器人|具身智能|智能体|脑机接口|类脑|通用智能",
        None,
    ),
    "元宇宙": (r"元宇宙|虚拟现实|增强现实|VR|AR/|数字孪生|全息", None),
    "未来能源": (r"核聚变|聚变|先进核能|未来能源|可燃冰|天然气水合物|固态电池", None),
    "空天科技": (
        r"航天|卫星|北斗|低空经济|低空|无人机|通用航空|通航|空天|商业航空|eVTOL",
        r"航天员",
    ),
    "未来海洋": (r"海洋经济|海洋产业|深海|海洋装备|海工|海洋工程|海洋牧场|海洋强", None),
    "量子科技": (r"量子", None),
    "原创新药": (r"创新药|新药|原研药|首创药", None),
    "未来诊疗": (
        r"精准医疗|基因治疗|细胞治疗|细胞和基因|基因检测|精准诊疗|智慧医疗|手术机器人"
        r"|合成生物|未来诊疗|再生医学",
        None,
    ),
}

THEME_RULES: dict[str, tuple[str, str | None]] = {
    "green": (
        r"绿色|节能|减排|降碳|低碳|碳达峰|碳中和|碳排放|碳市场|碳足迹|碳汇|双碳|零碳"
        r"|清洁能源|新能源|光伏|风电|储能|氢能|核电|太阳能|循环经济|循环利用|资源综合利用"
        r"|再生资源|固体废物|固废|无废|废弃物|污染|污水|大气|水环境|水资源|节水|环保"
        r"|生态环境|生态保护|生态文明|生态修复|能耗|燃煤|散煤|蓝天|碧水|净土|垃圾"
        r"|秸秆|化肥|农药减量|排放|治污|环境治理|空气质量|水质|河湖|节约集约|电动",
        r"绿色通道|电动自行车",
    ),
    "new": (
        r"新兴产业|新兴|未来产业|新技术|新业态|新模式|新产业|新动能|新旧动能|新质生产力"
        r"|数字化|数字经济|新型基础设施|新基建|人工智能|大数据|云计算|物联网|区块链"
        r"|元宇宙|量子|互联网\+|平台经济|共享经济|5G|6G|算力|新赛道|新领域|新型显示"
        r"|工业互联网|智能网联|低空经济|商业航天|生物制造|数据要素|数智",
        r"高新技术|新兴市场",
    ),
    "high-end": (
        r"高端|高技术|高新技术|品牌|龙头企业|链主|专精特新|小巨人|单项冠军|核心技术"
        r"|卡脖子|关键技术|技术攻关|智能制造|智能工厂|智能化|价值链|中高端|附加值"
        r"|首台|进口替代|国产替代|领军企业|独角兽|瞪羚|高精尖|制造强国|质量强国"
        r"|标志性产品|先进制造业|世界级|一流企业|自主可控|原创性|攻关|转型升级|改造升级"
        r"|产业升级|优化升级|提质升级|改造提升|科技自立自强|原始创新|科技型企业",
        None,
    ),
}

# Vetoes added after the hand pass (train sentences only) for false positives
# the v1 rules made. They apply to labelling, not to sampling: sampling keeps
# the v1 rules so the sample, and with it the hand-checked set, stays fixed.
LABEL_VETOES: dict[str, str] = {
    "绿色石化": r"一体化工|智能化工厂|数智化工厂|生态化工",
    "智能家电": r"国家电",
    "时尚纺织服装": r"丝绸之路",
    "现代健康": r"中医药(?!产业|全产业链)|医疗、医保、医药|医保、医疗、医药|医药卫生",
}

HEADING_1 = re.compile(r"^[一二三四五六七八九十]+、")
HEADING_2 = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
SENT_END = re.compile(r"[。！？；]+[”’」』）)】]*")
TAG = re.compile(r"<[^>]+>")
BLOCK_TAG = re.compile(r"</p>|<br\s*/?>|</div>|</tr>|</h\d>", re.I)


@dataclass(frozen=True)
class Unit:
    """One sentence (or heading) with its document and governing heading."""

    text: str
    doc: str
    context: str | None


def text_hash(text: str) -> str:
    """Stable key of a sentence for corrections.jsonl."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def read_txt(path: Path) -> list[str]:
    """Paragraphs of a corpus .txt: drop the '# source:' line, strip HTML."""
    body = path.read_text(encoding="utf-8").split("\n", 1)[1]
    if "<p" in body or "<td" in body:
        body = html.unescape(TAG.sub("", BLOCK_TAG.sub("\n", body)))
    return [p.strip().replace("\u3000", "") for p in body.splitlines() if p.strip()]


def read_docx(path: Path) -> list[str]:
    """Paragraphs of a .docx file."""
    paras = (p.text.replace("\u3000", "").strip() for p in docx.Document(path).paragraphs)
    return [p for p in paras if p]


def split_paragraph(para: str) -> list[str]:
    """Split on 。！？； keeping closing quotes/brackets with their sentence."""
    out, pos = [], 0
    for m in SENT_END.finditer(para):
        out.append(para[pos : m.end()].strip())
        pos = m.end()
    if para[pos:].strip():
        out.append(para[pos:].strip())
    return [s for s in out if s]


def heading_level(sent: str) -> int:
    """1 for 一、…, 2 for （一）…, 0 otherwise."""
    if HEADING_1.match(sent):
        return 1
    return 2 if HEADING_2.match(sent) else 0


def document_units(doc: str, paras: list[str]) -> list[Unit]:
    """Sentences of one document with the innermost heading above each."""
    units: list[Unit] = []
    h1: str | None = None
    h2: str | None = None
    for para in paras:
        for sent in split_paragraph(para):
            level = heading_level(sent)
            if level == 1:
                h1, h2 = sent, None
            elif level == 2:
                h2 = sent
            context = None if level == 1 else (h1 if level == 2 else h2 or h1)
            units.append(Unit(sent, doc, context))
    return units


def load_units() -> list[Unit]:
    """All usable sentences of the allowed corpora, first occurrence of each text."""
    units: list[Unit] = []
    for path in sorted((CORPORA / "real").glob("*.txt")):
        if not path.name.startswith(EXCLUDED_TXT):
            units += document_units(path.name, read_txt(path))
    for path in sorted((CORPORA / "real-docx").glob("*.docx")):
        units += document_units(path.name, read_docx(path))
    units += document_units(SEED_DOC, read_txt(CORPORA / "seed" / SEED_DOC))
    seen: set[str] = set()
    kept = []
    for u in units:
        if len(u.text) >= MIN_CHARS and u.text not in seen:
            seen.add(u.text)
            kept.append(u)
    return kept


def _fires(rule: tuple[str, str | None], text: str) -> bool:
    pattern, veto = rule
    if not re.search(pattern, text):
        return False
    # A veto only blocks when every match of the pattern lies inside a veto match.
    if veto is None:
        return True
    stripped = re.sub(veto, "", text)
    return re.search(pattern, stripped) is not None


def rule_labels(text: str, sampling: bool = False) -> tuple[list[str], list[str]]:
    """Keyword-rule clusters and themes of one sentence (v1 clusters if sampling)."""
    clusters = [c for c in CLUSTERS if _fires(CLUSTER_RULES[c], text)]
    if not sampling:
        clusters = [
            c
            for c in clusters
            if c not in LABEL_VETOES or _fires((CLUSTER_RULES[c][0], LABEL_VETOES[c]), text)
        ]
    themes = [t for t in THEMES if _fires(THEME_RULES[t], text)]
    # 石墨烯材料 etc. are frontier only; keep 新型功能材料 if another 材料 remains.
    frontier_only = "材料" not in re.sub(CLUSTER_RULES["前沿新材料"][0], "", text)
    if "新型功能材料" in clusters and "前沿新材料" in clusters and frontier_only:
        clusters.remove("新型功能材料")
    if FUTURE & set(clusters) and "new" not in themes:
        themes = [t for t in THEMES if t in themes or t == "new"]
    return clusters, themes


def sample(units: list[Unit], size: int, rng: random.Random) -> list[Unit]:
    """Take ~CLUSTER_SHARE sentences with a rule cluster, the rest without."""
    with_c = [u for u in units if rule_labels(u.text, sampling=True)[0]]
    without = [u for u in units if not rule_labels(u.text, sampling=True)[0]]
    n_c = min(len(with_c), round(size * CLUSTER_SHARE))
    picked = rng.sample(with_c, n_c) + rng.sample(without, min(len(without), size - n_c))
    order = {u: i for i, u in enumerate(units)}
    return sorted(picked, key=order.__getitem__)


def split_units(units: list[Unit]) -> tuple[list[Unit], list[Unit]]:
    """Reproducible (train, test) samples; test comes from TEST_DOCS only.

    The test split also takes every remaining rule-cluster sentence of its
    documents, so that industry sentences are well represented there.
    """
    rng = random.Random(SEED)
    test_pool = [u for u in units if u.doc in TEST_DOCS]
    test = sample(test_pool, TEST_SIZE, rng)
    picked = set(test)
    test += [u for u in test_pool if u not in picked and rule_labels(u.text, sampling=True)[0]]
    pool = [u for u in units if u.doc not in TEST_DOCS and u.doc != SEED_DOC]
    train = sample(pool, TRAIN_SIZE, rng)
    seed_units = [u for u in units if u.doc == SEED_DOC]
    train += random.Random(SEED + 2).sample(seed_units, SEED_DOC_MAX)
    order = {u: i for i, u in enumerate(units)}
    return train, sorted(test, key=order.__getitem__)


def listed_units(path: Path, units: list[Unit], fits: Callable[[Unit, str], bool], what: str) -> list[Unit]:
    """The units whose hashes a list file names, in document order; each must `fit` and
    have hand labels in corrections.jsonl, or the build stops."""
    wanted = [json.loads(line)["hash"] for line in path.read_text(encoding="utf-8").splitlines() if line]
    by_hash = {text_hash(u.text): u for u in units}
    fixes = load_corrections()
    out = []
    for h in dict.fromkeys(wanted):
        u = by_hash.get(h)
        if u is None or not fits(u, h):
            raise SystemExit(f"{path.name}: {h} is not {what}")
        if h not in fixes:
            raise SystemExit(f"{path.name}: {h} has no hand labels in corrections.jsonl")
        out.append(u)
    order = {u: i for i, u in enumerate(units)}
    return sorted(out, key=order.__getitem__)


def add_extras(train: list[Unit], test: list[Unit], units: list[Unit], path: Path) -> list[Unit]:
    """Append the sentences listed in an extra-train file to train.

    Extras come after the sample (which they do not change), only from train
    documents, and must be hand-checked: a bad entry stops the build.
    """
    if not path.exists():
        return train
    taken = {text_hash(u.text) for u in train + test}
    listed = listed_units(
        path,
        units,
        lambda u, _: u.doc not in TEST_DOCS and u.doc != SEED_DOC,
        "a sentence of a train document",
    )
    return train + [u for u in listed if text_hash(u.text) not in taken]


def fresh_test(train: list[Unit], test: list[Unit], units: list[Unit], path: Path) -> list[Unit]:
    """The sentences listed in extra-test-sample.jsonl: test documents only, in neither split."""
    if not path.exists():
        return []
    taken = {text_hash(u.text) for u in train + test}
    return listed_units(
        path,
        units,
        lambda u, h: u.doc in TEST_DOCS and h not in taken,
        "an unused sentence of a test document",
    )


def load_corrections(path: Path = OUT / "corrections.jsonl") -> dict[str, dict]:
    """Hand-checked final labels keyed by text hash (later lines win)."""
    if not path.exists():
        return {}
    rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line)
    return {r["hash"]: r for r in rows}


def load_review(units: list[Unit], fixes: dict[str, dict], path: Path, split: str) -> dict[str, dict]:
    """Reviewed labels of one split keyed by text hash, as corrections-style entries.

    Each review must name a sentence of `split` and its `old` labels must equal
    the hand labels it replaces, so a stale review stops the build.
    """
    if not path.exists():
        return {}
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    hashes = {text_hash(u.text) for u in units}
    out = {}
    for r in rows:
        h, old = r["hash"], r["old"]
        if h not in hashes:
            raise SystemExit(f"{path.name}: {h} is not a {split} sentence")
        fix = fixes.get(h)
        labels = (set(old["clusters"]), set(old["themes"]))
        if fix is None or (set(fix["clusters"]), set(fix["themes"])) != labels:
            raise SystemExit(f"{path.name}: {h} 'old' does not match its current labels")
        out[h] = {**fix, "clusters": r["new"]["clusters"], "themes": r["new"]["themes"]}
    return out


# Relabel files per split, applied in this order after corrections.jsonl: each file's
# `old` labels are the labels the files before it left (test-adjudication.jsonl, step 17,
# decides between the reviewed test labels and the second annotation).
REVIEW_FILES = {
    "train": ("train-review.jsonl", "train-adjudication.jsonl"),
    "test": ("test-review.jsonl", "test-adjudication.jsonl"),
    "test-fresh": ("test-fresh-adjudication.jsonl",),
}


def apply_reviews(
    units: list[Unit], fixes: dict[str, dict], split: str
) -> tuple[dict[str, dict], dict[str, int]]:
    """corrections.jsonl with the split's relabel files layered on top, and how many each relabelled."""
    labels, counts = dict(fixes), {}
    for name in REVIEW_FILES[split]:
        reviewed = load_review(units, labels, OUT / name, split)
        labels.update(reviewed)
        counts[name] = len(reviewed)
    return labels, counts


def in_order(labelled: dict) -> tuple[list[str], list[str]]:
    """A labelled line's clusters and themes, in the taxonomy's order."""
    return [c for c in CLUSTERS if c in labelled["clusters"]], [t for t in THEMES if t in labelled["themes"]]


def record(u: Unit, split: str, fixes: dict[str, dict]) -> dict:
    """One output line; hand labels replace rule labels when present."""
    clusters, themes = rule_labels(u.text)
    fix = fixes.get(text_hash(u.text))
    if fix is not None:
        clusters, themes = in_order(fix)
    return {
        "text": u.text,
        "doc": u.doc,
        "clusters": clusters,
        "themes": themes,
        "context": u.context,
        "split": split,
        "origin": "hand-checked" if fix is not None else "rule",
    }


def synthetic_rows(units: list[Unit]) -> list[dict]:
    """The synthetic training rows, in file order; a text that is a real unit or repeats is dropped."""
    return extra_rows(sorted(SYNTHETIC_DIR.glob("*.jsonl")), {u.text for u in units}, "synthetic")


def written_rows(taken: set[str]) -> list[dict]:
    """The written documents' labelled sentences, in file order, for the theme models only; a text
    already in train or in any test set, or repeated, is dropped."""
    seen = set(taken)
    for name in OTHER_TESTS:
        path = OUT / name
        if path.exists():
            seen |= {
                json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line
            }
    paths = [WRITTEN_DIR / name for name in WRITTEN_FILES]
    return extra_rows(paths, seen, "written", kinds=WRITTEN_KINDS)


def extra_rows(
    paths: Sequence[Path], seen: set[str], origin: str, kinds: list[str] | None = None
) -> list[dict]:
    """Labelled rows of `paths` appended to train (synthetic or written), checked; a text in `seen`
    or repeated is dropped.  Synthetic docs must be named syn-…."""
    seen = set(seen)
    rows = []
    for path in paths:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            r = json.loads(line)
            where = f"{path.name}:{n}"
            if origin == "synthetic" and not r["doc"].startswith("syn-"):
                raise SystemExit(f"{where}: a synthetic doc name must start with syn-")
            if not set(r["clusters"]) <= set(CLUSTERS) or not set(r["themes"]) <= set(THEMES):
                raise SystemExit(f"{where}: unknown label in {r['clusters'] + r['themes']}")
            if len(r["text"]) < MIN_CHARS or r["text"] in seen:
                continue
            seen.add(r["text"])
            clusters, themes = in_order(r)
            row = {
                "text": r["text"],
                "doc": r["doc"],
                "clusters": clusters,
                "themes": themes,
                "context": r.get("context"),
                "split": "train",
                "origin": origin,
            }
            rows.append(row | {"kinds": kinds} if kinds else row)
    return rows


def write_split(
    name: str,
    units: list[Unit],
    fixes: dict[str, dict],
    split: str | None = None,
    extra: Sequence[dict] = (),
) -> list[dict]:
    """Write OUT/<name>.jsonl (the units' records, then `extra`); return the units' records."""
    rows = [record(u, split or name, fixes) for u in units]
    with (OUT / f"{name}.jsonl").open("w", encoding="utf-8") as f:
        for r in [*rows, *extra]:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return rows


def stats(rows_by_split: dict[str, list[dict]]) -> str:
    """Markdown table: sentences per label per split, and hand-pass agreement."""
    names = list(rows_by_split)
    lines = ["| label | " + " | ".join(names) + " |", "| --- |" + " --- |" * len(names)]
    for label in (*CLUSTERS, *THEMES):
        counts = [sum(label in r["clusters"] + r["themes"] for r in rows_by_split[n]) for n in names]
        lines.append(f"| {label} | " + " | ".join(map(str, counts)) + " |")
    for title, pred in (
        ("any cluster", lambda r: bool(r["clusters"])),
        ("no cluster, no theme", lambda r: not r["clusters"] and not r["themes"]),
        ("hand-checked", lambda r: r["origin"] == "hand-checked"),
        ("sentences", lambda r: True),
    ):
        counts = [sum(map(pred, rows_by_split[n])) for n in names]
        lines.append(f"| {title} | " + " | ".join(map(str, counts)) + " |")
    return "\n".join(lines)


def agreement(rows: list[dict], fixes: dict[str, dict]) -> str:
    """How many rule labels the hand pass changed, over hand-checked rows."""
    checked = [fixes[text_hash(r["text"])] for r in rows if r["origin"] == "hand-checked"]
    changed = [
        f
        for f in checked
        if (set(f["clusters"]), set(f["themes"])) != (set(f["rule_clusters"]), set(f["rule_themes"]))
    ]
    added = sum(
        len(set(f["clusters"] + f["themes"]) - set(f["rule_clusters"] + f["rule_themes"])) for f in checked
    )
    removed = sum(
        len(set(f["rule_clusters"] + f["rule_themes"]) - set(f["clusters"] + f["themes"])) for f in checked
    )
    kept = sum(
        len(set(f["rule_clusters"] + f["rule_themes"]) & set(f["clusters"] + f["themes"])) for f in checked
    )
    return (
        f"{len(changed)}/{len(checked)} sentences changed; "
        f"labels kept {kept}, removed {removed}, added {added}"
    )


def review(units: list[Unit], start: int, n: int) -> None:
    """Print a slice for the hand pass: index, hash, rule labels, text."""
    for i, u in enumerate(units[start : start + n], start):
        clusters, themes = rule_labels(u.text)
        print(f"{i}|{text_hash(u.text)}|{','.join(clusters)}|{','.join(themes)}|{u.text}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--review", choices=("train", "test"))
    ap.add_argument("--start", type=int, default=0)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--unchecked", action="store_true", help="review only sentences not yet hand-checked")
    args = ap.parse_args()
    units = load_units()
    train, test = split_units(units)
    if args.review:
        units = test if args.review == "test" else random.Random(SEED + 1).sample(train, len(train))
        if args.unchecked:
            done = load_corrections()
            units = [u for u in units if text_hash(u.text) not in done]
        review(units, args.start, args.n)
        return
    for name in EXTRA_FILES:
        train = add_extras(train, test, units, OUT / name)
    fresh = fresh_test(train, test, units, OUT / FRESH_TEST_FILE)
    fixes = load_corrections()
    # The QA passes override corrections of their own split only; the
    # rule-vs-hand agreement below still describes the original hand pass.
    splits = {"train": train, "test": test, "test-fresh": fresh}
    layered = {name: apply_reviews(units_, fixes, name) for name, units_ in splits.items()}
    OUT.mkdir(exist_ok=True)
    synthetic = synthetic_rows(units)
    written = written_rows({u.text for u in units} | {r["text"] for r in synthetic})
    rows = {
        "train": write_split("train", train, layered["train"][0], extra=[*synthetic, *written]),
        "test": write_split("test", test, layered["test"][0]),
    }
    if fresh:
        rows["test-fresh"] = write_split("test-fresh", fresh, layered["test-fresh"][0], split="test")
    print(
        stats(
            {
                **rows,
                "synthetic (in train.jsonl)": synthetic,
                "written (in train.jsonl, themes only)": written,
            }
        )
    )
    for name, split_rows in rows.items():
        print(f"{name}: {agreement(split_rows, fixes)}")
    for name, (_, counts) in layered.items():
        for file, n in counts.items():
            print(f"{name}: {n} sentences relabelled by {file}")


if __name__ == "__main__":
    main()
