"""Month names in the page's language in the forms pages write them: the first of the month as French writes it
("1er mars 2025"), Spanish "del" before the year ("15 de marzo del 2024"), the Arabic comma ("12 يناير، 2025"), a
day, month and year joined by hyphens ("12-mars-2024"); a hyphenated date a template writes in another
locale than the page declares (HubSpot's byline "on 04-ago-2021 5:11:10" on an en-US page); month names typed
without their accents ("lun. 5 aout 2019", "3 de marco de 2025", "3. Maerz 2025") and Spanish "setiembre"."""

from __future__ import annotations

import pytest

from briefarc.extract.core import extract
from briefarc.extract.dates import find_date_in_language

PARAGRAPHS = {
    "en": "<p>Choosing the right pipe material for a building depends on the water it carries, the pressure in the "
          "system and the budget, and each material has its own strengths for hot and cold water lines.</p>"
          "<p>Copper has long been the standard for supply lines, while plastic pipes cost less, resist corrosion "
          "and are quicker to install in new buildings and in renovations of older ones.</p>",
    "fr": "<p>Le ministre a présenté devant le conseil le nouveau plan de transport régional, qui prévoit la "
          "rénovation des lignes ferroviaires et la création de trois lignes de bus express d'ici deux ans.</p>"
          "<p>Les élus de l'opposition ont demandé une étude d'impact complète avant le vote du budget, prévu pour "
          "la fin du mois, et la publication des coûts ligne par ligne.</p>",
    "es": "<p>El ministerio presentó ante el consejo el nuevo plan de transporte regional, que prevé la renovación "
          "de las líneas ferroviarias y la creación de tres líneas de autobús exprés en dos años.</p>"
          "<p>Los concejales de la oposición pidieron un estudio de impacto completo antes de la votación del "
          "presupuesto, prevista para finales de mes, y la publicación de los costes.</p>",
    "ar": "<p>عرضت الوزارة أمام المجلس الخطة الجديدة للنقل الإقليمي التي تنص على تجديد خطوط السكك الحديدية "
          "وإنشاء ثلاثة خطوط للحافلات السريعة خلال عامين، مع تمويل مشترك من الدولة والبلديات.</p>"
          "<p>وطالب أعضاء المعارضة بدراسة كاملة للأثر قبل التصويت على الميزانية المقرر في نهاية الشهر، "
          "وبنشر التكاليف خطاً بخط قبل أي قرار نهائي.</p>",
}


def page(lang: str, dateline: str, title: str = "Le plan de transport régional présenté au conseil") -> bytes:
    text = PARAGRAPHS[lang[:2]]
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head><body>'
            f'<main><article><h1>{title}</h1><div class="meta">{dateline}</div>'
            f'<div class="content">{text}</div></article></main></body></html>').encode()


@pytest.mark.parametrize(("lang", "dateline", "day"), [
    ("fr", "Publié le 1er mars 2025 par la rédaction", "2025-03-01"),
    ("fr", "Publié le 1ᵉʳ mars 2025", "2025-03-01"),
    ("es", "Publicado el 15 de marzo del 2024", "2024-03-15"),
    ("es", "1º de mayo de 2024", "2024-05-01"),
    ("ar", "نشر في 12 يناير، 2025", "2025-01-12"),
    ("fr", "12-mars-2024 10:30", "2024-03-12"),
    ("es", "Publicado: 04-ago-2021", "2021-08-04"),
    ("fr", "Publié le lun. 5 aout 2019", "2019-08-05"),
    ("fr", "Mis en ligne le 12 fevrier 2025", "2025-02-12"),
    ("fr", "12 dec. 2024", "2024-12-12"),
    ("es", "Publicado el 3 de setiembre de 2024", "2024-09-03"),
])
def test_a_date_line_in_the_pages_language(lang: str, dateline: str, day: str) -> None:
    assert extract(page(lang, dateline), url="https://www.region.example/actualites/plan-transport").published == day


@pytest.mark.parametrize(("text", "language", "day"), [
    ("Publicado em 3 de marco de 2025", "pt", "2025-03-03"),
    ("Veröffentlicht am 3. Maerz 2025", "de", "2025-03-03"),
    ("3. Marz 2025", "de", "2025-03-03"),
])
def test_a_month_typed_without_its_accent(text: str, language: str, day: str) -> None:
    assert find_date_in_language(text, language) == day


def test_a_template_writes_its_byline_in_another_locale_than_the_page_declares() -> None:
    """HubSpot writes the byline's date in the portal's locale ("04-ago-2021"), the page declares en-us."""
    title = "Choosing plumbing material: what's the difference?"
    byline = ('<div class="blog-post__auth-print__author">By: <a href="https://www.pipes.example/blog/author/emea">'
              "Pipes EMEA</a> on 04-ago-2021 5:11:10</div>")
    html = page("en-us", byline, title)
    assert extract(html, url="https://www.pipes.example/blog/choosing-plumbing-material").published == "2021-08-04"


@pytest.mark.parametrize(("text", "language"), [
    ("Item 12-foo-2021 in stock", "en"),  # no month in any language
    ("Part 3-jui-2021", "fr"),  # "jui": juin or juillet
])
def test_a_hyphenated_word_that_names_no_one_month_is_no_date(text: str, language: str) -> None:
    assert find_date_in_language(text, language) is None
