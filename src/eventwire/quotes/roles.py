"""Source and message of a speech-event cue, read off German clause structure.

No parser: a main clause puts its finite verb second, so the source is the first field when
that field is a noun phrase or pronoun, else the pronoun or phrase right after the finite verb
('Deshalb fordern wir'). A subordinate clause ('wie ich weiß', 'der äußerte') has its subject
right after the word that opens it, or is that word. Nouns take a possessive ('Ihr Antrag') or a
named genitive ('der Antrag der Fraktion'). The message is the clause the cue opens ('..., dass
...'), what follows a colon, or the cue's own middle field.
"""

from __future__ import annotations

from eventwire.clauses import QUOTE_CHARS, SentenceView
from eventwire.langpacks.schema import SpeechEventPack
from eventwire.quotes.cues import (
    CLAUSE_STOPS,
    Cue,
    CueLexicon,
    clause_end,
    clause_start,
    is_stop,
    partner_table,
)

Range = tuple[int, int]
MODALS = frozenset({"sein", "haben", "werden", "können", "müssen", "sollen", "wollen", "dürfen",
                    "mögen", "möchten", "lassen"})
AFTER_VERB_WINDOW = 4
SENTENCE_END = frozenset({".", "!", "?"})


def _fold(words: list[str]) -> frozenset[str]:
    return frozenset(w.casefold() for w in words)


