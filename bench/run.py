"""Benchmark MAL Nordic at 10,000 cases, over HTTP and in process, beside an optional peer.

`make bench` runs this with the project's virtualenv. It
1. builds a SQLite database in a temporary folder (and a PostgreSQL one when DATABASE_URL
   is set: `<its name>_bench` on the same server, dropped and created for the run) with
   migrate, load_starter_content and `seed_synthetic --cases 10000`, and writes 200+ URLs
   per scenario from what the database holds (bench/pages.py);
2. times every page type in process: the Django test client, DEBUG off, up to 20 URLs
   each, with the SQL queries per page;
3. serves the database with gunicorn (2 sync workers, production settings; bench/sites.py)
   and loads each scenario with wrk from a separate process: 2 threads, 10 connections,
   `--timeout 30s`, 3 s of warm-up and BENCH_DURATION measured seconds, each request a
   random URL of the scenario's list (bench/urls.lua), waiting between scenarios until the
   workers and database are idle. wrk is installed with apt-get when it is missing and
   we are root; otherwise bench/load.py, a bounded Python load generator, stands in;
4. does the same for the naive-facets peer when NAIVE_FACETS names its folder (copied to
   the temporary folder, set up in its own venv, seeded with as many cases);
5. prints a table per database: requests/s, p50 and p99 and requests/s as a share of the
   same run's /robots.txt, ours beside the peer's, and a one-line summary.

Every scenario of ours is measured with the page cache off (the pages as rendered); the
peer's five scenarios are then measured again with the page cache on (in Redis when
BENCH_REDIS_URL or REDIS_URL names one, as several app servers would share it, else in
each worker's memory), each as a share of the /robots.txt of the same configuration.

Environment: DATABASE_URL, NAIVE_FACETS, BENCH_REDIS_URL or REDIS_URL, BENCH_CASES
(default 10000; above 10,000 only the in-process browse, facet, search and detail timings
are taken, no HTTP),
BENCH_DURATION (seconds measured per scenario, default 10), BENCH_KEEP=true (keep the
temporary folder and the PostgreSQL databases).
"""

import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import load
import sites
from pages import SCENARIOS

LABELS = dict(SCENARIOS) | {"robots again": "/robots.txt again, at the end"}
SCALING = ["browse", "facets", "search", "detail"]  # what BENCH_CASES > 10,000 measures
# In process, browse goes first, so that its first request shows what a fresh process
# spends before it can answer (the facet index, caches).
ORDER = ["browse", *(name for name, _label in SCENARIOS if name != "browse")]
PEER_SCENARIOS = ["robots", "browse", "facets", "search", "detail"]
CACHED_SCENARIOS = PEER_SCENARIOS
WARM_UP = 3
THRESHOLD_MS = 50
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def env_int(name, default):
    value = os.environ.get(name, "").strip()
    try:
        return int(value) if value else default
    except ValueError:
        sys.exit(f"{name} must be a whole number, not {value!r}.")


