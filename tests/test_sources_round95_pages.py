"""Pages of the kinds the real sources publish, written anew in each site's markup and in the ways its pages
differ over the years (SOURCES.md): older templates, guest briefers, questions labelled "Q:", "QUESTION:",
"Question:" or by the journalist's name and outlet, answers of several paragraphs, Chinese 问/答 and 记者/发言人
labels, dates only in the title, headed UN sections, gov.uk "Delivered on" metadata, MEA "Official Spokesperson,
Shri ...:" labels, video embeds and "Download PDF" links. Each page states what a correct parse gives."""

from __future__ import annotations

import html
from dataclasses import dataclass, field

import pytest

from briefarc.extract.core import extract
from briefarc.extract.text import fold
from tests.test_sources_round95_templates import (
    UN_TITLE,
    bold,
    fmprc_en_old,
    fmprc_new,
    govuk,
    govuk_2016,
    govuk_meta,
    lab,
    mea,
    mofa_new,
    mofa_wordpress,
    p,
    state_new,
    state_old,
    un_new,
    un_old,
)

IND = "　　"  # China MFA's Chinese paragraphs open with two ideographic spaces


@dataclass
class Page:
    name: str
    url: str | None
    data: bytes
    title: str
    published: str | None
    spokesperson: str | None
    kind: str
    questions: int
    body_first: str
    body_last: str
    askers: list[str | None] | None = None  # the question turns' speakers, in order
    answerers: set[str | None] | None = None  # the answer turns' speakers
    first_question: str | None = None
    must: list[str] = field(default_factory=list)
    must_not: list[str] = field(default_factory=list)


PAGES: list[Page] = []


def page(**values) -> None:
    PAGES.append(Page(**values))


# --- Pakistan MOFA --------------------------------------------------------------------------------

page(
    name="mofa-2025-named-in-title-supplementary",
    url="https://mofa.gov.pk/press-releases/weekly-press-briefing-by-the-spokesperson-16-05-2025",
    data=mofa_new("Weekly Press Briefing by the Spokesperson Ambassador Shafqat Ali Khan on Friday, 16th May 2025",
                  "".join([
        p("<em>[This is a rush transcript and may be updated]</em>"),
        p("Bismillah ir Rahman ir Raheem. Assalam o Alaikum. Good afternoon, ladies and gentlemen. I will begin with "
          "the week's diplomatic engagements before taking your questions."),
        p("The Deputy Prime Minister and Foreign Minister undertook a visit to Beijing from 12 to 14 May, where he "
          "held wide-ranging talks with his Chinese counterpart on the situation in South Asia and on the next "
          "phase of the China-Pakistan Economic Corridor."),
        p("Pakistan welcomes the understanding on a cessation of hostilities reached on 10 May. We remain committed to "
          "peace in the region, while reserving our right to respond to any violation of our sovereignty."),
        p("With this, I open the floor for questions."),
        lab("Question", "Anwar Abbas from APP. Sir, has the Indus Waters Treaty come up in the contacts between the "
                        "two sides after the ceasefire?"),
        lab("Answer", "The Indus Waters Treaty is a binding international agreement, brokered by the World Bank. It "
                      "contains no provision for unilateral suspension."),
        p("Any attempt to stop or divert the flow of water belonging to Pakistan will be regarded as an act of war. We "
          "have conveyed this position clearly, both bilaterally and to our international partners."),
        p("We have also written to the World Bank and to the Court of Arbitration, and we will continue to use every "
          "legal avenue available to us."),
        lab("Supplementary Question", "Will Pakistan approach the Security Council on the treaty?"),
        lab("Answer", "All options remain on the table, including the Security Council."),
        lab("Question", "Sir, (Inaudible) ... the Afghan interim government. Is there any progress on the trilateral "
                        "meeting with China?"),
        lab("Answer", "The trilateral mechanism remains active. The Foreign Ministers met informally in Beijing and "
                      "agreed to hold the next formal round in Kabul at an early date."),
        lab("Question", "Is there any update on the Pakistani nationals stranded in Iran after the border closure?"),
        lab("Answer", "Our Embassy in Tehran and the Consulate General in Zahedan are in close contact with the "
                      "Iranian authorities. Over two hundred pilgrims have returned home through the Taftan crossing "
                      "this week. Thank you."),
    ]), related=("Pakistan and Türkiye hold bilateral political consultations in Ankara",
                 "Foreign Secretary receives the newly appointed Ambassador of Japan")),
    title="Weekly Press Briefing by the Spokesperson Ambassador Shafqat Ali Khan on Friday, 16th May 2025",
    published="2025-05-16", spokesperson="Shafqat Ali Khan", kind="briefing", questions=4,
    body_first="Bismillah ir Rahman ir Raheem.", body_last="through the Taftan crossing this week. Thank you.",
    askers=["Question", "Supplementary Question", "Question", "Question"],
    first_question="Anwar Abbas from APP. Sir, has the Indus Waters Treaty",
    must=["We have also written to the World Bank", "(Inaudible)"],
    must_not=["[This is a rush transcript", "Pakistan and Türkiye hold bilateral political consultations",
              "Related Stories", "All rights reserved"],
)

page(
    name="mofa-2023-wordpress-root-slug",
    url="https://mofa.gov.pk/transcript-of-the-press-briefing-by-the-spokesperson-on-friday-27-january-2023/",
    data=mofa_wordpress("Transcript of the Press Briefing by the Spokesperson on Thursday, 26th January 2023", "".join([
        p("<em>(This is a rush transcript and may be updated)</em>"),
        p("Assalam o Alaikum. Good afternoon and welcome to the weekly press briefing."),
        p("The Foreign Minister will visit Moscow next week for consultations on regional connectivity, energy "
          "cooperation and the situation in Afghanistan. He will meet his Russian counterpart and address the Russian "
          "International Affairs Council."),
        p("Pakistan is deeply concerned at the continuing violations of human rights in Indian Illegally Occupied "
          "Jammu and Kashmir, where the demolition of houses has rendered many families homeless in the winter."),
        lab("QUESTION", "Shaukat Paracha from Aaj News. Can you tell us whether the visit will take up the supply of "
                        "discounted crude oil?"),
        lab("SPOKESPERSON", "The Foreign Minister's visit will cover all areas of our bilateral cooperation, including "
                            "energy."),
        p("I would not like to go into the details of the discussions ahead of the visit. We will share a press "
          "release at its conclusion."),
        lab("QUESTION", "There are reports that the IMF review has been delayed again. Has the Foreign Office been "
                        "in touch with the Fund's major shareholders?"),
        lab("SPOKESPERSON", "This question relates to the Ministry of Finance, which is leading the discussions with "
                            "the Fund. I would refer you to them."),
        lab("QUESTION", "What is Pakistan's reaction to the burning of the Holy Quran in Stockholm?"),
        lab("SPOKESPERSON", "Pakistan strongly condemns this senseless and provocative Islamophobic act. Such acts "
                            "hurt the sentiments of over a billion Muslims around the world and cannot be justified "
                            "under the guise of freedom of expression."),
    ]), posted="2023-01-26T17:40:12+05:00",
        slug="transcript-of-the-press-briefing-by-the-spokesperson-on-friday-27-january-2023"),
    title="Transcript of the Press Briefing by the Spokesperson on Thursday, 26th January 2023",
    published="2023-01-26", spokesperson=None, kind="briefing", questions=3,
    body_first="Assalam o Alaikum. Good afternoon", body_last="under the guise of freedom of expression.",
    askers=["QUESTION", "QUESTION", "QUESTION"],
    first_question="Shaukat Paracha from Aaj News.",
    must=["We will share a press release at its conclusion."],
    must_not=["Recent Posts", "Pakistan condemns terrorist attack in Kabul", "Posted in", "rush transcript"],
)

page(
    name="mofa-2024-journalist-and-outlet-labels",
    url="https://mofa.gov.pk/press-releases/transcript-of-the-press-briefing-by-the-spokesperson-on-friday-8th-march-2024",
    data=mofa_new("Transcript of the Press Briefing by the Spokesperson on Friday, 8th March 2024", "".join([
        p("<em>[This is a rush transcript and may be updated]</em>"),
        p("Good afternoon. Let me begin by congratulating the people of Pakistan on the peaceful completion of the "
          "general elections and the formation of the new government."),
        p("The Foreign Secretary held the fifth round of political consultations with the Kingdom of the Netherlands "
          "in Islamabad on 6 March. The two sides agreed to expand cooperation in agriculture, water management and "
          "information technology."),
        lab("Shaukat Paracha, Aaj News", "Has the new government decided to review the policy on trade with India?"),
        lab("Spokesperson", "There has been no change in our policy. Any such decision will be taken by the "
                            "government in the light of our national interest and after due consultation."),
        lab("Anas Mallick, WION", "Will the Prime Minister attend the Organisation of Islamic Cooperation summit in "
                                  "Banjul?"),
        lab("Spokesperson", "The participation of Pakistan at the summit will be announced in due course."),
        lab("Mateen Haider, GNN", "Sir, what is the status of the Pakistani prisoners in Sri Lanka who were to be "
                                  "transferred under the 2004 agreement?"),
        lab("Spokesperson", "Our High Commission in Colombo is working with the Sri Lankan authorities to complete "
                            "the formalities. We hope the first group will be transferred before Eid."),
        lab("Shaukat Paracha, Aaj News", "A follow-up: has India responded to our request for consular access?"),
        lab("Spokesperson", "Not yet. We will continue to pursue the matter."),
    ])),
    title="Transcript of the Press Briefing by the Spokesperson on Friday, 8th March 2024",
    published="2024-03-08", spokesperson=None, kind="briefing", questions=4,
    body_first="Good afternoon. Let me begin by congratulating", body_last="We will continue to pursue the matter.",
    askers=["Shaukat Paracha, Aaj News", "Anas Mallick, WION", "Mateen Haider, GNN", "Shaukat Paracha, Aaj News"],
    first_question="Has the new government decided to review the policy",
    must=["Shaukat Paracha, Aaj News: Has the new government"],
)

