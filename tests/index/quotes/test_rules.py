"""Each attribution rule of ``byline.index.quotes.rules``, pinned by a short text written for it.

A case gives the text, the opening words of one quotation, the speaker expected and the rule that
must give it (``Found.how``), so a test fails both when the answer changes and when another rule
starts answering in its place. Speakers are checked through the real path (``extract_quotes``).
"""

from __future__ import annotations

import pytest

from byline.index.quotes import extract_quotes
from byline.index.quotes.phrases.names import is_organisation
from pick import found, quote, speaker


RULE_CASES = [
    # after_quote: right after the closing mark
    ("trail", "“We will win,” Jane Doe said.", "We will", "Jane Doe"),
    ("trail", '"It was terrifying," said John Smith, 34, a teacher from Ohio.', "It was", "John Smith"),
    ("trail", "“It is bad,” adds psychologist Mary Alvord.", "It is", "Mary Alvord"),
    # a speech given later, from excerpts released before it: ``will say``
    ("trail", "President Ann Hale speaks tonight.\n\n“Nothing prepares you,” the two-term president will say, "
     "according to excerpts released by the White House.", "Nothing", "Ann Hale"),
    ("trail", "“It is bad,” says psychologist Vaile Wright.", "It is", "Vaile Wright"),
    ("trail", "“That was the first time,” CBS This Morning co-anchor DeMarco Morgan said.", "That was", "DeMarco Morgan"),
    ("trail", "“Free at last,” Martin Luther King Jr. said.", "Free at", "Martin Luther King Jr."),
    ("trail", "“Not this,” Brazile’s CNN colleague, Jake Tapper, insists.", "Not this", "Jake Tapper"),
    ("trail", "“You called women fat pigs,” Kelly charged in her interview.", "You called", "Kelly"),
    ("trail", "“The great state of Alabama is proud!” US Senator Jeff Sessions said as he began.", "The great", "Jeff Sessions"),
    ("trail", "Rain fell.\n\n“We will appeal,” said former secretary of state Helen Marsh, who spoke in Ohio.", "We will", "Helen Marsh"),
    ("trail", "Rain fell.\n\n“We will appeal,” said chief of staff Mark Doyle.", "We will", "Mark Doyle"),
    ("trail", "Rain fell.\n\n“We will appeal,” her lawyer, Mark Doyle, said.", "We will", "Mark Doyle"),
    ("trail", "Rain fell.\n\n“We will appeal,” Jeffrey Lane of the Center for Policy Studies wrote.", "We will", "Jeffrey Lane"),
    ("trail", "Rain fell.\n\n“Would it be negotiable?” Hannity pressed.", "Would it", "Hannity"),
    ("trail", "Rain fell.\n\n“Would it be negotiable?” Sean Hannity interrupted.", "Would it", "Sean Hannity"),
    # ``But when …,``: a subordinate clause after a conjunction is no subject; the name after it is
    ("trail", "Colleen Marsh is running. Kirsten Gillibrand backs her.\n\nBut when asked, Marsh fought back. "
     "She had campaigned for paid leave.\n\n“Somebody might say it,” she said.", "Somebody", "Colleen Marsh"),
    ("trail", "Jeb Bush attacked Donald Trump.\n\n“Jeb wants to be a tough guy,” Trump shot back.", "Jeb wants", "Donald Trump"),
    ("trail", "Rain fell.\n\n“We will win,” Katie Packer, who is chairman of Our Principles PAC said in a statement.", "We will", "Katie Packer"),
    ("trail", "Rain fell.\n\n“We will win,” Nate Silver, the polling guru who founded fivethirtyeight.com tweeted.", "We will", "Nate Silver"),
    ("trail", "Donald Trump spoke.\n\n“You know, it happens, right?” Trump went on, as if he did not hear her.", "You know", "Donald Trump"),
    ("trail", "Hillary Clinton spoke.\n\nAbsent Sanders’ plan, Clinton pointed to his votes.\n\n“It is a concern,” she went on.", "It is", "Hillary Clinton"),
    # ``X, who he dubbed “…”``: the relative clause has a subject of its own
    ("lead", "Donald Trump spoke. He took swipes at Marco Rubio, who he dubbed “the little senator.”", "the little", "Donald Trump"),
    # a kinship role says the gender (a later ``he`` is not the wife); ``Miss.`` after a town is a state
    ("trail", "Marcel Lazar was sentenced on Friday. Lazar hacked accounts for years.\n\n“We need him,” his wife, "
     "Gabriela Lazar, wrote in a letter.\n\n“I was bored,” he said.", "I was", "Marcel Lazar"),
    ("trail", "Stephanie Acs spoke first.\n\nDewayne Smithy, 33, of Baldwin, Miss., dismisses the idea. “I cannot "
     "find a candidate,” he said.", "I cannot", "Dewayne Smithy"),
    # ``boss``, ``mogul``: person nouns, in a role before a name and in a description
    ("trail", "Rain fell.\n\n“We will win,” said Republican party boss Dan Moore, though he added more.", "We will", "Dan Moore"),
    ("trail", "Media mogul Dan Moore spoke to People.\n\n“We will win,” the billionaire business mogul told People.", "We will", "Dan Moore"),
    # one capitalised word opening a lower-case role qualifies it (``Conservative icon``); a name
    # followed by a verb and another name's possessive is no role
    ("trail", "Conservative icon Ruth Hale, who died Monday, left a column.\n\n“We will win,” she wrote.\n\n"
     "Hale’s last book, The Plain Case for Reform, was released Tuesday.", "We will", "Ruth Hale"),
    ("trail", "Rain fell.\n\n“We will win,” said Dallas constituent Dan Golden when asked.", "We will", "Dan Golden"),
    ("trail", "Judge Ann Moss heard Tom Hale.\n\nMoss saw Hale’s words differently: “I do not take that as a joke,” she said.", "I do not", "Ann Moss"),
    # a relative clause after an age-and-town appositive: the name before both
    ("trail", "The poll was taken.\n\n“They scare me,” Dan Hale, 30, of Raleigh, N.C., who was among those polled, "
     "said later. “We need people who unite.”", "They scare", "Dan Hale"),
    # attribution_sentence: a short sentence of its own right after
    ("trail", "Jane Doe spoke. “We will win.” Doe said to cheers.", "We will", "Jane Doe"),
    # before_quote: a cue earlier in the sentence
    ("lead", "Maria Lopez said: “The budget is balanced and we are proud of it.”", "The budget", "Maria Lopez"),
    ("lead", "Pence went on to say he’s “confident” about November.", "confident", "Pence"),
    ("prev", "Rain fell. At noon, Jane Doe issued a statement apologizing to voters.\n\n“We are sorry for the delay.”", "We are", "Jane Doe"),
    # a quote that is the object of a speech verb in a subordinate clause is that clause's, not the main clause's
    ("lead", "Rain fell. But even as Mayor Jane Roe claimed on Tuesday that “the roads are open,” one of the city’s engineers said "
     "they were closed.", "the roads", "Jane Roe"),
    ("trail", "Senator John Doe spoke. Nothing the mayor said “will help the town,” the senator said.", "will help", "John Doe"),
    ("lead", "Rain fell. Jane Doe has since apologized for what happened: “It was wrong of me.”", "It was", "Jane Doe"),
    ("lead", "Jane Doe spoke at length. She then implied that the leaders should be “held to account.”", "held to", "Jane Doe"),
    ("lead", "Tom Ray spoke. He anticipated that the hardest part would be “dealing with the backlog.”", "dealing", "Tom Ray"),
    ("lead", "Ann Lee spoke. She also referenced the “budget loophole,” a flaw in the law.", "budget", "Ann Lee"),
    ("lead", "The Times quoted Jane Smith as saying “the plan is dead.”", "the plan", "Jane Smith"),
    ("lead", "Mr. Kelly, a retired astronaut, said “the launch was perfect.”", "the launch", "Kelly"),
    ("lead", "A smiling Clinton said “It is a great day.”", "It is", "Clinton"),
    ("lead", "Already, Donald J. Trump has said “we will build it.”", "we will", "Donald J. Trump"),
    ("lead", "When Trump said “we will win,” the crowd cheered.", "we will", "Trump"),
    ("lead", "Any decision would involve Loretta Lynch, who told Congress: “That matter is handled.”", "That matter", "Loretta Lynch"),
    ("lead", "Rain fell. In a letter, his chief of staff, Mark Doyle, said: “We will appeal the ruling.”", "We will", "Mark Doyle"),
    ("lead", "The house was sold. Said Ruth Connor, who grew up nearby, “We were all so proud of him.”", "We were", "Ruth Connor"),
    ("lead", "Ted Marsh said Lisa Brandt “caused the crash.” Lisa Brandt called Marsh a “liar.”", "caused", "Ted Marsh"),
    ("lead", "Duncan Hunter spoke.\n\nHunter, meanwhile, told Politico on Wednesday that “we need a leader.”", "we need", "Duncan Hunter"),
    ("lead", "After Jerry Brown criticized Bill Clinton, Hillary Clinton shot back, “I could have baked cookies.”", "I could", "Hillary Clinton"),
    ("lead", "When Donald Trump suggested that Cuba would sue, Marco Rubio fired back: “They are going to lose.”", "They are", "Marco Rubio"),
    # a participle after a speech clause of its own speaks for that clause's speaker
    ("lead", "Sean Spicer spoke. Paul Ryan was in Ohio.\n\nRyan and Trump will meet next week, Spicer said, adding, “They need to talk.”", "They need", "Sean Spicer"),
    ("lead", "Karen Weaver spoke. Bernie Sanders spoke.\n\nWeaver was not impressed with Sanders’ comments Tuesday, telling reporters, “A lot of people said it.”", "A lot", "Karen Weaver"),
    ("lead", "Donald Trump spoke on Sunday.\n\nImmediately after the attacks, Trump issued a statement, “We must be vigilant.”", "We must", "Donald Trump"),
    # ``But he …``: a conjunction opening a sentence is no subject; the pronoun after it is
    ("lead", "Barack Obama spoke in London on Friday.\n\nIn a statement, her adviser, Jake Sullivan, said: “We value a "
     "strong Europe.”\n\nObama departs for Berlin today. Protesters will greet him there with banners.\n\nBut he leaves "
     "behind a furious backlash.\n\nConceding that a deal would come later, he warned: “It will take time.”", "It will", "Barack Obama"),
    # a sentence adverb without a comma (``Then he …``) is no subject; nor is ``First,``; a past tense
    # right after a name is that person's verb, not a role of the next name
    ("lead", "Tom Reyes accused Ann Cole of being weak.\n\nThen he turned on Bill Hart, calling him a “stiff.”", "stiff", "Tom Reyes"),
    ("lead", "First, Tom Reyes attacked former party chairman Bill Hart on Monday. Then he called Ann Cole “a liar.”", "a liar", "Tom Reyes"),
    # a word before a comma is no determiner of the verb after it (``endorsed her, citing``)
    ("lead", "Jerry Hale spoke.\n\nOn Tuesday, Gov. Jerry Hale endorsed her, citing her “long experience” and poise.", "long", "Jerry Hale"),
    # a relative clause after the quote is no attribution; an emphatic ``himself`` is no subject
    ("lead", "Tom Reyes spoke.\n\nReyes belittled the issue, calling it a “paperwork error” that was reported in the press.", "paperwork", "Tom Reyes"),
    ("lead", "Tom Reyes spoke.\n\nReyes himself said Tuesday that “the only way to win is to ask.”", "the only", "Tom Reyes"),
    # speech reported inside a that-clause of another speech verb leaves the sentence's speaker as the
    # one a later ``he said`` points back to
    ("trail", "Dan Moss backs Tom Cole.\n\nMoss said he was focused on the platform and noted that Cole himself has "
     "acknowledged he will not win.\n\n“What we ask for is fair,” he said.", "What we", "Dan Moss"),
    # participle_after: a participle right after the quote
    ("part", "Jane Doe closed with “It is over,” cautioning that nothing would change.", "It is", "Jane Doe"),
    # later_in_sentence: a comma-set attribution later in the sentence
    ("later", "“This will be a challenge” for Clinton, said Kunin.", "This will", "Kunin"),
    ("later", "Trump’s “excesses” are sickening, Hollande said Tuesday in Paris.", "excesses", "Hollande"),
    # subject_of_sentence: words quoted in the predicate of an acting subject
    ("subj", "Hillary Clinton spoke. Clinton supports “appropriate pay raises” for workers.", "appropriate", "Hillary Clinton"),
    ("subj", "Bernie Sanders spoke. Sanders delivered a snappy retort: “No one is tearing this up.”", "No one", "Bernie Sanders"),
    # carried: the speaker of the quote before, or of the sentence before
    ("cont", "“We will win,” Jane Doe said. “And we will win big.”", "And we", "Jane Doe"),
    ("cont", "“We will win,” Jane Doe, the mayor, said in a note.\n\n“The rally will go on.”", "The rally", "Jane Doe"),
    ("prev", "Jane Doe repeated her claim and said the vote was fixed.\n\n“They stole it.”", "They stole", "Jane Doe"),
    # a cue of nobody in particular inside the that-clause leaves the sentence to its speaker
    ("prev", "Jane Doe wrote in a column that delegates currently pledged to Roe may defect.\n\n"
     "“A loss would hurt.”", "A loss", "Jane Doe"),
    ("cont", "“We will win.” Trump said to cheers. “But there is more.”", "But there", "Trump"),
    ("cont", "“We will win,” Jane Doe said of the “deal.”\n\n“It is done.”", "It is", "Jane Doe"),
    # a connective opening the next sentence does not break the chain
    ("cont", "Tom Reyes spoke.\n\n“He is supposed to lead,” Reyes said. Instead, “he acts like a defeated man.”", "he acts", "Tom Reyes"),
    ("cont", "Tom Reyes spoke.\n\n“It is not do or die,” he said outside. But “the bid is stronger with it.”", "the bid", "Tom Reyes"),
    # a paragraph ending with a colon after a sentence whose subject is a person introduces the
    # quotation paragraph after it (and the continued paragraphs after that)
    ("prev", "Rain fell.\n\nAnn Hale endorsed Tom Reyes on Monday.\n\nShe then listed what a nominee needs:\n\n"
     "“In the piece I wrote last year, I named several factors.\n\n“Has the candidate a record of activism?”\n\nMore.", "In the piece", "Ann Hale"),
    ("cont", "Rain fell.\n\nAnn Hale endorsed Tom Reyes on Monday.\n\nShe then listed what a nominee needs:\n\n"
     "“In the piece I wrote last year, I named several factors.\n\n“Has the candidate a record of activism?”\n\nMore.", "Has the", "Ann Hale"),
    ("prev", "Rain fell.\n\nRoger Stone spoke on the radio.\n\nStated Stone:\n\n“I think the stakes are high.”\n\nMore.", "I think", "Roger Stone"),
    # layouts
    ("label", "Bush: “The mission is to destroy ISIS.”", "The mission", "Bush"),
    ("label", "Howard Kurtz, Fox News: “The coverage was unfair.”", "The coverage", "Howard Kurtz"),
    ("headline", "Clinton Said “Many Of You Are Here”\n\nShe spoke at length.", "Many Of", "Clinton"),
    # a roundup item: a headline in capitals, a dash, the excerpt's author and a colon
    ("label", "Polls.\n\nRED STATES OUTNUMBER BLUE STATES AT LAST - Jane M. Doe: “Our count finds more.” [Gallup.]", "Our count", "Jane M. Doe"),
    ("credit", "“We will never give up on this city.”\n\nJane Doe, mayor of Springfield, on the flood.\n\nRain fell.", "We will", "Jane Doe"),
    # a pull quote left open, its closing mark at the end of the credit line; a credit after a dash
    ("credit", '"We will never give up on this city.\n\nJane Doe, Springfield Institute."\n\nRain fell.', "We will", "Jane Doe"),
    ("credit", '"We will never give up on this city."\n\n- Jane Doe.\n\nRain fell.', "We will", "Jane Doe"),
    # a dash-led credit may name by surname a person named in full elsewhere, or by title; its
    # participle and speech noun after the comma are no cue of its own
    ("credit", "Ben Sand spoke on Monday.\n\n“The idea is wrong.”\n\n- Sand.\n\nThe claim is false.", "The idea", "Ben Sand"),
    ("credit", "Rain fell.\n\n“Great speech. She is ready.”\n\n-President Barlow, tweeting after her speech.\n\nMore.", "Great", "Barlow"),
    # ``beamed``: a manner of speaking
    ("trail", "Rain fell.\n\n“This is fantastic!” beamed Dan Hartman of Madison, Alabama, who came early.", "This is", "Dan Hartman"),
    # every form of a lemma that doubles its consonant: summed, dubbed
    ("lead", "Jane Doe further summed up the plan as “terrible.”", "terrible", "Jane Doe"),
    ("lead", "Jane Doe dubbed the meeting a “press conference.”", "press", "Jane Doe"),
    # a dateline with a state, an introductory ``Here in …``
    ("lead", "SPRINGFIELD, Ill. — Gov. Jane Doe on Thursday blamed the press, saying it was “nitpicking.”", "nitpicking", "Jane Doe"),
    ("lead", "Here in Springfield, Jane Doe stepped up her push, saying, “We will win this state.”", "We will", "Jane Doe"),
    # a verb whose subject is a thing, then a sentence-final attribution: the one named at the end
    ("later", "Voters rejected the treaty. The rejection signals “the beginning of the end” for the union, said "
     "Geert Vos, founder of the Freedom Party.", "the beginning", "Geert Vos"),
    # one sentence in the writer's voice between two quotations of a paragraph keeps the speaker
    ("cont", "Rain fell.\n\n“Those are small towns,” Eric Dale said. They lie in a dead zone. “That’s a tough area.”",
     "That’s", "Eric Dale"),
    # every quotation of a list takes the attribution after its last one
    ("trail", "Guns are “a public health crisis” and “stunt growth,” Howard Lane, a former governor, proclaimed.",
     "a public", "Howard Lane"),
    # a speaker label with a party tag
    ("label", "Rain fell.\n\nRep. Tom Hale (R-S.C.):“I have not heard anyone cite that figure.”", "I have", "Tom Hale"),
    # ``his campaign`` speaks for the campaign of the one ``his`` stands for
    ("lead", "Ben Sand spoke in Brooklyn. His campaign said that the aides were being “disingenuous” about it.",
     "disingenuous", "Sand campaign"),
    # a title word that is the surname of somebody the article names (``King`` of ``Peter King``)
    ("trail", "Rep. Peter King spoke.\n\n“We were misled,” King said.", "We were", "Peter King"),
    # ``according to`` a written thing ``by`` or ``from`` somebody
    ("later", "Rain fell.\n\nA “living wage” is about $12 an hour, according to calculations by Amy Glas of the "
     "Institute.", "living", "Amy Glas"),
    # ``made it clear`` is saying; a phrase after a conjunction before ``he`` is no subject
    ("lead", "Hillary Clinton backed the deal, although she made it clear that she has “serious concerns” about it.",
     "serious", "Hillary Clinton"),
    ("subj", "Donald Trump spoke in Mexico. “We will work together,” he said.\n\nBut back on American soil, he "
     "returned to his familiar lines: “It is called America First!”", "It is called", "Donald Trump"),
    # an as-clause after the quote; ``however`` between a subject and its verb
    ("trail", "Ted Cruz spoke.\n\nStill, the race “is a dead heat right now,” as Cruz said on the radio, so every "
     "vote counts.", "is a dead", "Ted Cruz"),
    ("lead", "Ash Carter spoke. Carter however said he would welcome a “principled security network” for Asia.",
     "principled", "Ash Carter"),
    # ``found that`` and ``worried that`` report words; ``less than two weeks ago`` between subject and verb
    ("lead", "Rain fell.\n\nIn 2014, the Gallup Organization found that “twice as many voters said so.”", "twice",
     "Gallup Organization"),
    ("lead", "Rain fell.\n\nIn the recession, Paul Rand worried that the net was becoming “a hammock that lulls people.”",
     "a hammock", "Paul Rand"),
    ("lead", "Rain fell.\n\nThe State Department less than two weeks ago said for the first time that “top secret” "
     "intelligence had passed.", "top secret", "State Department"),
    # a participle opening its sentence carries on the speech of the sentence before; ``Here’s X:``
    ("lead", "Rain fell.\n\nLater, Bill Mahr stated of the scandal that the report “was not good.” Adding, “Now, "
     "it is never that bad.”", "Now, it", "Bill Mahr"),
    ("label", "Bill Clinton spoke often. Here’s Clinton in December 1992: “Our new direction must rest on trade.”",
     "Our new", "Bill Clinton"),
    # a noun for a person right before a name whose words are also common words
    ("trail", "Rain fell.\n\n“Many of his ideas are far from heartwarming,” columnist Ai Jun wrote in the paper.",
     "Many of", "Ai Jun"),
    # ``blogged`` is saying; a roundup item that presents its excerpt (``- More from Jones:``)
    ("lead", "Rain fell.\n\nEd Kray may have said it best when he blogged: “Clinton is a pre-selected candidate.”",
     "Clinton is", "Ed Kray"),
    ("label", "Polls.\n\nJeffrey M. Jones wrote on Monday.\n\nWhat that means this year - More from Jones: “The "
     "partisanship of the state is a starting point.”", "The partisanship", "Jeffrey M. Jones"),
    # somebody's account speaks with their voice; their office and their campaign speak for them
    ("lead", "Hillary Clinton spoke. The next day, her Twitter account posted: “We will win this.”", "We will",
     "Hillary Clinton"),
    ("lead", "Rep. Trey Gowdy spoke. Gowdy’s office assured the public that he will be “fully exonerated.”", "fully",
     "Trey Gowdy's office"),
    ("trail", "Rain fell.\n\nHillary Clinton spoke. “We will win this,” her campaign said.", "We will", "Clinton campaign"),
    # ``Watch`` ends an organisation's name
    ("trail", "Rain fell.\n\n“The hidden email was found in 2014,” Judicial Watch added.", "The hidden", "Judicial Watch"),
    # a surname that is also a word right before the verb; a relative clause with ``in the past``
    ("lead", "Rain fell.\n\nColumnist George Will wrote a column. Citing the attack, Will urged the party to abandon "
     "“all outsider candidates.”", "all outsider", "George Will"),
    ("lead", "Glenn Beck spoke. Beck, who has in the past described Trump as “a pathological sociopath,” spoke again.",
     "a pathological", "Glenn Beck"),
    # the subject of the subordinate clause an ``and``-verb belongs to; ``started`` right after a quote
    ("lead", "Rain fell.\n\nThere were pointed references, such as when Ted Cruz knocked Marco Rubio on trade and "
     "called him a “moderate” in a dig.", "moderate", "Ted Cruz"),
    ("trail", "Sean Hannity spoke.\n\n“The Times is claiming today that you met them,” Hannity started.", "The Times",
     "Sean Hannity"),
    # ``Early in his campaign,`` is an introductory phrase, not the subject
    ("lead", "Rain fell.\n\nEarly in his campaign, Donald Trump attacked Mitt Romney, calling him, among other "
     "things, “a choke artist.”", "a choke", "Donald Trump"),
    # a sentence opening with ``He`` right after one naming one person says that person is a he
    ("trail", "Rain fell.\n\nDexter Wakefield, a minister, told the Post that she was “a regular” there. He said her "
     "family asked for privacy. “She is a very pleasant woman,” he added.", "She is", "Dexter Wakefield"),
    # a name after ``for`` is the object of the words before it, no speaker they describe
    ("lead", "Rain fell.\n\nDavid Petraeus spoke. But even as Donald Trump claimed on Tuesday that “General Petraeus "
     "got in trouble for far less,” one of the former prosecutors for David Petraeus said the cases differ.",
     "General", "Donald Trump"),
    # two titles of one person joined by ``and``
    ("lead", "Rain fell.\n\nFormer prosecutor and New York City Mayor Rudy Giuliani, who backs Trump, trashed Comey, "
     "calling it a “no-brainer” to prosecute.", "no-brainer", "Rudy Giuliani"),
    # first names say who ``she`` is (``Craig`` is no ``she``)
    ("trail", "Rain fell.\n\nCraig Kettle thanked Salma Reyes.\n\n“I am happy,” she said.", "I am", "Salma Reyes"),
    # a conjunction before an opening phrase (``But a few days later,``, ``But on Monday,``) is no subject
    ("lead", "Donald Trump spoke. But a few days later, Trump reversed himself, telling CBS that the laws “are set.”",
     "are set", "Donald Trump"),
    ("lead", "Donald Trump spoke. But on Monday, Trump reversed himself, telling CBS that the laws “are set.”",
     "are set", "Donald Trump"),
    # an office named with ``of`` or ``for`` before the name is the role, not part of the name
    ("lead", "Rain fell. Director of National Intelligence James Clapper said “it is real.”", "it is", "James Clapper"),
    ("lead", "Rain fell. Minister for Foreign Affairs Julie Bishop said “we will act.”", "we will", "Julie Bishop"),
    ("lead", "Rain fell. Undersecretary for Political Affairs Wendy Sherman wrote: “The plane is up.”", "The plane",
     "Wendy Sherman"),
    # an aside in dashes after a name (a participle, a relative clause) leaves the name the subject
    ("lead", "Rain fell.\n\nOn Friday, Newt Gingrich — mentioned by Newsmax as a likely running mate — told "
     "Bill O’Reilly that “you have to look at it.”", "you have", "Newt Gingrich"),
    # ``the senator`` after a colon-introduced quotation is the subject who introduced it
    ("trail", "Rain fell.\n\nSen. John McCain said he was tired.\n\nTed Cruz defends his record in an ad on Iowa TV: "
     "“We will win,” the senator says.", "We will", "Ted Cruz"),
    # a place ending an opening phrase is no subject: the name after its comma is
    ("lead", "Rain fell.\n\nAfter winning Ohio, Gov. John Kasich (R-OH), said, “I am ready.”", "I am", "John Kasich"),
    # an age in apposition makes a person of a name with no known given name or title
    ("trail", "Rain fell. Yin Myint May, 60, a doctor, said she was elated.\n\n“We have to be cautious,” she said.",
     "We have", "Yin Myint May"),
    # sentences opening with ``He`` carry the person back further than two sentences
    ("trail", "Ann Roe spoke. I met with Tom Reyes on Monday. He's looking ahead. One of the groups he will launch "
     "will fund candidates. He plans to back a hundred.\n\n“We keep going,” he told me.", "We keep", "Tom Reyes"),
]


