"""Run the pipeline: parse articles with spaCy, then run the registered extractors in order.

Hostile text is bounded here (see ``docs/reliability.md``):

* texts longer than ``Config.max_chars`` characters or ``Config.max_tokens`` tokens are cut before
  parsing (``W005``);
* the tokenizer is guarded against long runs without whitespace (``((((…``, runs of quotation marks), which make
  spaCy's prefix/suffix search quadratic: such runs are tokenized in short pieces;
* ``Config.time_budget`` bounds the extractors of one article: in the main thread on POSIX a timer
  interrupts the running extractor, elsewhere the budget is checked between extractors; either way
  the remaining extractors are skipped and ``E015`` (naming them) goes into the article's warnings.
"""
from __future__ import annotations

import re
import signal
import threading
import time
from collections import deque
from contextlib import contextmanager
from typing import Callable, Iterable, Iterator

from .config import Config
from .contract import Result
from .errors import NewsEventsError, warning
from .extractors.registry import Extractor, ordered
from .ingest.normalise import describe, normalise, remap_result
from .nlp.pipeline import load_nlp, parse

RUN_LIMIT = 200    # characters without whitespace before the tokenizer guard steps in
RUN_CHUNK = 100    # piece size for such runs


class BudgetExceeded(BaseException):
    """Raised inside an extractor when the article's time budget runs out.

    A ``BaseException`` so that an extractor's ``except Exception`` cannot swallow it."""


def _on_alarm(signum, frame):
    raise BudgetExceeded()


def _timer_available() -> bool:
    return (hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
            and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN, None, _on_alarm)
            and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0))  # never cancel someone else's timer


@contextmanager
def _deadline(seconds: float | None):
    """Interrupt the block with :class:`BudgetExceeded` after ``seconds`` (when a timer can be used)."""
    if seconds is None or not _timer_available():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)


def _budget_warning(article, budget, skipped: list[str]) -> dict:
    message = str(NewsEventsError("E015", article=article.id, budget=budget))
    if skipped:
        message += f" (not run or interrupted: {', '.join(skipped)})"
    return {"code": "E015", "message": message}


def run_extractors(doc, article, extractors: list[Extractor], budget: float | None = None,
                   on_timing: Callable[[str, float], None] | None = None) -> Result:
    """Fill a :class:`Result` for ``article`` from its parsed ``doc``.

    A failing extractor is recorded as a warning (``E014``) and the others still run; when the time
    budget runs out the current extractor is interrupted (where possible) and the rest are skipped
    (``E015``). ``on_timing(name, seconds)``, when given, is called after each extractor
    (``newsevents bench`` uses it; the normal path does not time)."""
    result = Result(article, text=doc.text)
    deadline = None if budget is None else time.monotonic() + budget
    for index, ext in enumerate(extractors):
        remaining = None if deadline is None else deadline - time.monotonic()
        if remaining is not None and remaining <= 0:
            result.warnings.append(_budget_warning(article, budget, [e.name for e in extractors[index:]]))
            break
        tick = time.perf_counter() if on_timing else 0.0
        try:
            with _deadline(remaining):
                ext(doc, result)
        except BudgetExceeded:
            result.warnings.append(_budget_warning(article, budget, [e.name for e in extractors[index:]]))
            break
        except Exception as exc:  # one broken extractor must not lose the article
            msg = str(NewsEventsError("E014", article=article.id, name=ext.name, reason=f"{type(exc).__name__}: {exc}"))
            result.warnings.append({"code": "E014", "message": msg})
        if on_timing:
            on_timing(ext.name, time.perf_counter() - tick)
    return result


class GuardedTokenizer:
    """spaCy's tokenizer, except that whitespace-free runs longer than :data:`RUN_LIMIT` characters
    are tokenized in :data:`RUN_CHUNK`-character pieces (its affix search is quadratic in run length).
    The Doc's text is always exactly the input text."""

    _long_run = re.compile(r"\S{%d,}" % RUN_LIMIT)

    def __init__(self, inner):
        self.inner = inner

    def __getattr__(self, name):  # vocab, explain, rules, … of the wrapped tokenizer
        return getattr(self.__dict__["inner"], name)

    def __reduce__(self):
        return (GuardedTokenizer, (self.inner,))

    def __call__(self, text: str):
        if not self._long_run.search(text):
            return self.inner(text)
        from spacy.tokens import Doc

        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        for match in self._long_run.finditer(text):
            self._extend(text[pos:match.start()], words, spaces)
            run = match.group()
            for i in range(0, len(run), RUN_CHUNK):
                self._extend(run[i:i + RUN_CHUNK], words, spaces)
            pos = match.end()
        self._extend(text[pos:], words, spaces)
        doc = Doc(self.inner.vocab, words=words, spaces=spaces)
        return doc if doc.text == text else self.inner(text)

    def _extend(self, piece: str, words: list[str], spaces: list[bool]) -> None:
        if piece:
            for token in self.inner(piece):
                words.append(token.text)
                spaces.append(bool(token.whitespace_))