def main():
    cases = env_int("BENCH_CASES", 10_000)
    duration = env_int("BENCH_DURATION", 10)
    http = cases <= 10_000
    peer_source = os.environ.get("NAIVE_FACETS", "").strip()
    keep = os.environ.get("BENCH_KEEP", "").lower() in ("1", "true", "yes")
    redis_url = os.environ.get("BENCH_REDIS_URL", os.environ.get("REDIS_URL", "")).strip()
    folder = Path(tempfile.mkdtemp(prefix="malnordic-bench-"))
    commit = describe_commit()
    print(f"Benchmark of {commit} at {cases:,} cases, in {folder}", flush=True)

    databases = [("SQLite", f"sqlite:///{folder / 'bench.sqlite3'}", "sqlite")]
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        name = os.environ["DATABASE_URL"].rsplit("/", 1)[1].split("?")[0] or "malnordic"
        url = sites.server_url(os.environ["DATABASE_URL"], f"{name}_bench")
        databases.append(("PostgreSQL", url, "pg"))
    driver = find_wrk() if http else None
    sites.collect_static()
    peer_folder = None
    if peer_source and http:
        peer_folder = folder / "naive-facets"
        print(f"Setting up the peer from {peer_source} in {peer_folder}", flush=True)
        sites.setup_peer(Path(peer_source), peer_folder)

    reports = []
    try:
        for label, url, kind in databases:
            if kind == "pg":
                sites.recreate_database(url)
            print(f"\n== {label}: building {cases:,} cases", flush=True)
            ours = sites.build_ours(label, url, cases, folder / kind)
            timings = sites.time_in_process(ours, ORDER if http else SCALING)
            report = {"label": label, "ours": ours, "timings": timings}
            if http:
                report["http"] = measure_all(ours, [n for n, _l in SCENARIOS], duration, driver)
                cached = sites.with_page_cache(ours, redis_url)
                report["cached"] = cached
                report["cached_http"] = measure_all(cached, CACHED_SCENARIOS, duration, driver)
            if peer_folder:
                peer = sites.build_peer(peer_folder, kind, cases)
                report["peer"] = peer
                report["peer_http"] = measure_all(peer, PEER_SCENARIOS, duration, driver)
            reports.append(report)
    finally:
        if not keep:
            for _label, url, kind in databases:
                if kind == "pg":
                    sites.drop_database(url)
            if peer_folder and any(kind == "pg" for *_rest, kind in databases):
                sites.drop_database(f"postgres://postgres@127.0.0.1:5432/{sites.PEER_DATABASE}")
            shutil.rmtree(folder, ignore_errors=True)

    print(f"\n# Results: {commit}, {cases:,} cases, {os.cpu_count()} cores\n")
    print_seeding(reports, cases)
    for report in reports:
        if http:
            print_http(report, duration, driver)
    print_in_process(reports, cases)


def describe_commit():
    def git(*args):
        return subprocess.run(["git", *args], cwd=sites.ROOT, capture_output=True, text=True)

    commit = git("rev-parse", "HEAD").stdout.strip() or "unknown commit"
    if git("status", "--porcelain", "--untracked-files=no").stdout.strip():
        commit += " (with uncommitted changes in the working tree)"
    return commit


# Load.


def find_wrk():
    if not shutil.which("wrk") and os.geteuid() == 0 and shutil.which("apt-get"):
        print("Installing wrk with apt-get", flush=True)
        quiet = {"capture_output": True, "check": False}
        if subprocess.run(["apt-get", "install", "-y", "wrk"], **quiet).returncode:
            subprocess.run(["apt-get", "update"], **quiet)
            subprocess.run(["apt-get", "install", "-y", "wrk"], **quiet)
    if shutil.which("wrk"):
        return "wrk"
    print("wrk is not installed: using bench/load.py, whose figures are lower", flush=True)
    return "python"


def measure_all(site, names, duration, driver):
    """{scenario: result} for one site, each scenario warmed up, measured and drained."""
    results = {}
    with open(site.urls / "gunicorn.log", "w") as log, sites.Server(site, log) as server:
        for name in [*names, "robots again"]:
            urls = site.urls / f"{name.split()[0]}.txt"
            load_once(server, urls, WARM_UP, driver)
            server.drain()
            before = cpu_ticks(server)
            results[name] = load_once(server, urls, duration, driver)
            results[name]["others"] = other_load(before, cpu_ticks(server))
            results[name]["urls"] = len(urls.read_text().split())
            server.drain()
            print(f"  {site.name:28} {name:12} {format_result(results[name])}", flush=True)
    return results


def cpu_ticks(server):
    """(time, CPU ticks of the whole machine, of the site's workers and database backends,
    and of this process and the load generator): to tell how much CPU other processes took
    while a scenario was measured. The machine may be shared."""
    with open("/proc/stat") as stat:
        user, nice, system, _idle, _iowait, irq, softirq, steal = map(
            int, stat.readline().split()[1:9]
        )
    mine = sum(
        usage.ru_utime + usage.ru_stime
        for usage in (
            resource.getrusage(resource.RUSAGE_SELF),
            resource.getrusage(resource.RUSAGE_CHILDREN),
        )
    )
    busy = user + nice + system + irq + softirq + steal
    return time.monotonic(), busy, mine * CLOCK_TICKS, server.busy_ticks()