@pytest.mark.parametrize(("how", "text", "opening", "expected"), RULE_CASES, ids=[f"{c[0]}:{c[2]}" for c in RULE_CASES])
def test_rule(how: str, text: str, opening: str, expected: str) -> None:
    """The rule named gives the speaker expected, and the public API says the same."""
    f = found(text, opening)
    assert (f.how, f.speaker) == (how, expected)
    assert speaker(text, opening) == expected


ABSTAIN_CASES = [
    # a verb-like word after a name that follows a number or a determiner is a noun (``1,300 Clinton emails``)
    ("Hillary Clinton spoke. Reviewers had found more than 1,300 Clinton emails contained secrets, but most "
     "were just “confidential.”", "confidential"),
    # a speaker nobody the article knows: abstain rather than guess
    ("JJ Redick, the Lakers coach, praised his bench. “They kept us alive,” the ex-coach said.", "They kept"),
    ("“We will win,” officials said.", "We will"),
    # the name after a verb that follows a quoted title is its object, not an inverted attribution
    ("Barack Obama spoke. Kerry Washington watched.\n\nWashington, star of television’s “Scandal,” thanked Obama for "
     "“taking these steps.”", "taking"),
    # a person described, with where they are from, is the verb's subject: not the subject of the main clause
    ("John Kasich is assuring voters after a woman in Worcester told him she worries he’s “too nice” to win.", "too nice"),
    ("Joe Arpaio spoke. He said, “Trump will build the wall” as the crowd chanted “Build the wall!”", "Build"),
    ("Reuters quoted the minister as saying that “talks will resume.”", "talks will"),
    ("Trump was “extremely careless,” the report found.", "extremely"),
    ("Hillary Clinton spoke. The debate was “a disaster” for everyone.", "a disaster"),
    # (an organisation's name with ``for``, once here, is now that organisation, no person:
    # test_rules_wire.py; a relative named by a first name alone: test_a_relative_named_by_a_given_name)
    # a conjunction is no role word between a quote and a later speaker
    ("Jane Doe voted. Doe say she was “kind of riding the fence” until Mary Roe said she backed him.", "kind of"),
    # ``Having``, ``Being`` opening a sentence are no name
    ('Ted Hall spoke.\n\nHaving called him a "reformer," Hall left.', "reformer"),
    # a dash-led credit by surname alone of nobody the article names
    ("Rain fell.\n\n“The idea is wrong.”\n\n- Sand.\n\nThe claim is false.", "The idea"),
    # a dash after a sentence that does not open its paragraph leaves no label (a summary line that
    # opens it is a roundup item's: test_rules_named.py)
    ("Polls.\n\nRain fell. Voters care about it - Jane M. Doe: “Our count finds more.”", "Our count"),
    # a colon after a sentence naming no person, or a long sentence whose colon ends another clause
    ("Rain fell.\n\nThe rules are simple:\n\n“Do not run in the halls.”\n\nMore.", "Do not"),
    ("Rain fell.\n\nTom Reyes spoke.\n\nBut while he may not have made the first suggestion, Reyes did support the "
     "idea of such a list on Thursday, and the network has proof:\n\n“Should there be a list?”\n\nMore.", "Should"),
    # page markup and lone labels are nobody's words
    ("Jane Doe spoke.\n\n“Related:”\n\nMore news.", "Related"),
    ('Jane Doe tweeted on Friday.\n\n“<tweet author="janedoe">We will win</tweet>', "<tweet"),
    # an owner's team that speaks in another clause after the quote is no attribution of it
    ("Rain fell.\n\nThe paper noted her “limited availability” for functions, but Fiorina's team denied it.", "limited"),
    # two sentences between, or a sentence with a person for its subject, end the speaker's turn
    ("Rain fell.\n\n“Those are small towns,” Eric Dale said. They lie in a dead zone. Roads are bad. “That’s tough.”",
     "That’s"),
    ("Rain fell.\n\n“Those are small towns,” Eric Dale said. Jane Roe drove home. “That’s tough.”", "That’s"),
    # a title-case line of four words is nobody, and a name merely mentioned is no ``he`` without a sign
    ("Rain fell.\n\nHistory Makes Voters Feel Small.\n\nThe show aired.\n\n“Just imagine it,” he said.", "Just"),
]


