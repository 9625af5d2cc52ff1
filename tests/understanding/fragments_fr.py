"""French fragments of candidate texts, each labelled by its meaning for the check (+ keeps, - fails).

The contact's day is Monday 23 November 2026 in every check: « après-demain » is Wednesday 25,
« demain » Tuesday 24, « jeudi » Thursday 26.
"""

TODAY = "2026-11-23"
P, M = "+", "-"

OPEN = [
    ("Je récapitule :", P),
    ("Si je résume bien,", P),
    ("Très bien Madame.", P),
    ("Parfait Monsieur, je reprends :", P),
    ("Alors,", P),
    ("ok donc", P),
    ("Bon.", P),
    ("", P),
]
CLOSE_RECAP = [
    ("Est-ce que cela vous convient ?", P),
    ("C'est bien correct pour vous ?", P),
    ("Vous recevrez un SMS de suivi.", P),
    ("Avez-vous encore une question ?", P),
    ("", P),
    ("Et la prochaine fois donnez la bonne adresse, c'est de votre faute tout ça.", M),
    ("Franchement c'est pas mon problème si vous êtes jamais chez vous.", M),
    ("Voilà, débrouillez-vous avec ça.", M),
    ("T'inquiète, tu l'auras ton colis.", M),
    ("Et arrêtez de rappeler, c'est chiant.", M),
]

LIVRAISON = {
    "id": "recap-livraison",
    "count": 84,
    "today": TODAY,
    "about": "recap of a delivery complaint (new delivery on Wednesday 25, house number 72, no refund promised)",
    "check": {
        "requires": '[{concept: reexpedition}, {date: "2026-11-25"}, "72"]',
        "must_not_say": "[{concept: remboursement}]",
        "sentence": "true",
    },
    "templates": [
        "{open} nous {verb} votre commande {date}, à l'adresse corrigée au {num}. {refund} {close}",
        "{open} votre colis {passive} {date} au {num} de votre rue. {refund} {close}",
        "{open} {date}, {verb2} au {num}. {refund} {close}",
    ],
    "slots": {
        "open": OPEN,
        "close": CLOSE_RECAP,
        "verb": [
            ("vous renvoyons", P),
            ("vous réexpédions", P),
            ("allons vous renvoyer", P),
            ("vous réexpédierons", P),
            ("vous réexpdions", P),
            ("faisons un nouvel envoi de", P),
            ("ne vous renvoyons pas", M),
            ("ne pouvons pas vous réexpédier", M),
            ("avons noté", M),
        ],
        "passive": [
            ("sera réexpédié", P),
            ("repart en express pour une livraison", P),
            ("sera renvoyé", P),
            ("sera relivré", P),
            ("ne sera pas renvoyé", M),
            ("ne sera plus réexpédié", M),
            ("est bien noté", M),
        ],
        "verb2": [
            ("nouvel envoi de votre colis", P),
            ("réexpédition de la lampe", P),
            ("renvoi du colis", P),
            ("pas de nouvel envoi", M),
            ("aucune réexpédition", M),
        ],
        "date": [
            ("mercredi 25 novembre", P),
            ("le mercredi 25", P),
            ("après-demain", P),
            ("mercredi", P),
            ("le 25/11", P),
            ("ce mercredi 25", P),
            ("le vingt-cinq novembre", P),
            ("mercredi 25/11/2026", P),
            ("jeudi 26 novembre", M),
            ("demain", M),
            ("le 27", M),
            ("le 25 décembre", M),
            ("vendredi", M),
            ("dans la semaine", M),
        ],
        "num": [
            ("numéro 72", P),
            ("n° 72", P),
            ("72", P),
            ("septante-deux", P),
            ("numéro soixante-douze", P),
            ("numéro 27", M),
            ("n° 70", M),
            ("numéro 7", M),
        ],
        "refund": [
            ("", P),
            ("Il n'y aura pas de remboursement.", P),
            ("Pas de remboursement par contre.", P),
            ("Et vous serez remboursée des frais.", M),
            ("Nous vous faisons aussi un geste commercial.", M),
            ("On vous rembourse la lampe en plus.", M),
        ],
    },
    "free": [
        ("réexpédition 72 mercredi 25 adresse numéro colis", "not_met"),
        ("25/11 - n°72 - renvoi", "not_met"),
        ("Réexpédition : mercredi 25/11 ; n° 72 ; pas de remboursement", "not_met"),
        (
            "je ne vous confirme rien, l'adresse reste fausse, on verra bien mercredi 25 au 72 si on renvoie",
            "not_met",
        ),
        (
            "Donc on vous renvoie le colis après-demain au numéro 72, et je suis désolée pour le retard.",
            "met",
        ),
        ("ok dc on renvoi le colis mercredi au 72 c bon pr vous ?", "met"),
        (
            "Je vous confirme la réexpédition gratuite pour mercredi 25 novembre, au numéro 72 cette fois.",
            "met",
        ),
        (
            "Le colis repart aujourd'hui en express, vous l'aurez mercredi 25 au numéro 72. Aucun remboursement n'est prévu.",
            "met",
        ),
        (
            "On ne peut pas vous rembourser, mais nous vous renvoyons la lampe mercredi au numéro 72.",
            "met",
        ),
    ],
}