def other_load(before, after):
    """The cores other processes kept busy on average between two cpu_ticks() readings."""
    seconds = after[0] - before[0]
    ours = (after[2] - before[2]) + sites.ticks_between(before[3], after[3])
    others = (after[1] - before[1]) - ours
    return max(0.0, others / CLOCK_TICKS / seconds) if seconds else 0.0


def load_once(server, urls, seconds, driver):
    """One wrk (or bench/load.py) run of `seconds` over the URL list file `urls`."""
    if driver == "python":
        return load.run(server.port, urls.read_text().split(), seconds)
    script = Path(__file__).with_name("urls.lua")
    command = ["wrk", "-t2", "-c10", f"-d{seconds}s", "--timeout", "30s", "--latency"]
    command += ["-s", str(script), server.base, "--", str(urls)]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return parse_wrk(output)


def parse_wrk(output):
    """requests/s, p50 and p99 in ms, requests and failures from wrk --latency output."""

    def milliseconds(percentile):
        # wrk pads the value ("  1.27s "); with no request answered it prints no percentiles.
        found = re.search(rf"^\s+{percentile}%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.M)
        return float(found.group(1)) * UNITS[found.group(2)] if found else float("nan")

    failures = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", output))
    socket_errors = re.search(r"Socket errors: (.*)", output)
    if socket_errors:
        failures += sum(int(n) for n in re.findall(r"\d+", socket_errors.group(1)))
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": milliseconds(50),
        "p99": milliseconds(99),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "failures": failures,
    }


# Printing.


def ms(value):
    return f"{value:.1f}" if value < 100 else f"{value:.0f}"


def share(result, robots):
    return f"{100 * result['rps'] / robots['rps']:.2f} %" if robots["rps"] else "-"


def format_result(result):
    return (
        f"{result['rps']:9.1f} req/s  p50 {ms(result['p50']):>6} ms  p99 {ms(result['p99']):>6} "
        f"ms  {result['requests']} requests, {result['failures']} failed, "
        f"others {result.get('others', 0):.2f} cores"
    )


def print_seeding(reports, cases):
    for report in reports:
        parts = [f"{step} {seconds:.0f} s" for step, seconds in report["ours"].seconds.items()]
        line = f"Building {cases:,} cases on {report['label']}: " + ", ".join(parts)
        if "peer" in report:
            peer = ", ".join(f"{s} {t:.0f} s" for s, t in report["peer"].seconds.items())
            line += f"; naive-facets: {peer}"
        print(line)
    print()


def print_http(report, duration, driver):
    ours, peer = report["http"], report.get("peer_http", {})
    tool = "wrk" if driver == "wrk" else "bench/load.py (Python, lower figures)"
    print(
        f"## {report['label']}: HTTP, gunicorn 2 sync workers; {tool}, 2 threads, "
        f"10 connections, {WARM_UP} s warm-up + {duration} s per scenario\n"
    )
    head = "| scenario | URLs | req/s | p50 ms | p99 ms | % of robots.txt | failed | others |"
    rule = "|---|---:|---:|---:|---:|---:|---:|---:|"
    if peer:
        head += " peer URLs | peer req/s | peer p50 ms | peer p99 ms | peer % of robots.txt |"
        head += " peer failed | others |"
        rule += "---:|---:|---:|---:|---:|---:|---:|"
    print(head)
    print(rule)
    for name, label in [*SCENARIOS, ("robots again", LABELS["robots again"])]:
        result = ours[name]
        row = (
            f"| {label} | {result['urls']} | {result['rps']:.1f} | {ms(result['p50'])} | "
            f"{ms(result['p99'])} | {share(result, ours['robots'])} | {result['failures']} | "
            f"{result['others']:.2f} |"
        )
        if peer:
            other = peer.get(name)
            row += (
                f" {other['urls']} | {other['rps']:.1f} | {ms(other['p50'])} | "
                f"{ms(other['p99'])} | {share(other, peer['robots'])} | {other['failures']} | "
                f"{other['others']:.2f} |"
                if other
                else " | | | | | | |"
            )
        print(row)
    print()
    print(
        "others: the cores that processes outside the benchmark kept busy during the "
        "measurement, on average (the machine may be shared)."
    )
    print(summary_line(report["label"], ours, peer))
    print()
    if "cached_http" in report:
        print_cached(report, peer)


