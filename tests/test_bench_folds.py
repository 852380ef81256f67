"""bench/extraction.py --folds: the figures on each of four fixed folds of a set, fold 0 being the held-out part."""

from __future__ import annotations

from tests.test_bench_readability import bench_module


def test_fold_zero_is_the_held_out_part_and_every_fold_is_reported(capsys) -> None:
    bench = bench_module("extraction")
    keys = [f"{number:04d}" for number in range(40)]
    assert {bench.fold_of(key) for key in keys} == {0, 1, 2, 3}
    assert all((bench.fold_of(key) == 0) == (bench.part_of(key) == "held-out") for key in keys)
    cases = [bench.Case(key, "", None, "alpha beta gamma", date="2025-03-12") for key in keys]
    # right on fold 1's pages only: body and date
    found = {case.key: bench.Found(body=case.body if bench.fold_of(case.key) == 1 else "",
                                   date="2025-03-12" if bench.fold_of(case.key) == 1 else None) for case in cases}
    bench.report_folds("wcxb", cases, {"briefarc": (found, 1.0)})
    lines = capsys.readouterr().out.splitlines()
    folds = {int(line.split()[2]): line.split()[-4:] for line in lines if line.split()[1] == "fold"}
    assert folds[1][:2] == ["1.000", "1.000"]
    assert all(folds[fold][:2] == ["0.000", "0.000"] for fold in (0, 2, 3))
    assert [line.split()[1] for line in lines if line.split()[1] in ("mean", "min", "max")] == ["mean", "min", "max"]