@pytest.mark.parametrize(("text", "opening"), ABSTAIN_CASES)
def test_no_speaker_when_the_text_does_not_say(text: str, opening: str) -> None:
    """A wrong speaker is worse than none."""
    assert speaker(text, opening) is None


def test_titles_are_terms() -> None:
    """TV shows and books after a preposition or a possessive are terms, never speech."""
    text = "Bernie Sanders said on NBC’s “Meet the Press” that he would stay in the race."
    (q,) = extract_quotes(text)
    assert (q.speaker, q.kind) == (None, "term")
    assert found(text, "Meet").how == "title"


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        ("Amy Schumer spoke. She became an activist after a screening of her blockbuster film, “Trainwreck.”", "Trainwreck"),
        ("Carly Fiorina wrote about it. She was adamant, she wrote in her memoir, “Tough Choices.”", "Tough"),
        ("“We have to bomb them,” Donald Trump told “Fox and Friends” on Monday.", "Fox and"),
    ],
)
def test_titles_of_works_and_shows_are_terms(text: str, opening: str) -> None:
    """A title after a noun for a work (``her film, “…”``) or as the show somebody told: no speaker."""
    f = found(text, opening)
    assert (f.how, f.speaker) == ("title", None)


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        ("Ted Hale spoke.\n\nHale responded with vitriol, promoting a “Stop Reyes” movement that focused on him.", "Stop"),
        ("Ada Fisher spoke.\n\n“He will do fine,” she said, showing off the “Make Ohio Great Again” hat he gave her.", "Make Ohio"),
        ("Rain fell.\n\nTwo emails were upgraded to the “Secret” level, a State Department official said.", "Secret"),
    ],
)
def test_names_in_title_case_before_a_noun_are_terms(text: str, opening: str) -> None:
    """A name in title case used as the modifier of the noun after it is a term, nobody's words."""
    f = found(text, opening)
    assert (f.kind, f.speaker) == ("term", None)


