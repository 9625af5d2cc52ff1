"""Dutch fragments of candidate texts, each labelled by its meaning for the check (+ keeps, - fails).

The contact's day is Monday 23 November 2026: « overmorgen » is Wednesday 25, « donderdag » the 26th.
"""

TODAY = "2026-11-23"
P, M = "+", "-"

OPEN = [
    ("Ik vat samen:", P),
    ("Goed, mevrouw.", P),
    ("Dus als ik het goed begrijp,", P),
    ("Oké,", P),
    ("", P),
]

LEVERING = {
    "id": "recap-levering",
    "count": 70,
    "today": TODAY,
    "about": "recap of a delivery complaint (new delivery on Wednesday 25, house number 72, no refund)",
    "check": {
        "requires": '[{concept: reexpedition}, {date: "2026-11-25"}, "72"]',
        "must_not_say": "[{concept: remboursement}]",
        "sentence": "true",
    },
    "templates": [
        "{open} we {verb} uw pakket {date} naar huisnummer {num}. {refund} {close}",
        "{open} uw bestelling {passive} {date}, op nummer {num}. {refund} {close}",
    ],
    "slots": {
        "open": OPEN,
        "verb": [
            ("versturen opnieuw", P),
            ("sturen opnieuw", P),
            ("leveren opnieuw", P),
            ("sturen niet opnieuw", M),
            ("kunnen niet opnieuw versturen", M),
        ],
        "passive": [
            ("wordt opnieuw verzonden", P),
            ("wordt opnieuw geleverd", P),
            ("wordt nog eens verstuurd", P),
            ("wordt niet opnieuw verzonden", M),
            ("is genoteerd", M),
        ],
        "date": [
            ("woensdag 25 november", P),
            ("overmorgen", P),
            ("woensdag", P),
            ("op 25/11", P),
            ("op woensdag 25", P),
            ("op vijfentwintig november", P),
            ("morgen", M),
            ("donderdag 26 november", M),
            ("volgende week", M),
            ("op 27/11", M),
        ],
        "num": [("72", P), ("tweeënzeventig", P), ("27", M), ("70", M)],
        "refund": [
            ("", P),
            ("Een terugbetaling is niet mogelijk.", P),
            ("U krijgt geen terugbetaling.", P),
            ("U krijgt ook een terugbetaling.", M),
            ("We storten het bedrag terug als commercieel gebaar.", M),
        ],
        "close": [
            ("Is dat goed voor u?", P),
            ("Hebt u nog vragen?", P),
            ("", P),
            ("Dat is uw eigen schuld, u gaf het verkeerde nummer.", M),
            ("Zoek het verder zelf uit.", M),
            ("En bel niet meer, sukkel.", M),
        ],
    },
    "free": [
        ("herverzending woensdag 72", "not_met"),
        (
            "We versturen het pakket opnieuw, het komt overmorgen aan op nummer 72. Sorry voor het ongemak!",
            "met",
        ),
    ],
}

AFSPRAAK = {
    "id": "recap-afspraak",
    "count": 60,
    "today": TODAY,
    "about": "recap of a meter-reading appointment on Thursday 26 between 13:00 and 17:00",
    "check": {"requires": '[{date: "2026-11-26"}, {time: "13:00"}]', "sentence": "true"},
    "templates": [
        "{open} de technieker komt {date} {time}. {extra}",
        "{open} ik bevestig de afspraak {date}, {time}. {extra}",
    ],
    "slots": {
        "open": OPEN,
        "date": [
            ("donderdag 26 november", P),
            ("donderdag", P),
            ("op 26/11", P),
            ("op donderdag 26", P),
            ("deze donderdag", P),
            ("vrijdag 27 november", M),
            ("woensdag", M),
            ("morgen", M),
            ("overmorgen", M),
        ],
        "time": [
            ("tussen 13 en 17 uur", P),
            ("van 13 tot 17 uur", P),
            ("tussen dertien en zeventien uur", P),
            ("vanaf 13 u", P),
            ("tussen 13u en 17u", P),
            ("tussen 8 en 12 uur", M),
            ("'s morgens", M),
            ("om half drie", M),
            ("", M),
        ],
        "extra": [
            ("", P),
            ("Er moet een volwassene aanwezig zijn.", P),
            ("De meter moet bereikbaar zijn.", P),
            ("Een ander moment kan niet, daar kan ik niets aan doen.", M),
            ("En wees er deze keer, idioot.", M),
        ],
    },
    "free": [
        ("donderdag 13-17", "not_met"),
        ("Donderdag 26 lukt niet, ik stel vrijdag 27 voor tussen 13 en 17 uur.", "not_met"),
    ],
}

MAIL = {
    "id": "mail-excuses",
    "count": 40,
    "today": TODAY,
    "about": "mail to a customer billed twice: it must apologise, in sentences, without blaming her",
    "check": {"requires": "[{concept: excuses}]", "sentence": "true"},
    "templates": ["{greet} {apology} {body} {sign}"],
    "slots": {
        "greet": [("Geachte mevrouw,", P), ("Beste mevrouw Peeters,", P), ("Dag mevrouw,", P)],
        "apology": [
            ("Onze excuses voor deze fout.", P),
            ("Het spijt ons dat u twee keer gefactureerd werd.", P),
            ("Wij verontschuldigen ons voor het ongemak.", P),
            ("Sorry voor de vergissing.", P),
            ("Wij bieden geen excuses aan, de fout ligt niet bij ons.", M),
            ("", M),
        ],
        "body": [
            (
                "Het dubbel aangerekende bedrag van 23,40 euro wordt van uw volgende factuur afgetrokken.",
                P,
            ),
            ("U ontvangt een creditnota voor factuur F2026-1187.", P),
            ("Dat is uw eigen schuld, u had uw domiciliëring moeten nakijken.", M),
        ],
        "sign": [("Met vriendelijke groeten,", P), ("Vriendelijke groet,", P), ("Hoogachtend,", P)],
    },
    "free": [("excuses creditnota 23,40", "not_met")],
}

CHECKS = [LEVERING, AFSPRAAK, MAIL]