page(
    name="mofa-2019-record-of-briefing-named-in-title",
    url="https://mofa.gov.pk/record-of-the-press-briefing-by-spokesperson-on-22nd-august-2019/",
    data=mofa_wordpress("Record of the Press Briefing by Spokesperson Dr. Mohammad Faisal on 22nd August 2019",
                        "".join([
        p("Bismillah ir Rahman ir Raheem."),
        p("Assalam-o-Alaikum. Today marks the eighteenth day of the complete lockdown and communications blackout in "
          "Indian Occupied Jammu and Kashmir. The people of Kashmir remain cut off from the rest of the world."),
        p("The Foreign Minister has written to the President of the Security Council and to the Secretary-General, "
          "drawing their attention to the grave situation."),
        lab("Q", "Will Pakistan take the Kashmir issue to the International Court of Justice?"),
        lab("A", "A decision to approach the International Court of Justice has been taken in principle. The legal "
                 "aspects are being examined by our experts, and we will proceed after completing them."),
        lab("Q", "Has Pakistan received any response from the Secretary-General?"),
        lab("A", "The Secretary-General has expressed his concern and appealed for restraint. He has also referred to "
                 "the relevant Security Council resolutions and the Simla Agreement."),
        lab("Q", "Is the Kartarpur Corridor going ahead as planned?"),
        lab("A", "Yes. Pakistan will honour its commitment to the Sikh community. The corridor will open in November, "
                 "in time for the 550th birth anniversary of Baba Guru Nanak."),
    ]), posted="2019-08-22T16:05:00+05:00", slug="record-of-the-press-briefing-by-spokesperson-on-22nd-august-2019"),
    title="Record of the Press Briefing by Spokesperson Dr. Mohammad Faisal on 22nd August 2019",
    published="2019-08-22", spokesperson="Mohammad Faisal", kind="briefing", questions=3,
    body_first="Bismillah ir Rahman ir Raheem.", body_last="birth anniversary of Baba Guru Nanak.",
    askers=["Q", "Q", "Q"], first_question="Will Pakistan take the Kashmir issue",
)

page(
    name="mofa-2025-letterhead-in-body",
    url="https://mofa.gov.pk/press-releases/transcript-of-the-weekly-media-briefing-by-the-spokesperson-thursday-23-january-2025",
    data=mofa_new("Transcript of the Weekly Media Briefing by the Spokesperson, Thursday, 23 January 2025", "".join([
        p("<strong>Office of the Spokesperson</strong>"), p("*"),
        p("<strong>Transcript of the Media Briefing by the Spokesperson</strong>"),
        p("<strong>Thursday, 23 January 2025</strong>"),
        p("Assalam-o-Alaikum,"),
        p("Welcome to the Ministry of Foreign Affairs. The Netherlands and Pakistan held the eleventh round of "
          "Bilateral Political Consultations in Islamabad on 20 January."),
        lab("Question", "Sir, my question is about the deportation of Afghan nationals. Has the deadline been "
                        "extended?"),
        lab("Answer", "The policy of repatriation of illegal foreigners remains in place. The relevant details are "
                      "shared by the Ministry of Interior."),
        lab("Question", "Is there any update on the visit of the Iranian President?"),
        lab("Answer", "Dates are being worked out through diplomatic channels."),
    ])),
    title="Transcript of the Weekly Media Briefing by the Spokesperson, Thursday, 23 January 2025",
    published="2025-01-23", spokesperson=None, kind="briefing", questions=2,
    body_first="", body_last="worked out through diplomatic channels.",  # the letterhead stays: see the report
    askers=["Question", "Question"],
)


# --- US State Department -------------------------------------------------------------------------

page(
    name="state-2022-price-crosstalk-inaudible",
    url="https://www.state.gov/briefings/department-press-briefing-march-10-2022/",
    data=state_new("Department Press Briefing – March 10, 2022", "March 10, 2022", "Ned Price, Department Spokesperson",
                   "".join([
                       p("Ned Price, Department Spokesperson"), p("Washington, DC"), p("2:14 p.m. EST"),
                       lab("MR PRICE", "Good afternoon. A couple of things at the top, and then I'm happy to take "
                                       "your questions."),
                       p("First, today the Secretary spoke with his counterparts from the G7 about further "
                         "coordinated measures to impose costs on the Russian Federation for its premeditated, "
                         "unprovoked, and unjustified war against Ukraine."),
                       p("Second, we are announcing an additional $186 million in humanitarian assistance for people "
                         "affected by the war, both inside Ukraine and in neighboring countries."),
                       p("With that, Matt, over to you."),
                       lab("QUESTION", "Thanks, Ned. On the talks in Antalya, did anything come out of them that "
                                       "gives you hope for a ceasefire?"),
                       lab("MR PRICE", "We have not seen anything to suggest that Moscow is prepared to engage "
                                       "seriously in diplomacy. We will continue to support Ukraine's efforts, but "
                                       "diplomacy needs a partner that is willing to de-escalate."),
                       lab("QUESTION", "But did Foreign Minister Kuleba tell you – [crosstalk] –"),
                       lab("MR PRICE", "I'm not going to characterize his conversations. That's for him to do."),
                       lab("QUESTION", "(Inaudible.)"),
                       lab("MR PRICE", "We'll have more to say about that later today."),
                       lab("QUESTION", "On the Iran talks in Vienna, is the pause the result of the Russian "
                                       "demands?"),
                       lab("MR PRICE", "We are not going to negotiate with Russia on its sanctions. The sanctions are "
                                       "unrelated to the JCPOA, and we have no intention of offering Russia anything "
                                       "new or specific."),
                       p("What I will say is that we are close to a possible deal, but we are not there yet."),
                       lab("QUESTION", "Thank you."),
                       lab("MR PRICE", "Thank you all very much."),
                       p("(The briefing was concluded at 3:02 p.m.)"),
                   ]), "https://www.state.gov/briefings/department-press-briefing-march-10-2022/"),
    title="Department Press Briefing – March 10, 2022", published="2022-03-10", spokesperson="Ned Price",
    kind="briefing", questions=5,
    body_first="MR PRICE: Good afternoon. A couple of things at the top",
    body_last="(The briefing was concluded at 3:02 p.m.)",
    askers=["QUESTION"] * 5, answerers={"MR PRICE"},
    first_question="Thanks, Ned. On the talks in Antalya",
    must=["[crosstalk]", "we are close to a possible deal, but we are not there yet."],
    must_not=["Bureau of Global Public Affairs", "Privacy Policy", "2:14 p.m. EST"],
)

page(
    name="state-2023-guest-briefer",
    url="https://2021-2025.state.gov/briefings/department-press-briefing-october-3-2023/",
    data=state_new("Department Press Briefing – October 3, 2023", "October 3, 2023",
                   "Matthew Miller, Department Spokesperson", "".join([
                       p("Matthew Miller, Department Spokesperson"), p("Washington, DC"), p("1:21 p.m. EDT"),
                       lab("MR MILLER", "Good afternoon, everyone. Today I'm joined by our Special Envoy for "
                                        "Iran, Abram Paley, who will say a few words about the Iran sanctions we "
                                        "announced this morning and take a few of your questions. Then I'll come "
                                        "back up."),
                       lab("MR PALEY", "Thank you, Matt. This morning we designated eleven individuals and entities "
                                       "involved in the procurement of components for Iran's drone program."),
                       p("These networks have supplied drones that Russia has used against Ukraine's cities and "
                         "energy infrastructure, and we will continue to expose and disrupt them."),
                       lab("QUESTION", "Abram, do you have any evidence that Iran is still shipping drones to "
                                       "Russia?"),
                       lab("MR PALEY", "We have seen continued transfers, and we have shared that information with "
                                       "our partners. I won't go into the intelligence behind it."),
                       lab("QUESTION", "And on the detained Americans – is there any contact with Tehran on their "
                                       "cases?"),
                       lab("MR PALEY", "We don't comment on the details of those conversations, but bringing every "
                                       "wrongfully detained American home remains our highest priority."),
                       lab("MR MILLER", "Thanks, Abram. All right, Matt, go ahead."),
                       lab("QUESTION", "On the Speaker vote on the Hill – does the Department expect any effect on "
                                       "the supplemental for Ukraine?"),
                       lab("MR MILLER", "We have made clear to Congress that there is no time to waste. Russia has "
                                        "not slowed down its attacks, and we need the funding to continue."),
                   ]), "https://2021-2025.state.gov/briefings/department-press-briefing-october-3-2023/"),
    title="Department Press Briefing – October 3, 2023", published="2023-10-03", spokesperson="Matthew Miller",
    kind="briefing", questions=3, body_first="MR MILLER: Good afternoon, everyone.",
    body_last="and we need the funding to continue.",
    askers=["QUESTION"] * 3, answerers={"MR MILLER", "MR PALEY"},
    first_question="Abram, do you have any evidence",
)

