"""eventex: extract meetings, military exercises and agreements from news text."""

__version__ = "0.1.0"