@pytest.mark.parametrize(
    ("text", "opening", "expected"),
    [
        ("Ted Hale spoke.\n\nHale called Rubio “Little Marco” multiple times.", "Little", "Ted Hale"),
        ("Ted Hale spoke.\n\nHale said “CNN” five times.", "CNN", "Ted Hale"),
        ("Carly Fiorina spoke.\n\nFiorina named her guilty pleasure. “House of Cards,” she said.", "House", "Carly Fiorina"),
    ],
)
def test_title_case_words_said_stay_speech(text: str, opening: str, expected: str) -> None:
    """Words in title case followed by an adverb, a number or a pronoun are still somebody's words."""
    assert speaker(text, opening) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rain fell.\n\nGeneral Motors Corp. said its profit fell. A company spokesman said, “We are fine.”",
         "General Motors Corp."),
        # which ministry ``a ministry spokesman`` speaks for, no pattern says: the source as described
        ("Rain fell.\n\nGeneral Motors Corp. said its profit fell. A ministry spokesman said, “We are fine.”", "a ministry spokesman"),
    ],
)
def test_a_company_spokesman_speaks_for_the_company(text: str, expected: str | None) -> None:
    """``a company spokesman`` speaks for the company the article spoke of last."""
    assert speaker(text, "We are") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rain fell.\n\nChina’s foreign ministry said it hoped for “stability now.”", "China's foreign ministry"),
        ("Rain fell.\n\n“We are ready,” the Chinese foreign ministry said.", "Chinese foreign ministry"),
        ("Rain fell.\n\n“Maybe,” South Korea’s unification ministry said in a statement.", "South Korea's unification ministry"),
        # ``the ministry`` points back to a body whose name says it is one, never to another organisation
        ("Rain fell.\n\n“Bad,” the Pentagon said. “Yes,” the Russian Foreign Ministry said. “No,” the ministry said.",
         "Russian Foreign Ministry"),
    ],
)
def test_a_countrys_state_bodies_speak(text: str, expected: str) -> None:
    """``China’s foreign ministry``, ``the Chinese foreign ministry``: a state body named by its country."""
    assert extract_quotes(text)[-1].speaker == expected