page(
    name="state-special-briefing-moderator-official",
    url="https://www.state.gov/senior-state-department-official-on-the-secretarys-travel-to-the-middle-east/",
    data=state_new("Senior State Department Official on the Secretary's Travel to the Middle East", "January 5, 2024",
                   "Office of the Spokesperson", "".join([
                       p("Via Teleconference"),
                       lab("MODERATOR", "Thank you, operator, and good afternoon, everyone. Today we have a senior "
                                        "State Department official to preview the Secretary's travel. As a "
                                        "reminder, this call is on background and the contents are embargoed until "
                                        "its conclusion."),
                       lab("SENIOR STATE DEPARTMENT OFFICIAL", "Thanks very much. The Secretary will depart tomorrow "
                                                               "for Türkiye, Greece, Jordan, Qatar, the United Arab "
                                                               "Emirates, Saudi Arabia, Israel, the West Bank and "
                                                               "Egypt."),
                       p("The focus of the trip will be on preventing the conflict from spreading, on getting more "
                         "humanitarian assistance into Gaza, and on planning for the day after."),
                       lab("MODERATOR", "Our first question goes to the line of Humeyra Pamuk."),
                       lab("QUESTION", "Thank you. Will the Secretary raise the Red Sea attacks with his Gulf "
                                       "counterparts?"),
                       lab("SENIOR STATE DEPARTMENT OFFICIAL", "Yes, freedom of navigation will be on the agenda at "
                                                               "every stop."),
                       lab("MODERATOR", "Next, we'll go to Shaun Tandon."),
                       lab("QUESTION", "Does the Secretary expect to meet President Abbas in Ramallah?"),
                       lab("SENIOR STATE DEPARTMENT OFFICIAL", "I don't have a schedule to announce, but the "
                                                               "Palestinian Authority is an essential partner."),
                       lab("MODERATOR", "And for our final question, let's go to Jennifer Hansler."),
                       lab("QUESTION", "Is there any change in the U.S. position on a ceasefire?"),
                       lab("SENIOR STATE DEPARTMENT OFFICIAL", "Our position has not changed. We support "
                                                               "humanitarian pauses to get hostages out and aid in."),
                       lab("MODERATOR", "Thank you all for joining. The embargo on the contents of this call is now "
                                        "lifted."),
                   ]), "https://www.state.gov/senior-state-department-official-on-the-secretarys-travel-to-the-middle-east/"),
    title="Senior State Department Official on the Secretary's Travel to the Middle East", published="2024-01-05",
    spokesperson=None, kind="briefing", questions=3, body_first="MODERATOR: Thank you, operator",
    body_last="The embargo on the contents of this call is now lifted.",
    askers=["QUESTION"] * 3, answerers={"SENIOR STATE DEPARTMENT OFFICIAL"},
    first_question="Thank you. Will the Secretary raise the Red Sea attacks",
)

page(
    name="state-2016-old-template-deputy",
    url="https://2009-2017.state.gov/r/pa/prs/dpb/2016/07/260418.htm",
    data=state_old("Daily Press Briefing", "Washington, DC<br />July 21, 2016", "".join([
        p("Mark C. Toner, Deputy Spokesperson"),
        p("<strong>Index for Today's Briefing</strong>"),
        "<ul><li>DEPARTMENT</li><li>TURKEY</li><li>SYRIA/RUSSIA</li><li>SOUTH CHINA SEA</li></ul>",
        p("TRANSCRIPT:"), p("1:58 p.m. EDT"),
        lab("MR TONER", "Hey, everybody. Welcome to the State Department. Just a couple of things at the top, and "
                        "then I'll get to your questions."),
        p("The Secretary is in Washington today and hosted a meeting of the Global Coalition to Counter ISIL, which "
          "brought together foreign and defense ministers to take stock of the campaign."),
        lab("QUESTION", "Can we start with Turkey? Has the Turkish Government made a formal request for the "
                        "extradition of Fethullah Gulen?"),
        lab("MR TONER", "We have received materials from the Turkish Government, and we are reviewing them. I'm not "
                        "going to characterize them as a formal request for extradition at this point."),
        lab("QUESTION", "Are you concerned about the state of emergency that was declared?"),
        lab("MR TONER", "We urge the Turkish Government to respect the rule of law and fundamental freedoms, and to "
                        "act in a manner that maintains the confidence of the people."),
        lab("QUESTION", "On the South China Sea, did the Secretary raise the arbitral ruling with the Chinese "
                        "side?"),
        lab("MR TONER", "He did. We have been clear that the ruling is final and legally binding on both parties."),
        lab("QUESTION", "Thanks, Mark."),
        lab("MR TONER", "Thanks, guys."),
        p("(The briefing was concluded at 2:43 p.m.)"),
        p("DPB # 125"),
    ])),
    title="Daily Press Briefing", published="2016-07-21", spokesperson="Mark C. Toner", kind="briefing",
    questions=4, body_first="", body_last="",
    askers=["QUESTION"] * 4, answerers={"MR TONER"},
    first_question="Can we start with Turkey?",
    must=["we are reviewing them"],
    must_not=["The Office of Website Management", "Daily Press Briefings"],
)

page(
    name="state-2024-patel-video-embed",
    url="https://2021-2025.state.gov/briefings/department-press-briefing-may-20-2024/",
    data=state_new("Department Press Briefing – May 20, 2024", "May 20, 2024",
                   "Vedant Patel, Principal Deputy Spokesperson", "".join([
                       p("Vedant Patel, Principal Deputy Spokesperson"), p("Washington, DC"), p("1:14 p.m. EDT"),
                       lab("MR PATEL", "Good afternoon, everybody. I want to start by offering the United States' "
                                       "condolences to the people of Iran on the death of President Raisi, Foreign "
                                       "Minister Amir-Abdollahian, and the others on board the helicopter."),
                       lab("QUESTION", "Thanks, Vedant. Did the United States receive a request for help from "
                                       "Iran after the crash?"),
                       lab("MR PATEL", "We were asked for assistance by the Iranian Government. We made clear that we "
                                       "would be willing to help, as we would do for any government in a situation "
                                       "like this. Largely due to logistical reasons, we were ultimately not able to "
                                       "provide that assistance."),
                       lab("QUESTION", "Does this change the U.S. policy toward Iran in any way?"),
                       lab("MR PATEL", "No. Our policy has not changed. (Laughter.) I know – I know you'd like a "
                                       "longer answer, but it hasn't."),
                       lab("QUESTION", "On the ICC prosecutor's application for arrest warrants – what is the "
                                       "Department's reaction?"),
                       lab("MR PATEL", "We fundamentally reject the prosecutor's announcement. The ICC has no "
                                       "jurisdiction over this matter."),
                   ]), "https://2021-2025.state.gov/briefings/department-press-briefing-may-20-2024/",
                   extra='<div class="featured-video"><div class="video-embed">'
                         '<iframe title="Department Press Briefing" src="https://www.youtube.com/embed/abc123XYZ" '
                         'width="640" height="360" allowfullscreen></iframe>'
                         '</div><p class="video-caption">Watch the briefing on YouTube</p></div>'),
    title="Department Press Briefing – May 20, 2024", published="2024-05-20", spokesperson="Vedant Patel",
    kind="briefing", questions=3, body_first="MR PATEL: Good afternoon, everybody.",
    body_last="The ICC has no jurisdiction over this matter.",
    askers=["QUESTION"] * 3, answerers={"MR PATEL"}, first_question="Thanks, Vedant.",
    must=["(Laughter.)"], must_not=["Watch the briefing on YouTube"],
)

page(
    name="state-2014-psaki-multi-paragraph-question",
    url="https://2009-2017.state.gov/r/pa/prs/dpb/2014/03/223215.htm",
    data=state_old("Daily Press Briefing", "Washington, DC<br />March 17, 2014", "".join([
        p("Jen Psaki, Spokesperson"), p("TRANSCRIPT:"), p("1:27 p.m. EDT"),
        "<p><b>MS. PSAKI</b>: Hi, everyone. I have one item for all of you at the top.</p>",
        p("The Secretary spoke this morning with Foreign Minister Lavrov and made clear that the referendum in "
          "Crimea is illegitimate and will not be recognized by the United States."),
        "<p><b>QUESTION</b>: I have two things. First, on the sanctions announced today, who exactly is on the "
        "list?</p>",
        p("And second, does the Administration expect the Europeans to follow suit this week?"),
        "<p><b>MS. PSAKI</b>: The list includes seven Russian government officials and four Ukrainian individuals. "
        "As for the Europeans, they announced their own measures this morning.</p>",
        "<p><b>QUESTION</b>: Is the Secretary going to travel to the region?</p>",
        "<p><b>MS. PSAKI</b>: I don't have any travel to announce.</p>",
        "<p><b>QUESTION</b>: Thank you.</p>",
        p("(The briefing was concluded at 2:16 p.m.)"),
    ])),
    title="Daily Press Briefing", published="2014-03-17", spokesperson="Jen Psaki", kind="briefing", questions=3,
    body_first="", body_last="(The briefing was concluded at 2:16 p.m.)", askers=["QUESTION"] * 3,
    answerers={"MS. PSAKI"}, first_question="I have two things.",
    must=["does the Administration expect the Europeans to follow suit"],
)


# --- China MFA ------------------------------------------------------------------------------------

page(
    name="fmprc-en-2016-old-q-a",
    url="https://www.fmprc.gov.cn/mfa_eng/xwfw_665399/s2510_665401/2511_665403/t1369188.shtml",
    data=fmprc_en_old("Foreign Ministry Spokesperson Lu Kang's Regular Press Conference on June 3, 2016", [
        "At the invitation of Foreign Minister Wang Yi, Foreign Minister Marise Payne of Australia will pay a visit "
        "to China from June 6 to 8.",
        "<B>Q: </B>Will China attend the ministerial meeting on the Middle East peace process in Paris today?",
        "<B>A: </B>China supports all efforts that are conducive to the settlement of the Palestinian issue. Special "
        "Envoy Gong Xiaosheng will attend the meeting.",
        "We hope the meeting will contribute to the resumption of peace talks on the basis of the two-state "
        "solution.",
        "<B>Q: </B>The US Defense Secretary said that China risks erecting a Great Wall of self-isolation in the "
        "South China Sea. What is your comment?",
        "<B>A: </B>I noticed the remarks. China's position on the South China Sea issue is consistent and clear.",
        "First, China has indisputable sovereignty over the Nansha Islands and their adjacent waters.",
        "Second, China is committed to resolving the relevant disputes through negotiation and consultation with "
        "the countries directly concerned.",
        "Third, China's construction on its own islands and reefs is within its sovereignty. As of 24:00 on June 2, "
        "no country had been affected in its freedom of navigation or overflight.",
        "<B>Follow-up: </B>So you reject the charge of self-isolation?",
        "<B>A: </B>China has never been isolated, and will not be isolated.",
    ]),
    title="Foreign Ministry Spokesperson Lu Kang's Regular Press Conference on June 3, 2016", published="2016-06-03",
    spokesperson="Lu Kang", kind="briefing", questions=3,
    body_first="At the invitation of Foreign Minister Wang Yi",
    body_last="China has never been isolated, and will not be isolated.",
    askers=["Q", "Q", "Follow-up"], first_question="Will China attend the ministerial meeting",
    must=["Third, China's construction on its own islands", "As of 24:00 on June 2"],
    must_not=["[Print]", "Suggest to a friend", "Related News:", "Copyright©1998-2014"],
)

