"""Alembic migrations of the store schema; ``open_store`` applies them on opening.

A schema change is a new file in ``versions/`` (never an edit of an applied one), plus the
matching change in ``eventwire/store/schema.py``; ``tests/store`` checks that the two agree.
To draft one from the difference between a database and ``schema.py``::

    python -c "from alembic import command; from eventwire.store.migrate import alembic_config;
    command.revision(alembic_config('sqlite:///draft.db'), message='what changes',
    autogenerate=True)"

and then read and correct the draft by hand.
"""
