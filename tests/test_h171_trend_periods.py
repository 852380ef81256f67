"""trend runs its periods from --since to --until, empty ones shown, so that series asked for the same dates line
up: it started at the first period with a document (`--since 2018 --until 2018 --by quarter` at 2018-Q2, and
`--since 2014 --until 2030` at 2016) and stopped at the last."""

from __future__ import annotations

from datetime import date


def periods(cli, db, *args: str) -> list[str]:
    result = cli("trend", "tariffs", *args, "--db", db, "--json")
    assert result.code == 0, result.stderr
    return [row["period"] for row in result.jsonl()]


def test_the_periods_run_from_since_to_until(cli, sample_db):
    assert periods(cli, sample_db, "--by", "quarter", "--since", "2018", "--until", "2018") == [
        "2018-Q1", "2018-Q2", "2018-Q3", "2018-Q4"]  # the sample of 2018 is of June
    assert periods(cli, sample_db, "--by", "year", "--since", "2014", "--until", "2019") == [
        str(year) for year in range(2014, 2020)]
    assert periods(cli, sample_db, "--since", "2018-04-20", "--until", "2018-08") == [
        "2018-04", "2018-05", "2018-06", "2018-07", "2018-08"]


def test_an_until_after_today_stops_at_todays_period(cli, sample_db):
    years = periods(cli, sample_db, "--by", "year", "--since", "2016", "--until", "2099")
    assert years == [str(year) for year in range(2016, date.today().year + 1)]


def test_one_end_given_fixes_that_end_only(cli, sample_db):
    everything = periods(cli, sample_db, "--by", "year")
    assert everything[0] == "2018"  # without --since, the first year with a document, as before
    assert periods(cli, sample_db, "--by", "year", "--since", "2015") == ["2015", "2016", "2017", *everything]
    assert periods(cli, sample_db, "--by", "year", "--until", "2099")[:len(everything)] == everything


def test_series_of_different_sources_line_up(cli, sample_db):
    china = periods(cli, sample_db, "--by", "year", "--source", "fmprc", "--since", "2017", "--until", "2025")
    others = periods(cli, sample_db, "--by", "year", "--source", "others", "--since", "2017", "--until", "2025")
    assert china == others == [str(year) for year in range(2017, 2026)]
