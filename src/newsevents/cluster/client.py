"""The client side of a distributed ingest: plan, submit, watch, isolate, group.

:func:`ingest_cluster` cuts the input into partitions, keeps a bounded number of partition tasks in
flight on the cluster (the input is never all in memory), reports progress (articles done / total,
rate, ETA, failures), and when a task fails it re-runs the partition article by article so that the
one article that crashes its worker (a *poison* article) is found: after Dask's retries it is
recorded in the errors table (``E035``) and the run goes on. A store that stays unreachable ends
the run with ``E034``; an interrupted run (Ctrl-C, SIGTERM) cancels what is in flight and ends with
``E037``: every partition is stored whole or not at all, so running the same command again stores
exactly the rest. Stories are built once the parse is done, from the store.
"""
from __future__ import annotations

import time
from collections import deque
from dataclasses import asdict, dataclass, field
from typing import Callable, Iterable

from ..config import Config
from ..contract import LISTS
from ..errors import ConfigError, NewsEventsError
from ..redact import redacted
from .partitions import DEFAULT_SIZE, Partition, plan
from .worker import PipelinePlugin, run_partition


@dataclass
class ClusterSummary:
    seen: int = 0
    stored: int = 0
    unchanged: int = 0
    failed: int = 0
    entities: int = 0
    events: int = 0
    quotes: int = 0
    places: int = 0
    casualties: int = 0
    dates: int = 0
    warnings: int = 0
    grouped: int = 0
    stories_seconds: float = 0.0
    seconds: float = 0.0
    partitions: int = 0
    workers: int = 0
    retried_partitions: int = 0       # partitions re-run article by article after a failure
    failures: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class Progress:
    """What the client reports after each partition."""
    done: int            # articles handled (stored, unchanged or failed)
    total: int           # articles in the input (non-blank JSONL lines and files)
    failed: int
    rate: float          # articles per second since the start
    eta: float | None    # seconds left at that rate

    def line(self) -> str:
        eta = "?" if self.eta is None else _duration(self.eta)
        return (f"{self.done}/{self.total} articles ({100 * self.done / max(self.total, 1):.0f}%), "
                f"{self.rate:.1f} articles/s, ETA {eta}, {self.failed} failed")


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"


def ingest_cluster(paths: Iterable[str], db: str, *, client=None, scheduler: str | None = None,
                   workers: int | None = None, config: Config | None = None, input_format: str = "auto",
                   published: str | None = None, stories: bool = True, partition_size: int = DEFAULT_SIZE,
                   on_progress: Callable[[Progress], None] | None = None,
                   on_failure: Callable[[dict], None] | None = None) -> ClusterSummary:
    """Ingest ``paths`` into the PostgreSQL store ``db`` on a Dask cluster: ``client`` (a
    ``distributed.Client``), else the scheduler at ``scheduler``, else a local cluster of
    ``workers`` processes. See the module docstring for the guarantees."""
    config = config or Config()
    if not str(db).lower().startswith(("postgresql://", "postgres://")):
        raise ConfigError("E021", name="--db", reason="a distributed ingest writes into PostgreSQL "
                                                      "(postgresql://HOST/DB); for SQLite use --processes")
    from ..store import open_store

    started = time.monotonic()
    summary = ClusterSummary()
    store = open_store(db)  # creates / migrates the schema once, before any worker writes (E034 if unreachable)
    cluster = None
    own_client = client is None
    try:
        partitions, plan_errors = plan(paths, input_format=input_format, size=partition_size)
        total = sum(p.articles for p in partitions) + len(plan_errors)
        for exc in plan_errors:
            _fail(summary, store, {"article": exc.article, "source": exc.params.get("path") or exc.article,
                                   "code": exc.code, "message": str(exc)}, on_failure, write=True)
            summary.seen += 1
        summary.partitions = len(partitions)
        if partitions:
            if own_client:
                client, cluster = _connect(scheduler, workers)
            client.register_plugin(PipelinePlugin(config.model, die_with_parent=cluster is not None))
            summary.workers = len(client.scheduler_info().get("workers", {}))
            _run(client, partitions, db, config, input_format, published, summary, store, total, started,
                 on_progress, on_failure)
    except KeyboardInterrupt as stop:
        summary.seconds = round(time.monotonic() - started, 3)
        name = getattr(stop, "signal_name", None) or "SIGINT"
        raise NewsEventsError("E037", signal=name, what=(
            f"{summary.stored} articles stored in this run, every partition whole; the partitions in flight "
            f"were cancelled and rolled back (run the same command again to store the rest)")) from None
    finally:
        if own_client and client is not None:
            _close(client, cluster)
    if stories and summary.stored:
        _group(store, summary)
    summary.seconds = round(time.monotonic() - started, 3)
    store.close()
    return summary


