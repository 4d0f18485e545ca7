"""junquito-tui: a terminal explorer for chronologies, shipped with the El Junquito raid."""

__version__ = "0.1.0"
