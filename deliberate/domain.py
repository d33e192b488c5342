"""The whole pure domain: importing this registers every area's deciders and appliers."""

from deliberate import meeting, roster  # noqa: F401  (registration)
from deliberate.motions import engine as _motions  # noqa: F401  (registration)
from deliberate import floor  # noqa: F401  (registration)
from deliberate.ballots import projects  # noqa: F401
from deliberate.core import Command, apply, decide, fold  # noqa: F401
