"""Indirect speech, attribution phrases and report sentences."""

from __future__ import annotations

from typing import Literal

from eventwire.clauses import PUNCT_BREAKS, ArgMention, SentenceView
from eventwire.quotes.finder import QuoteFinder

SKIPPABLE_AFTER_VERB = 6
MIN_OBJECT_WORDS = 4  # "kritisierte die Ukraine scharf" names a target, not a statement


def find_attribution_phrases(qf: QuoteFinder) -> None:
    """'Nach Angaben der KCNA war ...', 'laut Polizei', 'der Agentur zufolge'."""
    sv = qf.sv
    determiners = set(sv.pack.actors.determiners)
    for s in sv.doc.sentences:
        if s.boilerplate or s.index not in sv.ranges:
            continue
        first, last = sv.ranges[s.index]
        i = first
        while i <= last:
            if sv.low(i) not in qf.phrase_starts:
                i += 1
                continue
            match: tuple[int, str] | None = None
            for words, where in qf.phrases:
                n = len(words)
                if all(sv.low(i + k) == w for k, w in enumerate(words)) and i + n - 1 <= last:
                    match = (n, str(where))
                    break
            if match is None:
                match = _phrase_with_owner(qf, i, last)
            if match is None or qf.inside_direct(sv.tokens[i].start):
                i += 1
                continue
            n, position = match
            if position in ("owner", "self"):
                source = _phrase_owner(qf, i, n, position, last)
                if source is not None:
                    own_verb = any(qf.reporting_verb(k, last) for k in range(first, last + 1))
                    if not own_verb:
                        start = i + n if i == first else first
                        qf.add(
                            source.actors[0], "indirect", sv.text(i, i + n - 1), None, start, last
                        )
                    qf.result.sentence_sources.setdefault(s.index, []).append(source.actors[0])
                i += n
                continue
            if position == "before":
                j = i + n
                while sv.low(j) in determiners or (
                    sv.word(j)[:1].islower()
                    and j < i + n + 3
                    and sv.low(j) not in ("war", "ist", "hat")
                ):
                    j += 1
                source = next((m for m in sv.in_sentence(j, last) if m.first == j), None)
                if source is None or len(source.actors) != 1:
                    i += n
                    continue
                cue = sv.text(i, i + n - 1)
                from_token = source.last + 1
                content_first = from_token + 1 if sv.word(from_token) == "," else from_token
                own_verb = any(
                    qf.reporting_verb(k, last)
                    for k in range(first, last + 1)
                    if not i <= k <= source.last
                )
                if own_verb:
                    pass  # "X sagte nach Angaben von IRNA, ...": IRNA relays X's words
                elif i == first:
                    qf.add(source.actors[0], "indirect", cue, None, content_first, last)
                else:
                    qf.add(source.actors[0], "indirect", cue, None, first, last)
            else:
                source = next(
                    (m for m in reversed(sv.in_sentence(first, i - 1)) if m.last >= i - 1), None
                )
                if source is None or len(source.actors) != 1:
                    i += n
                    continue
                cue = sv.text(i, i)
                qf.add(source.actors[0], "indirect", cue, None, i + 1 if i < last else first, last)
            qf.result.sentence_sources.setdefault(s.index, []).append(source.actors[0])
            i += n


def find_report_sentences(qf: QuoteFinder) -> None:
    """'Dies berichtete die staatliche Nachrichtenagentur KCNA.': a source for the sentence before.

    'Wie die Nachrichtenagentur TASS berichtete, ...' names a source for its own sentence.
    """
    sv = qf.sv
    anaphora = set(sv.pack.attribution.anaphoric_subjects)
    openers = set(sv.pack.attribution.report_clause_openers)
    for s in sv.doc.sentences:
        if s.boilerplate or s.index not in sv.ranges:
            continue
        first, last = sv.ranges[s.index]
        if sv.low(first) in openers:
            _report_clause(qf, s.index, first, last)
            continue
        if sv.low(first) not in anaphora:
            continue
        verb = qf.reporting_verb(first + 1, last)
        if verb is None:
            continue
        source = next(iter(sv.in_sentence(first + 2, last)), None)
        if source is None or len(source.actors) != 1:
            continue
        qf.result.sentence_sources.setdefault(s.index - 1, []).append(source.actors[0])
        qf.result.sentence_sources.setdefault(s.index, []).append(source.actors[0])