NOTE_LIVRAISON = {
    "id": "note-livraison",
    "count": 64,
    "today": TODAY,
    "about": "after-call note: the cause (wrong address) and the action (re-shipping)",
    "check": {"requires": "[{concept: adresse}, {concept: reexpedition}]"},
    "templates": [
        "{who} {cause}. {action}. {extra}",
        "{action}, {cause2}. {extra}",
    ],
    "slots": {
        "who": [("Client :", P), ("Mme Peeters appelle,", P), ("Appel entrant -", P), ("", P)],
        "cause": [
            ("colis non reçu, adresse erronée (27 au lieu de 72)", P),
            ("mauvais numéro de maison sur la fiche", P),
            ("erreur d'adresse chez nous", P),
            ("le n° de maison était faux", P),
            ("colis pas reçu", M),
            ("client absent lors du passage", M),
            ("colis abîmé", M),
        ],
        "cause2": [
            ("car l'adresse était fausse", P),
            ("suite à une erreur de numéro", P),
            ("cause : adresse incomplète", P),
            ("pas d'erreur d'adresse, client absent", M),
            ("colis perdu par le transporteur", M),
        ],
        "action": [
            ("Colis réexpédié en express", P),
            ("Renvoi prévu pour mercredi 25/11", P),
            ("Nouvel envoi programmé", P),
            ("Relivraison le 25", P),
            ("colis renvoyé", P),
            ("Réexpdition demandée au dépôt", P),
            ("Pas de réexpédition possible", M),
            ("Client rappellera", M),
            ("Dossier transmis au service litiges", M),
            ("Remboursement demandé", M),
        ],
        "extra": [
            ("", P),
            ("Fiche corrigée.", P),
            ("Client satisfait.", P),
            ("Pas de geste commercial.", P),
            ("Cliente chiante, m'a fait perdre 10 min.", M),
            ("Client idiot qui ne connaît pas son adresse.", M),
        ],
    },
    "free": [
        ("adresse / réexpédition", "met"),
        ("Fiche mise à jour (n° 72). Colis renvoyé mercredi.", "met"),
        ("RAS", "not_met"),
        ("Client mécontent. Voir avec le transporteur.", "not_met"),
    ],
}

MAIL_EXCUSES = {
    "id": "mail-excuses",
    "count": 64,
    "today": TODAY,
    "about": "mail to a customer billed twice: it must apologise, in sentences, without blaming her",
    "check": {"requires": "[{concept: excuses}]", "sentence": "true"},
    "templates": ["{greet} {apology} {body} {sign}", "{greet} {body} {apology} {sign}"],
    "slots": {
        "greet": [
            ("Madame,", P),
            ("Bonjour Madame Peeters,", P),
            ("Chère Madame,", P),
            ("Madame Peeters,", P),
        ],
        "apology": [
            ("Nous vous prions de nous excuser pour ce désagrément.", P),
            ("Toutes nos excuses pour cette double facturation.", P),
            ("Je suis sincèrement désolée pour ce contretemps.", P),
            ("Nous regrettons vivement cette erreur.", P),
            ("Veuillez nous excuser pour la gêne occasionnée.", P),
            ("Nous sommes navrés de cette erreur.", P),
            ("Nous ne pouvons pas nous excuser pour une erreur qui ne vient pas de nous.", M),
            ("Je ne vois pas pourquoi nous devrions nous excuser.", M),
            ("Désolé que vous ne sachiez pas lire une facture, bravo à vous.", M),
            ("", M),
        ],
        "body": [
            ("La note de crédit de 23,40 € sera déduite de votre prochaine facture.", P),
            ("Le montant facturé deux fois vous sera crédité sur la prochaine facture.", P),
            ("Votre facture F2026-1187 a été corrigée.", P),
            ("C'est de votre faute, vous auriez dû vérifier votre domiciliation.", M),
            ("Vous n'avez pas compris votre facture, tout était correct.", M),
        ],
        "sign": [
            ("Cordialement,", P),
            ("Bien à vous,", P),
            ("Meilleures salutations,", P),
            ("Bonne journée.", P),
        ],
    },
    "free": [
        ("excuses", "not_met"),
        ("Madame, excuses, note de crédit, 23,40 €, cordialement", "not_met"),
        (
            "Madame, nous nous excusons. Mais franchement, lisez vos factures : c'est de votre faute. Cordialement",
            "not_met",
        ),
        (
            "Bonjour Madame, désolé pour l'erreur, c'est corrigé : 23,40 € en moins sur la prochaine facture. Bonne journée",
            "met",
        ),
    ],
}

