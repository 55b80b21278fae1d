"""Validated shapes of a language pack's data files.

A language pack is a folder ``langpacks/<code>/`` of YAML files. Each file is checked against
these models when loaded, so a misspelt key or a wrong type fails with the file named. What a
new language must provide is exactly what these models require; see ``docs/langpacks.md``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from eventwire.model import PloverType


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class QuotePair(_Strict):
    open: str
    close: str


class LemmaRule(_Strict):
    """Fallback lemmatisation for forms the lemmatiser leaves alone (regular participles)."""

    suffix: str
    replace: str
    min_stem: int = 3


class SegmentPack(_Strict):
    abbreviations: list[str] = Field(description="tokens that end with a period but no sentence")
    boilerplate_lines: list[str] = Field(
        description="regular expressions; a line that matches from its start is not content"
    )
    quote_pairs: list[QuotePair]
    lemma_rules: list[LemmaRule] = Field(default_factory=list)
    function_words: list[str] = Field(
        default_factory=list, description="frequent short words that identify the language"
    )


class Pronoun(_Strict):
    form: str
    gender: Literal["m", "f", "n", "any"]
    number: Literal["sg", "pl"] = "sg"


class Collective(_Strict):
    """Phrases that point back at several actors: 'beide Länder' -> the last two states."""

    phrase: str = Field(description="lower-case words; the matcher tolerates inflection endings")
    count: int = 2
    actor_type: Literal["state", "person", "organization", "party", "side", "any"] = Field(
        default="state",
        description="party: states, organisations and groups, not persons; side: states and "
                    "persons (the parties to talks), not the bodies that report them",
    )


class GroupHead(_Strict):
    """Nouns that make a group actor out of a nationality: 'russische Soldaten'."""

    lemma: str
    sector: str
    type: Literal["group", "organization"] = "group"
    name_en: str = Field(description="English head used to build the canonical name")
    stands_for_state: bool = Field(
        default=False, description="government nouns: the phrase is a mention of the state"
    )


class ActorPack(_Strict):
    adjective_prefixes: list[str] = Field(
        default_factory=list, description="'ost' in 'ostukrainische': a region of the same state"
    )
    pronouns: list[Pronoun]
    collectives: list[Collective]
    group_heads: list[GroupHead]
    generic_groups: list[str] = Field(
        default_factory=list,
        description="plural nouns for unnamed groups ('Demonstranten', 'westlichen Partner'); "
        "kept as actors only where they act, speak or are acted upon",
    )
    outlet_nouns: list[str] = Field(
        default_factory=list,
        description="'die Agentur', 'the agency': the news outlet named last",
    )
    group_quantifiers: list[str] = Field(
        default_factory=list, description="'Tausende' in 'Tausende Vertriebene'"
    )
    quantified_groups: list[str] = Field(
        default_factory=list,
        description="people nouns that name a group only with a quantifier: Tausende Menschen",
    )
    group_people: list[str] = Field(
        description="plural nouns for people that take a following genitive group: Chefredakteure"
    )
    org_heads: list[str] = Field(description="nouns that head organisation names: Ausschuss")
    org_head_complements: list[str] = Field(
        default_factory=list, description="prepositions that continue an organisation name: für"
    )
    body_adjectives: list[str] = Field(
        default_factory=list,
        description="lower-case adjectives that make a lower-case head noun a body: "
        "'the intergovernmental commission on trade' (English writes such bodies in lower case)",
    )
    determiners: list[str] = Field(description="articles and determiners, lower case")
    definite_determiners: list[str] = Field(
        default_factory=list,
        description="'der Minister' points back at someone named; 'ein Sprecher' does not",
    )
    name_stopwords: list[str] = Field(
        description="capitalised words that never start or continue a person's name"
    )
    name_particles: list[str] = Field(default_factory=list, description="von, van, de, al, bin")
    title_connectors: list[str] = Field(
        default_factory=list, description="words inside titles: für, des, der (Minister für ...)"
    )
    prefield_openers: list[str] = Field(
        default_factory=list,
        description="lower-case words that can open a main clause before an inverted subject "
        "(zudem, daraufhin, dies)",
    )
    prepositions: list[str] = Field(
        default_factory=list, description="all prepositions: a noun after one is in a phrase"
    )
    locative_prepositions: list[str]
    source_prepositions: list[str] = Field(
        default_factory=list, description="prepositions marking an agent: von, durch"
    )


class ReportingVerb(_Strict):
    lemma: str
    particle: str | None = Field(default=None, description="separable part: hervor (hob hervor)")
    kind: Literal["speech", "report", "quote_relay", "impersonal"] = Field(
        default="speech",
        description="report: a source of facts; quote_relay: 'zitierte'; impersonal: 'hieß es'",
    )


class AttributionPhrase(_Strict):
    """Phrases that name a source for the rest of the sentence: 'laut', 'nach Angaben'."""

    phrase: str
    position: Literal["before", "after"] = Field(
        default="before", description="'after' for postpositions: 'der KCNA zufolge'"
    )


class AttributionPack(_Strict):
    reporting_verbs: list[ReportingVerb]
    attribution_phrases: list[AttributionPhrase]
    anaphoric_subjects: list[str] = Field(
        description="'dies', 'das': a report sentence about the sentence before it"
    )
    complementisers: list[str] = Field(description="dass, ob")
    self_reference_words: list[str] = Field(
        default_factory=list, description="'eigenen' in 'nach eigenen Angaben': the subject's own"
    )
    reported_speech_forms: list[str] = Field(
        default_factory=list,
        description="finite verbs of reported speech (Konjunktiv I): a sentence led by one "
        "continues the last speaker's words",
    )
    report_clause_openers: list[str] = Field(
        default_factory=list, description="'wie' in 'Wie TASS berichtete, ...'"
    )
    quote_intro_phrases: list[str] = Field(
        default_factory=list, description="'mit den Worten': the quote follows"
    )


class Trigger(_Strict):
    lemma: str
    pos: Literal["verb", "noun"]
    type: PloverType
    mode: str | None = None
    cameo: str
    particle: str | None = None
    target_preps: list[str] = Field(
        default_factory=list, description="prepositions introducing the target: mit, gegen"
    )
    place_is_target: bool = Field(
        default=False, description="visits: the visited place's state is the target"
    )
    each_party: bool = Field(
        default=False,
        description="'beide Länder ratifizierten': each party acts; otherwise a pair named "
        "together in a symmetric event is split into source and target",
    )
    needs_target: bool = False
    excluded_words: list[str] = Field(
        default_factory=list,
        description="lower-case lemmas that cancel this reading in the clause "
        "('sich Kämpfe liefern' is no delivery)",
    )
    context_words: list[str] = Field(
        default_factory=list,
        description="lower-case lemmas of which one must stand in the sentence for this reading "
        "('verurteilt ... zu drei Jahren Haft' is a sentence, not criticism)",
    )
    context_in_clause: bool = Field(
        default=False,
        description="the context word must stand in the trigger's own clause, not just in the "
        "sentence ('der den Sicherheitsrat leitet' after 'Zur Delegation gehörten')",
    )


class AnaphoricObject(_Strict):
    """'wies die Vorwürfe zurück': the object points at an earlier event, whose actor is the
    target ('Vorwurf' -> the last ACCUSE)."""

    lemma: str
    types: list[str] = Field(description="PLOVER types it refers to; empty for any event")


class EventPack(_Strict):
    triggers: list[Trigger]
    compound_heads: bool = Field(
        default=False, description="a noun trigger also matches as a compound's head (German)"
    )
    particle_window: int | None = Field(
        default=None,
        description="how far after the verb its particle may stand; None: anywhere in the "
                    "clause (German 'hob ... hervor'), 2 for English 'call on'",
    )
    anaphoric_objects: list[AnaphoricObject] = Field(default_factory=list)
    light_verbs: list[str] = Field(
        default_factory=list,
        description="verbs whose subject is the actor of their event noun: führte eine "
        "Besprechung durch, verhängte Sanktionen",
    )
    circumstance_prepositions: list[str] = Field(
        default_factory=list,
        description="'bei einem Treffen', 'nach einem Gespräch': the clause subject took part",
    )
    blocked_compounds: list[str] = Field(
        default_factory=list, description="nouns ending in a trigger that are no event: Eintreffen"
    )
    owner_possessives: list[str] = Field(
        default_factory=list,
        description="possessives before an event noun that point at the state or body named "
        "just before: 'sanctions on Iran over its supply of drones' (Iran supplies)",
    )
    date_links: list[str] = Field(
        default_factory=list,
        description="phrases that set a sentence at the time of the one before it: 'dabei', "
        "'he was speaking at'; an undated event there takes the date stated just before",
    )


class ModalityPack(_Strict):
    negations: list[str]
    hypothetical_markers: list[str]
    future_auxiliaries: list[str] = Field(description="finite verbs that make a clause future")
    modal_verbs: list[str]
    infinitive_marker: str | None = Field(
        default=None, description="'zu' in German, 'to' in English"
    )
    passive_auxiliaries: list[str] = Field(default_factory=list)
    obligation_verbs: list[str] = Field(
        default_factory=list,
        description="lemmas of a main clause that makes its dependent clause an obligation or "
                    "plan, not a fact: vorsehen, verpflichten",
    )
    generic_determiners: list[str] = Field(
        default_factory=list,
        description="determiners that make an event noun non-specific: 'opposed any unilateral "
        "sanctions', 'lehnt jegliche Sanktionen ab' names no sanction that happened",
    )
    decision_nouns: list[str] = Field(
        default_factory=list,
        description="lower-case nouns whose infinitive is an act carried out: 'the decision to "
        "suspend talks', 'der Beschluss, die Gespräche auszusetzen'",
    )
    finite_auxiliaries: list[str] = Field(
        default_factory=list, description="finite forms of haben/sein/werden and modals"
    )
    planned_modifiers: list[str] = Field(
        default_factory=list, description="adjective stems before a noun trigger: geplant"
    )
    clause_breakers: list[str] = Field(
        default_factory=list, description="words that open a subordinate clause: der, die, weil"
    )


class SupportVerbs(_Strict):
    """'eine Frage stellen', 'das Wort erteilen': a verb that only evokes speech with one of
    these nouns; together they form one cue."""

    verbs: list[str] = Field(description="verb lemmas")
    nouns: list[str] = Field(description="noun lemmas the verbs go with")


CueNeed = Literal["clause", "experiencer", "object_pronoun", "auxiliary", "impersonal"]


class CueCondition(_Strict):
    """A cue word that is something else without one of these complements ('Lösungen finden'
    is no thought, 'wir finden, dass' is): the word counts when any of ``needs`` is met."""

    lemmas: list[str] = Field(default_factory=list, description="lemmas the condition applies to")
    words: list[str] = Field(default_factory=list, description="or only these surface forms")
    except_words: list[str] = Field(
        default_factory=list, description="forms of the lemmas that are cues anyway: 'finde'"
    )
    needs: list[CueNeed] = Field(
        description="clause: a clause follows ('finden, dass'; 'wir finden, ...'); "
        "experiencer: 'für mich' in the clause; object_pronoun: 'es'/'das' right after the "
        "verb ('finden es gut'); auxiliary: a perfect or passive auxiliary in the clause "
        "('haben ... gehört'); "
        "impersonal: an impersonal pronoun next to the verb ('heißt es')"
    )


class SpeechEventPack(_Strict):
    """Words that evoke speech, thought and writing events (finer than quotes: 'ich glaube',
    'der Antrag') and the small words that name their sources. Optional per language."""

    verbs: list[str] = Field(
        default_factory=list,
        description="verb lemmas, particle verbs joined ('feststellen'); reporting verbs of "
        "attribution.yaml count too",
    )
    nouns: list[str] = Field(default_factory=list, description="noun lemmas: Antrag, Kritik")
    predicatives: list[str] = Field(
        default_factory=list, description="adjectives evoking a thought with a copula: überzeugt"
    )
    copulas: list[str] = Field(default_factory=list, description="lemmas: sein, werden")
    prepositions: list[str] = Field(
        default_factory=list, description="'laut', 'zufolge': a source follows or precedes"
    )
    support_verbs: list[SupportVerbs] = Field(default_factory=list)
    frames: list[SupportVerbs] = Field(
        default_factory=list,
        description="'aus unserer Sicht', 'meiner Meinung nach': a word within three tokens of "
        "the noun that belongs to its cue",
    )
    separable_prefixes: list[str] = Field(
        default_factory=list, description="particles split off a finite verb: 'stellt ... fest'"
    )
    reflexives: list[str] = Field(
        default_factory=list, description="'sich', 'mich': the reflexive of a cue verb (PTC)"
    )
    subject_pronouns: list[str] = Field(
        default_factory=list, description="pronouns that can be a source: ich, wir, man, wer"
    )
    possessives: list[str] = Field(
        default_factory=list, description="'Ihr Antrag': the possessive names the source"
    )
    clause_openers: list[str] = Field(
        default_factory=list,
        description="words that open a message clause after a cue: dass, ob, wie, warum",
    )
    subordinators: list[str] = Field(
        default_factory=list, description="words opening a verb-final clause: wenn, weil, wie"
    )
    conjunctions: list[str] = Field(
        default_factory=list, description="'und', 'aber': before a clause's first field"
    )
    focus_particles: list[str] = Field(
        default_factory=list, description="'auch', 'selbst': part of a source ('auch Sie')"
    )
    adverbs: list[str] = Field(
        default_factory=list, description="words that fill the first field but are no source"
    )
    demonstratives: list[str] = Field(
        default_factory=list, description="'das', 'dies': a first field that is the message"
    )
    passive_auxiliaries: list[str] = Field(
        default_factory=list, description="'wird', 'worden': a participle cue is passive"
    )
    agent_prepositions: list[str] = Field(
        default_factory=list, description="'von', 'vom': the agent of a passive or a noun"
    )
    causative_verbs: list[str] = Field(
        default_factory=list, description="'lassen': 'Lassen Sie mich sagen', the object speaks"
    )
    object_sources: list[str] = Field(
        default_factory=list, description="'mich', 'uns': who speaks after a causative verb"
    )
    abstract_suffixes: list[str] = Field(
        default_factory=list, description="'-ung', '-keit': a genitive with one is a topic"
    )
    sourceless_verbs: list[str] = Field(
        default_factory=list,
        description="cue verbs whose subject is mostly a thing, not a source: 'Das zeigt'",
    )
    genitive_links: list[str] = Field(
        default_factory=list, description="'der', 'einiger': a genitive inside a source phrase"
    )
    institution_heads: list[str] = Field(
        default_factory=list, description="'regierung', 'fraktion': abstract-looking sources"
    )
    heard_verbs: list[str] = Field(
        default_factory=list,
        description="'hören': the source is who is heard ('von Ihnen'), not the listener",
    )
    heard_prepositions: list[str] = Field(
        default_factory=list, description="'von', 'aus': open the phrase of who is heard"
    )
    sourceless_support: list[SupportVerbs] = Field(
        default_factory=list,
        description="noun cues with a verb that leave them without source: 'das Wort haben'",
    )
    cue_conditions: list[CueCondition] = Field(default_factory=list)
    excluded_verbs: list[str] = Field(
        default_factory=list,
        description="reporting verbs of attribution.yaml that are mostly no speech event here: "
        "'drohen' ('Fahrverbote drohen')",
    )
    experiencer_prepositions: list[str] = Field(
        default_factory=list, description="'für' in 'für mich ist klar': a reflexive follows"
    )
    object_pronouns: list[str] = Field(
        default_factory=list, description="'es', 'das' right after a verb: 'finden es gut'"
    )
    impersonal_pronouns: list[str] = Field(
        default_factory=list, description="'es' in 'heißt es'"
    )
    perfect_auxiliaries: list[str] = Field(
        default_factory=list, description="lemmas: haben, sein, werden"
    )
    oblique_relatives: list[str] = Field(
        default_factory=list,
        description="relative pronouns that cannot be a subject: 'den', 'dem' ('den Sie "
        "vorgelegt haben'); the subject follows them",
    )
    pronoun_tails: list[str] = Field(
        default_factory=list, description="'alle', 'selbst' after a pronoun: 'wir alle'"
    )
    pronoun_appositions: list[str] = Field(
        default_factory=list, description="'als' after a pronoun: 'wir als Union'"
    )
    nominal_indefinites: list[str] = Field(
        default_factory=list,
        description="'einen', 'anderen' after an article stand for people: 'sagen die einen'",
    )
    quantifiers: list[str] = Field(
        default_factory=list,
        description="'viele', 'kein', 'manch': lead a noun phrase ('kein Mensch'); after a "
        "pronoun-like one the nouns belong to it, after 'ich' or 'wir' they are objects",
    )
    phrase_coordinators: list[str] = Field(
        default_factory=list, description="'und', 'oder' between nouns: 'Bund und Länder'"
    )
    participle_endings: list[str] = Field(
        default_factory=list, description="'t', 'en', 'end': participle stems"
    )
    adjective_endings: list[str] = Field(
        default_factory=list,
        description="'e', 'en', 'em': inflection that makes a participle attributive",
    )


class LanguagePackFiles(_Strict):
    """All files of one pack, after loading."""

    code: str
    segment: SegmentPack
    actors: ActorPack
    attribution: AttributionPack
    events: EventPack
    modality: ModalityPack
    speech_events: SpeechEventPack = Field(default_factory=SpeechEventPack)
