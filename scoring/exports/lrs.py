"""Send xAPI statements to a learning record store over HTTP (xAPI 1.0.3), in order, in batches, with retries.

* Headers: ``X-Experience-API-Version: 1.0.3``, ``Content-Type: application/json`` and the
  ``Authorization`` given (``user:password`` becomes HTTP Basic; a value starting with ``Basic `` or
  ``Bearer `` is sent as it is).
* Batches of ``batch_size`` statements are POSTed in the order given, so a voiding statement always
  reaches the LRS after the statement it voids.
* A connection error, a timeout, 429 or a 5xx is retried (``retries`` times, with a doubling pause).
* Idempotent: the statement ids are stable (UUID5), and an LRS answers a POST of statements it already
  holds, unchanged, without storing them twice. An LRS that answers such a batch 409 instead gets each
  statement PUT by id (204 when the same statement is already there); a *different* statement under the
  same id is reported, never overwritten.
"""

from __future__ import annotations

import base64
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from scoring.quoted import Quoted
from simulator.i18n import DEFAULT_LANG, N_, Message, translator

XAPI_VERSION = "1.0.3"
_RETRY_STATUS = {429, 500, 502, 503, 504}


class LrsError(Exception):
    """The LRS refused the statements (or could not be reached after the retries): ``why``, shown translated."""

    def __init__(self, why: Message) -> None:
        super().__init__(str(why))
        self.why = why

    def message(self, lang: str = DEFAULT_LANG) -> str:
        """Why, in ``lang`` (fr, nl or en)."""
        return self.why.to(translator("engine", lang))


@dataclass
class SendReport:
    """What the LRS took: statements sent, batches and HTTP attempts made, ids it already held."""

    sent: int = 0
    batches: int = 0
    attempts: int = 0
    already: list[str] = field(default_factory=list)


def authorization(auth: str) -> str:
    """The ``Authorization`` header for ``--auth`` (``user:password``, or a ready ``Basic …``/``Bearer …`` value)."""
    auth = auth.strip()
    if auth.startswith(("Basic ", "Bearer ")):
        return auth
    return "Basic " + base64.b64encode(auth.encode("utf-8")).decode("ascii")


def statements_endpoint(url: str) -> str:
    """The LRS's statements resource: ``url`` itself if it ends in ``/statements``, else ``url/statements``."""
    url = url.rstrip("/")
    return url if url.endswith("/statements") else url + "/statements"


def send_statements(
    statements: Sequence[dict[str, Any]],
    url: str,
    auth: str,
    *,
    batch_size: int = 50,
    retries: int = 4,
    pause: float = 0.5,
    client: Any = None,
    sleep: Callable[[float], None] = time.sleep,
) -> SendReport:
    """POST ``statements`` to the LRS at ``url`` in order; raise ``LrsError`` saying why if it refuses them."""
    import httpx

    headers = {
        "X-Experience-API-Version": XAPI_VERSION,
        "Content-Type": "application/json",
        "Authorization": authorization(auth),
    }
    own = client is None
    client = client or httpx.Client(timeout=30.0)
    report = SendReport()
    endpoint = statements_endpoint(url)
    try:
        for start in range(0, len(statements), batch_size):
            batch = list(statements[start : start + batch_size])
            response = _with_retries(
                partial(client.post, endpoint, json=batch, headers=headers),
                retries,
                pause,
                sleep,
                report,
            )
            if response.status_code == 409:
                _put_each(client, endpoint, headers, batch, retries, pause, sleep, report)
            else:
                _refuse_unless_ok(response)
            report.sent += len(batch)
            report.batches += 1
    finally:
        if own:
            client.close()
    return report


def _put_each(
    client: Any,
    endpoint: str,
    headers: dict[str, str],
    batch: list[dict[str, Any]],
    retries: int,
    pause: float,
    sleep: Callable[[float], None],
    report: SendReport,
) -> None:
    for statement in batch:
        response = _with_retries(
            partial(
                client.put,
                endpoint,
                params={"statementId": statement["id"]},
                json=statement,
                headers=headers,
            ),
            retries,
            pause,
            sleep,
            report,
        )
        if response.status_code == 409:
            raise LrsError(
                Message(
                    N_(
                        "the LRS already holds a different statement with id {id} "
                        "(nothing is overwritten)."
                    ),
                    id=statement["id"],
                )
            )
        _refuse_unless_ok(response)
        report.already.append(statement["id"])


def _with_retries(
    call: Callable[[], Any],
    retries: int,
    pause: float,
    sleep: Callable[[float], None],
    report: SendReport,
) -> Any:
    import httpx

    for attempt in range(retries + 1):
        report.attempts += 1
        try:
            response = call()
        except httpx.TransportError as exc:
            if attempt == retries:
                raise LrsError(_unreachable(retries + 1, str(exc))) from exc
        else:
            if response.status_code not in _RETRY_STATUS or attempt == retries:
                return response
        sleep(pause * 2**attempt)
    raise AssertionError("unreachable")


def _unreachable(attempts: int, reason: str) -> Message:
    return Quoted(
        lambda lang: translator("engine", lang).n(
            "LRS unreachable after {n} attempt ({reason}).",
            "LRS unreachable after {n} attempts ({reason}).",
            attempts,
            reason=reason,
        )
    )


def _refuse_unless_ok(response: Any) -> None:
    if 200 <= response.status_code < 300:
        return
    detail = response.text[:300].strip()
    if response.status_code in (401, 403):
        raise LrsError(
            Message(
                N_("the LRS refuses the credentials (HTTP {status}): check --auth."),
                status=response.status_code,
            )
        )
    raise LrsError(
        Message(
            N_("the LRS refuses the statements (HTTP {status}): {detail}"),
            status=response.status_code,
            detail=detail,
        )
    )
