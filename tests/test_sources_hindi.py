"""MEA publishes its briefings in Hindi too (SOURCES.md: PLngId=2): प्रश्न (question), उत्तर (answer) and
'सरकारी प्रवक्ता, श्री …' (official spokesperson, Shri …) label the turns. They gave no turns at all (helper-95's
report), the kind was other and no spokesperson was named."""

from __future__ import annotations

from briefarc.extract.core import extract

PARAGRAPHS = [
    "सरकारी प्रवक्ता, श्री रणधीर जायसवाल: नमस्कार, आज की साप्ताहिक मीडिया ब्रीफिंग में आपका स्वागत है।",
    "प्रश्न: नमस्कार सर, मैं सिद्धांत, WION से। क्या आप बांग्लादेश के साथ बातचीत पर कुछ कह सकते हैं?",
    "सरकारी प्रवक्ता, श्री रणधीर जायसवाल: हमारी स्थिति स्पष्ट है, और हम बातचीत जारी रखेंगे।",
    "प्रश्न: क्या विदेश मंत्री अगले सप्ताह यात्रा करेंगे?",
    "उत्तर: इसकी घोषणा उचित समय पर की जाएगी। धन्यवाद।",
]
TITLE = "सरकारी प्रवक्ता द्वारा साप्ताहिक मीडिया ब्रीफिंग का प्रतिलेख"


def page() -> bytes:
    body = "".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)
    return (f"<html lang='hi'><head><title>{TITLE}</title></head><body><h1>{TITLE}</h1>{body}"
            "</body></html>").encode()


def test_a_hindi_transcript_has_its_turns_kind_and_spokesperson() -> None:
    doc = extract(page(), "https://www.mea.gov.in/media-briefings-hi.htm?dtl/39000/x")
    assert [(turn.role, turn.speaker) for turn in doc.turns] == [
        ("statement", "सरकारी प्रवक्ता, श्री रणधीर जायसवाल"), ("question", "प्रश्न"),
        ("answer", "सरकारी प्रवक्ता, श्री रणधीर जायसवाल"), ("question", "प्रश्न"), ("answer", "उत्तर")]
    assert doc.kind == "briefing"
    assert doc.spokesperson == "रणधीर जायसवाल"


def dated_page(day: str, title: str = TITLE) -> bytes:
    body = "".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)
    return (f"<html lang='hi'><head><meta charset='utf-8'><title>{title}</title></head><body><h1>{title}</h1>"
            f"<p class='date'>{day}</p>{body}</body></html>").encode()


def test_a_hindi_page_is_dated_by_its_hindi_date() -> None:
    """Hindi months were read in no form: Devanagari writes its vowels and the virama as marks, which the month
    pattern's \\w left out (मार्च), and no Hindi month name was known. MEA's Hindi pages were all undated."""
    url = "https://www.mea.gov.in/media-briefings-hi.htm?dtl/39000/x"
    cases = {"12 मार्च 2025": "2025-03-12", "मार्च 12, 2025": "2025-03-12", "12 जनवरी, 2025": "2025-01-12",
             "5 सितम्बर 2024": "2024-09-05", "05 सितंबर 2024": "2024-09-05", "3 फ़रवरी 2023": "2023-02-03",
             "3 फरवरी 2023": "2023-02-03", "अक्तूबर 7, 2022": "2022-10-07", "28 दिसंबर 2021": "2021-12-28"}
    for day, expected in cases.items():
        assert extract(dated_page(day), url).published == expected, day
    titled = dated_page("", f"{TITLE} (मई 16, 2024)")  # the date in the title only, as MEA's titles give it
    assert extract(titled, url).published == "2024-05-16"
