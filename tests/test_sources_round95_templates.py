"""Page templates in the style of each real source, in the eras its pages come from (SOURCES.md, the corpus):
what tests/test_sources_round95_pages.py fills with its own briefings. No tests here."""

from __future__ import annotations

from html import escape


def p(text: str, style: str = "") -> str:
    return f"<p{style}>{text}</p>"


def lab(label: str, text: str, style: str = "") -> str:
    """A paragraph that opens with a bold label."""
    return f"<p{style}><strong>{label}:</strong> {text}</p>"


def bold(text: str, style: str = "") -> str:
    """A paragraph set in bold, label and all (China MFA's questions)."""
    return f"<p{style}><b>{text}</b></p>"


# --- Pakistan MOFA ------------------------------------------------------------------------------------

MOFA_NAV = """<nav class="navbar navbar-expand-lg navbar-light bg-white shadow-sm"><div class="container">
<a class="navbar-brand" href="https://mofa.gov.pk/"><img src="https://mofa.gov.pk/assets/images/logo.png" alt="MOFA">
</a>
<ul class="navbar-nav ml-auto"><li class="nav-item"><a class="nav-link" href="https://mofa.gov.pk/">Home</a></li>
<li class="nav-item"><a class="nav-link" href="https://mofa.gov.pk/press-releases">Press Releases</a></li>
<li class="nav-item">
<a class="nav-link" href="https://mofa.gov.pk/press-releases/categories/media-briefings">Media Briefings</a></li>
<li class="nav-item"><a class="nav-link" href="https://mofa.gov.pk/contact-us">Contact Us</a></li></ul></div></nav>"""


def mofa_new(title: str, body: str, related: tuple[str, ...] = (), shown_date: str = "") -> bytes:
    """The 2024- template: title in div.filter-title h2, body div.m-5.text-justify with related cards at its end."""
    cards = "".join(f'<div class="card"><div class="card-body"><h5><a href="https://mofa.gov.pk/press-releases/x{n}">'
                    f'{escape(t)}</a></h5><p><i class="fas fa-calendar-alt"></i> 0{n + 1} May 2025</p></div></div>'
                    for n, t in enumerate(related))
    date = f'<p class="post-date"><i class="fas fa-calendar-alt"></i> {shown_date}</p>' if shown_date else ""
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Ministry of Foreign Affairs</title>
<link rel="stylesheet" href="https://mofa.gov.pk/assets/css/style.css?v=3.2"></head><body>
<div class="top-header bg-dark text-white py-1"><div class="container"><span class="small">+92-51-9210335</span>
</div></div>
{MOFA_NAV}
<section class="page-banner"><div class="container"><div class="filter-title"><h2>{escape(title)}</h2></div>
<ol class="breadcrumb"><li class="breadcrumb-item"><a href="https://mofa.gov.pk/">Home</a></li>
<li class="breadcrumb-item active">Media Briefings</li></ol></div></section>
<section class="content-area"><div class="container"><div class="row"><div class="col-lg-9">{date}
<div class="m-5 text-justify">{body}
<h4 class="mt-5">Related Stories</h4>{cards}</div></div>
<div class="col-lg-3"><div class="sidebar"><h4>Categories</h4><ul><li>
<a href="https://mofa.gov.pk/press-releases/categories/media-briefings">Media Briefings</a></li></ul></div></div>
</div></div></section>
<footer class="footer bg-dark text-white"><div class="container">
<p>Copyright &copy; 2025 Ministry of Foreign Affairs, Government of Pakistan. All rights reserved.</p>
<p>Constitution Avenue, Islamabad</p></div></footer></body></html>""".encode()


def mofa_wordpress(title: str, body: str, posted: str, slug: str) -> bytes:
    """The 2022-23 WordPress template at the site's root slugs."""
    return f"""<!DOCTYPE html><html lang="en-US"><head><meta charset="UTF-8">
<title>{escape(title)} &#8211; Ministry of Foreign Affairs</title>
<meta name="generator" content="WordPress 6.1.1">
<link rel="canonical" href="https://mofa.gov.pk/{slug}/">
<link rel="shortlink" href="https://mofa.gov.pk/?p=48213">
<link rel="stylesheet" href="https://mofa.gov.pk/wp-content/themes/mofa/style.css?ver=1.4"></head>
<body class="post-template-default single single-post postid-48213">
<header id="masthead" class="site-header"><div class="site-branding"><a href="https://mofa.gov.pk/" rel="home">
<img src="https://mofa.gov.pk/wp-content/uploads/2020/01/logo.png" alt="Ministry of Foreign Affairs"></a></div>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">
<li><a href="https://mofa.gov.pk/">Home</a></li><li>
<a href="https://mofa.gov.pk/category/press-releases/">Press Releases</a></li>
<li><a href="https://mofa.gov.pk/category/media-briefings/">Media Briefings</a></li></ul></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-48213" class="post-48213 post type-post status-publish format-standard category-media-briefings">
<header class="entry-header"><h1 class="entry-title">{escape(title)}</h1>
<div class="entry-meta"><span class="posted-on">
<time class="entry-date published" datetime="{posted}">{posted[:10]}</time></span></div>
</header>
<div class="entry-content">{body}</div>
<footer class="entry-footer">
<span class="cat-links">Posted in
<a href="https://mofa.gov.pk/category/media-briefings/" rel="category tag">Media Briefings</a></span></footer>
</article>
<nav class="navigation post-navigation"><div class="nav-links"><div class="nav-previous">
<a href="https://mofa.gov.pk/pakistan-condemns-attack/" rel="prev">Pakistan condemns terrorist attack in Kabul</a>
</div></div></nav>
</main></div><aside id="secondary" class="widget-area"><section class="widget widget_recent_entries">
<h2 class="widget-title">Recent Posts</h2>
<ul><li><a href="https://mofa.gov.pk/foreign-minister-meets-counterpart/">Foreign Minister meets his Turkish
counterpart</a></li>
<li><a href="https://mofa.gov.pk/pakistan-welcomes-ceasefire/">Pakistan welcomes the ceasefire announcement</a></li>
</ul></section></aside></div>
<footer id="colophon" class="site-footer">
<div class="site-info">&copy; 2023 Ministry of Foreign Affairs, Government of Pakistan</div></footer>
</body></html>""".encode()


