"""Command-line interface: thin commands that parse, call a plain function, render."""
