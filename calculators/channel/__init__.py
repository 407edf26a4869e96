"""The channel calculator's parts: the ranking rules and the texts (entry: ``calculators.tools.channel``)."""
