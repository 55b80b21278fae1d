"""Evaluation: scoring against gold annotations and the field's test suites."""
