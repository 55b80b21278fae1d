"""Benchmark German lemmatisation and STTS tagging candidates for eventwire.

Reads the gold tokens of UD German GSD (dev) and UD German PUD (test) and
measures, on the gold tokenisation (the syntactic words of each treebank):

* simplemma: lemma accuracy of ``simplemma.lemmatize(token, lang="de")``,
  overall and for gold VERB and NOUN tokens, and its speed without any cache,
  with its built-in LRU cache and with a per-form ``dict`` cache in front;
* HanTa: lemma accuracy and STTS tag accuracy of ``tag_sent`` on each sentence
  (against the XPOS column where that column holds STTS tags), and its speed
  as shipped and with per-form memo tables;
* a reference in the same run: plain regex tokenisation of the sentence texts.

Every speed is given in words per second on one pinned core and as a ratio to
the regex reference. Lemmas are compared case-sensitively and also
case-insensitively (``str.lower`` on both sides). Results are printed as tables
and written as JSON (default ``benchmarks/results/morphology.json``).

Usage (from the repository root)::

    .venv/bin/python benchmarks/bench_morphology.py --shared ../shared
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.metadata
import json
import os
import platform
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import simplemma

# Per-core throughput goal of eventwire's German analysis: 100 articles of
# ~300 words per second, i.e. 30,000 words/s for the whole pipeline.
TARGET_WORDS_PER_SECOND = 30_000
WORDS_PER_ARTICLE = 300

TREEBANKS: dict[str, str] = {
    "gsd-dev": "ud-german-gsd/de_gsd-ud-dev.conllu.gz",
    "pud-test": "ud-german-pud/de_pud-ud-test.conllu.gz",
}

# Corpus passes per timed pass for the fast variants whose state does not
# change between passes (regex reference, warm caches).
FAST_INNER = 10

# Plain regex tokenisation used as the speed reference.
REFERENCE_TOKEN_RE = re.compile(r"\w+|[^\w\s]")

# The STTS tag set (Schiller et al. 1999) plus the TIGER/HanTa spelling PROAV
# of PAV. Used to check whether a treebank's XPOS column holds STTS tags.
STTS_TAGS: frozenset[str] = frozenset(
    {
        "ADJA", "ADJD", "ADV", "APPR", "APPRART", "APPO", "APZR", "ART", "CARD",
        "FM", "ITJ", "KOUI", "KOUS", "KON", "KOKOM", "NN", "NE", "PDS", "PDAT",
        "PIS", "PIAT", "PIDAT", "PPER", "PPOSS", "PPOSAT", "PRELS", "PRELAT",
        "PRF", "PWS", "PWAT", "PWAV", "PAV", "PROAV", "PTKZU", "PTKNEG",
        "PTKVZ", "PTKANT", "PTKA", "TRUNC", "VVFIN", "VVIMP", "VVINF", "VVIZU",
        "VVPP", "VAFIN", "VAIMP", "VAINF", "VAPP", "VMFIN", "VMINF", "VMPP",
        "XY", "$,", "$.", "$(",
    }
)  # fmt: skip
# A treebank's XPOS column is scored as STTS only above this share of STTS tags.
STTS_XPOS_MIN_SHARE = 0.95

# HanTa's German model writes some STTS tags differently: "VV(FIN)" for VVFIN,
# "ADJ(A)" for ADJA, PROAV for PAV, and it splits NN into NN, NNA (nominalised
# adjectives) and NNI (nominalised infinitives). These are renamed to the tag
# names used in UD German GSD before comparing.
HANTA_TAG_RENAMES: dict[str, str] = {"PROAV": "PAV", "NNA": "NN", "NNI": "NN"}
# HanTa's "VV(FIN)" style; "$(" (other punctuation) must stay as it is.
HANTA_SPLIT_TAG_RE = re.compile(r"([A-Z]+)\(([A-Z]+)\)")

# Coarse STTS -> UPOS map, following the majority UPOS of each XPOS in UD
# German GSD. Only used for the secondary "coarse UPOS" figure, which is the
# only tagging figure available for treebanks whose XPOS is not STTS.
STTS_TO_UPOS: dict[str, str] = {
    "ADJA": "ADJ", "ADJD": "ADJ", "ADV": "ADV", "APPR": "ADP", "APPRART": "ADP",
    "APPO": "ADP", "APZR": "ADP", "ART": "DET", "CARD": "NUM", "FM": "X",
    "ITJ": "INTJ", "KOUI": "ADP", "KOUS": "SCONJ", "KON": "CCONJ",
    "KOKOM": "ADP", "NN": "NOUN", "NE": "PROPN", "PDS": "PRON", "PDAT": "DET",
    "PIS": "PRON", "PIAT": "DET", "PIDAT": "DET", "PPER": "PRON",
    "PPOSS": "PRON", "PPOSAT": "DET", "PRELS": "PRON", "PRELAT": "PRON",
    "PRF": "PRON", "PWS": "PRON", "PWAT": "DET", "PWAV": "ADV", "PAV": "ADV",
    "PTKZU": "PART", "PTKNEG": "PART", "PTKVZ": "ADP", "PTKANT": "PART",
    "PTKA": "ADV", "TRUNC": "NOUN", "VVFIN": "VERB", "VVIMP": "VERB",
    "VVINF": "VERB", "VVIZU": "VERB", "VVPP": "VERB", "VAFIN": "AUX",
    "VAIMP": "AUX", "VAINF": "AUX", "VAPP": "AUX", "VMFIN": "AUX",
    "VMINF": "AUX", "VMPP": "AUX", "XY": "X", "$,": "PUNCT", "$.": "PUNCT",
    "$(": "PUNCT",
}  # fmt: skip

# Gold UPOS subsets reported besides "all" (eventwire matches verb and noun
# triggers on lemmas).
FOCUS_UPOS: tuple[str, ...] = ("VERB", "NOUN")
# How many of the most frequent errors per focus UPOS go into the JSON.
TOP_ERRORS = 15


# --------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Sentence:
    """One treebank sentence: its text and its syntactic words."""

    sent_id: str
    text: str
    forms: tuple[str, ...]
    lemmas: tuple[str, ...]
    upos: tuple[str, ...]
    xpos: tuple[str, ...]
    in_mwt: tuple[bool, ...]


@dataclass
class Treebank:
    """A named list of sentences read from one CoNLL-U file."""

    name: str
    path: Path
    sentences: list[Sentence]
    sha256_uncompressed: str
    sha256_expected: str | None

    @property
    def n_words(self) -> int:
        return sum(len(s.forms) for s in self.sentences)


def _parse_conllu(lines: Sequence[str]) -> list[Sentence]:
    sentences: list[Sentence] = []
    sent_id = ""
    text: str | None = None
    rows: list[tuple[str, str, str, str, bool]] = []
    mwt_until = 0

    def flush() -> None:
        nonlocal sent_id, text, rows, mwt_until
        if rows:
            forms = tuple(r[0] for r in rows)
            sentences.append(
                Sentence(
                    sent_id=sent_id or f"s{len(sentences) + 1}",
                    text=text if text is not None else " ".join(forms),
                    forms=forms,
                    lemmas=tuple(r[1] for r in rows),
                    upos=tuple(r[2] for r in rows),
                    xpos=tuple(r[3] for r in rows),
                    in_mwt=tuple(r[4] for r in rows),
                )
            )
        sent_id, text, rows, mwt_until = "", None, [], 0

    for raw in lines:
        line = raw.rstrip("\n")
        if not line.strip():
            flush()
            continue
        if line.startswith("#"):
            key, sep, value = line[1:].partition("=")
            if sep and key.strip() == "sent_id":
                sent_id = value.strip()
            elif sep and key.strip() == "text":
                text = value.strip()
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            raise ValueError(f"malformed CoNLL-U line: {line!r}")
        token_id = cols[0]
        if "-" in token_id:  # multiword token: its words follow on own lines
            mwt_until = int(token_id.split("-")[1])
            continue
        if "." in token_id:  # empty node of enhanced dependencies
            continue
        index = int(token_id)
        rows.append((cols[1], cols[2], cols[3], cols[4], index <= mwt_until))
    flush()
    return sentences


def _expected_sha256(path: Path) -> str | None:
    sums = path.parent / "SHA256SUMS.uncompressed"
    if not sums.is_file():
        return None
    target = path.name.removesuffix(".gz")
    for line in sums.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[1].lstrip("*") == target:
            return parts[0]
    return None


def load_treebank(name: str, path: Path) -> Treebank:
    with gzip.open(path, "rb") as handle:
        raw = handle.read()
    text = raw.decode("utf-8")
    return Treebank(
        name=name,
        path=path,
        sentences=_parse_conllu(text.splitlines()),
        sha256_uncompressed=hashlib.sha256(raw).hexdigest(),
        sha256_expected=_expected_sha256(path),
    )


def resolve_data_dir(shared: Path) -> Path:
    """Accept either the shared folder or its ``data`` subfolder."""
    for candidate in (shared / "data", shared):
        if all((candidate / rel).is_file() for rel in TREEBANKS.values()):
            return candidate
    missing = ", ".join(TREEBANKS.values())
    raise SystemExit(f"cannot find {missing} under {shared} or {shared / 'data'}")


# --------------------------------------------------------------------------
# Accuracy
# --------------------------------------------------------------------------


@dataclass
class LemmaScore:
    """Counts of correct lemmas, case-sensitive and case-insensitive."""

    n: int = 0
    correct_cs: int = 0
    correct_ci: int = 0

    def add(self, predicted: str, gold: str) -> None:
        self.n += 1
        if predicted == gold:
            self.correct_cs += 1
        if predicted.lower() == gold.lower():
            self.correct_ci += 1

    def as_dict(self) -> dict[str, float | int | None]:
        return {
            "n": self.n,
            "correct_case_sensitive": self.correct_cs,
            "correct_case_insensitive": self.correct_ci,
            "accuracy_case_sensitive": _ratio(self.correct_cs, self.n),
            "accuracy_case_insensitive": _ratio(self.correct_ci, self.n),
        }


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def score_lemmas(
    sentences: Sequence[Sentence], predicted: Sequence[Sequence[str]]
) -> dict[str, Any]:
    """Score predicted lemmas overall, on FOCUS_UPOS and per gold UPOS."""
    overall = LemmaScore()
    by_upos: dict[str, LemmaScore] = {}
    errors: dict[str, Counter[tuple[str, str, str]]] = {u: Counter() for u in FOCUS_UPOS}
    for sentence, lemmas in zip(sentences, predicted, strict=True):
        for form, pred, gold, upos in zip(
            sentence.forms, lemmas, sentence.lemmas, sentence.upos, strict=True
        ):
            overall.add(pred, gold)
            by_upos.setdefault(upos, LemmaScore()).add(pred, gold)
            if upos in errors and pred.lower() != gold.lower():
                errors[upos][(form, gold, pred)] += 1
    return {
        "all": overall.as_dict(),
        **{u: by_upos.get(u, LemmaScore()).as_dict() for u in FOCUS_UPOS},
        "by_upos": {u: by_upos[u].as_dict() for u in sorted(by_upos)},
        "frequent_case_insensitive_errors": {
            u: [
                {"form": f, "gold": g, "predicted": p, "count": c}
                for (f, g, p), c in errors[u].most_common(TOP_ERRORS)
            ]
            for u in FOCUS_UPOS
        },
    }


def normalise_hanta_tag(tag: str) -> str:
    """Map a HanTa German tag to the STTS tag name used in UD German GSD."""
    split = HANTA_SPLIT_TAG_RE.fullmatch(tag)
    plain = split.group(1) + split.group(2) if split else tag
    return HANTA_TAG_RENAMES.get(plain, plain)


def score_tags(sentences: Sequence[Sentence], predicted: Sequence[Sequence[str]]) -> dict[str, Any]:
    """Score HanTa tags against XPOS (if STTS) and, coarsely, against UPOS."""
    gold_xpos = [x for s in sentences for x in s.xpos]
    gold_upos = [u for s in sentences for u in s.upos]
    raw = [t for tags in predicted for t in tags]
    norm = [normalise_hanta_tag(t) for t in raw]
    n = len(gold_xpos)
    stts_share = sum(x in STTS_TAGS for x in gold_xpos) / n if n else 0.0
    is_stts = stts_share >= STTS_XPOS_MIN_SHARE
    result: dict[str, Any] = {
        "n": n,
        "xpos_stts_share": stts_share,
        "xpos_is_stts": is_stts,
    }
    if is_stts:
        exact = sum(p == g for p, g in zip(raw, gold_xpos, strict=True))
        renamed = sum(p == g for p, g in zip(norm, gold_xpos, strict=True))
        confusions = Counter((g, p) for p, g in zip(norm, gold_xpos, strict=True) if p != g)
        result["stts_accuracy_raw_tag_strings"] = _ratio(exact, n)
        result["stts_accuracy"] = _ratio(renamed, n)
        result["top_confusions_gold_to_predicted"] = [
            {"gold": g, "predicted": p, "count": c} for (g, p), c in confusions.most_common(10)
        ]
    else:
        result["stts_accuracy"] = None
        result["stts_note"] = (
            f"XPOS column is not STTS (only {stts_share:.1%} of its values are "
            "STTS tags); STTS accuracy cannot be computed on this treebank"
        )
    pred_upos = [STTS_TO_UPOS.get(t, "X") for t in norm]
    upos_ok = sum(p == g for p, g in zip(pred_upos, gold_upos, strict=True))
    result["coarse_upos_accuracy"] = _ratio(upos_ok, n)
    if is_stts:
        ceiling_ok = sum(
            STTS_TO_UPOS.get(x, "X") == u for x, u in zip(gold_xpos, gold_upos, strict=True)
        )
        result["coarse_upos_ceiling_from_gold_xpos"] = _ratio(ceiling_ok, n)
    return result


# --------------------------------------------------------------------------
# Speed
# --------------------------------------------------------------------------


@dataclass
class SpeedResult:
    """Timings of repeated passes of one variant over the benchmark words."""

    key: str
    label: str
    words: int
    seconds: list[float] = field(default_factory=list)
    note: str = ""
    inner: int = 1

    @property
    def median_seconds(self) -> float:
        return statistics.median(self.seconds)

    @property
    def words_per_second(self) -> float:
        return self.words / self.median_seconds


def measure(
    key: str,
    label: str,
    words: int,
    run: Callable[[], object],
    repeats: int,
    setup: Callable[[], None] | None = None,
    note: str = "",
    inner: int = 1,
) -> SpeedResult:
    """Time ``repeats`` passes; ``setup`` runs untimed before each pass.

    A pass calls ``run`` ``inner`` times (only for variants whose state does
    not change between calls), so that very fast variants are timed over
    tens of milliseconds instead of a few.
    """
    result = SpeedResult(key=key, label=label, words=words * inner, note=note)
    result.inner = inner
    for _ in range(repeats):
        if setup is not None:
            setup()
        start = time.perf_counter()
        for _ in range(inner):
            run()
        result.seconds.append(time.perf_counter() - start)
    print(
        f"  {label:<52} {result.words_per_second:>12,.0f} words/s (median of {repeats})",
        flush=True,
    )
    return result


class PerFormCache:
    """A per-form ``dict`` cache in front of a lemmatiser, as a pipeline would use it."""

    def __init__(self, lemmatize: Callable[[str], str]) -> None:
        self.lemmatize = lemmatize
        self.table: dict[str, str] = {}

    def __call__(self, token: str) -> str:
        lemma = self.table.get(token)
        if lemma is None:
            lemma = self.lemmatize(token)
            self.table[token] = lemma
        return lemma


def make_memo_hanta_tagger(base: type[Any]) -> type[Any]:
    """Subclass HanTa's tagger with per-form memo tables.

    ``tag_sent`` spends its time in ``_tag_word`` (morphological analysis of
    one form, independent of context) and ``_analyze`` (lemma of one form
    given its tag). Both are pure functions of their arguments, so memoising
    them gives exactly the same output; the Viterbi search over the sentence
    still runs each time.
    """

    class MemoHanoverTagger(base):  # type: ignore[misc]
        def __init__(self, filename: str) -> None:
            super().__init__(filename)
            self.tag_word_memo: dict[tuple[Any, ...], Any] = {}
            self.analyze_memo: dict[tuple[Any, ...], Any] = {}

        def clear_memo(self) -> None:
            self.tag_word_memo.clear()
            self.analyze_memo.clear()

        def _tag_word(
            self,
            word: str,
            cutoff: int = 5,
            casesensitive: bool = True,
            conditional: bool = False,
        ) -> Any:
            key = (word, cutoff, casesensitive, conditional)
            found = self.tag_word_memo.get(key)
            if found is None:
                found = super()._tag_word(word, cutoff, casesensitive, conditional)
                self.tag_word_memo[key] = found
            return found

        def _analyze(self, word: str, pos: int, taglevel: int = 1) -> Any:
            key = (word, pos, taglevel)
            found = self.analyze_memo.get(key)
            if found is None:
                found = super()._analyze(word, pos, taglevel)
                self.analyze_memo[key] = found
            return found

    return MemoHanoverTagger


# --------------------------------------------------------------------------
# Environment
# --------------------------------------------------------------------------


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def package_info(name: str) -> dict[str, str | None]:
    """Version and licence of an installed distribution, from its metadata."""
    try:
        fields = importlib.metadata.metadata(name).json
    except importlib.metadata.PackageNotFoundError:
        return {"version": None, "licence": None}

    def text(key: str) -> str | None:
        value = fields.get(key)
        return value if isinstance(value, str) and value else None

    licence = text("license_expression") or text("license")
    if licence is None:
        classifiers = fields.get("classifier") or []
        licence = (
            "; ".join(
                c.split("::")[-1].strip()
                for c in ([classifiers] if isinstance(classifiers, str) else classifiers)
                if c.startswith("License ::")
            )
            or None
        )
    return {"version": text("version"), "licence": licence}


def pin_to_one_core(cpu: int | None) -> int | None:
    """Pin this process to one CPU (default: the last one it may use)."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    allowed = sorted(os.sched_getaffinity(0))
    chosen = allowed[-1] if cpu is None else cpu
    os.sched_setaffinity(0, {chosen})
    return chosen