page(
    name="fmprc-en-2023-bold-outlets-after-conference",
    url="https://www.fmprc.gov.cn/eng/xw/fyrbt/lxjzh/202304/t20230411_11057218.html",
    data=fmprc_new("Foreign Ministry Spokesperson Mao Ning's Regular Press Conference on April 11, 2023",
                   "2023-04-11 20:44", "".join([
                       p("Mao Ning: At the invitation of Foreign Minister Qin Gang, Foreign Minister Mauro Vieira of "
                         "Brazil will visit China from April 12 to 15."),
                       bold("CCTV: President Lula will also pay a state visit. What are China's expectations?"),
                       p("Mao Ning: China and Brazil are comprehensive strategic partners. We are ready to work with "
                         "Brazil to take this visit as an opportunity to deepen practical cooperation."),
                       p("The two sides will sign a number of cooperation documents in trade, agriculture, science "
                         "and technology, and space."),
                       bold("Bloomberg: The French President said Europe must not be a follower of the US on Taiwan. "
                            "Does China welcome this?"),
                       p("Mao Ning: China has noted the remarks. Taiwan is China's internal affair. We hope that all "
                         "countries will abide by the one-China principle."),
                       bold("Follow-up: Will President Xi visit France later this year?"),
                       p("Mao Ning: I have no information to release at the moment."),
                       bold("Reuters: The Philippines and the US start their largest joint exercises today. What is "
                            "China's comment?"),
                       p("Mao Ning: Defense cooperation between countries should not target any third party, nor "
                         "should it harm the interests of any third party."),
                       p("※※※"),
                       bold("After the press conference, the following question was raised: Could you share the "
                            "details of the upcoming visit of the Spanish Prime Minister?"),
                       p("Mao Ning: We will release information in due course. Please check back for updates."),
                   ])),
    title="Foreign Ministry Spokesperson Mao Ning's Regular Press Conference on April 11, 2023",
    published="2023-04-11", spokesperson="Mao Ning", kind="briefing", questions=5,
    body_first="Mao Ning: At the invitation of Foreign Minister Qin Gang",
    body_last="Please check back for updates.",
    askers=["CCTV", "Bloomberg", "Follow-up", "Reuters", None], answerers={"Mao Ning"},
    first_question="President Lula will also pay a state visit.",
    must_not=["[Print]", "Copyright"],
)

page(
    name="fmprc-en-2019-plain-q-a-numbered-answer",
    url="https://www.fmprc.gov.cn/mfa_eng/xwfw_665399/s2510_665401/2511_665403/t1651390.shtml",
    data=fmprc_en_old("Foreign Ministry Spokesperson Geng Shuang's Regular Press Conference on March 29, 2019", [
        "Q: The European Parliament passed a resolution on foreign investment screening. How does China view it?",
        "A: We have noted the reports. China's investment in Europe is mutually beneficial. We hope the EU will "
        "provide an open, fair and non-discriminatory environment for Chinese businesses.",
        "Q: Can you give us an update on the upcoming Belt and Road Forum?",
        "A: Preparations are proceeding smoothly. Let me give you three points.",
        "1. About 40 foreign leaders have confirmed their attendance.",
        "2. Representatives from over 100 countries will take part in the thematic forums.",
        "3. We will release more details at the appropriate time.",
        "Q: Does China have any comment on the outcome of the Thai election?",
        "A: We have noted that the counting is still under way. It is Thailand's internal affair, and we respect the "
        "choice of the Thai people.",
    ]),
    title="Foreign Ministry Spokesperson Geng Shuang's Regular Press Conference on March 29, 2019",
    published="2019-03-29", spokesperson="Geng Shuang", kind="briefing", questions=3,
    body_first="Q: The European Parliament passed a resolution",
    body_last="we respect the choice of the Thai people.",
    askers=["Q", "Q", "Q"], first_question="The European Parliament passed a resolution",
    must=["2. Representatives from over 100 countries"],
)

page(
    name="fmprc-en-2018-title-typo",
    url="https://www.fmprc.gov.cn/mfa_eng/xwfw_665399/s2510_665401/2511_665403/t1567980.shtml",
    data=fmprc_en_old("Foreign Ministry Spokesperson Hua Chunying's Regular Press Conference on June13, 2018", [
        "<B>Q: </B>The DPRK and the US have issued a joint statement. How does China view it?",
        "<B>A: </B>We welcome the results of the meeting. China will continue to play a constructive role.",
        "<B>Q: </B>Will sanctions on the DPRK be adjusted?",
        "<B>A: </B>Sanctions are not an end in themselves. The actions of the Security Council should support "
        "the diplomatic efforts.",
    ]),
    title="Foreign Ministry Spokesperson Hua Chunying's Regular Press Conference on June13, 2018",
    published="2018-06-13", spokesperson="Hua Chunying", kind="briefing", questions=2,
    body_first="Q: The DPRK and the US have issued a joint statement.",
    body_last="should support the diplomatic efforts.",
    askers=["Q", "Q"],
)

page(
    name="fmprc-en-answers-a-reporters-question",
    url="https://www.fmprc.gov.cn/eng/xw/fyrbt/fyrbt/202312/t20231210_11198834.html",
    data=fmprc_new("Foreign Ministry Spokesperson Mao Ning Answers a Reporter's Question on the Ren'ai Jiao Incident",
                   "2023-12-10 22:10", "".join([
                       p("<strong>Q:</strong> The Philippines said that Chinese coast guard vessels fired water "
                         "cannons at its ships near Ren'ai Jiao today. What is China's response?"),
                       p("<strong>A:</strong> On December 10, in disregard of China's repeated dissuasion and "
                         "warnings, the Philippines sent two vessels to intrude into the waters near Ren'ai Jiao."),
                       p("The China Coast Guard took necessary measures in accordance with the law. The operation was "
                         "professional, restrained, justified and lawful."),
                       p("We urge the Philippines to stop making provocations and to stop spreading false "
                         "information."),
                   ])),
    title="Foreign Ministry Spokesperson Mao Ning Answers a Reporter's Question on the Ren'ai Jiao Incident",
    published="2023-12-10", spokesperson="Mao Ning", kind="remarks", questions=1,
    body_first="Q: The Philippines said that Chinese coast guard vessels",
    body_last="to stop spreading false information.", askers=["Q"],
)

page(
    name="fmprc-zh-2016-wen-da",
    url="https://www.mfa.gov.cn/web/fyrbt_673021/jzhsl_673025/201606/t20160603_7669612.shtml",
    data=fmprc_new("2016年6月3日外交部发言人洪磊主持例行记者会", "2016-06-03 19:05", "".join([
        p(IND + "应外交部长王毅邀请，澳大利亚外长毕晓普将于6月6日至8日访华。"),
        p(IND + "问：中方是否出席今天在巴黎举行的中东和平进程部长级会议？"),
        p(IND + "答：中方支持一切有利于巴勒斯坦问题解决的努力。中国政府中东问题特使宫小生将出席会议。"),
        p(IND + "我们希望会议为在“两国方案”基础上重启和谈发挥积极作用。"),
        p(IND + "问：美国防长称中国在南海问题上可能筑起“自我孤立的长城”。你对此有何评论？"),
        p(IND + "答：我注意到有关言论。中方在南海问题上的立场是一贯的、明确的。"),
        p(IND + "第一，中国对南沙群岛及其附近海域拥有无可争辩的主权。"),
        p(IND + "第二，中方致力于同直接有关的当事国通过谈判协商解决有关争议。"),
        p(IND + "追问：所以中方不接受“自我孤立”的说法？"),
        p(IND + "答：中国从来没有被孤立，也不会被孤立。"),
    ]), lang="zh"),
    title="2016年6月3日外交部发言人洪磊主持例行记者会", published="2016-06-03", spokesperson="洪磊",
    kind="briefing", questions=3, body_first="应外交部长王毅邀请", body_last="中国从来没有被孤立，也不会被孤立。",
    askers=["问", "问", "追问"], first_question="中方是否出席今天在巴黎举行",
    must=["第二，中方致力于同直接有关的当事国"], must_not=["【打印】", "版权所有"],
)