def test_a_persons_office_and_a_countrys_ministry_are_organisations_by_name() -> None:
    """``Trey Gowdy's office``, ``Clinton campaign``, ``China's foreign ministry``: a name ending in a noun
    for an organisation names one (what ``byline speakers`` groups with the organisations)."""
    assert all(is_organisation(n) for n in ("Trey Gowdy's office", "Clinton campaign", "China's foreign ministry"))
    assert not is_organisation("Trey Gowdy")


@pytest.mark.parametrize(
    "text",
    [
        "Rain fell.\n\n“Bad,” the Pentagon said. “Hm,” the president’s office said.",
        "Rain fell.\n\nDonald Trump said: “This is bad.” “Hm,” Prime Minister Boris Johnson’s spokesman said.",
    ],
)
def test_an_attribution_naming_nobody_known_is_not_carried_on(text: str) -> None:
    """``“…,” the president’s office said``, ``“…,” Boris Johnson’s spokesman said`` after somebody else's
    quote: no speaker, not the one before's."""
    assert speaker(text, "Hm") is None


def test_organisations_speak_and_are_marked() -> None:
    """``a Dow spokeswoman`` speaks for Dow; an organisation's quotes say so in ``speaker_kind``."""
    text = "“Results were below expectations,” a Dow spokeswoman said."
    (q,) = extract_quotes(text)
    assert (q.speaker, q.speaker_kind) == ("Dow", "organisation")
    (p,) = extract_quotes("“We will win,” Jane Doe said.")
    assert p.speaker_kind == "person"