def load_average() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.2f}"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    here = Path(__file__).resolve().parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--shared",
        type=Path,
        required=True,
        help="shared folder (holding data/ud-german-gsd and data/ud-german-pud)",
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=here / "results" / "morphology.json",
        help="JSON output path (default: benchmarks/results/morphology.json)",
    )
    parser.add_argument("--repeats", type=int, default=15, help="timed passes per fast variant")
    parser.add_argument(
        "--hanta-repeats", type=int, default=3, help="timed passes per HanTa variant"
    )
    parser.add_argument(
        "--cpu", type=int, default=None, help="CPU to pin to (default: last allowed)"
    )
    parser.add_argument("--no-pin", action="store_true", help="do not pin the process to one CPU")
    parser.add_argument("--skip-hanta", action="store_true", help="do not benchmark HanTa")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    pinned = None if args.no_pin else pin_to_one_core(args.cpu)
    load_before = load_average()

    data_dir = resolve_data_dir(args.shared.resolve())
    treebanks = [load_treebank(n, data_dir / rel) for n, rel in TREEBANKS.items()]
    for tb in treebanks:
        status = (
            "unchecked"
            if tb.sha256_expected is None
            else ("ok" if tb.sha256_expected == tb.sha256_uncompressed else "MISMATCH")
        )
        print(
            f"{tb.name}: {len(tb.sentences):,} sentences, {tb.n_words:,} words, "
            f"{sum(sum(s.in_mwt) for s in tb.sentences):,} words inside multiword "
            f"tokens, sha256 {status}"
        )

    sentences = [s for tb in treebanks for s in tb.sentences]
    sentence_forms = [list(s.forms) for s in sentences]
    texts = [s.text for s in sentences]
    tokens = [f for s in sentences for f in s.forms]
    n_words = len(tokens)
    n_types = len(set(tokens))
    print(f"speed corpus: both treebanks, {n_words:,} words, {n_types:,} distinct forms")

    # ---------------- simplemma ----------------
    start = time.perf_counter()  # simplemma itself was imported at start-up
    simplemma.lemmatize("Haus", lang="de")  # loads the German dictionary
    simplemma_load_s = time.perf_counter() - start

    def sm_direct(token: str) -> str:
        return simplemma.lemmatize(token, lang="de")

    sm_predicted = [[sm_direct(f) for f in s.forms] for s in sentences]
    sm_check = PerFormCache(sm_direct)
    if [[sm_check(f) for f in s.forms] for s in sentences] != sm_predicted:
        raise AssertionError("per-form cache changed simplemma's output")
    uncached = simplemma.Lemmatizer(cache_max_size=0)
    if [uncached.lemmatize(t, lang="de") for t in tokens] != [
        lemma for lemmas in sm_predicted for lemma in lemmas
    ]:
        raise AssertionError("simplemma.Lemmatizer differs from simplemma.lemmatize")

    accuracy: dict[str, dict[str, Any]] = {tb.name: {} for tb in treebanks}
    offset = 0
    for tb in treebanks:
        part = sm_predicted[offset : offset + len(tb.sentences)]
        accuracy[tb.name]["simplemma"] = {"lemma": score_lemmas(tb.sentences, part)}
        offset += len(tb.sentences)
    accuracy["combined"] = {"simplemma": {"lemma": score_lemmas(sentences, sm_predicted)}}

    print(f"\nspeed, single core (pinned to CPU {pinned}), {n_words:,} words per corpus pass:")
    speeds: list[SpeedResult] = []

    def run_regex() -> int:
        findall = REFERENCE_TOKEN_RE.findall
        return sum(len(findall(text)) for text in texts)

    regex_tokens = run_regex()
    reference = measure(
        "regex_tokenisation",
        "regex tokenisation of the sentence texts (ref.)",
        n_words,
        run_regex,
        args.repeats,
        inner=FAST_INNER,
        note=f"re.findall({REFERENCE_TOKEN_RE.pattern!r}) per sentence text; "
        f"yields {regex_tokens:,} tokens; words/s counts gold words of the same text",
    )
    speeds.append(reference)

    def run_simplemma_nocache() -> list[str]:
        lemmatize = uncached.lemmatize
        return [lemmatize(t, lang="de") for t in tokens]

    speeds.append(
        measure(
            "simplemma_no_cache",
            "simplemma, no cache at all",
            n_words,
            run_simplemma_nocache,
            args.repeats,
            note="simplemma.Lemmatizer(cache_max_size=0): every word runs the lookup",
        )
    )

    fresh: dict[str, simplemma.Lemmatizer] = {}

    def new_lemmatizer() -> None:
        fresh["lemmatizer"] = simplemma.Lemmatizer()

    def run_simplemma_fresh_lru() -> list[str]:
        lemmatize = fresh["lemmatizer"].lemmatize
        return [lemmatize(t, lang="de") for t in tokens]

    speeds.append(
        measure(
            "simplemma_cold",
            "simplemma.lemmatize, cold (built-in LRU empty)",
            n_words,
            run_simplemma_fresh_lru,
            args.repeats,
            setup=new_lemmatizer,
            note="a new simplemma.Lemmatizer() per pass: the object simplemma.lemmatize "
            "wraps, with its 65,536-entry LRU cache empty; dictionary already loaded",
        )
    )

    def run_simplemma_warm_lru() -> list[str]:
        lemmatize = simplemma.lemmatize
        return [lemmatize(t, lang="de") for t in tokens]

    speeds.append(
        measure(
            "simplemma_warm",
            "simplemma.lemmatize, warm (all forms in built-in LRU)",
            n_words,
            run_simplemma_warm_lru,
            args.repeats,
            inner=FAST_INNER,
            note="simplemma.lemmatize(token, lang='de') after every form was seen",
        )
    )

    dict_cache: dict[str, PerFormCache] = {}

    def new_dict_cache() -> None:
        lemmatizer = simplemma.Lemmatizer()
        dict_cache["cache"] = PerFormCache(lambda t: lemmatizer.lemmatize(t, "de"))

    def run_dict_cache() -> list[str]:
        cache = dict_cache["cache"]
        table = cache.table
        out: list[str] = []
        append = out.append
        for t in tokens:
            lemma = table.get(t)
            if lemma is None:
                lemma = cache(t)
            append(lemma)
        return out

    speeds.append(
        measure(
            "simplemma_dict_cold",
            "simplemma + per-form dict, cold (dict empty)",
            n_words,
            run_dict_cache,
            args.repeats,
            setup=new_dict_cache,
            note=f"dict filled during the pass: {n_types:,} misses, {n_words - n_types:,} hits",
        )
    )
    new_dict_cache()
    run_dict_cache()
    speeds.append(
        measure(
            "simplemma_dict_warm",
            "simplemma + per-form dict, warm (every form cached)",
            n_words,
            run_dict_cache,
            args.repeats,
            inner=FAST_INNER,
            note="every word is a dict hit",
        )
    )

    # ---------------- HanTa ----------------
    hanta_info: dict[str, Any] = {"used": False}
    if not args.skip_hanta:
        try:
            start = time.perf_counter()
            from HanTa import HanoverTagger as ht  # type: ignore[import-untyped]
        except ImportError as error:
            hanta_info["skipped_reason"] = f"HanTa not importable: {error}"
            print(f"\nHanTa skipped: {error}")
        else:
            hanta_info["used"] = True
            tagger = ht.HanoverTagger("morphmodel_ger.pgz")
            hanta_info["model"] = "morphmodel_ger.pgz"
            hanta_info["load_seconds"] = time.perf_counter() - start
            print("\nHanTa: tagging both treebanks for accuracy ...", flush=True)
            tagged = [tagger.tag_sent(forms) for forms in sentence_forms]
            hanta_lemmas = [[lemma for _, lemma, _ in sent] for sent in tagged]
            hanta_tags = [[tag for _, _, tag in sent] for sent in tagged]

            memo_tagger = make_memo_hanta_tagger(ht.HanoverTagger)("morphmodel_ger.pgz")
            if [memo_tagger.tag_sent(forms) for forms in sentence_forms] != tagged:
                raise AssertionError("memo tables changed HanTa's output")

            offset = 0
            for tb in treebanks:
                end = offset + len(tb.sentences)
                accuracy[tb.name]["hanta"] = {
                    "lemma": score_lemmas(tb.sentences, hanta_lemmas[offset:end]),
                    "tags": score_tags(tb.sentences, hanta_tags[offset:end]),
                }
                offset = end
            accuracy["combined"]["hanta"] = {
                "lemma": score_lemmas(sentences, hanta_lemmas),
            }
            hanta_info["tag_names_seen"] = sorted({t for s in hanta_tags for t in s})

            def run_hanta() -> list[Any]:
                tag_sent = tagger.tag_sent
                return [tag_sent(forms) for forms in sentence_forms]

            speeds.append(
                measure(
                    "hanta",
                    "HanTa tag_sent, as shipped",
                    n_words,
                    run_hanta,
                    args.hanta_repeats,
                    note="HanTa keeps no run-time cache; only its model's "
                    "precomputed analyses of frequent forms",
                )
            )

            def run_hanta_memo() -> list[Any]:
                tag_sent = memo_tagger.tag_sent
                return [tag_sent(forms) for forms in sentence_forms]

            speeds.append(
                measure(
                    "hanta_memo_cold",
                    "HanTa tag_sent + per-form memo, cold (empty)",
                    n_words,
                    run_hanta_memo,
                    args.hanta_repeats,
                    setup=memo_tagger.clear_memo,
                    note="memo of _tag_word per form and _analyze per (form, tag), "
                    "emptied before each pass",
                )
            )
            speeds.append(
                measure(
                    "hanta_memo_warm",
                    "HanTa tag_sent + per-form memo, warm (every form cached)",
                    n_words,
                    run_hanta_memo,
                    args.hanta_repeats,
                    note="only the sentence-level Viterbi search runs",
                )
            )

    load_after = load_average()

    # ---------------- report ----------------
    ref_wps = reference.words_per_second
    print(f"\nSpeed ({n_words:,} gold words of GSD dev + PUD test, single core):")
    header = f"{'variant':<56} {'words/s':>11} {'x regex':>9} {'art./s':>9} {'budget':>8}"
    print(header)
    print("-" * len(header))
    for sp in speeds:
        wps = sp.words_per_second
        print(
            f"{sp.label:<56} {wps:>11,.0f} {wps / ref_wps:>9.4f} "
            f"{wps / WORDS_PER_ARTICLE:>9,.0f} "
            f"{100 * TARGET_WORDS_PER_SECOND / wps:>7.1f}%"
        )
    print(
        f"(art./s = {WORDS_PER_ARTICLE}-word articles per second; budget = share of "
        f"the {TARGET_WORDS_PER_SECOND:,} words/s per-core goal the step alone uses)"
    )
    print(f"one-off load: simplemma German dictionary {simplemma_load_s:.2f} s", end="")
    if hanta_info.get("used"):
        print(f", HanTa German model {hanta_info['load_seconds']:.2f} s")
    else:
        print()

    print("\nLemma accuracy, % (cs = case-sensitive, ci = case-insensitive):")
    header = (
        f"{'treebank':<10} {'tool':<10} {'n':>6} {'all cs':>7} {'all ci':>7} "
        f"{'VERB cs':>8} {'VERB ci':>8} {'NOUN cs':>8} {'NOUN ci':>8}"
    )
    print(header)
    print("-" * len(header))
    for tb_name, tools in accuracy.items():
        for tool, res in tools.items():
            lem = res["lemma"]
            print(
                f"{tb_name:<10} {tool:<10} {lem['all']['n']:>6,} "
                f"{_pct(lem['all']['accuracy_case_sensitive']):>7} "
                f"{_pct(lem['all']['accuracy_case_insensitive']):>7} "
                f"{_pct(lem['VERB']['accuracy_case_sensitive']):>8} "
                f"{_pct(lem['VERB']['accuracy_case_insensitive']):>8} "
                f"{_pct(lem['NOUN']['accuracy_case_sensitive']):>8} "
                f"{_pct(lem['NOUN']['accuracy_case_insensitive']):>8}"
            )

    if hanta_info.get("used"):
        print("\nHanTa tagging, %:")
        for tb in treebanks:
            tags = accuracy[tb.name]["hanta"]["tags"]
            stts = (
                f"STTS vs XPOS {_pct(tags['stts_accuracy'])} "
                f"(raw tag strings {_pct(tags['stts_accuracy_raw_tag_strings'])}); "
                f"coarse UPOS {_pct(tags['coarse_upos_accuracy'])}, ceiling of the "
                f"STTS->UPOS map {_pct(tags['coarse_upos_ceiling_from_gold_xpos'])}"
                if tags["xpos_is_stts"]
                else f"{tags['stts_note']}; coarse UPOS {_pct(tags['coarse_upos_accuracy'])}"
            )
            print(f"  {tb.name}: {stts}")

    packages = {name: package_info(name) for name in ("simplemma", "HanTa", "numpy")}
    report: dict[str, Any] = {
        "benchmark": "morphology",
        "created_utc": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": " ".join([Path(sys.executable).name, *sys.argv]),
        "machine": {
            "cpu_model": cpu_model(),
            "cpu_count": os.cpu_count(),
            "pinned_cpu": pinned,
            "load_average_before": load_before,
            "load_average_after": load_after,
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "packages": packages,
        "data": {
            tb.name: {
                "file": str(TREEBANKS[tb.name]),
                "sentences": len(tb.sentences),
                "words": tb.n_words,
                "words_in_multiword_tokens": sum(sum(s.in_mwt) for s in tb.sentences),
                "sha256_uncompressed": tb.sha256_uncompressed,
                "sha256_matches_SHA256SUMS": (
                    None
                    if tb.sha256_expected is None
                    else tb.sha256_expected == tb.sha256_uncompressed
                ),
            }
            for tb in treebanks
        },
        "method": {
            "tokenisation": "gold syntactic words (multiword tokens such as 'im' "
            "are given as their words 'in' 'dem')",
            "lemma_case_insensitive": "str.lower() on prediction and gold",
            "simplemma_call": "simplemma.lemmatize(token, lang='de')",
            "hanta_call": "HanoverTagger('morphmodel_ger.pgz').tag_sent(words) "
            "per sentence, taglevel=1, casesensitive=True",
            "hanta_tag_normalisation": "brackets of split tags removed "
            "(VV(FIN) -> VVFIN; $( kept), "
            + ", ".join(f"{k} -> {v}" for k, v in HANTA_TAG_RENAMES.items()),
            "speed_corpus_words": n_words,
            "speed_corpus_distinct_forms": n_types,
            "speed_statistic": "median of the timed passes",
            "corpus_passes_per_timed_pass_fast_variants": FAST_INNER,
            "repeats": args.repeats,
            "hanta_repeats": args.hanta_repeats,
            "target_words_per_second": TARGET_WORDS_PER_SECOND,
            "words_per_article": WORDS_PER_ARTICLE,
        },
        "load_seconds": {
            "simplemma_german_dictionary": simplemma_load_s,
            "hanta_import_and_german_model": hanta_info.get("load_seconds"),
        },
        "speed": {
            sp.key: {
                "label": sp.label,
                "note": sp.note,
                "words_per_pass": sp.words,
                "corpus_passes_per_timed_pass": sp.inner,
                "seconds": sp.seconds,
                "median_seconds": sp.median_seconds,
                "words_per_second": sp.words_per_second,
                "ratio_to_regex_reference": sp.words_per_second / ref_wps,
                "articles_per_second": sp.words_per_second / WORDS_PER_ARTICLE,
                "share_of_target_budget": TARGET_WORDS_PER_SECOND / sp.words_per_second,
            }
            for sp in speeds
        },
        "accuracy": accuracy,
        "hanta": hanta_info,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(
        json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"\nwrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