def guard_tokenizer(nlp):
    """Install :class:`GuardedTokenizer` on ``nlp`` (once); returns ``nlp``."""
    if not isinstance(nlp.tokenizer, GuardedTokenizer):
        nlp.tokenizer = GuardedTokenizer(nlp.tokenizer)
    return nlp


def _clip(articles: Iterable, config: Config, nlp=None):
    max_chars = min(config.max_chars, getattr(nlp, "max_length", config.max_chars))  # spaCy refuses longer
    for article in articles:
        if len(article.text) > max_chars:
            article.warnings.append(warning("W005", article=article.id, limit=max_chars))
            article.text = article.text[:max_chars]
        if nlp is not None and len(article.text) > config.max_tokens:  # a token has at least one character
            tokens = nlp.tokenizer(article.text)
            if len(tokens) > config.max_tokens:
                cut = tokens[config.max_tokens].idx
                article.text = article.text[:cut].rstrip() or article.text[:cut]
                article.warnings.append(warning("W005", article=article.id, limit=len(article.text)))
        yield article


def pipe(articles: Iterable, *, config: Config | None = None,
         extractors: list[str] | None = None,
         on_timing: Callable[[str, float], None] | None = None) -> Iterator[Result]:
    """Yield a :class:`Result` per article, in input order (``on_timing``: see :func:`run_extractors`)."""
    for _, result in pipe_docs(articles, config=config, extractors=extractors, on_timing=on_timing):
        yield result


def pipe_docs(articles: Iterable, *, config: Config | None = None,
              extractors: list[str] | None = None,
              on_timing: Callable[[str, float], None] | None = None) -> Iterator[tuple]:
    """:func:`pipe`, yielding ``(doc, result)``: the evaluation also needs the parse (sentences)."""
    config = config or Config()
    chain = ordered(extractors)
    nlp = guard_tokenizer(load_nlp(config.model))
    norms: dict[int, object] = {}  # id(article) → its Normalised, from parsing to extraction

    def text_of(article) -> str:
        if id(article) not in norms:
            norms[id(article)] = normalise(article.text)
        return norms[id(article)].text

    for doc, article, error in _parse_resilient(_clip(articles, config, nlp), nlp, config, text_of):
        norm = norms.pop(id(article), None)
        if error is not None:  # spaCy itself failed on this text: keep the article, say why
            result = Result(article, text=doc.text)
            result.warnings.append({"code": "E014", "message": str(NewsEventsError(
                "E014", article=article.id, name="spaCy parser", reason=f"{type(error).__name__}: {error}"))})
        else:
            result = run_extractors(doc, article, chain, budget=config.time_budget, on_timing=on_timing)
        if norm is not None and norm.changed:
            # the parse read a repaired copy: every offset goes back onto the stored text
            remap_result(result, norm)
            result.warnings.append(warning("W011", article=article.id, what=describe(norm)))
            doc.user_data["normalised"] = norm
        yield doc, result


class _Upstream(Exception):
    """Wraps an exception raised by the input iterator (not by spaCy), to re-raise it unchanged."""


def _parse_resilient(articles: Iterable, nlp, config: Config, text_of=None) -> Iterator[tuple]:
    """``(doc, article, None)`` per article, in order, batched through spaCy; if spaCy raises, the
    articles of the failed batch are parsed one by one, one that fails again comes back as
    ``(tokenized_doc, article, exception)``, and batching resumes with the rest."""
    source = iter(articles)
    while True:
        inflight: deque = deque()
        exhausted = [False]

        def feed():
            while True:
                try:
                    article = next(source)
                except StopIteration:
                    exhausted[0] = True
                    return
                except Exception as exc:
                    raise _Upstream() from exc
                inflight.append(article)
                yield article

        try:
            for doc, article in parse(feed(), n_process=config.n_process, batch_size=config.batch_size,
                                      model=config.model, text_of=text_of):
                inflight.popleft()
                yield doc, article, None
            return
        except _Upstream as wrapped:
            raise wrapped.__cause__ from None
        except Exception:  # spaCy failed on some article of the current batch
            pending = list(inflight)
        for article in pending:
            text = text_of(article) if text_of else article.text
            try:
                yield nlp(text), article, None
            except Exception as exc:
                doc = nlp.make_doc(text)
                for i, token in enumerate(doc):
                    token.is_sent_start = i == 0
                yield doc, article, exc
        if exhausted[0]:
            return