# --- US State Department ----------------------------------------------------------------------------

STATE_HEAD_NAV = """<section class="usa-banner" aria-label="Official government website">
<div class="usa-banner__header">
<p class="usa-banner__header-text">An official website of the United States Government</p></div></section>
<header class="site-header"><div class="site-header__logo"><a href="https://www.state.gov/">
<img src="https://www.state.gov/wp-content/themes/state-department/dist/images/dos-seal.svg" alt="U.S. Department of
State"></a></div>
<nav class="site-header__menu" aria-label="Primary"><ul><li>
<a href="https://www.state.gov/countries-and-areas/">Countries &amp; Areas</a></li>
<li><a href="https://www.state.gov/department-press-briefings/">Department Press Briefings</a></li></ul></nav>
</header>"""


STATE_TAG = ('<a href="https://www.state.gov/bureaus-offices/under-secretary-for-public-diplomacy/'
             'bureau-of-global-public-affairs/">Bureau of Global Public Affairs</a>')


def state_new(title: str, date: str, bureau: str, body: str, url: str, extra: str = "", tags: str = "") -> bytes:
    """The 2019- WordPress template (state.gov and the 2021-2025.state.gov archive)."""
    return f"""<!DOCTYPE html><html lang="en-US"><head><meta charset="UTF-8">
<title>{escape(title)} - United States Department of State</title>
<meta name="description" content="{escape(bureau)}">
<link rel="canonical" href="{url}"><meta property="og:type" content="article">
<meta property="og:title" content="{escape(title)} - United States Department of State">
<meta property="og:site_name" content="United States Department of State"></head>
<body class="state_briefing-template-default single single-state_briefing">
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>{STATE_HEAD_NAV}
<main id="content" class="site-main"><div class="featured-content featured-content--page">
<div class="featured-content__copy">
<p class="doctype-meta">Department Press Briefing</p>
<h1 class="featured-content__headline stars-above">{escape(title)}</h1>
<div class="article-meta doctype-meta"><p class="article-meta__author-bureau">{escape(bureau)}</p>
<p class="article-meta__publish-date">{date}</p></div></div></div>
<div class="page-content">{extra}<div class="entry-content">{body}</div>
<div class="related-tags">
<p class="related-tags__title">Tags</p>{tags or STATE_TAG}</div>
</div></main>
<footer class="site-footer"><div class="site-footer__links">
<a href="https://www.state.gov/privacy-policy/">Privacy Policy</a>
<a href="https://www.state.gov/copyright-information/">Copyright Information</a>
<a href="https://www.state.gov/foia/">FOIA</a></div></footer>
</body></html>""".encode()


