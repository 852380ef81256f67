"""Ctrl-C while a message crosses the pipe to the writer process waits until the message is whole,
also when another thread runs beside the main one (the progress display's refresh thread): a signal
the main thread masks is taken by that thread, and Python raises it in the main thread all the same,
half-way through a message, which jammed the writer (it waited for the rest) and hung the ingest."""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from briefarc.store.writer import whole_messages


@pytest.fixture
def other_thread():
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, daemon=True)
    thread.start()
    yield
    stop.set()
    thread.join()


def busy(seconds: float) -> int:
    """Python bytecode running for a while: where a pending KeyboardInterrupt would be raised."""
    deadline, steps = time.monotonic() + seconds, 0
    while time.monotonic() < deadline:
        steps += 1
    return steps


def test_ctrl_c_inside_a_message_is_delivered_after_it(other_thread):
    finished = False
    with pytest.raises(KeyboardInterrupt):
        with whole_messages():
            os.kill(os.getpid(), signal.SIGINT)
            busy(0.2)
            finished = True
        busy(0.2)
    assert finished


def test_no_ctrl_c_no_interrupt_and_the_handler_is_put_back(other_thread):
    before = signal.getsignal(signal.SIGINT)
    with whole_messages():
        busy(0.01)
    assert signal.getsignal(signal.SIGINT) is before


def test_an_ignored_ctrl_c_stays_ignored(other_thread):
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with whole_messages():
            os.kill(os.getpid(), signal.SIGINT)
            busy(0.05)
        busy(0.05)
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, previous)


def test_an_error_while_ctrl_c_is_held_is_reported_not_replaced(other_thread):
    """Ctrl-C held while the writer's last reports were read, then the writer's error (disk full): the held
    Ctrl-C was raised over it, and the run said "Interrupted" without the cause (helper-89)."""
    from briefarc.errors import DatabaseError

    before = signal.getsignal(signal.SIGINT)
    with pytest.raises(DatabaseError), whole_messages():
        os.kill(os.getpid(), signal.SIGINT)
        busy(0.05)
        raise DatabaseError("Cannot write to the database: database or disk is full.")
    busy(0.05)
    assert signal.getsignal(signal.SIGINT) is before