page(
    name="fmprc-zh-2024-outlets-and-name",
    url="https://www.mfa.gov.cn/web/fyrbt_673021/jzhsl_673025/202409/t20240912_11489012.shtml",
    data=fmprc_new("2024年9月12日外交部发言人毛宁主持例行记者会", "2024-09-12 19:30", "".join([
        p(IND + "毛宁：各位记者朋友，下午好。今天我没有需要发布的消息，欢迎大家提问。"),
        p(IND + "<strong>总台央视记者：</strong>中非合作论坛北京峰会成果落实情况如何？"),
        p(IND + "毛宁：峰会成果正在逐项落实。中方将同非方一道，推进“十大伙伴行动”。"),
        p(IND + "我们相信，中非合作将给双方人民带来更多福祉。"),
        p(IND + "<strong>彭博社记者：</strong>欧盟对中国电动汽车加征反补贴税的最终决定即将出台。中方有何回应？"),
        p(IND + "毛宁：中方一贯反对贸易保护主义。希望欧方同中方相向而行，通过对话协商妥善解决贸易摩擦。"),
        p(IND + "<strong>法新社记者：</strong>据报道，一名日本男童在深圳遭到袭击。你能否证实？"),
        p(IND + "毛宁：我们注意到有关报道。据了解，这是一起个案，类似事件在任何国家都可能发生。"),
        p(IND + "<strong>记者追问：</strong>男童目前的情况如何？"),
        p(IND + "毛宁：具体情况请向主管部门了解。"),
        p(IND + "※※※"),
        p(IND + "<strong>记者会后，有记者问及：</strong>中方对巴西总统即将访华有何期待？"),
        p(IND + "毛宁：中方欢迎卢拉总统访华。我们将适时发布消息。"),
    ]), lang="zh"),
    title="2024年9月12日外交部发言人毛宁主持例行记者会", published="2024-09-12", spokesperson="毛宁",
    kind="briefing", questions=5, body_first="毛宁：各位记者朋友，下午好。", body_last="我们将适时发布消息。",
    askers=["总台央视记者", "彭博社记者", "法新社记者", "记者追问", None], answerers={"毛宁"},
    first_question="中非合作论坛北京峰会成果落实情况如何？",
)

page(
    name="fmprc-zh-reporter-spokesperson-labels",
    url="https://www.mfa.gov.cn/web/fyrbt_673021/dhdw_673027/202303/t20230321_11045690.shtml",
    data=fmprc_new("外交部发言人就美国国务院涉华报告答记者问", "2023-03-21 21:00", "".join([
        p(IND + "记者：美国国务院日前发布所谓年度人权报告，对中国进行无端指责。中方对此有何评论？"),
        p(IND + "发言人：美方发布的所谓报告罔顾事实，颠倒黑白，充斥着政治谎言和意识形态偏见。"),
        p(IND + "美方应当正视和反思自身严重的人权问题，停止借人权问题干涉别国内政。"),
        p(IND + "记者：美方还宣布对中方有关官员实施所谓制裁。中方将如何回应？"),
        p(IND + "发言人：中方对此坚决反对，已向美方提出严正交涉。中方将采取坚决有力措施，维护自身正当权益。"),
    ]), lang="zh"),
    title="外交部发言人就美国国务院涉华报告答记者问", published="2023-03-21", spokesperson=None, kind="remarks",
    questions=2, body_first="记者：美国国务院日前发布", body_last="维护自身正当权益。",
    askers=["记者", "记者"], first_question="美国国务院日前发布所谓年度人权报告",
)

page(
    name="fmprc-zh-named-answers-questions",
    url="https://www.mfa.gov.cn/web/fyrbt_673021/dhdw_673027/202308/t20230824_11131780.shtml",
    data=fmprc_new("外交部发言人汪文斌就日本福岛核污染水排海答记者问", "2023-08-24 16:20", "".join([
        p(IND + "问：日本政府今天启动福岛核污染水排海。中方对此有何评论？"),
        p(IND + "答：日本政府无视国际社会的强烈质疑和反对，单方面强行启动福岛核事故污染水排海，"
                "中方对此表示坚决反对和强烈谴责。"),
        p(IND + "海洋是人类共同的财富。日方不应将一己私利凌驾于全人类长远福祉之上。"),
        p(IND + "问：中方将采取哪些措施？"),
        p(IND + "答：中方将采取一切必要措施，维护海洋环境和食品安全，保护公众健康。"),
    ]), lang="zh"),
    title="外交部发言人汪文斌就日本福岛核污染水排海答记者问", published="2023-08-24", spokesperson="汪文斌",
    kind="remarks", questions=2, body_first="问：日本政府今天启动", body_last="保护公众健康。",
    askers=["问", "问"],
)

page(
    name="fmprc-zh-2020-colleague-introduced",
    url="https://www.mfa.gov.cn/web/fyrbt_673021/jzhsl_673025/202007/t20200720_5418913.shtml",
    data=fmprc_new("2020年7月20日外交部发言人汪文斌主持例行记者会", "2020-07-20 21:30", "".join([
        p(IND + "华春莹：大家下午好。今天我向大家介绍一位新同事，外交部新闻司副司长汪文斌先生。"
                "今后他将与我和赵立坚一起主持例行记者会。"),
        p(IND + "汪文斌：大家下午好。很高兴同大家见面，希望今后与各位记者朋友保持良好的合作。"),
        p(IND + "<b>新华社记者：</b>中方如何看待当前中美关系？"),
        p(IND + "汪文斌：中美关系正面临建交以来最严峻的挑战。我们敦促美方停止错误言行。"),
        p(IND + "<b>路透社记者：</b>英国宣布暂停与香港的引渡条约。中方有何回应？"),
        p(IND + "汪文斌：香港事务纯属中国内政，任何外国无权干涉。"),
        p(IND + "中方将作出坚决回应，一切后果由英方承担。"),
    ]), lang="zh"),
    title="2020年7月20日外交部发言人汪文斌主持例行记者会", published="2020-07-20", spokesperson="汪文斌",
    kind="briefing", questions=2, body_first="华春莹：大家下午好。", body_last="一切后果由英方承担。",
    askers=["新华社记者", "路透社记者"], answerers={"汪文斌"},
)

page(
    name="fmprc-en-2020-plain-outlets-as-of",
    url="https://www.fmprc.gov.cn/mfa_eng/xwfw_665399/s2510_665401/2511_665403/t1776620.shtml",
    data=fmprc_en_old("Foreign Ministry Spokesperson Zhao Lijian's Regular Press Conference on May 7, 2020", [
        "Global Times: The US Secretary of State said there is enormous evidence that the virus came from a lab in "
        "Wuhan. What is your response?",
        "Zhao Lijian: Mr. Pompeo cannot present any evidence, because he has none. This is a matter of science.",
        "As of 24:00 on May 6, 31 provinces had reported no new confirmed cases for three consecutive days.",
        "Reuters: Will China take part in an independent inquiry into the origins of the virus?",
        "Zhao Lijian: China supports the WHO in playing a leading role. At the right time, we will take part in a "
        "review of the global response.",
        "NHK: Japan has asked for the resumption of flights between the two countries. Any comment?",
        "Zhao Lijian: The competent authorities of the two sides are in communication on the matter.",
    ]),
    title="Foreign Ministry Spokesperson Zhao Lijian's Regular Press Conference on May 7, 2020", published="2020-05-07",
    spokesperson="Zhao Lijian", kind="briefing", questions=3, body_first="Global Times: The US Secretary of State",
    body_last="are in communication on the matter.", askers=["Global Times", "Reuters", "NHK"],
    answerers={"Zhao Lijian"}, must=["As of 24:00 on May 6, 31 provinces"],
)

page(
    name="fmprc-en-2013-q-and-a-in-one-paragraph",
    url="https://www.fmprc.gov.cn/mfa_eng/xwfw_665399/s2510_665401/2511_665403/t1048151.shtml",
    data=fmprc_en_old("Foreign Ministry Spokesperson Hong Lei's Regular Press Conference on June 3, 2013", [
        "Q: The Philippine side said it would send more troops to Ren'ai Jiao. What is China's response?<BR>"
        "A: China has indisputable sovereignty over the Nansha Islands, including Ren'ai Jiao. We urge the "
        "Philippine side not to take actions that complicate the situation.",
        "Q: Will Premier Li Keqiang meet the German Chancellor during his visit?<BR>"
        "A: Premier Li will meet Chancellor Merkel in Berlin. The two sides will discuss trade and investment.",
    ]),
    title="Foreign Ministry Spokesperson Hong Lei's Regular Press Conference on June 3, 2013", published="2013-06-03",
    spokesperson="Hong Lei", kind="briefing", questions=2, body_first="Q: The Philippine side said",
    body_last="The two sides will discuss trade and investment.", askers=["Q", "Q"],
)

page(
    name="fmprc-zh-answer-lines-open-with-a-phrase-and-colon",
    url="https://www.mfa.gov.cn/web/fyrbt_673021/jzhsl_673025/202504/t20250409_11590123.shtml",
    data=fmprc_new("2025年4月9日外交部发言人林剑主持例行记者会", "2025-04-09 19:00", "".join([
        p(IND + "问：美方宣布新一轮对华关税措施。中方有何回应？"),
        p(IND + "答：中方对此坚决反对。关税战、贸易战没有赢家。"),
        p(IND + "需要强调：中方将采取坚决措施，维护自身正当权益。"),
        p(IND + "问：中方如何看待中欧关系？"),
        p(IND + "答：中欧是全面战略伙伴。"),
        p(IND + "我想指出：中欧合作大于竞争，共识大于分歧。"),
        p(IND + "问：有报道称中方将举办相关国际会议，你能否证实？"),
        p(IND + "答：我不掌握有关情况。"),
    ]), lang="zh"),
    title="2025年4月9日外交部发言人林剑主持例行记者会", published="2025-04-09", spokesperson="林剑",
    kind="briefing", questions=3, body_first="问：美方宣布新一轮对华关税措施。", body_last="我不掌握有关情况。",
    askers=["问", "问", "问"], must=["需要强调：中方将采取坚决措施"],
)


# --- India MEA ------------------------------------------------------------------------------------

MEA_JAISWAL = "Official Spokesperson, Shri Randhir Jaiswal"

