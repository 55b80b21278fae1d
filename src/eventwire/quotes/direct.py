"""Direct quotes: quoted passages with a speech cue next to them."""

from __future__ import annotations

from eventwire.model import Span
from eventwire.quotes.finder import QuoteFinder
from eventwire.quotes.marks import quoted_spans

MIN_WORDS = 4  # shorter quoted passages are titles or scare quotes unless a cue sits beside them


def find_direct(qf: QuoteFinder) -> None:
    sv = qf.sv
    doc = sv.doc
    content = [s for s in doc.sentences if not s.boilerplate]
    if not content or not doc.tokens:
        return
    spans = quoted_spans(
        doc.text, qf.sv.pack.segment.quote_pairs, content[0].start, content[-1].end
    )
    for open_char, close_char in spans:
        inner_first = sv.token_at(open_char + 1)
        inner_last = sv.token_at(close_char) - 1
        if inner_last < inner_first:
            continue
        words = sum(1 for k in range(inner_first, inner_last + 1) if sv.word(k)[:1].isalnum())
        cue = _cue_around(qf, open_char, close_char, inner_first, inner_last, words)
        if cue is None or (words < MIN_WORDS and not cue[3]):
            continue
        speaker, relay, (cue_text, cue_span), _ = cue
        q = qf.add(speaker, "direct", cue_text, cue_span, inner_first, inner_last)
        if q is not None:
            if relay:
                q.reported_by.append(relay)
            qf.result.quoted_ranges.append((open_char, close_char, speaker))


def _cue_around(
    qf: QuoteFinder, open_char: int, close_char: int, inner_first: int, inner_last: int, words: int
) -> tuple[str | None, str | None, tuple[str, Span], bool] | None:
    """(speaker, relay, cue, adjacent) for a quoted passage, or None when nothing introduces it."""
    sv = qf.sv
    before = sv.token_at(open_char) - 1
    after = inner_last + 2  # token after the closing mark
    # 1. "..., sagte Peskow." / "..., so Peskow." / '"...," he said.'
    closed = sv.word(inner_last) in (".", "!", "?")  # the quote ended its sentence
    s_start = sv.ranges[sv.tokens[inner_first].sentence][0]
    # words before the mark: a phrase quoted inside the speaker's own sentence
    embedded = before >= s_start and sv.word(before) not in (":", "\n")
    if sv.word(after) == ",":
        after += 1
        closed = False
    if (
        not closed
        and not embedded
        and 0 <= after < len(sv.tokens)
        and sv.tokens[after].sentence
        in (
            sv.tokens[inner_last].sentence,
            sv.tokens[inner_last].sentence + 1,
        )
    ):
        verb = qf.reporting_verb(after, len(sv.tokens) - 1)
        if verb:
            speaker = _inverted_subject(qf, after)
            if speaker:
                qf.result.direct_cues.add(after)
                return speaker, None, qf.cue_span(after, verb[1]), True
        mention = next((m for m in sv.in_sentence(after, after + 6) if m.first == after), None)
        if mention is not None and len(mention.actors) == 1:
            verb = qf.reporting_verb(mention.last + 1, len(sv.tokens) - 1)
            if verb:  # '"...," he said.' / '"...", Peskow sagte.'
                qf.result.direct_cues.add(mention.last + 1)
                return mention.actors[0], None, qf.cue_span(mention.last + 1, verb[1]), True
        if sv.low(after) == "so":
            m = next(iter(sv.in_sentence(after + 1, after + 6)), None)
            if m and len(m.actors) == 1:
                return m.actors[0], None, qf.cue_span(after, None), True
    # 2. "Peskow sagte: „...“" or "Die KCNA zitierte Kim mit den Worten:" (colon before)
    if before >= 0 and sv.word(before) == ":":
        s_first = sv.ranges[sv.tokens[before].sentence][0]
        for i in range(before - 1, s_first - 1, -1):
            verb = qf.reporting_verb(i, before)
            if verb is None:
                continue
            subject = qf.speaker_of(i)
            if verb[0].kind == "quote_relay":
                quoted = [m for m in sv.in_sentence(i + 1, before) if len(m.actors) == 1]
                if quoted and subject:
                    return quoted[0].actors[0], subject.actors[0], qf.cue_span(i, verb[1]), True
            if subject:
                return subject.actors[0], None, qf.cue_span(i, verb[1]), True
    # 3. a reporting verb elsewhere in the sentence that holds the quote
    s_first, s_last = sv.ranges[sv.tokens[inner_first].sentence]
    for i in list(range(s_first, max(s_first, before + 1))):
        verb = qf.reporting_verb(i, s_last)
        if verb and not qf.in_report_clause(i) and verb[0].kind != "report":
            subject = qf.speaker_of(i)
            if subject is None:
                continue
            between = [sv.word(k) for k in range(i + 1, before + 1)]
            opens_clause = any(
                w in (",", ":") or w.casefold() in sv.pack.attribution.complementisers
                for w in between[:-1]
            )
            words_between = sum(1 for w in between if w[:1].isalnum())
            if opens_clause or (sv.doc.lang == "en" and words_between > 3):
                return None  # a phrase quoted inside reported speech, not a quote of its own
            near = len(between) <= 12
            qf.result.direct_cues.add(i)
            return subject.actors[0], None, qf.cue_span(i, verb[1]), near
    return None


def _inverted_subject(qf: QuoteFinder, verb: int) -> str | None:
    sv = qf.sv
    s_last = sv.ranges[sv.tokens[verb].sentence][1]
    for m in sv.in_sentence(verb + 1, s_last):
        if m.first - verb <= 4 and len(m.actors) == 1:
            return m.actors[0]
        break
    return None
