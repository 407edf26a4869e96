"""The shared core: reading numbers as people type them, money and rate arithmetic, schedules, languages.

Nothing here knows about pages or HTML.
"""
