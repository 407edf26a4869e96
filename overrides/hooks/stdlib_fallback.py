"""Import fallback for the trimmed standard library (shipped compiled inside it as ``_stdlib_fallback``).

The site's standard library holds only the modules that Pyodide's boot and the calculators were seen
importing. If a later change imports a module that was left out, the reader must still get an
answer, not a ``ModuleNotFoundError``: this finder, last on ``sys.meta_path``, fetches the full
standard library zip once (through a function the host gives it), writes it into the virtual file
system, puts it at the end of ``sys.path`` and loads the module from it.

Only names of modules that exist in the full zip but not in the trimmed one trigger the download
(``LEFT_OUT``, filled in by the build), so the guarded ``import nt`` and friends of the standard
library stay free.
"""

from __future__ import annotations

import sys
from importlib.machinery import PathFinder

FULL_ZIP = "/lib/python_stdlib_full.zip"
LEFT_OUT: frozenset[str] = frozenset()  # replaced by the build: dotted names of the left-out modules


class FullStdlibFinder:
    """A meta path finder that loads left-out standard-library modules from the full zip."""

    def __init__(self, fetch_full_zip) -> None:  # noqa: ANN001 - a JS function returning the zip's bytes
        self.fetch_full_zip = fetch_full_zip
        self.installed = False

    def _install_full_zip(self) -> None:
        if self.installed:
            return
        data = self.fetch_full_zip()
        data = data.to_bytes() if hasattr(data, "to_bytes") else bytes(data)
        with open(FULL_ZIP, "wb") as target:
            target.write(data)
        sys.path.append(FULL_ZIP)
        self.installed = True

    def find_spec(self, name: str, path=None, target=None):  # noqa: ANN001 - the finder protocol
        if name not in LEFT_OUT:
            return None
        try:
            self._install_full_zip()
        except Exception as error:  # offline, or the file is gone: an ImportError, as without us
            raise ModuleNotFoundError(f"No module named {name!r}", name=name) from error
        parent = name.rpartition(".")[0]
        if not parent:
            return PathFinder.find_spec(name, [FULL_ZIP])
        package = sys.modules.get(parent)
        if package is None or not hasattr(package, "__path__"):
            return None
        folder = f"{FULL_ZIP}/{parent.replace('.', '/')}"
        if folder not in package.__path__:
            package.__path__.append(folder)
        return PathFinder.find_spec(name, [folder])


def install(fetch_full_zip) -> FullStdlibFinder:  # noqa: ANN001 - a JS function returning bytes
    """Put the fallback finder last on ``sys.meta_path`` (once) and return it."""
    for finder in sys.meta_path:
        if isinstance(finder, FullStdlibFinder):
            return finder
    finder = FullStdlibFinder(fetch_full_zip)
    sys.meta_path.append(finder)
    return finder
