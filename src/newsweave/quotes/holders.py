"""Who holds a role: the person a role noun stands for ("the mayor", "a Pao spokeswoman"), from
the roles the story states for its people (`Entity.roles`), and the heads of a stated role."""

from __future__ import annotations

from typing import Any

_PREPOSITIONS = {"for", "of", "at", "in", "with", "on", "from", "to"}


def role_holder(
    ctx: Any, before: int, noun: str, qualifiers: frozenset[str] = frozenset()
) -> str | None:
    """The person whose stated role has this head ("the mayor"): the one named last before it
    in this document, else the only one in the story (two mayors elsewhere: nobody). Words
    that qualify the noun must meet the role: "a Pao spokeswoman" is the one whose role is "a
    spokeswoman for Pao", and "an agency spokeswoman" is not "daycare spokeswoman" Jo Roe."""
    holders = {
        e
        for e in _holders(ctx).get(noun, set())
        if not qualifiers or any(qualifiers & _role_words(r.text) for r in ctx.entities[e].roles)
    }
    here = [m.entity_id for m in ctx.mentions if m.entity_id in holders and m.span.end <= before]
    if here:
        return here[-1]
    return next(iter(holders)) if len(holders) == 1 else None


def _holders(ctx: Any) -> dict[str, set[str]]:
    """Role head -> the ids of the entities given a role with that head (once per document)."""
    if "holders" not in ctx.cache:
        table: dict[str, set[str]] = {}
        for e in ctx.entities.values():
            for r in e.roles:
                for head in role_heads(r.text):
                    table.setdefault(head, set()).add(e.id)
        ctx.cache["holders"] = table
    return ctx.cache["holders"]


def _role_words(role: str) -> set[str]:
    return {w.removesuffix("'s").removesuffix("\u2019s").strip(",.") for w in role.lower().split()}


def role_heads(role: str) -> list[str]:
    """The heads of a role, the last word of each conjunct before the first preposition: "a
    spokesman for China's foreign ministry" and "Chinese Foreign Ministry spokesman" ->
    spokesman (the ministry is where he works, not what he is: "the foreign ministry said" is
    the ministry); "an Australian woman and former Scientologist" -> woman, scientologist."""
    words = [w.strip(",") for w in role.lower().split()]
    cut = next((i for i, w in enumerate(words) if w in _PREPOSITIONS), len(words))
    ends = [i for i, w in enumerate(words[:cut]) if w == "and"] + [cut]
    return [words[i - 1] for i in ends if i > 0 and words[i - 1] != "and"]