def _connect(scheduler: str | None, workers: int | None):
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            return Client(scheduler, timeout="20s"), None
        except (OSError, TimeoutError) as exc:
            raise NewsEventsError("E036", reason=f"cannot reach the scheduler at {redacted(scheduler)}: {exc}") from None
    if not workers or workers < 1:
        raise ConfigError("E021", name="--workers", reason="give the number of local worker processes (1 or more)")
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                           silence_logs=50, memory_limit=0)
    return Client(cluster), cluster


def _close(client, cluster) -> None:
    try:
        client.close(timeout=10)
    except Exception:  # pragma: no cover - closing a broken connection
        pass
    if cluster is not None:
        try:
            cluster.close(timeout=20)
        except Exception:  # pragma: no cover
            pass


def _run(client, partitions: list[Partition], db: str, config: Config, input_format: str, published,
         summary: ClusterSummary, store, total: int, started: float, on_progress, on_failure) -> None:
    from distributed import as_completed

    width = max(2, 2 * sum(client.nthreads().values()) or 2)  # tasks in flight: enough to keep workers busy
    queue: deque[Partition] = deque(partitions)
    futures = {}
    done_articles = 0
    suspects: list[Partition] = []   # single articles whose task failed once among others
    alone: set[str] = set()          # keys of those run again with nothing else in flight

    def submit(partition: Partition):
        future = client.submit(run_partition, partition, db, config, input_format, published, pure=False,
                               key=f"newsevents-partition-{partition.key}-{time.monotonic_ns()}")
        futures[future] = partition
        return future

    pending = as_completed([submit(queue.popleft()) for _ in range(min(width, len(queue)))])
    try:
        for future in pending:
            partition = futures.pop(future)
            if future.status == "finished":
                result = future.result()
                _add(summary, result, on_failure)
                done_articles += partition.articles
            else:
                error = future.exception()
                if isinstance(error, NewsEventsError) and error.code == "E034":
                    raise error  # the store is gone: no partition can be written
                if partition.articles > 1 or (partition.path is None and len(partition.files) > 1):
                    summary.retried_partitions += 1
                    queue.extendleft(reversed(partition.singles()))  # find the article that fails
                elif partition.key not in alone:
                    # it may have shared a dying worker with the poison article: run it again alone, at the end
                    suspects.append(partition)
                else:
                    done_articles += partition.articles
                    summary.seen += 1
                    source = partition.sources()[0] if partition.sources() else partition.key
                    reason = f"{type(error).__name__}: {error}"[:500]
                    exc = NewsEventsError("E035", article=source, tries=_tries(client), reason=reason)
                    _fail(summary, store, {"article": source, "source": source, "code": exc.code,
                                           "message": str(exc)}, on_failure, write=True)
            future.release()
            if not queue and not futures and suspects:
                width = 1  # each suspect alone on the cluster: only the poison article still kills its worker
                alone.update(p.key for p in suspects)
                queue.extend(suspects)
                suspects.clear()
            while queue and len(futures) < width:
                pending.add(submit(queue.popleft()))
            if on_progress:
                elapsed = max(time.monotonic() - started, 1e-6)
                rate = done_articles / elapsed
                left = max(total - done_articles, 0)
                on_progress(Progress(done_articles, total, summary.failed, rate, left / rate if rate > 0 else None))
    except BaseException:
        for future in list(futures):
            future.cancel()
        raise


def _tries(client) -> int:
    import dask

    return int(dask.config.get("distributed.scheduler.allowed-failures", 3)) + 1


def _add(summary: ClusterSummary, result: dict, on_failure) -> None:
    for name in ("seen", "stored", "unchanged", "warnings", *LISTS):
        setattr(summary, name, getattr(summary, name) + result.get(name, 0))
    for record in result.get("failures", []):
        _fail(summary, None, record, on_failure)


def _fail(summary: ClusterSummary, store, record: dict, on_failure, *, write: bool = False) -> None:
    summary.failed += 1
    summary.failures.append(record)
    if write and store is not None:  # errors the workers did not write (they write their own, in the partition)
        store.record_error(record["article"], record["source"], record["code"], record["message"])
    if on_failure:
        on_failure(record)


def _group(store, summary: ClusterSummary) -> None:
    from ..stories import update

    try:
        result = update(store)
    except NewsEventsError as exc:
        store.record_error(None, None, exc.code, str(exc))
        summary.failures.append({"article": None, "source": None, "code": exc.code, "message": str(exc)})
        return
    summary.grouped += result.articles
    summary.stories_seconds = round(result.seconds, 3)
