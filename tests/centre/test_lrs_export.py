"""Statements reach a real LRS (Ralph, file-system backend): valid by Ralph's xAPI models, sent once, voids after."""

from __future__ import annotations

import httpx
import pytest

from scoring.exports.lrs import LrsError, send_statements
from scoring.exports.xapi import statements
from tests.assessment.review_samples import reviewed, scored

HEADERS = {"X-Experience-API-Version": "1.0.3"}


@pytest.fixture(scope="module")
def overridden_statements():
    header, events, grille = scored("never-confirms", 1)
    review = reviewed(
        header,
        grille,
        reviewers=("Alice", "Bruno"),
        overrides=(
            ("Alice", "01.09", "ok", "La date a bien été reformulée au client."),
            ("Bruno", "01.09", "nok", "La reformulation ne reprend pas l'heure."),
        ),
    )
    return statements(review, header, events)


def stored(url: str, auth: str) -> list[dict]:
    user, password = auth.split(":", 1)
    found, more = [], f"{url}/statements?limit=500"
    while more:
        page = httpx.get(more, auth=(user, password), headers=HEADERS).json()
        found += page["statements"]
        more = url.rsplit("/xAPI", 1)[0] + page["more"] if page.get("more") else ""
    return found


def test_statements_reach_the_lrs_once_and_validate(lrs, overridden_statements) -> None:
    from ralph.models.xapi.base.statements import BaseXapiStatement

    url, auth = lrs
    before = {s["id"] for s in stored(url, auth)}
    report = send_statements(overridden_statements, url, auth, batch_size=10)
    assert report.sent == len(overridden_statements) and report.batches == 3
    ours = {s["id"] for s in overridden_statements}
    held = [s for s in stored(url, auth) if s["id"] in ours]
    assert {s["id"] for s in held} == ours and len(held) == len(ours)
    for statement in held:
        BaseXapiStatement.model_validate(statement)
    voids = [s for s in held if s["verb"]["id"].endswith("/voided")]
    assert len(voids) == 2 and all(v["object"]["id"] in ours for v in voids)
    again = send_statements(
        overridden_statements, url, auth
    )  # a second export stores nothing twice
    assert again.sent == len(overridden_statements)
    after = [s for s in stored(url, auth) if s["id"] not in before]
    assert len(after) == len(ours)


def test_wrong_credentials_are_a_clear_refusal(lrs, overridden_statements) -> None:
    url, _auth = lrs
    with pytest.raises(LrsError, match="--auth"):
        send_statements(overridden_statements[:1], url, "centre:wrong")


def test_a_changed_statement_under_a_sent_id_is_refused(lrs, overridden_statements) -> None:
    url, auth = lrs
    send_statements(overridden_statements[:1], url, auth)
    changed = {**overridden_statements[0], "timestamp": "2030-01-01T00:00:00.000+01:00"}
    with pytest.raises(LrsError):
        send_statements([changed], url, auth)


def test_a_busy_lrs_is_retried_then_reported() -> None:
    """503 twice then 200: sent; unreachable every time: a message saying so, after the retries."""
    answers = iter([503, 503, 200])
    transport = httpx.MockTransport(lambda request: httpx.Response(next(answers)))
    with httpx.Client(transport=transport) as client:
        report = send_statements(
            [{"id": "x"}], "http://lrs.invalid/xAPI", "a:b", client=client, sleep=lambda s: None
        )
    assert report.attempts == 3

    def down(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    with (
        httpx.Client(transport=httpx.MockTransport(down)) as client,
        pytest.raises(LrsError, match="5 attempts"),
    ):
        send_statements(
            [{"id": "x"}], "http://lrs.invalid/xAPI", "a:b", client=client, sleep=lambda s: None
        )
    with (
        httpx.Client(transport=httpx.MockTransport(down)) as client,
        pytest.raises(LrsError) as once,
    ):
        send_statements(
            [{"id": "x"}],
            "http://lrs.invalid/xAPI",
            "a:b",
            client=client,
            retries=0,
            sleep=lambda s: None,
        )
    assert once.value.message("fr") == "LRS injoignable après 1 essai (refused)."
    assert once.value.message("nl") == "LRS onbereikbaar na 1 poging (refused)."
