"""The built-in rules files (rules/ at the top of the repository), shipped as ``deliberate._rules``."""