def state_old(title: str, date_line: str, body: str) -> bytes:
    """The 2009-2017 state.gov template: a plain title, the date under it, the transcript in #centerblock."""
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{escape(title)}</title>
<meta name="keywords" content="daily press briefing, spokesperson, State Department" />
<link href="/css/main.css" rel="stylesheet" type="text/css" /></head>
<body><div id="header"><a href="http://www.state.gov/index.htm">
<img src="/img/seal.gif" alt="U.S. Department of State" /></a>
<ul id="topnav"><li><a href="http://www.state.gov/secretary/index.htm">Secretary of State</a></li>
<li><a href="http://www.state.gov/r/pa/prs/dpb/index.htm">Daily Press Briefings</a></li></ul></div>
<div id="tier3-landing-content-wrapper"><div id="crumbs">
<a href="/index.htm">Home</a> &raquo;
<a href="/r/pa/prs/dpb/index.htm">Press Briefings</a> &raquo; {date_line[-4:]}</div>
<div id="centerblock"><h1 id="page-title">{escape(title)}</h1>
<div class="pa_date">{date_line}</div>
<div id="centercontent">{body}</div>
<div id="tier3-share">
<a href="http://www.state.gov/misc/print.htm">Print</a> |
<a href="mailto:?subject=Daily%20Press%20Briefing">Email</a></div>
</div></div>
<div id="footer"><p>The Office of Website Management, Bureau of Public Affairs, manages this site as a portal for
international
affairs information. External links to other Internet sites should not be construed as an endorsement of the views
or privacy policies contained therein.</p><p>
<a href="http://www.state.gov/misc/87529.htm">Privacy</a> | <a href="http://www.state.gov/misc/415.htm">Copyright</a>
</p></div>
</body></html>""".encode()


# --- China MFA --------------------------------------------------------------------------------------

def fmprc_en_old(title: str, paragraphs: list[str]) -> bytes:
    """The English template before 2021: h2.title, an empty #News_Body_Time, a Word-made div.content."""
    body = "\n".join(
        f'<P class=MsoNormal style="MARGIN: 0cm 0cm 0pt"><SPAN lang=EN-US style="FONT-SIZE: 14pt">{text}'
        '<o:p></o:p></SPAN></P>'
        '\n<P class=MsoNormal style="MARGIN: 0cm 0cm 0pt"><SPAN lang=EN-US>&nbsp;<o:p></o:p></SPAN></P>'
        for text in paragraphs)
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{escape(title)}</title><meta name="keywords" content="" /></head><body>
<div class="header"><a href="http://www.fmprc.gov.cn/mfa_eng/">
<img src="http://www.fmprc.gov.cn/mfa_eng/images/logo.jpg" /></a></div>
<div class="container clearfix"><div style="width:100%"><div class="urhere">
<a href="./../../../">Home</a>&nbsp;>&nbsp;<a href="./../../">Press and Media Service</a>&nbsp;>&nbsp;<a
href="./">Regular Press Conference</a></div>
<div class="content_mod"><h2 class="title">{escape(title)}</h2>
<h2 style="text-align:center" id="News_Body_subitle"></h2><div class="date" id="News_Body_Time"></div>
<div class="content"><?xml:namespace prefix = "o" ns = "urn:schemas-microsoft-com:office:office" />
{body}</div>
<div class="news"><span><a href="javascript:doPrint()">[Print]</a></span><span>
<a href="javascript:window.close()">[Close]</a></span></div>
<div class="tool">Suggest to a friend</div>
<div class="rebox_news"><h4>Related News:</h4><ul><li>
<a href="./t1234560.shtml">Foreign Ministry Spokesperson's Regular Press Conference on the day before</a></li></ul>
</div>
</div></div></div>
<div class="footer">Copyright&copy;1998-2014, Ministry of Foreign Affairs, the People's Republic of China<br/>
Contact us Address: No. 2, Chaoyangmen Nandajie, Chaoyang District, Beijing, 100701</div></body></html>""".encode()


def fmprc_new(title: str, time: str, body: str, lang: str = "en") -> bytes:
    """The template from 2021: #News_Body_Title, #News_Body_Time, #News_Body_Txt_A with div.TRS_UEDITOR."""
    crumbs = ('<a href="../../../../">Home</a> &gt; <a href="../">Regular Press Conference</a>' if lang == "en"
              else '当前位置：<a href="../../../../">首页</a> &gt; <a href="../">例行记者会</a>')
    footer = ("Copyright &copy; Ministry of Foreign Affairs, the People's Republic of China" if lang == "en"
              else "中华人民共和国外交部　版权所有　京ICP备06038296号")
    bottom = ('<a href="javascript:window.print();">[Print]</a> <a href="javascript:window.close();">[Close]</a>'
              if lang == "en" else '<a href="javascript:window.print();">【打印】</a> '
              '<a href="javascript:window.close();">【关闭】</a>')
    head_title = "中华人民共和国外交部" if lang == "zh" else "Ministry of Foreign Affairs of the PRC"
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<meta name="ArticleTitle" content="{escape(title)}"><meta name="PubDate" content="{time}">
<title>{escape(title)}_{head_title}</title></head><body>
<div class="w1200 crumbs">{crumbs}</div>
<div class="w1200 container"><div class="news-main"><div class="news-title">
<h1 id="News_Body_Title">{escape(title)}</h1><p class="time"><span id="News_Body_Time">{time}</span></p></div>
<div class="news-main-content" id="News_Body_Txt_A"><div class="TRS_UEDITOR trs_paper_default trs_word">{body}</div>
</div>
<div class="news-bottom">{bottom}</div></div></div>
<div class="footer"><p>{footer}</p></div></body></html>""".encode()


# --- India MEA --------------------------------------------------------------------------------------

def mea(title: str, shown_date: str, body: str, extra: str = "") -> bytes:
    return f"""<!DOCTYPE html><html lang="en"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{escape(title)}</title>
