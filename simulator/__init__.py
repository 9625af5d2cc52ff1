"""callsim — a call-centre simulator for the « Opérateur call center » competency standard."""

from functools import cache

__version__ = "0.1.0"


@cache
def installed_version() -> str:
    """callsim's version as installed (package metadata; ``__version__`` in a never-installed source tree)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("callsim")
    except PackageNotFoundError:
        return __version__
