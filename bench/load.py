"""`newsweave serve` under load, on loopback: many concurrent clients for a fixed time.

    .venv/bin/python bench/load.py [--clients 200] [--duration 30] [--peer wrk] [--json out.json]
    .venv/bin/python bench/load.py --db news.db    # an existing store instead, served read-only

A store is made in a temporary folder from the bundled example story (AP and Reuters, ZTE), and
`newsweave serve` runs on it as a separate process (`python -m newsweave.cli serve`, one uvicorn
worker, its default logging), on 127.0.0.1 and a free port. Each target is warmed with one
request (the story page's brief is computed once and kept), then hammered: `--clients`
keep-alive clients, each sending its next GET as soon as the last one answers, for `--duration`
seconds. An error is any exception or any status other than 200. Latency is from sending to the
end of the body; p50/p95/p99 are over every request made. Targets: the story page, the story
list (its first page), and the stylesheet (a fixed in-memory response: the floor of the framework's cost).

The load generator is asyncio + httpx (in this script), and, with `--peer wrk`, Debian's `wrk`
(`apt-get install wrk`; `-t 2 -c CLIENTS -d DURATION`, percentiles from a `done` script) on the same targets, which
costs far less CPU per request than httpx, so the two bracket what the server does when the
client is not the bottleneck. On a 2-core machine the server and the generator share the cores.
Not part of the test suite; `tests/test_load.py` runs `hammer()` for a second as a smoke test.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path

import httpx


@dataclass
class Result:
    target: str
    generator: str
    clients: int
    seconds: float
    requests: int = 0
    errors: int = 0
    latencies: list[float] = field(default_factory=list, repr=False)
    statuses: dict[str, int] = field(default_factory=dict)
    p50_ms: float | None = None
    p95_ms: float | None = None
    p99_ms: float | None = None

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def finish(self) -> Result:
        if self.latencies:
            cuts = statistics.quantiles(self.latencies, n=100, method="inclusive")
            self.p50_ms, self.p95_ms, self.p99_ms = (
                round(cuts[i - 1] * 1000, 1) for i in (50, 95, 99)
            )
        return self

    def row(self) -> dict:
        keep = {k: v for k, v in asdict(self).items() if k != "latencies"}
        return {**keep, "rps": round(self.rps, 1)}


# --- the load generator: asyncio + httpx ----------------------------------------------------------
async def _requests(http: httpx.AsyncClient, url: str, until: float, result: Result) -> None:
    while time.perf_counter() < until:
        start = time.perf_counter()
        try:
            response = await http.get(url)
            await response.aread()
            status = str(response.status_code)
        except httpx.HTTPError as exc:
            status = type(exc).__name__
        result.latencies.append(time.perf_counter() - start)
        result.requests += 1
        result.statuses[status] = result.statuses.get(status, 0) + 1
        if status != "200":
            result.errors += 1


async def _hammer(url: str, clients: int, duration: float, timeout: float) -> Result:
    """Each client has its own keep-alive connection (one shared pool of 200 is slower than the
    server), made before the clock starts (an httpx client builds an SSL context)."""
    result = Result(url, "httpx", clients, duration)
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    async with contextlib.AsyncExitStack() as stack:
        https = [
            await stack.enter_async_context(
                httpx.AsyncClient(limits=limits, timeout=timeout, headers={"accept": "text/html"})
            )
            for _ in range(clients)
        ]
        started = time.perf_counter()
        await asyncio.gather(*(_requests(http, url, started + duration, result) for http in https))
        result.seconds = time.perf_counter() - started
    return result.finish()


def hammer(
    url: str, *, clients: int = 200, duration: float = 30.0, timeout: float = 60.0
) -> Result:
    """`clients` concurrent keep-alive clients GET `url` back to back for `duration` seconds."""
    return asyncio.run(_hammer(url, clients, duration, timeout))


# --- the peer: wrk --------------------------------------------------------------------------------
WRK_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0, "m": 60000.0}


WRK_PERCENTILES = """done = function(summary, latency, requests)
  for _, p in ipairs({50, 95, 99}) do io.write(string.format("pct %d %d\\n", p, latency:percentile(p))) end
