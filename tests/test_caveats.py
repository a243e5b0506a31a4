"""What a reader must be told: articles that are not one story, non-English articles, one witness."""

from __future__ import annotations

import json

import pytest

from newsweave.caveats import caveats, language, story_groups
from newsweave.clean import clean
from newsweave.cli import EXIT_OK, main
from newsweave.dedup import assign_witnesses
from newsweave.models import Source

BRIDGE_A = (
    "A road bridge over the Varn river collapsed on Tuesday evening in the town of Kessel, "
    "sending three cars into the water. Rescuers pulled five people from the river, and two "
    "drivers are still missing, the fire service said. The bridge, built in 1962, had been "
    "closed to lorries since an inspection found cracks in its main span last year."
)
BRIDGE_B = (
    "Two people were missing after the Kessel bridge collapsed into the Varn river on Tuesday, "
    "officials said. Divers searched the river through the night. Five people were rescued "
    "from cars that fell with the bridge. Engineers had warned about cracks in the span, and "
    "the town council had closed the bridge to heavy lorries."
)
BRIDGE_C = (
    "The mayor of Kessel ordered an inquiry into the collapse of the Varn river bridge, where "
    "two drivers remain missing. Residents said cracks in the bridge had been visible for "
    "months. Rescuers pulled five people from the water on Tuesday night."
)
CHESS = (
    "The reigning champion won the final game of the chess tournament in Oslo with the black "
    "pieces, taking the title for a fourth time. Her opponent resigned after forty moves when "
    "a queen sacrifice left him without defence. Prize money this year was a record."
)
CHESS_B = (
    "In Oslo the chess champion defended her title, winning the tournament's final game after "
    "her opponent resigned. A queen sacrifice decided the game on move forty, and the champion "
    "collected record prize money for a fourth title."
)
GERMAN = (
    "Die Brücke über den Fluss Varn ist am Dienstagabend eingestürzt. Drei Autos fielen ins "
    "Wasser, und zwei Fahrer werden noch vermisst, sagte die Feuerwehr. Die Brücke wurde 1962 "
    "gebaut und war seit einer Prüfung für Lastwagen gesperrt. „Wir suchen die ganze Nacht“, "
    "sagte ein Sprecher der Feuerwehr."
)
FRENCH = (
    "Le pont sur la rivière Varn s'est effondré mardi soir, et trois voitures sont tombées dans "
    "l'eau. Deux conducteurs sont toujours portés disparus, selon les pompiers. « Nous "
    "cherchons toute la nuit », a déclaré un porte-parole des pompiers, qui a ajouté que le "
    "pont était fermé aux camions depuis une inspection."
)


def _sources(**texts: str) -> list[Source]:
    sources = [
        clean(Source(id=name, raw=text, where=f"{name}.txt")) for name, text in texts.items()
    ]
    assign_witnesses(sources)
    return sources


def _kinds(found) -> list[str]:
    return [c.kind for c in found]


def test_articles_of_one_story_raise_nothing():
    assert caveats(_sources(a=BRIDGE_A, b=BRIDGE_B, c=BRIDGE_C)) == []


def test_two_unrelated_articles_are_named_as_maybe_two_stories():
    found = caveats(_sources(bridge=BRIDGE_A, chess=CHESS))
    assert _kinds(found) == ["not-one-story"]
    message = found[0].message
    assert "bridge.txt" in message and "chess.txt" in message
    assert "2 different stories" in message and "newsweave stories" in message
    assert sorted(map(sorted, found[0].groups)) == [["bridge"], ["chess"]]


def test_an_outlier_among_one_story_is_named_alone():
    found = caveats(_sources(a=BRIDGE_A, b=BRIDGE_B, c=BRIDGE_C, chess=CHESS))
    (caveat,) = found
    assert caveat.sources == ["chess"]
    assert caveat.message.startswith("chess.txt shares almost no words with the other articles")
    assert "a.txt, b.txt, c.txt" in caveat.message
    assert caveat.groups == [["a", "b", "c"], ["chess"]]


def test_two_groups_are_named_group_by_group():
    (caveat,) = caveats(_sources(a=BRIDGE_A, chess=CHESS, b=BRIDGE_B, chess2=CHESS_B))
    assert "fall into 2 groups that share almost no words" in caveat.message
    assert "[a.txt, b.txt]; [chess.txt, chess2.txt]" in caveat.message
    assert caveat.groups == [["a", "b"], ["chess", "chess2"]] and caveat.sources == [
        "chess",
        "chess2",
    ]


