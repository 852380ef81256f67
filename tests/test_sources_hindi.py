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
