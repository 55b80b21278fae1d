"""Language packs: lexicons and rules as data files, one folder per language."""

from eventwire.langpacks.loader import available_languages, load_pack

__all__ = ["available_languages", "load_pack"]
