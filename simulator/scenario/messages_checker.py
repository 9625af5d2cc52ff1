"""The diagnostics of the scenario checker: code → (message, hint) message ids.

Part of ``simulator.scenario.messages`` (which renders them), in the ``checker`` catalog."""

from __future__ import annotations

from simulator.i18n import N_

#: code → (message, hint) for what the checker finds in a well-formed scenario, épreuve or test plan.
CHECKER_MESSAGES: dict[str, tuple[str, str]] = {
    # --- the checker ----------------------------------------------------------------
    "unknown-competency": (
        N_("unknown competency '{competency}'"),
        N_("Valid codes run from 01.01 to 03.05: 'callsim referentiel' lists them."),
    ),
    "critical-cannot-fail": (
        N_("this critical can never fail"),
        N_(
            "A critical must be able to fail: put 'critical: true' on negative evidence, or on a check that counts failures ('counts: both' or 'failure'), with requirements ('requires' / 'forbids') for a text."
        ),
    ),
    "confidential-cannot-fail": (
        N_("this confidentiality declaration can never fail"),
        N_(
            "No third party is on the line where the candidate can say one of the sensitive words: say who picks up ('party: relative' on the node, or 'on_the_line'), or give words ('words') that its replies or a typed text can hold."
        ),
    ),
    "dangling-goto": (
        N_("node '{target}' does not exist"),
        N_("Fix the target or add a node '{target}' under 'nodes'."),
    ),
    "dangling-reference": (
        N_("{kind} '{target}' not found"),
        N_("{advice}"),
    ),
    "node-shape": (
        N_("node '{node}' mixes {found}"),
        N_("A node has exactly one of: 'replies', 'prompt', 'next' or 'end'."),
    ),
    "dead-end": (
        N_("node '{node}' is a dead end: no replies, no next node, not an ending"),
        N_("Add 'replies', a 'next', or mark it as an ending with 'end: …'."),
    ),
    "unreachable-node": (
        N_("node '{node}' can never be reached from '{start}'"),
        N_("Link it to the dialogue with a 'goto' or remove it."),
    ),
    "no-exit-loop": (
        N_("loop without exit: from '{node}' no ending can be reached ({cycle})"),
        N_("Add a reply inside the loop that leads on or to an ending."),
    ),
    "option-count": (
        N_("node '{node}' offers {count} replies (3 to 5 expected for a choice)"),
        N_("Add plausible replies, or use 'next' when there is no choice to make."),
    ),
    "claimed-not-evidenced": (
        N_("competency {competency} is claimed but no reply, check or rule can observe it"),
        N_("Add evidence or a check for {competency}, or remove it from 'competencies'."),
    ),
    "never-positive": (
        N_("competency {competency} can never be observed positively"),
        N_("Add at least one path where the candidate demonstrates {competency}."),
    ),
    "evidence-not-claimed": (
        N_("evidence for {competency}, which is not claimed in 'competencies'"),
        N_("Add {competency} to 'competencies' or remove this evidence."),
    ),
    "judging-line": (
        N_("line shown in exams judges the previous choice ('{marker}')"),
        N_(
            "In an exam no line may say whether the choice was right: mark the node 'audience: practice' (coaching, passed over in exams) or rewrite the line without judging."
        ),
    ),
    "coaching-not-passed": (
        N_("coaching node an exam cannot pass over: its replies stay visible"),
        N_(
            "Give an 'audience: practice' node a single way on ('next' or one reply), no prompt, check or ending: an exam then passes over it entirely."
        ),
    ),
    "missing-translation": (
        N_("missing '{lang}' translation"),
        N_("Add '{lang}: …' to this text (scenario languages: {languages})."),
    ),
    "calendar-or-calendars": (
        N_(
            "an appointment check names its calendar with 'calendar' or its calendars with 'calendars'"
        ),
        N_(
            "Keep one of them: 'calendar: technicien' for one calendar, 'calendars: [technicien, conseiller]' for several."
        ),
    ),
    "unknown-commune": (
        N_("no known commune '{commune}' ({province})"),
        N_(
            "Write the commune's name as on an address (Waremme, Sint-Niklaas) or its postcode (4300); check it lies in the province given."
        ),
    ),
    "undeclared-call-variable": (
        N_("call variable '{name}' is not declared"),
        N_(
            "Declare it with its starting value under 'variables:' at the top of the file (declared: {declared})."
        ),
    ),
    "newer-format": (
        N_("'{key}' only exists from format scenario/1.1 on"),
        N_(
            "Write 'callsim: scenario/1.1' on the first line: scenario/1 files stay valid as they are."
        ),
    ),
    "unknown-variable": (
        N_("unknown variable '{name}' in the text"),
        N_("Available variables: {available}."),
    ),
    "template-syntax": (
        N_("invalid template text: {problem}"),
        N_("Variables are written {{{{ customer.first_name }}}}: check the braces."),
    ),
    "unknown-filter": (
        N_("unknown filter '{name}' in the text"),
        N_(
            "{suggestion}callsim's filters: add_workdays, add_days, first_workday_of_next_month, next_weekday, longdate, shortdate, time; and Jinja2's standard filters (replace, upper, lower, title…)."
        ),
    ),
    "fact-uses-fact": (
        N_("fact '{fact}' uses another fact ({name}): facts are computed before 'facts' exists"),
        N_(
            "Compute the value again from today, refs.*, customer.*… (e.g. {{{{ today | add_workdays(2) | longdate }}}}), or apply the filter where the fact is used."
        ),
    ),
    "template-error": (
        N_("this text cannot be produced: {problem}"),
        N_(
            "The text was tried with a generated customer: check the filters and their values (longdate and shortdate expect a YYYY-MM-DD date, time an HH:MM time; see the guide, 2.10)."
        ),
    ),
    "requirement-value": (
        N_("the '{kind}' requirement gives '{value}': the typed-text check cannot read it"),
        N_(
            "A 'date' requirement must give a YYYY-MM-DD date ('{{{{ facts.rdv_date }}}}', without longdate or shortdate); an 'amount' requirement an amount such as 49.90; a 'time' requirement an HH:MM time."
        ),
    ),
    "unknown-concept": (
        N_("unknown concept: '{name}'"),
        N_(
            "The shared concepts are: {known} (see the guide, 'Typed texts'). Pick one, or list the phrasings with any_of."
        ),
    ),
    "window-order": (
        N_("the availability window ends ({end}) before it starts ({start})"),
        N_("Give an 'end' time after the 'start' time (HH:MM)."),
    ),
    "choice-without-choices": (
        N_("field '{field}' is of type choice but has no 'choices'"),
        N_(
            "Add 'choices: [value 1, value 2]' (the values offered to the candidate), or change the field's type."
        ),
    ),
    "unknown-reference": (
        N_("'found_by' names reference '{name}', which 'references' does not declare"),
        N_(
            "Declare '{name}' under 'references' (e.g. '{name}: \"ML-2026-#####\"') or remove it from 'found_by'."
        ),
    ),
    "tool-without-resource": (
        N_("tool '{tool}' is listed but the scenario has no '{resource}': it will not be offered"),
        N_("Declare '{resource}' or remove '{tool}' from 'tools'."),
    ),
    "not-a-scenario": (
        N_("'{target}' is not a scenario ({kind})"),
        N_(
            "A test plan's 'scenario' names the scenario file ('callsim: scenario/1'), relative to the plans file."
        ),
    ),
    "coverage-short": (
        N_(
            "competency {competency} has only {count} observation chance(s) (at least {required} required)"
        ),
        N_("Add a contact that assesses {competency} to the épreuve."),
    ),
    "duplicate-contact": (
        N_("scenario '{scenario}' appears twice in the épreuve"),
        N_("The same scenario counts only once: use another scenario."),
    ),
    "duration-exceeds": (
        N_("the contacts' target duration ({total} min) exceeds the time limit ({limit} min)"),
        N_("Raise 'time_limit_minutes' or remove contacts."),
    ),
    "scenario-invalid": (
        N_("scenario '{target}' has errors"),
        N_("First fix the errors reported in that file."),
    ),
    "unreadable-file": (
        N_("cannot read file: {problem}"),
        N_("Check the path and the permissions."),
    ),
    "variants-need-format": (
        N_("a scenario with 'variants' must declare 'callsim: scenario/1.1'"),
        N_("Change the first line to 'callsim: scenario/1.1'."),
    ),
    "variant-many-forms": (
        N_(
            "{forms} forms: every combination of the variants is checked, walked and tested as a scenario of its own"
        ),
        N_(
            "Declare 'combinations:' with a pairwise design: 'callsim scenario pairs FILE' writes one "
            "({design} forms in which every alternative meets every other)."
        ),
    ),
    "variant-removes-nothing": (
        N_("the variant removes '{key}', which does not exist"),
        N_("Check the id: 'null' only removes an existing item."),
    ),
    "variant-list-without-ids": (
        N_(
            "this list has no ids: the variant addresses its items by position, from '0' up to '{size}' excluded"
        ),
        N_(
            "Address an item by its position ('0' for the first) or replace the whole list (write a list instead of a mapping)."
        ),
    ),
    "variant-frozen-key": (
        N_("a variant cannot change '{key}'"),
        N_(
            "Remove '{key}' from the patch: the scenario's id and format are the same for every variant."
        ),
    ),
    "variant-unknown-alternative": (
        N_("combination: dimension '{dimension}' has no alternative '{alternative}'"),
        N_("Pick an alternative declared under 'variants: {dimension}: alternatives'."),
    ),
    "variant-unknown-dimension": (
        N_("combination: unknown dimension '{dimension}'"),
        N_("Use a dimension declared under 'variants'."),
    ),
    "cue-length-outlier": (
        N_(
            "the right reply stands out by its length: {size} characters, {side} than {ratio} × {other}"
        ),
        N_(
            "Bring the lengths together: lengthen the distractors with a plausible mistake or tighten the right reply (trainer's guide, 'Writing a good choice point')."
        ),
    ),
    "cue-only-polite": (
        N_("only the right reply is polite"),
        N_(
            "Make at least one distractor polite: a beginner's mistake is often courteous ('I understand, I'll refund you right away')."
        ),
    ),
    "cue-prompt-echo": (
        N_(
            "the right reply repeats {count} words of the line ({words}), the distractors at most {other}"
        ),
        N_("Reword the right reply, or let a distractor pick up the request too."),
    ),
    "narrator-question": (
        N_("the choice point's question is asked by the {speaker}, not by the other party"),
        N_("Let the customer ask, or let the work ask (a tool to consult, a text to type)."),
    ),
    "fact-not-in-tool": (
        N_(
            "a candidate reply gives '{name}', which no tool shows and the other party has not said before"
        ),
        N_(
            "Put the information in a tool (record, documentation, mail) or let the other party say it; the candidate must find it."
        ),
    ),
    "rescue-names-answer": (
        N_(
            "this narrator or supervisor line gives '{value}', the value an end-of-contact check expects"
        ),
        N_("A hint may say where to look, never the answer: remove the value from the line."),
    ),
    "reply-earns-tool-evidence": (
        N_(
            "this reply claims work in {theme} and earns positive evidence of {competency}, which only the tool action should earn"
        ),
        N_(
            "Remove the positive evidence from the reply and check the tool (checks / expect): what is done is what counts."
        ),
    ),
    "cue-longest-share": (
        N_(
            "the longest reply is the right one in {count} of {total} choice points ({percent} %, at most {limit} %)"
        ),
        N_("Balance the lengths: the right reply must not be the longest more often than chance."),
    ),
    "check-cannot-pass": (
        N_("check '{check}' can never pass: {why}"),
        N_("Fix the expected value or the resources (field choices, slots, availability)."),
    ),
}
