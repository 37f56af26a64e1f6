"""CLI sub-commands. Each module defines `NAME`, `HELP`, `add_arguments(parser)` and `run(args)`.

Modules import heavy dependencies inside `run`, so `reviewextract --help` stays fast.
"""
