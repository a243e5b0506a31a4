"""Where a fetch may connect (`fetch.Fetcher` uses it): each host resolved once and every
address checked (private, loopback, link-local, multicast, reserved and other non-global
addresses are refused unless allowed, IPv4 inside IPv6 included); connections go only to the
checked addresses (no second DNS answer is used), and every connect, read and write ends by the
fetch's deadline.
"""

from __future__ import annotations

import ipaddress
import math
import socket
import threading
import time
from collections.abc import Callable, Iterable

import httpcore
import httpx

from ..errors import FetchError

ALLOW_HINT = "allow it with allow_private=True (--allow-private) if you trust it"
Resolver = Callable[[str, int], Iterable[str]]

__all__ = ["ALLOW_HINT", "TOTAL_TIME", "Deadline", "Resolver", "refusal", "system_resolver"]


def refusal(address: str) -> str | None:
    """Why this IP address may not be fetched from by default ("a loopback address"), or None."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None:
            inner = refusal(str(embedded))
            return f"{inner} inside an IPv6 address" if inner else None
    for test, label in (
        ("is_unspecified", "an unspecified"),
        ("is_loopback", "a loopback"),
        ("is_link_local", "a link-local"),
        ("is_multicast", "a multicast"),
        ("is_reserved", "a reserved"),
        ("is_private", "a private"),
    ):
        if getattr(ip, test):
            return f"{label} address"
    return None if ip.is_global else "a non-public address"


Deadline = Callable[[], float]  # the `time.monotonic()` by which the fetch under way must end


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for host (A and AAAA), in its order."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class _Guard:
    """Resolves each host once and checks every address; the addresses it returns are the
    only ones connected to."""

    def __init__(
        self, resolver: Resolver, allow_private: bool, deadline: Deadline = lambda: math.inf
    ):
        self.resolver, self.allow_private, self.deadline = resolver, allow_private, deadline
        self.known: dict[tuple[str, int], list[str]] = {}

    def addresses(self, host: str, port: int) -> list[str]:
        key = (host, port)
        if key not in self.known:
            self.known[key] = self._checked(host, port)
        return self.known[key]

    def _checked(self, host: str, port: int) -> list[str]:
        literal = _literal(host)
        found = [literal] if literal else self._resolve(host, port)
        for address in found:
            why = None if self.allow_private else refusal(address)
            if why:
                shown = f"{host} is" if literal else f"{host} resolves to {address},"
                raise FetchError(
                    host,
                    f"{shown} {why}; refused so that inputs cannot reach private "
                    f"networks; {ALLOW_HINT}",
                )
        return found

    def _resolve(self, host: str, port: int) -> list[str]:
        try:
            found = _by_deadline(lambda: list(self.resolver(host, port)), self.deadline())
        except TimeoutError:
            raise FetchError(
                host, f"host {host} did not resolve within the fetch's total time limit; try again"
            ) from None
        except (OSError, UnicodeError) as exc:
            raise FetchError(
                host, f"host {host} could not be resolved ({exc}); check the URL"
            ) from exc
        if not found:
            raise FetchError(host, f"host {host} has no address; check the URL")
        return found


def _by_deadline(resolve: Callable[[], list[str]], deadline: float) -> list[str]:
    """`resolve()`, given up (TimeoutError) when the deadline passes first: the system resolver
    has no timeout of its own, so it runs in a daemon thread that a stuck lookup leaves behind."""
    if deadline == math.inf:
        return resolve()
    done: list[list[str] | BaseException] = []

    def run() -> None:
        try:
            done.append(resolve())
        except BaseException as exc:
            done.append(exc)

    worker = threading.Thread(target=run, name="newsweave-resolve", daemon=True)
    worker.start()
    worker.join(max(0.0, deadline - time.monotonic()))
    if not done:
        raise TimeoutError
    if isinstance(done[0], BaseException):
        raise done[0]
    return done[0]


def _literal(host: str) -> str | None:
    """The address, if the host is an IP address literal (IPv6 with or without brackets)."""
    try:
        return str(ipaddress.ip_address(host.strip("[]")))
    except ValueError:
        return None


class _PinnedBackend(httpcore.SyncBackend):
    """Connects to the guard's checked addresses, never to a fresh DNS answer; every connect,
    read and write on its connections ends by the fetch's deadline (a server sending its
    headers one byte at a time, or redirecting slowly, is cut off like a trickling body)."""

    def __init__(self, guard: _Guard, deadline: Deadline = lambda: math.inf):
        self.guard, self.deadline = guard, deadline

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        last: Exception | None = None
        for address in self.guard.addresses(host, port):
            try:
                stream = super().connect_tcp(
                    address,
                    port,
                    _within(timeout, self.deadline(), httpcore.ConnectTimeout),
                    local_address,
                    socket_options,
                )
                return _DeadlineStream(stream, self.deadline)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        assert last is not None  # addresses() is never empty
        raise last


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose every operation waits no longer than the deadline leaves."""

    def __init__(self, stream: httpcore.NetworkStream, deadline: Deadline):
        self.stream, self.deadline = stream, deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self.stream.read(max_bytes, _within(timeout, self.deadline(), httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.stream.write(buffer, _within(timeout, self.deadline(), httpcore.WriteTimeout))

    def close(self) -> None:
        self.stream.close()

    def start_tls(self, ssl_context, server_hostname=None, timeout=None) -> httpcore.NetworkStream:
        tls = self.stream.start_tls(
            ssl_context, server_hostname, _within(timeout, self.deadline(), httpcore.ConnectTimeout)
        )
        return _DeadlineStream(tls, self.deadline)

    def get_extra_info(self, info: str):
        return self.stream.get_extra_info(info)


def _within(timeout: float | None, deadline: float, late: type[Exception]) -> float | None:
    """The timeout for one operation: no later than the deadline; `late` if it has passed."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise late(TOTAL_TIME)
    return left if timeout is None else min(timeout, left)


TOTAL_TIME = "the fetch took longer than its total time limit"


def _pinned_transport(guard: _Guard, deadline: Deadline) -> httpx.HTTPTransport:
    """httpx's own transport with its connection pool on the pinned backend (no proxies)."""
    transport = httpx.HTTPTransport(trust_env=False)
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(trust_env=False),
        network_backend=_PinnedBackend(guard, deadline),
    )
    return transport
