"""Advice shared by several calculators: the reader's goals and the warning about paid agents."""
