"""briefarc: a command-line archiver for diplomatic press briefings."""

__version__ = "0.1.0"
