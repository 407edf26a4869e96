"""One module per calculator; each defines ``CALCULATOR`` (see :mod:`calculators.page.base`)."""
