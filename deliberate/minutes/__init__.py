"""The log as minutes: a plain-data model of each meeting (pure), and its words (Markdown)."""
