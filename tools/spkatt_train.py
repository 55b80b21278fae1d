"""Score German speech events on the SpkAtt-2023 TRAIN split and list what goes wrong.

Lexicon and rule decisions for ``quotes/`` are made here, on train; the ``spkatt`` suite
reports dev. Usage::

    .venv/bin/python tools/spkatt_train.py [--data ../shared/data] [--dump errors.txt]
        [--cue WORD ...]

Prints cue/source/message P/R/F1, then per cue word how often a system cue is paired with a
gold one and how often it is extra, and (with ``--dump``) each source error with its sentence.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from eventwire.evaluation.base import Tally, timed_extract
from eventwire.evaluation.spkatt import (
    ROLES,
    BuiltSpeech,
    SpkEvent,
    TokenId,
    build_document,
    pair_by_cue,
    read_speeches,
    score_events,
    speech_events_to_events,
)

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def _words(b: BuiltSpeech, ids: set[TokenId]) -> str:
    sents = dict(b.speech.sentences)
    return " ".join(sents[s][t] for s, t in sorted(ids)) or "-"


def _sentence(b: BuiltSpeech, ids: set[TokenId]) -> str:
    sents = dict(b.speech.sentences)
    sid = min(ids)[0]
    return " ".join(f"[{w}]" if (sid, i) in ids else w for i, w in enumerate(sents[sid]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--split", default="train")
    ap.add_argument("--dump", type=Path)
    ap.add_argument("--cue", nargs="*", default=[], help="words whose cues to list in the dump")
    ap.add_argument("--top", type=int, default=40)
    args = ap.parse_args()
    loaded = read_speeches(args.data / "spkatt-gepade-de", args.split)
    built = [build_document(sp) for sp, _ in loaded]
    coded = timed_extract([b.doc for b in built], "de").docs
    counts = {r: Tally() for r in ROLES}
    right: Counter[str] = Counter()
    extra: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    lines: list[str] = []
    skipped: Counter[str] = Counter()
    for b, doc in zip(built, coded, strict=True):
        b.doc = doc
        system = speech_events_to_events(b, skipped)
        gold = b.speech.events
        score_events(gold, system, counts)
        pairs = pair_by_cue(gold, system)
        paired_s = {s for _, s in pairs}
        paired_g = {g for g, _ in pairs}
        for si, ev in enumerate(system):
            word = _words(b, ev.roles["cue"]).casefold()
            (right if si in paired_s else extra)[word] += 1
            if word in args.cue:
                tag = "RIGHT" if si in paired_s else "EXTRA"
                lines.append(f"{tag} {word}: {_sentence(b, ev.roles['cue'])}")
        for gi, ev in enumerate(gold):
            if gi not in paired_g:
                word = _words(b, ev.roles["cue"]).casefold()
                missed[word] += 1
                if word in args.cue:
                    lines.append(f"MISSED {word}: {_sentence(b, ev.roles['cue'])}")
        for gi, si in pairs:
            g, s = gold[gi], system[si]
            lines.extend(_source_error(b, g, s))
    for role in ROLES:
        sc = counts[role].scores()
        print(f"{role:8} P={sc['p']:.3f} R={sc['r']:.3f} F1={sc['f1']:.3f}  "
              f"(tp={counts[role].tp} fp={counts[role].fp} fn={counts[role].fn})")
    print("extra cues (word: extra/right):", ", ".join(
        f"{w}: {n}/{right[w]}" for w, n in extra.most_common(args.top)))
    print("missed cues:", ", ".join(f"{w}: {n}" for w, n in missed.most_common(args.top)))
    if args.dump:
        args.dump.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _source_error(b: BuiltSpeech, g: SpkEvent, s: SpkEvent) -> list[str]:
    gs, ss = g.roles["source"], s.roles["source"]
    if gs == ss:
        return []
    kind = "MISS" if not ss else "EXTRA" if not gs else "WRONG"
    cue = _words(b, g.roles["cue"])
    where = "same" if not gs or min(gs)[0] == min(g.roles["cue"])[0] else "other-sentence"
    return [f"SRC-{kind} [{where}] cue={cue!r} gold={_words(b, gs)!r} sys={_words(b, ss)!r}\n"
            f"    {_sentence(b, g.roles['cue'] | gs)}"]


if __name__ == "__main__":
    main()
