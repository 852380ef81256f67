"""The entry point of `briefarc` and `python -m briefarc`.

It imports nothing at its top, so that a Ctrl-C while the program loads (Typer, Rich: a good part of
the start-up time) is a quiet exit 130 as it is later on, not a traceback.
"""

import sys


def main() -> None:
    try:
        from briefarc.cli import main as run

        run()
    except KeyboardInterrupt:
        sys.stderr.write("Interrupted.\n")
        sys.exit(130)


if __name__ == "__main__":
    main()
