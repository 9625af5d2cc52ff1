"""Build step of callsim (the project itself is declared in pyproject.toml): compile the gettext
catalogs. Every ``simulator/i18n/locale/<lang>/LC_MESSAGES/<domain>.po`` becomes the ``.mo`` the
installed package reads with the standard ``gettext`` module; the repository keeps only the ``.po``.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
CATALOGS = HERE / "simulator" / "i18n" / "catalogs.py"


def _compile_po():  # the package's own compiler, loaded by path: the package is not importable yet
    spec = importlib.util.spec_from_file_location("callsim_catalogs", CATALOGS)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.compile_po


class BuildWithCatalogs(build_py):
    """``build_py`` that also writes each catalog's ``.mo`` into the build tree."""

    def run(self) -> None:
        super().run()
        if (
            self.editable_mode
        ):  # an editable install reads the .po of the checkout (simulator.i18n.catalogs)
            return
        compile_po = _compile_po()
        for po in sorted((HERE / "simulator" / "i18n" / "locale").glob("*/LC_MESSAGES/*.po")):
            target = Path(self.build_lib) / po.relative_to(HERE).with_suffix(".mo")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(compile_po(po))


setup(cmdclass={"build_py": BuildWithCatalogs})
