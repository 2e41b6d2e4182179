"""The operations behind each command: read records, ask git and judge, write records."""
