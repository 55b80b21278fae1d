"""Reading news into documents: text, HTML, feeds, JSON(L), WARC, archives and folders.

``read_inputs(paths)`` is the entry point; it yields one :class:`ReadResult` per document or
per rejected input, and never stops on a bad one. Settings live in :class:`ReadOptions`.
See ``docs/ingest.md``.
"""

from eventwire.io.inputs import expand_paths, read_inputs
from eventwire.io.options import ReadOptions
from eventwire.io.readers import read_path
from eventwire.io.results import ReadResult
from eventwire.io.textdecode import decode

__all__ = ["ReadOptions", "ReadResult", "decode", "expand_paths", "read_inputs", "read_path"]