<meta name="keywords" content="Media Briefings, Ministry of External Affairs, Government of India"></head><body>
<div id="skip"><a href="#mainContent">Skip to main content</a> | <a href="https://www.mea.gov.in/hindi/">हिन्दी</a>
</div>
<header class="header"><div class="container"><div class="logo"><a href="https://www.mea.gov.in/">
<img src="https://www.mea.gov.in/images/mea-logo.png" alt="Ministry of External Affairs"></a></div></div>
<nav class="mainNav"><ul><li><a href="https://www.mea.gov.in/">Home</a></li><li>
<a href="https://www.mea.gov.in/media-center.htm">Media Center</a></li></ul></nav></header>
<div class="container" id="mainContent"><div class="breadcrumb">
<a href="https://www.mea.gov.in/">Home</a> &raquo;
<a href="https://www.mea.gov.in/media-briefings.htm?49/Media_Briefings">Media Briefings</a></div>
<div class="row"><div class="col-md-9"><div class="innerContent">
<h2 class="titleText">{escape(title)}</h2>
<div class="dateShare"><span class="date">{shown_date}</span>
<span class="share"><a href="https://www.facebook.com/sharer/sharer.php?u=https://www.mea.gov.in/">Share</a> |
<a href="javascript:window.print()">Print</a></span></div>
{extra}<div class="description">{body}</div></div></div>
<div class="col-md-3"><div class="sidebar"><h3>Media Center</h3><ul><li>
<a href="https://www.mea.gov.in/press-releases.htm">Press Releases</a></li><li>
<a href="https://www.mea.gov.in/media-briefings.htm">Media Briefings</a></li></ul></div></div>
</div></div>
<footer class="footer">
<p>Content owned, updated and maintained by the Ministry of External Affairs, Government of India. Copyright &copy;
2025.</p></footer>
</body></html>""".encode()


# --- UN noon briefings ------------------------------------------------------------------------------

UN_TITLE = "Daily Press Briefing by the Office of the Spokesperson for the Secretary-General"


def un_new(url: str, iso: str, shown: str, body: str) -> bytes:
    """press.un.org (Drupal 10)."""
    return f"""<!DOCTYPE html><html lang="en" dir="ltr"><head><meta charset="utf-8" />