page(
    name="mea-2025-title-first-labels-and-outlets",
    url="https://www.mea.gov.in/media-briefings.htm?dtl/38912/Transcript_of_Weekly_Media_Briefing_by_the_Official_Spokesperson_January_16_2025",
    data=mea("Transcript of Weekly Media Briefing by the Official Spokesperson (January 16, 2025)", "January 17, 2025",
             "".join([
                 lab(MEA_JAISWAL, "Good evening, and welcome to this weekly briefing. I have two announcements."),
                 p("The President of Indonesia will be the Chief Guest at our Republic Day celebrations this year. "
                   "He will pay a state visit to India from 25 to 26 January."),
                 p("Second, the External Affairs Minister will travel to Washington to attend the inauguration of "
                   "the President of the United States on 20 January."),
                 lab("Sidhant Sibal, WION", "Sir, will there be any bilateral meetings on the sidelines of the "
                                            "inauguration?"),
                 lab("Rishikesh Kumar, Sputnik", "Sir, any update on the Indians serving in the Russian army?"),
                 lab(MEA_JAISWAL, "Sidhant, we will keep you informed about the meetings as they get finalised."),
                 p("On the Indian nationals in the Russian army, we have taken up the matter strongly with the "
                   "Russian authorities, both in Moscow and in New Delhi. So far 12 of them have lost their lives, "
                   "and 16 are missing. We are pressing for the early discharge of the remaining ones."),
                 lab("Yeshi Seli, The New Indian Express", "Sir, is there an update on the Kailash Mansarovar "
                                                           "Yatra?"),
                 lab(MEA_JAISWAL, "Discussions are ongoing with the Chinese side on the modalities. We will share "
                                  "details once they are finalised. Thank you all for joining."),
             ])),
    title="Transcript of Weekly Media Briefing by the Official Spokesperson (January 16, 2025)",
    published="2025-01-16", spokesperson="Randhir Jaiswal", kind="briefing", questions=3,
    body_first="Official Spokesperson, Shri Randhir Jaiswal: Good evening",
    body_last="Thank you all for joining.",
    askers=["Sidhant Sibal, WION", "Rishikesh Kumar, Sputnik", "Yeshi Seli, The New Indian Express"],
    answerers={MEA_JAISWAL}, first_question="Sir, will there be any bilateral meetings",
)

page(
    name="mea-2022-bagchi-video-pdf-hindi",
    url="https://www.mea.gov.in/media-briefings.htm?dtl/35486/Transcript_of_Weekly_Media_Briefing_by_the_Official_Spokesperson_July_07_2022",
    data=mea("Transcript of Weekly Media Briefing by the Official Spokesperson (July 07, 2022)", "July 08, 2022",
             "".join([
        lab("Shri Arindam Bagchi, Official Spokesperson", "Good afternoon and welcome to this weekly briefing. "
                                                          "I don't have any announcements, so let's go straight "
                                                          "to your questions."),
        lab("Sidhant", "Sir, on Sri Lanka, is India looking at additional assistance given the fuel crisis?"),
        lab("Shri Arindam Bagchi, Official Spokesperson", "We have extended support of about 3.8 billion dollars "
                                                          "this year alone, in line with our Neighbourhood First "
                                                          "policy. We will continue to stand with the people of "
                                                          "Sri Lanka."),
        lab("Question", "(Questioned in Hindi; Approximate Translation) Sir, what is the update on the evacuation "
                        "of Indian students from Ukraine who want to complete their studies?"),
        lab("Shri Arindam Bagchi, Official Spokesperson", "(Answered in Hindi; Approximate Translation) We are in "
                                                          "touch with the concerned authorities on their academic "
                                                          "future."),
        lab("Maha", "Sir, there are reports of Chinese aircraft near the Line of Actual Control in eastern Ladakh. "
                    "Has this been raised with China?"),
        lab("Shri Arindam Bagchi, Official Spokesperson", "Such matters are taken up through established channels. "
                                                          "I don't have anything further to share. Thank you."),
    ]), extra='<div class="videoBox"><iframe width="560" height="315" src="https://www.youtube.com/embed/q9Zk3LmN0pQ" '
              'title="Weekly Media Briefing by the Official Spokesperson (July 07, 2022)" frameborder="0" '
              'allowfullscreen></iframe></div>'
              '<div class="pdfLink"><a href="https://www.mea.gov.in/Uploads/PublicationDocs/35486_Transcript.pdf" '
              'target="_blank"><img src="https://www.mea.gov.in/images/pdf-icon.png" alt=""> Download PDF</a></div>'),
    title="Transcript of Weekly Media Briefing by the Official Spokesperson (July 07, 2022)", published="2022-07-07",
    spokesperson="Arindam Bagchi", kind="briefing", questions=3,
    body_first="Shri Arindam Bagchi, Official Spokesperson: Good afternoon", body_last="further to share. Thank you.",
    askers=["Sidhant", "Question", "Maha"], answerers={"Shri Arindam Bagchi, Official Spokesperson"},
    must=["(Questioned in Hindi; Approximate Translation)"], must_not=["Download PDF", "Media Center"],
)

page(
    name="mea-2025-special-briefing-foreign-secretary",
    url="https://www.mea.gov.in/media-briefings.htm?dtl/40061/Transcript_of_Special_Briefing_by_Foreign_Secretary_on_PMs_visit_to_Japan_August_28_2025",
    data=mea("Transcript of Special Briefing by Foreign Secretary on Prime Minister's visit to Japan (August 28, 2025)",
             "August 28, 2025", "".join([
                 lab(MEA_JAISWAL, "Good evening, friends. Welcome to this special briefing on the visit of the Prime "
                                  "Minister to Japan. We have with us Foreign Secretary, Shri Vikram Misri, and the "
                                  "Joint Secretary (East Asia). I invite the Foreign Secretary to make his opening "
                                  "remarks."),
                 lab("Shri Vikram Misri, Foreign Secretary", "Thank you, Randhir. Good evening to all of you. The "
                                                             "Prime Minister will pay an official visit to Japan on "
                                                             "29 and 30 August for the annual summit."),
                 p("The two Prime Ministers will review the Special Strategic and Global Partnership, including "
                   "defence and security, economic security, the high-speed rail project and semiconductors."),
                 p("From Japan, the Prime Minister will travel to Tianjin for the Summit of the Shanghai Cooperation "
                   "Organisation."),
                 lab(MEA_JAISWAL, "Thank you, sir. The floor is open for questions."),
                 lab("Suhasini Haidar, The Hindu", "Sir, will an investment target be announced during the summit?"),
                 lab("Shri Vikram Misri, Foreign Secretary", "I would not like to pre-empt the outcomes, but economic "
                                                             "cooperation and investment are high on the agenda."),
                 lab("Question", "Sir, will the Prime Minister hold a bilateral meeting with President Xi in "
                                 "Tianjin?"),
                 lab("Shri Vikram Misri, Foreign Secretary", "We will brief you separately on the Tianjin leg of "
                                                             "the visit."),
                 lab(MEA_JAISWAL, "Thank you for joining us this evening."),
             ])),
    title="Transcript of Special Briefing by Foreign Secretary on Prime Minister's visit to Japan (August 28, 2025)",
    published="2025-08-28", spokesperson="Randhir Jaiswal", kind="briefing", questions=2,
    body_first="Official Spokesperson, Shri Randhir Jaiswal: Good evening, friends.",
    body_last="Thank you for joining us this evening.",
    askers=["Suhasini Haidar, The Hindu", "Question"],
    answerers={"Shri Vikram Misri, Foreign Secretary", MEA_JAISWAL},  # her closing line follows his answer
)

page(
    name="mea-2014-spokesperson-in-brackets",
    url="https://www.mea.gov.in/media-briefings.htm?dtl/23612/Transcript_of_Media_Briefing_by_Official_Spokesperson_July_10_2014",
    data=mea("Transcript of Media Briefing by Official Spokesperson (July 10, 2014)", "July 11, 2014", "".join([
        lab("Official Spokesperson (Shri Syed Akbaruddin)", "Good afternoon friends. I have a couple of "
                                                            "announcements before I take questions."),
        p("The External Affairs Minister will travel to Dhaka on 25 June for her first bilateral visit abroad."),
        lab("Question", "Will the Teesta water sharing agreement be discussed during the visit?"),
        lab("Official Spokesperson (Shri Syed Akbaruddin)", "All issues of mutual interest will be discussed. "
                                                            "I would not like to go into specifics at this stage."),
        lab("Question", "What is the latest on the nurses stranded in Iraq?"),
        lab("Official Spokesperson (Shri Syed Akbaruddin)", "All 46 nurses have returned safely to Kochi. We are "
                                                            "grateful to all those who helped."),
    ])),
    title="Transcript of Media Briefing by Official Spokesperson (July 10, 2014)", published="2014-07-10",
    spokesperson="Syed Akbaruddin", kind="briefing", questions=2,
    body_first="Official Spokesperson (Shri Syed Akbaruddin): Good afternoon friends.",
    body_last="We are grateful to all those who helped.", askers=["Question", "Question"],
)

page(
    name="mea-2023-outlet-in-brackets-bunched-questions",
    url="https://www.mea.gov.in/media-briefings.htm?dtl/37102/Transcript_of_Weekly_Media_Briefing_by_the_Official_Spokesperson_September_21_2023",
    data=mea("Transcript of Weekly Media Briefing by the Official Spokesperson (September 21, 2023)",
             "September 22, 2023",
             "".join([
                 lab("Shri Arindam Bagchi, Official Spokesperson", "Good evening. Thank you for joining us. Let me "
                                                                   "go straight to questions."),
                 lab("Sidhant (WION)", "Sir, has Canada shared any evidence with India on the allegations made by "
                                       "its Prime Minister?"),
                 lab("Manish (India Today)", "Sir, what is the status of visa services in Canada?"),
                 lab("Pranay (The Print)", "Sir, how many Canadian diplomats will have to leave?"),
                 lab("Shri Arindam Bagchi, Official Spokesperson", "No specific information has been shared by "
                                                                   "Canada on this case, either before or after."),
                 p("On visas, due to security threats faced by our High Commission and Consulates in Canada, they "
                   "are temporarily unable to process visa applications."),
                 p("On the diplomatic presence, we have asked for parity in strength and rank. Thank you."),
             ])),
    title="Transcript of Weekly Media Briefing by the Official Spokesperson (September 21, 2023)",
    published="2023-09-21", spokesperson="Arindam Bagchi", kind="briefing", questions=3,
    body_first="Shri Arindam Bagchi, Official Spokesperson: Good evening.",
    body_last="parity in strength and rank. Thank you.",
    askers=["Sidhant (WION)", "Manish (India Today)", "Pranay (The Print)"],
    answerers={"Shri Arindam Bagchi, Official Spokesperson"},
)

