"""Titles in languages that quote with guillemets and space their colons (French, as ministries of foreign
affairs and their press services write them): a closing guillemet is no separator between a headline and a
site's name, nor is a spaced colon inside the headline; the site's name still comes off."""

from __future__ import annotations

import pytest

from briefarc.extract.core import extract
from briefarc.extract.title import clean_title, strip_site_suffix

BODY = ("<p>Le porte-parole a rappelé que la position du gouvernement n'avait pas changé depuis la réunion du "
        "conseil, et que les discussions se poursuivraient avec les partenaires européens dans les semaines "
        "à venir.</p>"
        "<p>Interrogé sur le calendrier, il a indiqué que le texte serait présenté au Parlement avant la fin de la "
        "session, après une consultation des collectivités et des organisations professionnelles concernées.</p>")
URL = "https://www.diplomatie.example/fr/presse/point-de-presse-du-porte-parole"


def french_page(head: str, headline: str = "") -> bytes:
    return (f'<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">{head}</head><body><main><article>'
            f"{headline}{BODY}</article></main></body></html>").encode()


SITE = '<meta property="og:site_name" content="Le Journal">'


@pytest.mark.parametrize("head", [
    f"<title>Le ministre dit « non » au projet de loi - Le Journal</title>{SITE}",
    "<title>Le ministre dit «\u00a0non\u00a0» au projet de loi</title>",
    '<meta property="og:title" content="Le ministre dit « non » au projet de loi">',
])
def test_a_quotation_in_guillemets_stays_whole(head: str) -> None:
    assert extract(french_page(head), url=URL).title == "Le ministre dit « non » au projet de loi"


def test_a_title_that_ends_on_a_quotation_keeps_its_closing_guillemet() -> None:
    head = f"<title>Le porte-parole : « Nous refusons ce projet » | Le Journal</title>{SITE}"
    assert extract(french_page(head), url=URL).title == "Le porte-parole : « Nous refusons ce projet »"


def test_a_title_that_opens_on_a_quotation_loses_only_the_site_name() -> None:
    head = f"<title>« Nous refusons » : le ministre répond au projet | Le Journal</title>{SITE}"
    assert extract(french_page(head), url=URL).title == "« Nous refusons » : le ministre répond au projet"


@pytest.mark.parametrize("head", [
    f"<title>La Chine et la France : un partenariat renouvelé | Le Journal</title>{SITE}",
    '<meta property="og:title" content="La Chine et la France : un partenariat renouvelé">',
])
def test_a_spaced_colon_inside_the_headline_is_no_separator(head: str) -> None:
    assert extract(french_page(head), url=URL).title == "La Chine et la France : un partenariat renouvelé"


def test_site_names_and_breadcrumb_separators_still_come_off() -> None:
    names = {"le journal"}
    assert strip_site_suffix("Le ministre dit « non » au projet | Le Journal", names) == \
        "Le ministre dit « non » au projet"
    assert strip_site_suffix("Le Journal » Politique » Le ministre répond au projet", names) == \
        "Politique » Le ministre répond au projet"
    assert strip_site_suffix("Le Journal : Le ministre répond au projet", names) == "Le ministre répond au projet"
    assert strip_site_suffix("Budget talks resume after long pause - Example News", set()) == \
        "Budget talks resume after long pause"


def test_a_site_name_after_a_spaced_colon_still_comes_off() -> None:
    """A site's name (or a date) after " : " starts with a capital or a digit: the colon separates it."""
    page = (b"<!DOCTYPE html><html lang='en'><head><title>Statement on the attack in Kabul : Foreign Office News"
            b"</title></head><body><main><article>" + BODY.encode() + b"</article></main></body></html>")
    assert extract(page, url="https://example.org/news/kabul-attack").title == "Statement on the attack in Kabul"
    assert strip_site_suffix("Regular Press Conference : March 3, 2025 : MFA", set()) == "Regular Press Conference"
    assert strip_site_suffix("Le porte-parole répond aux questions : « Nous refusons » | Le Journal", {"le journal"}) \
        == "Le porte-parole répond aux questions : « Nous refusons »"


def test_only_a_guillemet_that_closes_a_quotation_stays_at_the_end() -> None:
    assert clean_title("Wang Yi: the «Global South» »") == "Wang Yi: the «Global South»"
    quoting = "Le porte-parole : « Nous refusons ce projet »"
    assert clean_title(quoting) == quoting