<link rel="canonical" href="{url}" /><meta property="og:site_name" content="UN Press" />
<meta property="og:type" content="article" />
<meta property="og:title" content="{UN_TITLE}" /><meta name="dcterms.date" content="{iso}T12:00:00-04:00" />
<title>{UN_TITLE} | Meetings Coverage and Press Releases</title></head>
<body class="path-node page-node-type-press-release">
<header class="navbar" role="banner"><a class="navbar-brand" href="/en">
<span>Meetings Coverage and Press Releases</span></a>
<nav role="navigation"><ul class="nav"><li><a href="/en/content/secretary-general">Secretary-General</a></li><li>
<a href="/en/noon-briefings">Press Briefings</a></li></ul></nav></header>
<main role="main" id="main-content"><div class="container"><div class="row"><section class="col-md-9">
<article class="node node--type-press-release node--view-mode-full">
<h1 class="page-header"><span class="field field--name-title">{UN_TITLE}</span></h1>
<div class="field field--name-field-dated field--type-datetime"><time datetime="{iso}T16:00:00Z">{shown}</time></div>
<div class="field field--name-body field--type-text-with-summary">{body}</div>
<div class="field field--name-field-symbol">{url.rsplit('/', 1)[-1].split('.')[0].upper()}</div>
</article></section>
<aside class="col-md-3"><div class="block"><h2>Latest Noon Briefings</h2><ul><li>
<a href="/en/noon-briefings">{UN_TITLE}</a></li></ul></div>
<div class="block"><h2>For information media. Not an official record.</h2></div></aside></div></div></main>
<footer class="footer" role="contentinfo"><ul class="footer-links"><li>
<a href="https://www.un.org/en/about-us/copyright">Copyright</a></li>
<li><a href="https://www.un.org/en/about-us/privacy-notice">Privacy Notice</a></li></ul>
<p>United Nations Department of Global Communications, Meetings Coverage Section</p></footer></body></html>""".encode()


def un_old(iso: str, shown: str, body: str) -> bytes:
    """www.un.org/press (Drupal 7, 2015-2019): field-name-body, the date in a span with its content attribute."""
    return f"""<!DOCTYPE html><html lang="en" dir="ltr"><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{UN_TITLE} | Meetings Coverage and Press Releases</title></head>
<body class="html not-front not-logged-in one-sidebar sidebar-second page-node node-type-press-release">
<div id="navbar" class="navbar navbar-default"><a class="logo navbar-btn pull-left" href="/press/en" title="Home">
<img src="/press/sites/all/themes/un/logo.png" alt="Home" /></a>
<ul class="menu nav navbar-nav"><li><a href="/press/en/content/secretary-general">Secretary-General</a></li><li>
<a href="/press/en/press-briefings">Press Briefings</a></li></ul></div>
<div class="main-container container"><div class="row"><section class="col-sm-9">
<h1 class="page-header">{UN_TITLE}</h1>
<div class="region region-content"><div id="block-system-main" class="block block-system">
<div class="node node-press-release clearfix"><div class="field field-name-field-dated field-type-datetime">
<span class="date-display-single" property="dc:date" datatype="xsd:dateTime"
content="{iso}T00:00:00-04:00">{shown}</span></div>
<div class="field field-name-body field-type-text-with-summary"><div class="field-items">
<div class="field-item even" property="content:encoded">{body}</div></div></div>
<div class="field field-name-field-notes">For information media. Not an official record.</div>
</div></div></div></section>
<aside class="col-sm-3" role="complementary"><h2 class="block-title">Press Releases</h2><ul><li>
<a href="/press/en/content/press-release">Latest press releases</a></li></ul></aside></div></div>
<footer class="footer container"><p>Department of Public Information, News and Media Division, New York</p></footer>
</body></html>""".encode()


# --- gov.uk -----------------------------------------------------------------------------------------

def govuk(title: str, context: str, lead: str, metadata: str, body: str, published: str, fmt: str = "speech",
          important: str = "") -> bytes:
    """The gov.uk template of 2020-: govuk:format holds the document type ("speech", "oral_statement"), the
    schema its schema ("speech" for both)."""
    return f"""<!DOCTYPE html><html lang="en" class="govuk-template"><head><meta charset="utf-8">