@pytest.mark.parametrize(
    ("text", "expected", "kind"),
    [
        ("“Great news,” The Hill reported.", "Hill", "organisation"),
        ("“Great news,” the Federalist wrote.", "Federalist", "organisation"),
        ("“Great news,” HuffPo wrote.", "HuffPo", "organisation"),
        ("“Great news,” said ProPublica.", "ProPublica", "organisation"),
        # prefixes that make surnames keep a person
        ("“Great news,” McConnell said.", "McConnell", "person"),
        ("“Great news,” DeSantis said.", "DeSantis", "person"),
        # a surname the article gives in full stays that person after ``the``
        ("Jane Hill spoke.\n\n“Great news,” Hill said.", "Jane Hill", "person"),
    ],
)
def test_publications_and_brands_are_organisations(text: str, expected: str, kind: str) -> None:
    """One capitalised word after ``the``, or a capital inside one word, names a publication or a brand."""
    (q,) = extract_quotes(text)
    assert (q.speaker, q.speaker_kind) == (expected, kind)


@pytest.mark.parametrize(
    ("text", "opening", "expected"),
    [
        # a surname that is also a word, after a first name; later alone or after an honorific
        ("Prime Minister Theresa May spoke.\n\n“We will leave,” May said.", "We will", "Theresa May"),
        ("Prime Minister Theresa May spoke.\n\n“We are ready,” Mrs May said.", "We are", "Theresa May"),
        ("Pfizer chief executive Ian Read spoke.\n\n“We will go,” Read said.", "We will", "Ian Read"),
        # a month that is also a first name; a role noun that is also a first name
        ("Rain fell.\n\n“We will win,” said former Arizona governor Jan Brewer.", "We will", "Jan Brewer"),
        ("Rain fell.\n\n“It is a plan,” said Dean Baker, an economist. “Really,” Baker said.", "Really", "Dean Baker"),
        ("Rain fell.\n\n“It is fine,” said Harvard Law School Dean Martha Minow.", "It is", "Martha Minow"),
    ],
)
def test_names_that_are_also_words(text: str, opening: str, expected: str) -> None:
    """First names make a person of a surname that is also a word (``May``, ``Read``) or of a first
    name that is also a month or a role (``Jan``, ``Dean``)."""
    assert speaker(text, opening) == expected