class RoleFinder:
    """Source and message token ranges for the cues of one document."""

    def __init__(self, sv: SentenceView, lex: CueLexicon) -> None:
        self.sv = sv
        self.lex = lex
        sp: SpeechEventPack = sv.pack.speech_events
        self.pronouns = _fold(sp.subject_pronouns)
        self.possessives = _fold(sp.possessives)
        self.openers = _fold(sp.clause_openers)
        self.subordinators = _fold(sp.subordinators)
        self.conjunctions = _fold(sp.conjunctions)
        self.focus = _fold(sp.focus_particles)
        self.adverbs = _fold(sp.adverbs) | sv.openers
        self.demonstratives = _fold(sp.demonstratives)
        self.passive = _fold(sp.passive_auxiliaries)
        self.agents = _fold(sp.agent_prepositions)
        self.causatives = _fold(sp.causative_verbs)
        self.object_sources = _fold(sp.object_sources)
        self.abstract = tuple(w.casefold() for w in sp.abstract_suffixes)
        self.institutions = tuple(w.casefold() for w in sp.institution_heads)
        self.sourceless = _fold(sp.sourceless_verbs)
        self.links = _fold(sp.genitive_links)
        self.heard = _fold(sp.heard_verbs)
        self.heard_preps = _fold(sp.heard_prepositions)
        self.no_source = partner_table(sp.sourceless_support)
        self.oblique = _fold(sp.oblique_relatives)
        self.pronoun_tails = _fold(sp.pronoun_tails)
        self.appositions = _fold(sp.pronoun_appositions)
        self.coordinators = _fold(sp.phrase_coordinators)
        self.quantifiers = _fold(sp.quantifiers)
        self.indefinites = _fold(sp.nominal_indefinites)
        self.adjective_endings = tuple(w.casefold() for w in sp.adjective_endings)
        self.titles = frozenset(a for a in sv.pack.segment.abbreviations if a[:1].isupper())
        self.relatives = frozenset(sv.pack.actors.definite_determiners) | {"welche", "welcher"}
        self.preps = frozenset(p for p in sv.preps if p not in self.possessives)

    # -- shared helpers --------------------------------------------------------------------
    def _zu_infinitive(self, i: int) -> bool:
        sv = self.sv
        word, lemma = sv.low(i), sv.lemma(i)
        return sv.low(i - 1) == "zu" or (word != lemma and "zu" in word and
                                         word.replace("zu", "", 1) == lemma)

    def _non_finite(self, i: int) -> bool:
        """An infinitive or a ge-participle ('gesagt', 'hingewiesen'): its finite verb is an
        auxiliary or modal elsewhere in the sentence."""
        word, lemma = self.sv.low(i), self.sv.lemma(i)
        if word == lemma or (word.startswith("ge") and not lemma.startswith("ge")):
            return True
        return any(lemma.startswith(p) and word[len(p):].startswith("ge")
                   and not lemma[len(p):].startswith("ge") for p in self.lex.prefixes)

    def _finite(self, cue: int, start: int) -> int:
        """The finite verb of the cue's clause: a modal or auxiliary before it, else the cue.
        Infinitives and participles look across commas too ('Sie haben, Frau X, ... gesagt')."""
        sv = self.sv
        word, lemma = sv.low(cue), sv.lemma(cue)
        if not (word == lemma or word.endswith(("t", "en"))):
            return cue
        s_first = sv.ranges[sv.tokens[cue].sentence][0]
        a, b = start, cue - 1
        while True:
            for k in range(b, a - 1, -1):
                if sv.lemma(k) in MODALS and (sv.word(k)[:1].islower() or k == a):
                    return k
            if not self._non_finite(cue) or self._own_clause(a):
                return cue
            while True:  # the clause before, passing inserted ones ('wie ich weiß')
                if a <= s_first + 1:
                    return cue
                if sv.word(a - 1) == "-" and is_stop(sv, a - 1):
                    opening = self._dash_before(a - 2, s_first)
                    if opening is None:
                        return cue
                    b = opening - 1  # 'werden wir ihn - das wird Sie nicht wundern - ablehnen'
                elif sv.word(a - 1) != "," or sv.word(a - 2) in QUOTE_CHARS:
                    return cue  # a quotation or colon ends the search: '„...“, sagen die einen'
                else:
                    b = a - 2
                a = clause_start(sv, b)
                if not self._inserted(a):
                    break
            if sv.low(a) in self.subordinators | self.relatives:
                return cue  # the clause before is subordinate: no modal of ours there

    def _dash_before(self, k: int, s_first: int) -> int | None:
        """The dash opening a parenthesis that closes after ``k``, with words before it."""
        sv = self.sv
        while k > s_first + 1:
            if sv.word(k) == "-" and is_stop(sv, k):
                return k if not is_stop(sv, k - 1) else None
            k -= 1
        return None

    def _own_clause(self, a: int) -> bool:
        """A clause opened by a subordinator or relative after a comma holds all its verbs:
        '..., die sagen' has its finite verb in it, though 'sagen' looks like an infinitive."""
        sv = self.sv
        return sv.word(a - 1) == "," and (sv.low(a) in self.subordinators or
                                          sv.low(a) in self.relatives)

    def _inserted(self, a: int) -> bool:
        """Whether the clause opening at ``a`` is set into another between commas: a relative
        clause ('die ..., die hier sitzen, ...') or 'wie ich weiß', 'wie auch immer'."""
        sv = self.sv
        return sv.word(a - 1) == "," and (sv.low(a) in self.relatives or sv.low(a) == "wie")

    def _noun_phrase(self, a: int, limit: int) -> Range | None:
        """A pronoun or noun phrase starting at ``a`` (focus particles included): 'auch Sie',
        'Wir Grünen', 'der Chef der Bankenaufsicht Andre Enria', 'Frau Dr. Weisgerber'."""
        sv = self.sv
        k = a
        while k <= limit and sv.low(k) in self.focus:
            k += 1
        if k > limit:
            return None
        if sv.low(k) in self.pronouns:
            return a, self._pronoun_end(k, limit)
        if sv.low(k) in self.preps or sv.low(k) in self.adverbs or not sv.word(k)[:1].isalpha():
            return None
        b = k
        seen_noun = False
        while b <= limit:
            w = sv.word(b)
            if w[:1].isupper() or w[:1].isdigit() or self._title_dot(b):
                seen_noun = True
            elif (not self._links_nouns(b)) if seen_noun else not w[:1].isalpha():
                break
            b += 1
        if not seen_noun:
            return None
        while b - 1 > k and sv.word(b - 1)[:1].islower():
            b -= 1
        return a, b - 1

    def _title_dot(self, b: int) -> bool:
        """The period of a title inside a name: 'der Kollege Dr. Robby Schlund'."""
        sv = self.sv
        return sv.word(b) == "." and sv.word(b - 1) in self.titles and \
            sv.word(b + 1)[:1].isupper()

    def _pronoun_end(self, k: int, limit: int, inverted: bool = False) -> int:
        """The last word of a phrase led by the pronoun at ``k``: 'wir Grünen', 'viele
        Menschen', 'wir alle', 'Sie selbst', 'wir als Union', 'ich als Berichterstatterin der
        Fraktion'. After the verb, nouns after a personal pronoun are objects ('sage ich
        Ihnen', 'beschließen wir Grenzwerte'); after 'viele' they are its nouns."""
        sv = self.sv
        b = k
        nouns = sv.low(k) in self.quantifiers or not inverted
        while nouns and b + 1 <= limit and sv.word(b + 1)[:1].isupper() and \
                sv.low(b + 1) not in self.pronouns and sv.low(b + 1) not in self.possessives:
            b += 1  # 'wir Grünen'
        if b + 1 <= limit and sv.low(b + 1) in self.pronoun_tails:
            b += 1
        if b + 2 <= limit and sv.low(b + 1) in self.appositions:
            phrase = self._noun_phrase(b + 2, limit)
            if phrase is not None and sv.low(b + 2) not in self.pronouns:
                b = phrase[1]
        return b

    def _links_nouns(self, k: int) -> bool:
        """A genitive article, '/' or 'und' joining two nouns of one phrase: 'Bürgermeister
        einiger Städte', 'der CDU/CSU-Fraktion', 'Bund und Länder'."""
        sv = self.sv
        if sv.low(k) not in self.links and sv.low(k) not in self.coordinators:
            return False
        return sv.word(k + 1)[:1].isupper() or sv.word(k + 2)[:1].isupper()

    # -- sources -----------------------------------------------------------------------------
    def _after_verb(self, finite: int, end: int, past_phrases: bool = False) -> Range | None:
        """An inverted subject: the pronoun or phrase among the first words after the verb;
        ``past_phrases`` passes prepositional phrases ('spricht für die Fraktion der Kollege'),
        for clauses whose first field holds no subject."""
        sv = self.sv
        k, last = finite, min(end, finite + AFTER_VERB_WINDOW)
        while k < last:
            k += 1
            low = sv.low(k)
            if past_phrases and low in self.preps:
                skip = self._phrase_after(k, end)
                if skip is not None:
                    last = min(end, last + skip - k)
                    k = skip
                    continue
            if low in self.pronouns:
                a = k - 1 if sv.low(k - 1) in self.focus and k - 1 > finite else k
                return a, self._pronoun_end(k, end, inverted=True)
            if low in self.demonstratives and not sv.word(k + 1)[:1].isupper() and \
                    not self._attributive(k + 1):
                if low in sv.determiners and sv.low(k + 1) in self.indefinites:
                    return k, k + 1  # '„...“, sagen die einen'
                continue  # 'Das sage ich': an object
            led = low in self.possessives or low in self.quantifiers  # 'mein Kollege X'
            if led and self._noun_phrase(k, end) is None:
                led = False
            if led or low in sv.determiners or sv.word(k)[:1].isupper():
                phrase = self._noun_phrase(k, end)
                if phrase is not None and k - 1 > finite and sv.low(k - 1) in self.focus:
                    return k - 1, phrase[1]  # 'auch die Pendler'
                return phrase
            if low in self.preps or sv.word(k) in CLAUSE_STOPS:
                return None
        return None

    def _attributive(self, k: int) -> bool:
        """Inflected adjectives before a noun: 'die anwesenden Vertreter', 'die damalige
        rot-grüne Bundesregierung', 'die 29 Staaten'."""
        sv = self.sv
        start = k
        while k < len(sv.tokens) and (sv.word(k)[:1].isdigit() or (
                sv.word(k)[:1].islower() and sv.low(k).endswith(self.adjective_endings)
                and sv.low(k) not in self.pronouns and sv.low(k) not in self.preps
                and sv.low(k) not in self.adverbs)):
            k += 1  # 'die 29 NATO-Staaten'

        return k > start and k < len(sv.tokens) and sv.word(k)[:1].isupper()

    def _phrase_after(self, prep: int, end: int) -> int | None:
        """The last word of the pronoun or noun phrase a preposition governs ('zu uns', 'für
        die Fraktion Die Linke')."""
        sv = self.sv
        if sv.low(prep + 1) in self.pronouns or sv.low(prep + 1) in self.object_sources:
            return prep + 1
        phrase = self._noun_phrase(prep + 1, end)
        return None if phrase is None else phrase[1]

    def _inverted_subject(self, finite: int, end: int) -> bool:
        """Whether a subject follows the finite verb right away ('soll ich', 'spricht der
        Kollege'): then the clause is a main clause whatever word opens it, as a verb-final
        clause has nothing but verbs after its finite verb."""
        sv = self.sv
        if finite >= end:
            return False
        nxt = sv.low(finite + 1)
        return nxt in self.pronouns or (nxt in sv.determiners and nxt not in self.oblique
                                        and sv.word(finite + 2)[:1].isupper())

    def _passive_agent(self, cue: int, start: int, end: int) -> tuple[bool, Range | None]:
        """Whether the cue is passive ('wird erklärt', 'ist beschlossen'), and its 'von' agent."""
        sv = self.sv
        around = range(start, end + 1)
        if self._zu_infinitive(cue) or (sv.low(cue) == sv.lemma(cue) and not any(
                sv.low(k) == "worden" for k in around)):
            return False, None  # 'erlassen worden': a participle that looks like its lemma
        if not any(sv.low(k) in self.passive for k in around if k != cue):
            return False, None
        if any(sv.lemma(k) == "haben" for k in around):
            return False, None
        for k in around:
            if sv.low(k) in self.agents:
                phrase = self._noun_phrase(k + 1, end)
                if phrase is not None:
                    return True, (k, phrase[1])
        return True, None

    def _prefield(self, start: int, finite: int) -> tuple[Range | None, bool]:
        """The first field as a source, and whether it is a lone subject pronoun."""
        sv = self.sv
        if finite - start == 1 and sv.low(start) in self.pronouns:
            return (start, start), True
        if finite - start == 1 and sv.low(start) in self.demonstratives:
            return None, False
        phrase = self._noun_phrase(start, finite - 1)
        if phrase is None:
            return None, False
        pronoun = sv.low(phrase[1]) in self.pronouns and start == phrase[1]
        if any(sv.low(k) in self.conjunctions and sv.word(k + 1)[:1].islower()
               and sv.low(k + 1) not in sv.determiners for k in range(start, finite)):
            return phrase, pronoun  # '... stellt sich hin und spricht': two clauses share it
        # the first field holds one phrase: all of it is the source ('Mobbingopfer im Netz')
        return (start, finite - 1), pronoun

    def _fronted(self, start: int) -> Range | None:
        """'Wer das liest, weiß ...' and 'Der Chef der Bank, Christian Sewing, sagte': the
        first field before the commas when the clause starts with its finite verb."""
        sv = self.sv
        s_first = sv.ranges[sv.tokens[start].sentence][0]
        lead = next((k + 1 for k in range(start - 1, s_first - 1, -1) if sv.word(k) == ":"),
                    s_first)  # 'Das Verrückte ist: Jeder, der ..., weiß'
        while lead < start and (sv.low(lead) in self.conjunctions or
                                not sv.word(lead)[:1].isalnum()):
            lead += 1  # '- Jeder, der ..., weiß'

        if lead >= start - 1 or sv.word(start - 1) != ",":
            return None
        if sv.low(lead) == "wer":
            return lead, start - 2
        if sv.low(lead) in self.subordinators:
            return None
        phrase = self._noun_phrase(lead, start - 2)
        if phrase is None or sv.word(phrase[1] + 1) != ",":
            return None
        return lead, start - 2

    def _before_relative(self, start: int) -> Range | None:
        """'wenn die Städte, die dafür zuständig sind, sagen': the phrase before a relative
        clause that the verb follows, with that clause."""
        sv = self.sv
        s_first = sv.ranges[sv.tokens[start].sentence][0]
        if start - 2 <= s_first or sv.word(start - 1) != ",":
            return None
        rel_end = start - 2
        rel_start = clause_start(sv, rel_end)
        if not self._inserted(rel_start) or rel_start - 2 < s_first:
            return None
        head_end = rel_start - 2
        a = clause_start(sv, head_end)
        if sv.low(a) not in self.subordinators or sv.low(a) in ("wer", "was"):
            return None
        a += 1
        while a < head_end and (sv.low(a) in self.adverbs or sv.low(a) in self.conjunctions):
            a += 1
        phrase = self._noun_phrase(a, head_end)
        if phrase is None or phrase[1] != head_end:
            return None
        return phrase[0], rel_end

    def _shared_subject(self, conjunction: int) -> Range | None:
        """The subject of the main clause before ``conjunction``, which a clause that opens
        with its verb ('... und fordern') shares: inserted clauses and vocatives are passed."""
        sv = self.sv
        s_first = sv.ranges[sv.tokens[conjunction].sentence][0]
        b = conjunction - 1
        while b >= s_first:
            while b >= s_first and (is_stop(sv, b) or sv.low(b) in self.conjunctions):
                b -= 1
            if b < s_first:
                return None
            a = clause_start(sv, b)
            while a < b and (sv.low(a) in self.conjunctions or not sv.word(a)[:1].isalnum()):
                a += 1
            if sv.low(a) in self.subordinators or self._inserted(a) or b - a < 2:
                b = a - 1
                continue
            if sv.low(a) in self.pronouns:
                return a, a
            phrase = self._noun_phrase(a, b)
            if phrase is not None and phrase[1] < b and sv.word(phrase[1] + 1)[:1].islower():
                return phrase
            if sv.low(a) in self.adverbs or sv.low(a) in self.demonstratives:
                inverted = self._after_verb(a + 1, b)
                if inverted is not None and sv.low(inverted[1]) in self.pronouns:
                    return inverted  # 'Deshalb fordern wir ... und lehnen ... ab'
            return None
        return None

    def verb_source(self, cue: int) -> Range | None:
        """The subject of the clause whose verb (or support verb, or copula) is ``cue``."""
        sv = self.sv
        if self._zu_infinitive(cue) or sv.lemma(cue) in self.sourceless:
            return None
        start, end = clause_start(sv, cue), clause_end(sv, cue)
        if sv.lemma(cue) in self.heard:
            return self._heard(start, end)
        while start < cue and sv.low(start) in self.conjunctions:
            start += 1
        s_first = sv.ranges[sv.tokens[cue].sentence][0]
        opener = sv.low(start)
        previous = sv.word(start - 1) if start > s_first else ""
        if (start + 1 < cue and previous == "," and opener in self.preps
                and sv.low(start + 1) in self.relatives):
            return self._after_verb(start + 1, cue - 1)  # 'über den wir heute reden'
        relative = opener in self.relatives and previous == "," and \
            not self._article_main_clause(start, cue, end)
        if opener in self.subordinators and opener in self.adverbs and start + 2 <= cue and \
                sv.low(start + 1) in self.adverbs and self._finite(cue, start) == start + 2:
            opener = ""  # 'Als Nächstes spricht ...': a first field, not a subordinate clause
        if start < cue and (opener in self.subordinators or relative):
            finite = self._finite(cue, start)
            if opener != "wer" and self._inverted_subject(finite, end):
                return self._after_verb(finite, end)  # 'wie soll ich sagen', 'das sieht man'
            passive, agent = self._passive_agent(cue, start, end)
            if passive:
                return agent  # 'der uns nicht vorgelegt wurde'
            inner = self._after_verb(start, cue - 1)
            if opener == "wer" and not (inner is not None and sv.low(inner[1]) in self.pronouns):
                return start, start  # 'wer Ihren Gedanken nicht teilt': 'wer' is nominative
            if opener in self.relatives or opener in ("wer", "was"):
                if inner is not None and (sv.low(inner[1]) in self.pronouns or
                                          sv.low(start + 1) in sv.determiners or
                                          opener == "was" or opener in self.oblique):
                    return inner  # 'das Sie vorgelegt haben', 'was Frau X gesagt hat'
                return (start, start) if opener != "was" else None
            k = start + 1
            while k < cue and (sv.low(k) in self.adverbs or sv.low(k) in self.conjunctions):
                k += 1  # 'wenn jetzt alle Seiten ...', 'wenn aber die Städte ...'
            return self._noun_phrase(k, cue - 1)  # 'wie ich weiß'
        finite = self._finite(cue, start)
        if finite == cue and sv.low(cue) != sv.lemma(cue) and self._non_finite(cue):
            return None  # a participle without auxiliary: 'Höflich ausgedrückt', 'wie gefordert'
        if finite < start:
            start = clause_start(sv, finite)
            while start < finite and sv.low(start) in self.conjunctions:
                start += 1
        passive, agent = self._passive_agent(cue, start, end)
        if passive:
            return agent
        if sv.lemma(finite) in self.causatives:
            obj = next((k for k in range(finite + 1, min(end, finite + 3) + 1)
                        if sv.low(k) in self.object_sources), None)
            if obj is not None:
                return obj, obj  # 'Lassen Sie mich ... sagen'
        if finite == start:  # verb first: 'Wissen Sie ...?', or a long first field before commas
            fronted = self._fronted(start) or self._before_relative(start)
            if fronted is not None:
                return fronted
            # a question or a request ('Denken Sie an ...!'): the addressee is the source
            after = self._after_verb(finite, end)
            if (sv.low(start - 1) in self.conjunctions and start - 1 > s_first
                    and (after is None or sv.low(after[1]) not in self.pronouns)):
                return self._shared_subject(start - 1) or after  # '..., und lehnen ihn ab'
            return after
        prefield, pronoun = self._prefield(start, finite)
        if pronoun:
            return prefield
        inverted = self._after_verb(finite, end)
        if inverted is not None and sv.low(inverted[1]) in self.pronouns:
            return inverted  # 'Das wissen auch Sie'
        return prefield or inverted or self._after_verb(finite, end, past_phrases=True)

    def _article_main_clause(self, start: int, cue: int, end: int) -> bool:
        """Whether 'der'/'die' after a comma is an article opening a main clause ('..., die
        Schufa weiß mehr'; 'Herr Kollege X, der Kollege Y würde gerne ...'), not a relative
        pronoun: a noun phrase, then the finite verb, then more than verbs."""
        sv = self.sv
        if sv.low(start) not in sv.determiners or sv.low(start + 1) in sv.determiners or \
                sv.low(start + 1) in self.pronouns:
            return False
        finite = self._finite(cue, start)
        if finite <= start + 1 or self._noun_phrase(start, finite - 1) is None:
            return False
        return finite < end and not (finite == cue and self._non_finite(cue))

    def _heard(self, start: int, end: int) -> Range | None:
        """Who is heard ('von Ihnen', 'aus Bayern'): the listener who hears is no source."""
        sv = self.sv
        for k in range(start, end):
            if sv.low(k) in self.heard_preps:
                phrase = self._noun_phrase(k + 1, end)
                if phrase is not None:
                    return k, phrase[1]
        return None

    def _genitive(self, i: int) -> Range | None:
        """'der Antrag der AfD', 'Worte von Papst Franziskus': a named or personal genitive."""
        sv = self.sv
        after = i + 1
        if sv.low(after) not in ("der", "des") and sv.low(after) not in self.agents:
            return None
        phrase = self._noun_phrase(after + 1, clause_end(sv, after))
        if phrase is None:
            return None
        head = sv.low(next((k for k in range(phrase[0], phrase[1] + 1)
                            if sv.word(k)[:1].isupper()), phrase[0]))
        if head.endswith(self.abstract) and not head.endswith(self.institutions):
            return None
        return after, phrase[1]

    def noun_source(self, cue: Cue) -> Range | None:
        sv = self.sv
        i = cue.head
        silent = self.no_source.get(sv.lemma(i))
        if silent and any(sv.lemma(k) in silent
                          for k in range(clause_start(sv, i), clause_end(sv, i) + 1)):
            return None  # 'Das Wort hat der Kollege ...': the floor is handed over
        partner = next((w for w in cue.words if w != i), None)
        if partner is not None and sv.word(partner)[:1].islower() and \
                sv.low(partner) not in sv.preps:
            own = self.verb_source(partner)  # 'er hält seine erste Rede'
            if own is not None:
                return own
        k = i - 1
        while k >= 0 and sv.word(k)[:1].islower() and sv.low(k) not in self.possessives \
                and sv.low(k) not in sv.determiners and k > i - 3:
            k -= 1
        if sv.low(k) in self.possessives:
            return k, k
        return self._genitive(i)

    def preposition_source(self, cue: Cue) -> Range | None:
        sv = self.sv
        i = cue.head
        if sv.low(i) == "laut":
            return self._noun_phrase(i + 1, clause_end(sv, i))
        a = clause_start(sv, i)
        m = next((m for m in reversed(sv.mentions) if a <= m.first and m.last < i), None)
        return (m.first - (sv.low(m.first - 1) in sv.determiners), m.last) if m else None

    def source(self, cue: Cue) -> Range | None:
        """The cue's source; none when it would hold a cue word ('Es stellt sich die Frage':
        the question is no speaker)."""
        found = self._source(cue)
        if found is None or any(found[0] <= w <= found[1] for w in cue.words):
            return None
        return self._after_sentence_end(found)

    def _after_sentence_end(self, r: Range) -> Range | None:
        """A source never reaches back over a sentence end the splitter missed ('... CO 2 .
        Ich sage'): only the words after the last one count."""
        sv = self.sv
        a = r[0]
        for k in range(r[0], r[1]):
            if sv.word(k) in SENTENCE_END and not self._title_dot(k):
                a = k + 1
        while a <= r[1] and not sv.word(a)[:1].isalnum():
            a += 1
        return (a, r[1]) if a <= r[1] else None

    def _source(self, cue: Cue) -> Range | None:
        if cue.kind == "verb":
            return self.verb_source(cue.head)
        if cue.kind == "predicative":
            copula = next(w for w in cue.words if w != cue.head)
            return self.verb_source(copula)
        if cue.kind == "noun":
            return self.noun_source(cue)
        return self.preposition_source(cue)

    # -- messages ----------------------------------------------------------------------------
    def _sentence_rest(self, a: int) -> Range | None:
        sv = self.sv
        last = sv.ranges[sv.tokens[a].sentence][1] if a < len(sv.tokens) else a
        while last > a and sv.word(last) in SENTENCE_END:
            last -= 1
        return (a, last) if a <= last and a <= sv.ranges[sv.tokens[a].sentence][1] else None

    def message(self, cue: Cue, source: Range | None) -> Range | None:
        sv = self.sv
        i = cue.head
        s_first, s_last = sv.ranges[sv.tokens[i].sentence]
        end = clause_end(sv, max(cue.words[-1], cue.particle or i))
        nxt = end + 1
        if nxt <= s_last and sv.word(nxt) in (",", ":") and nxt + 1 <= s_last:
            if sv.word(nxt) == ":" or sv.low(nxt + 1) in self.openers:
                return self._sentence_rest(nxt + 1)
            if cue.kind == "verb" and self._zu_clause(nxt + 1):
                return nxt + 1, clause_end(sv, nxt + 1)
        start = clause_start(sv, i)
        if sv.low(start) in ("wie", "so") and start > s_first - 1 and nxt <= s_last and \
                sv.word(nxt) == ",":
            return self._sentence_rest(nxt + 1)  # 'Wie X erwähnt hat, ist ...'
        if cue.kind != "verb":
            return None
        finite = self._finite(i, start)
        if finite - start == 1 and sv.low(start) in self.demonstratives and \
                source is not None and source[0] > finite:
            return start, start  # 'Das wissen auch Sie': the first field is what is known
        return self._middle_field(cue, source, start, end)

    def _zu_clause(self, a: int) -> bool:
        b = clause_end(self.sv, a)
        return b > a and self._zu_infinitive(b)

    def _middle_field(self, cue: Cue, source: Range | None, start: int, end: int) -> Range | None:
        """What the cue's own clause says besides source and verb: 'hatte das erwähnt'."""
        sv = self.sv
        i = cue.head
        finite = self._finite(i, start)
        a = finite + 1 if finite < i else i + 1
        if finite < start:
            a = start  # the verbs' clause goes on after an inserted one: keep to the cue's part
        b = i - 1 if finite < i else (cue.particle - 1 if cue.particle else end)
        if source is not None and source[0] <= a <= source[1] + 1:
            a = source[1] + 1
        if source is not None and a <= source[0] <= b and source[1] >= b:
            b = source[0] - 1
        if source is not None and a < source[0] <= b:
            a = source[1] + 1 if source[0] - a <= 1 else a
        while a <= b and (sv.low(a) in self.focus or sv.low(a) in ("daher", "deshalb", "doch",
                                                                  "ja", "nicht", "noch")):
            a += 1
        return (a, b) if a <= b else None