def test_a_long_list_of_articles_is_cut_in_the_message_not_in_the_caveat():
    texts = {f"b{i:02d}": BRIDGE_A + f" Update {i}." for i in range(12)}
    (caveat,) = caveats(_sources(chess=CHESS, **texts))
    assert "b09.txt and 2 more" in caveat.message and "b10.txt" not in caveat.message
    assert len(caveat.groups[0]) == 12


def test_story_groups_use_the_cluster_vectors():
    groups = story_groups(_sources(a=BRIDGE_A, chess=CHESS, b=BRIDGE_B))
    assert [[s.id for s in g] for g in groups] == [["a", "b"], ["chess"]]


@pytest.mark.parametrize(
    "text, expected",
    [
        (BRIDGE_A, "English"),
        (GERMAN, "German"),
        (FRENCH, "French"),
        (
            "El puente sobre el río se derrumbó el martes por la noche y dos conductores siguen "
            "desaparecidos, según los bomberos, que buscaron durante toda la noche en el agua.",
            "Spanish",
        ),
        (
            "Мост через реку обрушился во вторник вечером, два водителя пропали без вести.",
            "Cyrillic script",
        ),
        ("Die Brücke ist eingestürzt.", None),  # too short to tell
    ],
)
def test_language(text, expected):
    assert language(text) == expected


def test_english_with_a_quoted_foreign_phrase_stays_english():
    text = BRIDGE_A + ' A sign on the bridge read "Achtung, die Brücke ist gesperrt".'
    assert language(text) == "English"


def test_non_english_articles_are_named_with_their_language_and_left_out_of_the_story_check():
    found = caveats(_sources(a=BRIDGE_A, b=BRIDGE_B, de=GERMAN, fr=FRENCH))
    assert _kinds(found) == ["not-english", "not-english"]
    by_language = {c.language: c for c in found}
    assert by_language["German"].sources == ["de"]
    assert by_language["German"].message.startswith("de.txt looks like German, not English")
    assert "English-only" in by_language["French"].message
    assert "fr.txt" in by_language["French"].message


def test_one_article_says_nothing_can_be_corroborated():
    (caveat,) = caveats(_sources(only=BRIDGE_A))
    assert caveat.kind == "one-witness"
    assert caveat.message == (
        "one article (only.txt): nothing can be corroborated; every fact is this report's alone"
    )


def test_copies_of_one_report_are_one_witness():
    found = caveats(_sources(wire=BRIDGE_A, copy=BRIDGE_A + " Reporting by A. Writer."))
    assert _kinds(found) == ["one-witness"]
    assert "2 copies of one report" in found[0].message


def test_the_example_brief_has_no_caveat(example_brief, example_json):
    assert example_brief.caveats == []
    assert example_json["caveats"] == []


def test_cli_warns_on_two_stories_and_keeps_exit_0(tmp_path, capsys, brief_schema):
    jsonschema = pytest.importorskip("jsonschema")
    (tmp_path / "bridge.txt").write_text(BRIDGE_A, encoding="utf-8")
    (tmp_path / "chess.txt").write_text(CHESS, encoding="utf-8")
    paths = [str(tmp_path / "bridge.txt"), str(tmp_path / "chess.txt")]
    assert main(["brief", *paths, "-f", "json"]) == EXIT_OK
    captured = capsys.readouterr()
    brief = json.loads(captured.out)
    jsonschema.validate(brief, brief_schema)
    (caveat,) = brief["caveats"]
    assert caveat["kind"] == "not-one-story" and caveat["message"] == brief["warnings"][0]
    warning = next(line for line in captured.err.splitlines() if "different stories" in line)
    assert all(p in warning for p in paths)


def test_a_brief_of_one_article_says_so_once_instead_of_per_fact(pipeline):
    from newsweave.report.markdown import to_markdown

    brief = pipeline.run([Source(id="only", raw=BRIDGE_A + "\n\n" + BRIDGE_C, where="only.txt")])
    assert [c.kind for c in brief.caveats] == ["one-witness"]
    assert brief.warnings[0].startswith("one article (only.txt): nothing can be corroborated")
    assert all(f.status == "single-source" for f in brief.facts) and brief.facts
    text = to_markdown(brief)
    assert "One article: nothing can be corroborated." in text
    assert "single source" not in text


def test_a_german_article_is_named_and_its_quote_still_found(pipeline):
    brief = pipeline.run(
        [
            Source(id="de", raw=GERMAN, where="de.txt"),
            Source(id="en", raw=BRIDGE_A, where="en.txt"),
        ]
    )
    assert [(c.kind, c.sources, c.language) for c in brief.caveats] == [
        ("not-english", ["de"], "German")
    ]
    assert brief.warnings[0].startswith("de.txt looks like German, not English")
    quoted = [m.text for q in brief.quotes for m in q.mentions if m.span.source == "de"]
    assert "Wir suchen die ganze Nacht" in quoted