def test_no_break_spaces_between_words_are_spaces() -> None:
    """Text taken from web pages often joins a name and its verb with no-break spaces; attribution reads
    them as spaces, and offsets still index the text as it is."""
    text = "Talks resumed.\n\n“It is late,” said\u00a0a senior\u00a0official."
    q = quote(text, "It is")
    assert (q.speaker, q.speaker_kind, text[q.start : q.end]) == ("a senior official", "unnamed", q.text)


@pytest.mark.parametrize(
    ("text", "opening", "expected"),
    [
        # ``the board``, ``the department`` point back to a body whose name holds that word, with its of-phrase
        ("Reuters reported it. The Ohio Board of Elections met on Monday.\n\n“The candidate may run,” the board said.",
         "The candidate", "Ohio Board of Elections"),
        ("Reuters reported it. The State Department released more emails.\n\nThe department said it will “add the missing data.”",
         "add the", "State Department"),
        # an editorial board is the paper's voice, whatever the paper is called
        ("The Union Leader backed Cruz on Sunday.\n\n“Cruz had a chance,” the editorial board wrote.",
         "Cruz had", "Union Leader"),
    ],
)
def test_a_body_named_before_speaks_as_the_board_or_the_department(text: str, opening: str, expected: str) -> None:
    assert speaker(text, opening) == expected


