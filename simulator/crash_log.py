"""The technical log: what went wrong, for the maintainer, in a rotating file under the user's data folder.

Nothing technical reaches a candidate's screen: the apps and the command line write the error
here (type, message and traceback, never the values of local variables) and show a plain sentence
instead. The folder is ``platformdirs``' user data folder (``callsim/logs``), or ``$CALLSIM_LOG_DIR``.
"""

from __future__ import annotations

import logging
import os
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

#: Environment variable that overrides the log folder.
LOG_ENV = "CALLSIM_LOG_DIR"
LOG_FILENAME = "callsim.log"
_MAX_BYTES, _BACKUPS = 1_000_000, 5
_LOGGER = "callsim.technical"


def log_dir() -> Path:
    """``$CALLSIM_LOG_DIR`` or ``<user data folder>/callsim/logs``."""
    explicit = os.environ.get(LOG_ENV, "").strip()
    if explicit:
        return Path(explicit).expanduser()
    from platformdirs import user_data_path

    return user_data_path("callsim", appauthor=False) / "logs"


def _logger() -> logging.Logger:
    """The technical logger, writing to the rotating file of the current log folder."""
    logger = logging.getLogger(_LOGGER)
    path = log_dir() / LOG_FILENAME
    if not any(getattr(h, "baseFilename", None) == str(path) for h in logger.handlers):
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
            handler.close()
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            path, maxBytes=_MAX_BYTES, backupCount=_BACKUPS, encoding="utf-8"
        )
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False
    return logger


def log_failure(error: BaseException, where: str) -> Path | None:
    """Write ``error`` with its traceback (no local variables) to the log; the file, or None if unwritable."""
    text = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    return _write(logging.ERROR, f"{where}: unexpected error\n{text}")


def log_note(message: str) -> Path | None:
    """Write one line of record (an invigilator's code attempt before any session is open, a signal)."""
    return _write(logging.INFO, message)


def _write(level: int, message: str) -> Path | None:
    try:
        logger = _logger()
        logger.log(level, message)
    except OSError:  # a read-only or full disk must not turn a handled error into a crash
        return None
    return log_dir() / LOG_FILENAME
