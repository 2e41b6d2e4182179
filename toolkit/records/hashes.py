"""The hash functions records use, from the interpreter's own modules.

hashlib loads OpenSSL when imported, which costs a command a few milliseconds of its start:
`decide adr list` reads through the parse cache (blake2b), and every command that judges or
records evidence hashes criteria (sha256).
"""

try:
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - interpreters built without it
    from hashlib import blake2b

try:
    from _sha2 import sha256  # Python 3.12 and later
except ImportError:
    try:
        from _sha256 import sha256  # Python 3.11
    except ImportError:  # pragma: no cover - interpreters built without it
        from hashlib import sha256

__all__ = ["blake2b", "sha256"]