page(
    name="mea-2025-name-only-spokesperson-and-a-named-journalist",
    url="https://www.mea.gov.in/media-briefings.htm?dtl/39230/Transcript_of_Weekly_Media_Briefing_by_the_Official_Spokesperson_March_06_2025",
    data=mea("Transcript of Weekly Media Briefing by the Official Spokesperson (March 06, 2025)", "March 07, 2025",
             "".join([
                 lab("Shri Randhir Jaiswal", "Good afternoon. I have no announcements, so let us begin with "
                                             "questions."),
                 lab("Question", "Sir, any update on the visit of the Sri Lankan President?"),
                 lab("Shri Randhir Jaiswal", "The dates are being worked out through diplomatic channels."),
                 lab("Question", "Sir, has India responded to the tariff announcement by the United States?"),
                 lab("Shri Randhir Jaiswal", "We are studying its implications and are in touch with the US side."),
                 lab("Sidhant", "Sir, is the External Affairs Minister travelling to Moscow next week?"),
                 lab("Shri Randhir Jaiswal", "I have no travel to announce at this point."),
                 lab("Question", "Sir, on Bangladesh, is there any progress on the border fencing talks?"),
                 lab("Shri Randhir Jaiswal", "Discussions are continuing between the border guarding forces. "
                                             "Thank you."),
             ])),
    title="Transcript of Weekly Media Briefing by the Official Spokesperson (March 06, 2025)", published="2025-03-06",
    spokesperson="Randhir Jaiswal", kind="briefing", questions=4, body_first="Shri Randhir Jaiswal: Good afternoon.",
    body_last="between the border guarding forces. Thank you.", askers=["Question", "Question", "Sidhant", "Question"],
    answerers={"Shri Randhir Jaiswal"},
)


# --- UN noon briefings ----------------------------------------------------------------------------

page(
    name="un-2025-many-sections-correspondent",
    url="https://press.un.org/en/2025/db250318.doc.htm",
    data=un_new("https://press.un.org/en/2025/db250318.doc.htm", "2025-03-18", "18 March 2025", "".join([
        p("The following is a near-verbatim transcript of today's noon briefing by Stéphane Dujarric, Spokesperson "
          "for the Secretary-General."),
        p("<strong>**Secretary-General's Travels</strong>"),
        p("The Secretary-General arrived in Brussels this morning, where he will address the European Council "
          "tomorrow on the situation in the Middle East and Ukraine."),
        p("<strong>**Security Council</strong>"),
        p("This morning, the Security Council held a briefing on the situation in Haiti, with the Special "
          "Representative, María Isabel Salvador, telling members that gang violence has displaced more than one "
          "million people."),
        p("<strong>**Occupied Palestinian Territory</strong>"),
        p("Our humanitarian colleagues say that overnight strikes across Gaza killed and injured large numbers of "
          "people, including many children. Hospitals in the south are overwhelmed."),
        p("The UN Relief and Works Agency says that no supplies have entered Gaza for more than two weeks."),
        p("<strong>**Democratic Republic of the Congo</strong>"),
        p("In the east of the country, our peacekeepers continue to shelter thousands of civilians at their bases."),
        p("<strong>**Honour Roll</strong>"),
        p("Today we thank Bahrain, which has paid its regular budget dues in full, bringing the honour roll to 62."),
        p("<strong>**Questions and Answers</strong>"),
        lab("Question", "Stéphane, on Gaza, has the Secretary-General spoken to the Israeli Prime Minister since the "
                        "resumption of strikes?"),
        lab("Spokesperson", "No, he has not. His position is clear: the ceasefire must be respected, humanitarian aid "
                            "must enter, and the hostages must be released."),
        lab("Question", "And how many UN staff have been killed since the strikes resumed?"),
        lab("Spokesperson", "Five colleagues were killed this morning. I will share the details as we get them."),
        lab("Correspondent", "Thank you."),
        lab("Question", "On the Democratic Republic of the Congo, are the talks in Luanda going ahead?"),
        lab("Spokesperson", "We continue to support the African-led processes. Edie, and then we'll go to the "
                            "screen."),
        lab("Question", "[inaudible] ... the funding cuts announced by Member States. Will there be layoffs?"),
        lab("Spokesperson", "We are looking at all options, and the Secretary-General will brief staff in due "
                            "course. Thank you."),
    ])),
    title=UN_TITLE, published="2025-03-18", spokesperson="Stéphane Dujarric", kind="briefing", questions=5,
    body_first="The following is a near-verbatim transcript", body_last="brief staff in due course. Thank you.",
    askers=["Question", "Question", "Correspondent", "Question", "Question"],
    must=["**Honour Roll", "no supplies have entered Gaza"],
    must_not=["Latest Noon Briefings", "For information media. Not an official record.", "Privacy Notice"],
)

page(
    name="un-2016-old-template-deputy",
    url="https://www.un.org/press/en/2016/db160721.doc.htm",
    data=un_old("2016-07-21", "21 July 2016", "".join([
        p("The following is a near-verbatim transcript of today's noon briefing by Farhan Haq, Deputy Spokesman for "
          "the Secretary-General."),
        p("Good afternoon."),
        p("<strong>**South Sudan</strong>"),
        p("The UN Mission in South Sudan says that the situation in Juba remains tense but calm. The Mission "
          "continues to protect more than 30,000 people in its protection of civilians sites."),
        p("<strong>**Turkey</strong>"),
        p("The Secretary-General has been following the developments in Turkey, including the declaration of a "
          "state of emergency."),
        lab("Question", "Farhan, does the Secretary-General believe the state of emergency is justified?"),
        lab("Deputy Spokesman", "The Secretary-General trusts that the Turkish authorities will act in line with "
                                "their international human rights obligations."),
        lab("Question", "On South Sudan, how many peacekeepers were killed in the fighting in Juba?"),
        lab("Deputy Spokesman", "Two Chinese peacekeepers were killed. The Secretary-General has condemned the "
                                "attacks."),
    ])),
    title=UN_TITLE, published="2016-07-21", spokesperson="Farhan Haq", kind="briefing", questions=2,
    body_first="The following is a near-verbatim transcript",
    body_last="The Secretary-General has condemned the attacks.",
    askers=["Question", "Question"], answerers={"Deputy Spokesman"},
    must_not=["For information media. Not an official record.", "Department of Public Information"],
)

page(
    name="un-2024-guest-and-associate-spokesperson",
    url="https://press.un.org/en/2024/db240626.doc.htm",
    data=un_new("https://press.un.org/en/2024/db240626.doc.htm", "2024-06-26", "26 June 2024", "".join([
        p("The following is a near-verbatim transcript of today's noon briefing by Florencia Soto Niño, Associate "
          "Spokesperson for the Secretary-General."),
        p("<strong>**Guest</strong>"),
        p("In a short while, I will be joined by Tom Fletcher, the Under-Secretary-General for Humanitarian Affairs, "
          "who will brief you on his recent mission to Sudan."),
        lab("Mr. Fletcher", "Thank you, Florencia. I have just returned from Port Sudan and Adre, where I met "
                            "families who have fled the fighting in Darfur."),
        p("Famine has been confirmed in several locations, and we need the parties to open every crossing."),
        lab("Question", "Mr. Fletcher, did the authorities in Port Sudan agree to keep the Adre crossing open?"),
        lab("Mr. Fletcher", "They have agreed to extend it for three months. We need a longer commitment."),
        lab("Question", "How much of the appeal has been funded?"),
        lab("Mr. Fletcher", "Less than 20 per cent. That is not enough to keep people alive."),
        p("<strong>**Haiti</strong>"),
        p("Our colleagues in Haiti report that the first contingent of the Multinational Security Support mission "
          "has arrived in Port-au-Prince."),
        lab("Question", "Florencia, will the Secretary-General meet the Kenyan contingent?"),
        lab("Associate Spokesperson", "I don't have anything to announce on that at this point."),
    ])),
    title=UN_TITLE, published="2024-06-26", spokesperson="Florencia Soto Niño", kind="briefing", questions=3,
    body_first="The following is a near-verbatim transcript", body_last="anything to announce on that at this point.",
    askers=["Question", "Question", "Question"], answerers={"Mr. Fletcher", "Associate Spokesperson"},
)


# --- gov.uk ---------------------------------------------------------------------------------------

page(
    name="govuk-2024-un-speech-delivered-on",
    url="https://www.gov.uk/government/speeches/it-is-time-for-the-council-to-act-on-sudan-uk-statement-at-the-un-security-council",
    data=govuk("It is time for the Council to act on Sudan: UK statement at the UN Security Council", "Speech",
               "Statement by Ambassador Barbara Woodward at the UN Security Council meeting on Sudan.",
               govuk_meta(From='<a href="/government/organisations/foreign-commonwealth-development-office">Foreign, '
                               'Commonwealth &amp; Development Office</a> and '
                               '<a href="/government/people/barbara-woodward">'
                               'Dame Barbara Woodward DCMG OBE</a>', Published="12 March 2024"), "".join([
                   p("Thank you, President. And thank you to the briefers for their sobering words."),
                   p("Eleven months into this conflict, the people of Sudan are facing the world's largest "
                     "displacement crisis and the prospect of famine."),
                   "<h2>Humanitarian access</h2>",
                   p("The parties must allow rapid and unhindered humanitarian access, including across the border "
                     "from Chad and across conflict lines."),
                   "<h2>A ceasefire</h2>",
                   p("This Council adopted a resolution last week calling for a cessation of hostilities during the "
                     "holy month of Ramadan. We call on both parties to heed that call."),
                   p("President, the United Kingdom will continue to work with all partners to bring an end to this "
                     "conflict. I thank you."),
               ]), "12 March 2024", important=govuk_meta("important-metadata", Location="UN Security Council, New York",
                                        Delivered_on="12 March 2024 (Transcript of the speech, exactly as it was "
                                                     "delivered)")),
    title="It is time for the Council to act on Sudan: UK statement at the UN Security Council", published="2024-03-12",
    spokesperson=None, kind="speech", questions=0,
    body_first="Thank you, President.", body_last="bring an end to this conflict. I thank you.",
    must=["Humanitarian access"],
    must_not=["Transcript of the speech, exactly as it was delivered", "Share on Facebook", "Crown copyright",
              "UK statement on Sudan"],
)

