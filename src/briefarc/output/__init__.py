"""Everything printed: Rich renderables, JSON and CSV lines, progress, the two consoles."""
