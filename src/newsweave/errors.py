"""newsweave's one exception hierarchy.

    NewsweaveError            base: every error newsweave raises on purpose
    ├── InputError            an input file or record can't be used (names the file and why)
    │   ├── MetadataError     a sidecar or --meta file is malformed
    │   └── FetchError        a URL could not be fetched, or was refused (names the URL and why)
    ├── NoArticlesError       nothing usable was left to brief (every input skipped)
    ├── MissingExtraError     an optional dependency is not installed (names the extra)
    ├── ModelError            a packaged model could not be loaded
    ├── OptionError           an option's value is not one newsweave knows (also a ValueError)
    └── StoreError            a store can't be opened or used (names the file and why)
        ├── NotFoundError     a story or article id is not in the store
        └── ReadOnlyError     a change was asked of a store opened read-only

The CLI turns these into one-line messages and exit codes, the web app (`newsweave.serve`) into
one JSON error shape with an HTTP status; anything else is a bug.
"""

from __future__ import annotations


class NewsweaveError(Exception):
    """Base class of all deliberate newsweave errors."""


class InputError(NewsweaveError):
    """An input can't be used. `path` names it, `reason` says why and how to fix it."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class MetadataError(InputError):
    """Metadata for an input (sidecar `.meta.json` or `--meta`) is malformed."""


class FetchError(InputError):
    """A URL could not be fetched or was refused by the fetch policy. `path` is the URL."""


class NoArticlesError(NewsweaveError):
    """Nothing usable was left to brief after ingesting the inputs."""


class MissingExtraError(NewsweaveError):
    """An optional dependency is missing."""

    def __init__(self, package: str, extra: str, purpose: str):
        super().__init__(
            f"{purpose} needs the package {package!r}, which is not installed; "
            f"install it with: pip install 'newsweave[{extra}]'"
        )
        self.package = package
        self.extra = extra


class ModelError(NewsweaveError):
    """A packaged model is missing or broken."""


class OptionError(NewsweaveError, ValueError):
    """An option (a clustering mode, a similarity, ...) was given a value newsweave does not
    know. `option` names it, `choices` are the values it takes."""

    def __init__(self, option: str, value: object, choices: tuple[str, ...]):
        super().__init__(f"{option} must be one of {', '.join(choices)}, not {value!r}")
        self.option = option
        self.value = value
        self.choices = choices


class StoreError(NewsweaveError):
    """A store can't be opened or used. `path` names the database file."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class NotFoundError(StoreError):
    """A story or article id asked for is not in the store."""


class ReadOnlyError(StoreError):
    """A write was asked of a store opened read-only (`--read-only`)."""
