"""English fragments of candidate texts, each labelled by its meaning for the check (+ keeps, - fails).

The contact's day is Monday 23 November 2026: « the day after tomorrow » is Wednesday 25.
"""

TODAY = "2026-11-23"
P, M = "+", "-"

DELIVERY = {
    "id": "recap-delivery",
    "count": 36,
    "today": TODAY,
    "about": "recap of a delivery complaint (new delivery on Wednesday 25, house number 72, no refund)",
    "check": {
        "requires": '[{concept: reexpedition}, {date: "2026-11-25"}, "72"]',
        "must_not_say": "[{concept: remboursement}]",
        "sentence": "true",
    },
    "templates": ["{open} we {verb} your parcel {date}, to number {num}. {extra}"],
    "slots": {
        "open": [("To sum up:", P), ("Right, so", P), ("", P)],
        "verb": [
            ("will reship", P),
            ("are sending again", P),
            ("will resend", P),
            ("won't resend", M),
            ("cannot reship", M),
        ],
        "date": [
            ("on Wednesday 25 November", P),
            ("the day after tomorrow", P),
            ("on Wednesday", P),
            ("on the 25th", P),
            ("tomorrow", M),
            ("on Friday", M),
        ],
        "num": [("72", P), ("seventy-two", P), ("27", M)],
        "extra": [
            ("", P),
            ("There will be no refund.", P),
            ("You'll also get a refund.", M),
            ("It was your fault anyway.", M),
        ],
    },
    "free": [],
}

APPOINTMENT = {
    "id": "recap-appointment",
    "count": 30,
    "today": TODAY,
    "about": "recap of an appointment on Thursday 26 between 1 pm and 5 pm",
    "check": {"requires": '[{date: "2026-11-26"}, {time: "13:00"}]', "sentence": "true"},
    "templates": ["{open} the technician will come {date} {time}. {extra}"],
    "slots": {
        "open": [("So,", P), ("Let me confirm:", P), ("", P)],
        "date": [
            ("on Thursday 26 November", P),
            ("on Thursday", P),
            ("on the 26th", P),
            ("on Friday", M),
            ("tomorrow", M),
        ],
        "time": [
            ("between 1 and 5 pm", P),
            ("from 1 pm", P),
            ("between 13:00 and 17:00", P),
            ("in the morning", M),
            ("at 3 pm", M),
        ],
        "extra": [("", P), ("An adult must be present.", P), ("Not my problem if you're out.", M)],
    },
    "free": [],
}

CHECKS = [DELIVERY, APPOINTMENT]
