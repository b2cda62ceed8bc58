"""Metadata on the layouts of real collections (issue 14), one small file written per case."""

from __future__ import annotations

from pathlib import Path

from byline.index.models import ArticleMeta
from byline.index.sources import load_article, scan_corpus
from byline.index.sources.metadata import extract_metadata
from byline.index.sources.metadata.outlets import OutletVotes, agrees_with_url, has_outlet_form
from files_support import write_file as write


def title_text(text: str, meta: ArticleMeta) -> str:
    assert meta.title_span is not None
    return text[meta.title_span[0] : meta.title_span[1]]


def test_bbc_style_suffix_naming_the_person_quoted_stays_in_the_title(tmp_path: Path) -> None:
    text = (
        "Lords wrong on detainees - Straw\n\n"
        "Jack Straw has attacked the decision by Britain's highest court to rule that the detention of "
        "foreign terror suspects without trial breaks human rights laws.\n\n"
        '"I think they were wrong," he said.\n'
    )
    article = load_article(write(tmp_path / "bbc" / "politics" / "001.txt", text))
    meta = article.meta
    assert meta.title == "Lords wrong on detainees - Straw" == title_text(text, meta)
    assert meta.outlet is None
    assert meta.title_suffix == "Straw"  # a candidate for the corpus-wide count
    assert text[meta.body_start :].startswith("Jack Straw has attacked")


def test_a_suffix_that_agrees_with_the_url_is_the_outlet(tmp_path: Path) -> None:
    text = (
        "Trump wins the election - Firstpost\n\nVoters turned out in large numbers.\n\n"
        "Source link : https://www.firstpost.com/world/trump-wins-13833371.html\n"
    )
    meta = load_article(write(tmp_path / "a.txt", text)).meta
    assert (meta.title, meta.outlet, meta.title_suffix) == ("Trump wins the election", "Firstpost", None)
    assert title_text(text, meta) == "Trump wins the election"


def test_a_suffix_with_an_outlets_form_is_the_outlet(tmp_path: Path) -> None:
    for suffix in ("The Daily Telegraph", "Reuters", "BBC News", "bbc.co.uk"):
        meta = load_article(write(tmp_path / "b.txt", f"Minister resigns over expenses – {suffix}\n\nThe minister quit.\n")).meta
        assert (meta.title, meta.outlet) == ("Minister resigns over expenses", suffix)


def test_a_suffix_after_a_bar_is_the_outlet(tmp_path: Path) -> None:
    meta = load_article(write(tmp_path / "c.txt", "Minister resigns | Lanterna\n\nThe minister quit.\n")).meta
    assert (meta.title, meta.outlet) == ("Minister resigns", "Lanterna")


def test_a_suffix_that_recurs_across_the_corpus_is_the_outlet(tmp_path: Path) -> None:
    """The hook for corpus-wide knowledge: count the suffixes, pass the recurring ones back."""
    corpus = tmp_path / "corpus"
    for i in range(8):
        write(corpus / f"l{i}.txt", f"Story number {i} of the week - Lanterna\n\nBody of story {i}.\n")
    write(corpus / "straw.txt", "Lords wrong on detainees - Straw\n\nJack Straw has attacked the ruling.\n")
    for i in range(20):
        write(corpus / f"p{i}.txt", f"Plain headline {i}\n\nBody {i}.\n")
    votes = OutletVotes()
    files = scan_corpus([corpus]).files
    for stat in files:
        votes.add(load_article(stat).meta)
    known = votes.recurring()
    assert known == {"lanterna"}
    again = {Path(s.path).stem: load_article(s, known_outlets=known).meta for s in files}
    assert (again["l3"].title, again["l3"].outlet) == ("Story number 3 of the week", "Lanterna")
    assert (again["straw"].title, again["straw"].outlet) == ("Lords wrong on detainees - Straw", None)
    votes.remove(again["l3"])  # a changed or deleted article is forgotten
    assert votes.files == len(files) - 1


def test_outlet_agreement_and_forms() -> None:
    assert agrees_with_url("Asia Times", "https://asiatimes.com/2024/11/x/")
    assert agrees_with_url("South China Morning Post", "https://www.scmp.com/news/x")
    assert agrees_with_url("The Hindu", "https://www.thehindu.com/news/x")
    assert not agrees_with_url("Straw", "https://news.bbc.co.uk/politics/straw-lords.stm")
    assert not agrees_with_url("Straw", None)
    assert has_outlet_form("The New York Times") and has_outlet_form("AFP") and has_outlet_form("rt.com")
    assert not has_outlet_form("Straw") and not has_outlet_form("Blair") and not has_outlet_form("Times")


def test_a_headline_followed_directly_by_the_body_is_the_title_alone(tmp_path: Path) -> None:
    text = (
        "Goldsmith: 'I was not leant on'\n"
        'The attorney general has insisted he was not "leant on" to change his advice on the war.\n\n'
        "Lord Goldsmith said the final decision had been his alone.\n"
    )
    meta = load_article(write(tmp_path / "d.txt", text)).meta
    assert meta.title == "Goldsmith: 'I was not leant on'" == title_text(text, meta)
    assert text[meta.body_start :].startswith("The attorney general has insisted")


def test_wire_copy_without_a_headline_gets_a_readable_title_and_its_folder(tmp_path: Path) -> None:
    text = (
        "China's top legislature on Thursday approved a sweeping new law that tightens controls over "
        "foreign non-governmental groups, drawing criticism from rights groups.\n\n"
        "The law takes effect next year.\n"
    )
    path = write(tmp_path / "c50" / "JaneMacartney" / "4321newsML.txt", text)
    write(tmp_path / "bbc" / "politics" / "001.txt", "Lords wrong on detainees - Straw\n\nJack Straw spoke.\n")
    files = {Path(s.path).name: s for s in scan_corpus([tmp_path / "c50", tmp_path / "bbc"]).files}
    article = load_article(files[path.name])
    assert article.meta.title == "China's top legislature on Thursday approved a sweeping new law…"
    assert article.meta.title_span is None and article.meta.body_start == 0
    assert (article.root, article.folder) == (str((tmp_path / "c50").resolve()), "JaneMacartney")
    assert load_article(files["001.txt"]).folder == "politics"


def test_a_wire_dateline_is_left_out_of_the_title_and_names_the_agency(tmp_path: Path) -> None:
    text = "BEIJING (Reuters) - China will retaliate against new tariffs, a ministry spokesman said.\n\nMore.\n"
    meta = load_article(write(tmp_path / "e.txt", text)).meta
    assert meta.title == "China will retaliate against new tariffs, a ministry spokesman said"
    assert meta.outlet == "Reuters"


def test_a_short_first_sentence_is_the_whole_fallback_title() -> None:
    meta = extract_metadata("Mr. Smith met the U.S. envoy on Monday. Talks went on late.\n")
    assert meta.title == "Mr. Smith met the U.S. envoy on Monday"