NAME_CASES = [
    # A relative named by a given name:
    # a relative named by a given name only is a person, of the kin noun's gender
    ("Sanders spoke on Monday. His wife, Jane, called for open primaries.\n\n“It is not smart,” she said.",
     "It is not", "Jane"),
    # a relative of a person named in full takes the surname
    ("Donald Trump came. Jan Brewer spoke first. Trump's wife, Melania, spoke on Monday. "
     "At a rally, she described Trump as “kind.”", "kind", "Melania Trump"),
    # ... unless the article names somebody in full with that given name
    ("Jane Roe arrived. Roe met Ed Poe. Poe's daughter, Jane, spoke later.\n\n“We won,” she said.",
     "We won", "Jane Roe"),
    # a given name of the other gender after a comma opens a new clause: no husband named Nancy
    ("Ann Lee spoke. After her husband, Nancy was there.\n\n“It was fine,” he said.", "It was", None),
    # without commas, only a known given name (``his father Tuesday`` names nobody)
    ("Mo Lee spoke. He called his father Tuesday.\n\n“It was fine,” he said.", "It was", "Mo Lee"),
    # A surname standing for a full name given in a subhead or a title:
    # a name opening a title-case subhead, cut before its verb, names the person in full
    ("Rain fell.\n\nJane Roe Described Her Experience Being Turned Away.\n\n"
     "Asked about it, Roe said, “It happens every day.”", "It happens", "Jane Roe"),
    # a person named in full only inside the quoted title of a show
    ("Clinton went on “The Rachel Maddow Show” on Wednesday.\n\n“Is that true?” Maddow asked.", "Is that", "Rachel Maddow"),
    # Speech named by a noun:
    # somebody's words named by a noun: the quotation in them is theirs
    ("Hillary Clinton spoke. Clinton's claim that “nothing was marked classified” is false.", "nothing", "Hillary Clinton"),
    ("Bradley Podliska sued. But Podliska’s most explosive claim is that the committee is a “witch hunt” launched "
     "to hurt Clinton.", "witch", "Bradley Podliska"),
    ('Donald Trump spoke. Trump\'s recent evidence-free assertion that "thousands" of Muslims cheered is false.',
     "thousands", "Donald Trump"),
    # ``her`` is the person the sentence opens with, not the last one it names
    ("Hillary Clinton spoke. Madeleine Albright, a Clinton supporter, fanned controversy over her remark that "
     "“there is a special place in hell.”", "there is", "Madeleine Albright"),
    # a determiner before the noun: somebody else's assertion
    ("Alan Grayson ran. Grayson's spokeswoman challenged the assertion that Grayson had ever “attacked” Clinton.",
     "attacked", None),
    # another clause between the noun and the quotation
    ("Hillary Clinton spoke. Clinton's claim that she sent no secrets was disputed by officials, who called it “false.”",
     "false", None),
    # Four short syllables are a name, not a title-case line (four longer words are: ``History Makes Latinos Feel``):
    ("Rain fell.\n\n“We will win,” Aung San Suu Kyi said.", "We will", "Aung San Suu Kyi"),
    # A verb or a headline is no part of a name:
    # ``X supports Y``: X is the subject (a verb is no role word before Y's name), so the speaker's
    # turn runs on across a sentence about the speaker
    ("Rain fell.\n\n“Immigration matters,” says Melissa Roloson, 32, who works in retail. Roloson supports "
     "Hillary Clinton in the race. “I am a college graduate.”", "I am", "Melissa Roloson"),
    # a headline's subject and verb before a possessive are no person's name
    ("Rain fell.\n\nChuck Grassley Compares Trump’s Words To A Joke.\n\n“It was Mexican,” Trump said of the judge.",
     "It was", "Trump"),
    # Somebody's relative, aide or introducer is not the owner:
    ("Hillary Clinton spoke. “It's about time,” exhorted Clinton's introducer, actress Jamie Lee Curtis.", "It's about",
     "Jamie Lee Curtis"),
    ("Hillary Clinton spoke. Clinton's introducer, actress Jamie Lee Curtis, said: “It's about time.”", "It's about",
     "Jamie Lee Curtis"),
    ("Hillary Clinton spoke. “We will win,” said Clinton's husband.", "We will", None),
    ("Donald Trump spoke. “We will win,” said Trump's campaign manager.", "We will", None),
    # ... also as the sentence's subject, which a later ``he`` points back to
    ("Donald Trump spoke at AIPAC. “We will move the embassy,” Trump said.\n\nClinton's chief Democratic rival, Sen. "
     "Bernie Sanders of Vermont, skipped the meeting. Instead he pledged to be “a friend to both peoples.”", "a friend",
     "Bernie Sanders"),
    # ... but a campaign or an office speaks with its owner's voice, and a name after the noun is the person
    ("Trey Gowdy spoke. “We will win,” said Gowdy's office.", "We will", "Trey Gowdy"),
    ("Hillary Clinton spoke. “This is it,” said Clinton’s top foreign policy aide Jake Sullivan.", "This is", "Jake Sullivan"),
    # ``continue to be`` is a state going on, not speech
    ("Ted Cruz spoke. In a statement, Cruz said he’s certain Marco Rubio will continue to be “a champion for "
     "opportunity.”", "a champion", "Ted Cruz"),
    # ``taking to Twitter to call``: the one taking to Twitter speaks
    ("The Trump campaign denied it, with Corey Lewandowski taking to Twitter to call Fields “totally delusional.”",
     "totally", "Corey Lewandowski"),
    # A body named after its head speaks as that body, before or after the verb, not as the last
    # organisation named; ``the group`` is no campaign
    ("Donald Trump filed his form, according to The Hill.\n\n“This income was utilized,” the Trump campaign said.",
     "This income", "Trump campaign"),
    ("Donald Trump filed his form, according to The Hill.\n\nThe Trump campaign said it was “utilized.”", "utilized",
     "Trump campaign"),
    ("Rain fell.\n\n“It is fine,” said the Obama administration.", "It is", "Obama administration"),
    ("Donald Trump spoke.\n\nThe Trump campaign attacked the plan. Insurers objected. “The risk pool is out of balance,” the "
     "group wrote.", "The risk", None),
    # ``that he`` is a conjunction and its clause's subject, not ``that`` pointing at somebody called ``he``
    ("Bernie Sanders spoke on Wednesday.\n\nThe senator declined to say more. But he told ABC’s “Good Morning America” "
     "that he agrees Trump is a “total opportunist.”", "total", "Bernie Sanders"),
    # A quotation a cue introduces, ending with ``!`` or ``?``: a capitalised word after it opens the next turn
    ("David Axelrod emailed her, telling her, “you are an all-star and we need you!” She replied that it was an honor.",
     "you are", "David Axelrod"),
    ("Hillary Clinton emailed Cheryl Mills. Clinton responds to Mills with, “Why now? Was that on my way to Libya?” "
     "Mills then writes back, “You look cute.”", "Why now", "Hillary Clinton"),
    ("Rain fell.\n\n“We won!” Smith said.", "We won", "Smith"),
    # a word ending an office cut from its ``of`` (``Chief of Staff``) is no part of the name after it
    ("Rain fell.\n\nWhite House Chief of Staff Denis McDonough praised him. “Great work,” McDonough wrote.", "Great",
     "Denis McDonough"),
    # a role between the quote and the name may hold a sum (``Fight for $15 organizing director``)
    ("The movement plans to protest, the Daily Caller reports.\n\n“They have to decide,” Fight for $15 organizing "
     "director Kendall Fells told Fox News.", "They have", "Kendall Fells"),
    # ``the woman`` is no man the article knows as one
    ("Monte Haines, 44, spoke. He now works in Seoul.\n\n“It was hard,” the woman said.", "It was", None),
    # A participle's subject:
    # a name after ``to`` is the one written to, not the one explaining
    ("Peter Thiel will speak.\n\n“Many people are uncertain,” Thiel wrote in a statement to Wired explaining why he "
     "will speak, “but most Americans agree that we are on the wrong track.”", "but most", "Peter Thiel"),
    ("Mayor Greg Stanton wrote a letter to Attorney General Loretta Lynch asking the department to investigate the "
     "“fiasco.”", "fiasco", "Greg Stanton"),
    # ... but after ``of`` or ``from`` the name is the participle's own subject
    ("Gary Byrne wrote a book. In it, Byrne gives an account of Hillary Clinton telling one agent to “Go to hell!”",
     "Go to", "Hillary Clinton"),
    ("Chris Christie spoke. It was no different, he said, from George H.W. Bush calling Reagan’s policies "
     "“voodoo economics” before becoming his pick.", "voodoo", "George H.W. Bush"),
]
"""Who a name, a relative, an office or a speech noun stands for: (text, opening, speaker or ``None``)."""


@pytest.mark.parametrize(("text", "opening", "expected"), NAME_CASES)
def test_who_a_name_or_a_speech_noun_stands_for(text: str, opening: str, expected: str | None) -> None:
    assert speaker(text, opening) == expected


def test_the_body_spelling_of_a_name_wins_over_the_headline_spelling() -> None:
    text = ("Francois Hollande Says Trump Is Wrong.\n\nFrench President François Hollande spoke on Tuesday.\n\n"
            "“It is sad,” Hollande said.")
    body = text.index("French")
    assert [q.speaker for q in extract_quotes(text, body)] == ["François Hollande"]


@pytest.mark.parametrize(
    ("text", "opening", "expected"),
    [
        # an outlet named inside its description speaks
        ("Rain fell. “Talks will resume,” the official Xinhua news agency said.", "Talks", "Xinhua"),
        ("Rain fell. But as the nationalist Global Times tabloid noted in an op-ed, Trump “has earned a few fans.”",
         "has earned", "Global Times"),
        # a country's outlet stays as the text names it
        ("Rain fell. “Talks will resume,” the Chinese news agency said.", "Talks", "Chinese news agency"),
    ],
)
def test_an_outlet_named_inside_its_description(text: str, opening: str, expected: str) -> None:
    q = quote(text, opening)
    assert (q.speaker, q.speaker_kind) == (expected, "organisation")
