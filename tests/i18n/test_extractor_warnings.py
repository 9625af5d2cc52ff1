"""The extractor reads the mail tool without a warning: its sent-mail class is not named like the
``Message(…)`` keyword, so Babel does not take the building of a sent mail for a message to translate."""

from __future__ import annotations

from babel.messages.extract import extract_from_file

from simulator.i18n.extract import KEYWORDS, ROOT, SOURCES, extracted


def test_extracting_the_mail_tool_warns_of_nothing(capsys):
    found = list(
        extract_from_file("python", str(ROOT / "simulator/engine/tools/mail.py"), keywords=KEYWORDS)
    )

    assert "warning" not in capsys.readouterr().err
    assert ("This draft is no longer open.", None) in [(m, c) for _line, m, _comments, c in found]


def test_extracting_every_domain_warns_of_nothing(capsys):
    """A warning means Babel skipped a text (an f-string in a call it reads as a translation, such as
    a variable named ``n`` indexed like ``n[:3]``): the catalogs would silently miss or mangle it."""
    for domain in SOURCES:
        assert list(extracted(domain))

    assert capsys.readouterr().err == ""
