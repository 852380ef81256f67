"""The publication date of news reports and briefing pages in the languages of the sources, as the big
publishing systems render them: WordPress, Drupal, Ghost, Blogger, Medium, Substack, an Arc-like newsroom
system, and the templates of national newspapers and agencies (French, German, Spanish, Portuguese, Russian,
Chinese, Arabic, Urdu and English ones). The pages are written for these tests, in those systems' markup
shapes, each with the day written as such sites write it ("12 mars 2025 à 14h05", "Stand: 12.03.2025 14:05
Uhr", "١٢ مارس ٢٠٢٥", "2025年03月12日14:05") and with the dates that are not the article's (a comment's,
a related card's, a "most read" list's, a footer's copyright year, a site header's today's date).

The rule order: a declared datePublished over dateModified; then the byline or <time> by the headline; then
the URL. Each case is (name, URL, page, expected ISO day)."""

from __future__ import annotations

import json

import pytest

from briefarc.extract.core import extract

# --- the texts, in each language ---------------------------------------------------------------------

BODY = {
    "en": ("Foreign Ministry spokesperson told reporters on Wednesday that the government had summoned the envoy "
           "to convey its concern over the incident, and that consultations with partners were under way.",
           "Asked about the timetable for the next round of talks, the spokesperson said both delegations had "
           "agreed to meet again before the end of the month and that technical teams would prepare the ground.",
           "The ministry also announced a visit by the foreign minister to three countries in the region, where "
           "trade, energy and the protection of citizens abroad are expected to top the agenda of the meetings."),
    "fr": ("Le porte-parole du ministère des Affaires étrangères a déclaré mercredi que le gouvernement avait "
           "convoqué l'ambassadeur pour lui faire part de sa préoccupation après l'incident survenu à la frontière.",
           "Interrogé sur le calendrier des prochaines négociations, il a indiqué que les deux délégations "
           "s'étaient entendues pour se retrouver avant la fin du mois et que des équipes techniques y travaillaient.",
           "Le ministère a également annoncé une tournée du ministre dans trois pays de la région, où le commerce, "
           "l'énergie et la protection des ressortissants devraient dominer l'ordre du jour des entretiens."),
    "de": ("Ein Sprecher des Auswärtigen Amts sagte am Mittwoch in Berlin, die Bundesregierung habe den Botschafter "
           "einbestellt, um ihre Sorge über den Vorfall an der Grenze deutlich zum Ausdruck zu bringen.",
           "Auf die Frage nach dem Zeitplan für die nächste Verhandlungsrunde sagte er, beide Delegationen wollten "
           "sich noch vor Monatsende erneut treffen; technische Arbeitsgruppen bereiteten das Treffen bereits vor.",
           "Das Ministerium kündigte zudem eine Reise der Außenministerin in drei Länder der Region an, bei der "
           "Handel, Energie und der Schutz deutscher Staatsangehöriger im Mittelpunkt der Gespräche stehen sollen."),
    "es": ("El portavoz del Ministerio de Asuntos Exteriores afirmó este miércoles que el Gobierno había convocado "
           "al embajador para trasladarle su preocupación por el incidente ocurrido en la frontera.",
           "Preguntado por el calendario de la próxima ronda de negociaciones, el portavoz señaló que ambas "
           "delegaciones acordaron reunirse de nuevo antes de fin de mes y que los equipos técnicos ya trabajan.",
           "El ministerio anunció además una gira del ministro por tres países de la región, donde el comercio, la "
           "energía y la protección de los ciudadanos en el exterior centrarán la agenda de las reuniones."),
    "pt": ("O porta-voz do Ministério das Relações Exteriores afirmou nesta quarta-feira que o governo convocou o "
           "embaixador para manifestar a sua preocupação com o incidente ocorrido na fronteira.",
           "Questionado sobre o calendário da próxima rodada de negociações, o porta-voz disse que as duas "
           "delegações concordaram em se reunir novamente antes do fim do mês e que equipes técnicas já trabalham.",
           "O ministério anunciou ainda uma viagem do chanceler a três países da região, onde comércio, energia e "
           "a proteção dos cidadãos no exterior devem dominar a agenda dos encontros bilaterais."),
    "ru": ("Официальный представитель МИД заявила в среду, что посол был вызван в министерство, где ему выразили "
           "озабоченность в связи с инцидентом на границе и потребовали объяснений.",
           "Отвечая на вопрос о сроках следующего раунда переговоров, она сообщила, что делегации договорились "
           "встретиться до конца месяца, а технические группы уже готовят почву для встречи.",
           "В министерстве также объявили о поездке министра в три страны региона, где в центре внимания будут "
           "торговля, энергетика и защита граждан за рубежом, а также вопросы региональной безопасности."),
    "zh": ("外交部发言人在例行记者会上表示，中方已召见有关国家驻华大使，就边境事件表达严重关切，并要求对方作出解释。"
           "发言人说，双方代表团同意在本月底前再次会晤，技术团队正在为此做准备。",
           "在回答有关下一轮磋商时间表的提问时，发言人表示，中方愿同各方一道，通过对话协商妥善处理分歧，"
           "维护地区和平稳定，推动双边关系健康稳定发展。",
           "发言人还宣布，外交部长将应邀访问地区三国，双方将就贸易、能源以及保护海外公民安全等议题深入交换意见，"
           "并签署一系列合作文件。"),
    "ar": ("قال المتحدث باسم وزارة الخارجية يوم الأربعاء إن الحكومة استدعت السفير لإبلاغه قلقها البالغ إزاء الحادث "
           "الذي وقع على الحدود، وطالبت بتوضيحات عاجلة بشأن ملابساته.",
           "وردا على سؤال بشأن موعد الجولة المقبلة من المحادثات، أوضح المتحدث أن الوفدين اتفقا على الاجتماع مجددا "
           "قبل نهاية الشهر، وأن الفرق الفنية تعمل على التحضير لهذا الاجتماع.",
           "وأعلنت الوزارة أيضا عن جولة للوزير تشمل ثلاث دول في المنطقة، حيث ستتصدر التجارة والطاقة وحماية "
           "المواطنين في الخارج جدول أعمال اللقاءات الثنائية."),
    "ur": ("دفتر خارجہ کی ترجمان نے بدھ کے روز ہفتہ وار بریفنگ میں کہا کہ حکومت نے سفیر کو طلب کر کے سرحد پر پیش "
           "آنے والے واقعے پر شدید تشویش سے آگاہ کیا ہے اور وضاحت طلب کی ہے۔",
           "مذاکرات کے اگلے دور کے بارے میں سوال پر ترجمان نے کہا کہ دونوں وفود نے مہینے کے آخر سے پہلے دوبارہ "
           "ملاقات پر اتفاق کیا ہے اور تکنیکی ٹیمیں اس کی تیاری کر رہی ہیں۔",
           "ترجمان نے وزیر خارجہ کے خطے کے تین ممالک کے دورے کا بھی اعلان کیا جہاں تجارت، توانائی اور بیرون ملک "
           "شہریوں کے تحفظ کے امور بات چیت کے ایجنڈے میں سرفہرست ہوں گے۔"),
}
TITLES = {
    "en": "Ministry summons envoy over border incident, says talks will resume this month",
    "fr": "Le ministère convoque l'ambassadeur après l'incident à la frontière",
    "de": "Auswärtiges Amt bestellt Botschafter nach Grenzvorfall ein",
    "es": "Exteriores convoca al embajador tras el incidente en la frontera",
    "pt": "Itamaraty convoca embaixador após incidente na fronteira",
    "ru": "МИД вызвал посла после инцидента на границе",
    "zh": "外交部召见大使 就边境事件表达严重关切",
    "ar": "الخارجية تستدعي السفير بعد حادث الحدود وتطالب بتوضيحات",
    "ur": "دفتر خارجہ نے سرحدی واقعے پر سفیر کو طلب کر لیا",
}