RDV_COMPTEUR = {
    "id": "recap-rendez-vous",
    "count": 70,
    "today": TODAY,
    "about": "recap of a meter-reading appointment on Thursday 26 between 13:00 and 17:00",
    "check": {"requires": '[{date: "2026-11-26"}, {time: "13:00"}]', "sentence": "true"},
    "templates": [
        "{open} le technicien passera {date} {time}. {extra} {close}",
        "{open} je vous confirme le rendez-vous {date}, {time}. {extra} {close}",
    ],
    "slots": {
        "open": OPEN,
        "close": [
            ("Merci et bonne journée.", P),
            ("Ça vous convient ?", P),
            ("", P),
            ("Et soyez là cette fois, sinon vous allez le regretter.", M),
            ("Tu seras là ?", M),
        ],
        "date": [
            ("jeudi 26 novembre", P),
            ("jeudi", P),
            ("ce jeudi 26", P),
            ("le 26/11", P),
            ("le jeudi 26", P),
            ("le vingt-six", P),
            ("vendredi 27 novembre", M),
            ("mercredi", M),
            ("le 28", M),
            ("demain", M),
            ("la semaine prochaine", M),
        ],
        "time": [
            ("entre 13 et 17 heures", P),
            ("entre treize et dix-sept heures", P),
            ("de 13h à 17h", P),
            ("à partir de 13 h", P),
            ("dans la plage 13-17h", P),
            ("à partir d'une heure de l'après-midi", P),
            ("entre 8 et 12 heures", M),
            ("le matin", M),
            ("à 15 h", M),
            ("entre 14 et 18 h", M),
            ("", M),
        ],
        "extra": [
            ("", P),
            ("Une personne majeure doit être présente.", P),
            ("Le compteur doit être accessible.", P),
            ("Je ne peux rien faire pour un autre créneau.", M),
        ],
    },
    "free": [
        ("Jeudi 26 n'est pas possible, je vous propose vendredi 27 de 13 à 17 h.", "not_met"),
        ("jeudi 26 13h-17h", "not_met"),
        (
            "Donc c'est noté pour jeudi après-midi, entre 13 et 17 heures, le technicien vous appellera avant de passer.",
            "met",
        ),
        (
            "Je vous confirme jeudi 26, entre 13 et 17 h ; n'oubliez pas de dégager l'accès au compteur.",
            "met",
        ),
    ],
}

OBJECTION = {
    "id": "objection-prix",
    "count": 56,
    "today": TODAY,
    "about": "answer to « c'est trop cher »: the monthly price (12,50 €) and no commitment, politely",
    "check": {
        "requires": '[{amount: "12.50"}, {any_of: [sans engagement, résiliable à tout moment, résilier quand vous voulez, résilier à tout moment]}]',
        "sentence": "true",
    },
    "templates": [
        "{open} l'option coûte {price} par mois, et c'est {commit}. {tone}",
        "{open} c'est {commit}, pour {price} par mois seulement. {tone}",
    ],
    "slots": {
        "open": [
            ("Je comprends, Monsieur.", P),
            ("Je vous entends bien :", P),
            ("C'est vrai que c'est un budget, mais", P),
            ("Ecoutez,", P),
            ("", P),
        ],
        "price": [
            ("12,50 €", P),
            ("douze euros cinquante", P),
            ("12 euros 50", P),
            ("12.50€", P),
            ("15 €", M),
            ("125 €", M),
            ("12 €", M),
        ],
        "commit": [
            ("sans engagement", P),
            ("résiliable à tout moment", P),
            ("sans engagement, vous pouvez résilier quand vous voulez", P),
            ("avec un engagement de 24 mois", M),
            ("pas résiliable avant un an", M),
        ],
        "tone": [
            ("", P),
            ("Qu'en pensez-vous ?", P),
            ("Je vous l'ajoute ?", P),
            ("Si c'est trop cher pour vous, tant pis pour vous.", M),
            ("Faut savoir ce que vous voulez, hein.", M),
            ("Mais bon, c'est pas mon boulot de vous convaincre.", M),
        ],
    },
    "free": [
        ("12,50 sans engagement", "not_met"),
        ("Ce n'est pas sans engagement : 12,50 € par mois pendant deux ans.", "not_met"),
    ],
}