def _report_clause(qf: QuoteFinder, sentence: int, first: int, last: int) -> None:
    sv = qf.sv
    _, clause_end = sv.clause_bounds(first)
    for k in range(first + 1, clause_end + 1):
        verb = qf.reporting_verb(k, clause_end)
        if verb is None:
            continue
        source = next(
            (m for m in sv.in_sentence(first + 1, clause_end) if len(m.actors) == 1), None
        )
        if source is not None:
            qf.result.sentence_sources.setdefault(sentence, []).append(source.actors[0])
            qf.result.report_clauses.append((sv.tokens[first].start, sv.tokens[clause_end].end))
        return


def find_continuations(qf: QuoteFinder) -> None:
    """A sentence in Konjunktiv I with no cue continues the previous speaker's reported speech."""
    sv = qf.sv
    forms = set(sv.pack.attribution.reported_speech_forms)
    if not forms:
        return
    quoted_sentences = {q.sentence: q for q in qf.result.quotes if q.speaker}
    for s in sv.doc.sentences:
        if s.boilerplate or s.index not in sv.ranges or s.index in quoted_sentences:
            continue
        if qf.inside_direct(s.start):
            continue
        previous = quoted_sentences.get(s.index - 1) or quoted_sentences.get(s.index - 2)
        if previous is None:
            continue
        first, last = sv.ranges[s.index]
        window = [sv.low(k) for k in range(first, min(last, first + 6) + 1)]
        if not any(w in forms for w in window):
            continue
        if any(qf.reporting_verb(k, last) for k in range(first, last + 1)):
            continue
        q = qf.add(previous.speaker, "indirect", None, None, first, last)
        if q is not None:
            q.reported_by = list(previous.reported_by)
            quoted_sentences[s.index] = q


def find_indirect(qf: QuoteFinder) -> None:
    """Content of reporting verbs: dass-clauses, Konjunktiv clauses after a comma, objects."""
    sv = qf.sv
    anaphora = set(sv.pack.attribution.anaphoric_subjects)
    complementisers = set(sv.pack.attribution.complementisers)
    for s in sv.doc.sentences:
        if s.boilerplate or s.index not in sv.ranges:
            continue
        first, last = sv.ranges[s.index]
        if sv.low(first) in anaphora and qf.reporting_verb(first + 1, last):
            continue  # 'Dies berichtete KCNA': a source for the sentence before, no quote
        before = len(qf.result.quotes)
        kind: Literal["speech", "report"] = "speech"
        trailing = _trailing_attribution(qf, s.index, first, last)
        if trailing is not None:
            for q in qf.result.quotes[before:]:
                q.attribution = trailing
            continue
        for i in range(first, last + 1):
            if qf.inside_direct(sv.tokens[i].start):
                continue
            found = qf.reporting_verb(i, last)
            if found is None:
                continue
            verb, particle = found
            kind = "report" if verb.kind in ("report", "impersonal") else "speech"
            if verb.kind == "quote_relay" or _quote_follows(qf, i, last):
                continue
            if qf.in_report_clause(i) or i in qf.result.direct_cues:
                continue
            speaker = (
                qf.speaker_of(i)
                if verb.kind != "impersonal"
                else _impersonal_source(qf, s.index, i)
            )
            if speaker is None:
                continue
            cue_text, cue_span = qf.cue_span(i, particle)
            content = sv.speech_content(i) if verb.kind == "speech" and sv.parsed(i) else None
            if content is not None:  # the complement clause of a parsed reporting verb
                qf.add(speaker.actors[0], "indirect", cue_text, cue_span, *content)
                break
            if verb.kind == "impersonal":
                # "..., hieß es in der Erklärung." / "In der Erklärung hieß es, ..."
                comma = next((k for k in range(i + 1, min(last, i + 8)) if sv.word(k) == ","), None)
                if sv.word(i - 1) == "," and i - 1 > first:
                    qf.add(speaker.actors[0], "indirect", cue_text, cue_span, first, i - 2)
                elif comma is not None:
                    qf.add(speaker.actors[0], "indirect", cue_text, cue_span, comma + 1, last)
                break
            j = _skip_adverbials(qf, i + 1, last)
            if sv.word(j) == ",":
                j += 1
            that = next(
                (
                    k
                    for k in range(j, min(last, j + 4) + 1)
                    if sv.low(k) in complementisers
                    and "," not in [sv.word(x) for x in range(j, k - 1)]
                ),
                None,
            )
            if that is not None:  # "told reporters that ...", "sagte der Zeitung, dass ..."
                qf.add(speaker.actors[0], "indirect", cue_text, cue_span, that + 1, last)
                break
            if sv.word(j - 1) == "," and speaker.first < i and j <= last:
                if qf.reporting_verb(j, last):
                    continue  # '..., zugesichert, hieß es': the later verb frames the sentence
                qf.add(speaker.actors[0], "indirect", cue_text, cue_span, j, last)
                break
            comma = _comma_after_subject(qf, j, last) if speaker.first < i else None
            if comma is not None:  # "sagte nach der Abstimmung, die Welt dürfe ..."
                qf.add(speaker.actors[0], "indirect", cue_text, cue_span, comma + 1, last)
                break
            comma = _comma_after_subject(qf, speaker.last + 1, last) if speaker.first > i else None
            if comma is not None:
                qf.add(speaker.actors[0], "indirect", cue_text, cue_span, comma + 1, last)
                break
            tail = all(
                sv.word(k) in PUNCT_BREAKS | {".", "!", "?"}
                or any(t.start <= sv.tokens[k].start < t.end for t in sv.doc.timex)
                for k in range((particle or i) + 1, last + 1)
            )
            if (
                speaker.first < i
                and tail
                and sv.word(speaker.first - 1) == ","
                and speaker.first - 1 > first
            ):
                # "Putin met Xi on Thursday, the Kremlin said." / "..., KCNA reported."
                tail_quote = qf.add(
                    speaker.actors[0], "indirect", cue_text, cue_span, first, speaker.first - 2
                )
                if tail_quote is not None and verb.kind == "report":
                    tail_quote.attribution = "report"
                if verb.kind == "report":
                    qf.result.sentence_sources.setdefault(s.index, []).append(speaker.actors[0])
                break
            if sv.word(i - 1) == "," and speaker.first > i and i - 1 > first:
                if (
                    qf.inside_direct(sv.tokens[first].start)
                    or qf.inside_direct(sv.tokens[first + 1].start)
                    or any(a <= sv.tokens[first].start < b for a, b in qf.result.report_clauses)
                ):
                    break  # the cue of a direct quote, or of a 'Wie X berichtete' clause
                qf.add(speaker.actors[0], "indirect", cue_text, cue_span, first, i - 2)
                break
            if particle is not None and sv.word(particle + 1) == "," and particle + 2 < last:
                qf.add(speaker.actors[0], "indirect", cue_text, cue_span, particle + 2, last)
                break
            start = i + 1
            if speaker.first > i:
                start = speaker.last + 1
            start = _skip_adverbials(qf, start, last)
            end = particle - 1 if particle is not None else last
            # 'condemned the offensive and urged the army to ...': two statements
            conj = next(
                (
                    k
                    for k in range(start, end)
                    if sv.low(k) in ("und", "and") and qf.reporting_verb(k + 1, last)
                ),
                None,
            )
            if conj is not None:
                end = conj - 1
            if end - start >= MIN_OBJECT_WORDS - 1 and sv.word(start) not in PUNCT_BREAKS:
                qf.add(speaker.actors[0], "indirect", cue_text, cue_span, start, end)
                if conj is None:
                    break
        for q in qf.result.quotes[before:]:
            q.attribution = kind  # 'KCNA berichtete, ...': facts sourced to the agency


