"""Batches made on the spot: short German reports, hostile inputs of every kind, store dumps.

Good texts are built from slot-filled sentences with a running number in the middle, so no two
are near-duplicates by accident; a copy is made on purpose by ``syndicate``. Broken inputs
cover each kind the batch must survive: binary data, truncated gzip, wrong encodings, empty
files, 10 MB of text, malformed HTML and malformed feeds.
"""

from __future__ import annotations

import gzip
import random
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

PEOPLE = ["Olaf Scholz", "Annalena Baerbock", "Emmanuel Macron", "Wolodymyr Selenskyj",
          "Joe Biden", "Recep Tayyip Erdogan", "Giorgia Meloni", "Donald Tusk",
          "Ursula von der Leyen", "Boris Pistorius", "Antony Blinken", "Xi Jinping"]
PLACES = ["Berlin", "Paris", "Kiew", "Warschau", "Rom", "Ankara", "Brüssel", "Washington",
          "Peking", "Madrid", "Wien", "Prag"]
ACTS = ["traf", "kritisierte", "empfing", "lobte", "besuchte", "warnte"]
DAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"]
TOPICS = ["die Energiepreise", "die Hilfe für die Ukraine", "den Handel", "die Migration",
          "die Sanktionen gegen Russland", "den Klimaschutz", "die Rüstungsexporte"]
BROKEN_KINDS = ("binary", "truncated-gzip", "utf16-no-bom", "not-cp1252", "empty",
                "whitespace", "malformed-html", "deep-html", "malformed-rss", "malformed-atom",
                "bad-jsonl")
MB = 1024 * 1024


def report(n: int, rng: random.Random) -> str:
    """A short German report, different from every other ``n``: no run of five words is
    without a filled slot, so two reports share hardly a shingle."""
    a, b = rng.sample(PEOPLE, 2)
    return (f"{a} {rng.choice(ACTS)} am {rng.choice(DAYS)} in {rng.choice(PLACES)} {b}, "
            f"zum {n}. Mal. Es ging um {rng.choice(TOPICS)} und {rng.choice(TOPICS)}. "
            f"{b} sagte in {rng.choice(PLACES)}, man wolle bis {2025 + n % 9} "
            f"{rng.choice(TOPICS)} {n + 3} Wochen lang prüfen.")


def syndicate(text: str) -> str:
    """A wire copy: another outlet's dateline and credit around the same story."""
    return f"BERLIN (dpa) - {text} Mehr dazu in Kürze auf unserer Seite."


def broken_bytes(kind: str, n: int) -> tuple[str, bytes]:
    """(file name, content) of one hostile input."""
    text = f"Olaf Scholz traf am Montag in Berlin Emmanuel Macron. Meldung {n}."
    if kind == "binary":
        return f"b{n}.txt", bytes(random.Random(n).randrange(256) for _ in range(600)) + b"\0"
    if kind == "truncated-gzip":
        data = gzip.compress((text * 40).encode())
        return f"t{n}.txt.gz", data[: len(data) // 2]
    if kind == "utf16-no-bom":
        return f"u{n}.txt", (text * 5).encode("utf-16-le")
    if kind == "not-cp1252":
        return f"c{n}.txt", b"Au\x81enminister \x8d\x8f\x90\x9d sagte " + text.encode("latin-1")
    if kind == "empty":
        return f"e{n}.txt", b""
    if kind == "whitespace":
        return f"w{n}.txt", b" \n\t \r\n"
    if kind == "malformed-html":
        return f"h{n}.html", b"<html><body><div><p>Kurz <b>und <i>kaputt</div></p><script>"
    if kind == "deep-html":
        return f"d{n}.html", b"<html><body>" + b"<div>" * 3000 + b"x" + b"<span>" * 3000
    if kind == "malformed-rss":
        return f"r{n}.rss", b"<?xml version='1.0'?><rss version='2.0'><channel><item><title>x"
    if kind == "malformed-atom":
        return f"a{n}.xml", b"<feed xmlns='http://www.w3.org/2005/Atom'><entry><content>&bad;"
    if kind == "bad-jsonl":
        return f"j{n}.jsonl", b'{"text": "unclosed\n[1, 2\n{"title": "no text"}\n'
    raise ValueError(kind)


@dataclass
class Batch:
    folder: Path
    good: list[Path] = field(default_factory=list)
    broken: dict[Path, str] = field(default_factory=dict)
    copies: list[Path] = field(default_factory=list)


def make_batch(folder: Path, total: int, *, broken_share: float = 0.05, copies: int = 0,
               huge: bool = True, seed: int = 7) -> Batch:
    """``total`` inputs in ``folder``: ``broken_share`` of them hostile, cycling through every
    kind; with ``huge``, two of the broken ones are 10 MB of text (one just under the reader's
    limit, rejected for its length, one just over it)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    batch = Batch(folder)
    n_broken = round(total * broken_share)
    kinds = [BROKEN_KINDS[i % len(BROKEN_KINDS)] for i in range(n_broken - 2 * huge)]
    slots = set(rng.sample(range(total), n_broken))
    texts: list[str] = []
    for n in range(total):
        if n in slots:
            continue
        texts.append(report(n, rng))
        path = folder / f"doc{n:05d}.txt"
        path.write_text(texts[-1], encoding="utf-8")
        batch.good.append(path)
    for i, n in enumerate(sorted(slots)[: len(kinds)]):
        name, data = broken_bytes(kinds[i], n)
        path = folder / name
        path.write_bytes(data)
        batch.broken[path] = kinds[i]
    if huge:
        line = "Der Bundestag hat am Montag lange debattiert und nichts beschlossen. " * 20 + "\n"
        for name, size in (("huge-under.txt", 10 * MB - 4096), ("huge-over.txt", 10 * MB + 1)):
            path = folder / name
            path.write_text((line * (size // len(line) + 1))[:size], encoding="utf-8")
            batch.broken[path] = name
    for n in range(copies):
        path = folder / f"doc{total + n:05d}-copy.txt"
        path.write_text(syndicate(texts[n * 7 % len(texts)]), encoding="utf-8")
        batch.copies.append(path)
    return batch


DUMPS = {
    "documents": "SELECT id, content_hash, url, source, title, lang, published, "
                 "published_from, text, extra FROM documents ORDER BY id",
    "actors": "SELECT * FROM actors ORDER BY document_id, actor_id",
    "events": "SELECT * FROM events ORDER BY document_id, event_id",
    "event_actors": "SELECT * FROM event_actors ORDER BY document_id, event_id, role, position",
    "quotes": "SELECT * FROM quotes ORDER BY document_id, quote_id",
    "timex": "SELECT * FROM timex ORDER BY document_id, timex_id",
    "places": "SELECT * FROM places ORDER BY document_id, place_id",
    "document_copies": "SELECT document_id, copy_key, content_hash, url, similarity, input "
                       "FROM document_copies ORDER BY document_id, copy_key",
    "document_signatures": "SELECT * FROM document_signatures ORDER BY document_id",
}


def store_dump(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Everything a run stored, ids and content, without the times it was written at."""
    with sqlite3.connect(db) as conn:
        return {table: conn.execute(query).fetchall() for table, query in DUMPS.items()}


def ledger(db: Path) -> dict[str, tuple[str, str | None]]:
    """Result name -> (status, reason) from the batch ledger."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT name, status, reason FROM batch_results").fetchall()
    return {name: (status, reason) for name, status, reason in rows}