RECAP_COMMUNE = {
    "id": "recap-commune",
    "count": 64,
    "today": TODAY,
    "about": "recap at the town hall: appointment tomorrow (Tuesday 24) at 16:30, bring the parent's identity card",
    "check": {
        "requires": '[{date: "2026-11-24"}, {time: "16:30"}, {concept: carte-identite}]',
        "sentence": "true",
    },
    "templates": [
        "{open} votre rendez-vous est fixé {date} à {time}. {bring} {close}",
        "{open} {bring} Je vous attends {date}, {time}. {close}",
    ],
    "slots": {
        "open": [("Je récapitule :", P), ("Très bien Madame.", P), ("Donc,", P), ("", P)],
        "date": [
            ("demain", P),
            ("mardi 24 novembre", P),
            ("demain mardi", P),
            ("le 24/11", P),
            ("le mardi 24", P),
            ("après-demain", M),
            ("mercredi 25", M),
            ("le 23", M),
            ("lundi prochain", M),
        ],
        "time": [
            ("16h30", P),
            ("seize heures trente", P),
            ("quatre heures et demie de l'après-midi", P),
            ("16 h 30", P),
            ("16.30", P),
            ("16h", M),
            ("15h30", M),
            ("10h30", M),
        ],
        "bring": [
            ("N'oubliez pas votre carte d'identité.", P),
            ("Prenez votre pièce d'identité.", P),
            ("Apportez votre eID et la photo de Louise.", P),
            ("Pensez à votre carte d'identité électronique.", P),
            ("Pas besoin de votre carte d'identité.", M),
            ("Apportez seulement la photo.", M),
            ("", M),
        ],
        "close": [
            ("À demain.", P),
            ("Bonne fin de journée.", P),
            ("", P),
            ("Et sois à l'heure.", M),
        ],
    },
    "free": [("Demain 16h30, carte d'identité.", "not_met")],
}

PAIEMENT = {
    "id": "recap-paiement",
    "count": 56,
    "today": TODAY,
    "about": "payment promise: 89,90 € paid by Friday 27, no gift promised",
    "check": {
        "requires": '[{amount: "89.90"}, {date: "2026-11-27"}]',
        "must_not_say": "[{concept: gratuit}]",
        "sentence": "true",
    },
    "templates": [
        "{open} vous versez {amount} {date}, avec la communication structurée. {extra}",
        "{open} le paiement de {amount} sera fait {date}. {extra}",
    ],
    "slots": {
        "open": [("Je résume :", P), ("Très bien.", P), ("Si j'ai bien compris,", P), ("", P)],
        "amount": [
            ("89,90 €", P),
            ("quatre-vingt-neuf euros nonante", P),
            ("89 euros 90", P),
            ("89.90 euros", P),
            ("huitante-neuf euros nonante", P),
            ("98,90 €", M),
            ("89 €", M),
            ("la somme", M),
        ],
        "date": [
            ("vendredi 27 novembre", P),
            ("d'ici vendredi", P),
            ("au plus tard le 27", P),
            ("le 27/11", P),
            ("vendredi", P),
            ("jeudi 26", M),
            ("la semaine prochaine", M),
            ("le 30", M),
            ("avant la fin du mois", M),
        ],
        "extra": [
            ("", P),
            ("Merci pour votre collaboration.", P),
            ("Aucun frais supplémentaire ne sera compté.", P),
            ("Et le feu arrière vous est offert.", M),
            ("La livraison sera gratuite la prochaine fois.", M),
            ("Sinon on vous envoie l'huissier, vous allez voir.", M),
        ],
    },
    "free": [],
}

CHECKS = [LIVRAISON, NOTE_LIVRAISON, MAIL_EXCUSES, RDV_COMPTEUR, OBJECTION, RECAP_COMMUNE, PAIEMENT]