def _skip_adverbials(qf: QuoteFinder, start: int, last: int) -> int:
    """Skip time expressions and short adverbs before the content ('am Dienstag', 'weiter')."""
    sv = qf.sv
    timex = [(t.start, t.end) for t in sv.doc.timex]
    adverbs = {
        "weiter",
        "erneut",
        "zudem",
        "außerdem",
        "auch",
        "ebenfalls",
        "nochmals",
        "further",
        "also",
        "again",
    }
    k = start
    while k <= last and k - start < SKIPPABLE_AFTER_VERB:
        char = sv.tokens[k].start
        span = next(((a, b) for a, b in timex if a <= char < b), None)
        if span:
            k = sv.token_at(span[1])
            continue
        if sv.low(k) in adverbs:
            k += 1
            continue
        break
    return k


def _quote_follows(qf: QuoteFinder, verb: int, last: int) -> bool:
    """'sagte er:' followed by a direct quote: the direct quote already covers it."""
    sv = qf.sv
    return any(sv.word(k) == ":" for k in range(verb + 1, min(last, verb + 8) + 1))


def _impersonal_source(qf: QuoteFinder, sentence: int, verb: int) -> ArgMention | None:
    """'..., hieß es in der Erklärung des Élysée-Palasts': the named or last known source."""
    sv = qf.sv
    _s_first, s_last = sv.ranges[sentence]
    after = [m for m in sv.in_sentence(verb + 1, s_last) if len(m.actors) == 1]
    if after:
        return after[0]
    for back in (sentence, sentence - 1, sentence - 2):
        sources = qf.result.sentence_sources.get(back)
        if sources:
            return ArgMention(verb, verb, (sources[-1],), "name")
    return None


