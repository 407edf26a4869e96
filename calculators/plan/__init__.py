"""The plan calculator's parts: debts and paying them down, plans and their options, avalanche /
snowball, verdicts, and the rendering (entry module: ``calculators.tools.plan``).
"""
