"""Damaged and hostile WARC files: reading always moves forward and ends, a bad record fails alone.

The fuzz test runs with a fixed seed and a bounded number of examples, and bounds each file by the
work done (entries read, at most a few per record start in the file), never by the clock.
"""

from __future__ import annotations

import gzip
import io
import random
import re
from itertools import islice

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.warcwriter import WARCWriter

from briefarc.files.warc import read_warc
from tests.test_warc import STATE, other_tool_warc, response

LIMIT = 500  # entries read before a test calls it a loop


def read(data: bytes) -> list:
    return list(islice(read_warc(io.BytesIO(data), "x.warc.gz"), LIMIT))


def record_starts(data: bytes) -> int:
    """How many places in the file a record could begin at (gzip members, WARC version lines)."""
    return data.count(b"\x1f\x8b\x08") + data.count(b"WARC/1.")


def page_record(url: str = "https://a.example/x") -> bytes:
    plain = io.BytesIO()
    writer = WARCWriter(plain, gzip=False)
    writer.write_record(response(writer, url, STATE, [("Content-Type", "text/html")]))
    return plain.getvalue()


def member_with_trailing_junk(noise_records: int) -> bytes:
    """Noise records, each its own gzip member, then one member holding a page record and 60 KB of
    junk: warcio then reports an offset far before the damage."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for number in range(noise_records):
        noise = random.Random(number).randbytes(40000)
        writer.write_record(writer.create_warc_record(
            "urn:x:noise", "resource", payload=io.BytesIO(noise), length=len(noise),
            warc_content_type="application/octet-stream"))
    out.write(gzip.compress(page_record() + b"\r\n\r\n" + b"x" * 60000))
    return out.getvalue()


def test_a_damaged_member_never_sends_the_reader_back():
    for noise in (1, 2, 3):
        entries = read(member_with_trailing_junk(noise))
        ids = [entry.where for entry in entries if entry.error is None]
        assert len(ids) == len(set(ids)) == noise + 1  # each record once, the page included
        assert [entry.page.url for entry in entries if entry.page] == ["https://a.example/x"]
        errors = [entry for entry in entries if entry.error]
        assert len(errors) == 1 and errors[0].where.startswith("offset ")
        assert int(errors[0].where.split()[1]) > 0


def with_length(record: bytes, length: bytes) -> bytes:
    return re.sub(rb"Content-Length: \d+\r\n\r\nHTTP", b"Content-Length: " + length + b"\r\n\r\nHTTP", record,
                  count=1)


def test_a_negative_or_non_numeric_content_length_fails_that_record_only():
    good = page_record("https://a.example/good")
    for length in (b"-5", b"abc", b"1e3", b""):
        entries = read(with_length(page_record("https://a.example/bad"), length) + good)
        assert "Content-Length" in entries[0].error and entries[0].page is None
        assert [entry.page.url for entry in entries if entry.page] == ["https://a.example/good"]


def mutate(data: bytes, choices: list[tuple[int, int, int]]) -> bytes:
    out = bytearray(data)
    for kind, where, amount in choices:
        if not out:
            break
        position = where % len(out)
        if kind == 0:
            out[position] ^= 1 << (amount % 8)
        elif kind == 1:
            del out[position:position + amount % 300 + 1]
        elif kind == 2:
            del out[position:]
        else:
            out = bytearray(re.sub(rb"Content-Length: \d+", b"Content-Length: " + (b"-1", b"x", b"999999999", b"0")[
                amount % 4], bytes(out), count=amount % 3 + 1))
    return bytes(out)


BASES = {True: other_tool_warc(True), False: other_tool_warc(False)}
FUZZ = settings(max_examples=150, derandomize=True, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(gzip_records=st.booleans(), choices=st.lists(
    st.tuples(st.integers(0, 3), st.integers(0, 2**20), st.integers(0, 2**10)), min_size=1, max_size=5))
def test_fuzzed_warc_files_are_read_to_the_end_without_going_back(gzip_records, choices):
    data = mutate(BASES[gzip_records], choices)
    entries = read(data)
    # each pass starts past the one before, at a record start: a bounded number of entries
    assert len(entries) <= 2 * (record_starts(data) + 1)
    ids = [entry.where for entry in entries if entry.where.startswith("<urn:")]
    assert len(ids) == len(set(ids))  # no record read twice
    for entry in entries:
        assert (entry.page is None) or entry.error is None


def test_a_corrupt_member_in_the_middle_fails_alone_and_the_records_after_it_are_read():
    """Bytes flipped inside one gzip member's compressed page: that record fails, and reading resumes at
    the next member. Before, warcio took the broken member for the end of the file: every record after
    it was lost with no word said (half of a 288-page export, in the QA run)."""
    chance = random.Random(1)
    words = ["".join(chance.choice("abcdefghij") for _ in range(chance.randint(2, 9))) for _ in range(2000)]

    def page(number: int) -> bytes:  # 30 KB of words that do not compress to nothing
        text = " ".join(chance.choice(words) for _ in range(4800)).encode()
        return b"<html><head><title>Page %d</title></head><body><p>%s</p></body></html>" % (number, text)

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    members = []
    for number in range(5):
        members.append(out.tell())
        writer.write_record(response(writer, f"https://a.example/{number}", page(number),
                                     [("Content-Type", "text/html")]))
    errors = []
    for flip in range(members[2] + 1000, members[3] - 1000, 1000):  # all inside member 2's compressed page
        data = bytearray(out.getvalue())
        data[flip:flip + 40] = bytes(byte ^ 0x5A for byte in data[flip:flip + 40])
        entries = read(bytes(data))
        pages = [entry.page.url for entry in entries if entry.page]
        assert pages == [f"https://a.example/{n}" for n in (0, 1, 3, 4)], (flip - members[2], pages)
        errors += [entry.error for entry in entries if entry.error]
    assert len(errors) == (members[3] - members[2] - 1000) // 1000
    assert any("cut short" in error for error in errors), errors  # the case that lost the rest