<title>{escape(title)} - GOV.UK</title>
<meta name="govuk:format" content="{fmt}"><meta name="govuk:schema-name" content="speech">
<meta property="og:site_name" content="GOV.UK"><meta property="og:title" content="{escape(title)}">
<meta name="description" content="{escape(lead)}"></head>
<body class="govuk-template__body"><a href="#content" class="govuk-skip-link">Skip to main content</a>
<header class="gem-c-layout-super-navigation-header"><a href="/" class="gem-c-header__link">GOV.UK</a>
<nav><a href="/browse">Topics</a> <a href="/government/organisations">Government activity</a></nav></header>
<div class="govuk-width-container"><main role="main" id="content" class="govuk-main-wrapper" lang="en">
<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds"><div class="gem-c-title">
<span class="govuk-caption-xl gem-c-title__context">{context}</span>
<h1 class="gem-c-title__text govuk-heading-l">{escape(title)}</h1></div></div>
<div class="govuk-grid-column-two-thirds"><p class="gem-c-lead-paragraph">{escape(lead)}</p></div></div>
<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds"><div class="gem-c-metadata govuk-body">
<dl>{metadata}</dl></div></div></div>
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">{important}<div data-module="govspeak" class="gem-c-govspeak govuk-govspeak">
<div class="govspeak">{body}</div></div>
<div class="gem-c-published-dates"><h2 class="gem-c-published-dates__heading">Updates to this page</h2>
<p>Published {published}</p></div>
<div class="gem-c-share-links"><h2 class="govuk-heading-s">Share this page</h2><ul><li>
<a href="https://www.facebook.com/sharer/sharer.php">Share on Facebook</a></li></ul></div></div>
<div class="govuk-grid-column-one-third"><div class="gem-c-contextual-sidebar"><h2>Related content</h2>
<ul><li><a class="govuk-link" href="/government/news/uk-statement-on-sudan">UK statement on Sudan</a></li></ul></div>
</div></div>
</main></div>
<footer class="gem-c-layout-footer govuk-footer">
<p>All content is available under the Open Government Licence v3.0, except where otherwise stated</p>
<p>&copy; Crown copyright</p></footer></body></html>""".encode()


def govuk_meta(kind: str = "metadata", **fields: str) -> str:
    """A gov.uk definition list: "From:", "Published" (gem-c-metadata), "Location:", "Delivered on:"
    (gem-c-important-metadata)."""
    rows = "".join(f'<dt class="gem-c-{kind}__term">{name.replace("_", " ")}:</dt>'
                   f'<dd class="gem-c-{kind}__definition">{value}</dd>' for name, value in fields.items())
    if kind == "metadata":
        return rows
    return f'<div class="gem-c-{kind} gem-c-{kind}--bottom-margin"><dl>{rows}</dl></div>'


def govuk_2016(title: str, context: str, lead: str, metadata: str, body: str) -> bytes:
    """The gov.uk template of 2013-2018 (the "whitehall" frontend): a header with the type above the h1, a
    summary, a definition list of metadata, the text in div.govspeak."""
    return f"""<!DOCTYPE html><!--[if gt IE 8]><!--><html lang="en"><!--<![endif]--><head><meta charset="utf-8" />
<title>{escape(title)} - GOV.UK</title><meta name="govuk:format" content="speech" />
<meta name="govuk:analytics:organisations" content="<D1285>" /></head>
<body class="js-enabled"><div id="global-header">
<a href="https://www.gov.uk" title="Go to the GOV.UK homepage" id="logo">GOV.UK</a></div>
<div id="wrapper" class="speech"><main id="content" role="main" class="speech">
<header class="page-header"><div><p class="type">{context}</p><h1>{escape(title)}</h1></div></header>
<div class="heading-block"><div class="inner-heading"><p class="summary">{escape(lead)}</p></div></div>
<div class="document-metadata"><div class="inner-heading"><dl class="primary-metadata">{metadata}</dl></div></div>
<div class="document-page"><div class="document"><div class="body"><div class="govspeak">{body}</div></div></div></div>
<div class="share-links"><h2>Share this page</h2><a href="https://www.facebook.com/sharer/sharer.php">Facebook</a></div>
</main></div>
<footer id="footer"><div class="footer-wrapper">
<p>All content is available under the
<a href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/">Open Government Licence
v3.0</a>, except where otherwise stated</p>
<a class="copyright"
href="https://www.nationalarchives.gov.uk/information-management/crown-copyright/">&copy; Crown copyright</a>
</div></footer></body></html>""".encode()
