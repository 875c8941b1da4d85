"""Distributed ingest: the same pipeline on a Dask cluster, into PostgreSQL, exactly once.

``newsevents ingest PATH --db postgresql://… --workers N`` (a local cluster) or ``--scheduler
tcp://HOST:8786`` (an existing one). The input is cut into partitions (:mod:`.partitions`: line
ranges of JSONL files, groups of other files); a worker plugin loads the spaCy model and the
gazetteer once per worker (:mod:`.worker`); each partition is extracted on a worker and written in
one transaction (:meth:`newsevents.store.postgres.PostgresStore.save_partition`), so a task that
Dask runs twice stores nothing twice. The client (:mod:`.client`) shows progress, isolates an
article that kills its workers, and builds the stories from the store once the parse is done.
"""
from .client import ClusterSummary, ingest_cluster
from .partitions import Partition, plan

__all__ = ["ClusterSummary", "Partition", "ingest_cluster", "plan"]