page(
    name="govuk-2023-press-conference-journalist-outlet",
    url="https://www.gov.uk/government/speeches/foreign-secretary-press-conference-on-sudan-25-april-2023",
    data=govuk("Foreign Secretary press conference on the evacuation from Sudan: 25 April 2023", "Speech",
               "Foreign Secretary James Cleverly gave a press conference on the evacuation of British nationals "
               "from Sudan.",
               govuk_meta(From='<a href="/government/organisations/foreign-commonwealth-development-office">Foreign, '
                               'Commonwealth &amp; Development Office</a>', Published="25 April 2023"), "".join([
                   p("Good afternoon. The UK Government has begun a large-scale evacuation of British nationals from "
                     "Sudan. The first flight left the airfield near Khartoum this morning."),
                   p("We are prioritising families with children, the elderly and those with medical conditions. "
                     "British nationals should make their way to the airfield if it is safe to do so."),
                   lab("Beth Rigby, Sky News", "Foreign Secretary, why did other countries manage to get their "
                                               "citizens out days before we did?"),
                   lab("Foreign Secretary", "The situation on the ground has been extremely volatile. We moved as soon "
                                            "as there was a window in which we could act safely."),
                   lab("Chris Mason, BBC", "How many British nationals are still in the country?"),
                   lab("Foreign Secretary", "We have been in contact with around 2,000 people who have registered "
                                            "their presence, and we expect that number to grow."),
                   lab("Deborah Haynes, Sky News", "Will the flights continue after the ceasefire ends?"),
                   lab("Foreign Secretary", "We will keep flying for as long as it is safe to do so. Thank you."),
               ]), "25 April 2023"),
    title="Foreign Secretary press conference on the evacuation from Sudan: 25 April 2023", published="2023-04-25",
    spokesperson=None, kind="briefing", questions=3,
    body_first="Good afternoon. The UK Government has begun", body_last="as long as it is safe to do so. Thank you.",
    askers=["Beth Rigby, Sky News", "Chris Mason, BBC", "Deborah Haynes, Sky News"], answerers={"Foreign Secretary"},
)

page(
    name="govuk-2024-oral-statement",
    url="https://www.gov.uk/government/speeches/foreign-secretary-statement-on-the-middle-east-14-october-2024",
    data=govuk("Foreign Secretary statement on the Middle East: 14 October 2024", "Oral statement to Parliament",
               "Foreign Secretary David Lammy updated the House of Commons on the situation in the Middle East.",
               govuk_meta(From='<a href="/government/organisations/foreign-commonwealth-development-office">Foreign, '
                               'Commonwealth &amp; Development Office</a>', Published="14 October 2024"), "".join([
                   p("With permission, Mr Speaker, I will update the House on the situation in the Middle East."),
                   p("One year on from the appalling attack by Hamas on 7 October, the region stands on the brink."),
                   p("Our message to all parties is the same: we need an immediate ceasefire in Lebanon and in Gaza, "
                     "the release of all hostages and a surge of aid. I commend this statement to the House."),
               ]), "14 October 2024", fmt="oral_statement",
               important=govuk_meta("important-metadata", Location="House of Commons",
                                    Delivered_on="14 October 2024 (Original script, may differ from delivered "
                                                 "version)")),
    title="Foreign Secretary statement on the Middle East: 14 October 2024", published="2024-10-14",
    spokesperson=None, kind="statement", questions=0,
    body_first="With permission, Mr Speaker", body_last="I commend this statement to the House.",
    must_not=["Original script, may differ from delivered version", "Oral statement to Parliament"],
)

page(
    name="govuk-2016-old-template-speech",
    url="https://www.gov.uk/government/speeches/foreign-secretary-speech-at-chatham-house-2-december-2016",
    data=govuk_2016("Foreign Secretary speech: Britain's role in the world", "Speech",
                    "Foreign Secretary Boris Johnson spoke at Chatham House about Global Britain.",
                    "<dt>From:</dt><dd><a href=\"/government/organisations/foreign-commonwealth-office\">Foreign &amp; "
                    "Commonwealth Office</a></dd><dt>Delivered on:</dt><dd>2 December 2016 (Transcript of the speech, "
                    "exactly as it was delivered)</dd><dt>Location:</dt><dd>Chatham House, London</dd>"
                    "<dt>First published:</dt><dd>2 December 2016</dd>", "".join([
                        p("Thank you very much, Robin, and thank you all for coming this morning."),
                        p("I want to talk about Britain's role in the world, because it seems to me that this is a "
                          "moment when we must be more outward-looking than ever before."),
                        "<h2>Global Britain</h2>",
                        p("We are leaving the European Union, but we are not leaving Europe. We will remain committed "
                          "to the security of our continent, and to NATO as the cornerstone of that security."),
                        p("Thank you very much."),
                    ])),
    title="Foreign Secretary speech: Britain's role in the world", published="2016-12-02", spokesperson=None,
    kind="speech", questions=0, body_first="Thank you very much, Robin", body_last="Thank you very much.",
    must=["Global Britain"], must_not=["Chatham House, London", "Crown copyright", "Share this page"],
)

page(
    name="govuk-2024-broadcast-interview-names-only",
    url="https://www.gov.uk/government/speeches/foreign-secretary-interview-on-bbc-radio-4-today-programme-8-july-2024",
    data=govuk("Foreign Secretary interview on BBC Radio 4's Today programme: 8 July 2024", "Speech",
               "Foreign Secretary David Lammy was interviewed on the Today programme about his first visits abroad.",
               govuk_meta(From='<a href="/government/organisations/foreign-commonwealth-development-office">Foreign, '
                               'Commonwealth &amp; Development Office</a>', Published="8 July 2024"), "".join([
                   lab("Nick Robinson", "Foreign Secretary, you are off to Germany, Poland and Sweden this week. Why "
                                        "those three?"),
                   lab("David Lammy", "Because European security is our first priority. The war in Ukraine is on "
                                      "the continent of Europe, and we want to reset our relationships with our "
                                      "neighbours."),
                   lab("Nick Robinson", "Is there a deal with the EU on defence?"),
                   lab("David Lammy", "We want an ambitious security pact with the European Union, covering defence, "
                                      "energy, climate and irregular migration."),
                   lab("Nick Robinson", "And on Gaza, will you restore funding to UNRWA?"),
                   lab("David Lammy", "I will be looking at that very carefully in the coming days. Thank you."),
               ]), "8 July 2024", fmt="speech"),
    title="Foreign Secretary interview on BBC Radio 4's Today programme: 8 July 2024", published="2024-07-08",
    spokesperson="David Lammy", kind="interview", questions=3, body_first="Nick Robinson: Foreign Secretary",
    body_last="in the coming days. Thank you.", askers=["Nick Robinson"] * 3, answerers={"David Lammy"},
)


# --- the checks ------------------------------------------------------------------------------------

def norm(text: str | None) -> str:
    return fold(html.unescape(text or ""))


def misses(case: Page, with_url: bool = True) -> list[str]:
    """What the parse of a page gets wrong, one line each (empty when all is right)."""
    document = extract(case.data, case.url if with_url else None)
    found: list[str] = []

    def check(what: str, got: object, wanted: object) -> None:
        if got != wanted:
            found.append(f"{what}: got {got!r}, wanted {wanted!r}")

    check("title", norm(document.title), norm(case.title))
    check("published", (document.published or "")[:10] or None, case.published)
    check("spokesperson", document.spokesperson, case.spokesperson)
    check("kind", document.kind, case.kind)
    questions = [turn for turn in document.turns if turn.role == "question"]
    check("questions", len(questions), case.questions)
    if case.askers is not None:
        check("askers", [turn.speaker for turn in questions], case.askers)
    if case.answerers is not None:
        check("answerers", {turn.speaker for turn in document.turns if turn.role == "answer"}, case.answerers)
    if case.first_question and questions and not norm(questions[0].text).startswith(norm(case.first_question)):
        found.append(f"first question: got {questions[0].text[:80]!r}")
    paragraphs = [norm(text) for text in document.paragraphs]
    if case.body_first and not (paragraphs and paragraphs[0].startswith(norm(case.body_first))):
        found.append(f"body first: got {paragraphs[:1]!r}")
    if case.body_last and not (paragraphs and paragraphs[-1].endswith(norm(case.body_last))):
        found.append(f"body last: got {paragraphs[-1:]!r}")
    body = "\n".join(paragraphs)
    found.extend(f"body lacks {snippet!r}" for snippet in case.must if norm(snippet) not in body)
    found.extend(f"body holds {snippet!r}" for snippet in case.must_not if norm(snippet) in body)
    return found


@pytest.mark.parametrize("case", PAGES, ids=[case.name for case in PAGES])
@pytest.mark.parametrize("with_url", [True, False], ids=["url", "saved"])
def test_page(case: Page, with_url: bool) -> None:
    assert misses(case, with_url) == []
