"""Encryption at rest: the database key, how a passphrase or the recovery key unlocks it, and
turning an old plain database into an encrypted one. Plain Python (no Textual); the argon2 and
cryptography libraries are imported only when a key is derived."""
