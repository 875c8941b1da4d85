"""Stopping a long command cleanly: SIGTERM (and SIGHUP) handled like Ctrl-C.

Inside :func:`interrupts_as_keyboard_interrupt` those signals raise :class:`Interrupted` (a
``KeyboardInterrupt`` that knows which signal it was) in the main thread, so the same clean-up runs
for all of them: the command stops its workers, keeps what is stored whole, and exits with a coded
message (``E037``) and status 130 (SIGINT) or 143 (SIGTERM).
"""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager

SIGNALS = ("SIGINT", "SIGTERM", "SIGHUP")


class Interrupted(KeyboardInterrupt):
    def __init__(self, signal_name: str = "SIGINT"):
        super().__init__(signal_name)
        self.signal_name = signal_name
        self.signum = getattr(signal, signal_name, signal.SIGINT)


def exit_status(exc: BaseException) -> int:
    return 128 + int(getattr(exc, "signum", signal.SIGINT))


@contextmanager
def interrupts_as_keyboard_interrupt():
    """Raise :class:`Interrupted` on SIGINT, SIGTERM and SIGHUP while the block runs (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {}

    def handler(signum, frame):
        for name in SIGNALS:  # a second signal during the clean-up must not interrupt it
            sig = getattr(signal, name, None)
            if sig is not None:
                signal.signal(sig, signal.SIG_IGN)
        raise Interrupted(signal.Signals(signum).name)

    for name in SIGNALS:
        sig = getattr(signal, name, None)
        if sig is not None:
            previous[sig] = signal.signal(sig, handler)
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)
