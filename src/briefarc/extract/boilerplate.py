"""Boilerplate text inside the article's container: advertising labels, "read also" lead-ins to
links, leftover markup, link lists. Phrases are data, in the languages of the sources (English,
French, German, Spanish, Portuguese, Italian, Russian, Chinese, Arabic).
"""

from __future__ import annotations

import re

from briefarc.patterns import lazy

MARKUP_TEXT = lazy(r"^<\w[^>]*>$")
# A block that is nothing but one of these is furniture.
LABELS = (
    r"advertisement|advertising|sponsored(?: content)?|story continues below(?: advertisement)?"
    r"|continue reading(?: below)?|scroll to continue(?: with content)?|share this(?: article)?|skip (?:to )?ad"
    r"|anzeige|werbung|publicité|publicidad|publicidade|pubblicità|реклама|广告|إعلان"
)
# A paragraph that is nothing but a byline's opening word, the name set apart from it in its own element
# ("By", "Von"). Not a table's cell: "Par" on a golf card, "Di" (Tuesday) in a German timetable.
LONE_BYLINE_WORD = lazy(r"^[\W_]*(?:by|von|par|por|di|автор)[\W_]*$", re.I)
# A short block that opens with one of these introduces links to other articles.
LEAD_INS = (
    r"read (?:more|also|next)|also read|see also|related(?: articles?| stories| posts| content| reading)?"
    r"|more on this(?: story| topic)?|you (?:may|might) also like|recommended(?: for you| reading)?"
    r"|mehr zum thema|lesen sie auch|lesen sie mehr|auch interessant|weitere artikel|mehr dazu"
    r"|das könnte sie auch interessieren|lire aussi|à lire aussi|a lire aussi|voir aussi|sur le même sujet"
    r"|lire la suite|en savoir plus|lea también|lee también|leer más|ver también|te puede interesar"
    r"|noticias relacionadas|más información|veja também|leia também|leia mais|saiba mais|veja mais"
    r"|notícias relacionadas|leggi anche|per saperne di più|читайте также|смотрите также|по теме|подробнее"
    r"|相关阅读|相关新闻|延伸阅读|推荐阅读|阅读更多|更多阅读|اقرأ أيضا|اقرأ أيضاً|اقرأ المزيد|شاهد أيضا|مواضيع ذات صلة"
)
# Every phrase starts with a letter, which the text's first letter (after [\W_]*) must be: the lookahead
# fails most texts at once, where each phrase would be tried in turn.
FIRST_LETTERS = "".join(sorted({phrase[0] for phrase in LABELS.split("|")}))
LABEL_TEXT = lazy(rf"^[\W_]*(?=[{FIRST_LETTERS}])(?:{LABELS})[\W_]*$", re.I)
LEAD_IN_TEXT = lazy(rf"^[\W_]*(?:{LEAD_INS})(?:\s*[:：»›|\-–—>]|\s*$)", re.I)
LEAD_IN_START = lazy(rf"^[\W_]*(?:{LEAD_INS})\b", re.I)
LEAD_IN_LENGTH = 160
# A short block that opens with one of these and is much of it links files the article under its categories.
TAXONOMY = lazy(
    r"^[\W_]*(?:categor(?:y|ies)|tags?|tagged(?: with| as)?|filed under|posted in|topics?|kategorien?"
    r"|schlagw(?:ö|o)rte?|getaggt mit|themen|catégories?|étiquettes?|mots-clés|categorías?|categorias?|etiquetas"
    r"|categorie|argomenti"
    r"|рубрик[аи]|метки|теги|标签|分类|التصنيفات|الوسوم)\s*[:：]", re.I)
# A block that is nothing but the time the article takes to read ("4 Min Read", "Lesezeit: 3 Minuten").
MINUTES = r"(?:min(?:ute)?s?|minuten|minutos|minuti|мин(?:ут[аы]?)?|分钟|دقائق|دقيقة)\.?"
READING = (r"(?:(?:estimated )?read(?:ing)? time|lesezeit|lesedauer|temps de lecture|tiempo de lectura"
           r"|tempo de leitura|tempo di lettura|время чтения|(?:预计)?阅读时间|وقت القراءة)\s*[:：]?"
           r"|(?:lecture|lectura|leitura)\s*[:：]")  # the bare word with its colon: "Lecture 3 - 45 min" is a class
READ = r"read|reading|lesezeit|lesedauer|de lecture|de lectura|de leitura|di lettura|чтения|阅读|للقراءة"
NUMBER = r"\d+(?:[.,]\d+)?(?:\s*[-–]\s*\d+)?"
READING_TIME = lazy(rf"^[\W_]*(?:(?:{READING})\s*(?:about |ca\. |~)?{NUMBER}\s*{MINUTES}"
                    rf"|{NUMBER}[-\s]*{MINUTES}\s*(?:{READ}))[\W_]*$", re.I)
READING_TIME_LENGTH = 40
# A Chinese report's closing credit of its editors, alone on its line: "（责编：张华、陈静）", "【责任编辑:王晓】".
EDITOR_WORDS = ("责任编辑", "责编", "编辑", "实习编辑", "审核", "校对")
EDITOR_CREDIT = lazy(r"^[（(【\[]?\s*(?:" + "|".join(EDITOR_WORDS) + r")\s*[:：]"
                     r"\s*[\u4e00-\u9fff·、，,\s]{2,30}[）)】\]]?$")
EDITOR_CREDIT_LENGTH = 40


def _may_credit_editors(text: str) -> bool:
    """Whether the text opens as EDITOR_CREDIT's lines do: a bracket or none, spaces, and one of its words. Its
    class of Han characters costs 13.8M instructions to compile (re expands it one code point at a time), which a
    page without such a line is spared."""
    return (text[1:] if text[:1] in "（(【[" else text).lstrip().startswith(EDITOR_WORDS)


def is_boilerplate(text: str, link_density: float) -> bool:
    """True for a label, a reading time, a "read also" lead-in (short, and ending or followed by a colon or
    links), an editor's credit, or leftover markup."""
    if (text.startswith("<") and MARKUP_TEXT.match(text)) or LABEL_TEXT.match(text):
        return True
    if len(text) <= EDITOR_CREDIT_LENGTH and _may_credit_editors(text) and EDITOR_CREDIT.match(text):
        return True
    if len(text) <= READING_TIME_LENGTH and READING_TIME.match(text):
        return True
    if len(text) <= LEAD_IN_LENGTH and LEAD_IN_TEXT.match(text):
        return True
    return len(text) <= LEAD_IN_LENGTH and link_density > 0.3 and (
        LEAD_IN_START.match(text) is not None or TAXONOMY.match(text) is not None)


# A heading that is nothing but one of these opens the page's list of other articles, not a section.
TAIL_HEADINGS = (
    rf"{LEAD_INS}|read this next|(?:the )?latest(?: news| posts| articles| stories)?"
    r"|more (?:news|stories|articles|posts)"
    r"|(?:most )?popular(?: posts| stories| articles)?|most read|trending(?: now)?|recent (?:posts|articles|news)"
    r"|neueste artikel|dernières actualités|à la une|últimas noticias|últimas notícias|последние новости"
    r"|最新文章|最新新闻|热门文章|الأكثر قراءة|آخر الأخبار"
)
# "Related" alone may head a section of the article itself (related work, related problems): not taken.
TAIL_HEADING = lazy(rf"^[\W_]*(?!related[\W_]*$)(?:{TAIL_HEADINGS})[\W_]*$", re.I)