def print_cached(report, peer):
    cached, ours = report["cached_http"], report["http"]
    print(f"### {report['cached'].name}: the same scenarios with the page cache on\n")
    print(
        "| scenario | URLs | req/s | p50 ms | p99 ms | % of robots.txt | failed | others | "
        "cache off: % of robots.txt | peer: % of robots.txt |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name in [*CACHED_SCENARIOS, "robots again"]:
        result = cached[name]
        off = share(ours[name], ours["robots"]) if name in ours else ""
        other = share(peer[name], peer["robots"]) if name in peer else ""
        print(
            f"| {LABELS[name]} | {result['urls']} | {result['rps']:.1f} | {ms(result['p50'])} | "
            f"{ms(result['p99'])} | {share(result, cached['robots'])} | {result['failures']} | "
            f"{result['others']:.2f} | {off} | {other} |"
        )
    print()
    shares = ", ".join(
        f"{name} {share(cached[name], cached['robots'])} (off {share(ours[name], ours['robots'])})"
        for name in CACHED_SCENARIOS[1:]
    )
    failed = sum(result["failures"] for result in cached.values())
    print(
        f"{report['label']}, page cache on: robots.txt {cached['robots']['rps']:.0f} req/s; "
        f"{shares}; " + ("no failed requests." if not failed else f"{failed} failed requests.")
    )
    print()


def summary_line(label, ours, peer):
    pages = [name for name, _label in SCENARIOS if name != "robots"]
    slowest = min(pages, key=lambda name: ours[name]["rps"])
    failed = sum(result["failures"] for result in ours.values())
    line = (
        f"{label}: robots.txt {ours['robots']['rps']:.0f} req/s; slowest {LABELS[slowest]} "
        f"at {share(ours[slowest], ours['robots'])} of it; "
        + ("no failed requests" if not failed else f"{failed} failed requests")
    )
    if peer:
        compared = [
            f"{name} {share(ours[name], ours['robots'])} vs {share(peer[name], peer['robots'])}"
            for name in PEER_SCENARIOS[1:]
        ]
        line += "; ours vs peer: " + ", ".join(compared)
    busiest = max(result["others"] for result in [*ours.values(), *peer.values()])
    return line + f"; other processes used up to {busiest:.2f} cores."


def print_in_process(reports, cases):
    print(
        f"## In process: Django test client, DEBUG off, {cases:,} cases; median (slowest) "
        f"ms over up to 20 URLs, SQL queries per page\n"
    )
    print("| page type | " + " | ".join(f"{r['label']} ms | queries" for r in reports) + " |")
    print("|---|" + "---:|---:|" * len(reports))
    above = []
    names = [name for name, _label in SCENARIOS if name in reports[0]["timings"]]
    for name in names:
        cells = []
        for report in reports:
            timing = report["timings"][name]
            low, high = timing["queries"]
            cells.append(f"{ms(timing['median_ms'])} ({ms(timing['max_ms'])})")
            cells.append(str(low) if low == high else f"{low}-{high}")
            if timing["median_ms"] > THRESHOLD_MS:
                above.append(f"{LABELS[name]} ({report['label']} {ms(timing['median_ms'])} ms)")
            if timing["failures"]:
                above.append(f"{LABELS[name]} failed {timing['failures']} times")
        print(f"| {LABELS[name]} | " + " | ".join(cells) + " |")
    print()
    firsts = ", ".join(
        f"{r['label']} {ms(r['timings']['browse']['first_ms'])} ms" for r in reports
    )
    print(f"The first /cases/ request of a fresh process (it builds the facet index): {firsts}.")
    if above:
        print(f"Above {THRESHOLD_MS} ms in process (median): " + "; ".join(above) + ".")
    else:
        print(f"No page type above {THRESHOLD_MS} ms in process (median).")


if __name__ == "__main__":
    # A stopped benchmark still stops gunicorn and removes its databases and folder.
    signal.signal(signal.SIGTERM, lambda *_args: sys.exit("Stopped."))
    began = time.perf_counter()
    main()
    print(f"\nThe benchmark took {(time.perf_counter() - began) / 60:.0f} minutes.")
