"""The published site: the minutes model -> pages (`pages`, pure), and the writer (`writer`)."""
