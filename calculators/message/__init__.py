"""The message calculator's parts: the texts and how they are composed (entry: ``calculators.tools.message``)."""
