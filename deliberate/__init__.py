"""deliberate: run a fair resident-council meeting, vote, and publish verifiable minutes."""

__version__ = "0.1.0"