def paras(lang: str) -> str:
    return "".join(f"<p>{text}</p>" for text in BODY[lang])


def ld(kind: str = "NewsArticle", **fields: str) -> str:
    data = json.dumps({"@context": "https://schema.org", "@type": kind, **fields})
    return f'<script type="application/ld+json">{data}</script>'


def page(lang: str, body: str, head: str = "", site: str = "Example News", html_lang: str | None = None) -> bytes:
    """A page with the language's title; `body` holds the headline and the article as the system renders them."""
    lang_attr = f' lang="{html_lang if html_lang is not None else lang}"' if html_lang != "" else ""
    direction = ' dir="rtl"' if lang in ("ar", "ur") else ""
    return (f'<!DOCTYPE html><html{lang_attr}{direction}><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{TITLES[lang]} | {site}</title>{head}</head><body>{body}</body></html>").encode()


NAV = ('<header class="site-header"><a class="logo" href="/">Example News</a><nav><ul><li><a href="/world">'
       'World</a></li><li><a href="/politics">Politics</a></li><li><a href="/business">Business</a></li></ul></nav>'
       '</header>')
FOOTER_2024 = '<footer class="site-footer"><p>© 2024 Example Media Group. All rights reserved.</p></footer>'


def comments(*days: str) -> str:
    items = "".join(
        f'<li class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">Reader {n}'
        f'</b> <time datetime="{day}T09:00:00+00:00">{day}</time></footer><div class="comment-content"><p>'
        f"Thanks for the report, very useful to follow these talks.</p></div></article></li>"
        for n, day in enumerate(days))
    return f'<div id="comments" class="comments-area"><h2>Comments</h2><ol class="comment-list">{items}</ol></div>'


def related(*cards: tuple[str, str]) -> str:
    items = "".join(f'<div class="card"><a href="/news/{n}"><h3>{title}</h3></a><span class="card-date">{day}'
                    f"</span></div>" for n, (title, day) in enumerate(cards))
    return f'<section class="more-stories"><h2>More stories</h2>{items}</section>'


EN = TITLES["en"]
CASES: list[tuple[str, str, bytes, str]] = []


def case(name: str, url: str, html: bytes, expected: str) -> None:
    CASES.append((name, url, html, expected))


# --- WordPress: Yoast meta and the theme's entry-meta; dated comments under the post --------------------------
case("wordpress-en", "https://ministrywatch.example/ministry-summons-envoy/", page("en", (
    f'{NAV}<main id="main"><article class="post type-post"><header class="entry-header"><h1 class="entry-title">{EN}'
    '</h1><div class="entry-meta"><span class="posted-on">Posted on <a href="/ministry-summons-envoy/" rel="bookmark">'
    '<time class="entry-date published" datetime="2025-03-12T14:05:00+00:00">March 12, 2025</time><time class="updated"'
    ' datetime="2025-03-14T08:00:00+00:00">March 14, 2025</time></a></span><span class="byline"> by <a class="url fn'
    f' n" href="/author/jane/">Jane Roe</a></span></div></header><div class="entry-content">{paras("en")}</div>'
    f"</article>{comments('2025-03-13', '2025-03-15')}</main>{FOOTER_2024}"),
    '<meta property="article:published_time" content="2025-03-12T14:05:00+00:00">'
    '<meta property="article:modified_time" content="2025-03-14T08:00:00+00:00">'), "2025-03-12")

# a French WordPress theme without an SEO plugin: no meta date, the entry-meta in French
case("wordpress-fr", "https://diplomatie-info.example/le-ministere-convoque-lambassadeur/", page("fr", (
    f'{NAV}<main><article class="post"><header class="entry-header"><h1 class="entry-title">{TITLES["fr"]}</h1>'
    '<div class="entry-meta"><span class="posted-on">Publié le <a href="#"><time class="entry-date published updated" '
    'datetime="2025-03-12T14:05:00+01:00">12 mars 2025</time></a></span> <span class="byline">par <a href="#">Claire'
    f' Dubois</a></span></div></header><div class="entry-content">{paras("fr")}</div></article>'
    f"{comments('2025-03-13')}</main>{FOOTER_2024}")), "2025-03-12")

# a French WordPress theme that writes the date as text only, with no <time>
case("wordpress-fr-text", "https://diplomatie-info.example/?p=4521", page("fr", (
    f'{NAV}<main><article class="post"><h1 class="entry-title">{TITLES["fr"]}</h1><p class="post-meta">Publié le '
    f'12 mars 2025 à 14h05 par Claire Dubois</p><div class="entry-content">{paras("fr")}</div></article></main>'
    f"{FOOTER_2024}")), "2025-03-12")

# --- Drupal: the "Submitted by" line (its default format, month first) and a date field --------------------
case("drupal-en", "https://foreign-affairs.example/node/18342", page("en", (
    f'{NAV}<div class="layout-container"><main role="main"><div class="region region-content"><article '
    f'role="article" class="node node--type-article node--view-mode-full"><h1 class="page-title"><span '
    f'class="field field--name-title">{EN}</span></h1><div class="node__meta"><span>Submitted by <span '
    'class="username">editor</span> on '
    '<span class="field field--name-created">Tue, 03/04/2025 - 14:05</span></span></div><div class="field '
    f'field--name-body">{paras("en")}</div></article></div></main></div>{FOOTER_2024}')), "2025-03-04")

# Drupal with the date field as a <time>, and a "Related content" view of other nodes above the body
case("drupal-time", "https://foreign-affairs.example/en/news/ministry-summons-envoy", page("en", (
    f'{NAV}<main><article class="node node--type-news"><h1>{EN}</h1><div class="field field--name-field-date">'
    '<time datetime="2025-03-12T12:00:00Z">12 March 2025</time></div><div class="view view-related-content">'
    '<div class="views-row"><a href="/en/news/a">Minister meets counterpart</a> <time datetime="2025-03-01T12:00:00Z">'
    f'1 March 2025</time></div></div><div class="field--name-body">{paras("en")}</div></article></main>'
    f"{FOOTER_2024}")), "2025-03-12")

# --- Arc / Washington-Post-like: a Fusion global with the dates, the display date with a.m./p.m. and zone ------
case("arc-like", "https://dailypost.example/world/2025/03/12/ministry-summons-envoy-border/", page("en", (
    f'{NAV}<main><article><div class="headline"><h1 data-qa="headline">{EN}</h1></div><div data-qa="attribution">'
    '<span>By <a href="/people/jane-roe/">Jane Roe</a></span></div><div class="display-date" data-qa="timestamp">'
    '<span>March 12, 2025 at 10:05 a.m. EDT</span></div><div class="article-body">'
    f'{paras("en")}</div></article></main>'
    '<script>Fusion.globalContent={"first_publish_date":"2025-03-12T14:05:12.345Z","display_date":"2025-03-12T14:05:'
    '12.345Z","last_updated_date":"2025-03-14T09:00:00.000Z"};</script>'
    f"{FOOTER_2024}")), "2025-03-12")

# the same system where the display date is the update's: "Updated March 14, 2025", the first one in the data
case("arc-updated", "https://dailypost.example/world/ministry-summons-envoy-border/", page("en", (
    f'{NAV}<main><article><h1>{EN}</h1><div class="byline">By Jane Roe</div><div class="display-date">'
    '<span>Updated March 14, 2025 at 5:00 a.m. EDT</span></div><div class="article-body">'
    f'{paras("en")}</div></article></main>'
    '<script>Fusion.globalContent={"type":"story","first_publish_date":"2025-03-12T14:05:12.345Z",'
    '"last_updated_date":"2025-03-14T09:00:00.000Z"};</script>'
    f"{FOOTER_2024}")), "2025-03-12")

# --- Ghost, Medium, Substack, Blogger ------------------------------------------------------------------------
case("ghost", "https://briefingnotes.example/ministry-summons-envoy/", page("en", (
    f'<header class="gh-head">{NAV}</header><main class="gh-main"><article class="article post"><header '
    f'class="article-header gh-canvas"><h1 class="article-title">{EN}</h1><div class="article-byline-meta">'
    '<h4 class="author-name"><a href="/author/jane/">Jane Roe</a></h4><div class="byline-meta-content">'
    '<time class="byline-meta-date" datetime="2025-03-12">Mar 12, 2025</time><span class="byline-reading-time">'
    f'<span class="bull">•</span> 4 min read</span></div></div></header><section class="gh-content gh-canvas">'
    f'{paras("en")}</section></article><section class="article-comments"><h3>You might also like</h3>'
    '<article class="post-card"><a href="/older/"><h3 class="post-card-title">Talks on water sharing resume in the '
    'capital</h3></a><time datetime="2025-02-20">Feb 20, 2025</time></article></section></main>'),
    ld("Article", headline=EN, datePublished="2025-03-12T14:05:00.000Z", dateModified="2025-03-14T08:00:00.000Z")),
    "2025-03-12")

case("medium", "https://medium.example/@janeroe/ministry-summons-envoy-3f9a1c2b7d4e", page("en", (
    '<div id="root"><div class="a b c"><nav>Medium</nav><article><div><section><div><h1 data-testid="storyTitle" '
    f'class="pw-post-title">{EN}</h1><div class="speechify-ignore"><div><span data-testid="authorName">Jane Roe'
    '</span></div><div><span data-testid="storyReadTime">4 min read</span><span>·</span><span '
    f'data-testid="storyPublishDate">Mar 12, 2025</span></div></div>{paras("en")}</div></section></div></article>'
    "</div></div>"),
    '<meta property="article:published_time" content="2025-03-12T14:05:00.123Z">'), "2025-03-12")

case("substack", "https://janeroe.substack.example/p/ministry-summons-envoy", page("en", (
    f'<div class="main-menu">{NAV}</div><article class="typography newsletter-post post"><div class="post-header">'
    f'<h1 class="post-title published">{EN}</h1><h3 class="subtitle">What the briefing said and what it left out'
    '</h3><div class="post-meta"><div class="profile-hover-card-target"><a href="/profile">Jane Roe</a></div>'
    f'<div class="pencraft">Mar 12, 2025</div></div></div><div class="available-content"><div class="body markup">'
    f'{paras("en")}</div></div></article><div class="comments-page"><div class="comment"><div class="comment-meta">'
    '<a href="/p/ministry-summons-envoy/comment/1">Mar 13</a></div><p>Great piece.</p></div></div>'),
    ld(headline=EN, datePublished="2025-03-12T14:05:00+00:00", dateModified="2025-03-13T10:00:00+00:00")),
    "2025-03-12")

# Blogger: the date header above the post's title, the timestamp under it in the blog's language
case("blogger-fr", "https://carnet-diplo.blogspot.example/2025/03/le-ministere-convoque.html", page("fr", (
    '<div class="header"><h1 class="title">Carnet diplomatique</h1></div><div class="main-inner"><div '
    'class="blog-posts hfeed"><div class="date-outer"><h2 class="date-header"><span>mercredi 12 mars 2025</span>'
    '</h2><div '
    'class="date-posts"><div class="post-outer"><div class="post hentry"><h3 class="post-title entry-title">'
    f'{TITLES["fr"]}</h3><div class="post-body entry-content">{paras("fr")}</div><div class="post-footer">Publié par '
    '<span class="fn">Claire</span> à <abbr class="published" title="2025-03-12T14:05:00+01:00">14:05</abbr></div>'
    '</div></div></div></div></div></div>')), "2025-03-12")

# --- BBC-like: the JSON-LD, a <time> by the headline, a "Most read" list and related cards ---------------------
case("bbc-like", "https://broadcaster.example/news/world-68512345", page("en", (
    f'{NAV}<div id="main-content"><article><header><h1 id="main-heading">{EN}</h1></header><div '
    'data-component="byline-block"><time datetime="2025-03-12T14:05:00.000Z">12 March 2025</time><span>James Park, '
    f'Diplomatic correspondent</span></div><div data-component="text-block">{paras("en")}</div></article>'
    '<section data-component="links-block"><h2>Related</h2><ul><li><a href="/news/world-68400001">Border talks '
    'stall</a> <time datetime="2025-02-27T09:00:00.000Z">27 February 2025</time></li></ul></section>'
    '<div class="most-read"><h2>Most read</h2><ol><li><a href="/news/1">Storm warning for the coast</a></li></ol>'
    '</div></div>'),
    ld("ReportageNewsArticle", headline=EN, datePublished="2025-03-12T14:05:00.000Z",
       dateModified="2025-03-12T16:40:00.000Z")), "2025-03-12")

# relative time by the headline, the absolute day only in the <time>'s attribute
case("relative-time-attr", "https://broadcaster.example/news/world-68512346", page("en", (
    f'{NAV}<article><h1>{EN}</h1><div class="byline"><time datetime="2025-03-12T14:05:00.000Z">3 hours ago</time>'
    f'</div>{paras("en")}</article>{FOOTER_2024}')), "2025-03-12")

# relative time beside an absolute one on the same line
case("relative-beside-absolute", "https://wire.example/world/ministry-summons-envoy-idUS1234", page("en", (
    f'{NAV}<article><h1>{EN}</h1><div class="article-info"><span>12 March 2025</span> · <span>Updated 3 hours ago'
    f'</span></div>{paras("en")}</article>{FOOTER_2024}')), "2025-03-12")

# --- "Published ... | Updated ..." lines in both orders -----------------------------------------------------------
case("published-updated-line", "https://tribune-like.example/story/2547813/ministry-summons-envoy", page("en", (
    f'{NAV}<div class="story"><h1>{EN}</h1><div class="left-authorbox"><span>Our Correspondent</span><span>Published:'
    f' March 12, 2025 | Updated: March 14, 2025</span></div><div class="story-text">{paras("en")}</div></div>'
    f"{FOOTER_2024}")), "2025-03-12")

case("updated-published-line", "https://tribune-like.example/story/2547814/ministry-summons-envoy", page("en", (
    f'{NAV}<div class="story"><h1>{EN}</h1><div class="meta"><span>Updated: March 14, 2025 | Published: March 12, '
    f'2025</span></div><div class="story-text">{paras("en")}</div></div>{FOOTER_2024}')), "2025-03-12")

# --- a Pakistani-paper-like story: label and timeago span, a "most popular" box of dated headlines above the story
case("popular-box-above", "https://paper-pk.example/news/1897234/ministry-summons-envoy", page("en", (
    f'{NAV}<div class="container"><div class="box most-popular"><h4>Most Popular</h4><article class="story"><h2 '
    'class="story-title"><a href="/news/1897001">Petrol price likely to stay unchanged next fortnight</a></h2><span '
    'class="timestamp-time">March 10, 2025</span></article></div><article class="story story-single"><h2 '
    f'class="story-title">{EN}</h2><span class="story-byline">Baqir Syed</span> <span class="timestamp-label">'
    'Published</span> <span class="timestamp-time"><span class="timeago" title="2025-03-12T14:05:32+05:00">March 12, '
    f'2025</span></span><div class="story-body">{paras("en")}</div></article></div>{FOOTER_2024}'),
    f'<meta property="og:title" content="{EN}">'), "2025-03-12")

# --- Le Monde-like: "Publié le ..., modifié le ..." ------------------------------------------------------------
case("lemonde-like", "https://quotidien.example/international/article/2025/03/12/le-ministere_6578_3210.html",
     page("fr", (
         f'{NAV}<main><section class="article__header"><h1 class="article__title">{TITLES["fr"]}</h1><p '
         'class="article__desc">'
         "Paris a jugé la situation préoccupante et appelé au calme.</p><div class=\"meta meta__publisher\"><span "
         'class="meta__date meta__date--header">Publié le 12 mars 2025 à 14h05, modifié le 13 mars 2025 à 09h12</span>'
         f'</div></section><article class="article__content">{paras("fr")}</article></main>'
         '<footer><p>© Le Quotidien 2024</p></footer>')), "2025-03-12")

# a French page whose line opens with the update: "Mis à jour le 14 mars 2025 ... Publié le 12 mars 2025"
case("figaro-like", "https://journal-fr.example/international/le-ministere-convoque-20250312", page("fr", (
    f'{NAV}<article><h1>{TITLES["fr"]}</h1><div class="fig-content-metas"><span>Par Claire Dubois</span> <span '
    f'class="fig-content-metas__pub">Mis à jour le 14/03/2025 à 09:12 ; Publié le 12/03/2025 à 14:05</span></div>'
    f'{paras("fr")}</article>{FOOTER_2024}')), "2025-03-12")

# --- German: tagesschau-like "Stand:", Spiegel-like <time>, a byline with "Veröffentlicht am" -----------------
case("tagesschau-like", "https://nachrichten.example/ausland/grenzvorfall-botschafter-100.html", page("de", (
    f'{NAV}<main><article class="container content-wrapper"><div class="seitenkopf"><h1 class="seitenkopf__headline">'
    f'<span class="seitenkopf__headline--text">{TITLES["de"]}</span></h1><p class="metatextline">Stand: 12.03.2025 '
    f'14:05 Uhr</p></div>{paras("de")}</article></main>{FOOTER_2024}')), "2025-03-12")

case("spiegel-like", "https://magazin.example/ausland/grenzvorfall-a-1f2e3d4c-5b6a", page("de", (
    f'{NAV}<main><article><header><h2><span class="align-middle">{TITLES["de"]}</span></h2><div class="font-sansUI">'
    '<time datetime="2025-03-12 14:05:00" class="timeformat">12.03.2025, 14.05 Uhr</time></div></header>'
    f'<section class="relative">{paras("de")}</section></article></main>{FOOTER_2024}')), "2025-03-12")

case("german-veroeffentlicht", "https://zeitung.example/politik/ausland/grenzvorfall-botschafter", page("de", (
    f'{NAV}<article><h1>{TITLES["de"]}</h1><div class="article-meta">Veröffentlicht am 12. März 2025, 14:05 Uhr'
    f' | Aktualisiert am 13. März 2025</div>{paras("de")}</article>{FOOTER_2024}')), "2025-03-12")

# --- Spanish: El País-like, with "Actualizado" on its line too -------------------------------------------------
case("elpais-like", "https://diario.example/internacional/2025-03-12/exteriores-convoca-al-embajador.html", page("es", (
    f'{NAV}<article><header class="a_e_txt"><h1 class="a_t">{TITLES["es"]}</h1><h2 class="a_st">El Gobierno pide '
    'explicaciones por lo ocurrido en el paso fronterizo</h2></header><div class="a_md"><div class="a_md_a">Ana '
    'García</div><div class="a_md_f"><span>Madrid - </span><a href="#">12 mar 2025 - 14:05 CET</a></div></div>'
    f'<div class="a_c">{paras("es")}</div></article>{FOOTER_2024}')), "2025-03-12")

case("spanish-long-form", "https://noticias.example/mundo/exteriores-convoca-al-embajador-n5567", page("es", (
    f'{NAV}<article><h1>{TITLES["es"]}</h1><p class="fecha">Publicado el miércoles, 12 de marzo de 2025, 14:05</p>'
    f'{paras("es")}</article>{related(("Las negociaciones se retoman en la capital", "5 de marzo de 2025"))}'
    f"{FOOTER_2024}")), "2025-03-12")

# --- Portuguese: Folha-like "12.mar.2025 às 14h05", G1-like with "Atualizado há 3 horas" ------------------------
case("folha-like", "https://jornal.example/mundo/2025/03/itamaraty-convoca-embaixador.shtml", page("pt", (
    f'{NAV}<main><article><h1 class="c-content-head__title">{TITLES["pt"]}</h1><div class="c-more-options">'
    '<time class="c-more-options__published-date" itemprop="datePublished" datetime="2025-03-12 14:05:00">12.mar.2025'
    f' às 14h05</time></div><div class="c-news__body">{paras("pt")}</div></article></main>{FOOTER_2024}')),
    "2025-03-12")

case("portuguese-long-form", "https://portal.example/mundo/noticia/itamaraty-convoca-embaixador.ghtml", page("pt", (
    f'{NAV}<main><article><h1 class="content-head__title">{TITLES["pt"]}</h1><p class="content-publication-data__from">'
    'Por Redação</p><p class="content-publication-data__updated">12 de março de 2025 14h05 Atualizado há 3 horas</p>'
    f'<div class="mc-body">{paras("pt")}</div></article></main>{FOOTER_2024}')), "2025-03-12")

# --- Russian: RIA-like numbers, TASS-like month names -------------------------------------------------------------
case("ria-like", "https://agentstvo.example/20250312/mid-1234567890.html", page("ru", (
    f'{NAV}<div class="article"><div class="article__header"><h1 class="article__title">{TITLES["ru"]}</h1><div '
    'class="article__info"><div class="article__info-date"><a href="/20250312/">14:05 12.03.2025</a> <span '
    'class="article__info-date-modified">(обновлено: 09:12 13.03.2025)</span></div></div></div><div '
    f'class="article__body">{paras("ru")}</div></div>{FOOTER_2024}')), "2025-03-12")

case("tass-like", "https://agentstvo-tass.example/politika/23456789", page("ru", (
    f'{NAV}<main><article><h1>{TITLES["ru"]}</h1><div class="news-header__date">12 марта 2025, 14:05</div>'
    f'<div class="text-block">{paras("ru")}</div></article><div class="related"><a href="/politika/1">Лавров '
    f'провел переговоры</a><span>10 марта 2025, 18:30</span></div></main>{FOOTER_2024}')), "2025-03-12")

# the date abbreviated and the year marked: "12 мар 2025 г."
case("russian-abbreviated", "https://gazeta.example/politics/2025-mid-posol", page("ru", (
    f'{NAV}<article><h1>{TITLES["ru"]}</h1><div class="meta">Опубликовано 12 мар. 2025 г., 14:05</div>'
    f'{paras("ru")}</article>{FOOTER_2024}')), "2025-03-12")

# --- Chinese: Xinhua-like, People's-Daily-like, a related list of dated links -------------------------------------
case("xinhua-like", "https://xinhua-like.example/politics/20250312/abc123def/c.html", page("zh", (
    '<div class="header">新华网</div><div class="main"><div class="head"><div class="header-time left"><span '
    f'class="year"><em> 2025</em></span><span class="day"><em> 03</em>/<em>12</em></span><span class="time"> 14:05:32'
    f'</span></div><div class="source">来源：新华网</div><h1><span class="title">{TITLES["zh"]}</span></h1></div>'
    f'<div id="detail">{paras("zh")}</div></div>'), html_lang="zh-CN"), "2025-03-12")

case("peoples-daily-like", "https://renmin.example/n1/2025/0312/c1002-40435678.html", page("zh", (
    f'<div class="nav">人民网</div><div class="layout rm_txt"><div class="col col-1"><h1>{TITLES["zh"]}</h1>'
    '<div class="col-1-1 fl">2025年03月12日14:05 | 来源：<a href="#">人民网－人民日报</a></div><div class="rm_txt_con">'
    f'{paras("zh")}</div></div><div class="col col-2"><h2>相关新闻</h2><ul><li><a href="/n1/2025/0301/a.html">'
    '外长会见来访的邻国外长</a> 2025年03月01日</li></ul></div></div>'
    '<div class="footer">人民网版权所有，未经书面授权禁止使用 Copyright © 1997-2024 by www.people.com.cn.</div>'),
    html_lang="zh-CN"), "2025-03-12")

case("chinese-label", "https://gov-zh.example/xwfb/202503/t20250312_1122334.html", page("zh", (
    f'<div class="top">首页</div><div class="article"><h1>{TITLES["zh"]}</h1><div class="info">发布时间：2025年3月12日 '
    f'14:05 来源：外交部</div><div class="content">{paras("zh")}</div></div>'), html_lang="zh-CN"), "2025-03-12")

# --- Arabic: Arabic-Indic digits, western digits, the Levantine month names -------------------------------------------
AR = TITLES["ar"]
case("aljazeera-like-indic", "https://qanat.example/news/politics/ministry-summons-envoy", page("ar", (
    f'{NAV}<main><article><header class="article-header"><h1>{AR}</h1></header><div class="article-dateline">'
    '<span>نشر في</span> <span>١٢ مارس ٢٠٢٥</span></div><div class="wysiwyg">'
    f'{paras("ar")}</div></article></main>{FOOTER_2024}')), "2025-03-12")

case("arabic-western-digits", "https://sahifa.example/world/politics/4567890", page("ar", (
    f'{NAV}<article><h1>{AR}</h1><div class="date">الأربعاء، 12 مارس 2025 - 14:05</div><div class="updated">آخر '
    f'تحديث: 14 مارس 2025</div>{paras("ar")}</article>{FOOTER_2024}')), "2025-03-12")

case("arabic-levantine", "https://jarida-sham.example/politics/ministry-summons-envoy", page("ar", (
    f'{NAV}<article><h1>{AR}</h1><p class="post-date">١٢ آذار ٢٠٢٥</p>{paras("ar")}</article>{FOOTER_2024}')),
    "2025-03-12")

# a meta date the CMS gives every page (the site's launch) against the day the page shows by its headline
case("arabic-misleading-meta", "https://qanat.example/news/politics/ministry-summons-envoy-2", page("ar", (
    f'{NAV}<main><article><h1>{AR}</h1><div class="article-dateline"><span>١٢ مارس ٢٠٢٥</span></div>'
    f'{paras("ar")}</article></main>{FOOTER_2024}'), '<meta name="date" content="2018-01-01">'), "2025-03-12")

# --- Urdu: Urdu month names, in Urdu (Persian-style) digits and in western ones -------------------------------------
UR = TITLES["ur"]
case("urdu-month-names", "https://urdu-news.example/pakistan/story/2547815", page("ur", (
    f'{NAV}<article><h1>{UR}</h1><div class="story-date">بدھ 12 مارچ 2025</div>{paras("ur")}</article>'
    f"{FOOTER_2024}")), "2025-03-12")

case("urdu-persian-digits", "https://urdu-news.example/world/story/2547816", page("ur", (
    f'{NAV}<article><h1>{UR}</h1><div class="byline">شائع ۱۲ مارچ ۲۰۲۵ ۰۲:۰۵ بعد دوپہر</div>{paras("ur")}'
    f"</article>{FOOTER_2024}")), "2025-03-12")

# --- dates only in the URL; a footer's year; a site header's today's date --------------------------------------------
case("url-only", "https://briefings.example/2025/03/12/ministry-summons-envoy/", page("en", (
    f'{NAV}<article><h1>{EN}</h1>{paras("en")}</article>'
    f'{related(("Minister to travel to three capitals next week", "March 20, 2025"))}{FOOTER_2024}')), "2025-03-12")

case("url-only-compact", "https://briefings.example/news/20250312/ministry-summons-envoy.html", page("en", (
    f'{NAV}<article><h1>{EN}</h1>{paras("en")}</article><div class="sidebar-most-read"><h3>Most read</h3><div><a '
    'href="/news/20250318/x.html">Storm warning issued for the coast tonight</a><span>18 March 2025</span></div>'
    f"</div>{FOOTER_2024}")), "2025-03-12")

case("site-header-today", "https://tribune-like.example/story/2547817/ministry-summons-envoy", page("en", (
    '<div class="top-header"><span class="today">Wednesday, March 19, 2025</span></div>'
    f'{NAV}<div class="story"><h1>{EN}</h1><div class="story-meta">Our Correspondent<br>March 12, 2025</div>'
    f'{paras("en")}</div>{FOOTER_2024}')), "2025-03-12")

# --- a misleading meta date of a CMS default against the day shown by the headline ------------------------------------
case("misleading-meta-default", "https://agency-en.example/news/ministry-summons-envoy", page("en", (
    f'{NAV}<main><article><h1>{EN}</h1><p class="dateline">Wednesday 12 March 2025</p>{paras("en")}</article></main>'
    f"{FOOTER_2024}"), '<meta name="date" content="2019-06-01">'), "2025-03-12")

# a "most read" block of <time> elements above the article, whose own day is a text line
case("most-read-times-first", "https://agency-en.example/news/ministry-summons-envoy-2", page("en", (
    f'{NAV}<div class="most-read"><h3>Most read</h3><div class="item"><a href="/news/a">Storm warning for the coast'
    '</a><time datetime="2025-03-18T10:00:00Z">18 March 2025</time></div><div class="item"><a href="/news/b">Fuel '
    'prices to stay unchanged</a><time datetime="2025-03-17T10:00:00Z">17 March 2025</time></div></div>'
    f'<main><article><h1>{EN}</h1><p>By Jane Roe</p><p>12 March 2025</p>{paras("en")}</article></main>'
    f"{FOOTER_2024}")), "2025-03-12")

# dated comments and a related card, and the article's day only as text by the headline
case("comments-and-cards", "https://opinion.example/columns/ministry-summons-envoy", page("en", (
    f'{NAV}<article><h1>{EN}</h1><div class="byline">By Jane Roe, 12 March 2025</div>{paras("en")}</article>'
    f'{related(("What the new border agreement means for trade", "March 13, 2025"))}'
    f"{comments('2025-03-13', '2025-03-14')}{FOOTER_2024}")), "2025-03-12")

# a page without a declared language writes the day in French
case("undeclared-language", "https://ambassade.example/actualites/convocation-ambassadeur", page("fr", (
    f'{NAV}<article><h1>{TITLES["fr"]}</h1><p class="date">12 mars 2025</p>{paras("fr")}</article>{FOOTER_2024}'),
    html_lang=""), "2025-03-12")


# --- lines that give the update's date before the publication's, in the other languages --------------------------
for lang, line in (("es", "Actualizado: 14/03/2025 09:12h - Publicado: 12/03/2025 14:05h"),
                   ("zh", "更新时间：2025-03-14 09:12 发布时间：2025-03-12 14:05"),
                   ("ar", "آخر تحديث: 14 مارس 2025 - نشر في: 12 مارس 2025"),
                   ("ru", "Обновлено 14 марта 2025, 09:12. Опубликовано 12 марта 2025, 14:05")):
    case(f"updated-first-{lang}", f"https://site-{lang}.example/news/ministry-summons-envoy", page(lang, (
        f'{NAV}<article><h1>{TITLES[lang]}</h1><div class="meta">{line}</div>{paras(lang)}</article>'
        f"{FOOTER_2024}")), "2025-03-12")


@pytest.mark.parametrize(("name", "url", "html", "expected"), CASES, ids=[c[0] for c in CASES])
def test_publication_day(name: str, url: str, html: bytes, expected: str) -> None:
    published = extract(html, url).published
    assert (published or "")[:10] == expected, f"{name}: {published}"


def test_the_table_is_as_large_as_the_brief_asks() -> None:
    assert len(CASES) >= 40
    assert {name for name, *_ in CASES} == {c[0] for c in CASES} and len({c[0] for c in CASES}) == len(CASES)
