"""Command-line interface (``eventwire``)."""
