"""Calculators for people negotiating Huabei / Jiebei repayments.

Pure Python, standard library only, so the same code runs in the tests and, through
Pyodide, in the reader's browser. One entry point: :func:`run`.
"""

from .api import form_html, run, run_for_page, run_parts, skip_links_html
from .registry import CALCULATORS

__all__ = ["CALCULATORS", "form_html", "run", "run_for_page", "run_parts", "skip_links_html"]
__version__ = "0.1.0"
