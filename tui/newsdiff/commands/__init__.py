"""One module per command of the CLI; each defines ``add_arguments`` and ``run``."""
