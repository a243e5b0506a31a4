"""The layering of docs/architecture.md, checked on the source with `ast`.

- The layers (lowest first) are read from the "Layers" list of docs/architecture.md, so the doc
  and the code cannot disagree: a module imports only from its own top-level unit (`ingest`,
  `cluster`, `models`, ...) and from units of lower layers, at module level or inside a function.
- No import cycle among module-level imports (those Python runs when the module is imported;
  `if TYPE_CHECKING:` blocks excluded).
- Every module of src/newsweave belongs to a layer of the doc (a new top-level module or
  package has to be placed there first).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "newsweave"
DOC = ROOT / "docs" / "architecture.md"


def doc_layers() -> list[set[str]]:
    """The numbered list under "### Layers" in docs/architecture.md: one set of units a line."""
    text = DOC.read_text(encoding="utf-8").split("### Layers", 1)[1]
    layers = []
    for line in text.splitlines()[1:]:
        if line.startswith("#"):
            break
        if re.match(r"\d+\. ", line):
            layers.append(set(re.findall(r"`([\w.]+)`", line.split(":", 1)[0])))
    return layers


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def unit(module: str) -> str:
    """The top-level unit a module belongs to: `newsweave.ingest.fetch` -> `ingest`; the
    package face `newsweave` -> `newsweave`."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def _target(module: str, path: Path, node: ast.ImportFrom) -> str | None:
    if not node.level:
        return node.module
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    base = package[: len(package) - node.level + 1]
    return ".".join(base + ([node.module] if node.module else []))


def imported(module: str, path: Path, nodes) -> set[str]:
    """The newsweave modules these import statements import (a name that is a submodule
    counts as that submodule)."""
    out = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name in MODULES}
        elif isinstance(node, ast.ImportFrom):
            target = _target(module, path, node)
            if not target or target.split(".")[0] != "newsweave":
                continue
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                out.add(sub if sub in MODULES else target)
    return out


def _module_level(tree: ast.Module):
    """Import statements run on import: module level, inside `if`/`try` blocks too, not
    inside functions, classes or `if TYPE_CHECKING:`."""
    stack = list(tree.body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        elif isinstance(node, ast.If) and "TYPE_CHECKING" not in ast.unparse(node.test):
            stack += node.body + node.orelse
        elif isinstance(node, ast.Try):
            stack += node.body + node.orelse + node.finalbody
            stack += [n for h in node.handlers for n in h.body]


def graph(*, module_level: bool) -> dict[str, set[str]]:
    edges = {}
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        nodes = _module_level(tree) if module_level else ast.walk(tree)
        edges[module] = imported(module, path, nodes) - {module}
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index, low, on, stack, found = {}, {}, set(), [], []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def rank() -> dict[str, int]:
    return {name: i for i, layer in enumerate(doc_layers()) for name in layer}


def test_the_doc_lists_the_layers_and_every_unit_once():
    layers = doc_layers()
    assert len(layers) >= 10
    names = [name for layer in layers for name in layer]
    assert len(names) == len(set(names)), "a unit is in two layers of docs/architecture.md"


def test_every_module_belongs_to_a_layer():
    ranks = rank()
    missing = sorted({unit(m) for m in MODULES} - set(ranks))
    assert not missing, f"place these in the Layers list of docs/architecture.md: {missing}"


def test_no_module_imports_a_later_layer():
    ranks = rank()
    wrong = [
        f"{m} imports {t}"
        for m, targets in graph(module_level=False).items()
        for t in sorted(targets)
        if unit(t) != unit(m) and ranks.get(unit(t), 99) >= ranks.get(unit(m), -1)
    ]
    assert not wrong, "against the layers of docs/architecture.md:\n" + "\n".join(wrong)


def test_no_import_cycle():
    found = cycles(graph(module_level=True))
    assert not found, "import cycles: " + "; ".join(" -> ".join(c) for c in found)


def test_the_checker_sees_a_cycle_and_a_layer_breach():
    """The checks above can fail: a made-up graph with a cycle, and a real breach."""
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    ranks = rank()
    assert ranks["ingest"] < ranks["report"] and ranks["models"] < ranks["ingest"]
    tree = ast.parse("from ..report.json import to_dict\nfrom .. import models\n")
    got = imported("newsweave.ingest.fetch", PACKAGE / "ingest" / "fetch.py", ast.walk(tree))
    assert got == {"newsweave.report.json", "newsweave.models"}
