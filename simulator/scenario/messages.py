"""The catalogue of diagnostic messages and hints, in French and English, keyed by code."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

#: code → language → (message, hint). Placeholders use ``str.format`` names.
CATALOGUE: dict[str, dict[str, tuple[str, str]]] = {
    # --- reading the file -------------------------------------------------------------
    "invalid-utf8": {
        "fr": ("octet {byte} invalide en UTF-8", "Enregistrez le fichier en UTF-8 (sans BOM) dans votre éditeur."),
        "en": ("invalid UTF-8 byte {byte}", "Save the file as UTF-8 (without BOM) in your editor."),
    },
    "file-too-large": {
        "fr": ("fichier trop volumineux ({size} octets, maximum {limit})", "Découpez le contenu en plusieurs scénarios."),
        "en": ("file too large ({size} bytes, limit {limit})", "Split the content into several scenarios."),
    },
    "empty-file": {
        "fr": ("le fichier est vide", "Commencez par « callsim: scenario/1 » ou « callsim: epreuve/1 » (voir le guide du formateur)."),
        "en": ("the file is empty", "Start with 'callsim: scenario/1' or 'callsim: epreuve/1' (see the trainer's guide)."),
    },
    "tab-indentation": {
        "fr": ("tabulation dans l'indentation", "YAML n'accepte que des espaces pour indenter : remplacez la tabulation par des espaces."),
        "en": ("tab character in indentation", "YAML only allows spaces for indentation: replace the tab with spaces."),
    },
    "yaml-syntax": {
        "fr": ("syntaxe YAML invalide : {problem}", "Vérifiez l'indentation, les deux-points et les guillemets autour de cette position."),
        "en": ("invalid YAML syntax: {problem}", "Check indentation, colons and quotes around this position."),
    },
    "yaml-unclosed-quote": {
        "fr": ("le guillemet {char} ouvert ici n'est jamais refermé", "Refermez le texte par le même guillemet ({char}…{char}) sur cette ligne. Pour une apostrophe dans un texte entre apostrophes, doublez-la : 'l''agence' ; ou entourez le texte de guillemets doubles."),
        "en": ("the quote {char} opened here is never closed", "Close the text with the same quote ({char}…{char}) on this line. For an apostrophe inside a text in single quotes, double it: 'l''agence'; or use double quotes around the text."),
    },
    "yaml-unclosed-bracket": {
        "fr": ("le « {char} » ouvert ici n'est jamais refermé", "Refermez la liste par « ] » (ou le bloc par « }} ») sur cette ligne, et séparez les éléments par des virgules."),
        "en": ("the '{char}' opened here is never closed", "Close the list with ']' (or the block with '}}') on this line, and separate the items with commas."),
    },
    "yaml-colon-space": {
        "fr": ("il manque une espace après les deux-points de « {key} »", "Écrivez « {key}: valeur » : YAML ne reconnaît une clé que si ses deux-points sont suivis d'une espace."),
        "en": ("a space is missing after the colon of '{key}'", "Write '{key}: value': YAML only sees a key when its colon is followed by a space."),
    },
    "yaml-colon-in-value": {
        "fr": ("la valeur de « {key} » contient « : » suivi d'une espace", "Mettez toute la valeur entre guillemets : {key}: \"…\" ; sans guillemets, YAML y voit une nouvelle clé."),
        "en": ("the value of '{key}' contains ': ' (colon and space)", "Put the whole value in quotes: {key}: \"…\"; without quotes YAML reads a new key."),
    },
    "yaml-indent": {
        "fr": ("indentation incohérente : {found} espace(s) ici, alors que les lignes au-dessus commencent à {levels}", "Alignez cette ligne sur la clé dont elle est la voisine (même nombre d'espaces), ou mettez 2 espaces de plus que la clé dont elle dépend."),
        "en": ("inconsistent indentation: {found} space(s) here, while the lines above start at {levels}", "Align this line with the key it sits beside (same number of spaces), or indent it 2 spaces more than the key it belongs to."),
    },
    "truncated-file": {
        "fr": ("le fichier s'arrête au milieu d'un élément ({problem})", "Le fichier semble tronqué : fermez la chaîne, la liste ou le bloc ouvert, ou restaurez la fin du fichier."),
        "en": ("the file ends in the middle of an element ({problem})", "The file looks truncated: close the open string, list or block, or restore the end of the file."),
    },
    "duplicate-key": {
        "fr": ("clé « {key} » en double (déjà définie ligne {first_line})", "Une clé ne peut apparaître qu'une fois par bloc : supprimez ou renommez l'une des deux."),
        "en": ("duplicate key '{key}' (first defined on line {first_line})", "A key may appear only once per block: remove or rename one of them."),
    },
    "duplicate-node": {
        "fr": ("nœud « {key} » défini deux fois (déjà défini ligne {first_line})", "Chaque nœud du dialogue doit avoir un identifiant unique : renommez l'un des deux et mettez à jour les « goto »."),
        "en": ("node '{key}' defined twice (first defined on line {first_line})", "Every dialogue node needs a unique id: rename one and update the 'goto' references."),
    },
    "duplicate-id": {
        "fr": ("identifiant « {id} » en double dans {collection} (déjà utilisé ligne {first_line})", "Donnez un identifiant unique à chaque élément."),
        "en": ("duplicate id '{id}' in {collection} (first used on line {first_line})", "Give each item a unique id."),
    },
    "key-not-string": {
        "fr": ("une clé doit être un texte simple", "Écrivez la clé comme un mot (par exemple « titre: »), sans liste ni bloc."),
        "en": ("a key must be a plain string", "Write the key as a word (e.g. 'title:'), not a list or a block."),
    },
    "yaml-tag": {
        "fr": ("étiquette YAML « {tag} » non autorisée", "Les scénarios n'utilisent que du texte, des nombres, des listes et des blocs : retirez l'étiquette."),
        "en": ("YAML tag '{tag}' is not allowed", "Scenarios only use text, numbers, lists and blocks: remove the tag."),
    },
    "too-deep": {
        "fr": ("imbrication trop profonde (plus de {limit} niveaux)", "Simplifiez la structure du fichier."),
        "en": ("nesting too deep (more than {limit} levels)", "Simplify the structure of the file."),
    },
    "too-many-nodes": {
        "fr": ("le fichier contient trop d'éléments (plus de {limit})", "Vérifiez les ancres et alias (&, *) ou découpez le fichier."),
        "en": ("the file contains too many elements (more than {limit})", "Check anchors and aliases (&, *) or split the file."),
    },
    "root-not-mapping": {
        "fr": ("le document doit être un bloc de clés (« clé: valeur »)", "Commencez par « callsim: scenario/1 » puis les champs du scénario."),
        "en": ("the document must be a mapping ('key: value')", "Start with 'callsim: scenario/1' then the scenario's fields."),
    },
    "unknown-document": {
        "fr": ("type de document inconnu : {value}", "La première clé doit être « callsim: scenario/1 » (« scenario/1.1 » avec des variantes) ou « callsim: epreuve/1 »."),
        "en": ("unknown document type: {value}", "The first key must be 'callsim: scenario/1' ('scenario/1.1' with variants) or 'callsim: epreuve/1'."),
    },
    # --- variants (format scenario/1.1) -------------------------------------------------
    "variants-need-format": {
        "fr": ("un scénario avec « variants » doit déclarer « callsim: scenario/1.1 »", "Remplacez la première ligne par « callsim: scenario/1.1 »."),
        "en": ("a scenario with 'variants' must declare 'callsim: scenario/1.1'", "Change the first line to 'callsim: scenario/1.1'."),
    },
    "variant-removes-nothing": {
        "fr": ("la variante supprime « {key} », qui n'existe pas", "Vérifiez l'identifiant : « null » ne retire qu'un élément existant."),
        "en": ("the variant removes '{key}', which does not exist", "Check the id: 'null' only removes an existing item."),
    },
    "variant-list-without-ids": {
        "fr": ("cette liste n'a pas d'identifiants : la variante vise ses éléments par position, de « 0 » à « {size} » exclu", "Visez un élément par sa position (« 0 » pour le premier) ou remplacez la liste entière (écrivez une liste au lieu d'un bloc de clés)."),
        "en": ("this list has no ids: the variant addresses its items by position, from '0' up to '{size}' excluded", "Address an item by its position ('0' for the first) or replace the whole list (write a list instead of a mapping)."),
    },
    "variant-frozen-key": {
        "fr": ("une variante ne peut pas changer « {key} »", "Retirez « {key} » du patch : l'identifiant et le format du scénario sont les mêmes pour toutes les variantes."),
        "en": ("a variant cannot change '{key}'", "Remove '{key}' from the patch: the scenario's id and format are the same for every variant."),
    },
    "variant-unknown-alternative": {
        "fr": ("combinaison : la dimension « {dimension} » n'a pas d'alternative « {alternative} »", "Choisissez une alternative déclarée sous « variants: {dimension}: alternatives »."),
        "en": ("combination: dimension '{dimension}' has no alternative '{alternative}'", "Pick an alternative declared under 'variants: {dimension}: alternatives'."),
    },
    "variant-unknown-dimension": {
        "fr": ("combinaison : dimension « {dimension} » inconnue", "Utilisez une dimension déclarée sous « variants »."),
        "en": ("combination: unknown dimension '{dimension}'", "Use a dimension declared under 'variants'."),
    },
    "yaml11-boolean": {
        "fr": ("« {value} » n'est pas un booléen en YAML 1.2", "Écrivez true ou false."),
        "en": ("'{value}' is not a boolean in YAML 1.2", "Write true or false."),
    },
    "ambiguous-boolean": {
        "fr": ("« {value} » sera lu comme du texte, pas comme oui/non", "Si c'est bien du texte, mettez-le entre guillemets ; sinon écrivez true ou false."),
        "en": ("'{value}' is read as text, not as yes/no", "If it is meant as text, quote it; otherwise write true or false."),
    },
    # --- the model ------------------------------------------------------------------
    "missing-field": {
        "fr": ("champ obligatoire « {field} » manquant", "Ajoutez « {field}: … » dans ce bloc (voir le guide du formateur)."),
        "en": ("required field '{field}' is missing", "Add '{field}: …' to this block (see the trainer's guide)."),
    },
    "unknown-key": {
        "fr": ("clé inconnue « {key} »", "{suggestion}"),
        "en": ("unknown key '{key}'", "{suggestion}"),
    },
    "wrong-type": {
        "fr": ("type incorrect : {expected} attendu, {found} trouvé", "{advice}"),
        "en": ("wrong type: expected {expected}, found {found}", "{advice}"),
    },
    "invalid-identifier": {
        "fr": ("identifiant « {value} » non valide : {detail}", "Écrivez par exemple « {suggestion} » : un identifiant ne contient que des lettres minuscules sans accents, des chiffres, « - » et « _ »."),
        "en": ("invalid identifier '{value}': {detail}", "Write for example '{suggestion}': an identifier holds only lower-case letters without accents, digits, '-' and '_'."),
    },
    "invalid-value": {
        "fr": ("valeur « {value} » non valide : {detail}", "{advice}"),
        "en": ("invalid value '{value}': {detail}", "{advice}"),
    },
    # --- the checker ----------------------------------------------------------------
    "unknown-competency": {
        "fr": ("compétence inconnue « {competency} »", "Les codes valides vont de 01.01 à 03.05 : « callsim referentiel » les liste."),
        "en": ("unknown competency '{competency}'", "Valid codes run from 01.01 to 03.05: 'callsim referentiel' lists them."),
    },
    "critical-cannot-fail": {
        "fr": ("ce critère éliminatoire ne peut jamais échouer", "Un éliminatoire doit pouvoir échouer : mettez « critical: true » sur une preuve négative, ou sur une vérification qui compte les échecs (« counts: both » ou « failure »), avec des exigences (« requires » / « forbids ») pour un texte."),
        "en": ("this critical can never fail", "A critical must be able to fail: put 'critical: true' on negative evidence, or on a check that counts failures ('counts: both' or 'failure'), with requirements ('requires' / 'forbids') for a text."),
    },
    "confidential-cannot-fail": {
        "fr": ("cette déclaration de confidentialité ne peut jamais échouer", "Aucun tiers n'est au bout du fil là où le candidat peut dire un des mots sensibles : indiquez qui décroche (« party: relative » sur le nœud, ou « on_the_line »), ou des mots (« words ») que ses réponses ou un texte tapé peuvent contenir."),
        "en": ("this confidentiality declaration can never fail", "No third party is on the line where the candidate can say one of the sensitive words: say who picks up ('party: relative' on the node, or 'on_the_line'), or give words ('words') that its replies or a typed text can hold."),
    },
    "dangling-goto": {
        "fr": ("le nœud « {target} » n'existe pas", "Corrigez la cible ou ajoutez un nœud « {target} » sous « nodes »."),
        "en": ("node '{target}' does not exist", "Fix the target or add a node '{target}' under 'nodes'."),
    },
    "dangling-reference": {
        "fr": ("{kind} « {target} » introuvable", "{advice}"),
        "en": ("{kind} '{target}' not found", "{advice}"),
    },
    "node-shape": {
        "fr": ("le nœud « {node} » mélange {found}", "Un nœud a exactement un de : « replies », « prompt », « next » ou « end »."),
        "en": ("node '{node}' mixes {found}", "A node has exactly one of: 'replies', 'prompt', 'next' or 'end'."),
    },
    "dead-end": {
        "fr": ("le nœud « {node} » est une impasse : ni réponses, ni suite, ni fin", "Ajoutez des « replies », un « next », ou marquez-le comme fin avec « end: … »."),
        "en": ("node '{node}' is a dead end: no replies, no next node, not an ending", "Add 'replies', a 'next', or mark it as an ending with 'end: …'."),
    },
    "unreachable-node": {
        "fr": ("le nœud « {node} » n'est jamais atteint depuis « {start} »", "Reliez-le au dialogue par un « goto » ou supprimez-le."),
        "en": ("node '{node}' can never be reached from '{start}'", "Link it to the dialogue with a 'goto' or remove it."),
    },
    "no-exit-loop": {
        "fr": ("boucle sans sortie : depuis « {node} », aucune fin n'est atteignable ({cycle})", "Ajoutez dans la boucle une réponse qui mène vers la suite ou vers une fin."),
        "en": ("loop without exit: from '{node}' no ending can be reached ({cycle})", "Add a reply inside the loop that leads on or to an ending."),
    },
    "option-count": {
        "fr": ("le nœud « {node} » propose {count} réponses (3 à 5 attendues pour un choix)", "Ajoutez des réponses plausibles, ou utilisez « next » si aucun choix n'est à faire."),
        "en": ("node '{node}' offers {count} replies (3 to 5 expected for a choice)", "Add plausible replies, or use 'next' when there is no choice to make."),
    },
    "claimed-not-evidenced": {
        "fr": ("la compétence {competency} est annoncée mais aucune réponse, aucun contrôle ni aucune règle ne peut l'observer", "Ajoutez une preuve (« evidence ») ou un contrôle (« checks ») pour {competency}, ou retirez-la de « competencies »."),
        "en": ("competency {competency} is claimed but no reply, check or rule can observe it", "Add evidence or a check for {competency}, or remove it from 'competencies'."),
    },
    "never-positive": {
        "fr": ("la compétence {competency} ne peut jamais être observée positivement", "Ajoutez au moins un chemin où le candidat démontre {competency}."),
        "en": ("competency {competency} can never be observed positively", "Add at least one path where the candidate demonstrates {competency}."),
    },
    "evidence-not-claimed": {
        "fr": ("preuve pour {competency}, compétence non annoncée dans « competencies »", "Ajoutez {competency} à « competencies » ou retirez cette preuve."),
        "en": ("evidence for {competency}, which is not claimed in 'competencies'", "Add {competency} to 'competencies' or remove this evidence."),
    },
    "judging-line": {
        "fr": ("ligne visible à l'examen qui juge le choix précédent (« {marker} »)",
               "En examen, aucune ligne ne dit si le choix était bon : marquez le nœud « audience: practice » "
               "(coaching, passé en examen) ou réécrivez la ligne sans jugement."),
        "en": ("line shown in exams judges the previous choice ('{marker}')",
               "In an exam no line may say whether the choice was right: mark the node 'audience: practice' "
               "(coaching, passed over in exams) or rewrite the line without judging."),
    },
    "coaching-not-passed": {
        "fr": ("nœud de coaching que l'examen ne peut pas passer : ses réponses restent visibles",
               "Un nœud « audience: practice » n'a qu'une suite (« next » ou une seule réponse), sans saisie, "
               "contrôle ni fin : l'examen le passe alors entièrement."),
        "en": ("coaching node an exam cannot pass over: its replies stay visible",
               "Give an 'audience: practice' node a single way on ('next' or one reply), no prompt, check or "
               "ending: an exam then passes over it entirely."),
    },
    "missing-translation": {
        "fr": ("traduction « {lang} » manquante", "Ajoutez « {lang}: … » à ce texte (langues du scénario : {languages})."),
        "en": ("missing '{lang}' translation", "Add '{lang}: …' to this text (scenario languages: {languages})."),
    },
    "calendar-or-calendars": {
        "fr": ("un contrôle de rendez-vous nomme son agenda par « calendar » ou ses agendas par « calendars »", "Gardez l'un des deux : « calendar: technicien » pour un agenda, « calendars: [technicien, conseiller] » pour plusieurs."),
        "en": ("an appointment check names its calendar with 'calendar' or its calendars with 'calendars'", "Keep one of them: 'calendar: technicien' for one calendar, 'calendars: [technicien, conseiller]' for several."),
    },
    "unknown-commune": {
        "fr": ("aucune commune « {commune} » connue ({province})", "Écrivez le nom de la commune comme sur une adresse (Waremme, Sint-Niklaas) ou son code postal (4300) ; vérifiez qu'elle est dans la province donnée."),
        "en": ("no known commune '{commune}' ({province})", "Write the commune's name as on an address (Waremme, Sint-Niklaas) or its postcode (4300); check it lies in the province given."),
    },
    "undeclared-call-variable": {
        "fr": ("la variable d'appel « {name} » n'est pas déclarée", "Déclarez-la avec sa valeur de départ sous « variables: » en haut du fichier (déclarées : {declared})."),
        "en": ("call variable '{name}' is not declared", "Declare it with its starting value under 'variables:' at the top of the file (declared: {declared})."),
    },
    "newer-format": {
        "fr": ("« {key} » n'existe qu'à partir du format scenario/1.1", "Écrivez « callsim: scenario/1.1 » en première ligne : les fichiers scenario/1 restent valables tels quels."),
        "en": ("'{key}' only exists from format scenario/1.1 on", "Write 'callsim: scenario/1.1' on the first line: scenario/1 files stay valid as they are."),
    },
    "unknown-variable": {
        "fr": ("variable « {name} » inconnue dans le texte", "Variables disponibles : {available}."),
        "en": ("unknown variable '{name}' in the text", "Available variables: {available}."),
    },
    "template-syntax": {
        "fr": ("texte à variables invalide : {problem}", "Les variables s'écrivent {{{{ customer.first_name }}}} : vérifiez les accolades."),
        "en": ("invalid template text: {problem}", "Variables are written {{{{ customer.first_name }}}}: check the braces."),
    },
    "unknown-filter": {
        "fr": ("filtre « {name} » inconnu dans le texte", "{suggestion}Filtres de callsim : add_workdays, add_days, first_workday_of_next_month, next_weekday, longdate, shortdate, time ; et les filtres standard de Jinja2 (replace, upper, lower, title…)."),
        "en": ("unknown filter '{name}' in the text", "{suggestion}callsim's filters: add_workdays, add_days, first_workday_of_next_month, next_weekday, longdate, shortdate, time; and Jinja2's standard filters (replace, upper, lower, title…)."),
    },
    "fact-uses-fact": {
        "fr": ("le fait « {fact} » utilise un autre fait ({name}) : les faits sont calculés avant que « facts » existe", "Recalculez la valeur à partir de today, refs.*, customer.*… (par exemple {{{{ today | add_workdays(2) | longdate }}}}), ou appliquez le filtre là où le fait est utilisé."),
        "en": ("fact '{fact}' uses another fact ({name}): facts are computed before 'facts' exists", "Compute the value again from today, refs.*, customer.*… (e.g. {{{{ today | add_workdays(2) | longdate }}}}), or apply the filter where the fact is used."),
    },
    "template-error": {
        "fr": ("ce texte ne peut pas être produit : {problem}", "Le texte a été essayé avec un client généré : vérifiez les filtres et leurs valeurs (longdate et shortdate attendent une date AAAA-MM-JJ, time une heure HH:MM ; voir le guide, 2.10)."),
        "en": ("this text cannot be produced: {problem}", "The text was tried with a generated customer: check the filters and their values (longdate and shortdate expect a YYYY-MM-DD date, time an HH:MM time; see the guide, 2.10)."),
    },
    "requirement-value": {
        "fr": ("l'exigence « {kind} » vaut « {value} » : le contrôle du texte tapé ne pourra pas la lire", "Une exigence « date » doit donner une date AAAA-MM-JJ (« {{{{ facts.rdv_date }}}} », sans longdate ni shortdate) ; une exigence « amount » un montant comme 49.90 ; une exigence « time » une heure HH:MM."),
        "en": ("the '{kind}' requirement gives '{value}': the typed-text check cannot read it", "A 'date' requirement must give a YYYY-MM-DD date ('{{{{ facts.rdv_date }}}}', without longdate or shortdate); an 'amount' requirement an amount such as 49.90; a 'time' requirement an HH:MM time."),
    },
    "unknown-concept": {
        "fr": ("concept inconnu : « {name} »", "Les concepts partagés sont : {known} (voir le guide, « Textes tapés »). Choisissez-en un, ou écrivez les tournures avec any_of."),
        "en": ("unknown concept: '{name}'", "The shared concepts are: {known} (see the guide, 'Typed texts'). Pick one, or list the phrasings with any_of."),
    },
    "window-order": {
        "fr": ("la fenêtre de disponibilité finit ({end}) avant de commencer ({start})", "Donnez une heure de fin « end » après l'heure de début « start » (format HH:MM)."),
        "en": ("the availability window ends ({end}) before it starts ({start})", "Give an 'end' time after the 'start' time (HH:MM)."),
    },
    "choice-without-choices": {
        "fr": ("le champ « {field} » est de type choice mais n'a pas de « choices »", "Ajoutez « choices: [valeur 1, valeur 2] » (les valeurs proposées au candidat), ou changez le type du champ."),
        "en": ("field '{field}' is of type choice but has no 'choices'", "Add 'choices: [value 1, value 2]' (the values offered to the candidate), or change the field's type."),
    },
    "unknown-reference": {
        "fr": ("« found_by » cite la référence « {name} », que « references » ne déclare pas", "Déclarez « {name} » sous « references » (par exemple « {name}: \"ML-2026-#####\" ») ou retirez-la de « found_by »."),
        "en": ("'found_by' names reference '{name}', which 'references' does not declare", "Declare '{name}' under 'references' (e.g. '{name}: \"ML-2026-#####\"') or remove it from 'found_by'."),
    },
    "tool-without-resource": {
        "fr": ("l'outil « {tool} » est cité mais le scénario n'a pas de « {resource} » : il ne sera pas proposé", "Déclarez « {resource} » ou retirez « {tool} » de « tools »."),
        "en": ("tool '{tool}' is listed but the scenario has no '{resource}': it will not be offered", "Declare '{resource}' or remove '{tool}' from 'tools'."),
    },
    "not-a-scenario": {
        "fr": ("« {target} » n'est pas un scénario ({kind})", "Le champ « scenario » d'un plan de test désigne le fichier du scénario (« callsim: scenario/1 »), relatif au fichier de plans."),
        "en": ("'{target}' is not a scenario ({kind})", "A test plan's 'scenario' names the scenario file ('callsim: scenario/1'), relative to the plans file."),
    },
    "coverage-short": {
        "fr": ("la compétence {competency} n'a que {count} occasion(s) d'observation (au moins {required} requises)", "Ajoutez à l'épreuve un contact qui évalue {competency}."),
        "en": ("competency {competency} has only {count} observation chance(s) (at least {required} required)", "Add a contact that assesses {competency} to the épreuve."),
    },
    "duplicate-contact": {
        "fr": ("le scénario « {scenario} » figure deux fois dans l'épreuve", "Un même scénario ne compte qu'une fois : utilisez un autre scénario."),
        "en": ("scenario '{scenario}' appears twice in the épreuve", "The same scenario counts only once: use another scenario."),
    },
    "duration-exceeds": {
        "fr": ("la durée cible des contacts ({total} min) dépasse le temps imparti ({limit} min)", "Augmentez « time_limit_minutes » ou retirez des contacts."),
        "en": ("the contacts' target duration ({total} min) exceeds the time limit ({limit} min)", "Raise 'time_limit_minutes' or remove contacts."),
    },
    "scenario-invalid": {
        "fr": ("le scénario « {target} » contient des erreurs", "Corrigez d'abord les erreurs signalées dans ce fichier."),
        "en": ("scenario '{target}' has errors", "First fix the errors reported in that file."),
    },
    "unreadable-file": {
        "fr": ("fichier illisible : {problem}", "Vérifiez le chemin et les droits d'accès."),
        "en": ("cannot read file: {problem}", "Check the path and the permissions."),
    },
    # --- item analysis (choice points a cue answers; « Écrire un bon point de choix ») ----
    "cue-length-outlier": {
        "fr": ("la bonne réponse se repère à sa longueur : {size} caractères, {side} que {ratio} × {other}", "Rapprochez les longueurs : allongez les distracteurs par une erreur plausible ou resserrez la bonne réponse (guide, « Écrire un bon point de choix »)."),
        "en": ("the right reply stands out by its length: {size} characters, {side} than {ratio} × {other}", "Bring the lengths together: lengthen the distractors with a plausible mistake or tighten the right reply (trainer's guide, 'Writing a good choice point')."),
    },
    "cue-only-polite": {
        "fr": ("seule la bonne réponse est polie", "Rendez au moins un distracteur poli : l'erreur d'un débutant est souvent courtoise (« Je comprends, je vous rembourse tout de suite »)."),
        "en": ("only the right reply is polite", "Make at least one distractor polite: a beginner's mistake is often courteous ('I understand, I'll refund you right away')."),
    },
    "cue-prompt-echo": {
        "fr": ("la bonne réponse reprend {count} mots de la réplique ({words}), les distracteurs au plus {other}", "Reformulez la bonne réponse avec ses propres mots, ou faites reprendre la demande par un distracteur."),
        "en": ("the right reply repeats {count} words of the line ({words}), the distractors at most {other}", "Reword the right reply, or let a distractor pick up the request too."),
    },
    "narrator-question": {
        "fr": ("la question du point de choix est posée par le {speaker}, pas par l'interlocuteur", "Faites poser la question par le client, ou laissez le travail la poser (un outil à consulter, un texte à taper)."),
        "en": ("the choice point's question is asked by the {speaker}, not by the other party", "Let the customer ask, or let the work ask (a tool to consult, a text to type)."),
    },
    "fact-not-in-tool": {
        "fr": ("une réplique du candidat donne « {name} », qu'aucun outil ne montre et que l'interlocuteur n'a pas dit avant", "Mettez l'information dans un outil (fiche, documentation, mail) ou faites-la dire par l'interlocuteur ; le candidat doit la trouver."),
        "en": ("a candidate reply gives '{name}', which no tool shows and the other party has not said before", "Put the information in a tool (record, documentation, mail) or let the other party say it; the candidate must find it."),
    },
    "rescue-names-answer": {
        "fr": ("cette ligne du narrateur ou du superviseur donne « {value} », la valeur attendue par une vérification de fin de contact", "Une relance peut rappeler où chercher, jamais la réponse : retirez la valeur de la ligne."),
        "en": ("this narrator or supervisor line gives '{value}', the value an end-of-contact check expects", "A hint may say where to look, never the answer: remove the value from the line."),
    },
    "reply-earns-tool-evidence": {
        "fr": ("cette réplique affirme un travail dans {theme} et gagne une preuve positive de {competency}, que seule l'action dans l'outil doit gagner", "Retirez la preuve positive de la réplique et vérifiez l'outil (checks / expect) : c'est ce qui est fait qui compte."),
        "en": ("this reply claims work in {theme} and earns positive evidence of {competency}, which only the tool action should earn", "Remove the positive evidence from the reply and check the tool (checks / expect): what is done is what counts."),
    },
    "cue-longest-share": {
        "fr": ("la réplique la plus longue est la bonne dans {count} points de choix sur {total} ({percent} %, au plus {limit} %)", "Équilibrez les longueurs : la bonne réponse ne doit pas être plus souvent la plus longue que le hasard ne le voudrait."),
        "en": ("the longest reply is the right one in {count} of {total} choice points ({percent} %, at most {limit} %)", "Balance the lengths: the right reply must not be the longest more often than chance."),
    },
    "check-cannot-pass": {
        "fr": ("la vérification « {check} » ne peut jamais réussir : {why}", "Corrigez la valeur attendue ou les ressources (choix du champ, créneaux, disponibilités)."),
        "en": ("check '{check}' can never pass: {why}", "Fix the expected value or the resources (field choices, slots, availability)."),
    },
}


def render(code: str, part: str, lang: str, params: Mapping[str, Any]) -> str:
    """Render the message (``part='message'``) or hint of ``code`` in ``lang``."""
    entry = CATALOGUE.get(code)
    if entry is None:
        return code if part == "message" else ""
    message, hint = entry.get(lang) or entry["en"]
    template = message if part == "message" else hint
    values = {key: _localised(value, lang) for key, value in params.items()}
    try:
        return template.format_map(_Defaults(values))
    except (ValueError, IndexError):
        return template


def _localised(value: Any, lang: str) -> Any:
    """Parameters may themselves carry both languages as ``{"fr": …, "en": …}``."""
    if isinstance(value, Mapping) and "fr" in value:
        return value.get(lang) or value["fr"]
    return value


class _Defaults(dict):
    def __missing__(self, key: str) -> str:
        return ""