def _comma_after_subject(qf: QuoteFinder, k: int, last: int) -> int | None:
    """'sagte Sacharowa am Mittwoch bei ihrem Briefing in Moskau, die Allianz ...': the comma
    that ends the adverbials after an inverted speaker and opens the reported clause."""
    sv = qf.sv
    timex = [(t.start, t.end) for t in sv.doc.timex]
    determiners = set(sv.pack.actors.determiners)
    in_phrase = False
    for j in range(k, min(last, k + 12) + 1):
        if sv.word(j) == ",":
            return j if j < last - 1 else None
        if sv.word(j) in PUNCT_BREAKS or sv.word(j) in ("„", "“", '"', "»"):
            return None
        if any(a <= sv.tokens[j].start < b for a, b in timex):
            continue
        if sv.low(j) in sv.preps:
            in_phrase = True
        elif sv.low(j) in determiners and not in_phrase:
            return None  # an object follows the speaker: the content is not a clause
    return None


def _phrase_with_owner(qf: QuoteFinder, i: int, last: int) -> tuple[int, str] | None:
    """'nach russischen Angaben' (an adjective names the source) and 'nach eigenen Angaben'
    (the sentence's subject is the source): a phrase with a word between its parts."""
    sv = qf.sv
    for words, _ in qf.phrases:
        if len(words) != 2 or i + 2 > last or sv.low(i) != words[0] or sv.low(i + 2) != words[1]:
            continue
        middle = sv.low(i + 1)
        if middle in sv.pack.attribution.self_reference_words:
            return 3, "self"
        if any(m.first == i + 1 == m.last and m.kind == "adjective" for m in sv.mentions):
            return 3, "owner"
    return None


def _phrase_owner(qf: QuoteFinder, i: int, n: int, position: str, last: int) -> ArgMention | None:
    sv = qf.sv
    if position == "owner":
        return next((m for m in sv.mentions if m.first == i + 1 and len(m.actors) == 1), None)
    verb = next(
        (k for k in range(i + n, min(last, i + n + 3) + 1) if sv.word(k)[:1].islower()), None
    )
    if verb is None:
        return None
    after = [m for m in sv.in_sentence(verb + 1, last) if len(m.actors) == 1]
    return after[0] if after and after[0].first - verb <= 4 else None


def _institution(sv: SentenceView, actor_id: str) -> bool:
    """'..., the State Department said.': a ministry or agency closing a sentence relays what
    happened; a person or a state saying it makes a claim."""
    actor = sv.doc.actor(actor_id)
    return actor is not None and actor.type == "organization"


def _trailing_attribution(
    qf: QuoteFinder, sentence: int, first: int, last: int
) -> Literal["speech", "report"] | None:
    """'Putin greeted them and said ..., Kremlin spokesman Dmitry Peskov said.': a speaker and
    verb closing the sentence after a comma frame all of it. Returns the attribution kind of
    the quote it added, or None."""
    sv = qf.sv
    end = last - 1 if sv.word(last) in (".", "!", "?") else last
    for i in range(end, max(first, end - 8), -1):
        found = qf.reporting_verb(i, last)
        if found is None:
            continue
        verb, _ = found
        speaker = qf.speaker_of(i)
        if speaker is None or speaker.first > i:
            return None
        between = [sv.word(k) for k in range(speaker.last + 1, i)]
        if between and not (between[0] == "(" and between[-1] == ")" and len(between) <= 3):
            return None  # only '..., KCNA reported.' or '..., the agency (KCNA) reported.'
        comma = speaker.first - 1
        relatives = set(sv.pack.modality.clause_breakers) | {"was", "which", "what", "who"}
        while (
            comma > first
            and comma > speaker.first - 4
            and sv.word(comma) != ","
            and sv.low(comma) not in relatives
            and (sv.low(comma) in sv.determiners or "-" in sv.word(comma))
        ):
            comma -= 1  # ', the state-run Korean Central News Agency reported'
        if sv.word(comma) != "," or comma - 1 <= first:
            return None
        inner = next((m for m in sv.mentions if m.first == first and len(m.actors) == 1), None)
        if inner is not None and qf.reporting_verb(inner.last + 1, last):
            # 'Kim added that ..., KCNA said.': KCNA relays Kim's words
            qf.result.sentence_sources.setdefault(sentence, []).append(speaker.actors[0])
            return None
        cue_text, cue_span = qf.cue_span(i, None)
        q = qf.add(speaker.actors[0], "indirect", cue_text, cue_span, first, comma - 1)
        if q is None:
            return None
        attribution: Literal["speech", "report"] = (
            "report"
            if verb.kind in ("report", "impersonal") or _institution(sv, speaker.actors[0])
            else "speech"
        )
        if attribution == "report":
            qf.result.sentence_sources.setdefault(sentence, []).append(speaker.actors[0])
        return attribution
    return None
