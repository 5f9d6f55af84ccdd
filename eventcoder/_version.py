"""The one source of eventcoder's version (setup.cfg reads it with ``attr:``)."""

__version__ = "0.1.0"
