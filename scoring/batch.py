"""Score many sessions: one at a time, or across worker processes when there are enough to pay for them.

Each session is read and verified, checked to be over, then scored (from the journal's evidence)
or re-scored (by replay on the épreuve files). Workers only read the journal; the caller receives
each outcome, in session order, and decides what to store. Memory stays flat: no more than a few
chunks of outcomes are in flight at any time, whatever the number of sessions.
"""

from __future__ import annotations

import gc
import os
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from scoring.backends import open_transcripts
from scoring.grille import is_finished
from scoring.quoted import quoted_error
from scoring.rubric import LoadedRubric
from scoring.score import ScoringError, rescore, score
from scoring.storage import StoredGrille, stored
from scoring.transcripts import Refused, TranscriptSource, UnreadablePayload
from simulator.i18n import DEFAULT_LANG, N_, Message, translator
from simulator.journal.errors import JournalError, UnknownSession

#: Sessions per task sent to a worker.
CHUNK = 25
#: Below this many sessions, workers cost more than they save (per evidence source).
PARALLEL_FROM = {"journal": 400, "replay": 6}


@dataclass(frozen=True)
class Job:
    """What to do: the journal file, the rubric, ``journal`` (score) or ``replay`` (rescore)."""

    store_path: str
    rubric: LoadedRubric
    source: str = "journal"
    #: For ``replay``: the épreuve file to replay on instead of the one the session recorded.
    epreuve: str | None = None
    #: For ``replay``: run the engine even where the journal's evidence is what it would derive.
    force_replay: bool = False


@dataclass(frozen=True)
class Outcome:
    """A session's grille, or why it was not scored (a stable ``code`` and ``why``, translated where shown)."""

    session_id: str
    grille: StoredGrille | None = None
    code: str = ""
    why: Message | None = None

    def reason(self, lang: str = DEFAULT_LANG) -> str:
        """Why the session was not scored, in ``lang`` (empty when it was)."""
        return self.why.to(translator("engine", lang)) if self.why is not None else ""


def score_session(source: TranscriptSource, session_id: str, job: Job) -> Outcome:
    """Verify, check the épreuve is over, and score one session; never raises for a bad journal."""
    with cycle_collector_paused():
        return _score_session(source, session_id, job)


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused while one session is scored.

    What scoring builds — events, parsed payloads, the grille — is plain data without cycles, freed
    by reference counting as soon as it is dropped; the collector's passes over those many young
    objects cost about a tenth of the scoring time and find nothing. Anything cyclic made meanwhile
    (a replayed session) is collected once the collector runs again.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _score_session(source: TranscriptSource, session_id: str, job: Job) -> Outcome:
    try:
        transcript = source.verified(session_id)
    except Refused as refused:
        return Outcome(session_id, code=refused.code, why=refused.why)
    except UnknownSession:
        return Outcome(session_id, code="unknown-session", why=Message(N_("unknown session")))
    except JournalError as exc:
        return Outcome(session_id, code=exc.code, why=quoted_error(exc))
    if not is_finished(transcript.events):
        why = Message(N_("the épreuve is not over: resume it before scoring it"))
        return Outcome(session_id, code="unfinished", why=why)
    try:
        if job.source == "replay":
            from scoring.bundles import bundle_for

            grille = rescore(
                transcript.header,
                transcript.events,
                bundle_for(transcript.header, job.epreuve),
                job.rubric,
                replay=job.force_replay,
            )
        else:
            grille = score(transcript.header, transcript.events, job.rubric)
    except ScoringError as exc:
        return Outcome(session_id, code=exc.code, why=exc.why)
    except UnreadablePayload:  # bytes that hash right and do not read: the verifier says why
        verdict = source.refusal(session_id)
        return Outcome(session_id, code=verdict.code, why=verdict.why)
    return Outcome(session_id, stored(grille))


def workers_for(count: int, job: Job, requested: int | None = None) -> int:
    """How many processes: as asked, else one per CPU when there are enough sessions to pay for them."""
    if requested is not None:
        return max(1, requested)
    cpus = (
        len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    )
    return min(cpus, 8) if cpus > 1 and count >= PARALLEL_FROM.get(job.source, 400) else 1


def run(job: Job, session_ids: Sequence[str], *, workers: int = 1) -> Iterator[Outcome]:
    """Every session's outcome, in the order of ``session_ids``."""
    if workers <= 1 or len(session_ids) <= CHUNK:
        source = open_transcripts(job.store_path)
        try:
            for session_id in session_ids:
                yield score_session(source, session_id, job)
        finally:
            source.close()
        return
    chunks = [list(session_ids[i : i + CHUNK]) for i in range(0, len(session_ids), CHUNK)]
    with ProcessPoolExecutor(
        max_workers=workers, initializer=_start_worker, initargs=(job,)
    ) as pool:
        pending: deque[Future[list[Outcome]]] = deque()
        for chunk in chunks:
            pending.append(pool.submit(_score_chunk, chunk))
            if len(pending) >= 2 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


_worker: dict[str, Any] = {}


def _start_worker(job: Job) -> None:
    _worker["job"] = job
    _worker["source"] = open_transcripts(job.store_path)


def _score_chunk(session_ids: list[str]) -> list[Outcome]:
    return [
        score_session(_worker["source"], session_id, _worker["job"]) for session_id in session_ids
    ]