end
"""


def wrk(url: str, *, clients: int, duration: float) -> Result:
    """Debian's wrk on the same URL: its requests/s, errors, and p50/p95/p99 (from a `done` script)."""
    threads = min(2, clients)
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        script.write(WRK_PERCENTILES)
        script.flush()
        out = subprocess.run(
            [
                "wrk",
                "-t",
                str(threads),
                "-c",
                str(clients),
                "-d",
                f"{int(duration)}s",
                "-s",
                script.name,
                "-H",
                "Accept: text/html",
                "--timeout",
                "60s",
                url,
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    result = Result(url, "wrk", clients, duration)
    result.requests = int(re.search(r"(\d+) requests in", out).group(1))
    seconds = re.search(r"requests in ([\d.]+)(\w+),", out)
    result.seconds = float(seconds.group(1)) * WRK_UNITS[seconds.group(2)] / 1000
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    result.errors = sum(map(int, errors.groups())) if errors else 0
    result.errors += int(non2xx.group(1)) if non2xx else 0
    for pct, micros in re.findall(r"^pct (\d+) (\d+)$", out, re.M):
        setattr(result, f"p{pct}_ms", round(int(micros) / 1000, 1))
    return result


# --- the server -----------------------------------------------------------------------------------
def example_store(folder: Path) -> Path:
    """A store holding the bundled example story (two articles)."""
    import newsweave

    examples = Path(
        str(resources.files("newsweave").joinpath("data", "examples"))
    )  # a folder on disk
    with newsweave.open_store(folder / "news.db") as store:
        newsweave.ingest(sorted(examples.rglob("*.txt")), store)
    return folder / "news.db"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serve(db: Path, port: int, *, readonly: bool = False):
    """`newsweave serve` as a separate process, until the block ends; yields the base URL."""
    command = [sys.executable, "-m", "newsweave.cli", "serve", "--db", str(db), "--port", str(port)]
    command += ["--read-only"] if readonly else []
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(base + "/static/style.css", timeout=2).status_code == 200:
                    break
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"newsweave serve did not start: {' '.join(command)}")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(20)


def targets(base: str) -> dict[str, str]:
    story = httpx.get(base + "/api/stories", timeout=30).json()[0]["id"]
    return {
        "story page": f"{base}/stories/{story}",
        "story list": f"{base}/",
        "stylesheet": f"{base}/static/style.css",
    }


def machine() -> str:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    return f"{os.cpu_count()}-core {model} {platform.machine()}, Python {platform.python_version()}"


def table(rows: list[dict]) -> str:
    """The rows as the Markdown table in docs/benchmarks.md."""
    lines = [
        "| target | generator | requests | req/s | errors | p50 | p95 | p99 |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        ms = [f"{r[k]:.1f} ms" if r[k] is not None else "–" for k in ("p50_ms", "p95_ms", "p99_ms")]
        lines.append(
            f"| {r['target']} | {r['generator']} | {r['requests']:,} | {r['rps']:,.0f} | {r['errors']} | "
            + " | ".join(ms)
            + " |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--duration", type=float, default=30.0)
    parser.add_argument(
        "--peer", choices=["wrk", "none"], default="wrk" if shutil.which("wrk") else "none"
    )
    parser.add_argument("--json", type=Path, help="also write the rows here")
    parser.add_argument(
        "--db", type=Path, help="serve this store read-only (default: the bundled example's)"
    )
    args = parser.parse_args(argv)
    rows = []
    with (
        tempfile.TemporaryDirectory() as tmp,
        serve(
            args.db or example_store(Path(tmp)), free_port(), readonly=args.db is not None
        ) as base,
    ):
        for name, url in targets(base).items():
            assert (
                httpx.get(url, timeout=120, headers={"accept": "text/html"}).status_code == 200
            ), url  # warm
            runs = [hammer(url, clients=args.clients, duration=args.duration)]
            if args.peer == "wrk":
                runs.append(wrk(url, clients=args.clients, duration=args.duration))
            for result in runs:
                rows.append({**result.row(), "target": name})
                print(json.dumps(rows[-1]), flush=True)
    print(
        f"\n{dt.date.today()} · {machine()} · {args.clients} clients, {args.duration:g} s per run\n"
    )
    print(table(rows))
    if args.json:
        args.json.write_text(json.dumps({"machine": machine(), "rows": rows}, indent=1))
    return 1 if any(r["errors"] for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
