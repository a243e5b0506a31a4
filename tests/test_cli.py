"""The command line: formats, exit codes, and bad input reported without tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest

from newsweave.cli import EXIT_ERROR, EXIT_OK, EXIT_SKIPPED, EXIT_USAGE, main

STORY = (
    "Officials in Riverton said on Monday that the bridge would close for repairs next month. "
    "The mayor, Ana Ruiz, said the work would cost $4 million and take six weeks.\n\n"
    '"We have no choice," Ruiz said. Local shops worried about lost trade during the closure.'
)
OTHER = (
    "The Riverton bridge will close next month for six weeks of repairs, city officials said on Monday. "
    "Mayor Ana Ruiz put the cost at $4.5 million.\n\n"
    '"There is no alternative," Ruiz told reporters, adding that a ferry would run during the works.'
)


@pytest.fixture()
def story(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(STORY)
    b.write_text(OTHER)
    a.with_name("a.txt.meta.json").write_text(
        json.dumps({"outlet": "Gazette", "published": "2023-03-06"})
    )
    b.with_name("b.txt.meta.json").write_text(
        json.dumps({"outlet": "Herald", "published": "2023-03-06"})
    )
    return tmp_path


def test_json_output_validates(story, capsys, brief_schema):
    assert main(["brief", str(story), "--format", "json"]) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    jsonschema.validate(data, brief_schema)
    assert {s["outlet"] for s in data["sources"]} == {"Gazette", "Herald"}
    assert any(q["speaker"] == "Ana Ruiz" for q in data["quotes"])
    assert any(t["date"] == "2023-03-06" for t in data["timeline"])


@pytest.mark.parametrize(
    "fmt,marker", [("markdown", "## Summary"), ("html", "<!doctype html>"), ("text", "Summary")]
)
def test_other_formats(story, capsys, fmt, marker):
    assert main(["brief", str(story), "-f", fmt, "--detail", "full"]) == EXIT_OK
    assert marker in capsys.readouterr().out


def test_output_file(story, tmp_path):
    out = tmp_path / "brief.md"
    assert (
        main(
            ["brief", str(story / "a.txt"), str(story / "b.txt"), "-f", "markdown", "-o", str(out)]
        )
        == EXIT_OK
    )
    assert out.read_text().startswith("# ")


def test_skipped_input_named_and_exit_code(story, capsys):
    (story / "bad.txt").write_bytes(b"\x00\x01\x02" * 50)
    assert main(["brief", str(story), "-f", "json"]) == EXIT_SKIPPED
    captured = capsys.readouterr()
    assert "skipped" in captured.err and "bad.txt" in captured.err and "binary" in captured.err
    assert len(json.loads(captured.out)["sources"]) == 2


def test_nothing_usable_is_an_error_not_a_traceback(tmp_path, capsys):
    (tmp_path / "empty.txt").write_text("")
    assert main(["brief", str(tmp_path / "empty.txt")]) == EXIT_ERROR
    err = capsys.readouterr().err
    assert "no article could be read" in err and "empty.txt" in err and "Traceback" not in err


def test_usage_errors(capsys):
    assert main([]) == EXIT_USAGE
    with pytest.raises(SystemExit) as exc:
        main(["brief"])
    assert exc.value.code == EXIT_USAGE


def test_unwritable_output_is_a_message(story, capsys):
    assert (
        main(["brief", str(story), "-o", str(story / "no" / "such" / "dir" / "x.md")]) == EXIT_ERROR
    )
    assert "cannot write" in capsys.readouterr().err


def test_console_script_runs_the_example():
    done = subprocess.run(
        [sys.executable, "-m", "newsweave.cli", "brief", "--example", "-f", "json", "-q"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)["sources"]) == 2


def test_an_archive_notice_is_skipped_with_its_reason(tmp_path, capsys):
    from newsweave.cli import main

    good = tmp_path / "good.txt"
    good.write_text(
        "The city council approved the budget on Tuesday after a long debate about road "
        "repairs and new bus lanes downtown.\n\nThe mayor said the vote was a relief for residents."
    )
    notice = tmp_path / "notice.txt"
    notice.write_text(
        "Starting in 1996, Alexa Internet has been donating their crawl data to the Internet "
        "Archive. Flowing in every day, these data are added to the Wayback Machine after an "
        "embargo period."
    )
    assert (
        main(["brief", str(good), str(notice), "-f", "json", "-o", str(tmp_path / "b.json")]) == 3
    )
    assert "nothing left after cleaning" in capsys.readouterr().err


# --- URLs ------------------------------------------------------------------------------------------

from test_fetch import server  # noqa: E402  the loopback HTTP server fixture of the fetch tests


def test_urls_are_briefed_and_loopback_needs_allow_private(server, capsys):
    from test_fetch import HTML, page

    server.routes.update(
        {"/a": (200, HTML, page(STORY)), "/b": (200, HTML, page(OTHER, title="Bridge"))}
    )
    urls = [server.url("/a"), server.url("/b")]
    assert main(["brief", *urls, "-f", "json"]) == EXIT_ERROR
    assert "127.0.0.1 is a loopback address" in capsys.readouterr().err and server.requests == []
    assert main(["brief", "--allow-private", *urls, "-f", "json"]) == EXIT_OK
    assert sorted(s["path"] for s in json.loads(capsys.readouterr().out)["sources"]) == sorted(
        urls
    )  # canonical order


def test_file_names_that_are_not_utf8_or_hold_control_characters(tmp_path, capsys):
    """b'bad\\xffname.txt' aborted ingest (UnicodeEncodeError in store.add, nothing stored) and
    `brief -o` with a traceback; a name with an escape sequence reached the terminal raw."""
    import os

    folder = tmp_path / "in"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"bad\xffname.txt"), "w") as fh:
        fh.write(STORY)
    (folder / "red\x1b[31m.txt").write_text(OTHER)
    (folder / "bell\x07.txt").write_text("")
    out = tmp_path / "brief.json"
    assert main(["brief", str(folder), "--format", "json", "-o", str(out)]) == EXIT_SKIPPED
    paths = sorted(s["path"] for s in json.loads(out.read_text(encoding="utf-8"))["sources"])
    assert [p.rsplit("/", 1)[-1] for p in paths] == ["bad\\xffname.txt", "red\\x1b[31m.txt"]
    err = capsys.readouterr().err
    assert "bell\\x07.txt: empty file" in err and "\x07" not in err
    db = tmp_path / "news.db"
    assert main(["ingest", str(folder), "--db", str(db), "--format", "json"]) == EXIT_SKIPPED
    report = json.loads(capsys.readouterr().out)
    assert report["counts"]["ingested"] == 2 and "\x1b" not in json.dumps(
        report, ensure_ascii=False
    )


@pytest.mark.parametrize("since", ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00"])
def test_since_dates_at_the_ends_of_the_calendar_are_no_traceback(
    story, tmp_path_factory, capsys, since
):
    db = str(tmp_path_factory.mktemp("store") / "news.db")
    assert main(["ingest", str(story), "--db", db, "-q"]) == EXIT_OK
    capsys.readouterr()
    assert main(["stories", "--db", db, "--format", "json"]) == EXIT_OK
    story_id = json.loads(capsys.readouterr().out)[0]["id"]
    assert (
        main(["brief", "--story", story_id, "--db", db, "-q"]) == EXIT_OK
    )  # a snapshot to compare with
    assert (
        main(["brief", "--story", story_id, "--db", db, "--since", since, "--format", "json"])
        == EXIT_OK
    )
    assert "Traceback" not in capsys.readouterr().err
