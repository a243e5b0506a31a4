"""Small corpus fixtures: three stories told by several outlets, and a wire copy with edits."""

from __future__ import annotations

import json

BRIDGE = [
    (
        "Gazette",
        "2023-03-06",
        "Riverton bridge to close for repairs",
        "Officials in Riverton said on Monday that the Harbour Bridge would close for repairs next month. "
        "The mayor, Ana Ruiz, said the work would cost $4 million and take six weeks.\n\n"
        '"We have no choice," Ruiz said. Local shops worried about lost trade during the bridge closure.\n\n'
        "Engineers found corroded cables on the bridge during an inspection in January, the council said.",
    ),
    (
        "Herald",
        "2023-03-06",
        "Harbour Bridge shuts for six weeks",
        "The Riverton Harbour Bridge will close next month for six weeks of repairs, city officials said on "
        "Monday. Mayor Ana Ruiz put the cost of the bridge repairs at $4.5 million.\n\n"
        '"There is no alternative," Ruiz told reporters, adding that a ferry would run during the works.\n\n'
        "Corroded cables were found on the bridge by engineers in January.",
    ),
    (
        "Courier",
        "2023-03-07",
        "Ferry to replace Riverton bridge during repairs",
        "A ferry will carry commuters across the harbour while the Riverton Harbour Bridge is closed for "
        "repairs, Mayor Ana Ruiz said on Tuesday.\n\nThe bridge closes next month. Repairs to its corroded "
        "cables will take six weeks, the mayor said, and shops near the bridge fear lost trade.",
    ),
]
FLOOD = [
    (
        "Gazette",
        "2023-03-08",
        "Floods force families from homes in Marsh Valley",
        "Heavy rain flooded the Marsh Valley overnight and forced hundreds of families from their homes, "
        "emergency services said on Wednesday.\n\nRescue teams in boats worked through the night. "
        "The river rose two metres above its normal level.\n\nOfficials said the water would recede by the weekend.",
    ),
    (
        "Herald",
        "2023-03-08",
        "Marsh Valley flooding: hundreds evacuated",
        "Hundreds of families were evacuated from the Marsh Valley after overnight rain flooded the river "
        "banks, emergency services said.\n\nThe river rose about two metres. Rescue boats worked through the "
        "night, and officials expect the flood water to recede by the weekend.",
    ),
]
ELECTION = [
    (
        "Courier",
        "2023-03-09",
        "Union vote ends strike at Delta Motors plant",
        "Workers at the Delta Motors plant in Northfield voted on Thursday to accept a new contract, ending "
        "a three-week strike, the union said.\n\nThe agreement raises wages by 11 percent over three years. "
        "Production at the car plant will restart on Monday, the company said.",
    ),
    (
        "Gazette",
        "2023-03-09",
        "Delta Motors strike over after contract vote",
        "The three-week strike at Delta Motors in Northfield is over after union members accepted a contract "
        "that lifts wages by 11 percent over three years.\n\nThe carmaker said its Northfield plant would "
        "resume production on Monday.",
    ),
]
# A station site runs the Gazette's bridge story: new headline, a cut last paragraph, a local line.
COPY = (
    "WIBX",
    "2023-03-07",
    "Bridge closing in Riverton",
    BRIDGE[0][3].rsplit("\n\n", 1)[0] + "\n\nMore From WIBX 950\n\n"
    "Drivers in Utica who use the route should plan for delays, a station reporter added today.",
)
ALL = BRIDGE + FLOOD + ELECTION


def write_articles(folder, articles) -> list:
    """Plain-text files with sidecars; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, (outlet, published, title, text) in enumerate(articles):
        path = folder / f"{i:02d}_{outlet.lower()}.txt"
        path.write_text(text, encoding="utf-8")
        path.with_name(path.name + ".meta.json").write_text(
            json.dumps({"outlet": outlet, "published": published, "title": title})
        )
        paths.append(path)
    return paths


def write_jsonl(path, articles, start: int = 0):
    rows = [
        {"id": f"r{start + i}", "outlet": o, "published": p, "title": t, "text": x}
        for i, (o, p, t, x) in enumerate(articles)
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path
