"""The load test: the faceted browse pages through HAProxy, with wrk.

`deploy/cluster.py --load` runs it once the cluster is healthy. The URLs are the
benchmark's (bench/pages.py, written from what the database holds): every combination of
country, theme and instrument, and searches, all /cases/?… pages, 200 or more of them.
Every URL is first requested once (the warm-up, timed and reported: the page cache then
holds them, as on a site whose content has not changed for a while); then wrk runs 2
threads and 50 connections for LOAD_DURATION seconds (default 60), each request a random
URL of the list (bench/urls.lua), and its figures are read as the benchmark reads them
(bench/run.py). It passes with no failed request, in the warm-up or under wrk (an answer
other than 2xx or 3xx, or a socket error such as a timeout), and a 99th percentile under
1 s.
"""

import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import run as bench  # noqa: E402 (bench/ is not a package)
import sites  # noqa: E402

CONNECTIONS = 50
THREADS = 2
MINIMUM_URLS = 200
P99_LIMIT_MS = 1000
LISTS = ["facets", "search"]  # bench/pages.py's lists of /cases/?… pages


def browse_urls(env, folder):
    """The distinct /cases/?… paths of the benchmark's facet and search lists."""
    sites.run([sites.PYTHON, BENCH / "pages.py", "urls", folder], env=env, quiet=True)
    paths = []
    for name in LISTS:
        paths += (folder / f"{name}.txt").read_text().split()
    return list(dict.fromkeys(path for path in paths if path.startswith("/cases/?")))


def percentile_ms(output, percentile):
    """One percentile of wrk --latency's distribution, in milliseconds."""
    found = re.search(rf"^\s+{percentile}%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.M)
    return float(found.group(1)) * bench.UNITS[found.group(2)] if found else float("nan")


def warm_up(base, paths, connections):
    """Request every path once, `connections` at a time: the page cache then holds them, as
    it does on a site whose content has not changed for a while. Returns (seconds, the
    paths that did not answer 2xx or 3xx)."""

    def fetch(path):
        try:
            with urllib.request.urlopen(base + path, timeout=30) as answer:
                answer.read()
                return None
        except urllib.error.HTTPError as error:
            return f"{path} {error.code}"
        except OSError as error:
            return f"{path} {error}"

    began = time.monotonic()
    with ThreadPoolExecutor(connections) as pool:
        failed = [result for result in pool.map(fetch, paths) if result]
    return time.monotonic() - began, failed


def requests_per_node(cluster):
    """{node: requests HAProxy has sent it so far}."""
    stats = cluster.stats()
    return {name: int(stats[name]["stot"]) for name in ("node1", "node2")}


def main(cluster, env, duration):
    print(f"\nLoad test through HAProxy, {cluster.base}", flush=True)
    if bench.find_wrk() != "wrk":
        print("Load test FAILED: wrk is not installed (apt-get install wrk).")
        return 1
    urls = cluster.folder / "urls"
    paths = browse_urls(env, urls)
    if len(paths) < MINIMUM_URLS:
        print(f"Load test FAILED: only {len(paths)} browse URLs; {MINIMUM_URLS} are needed.")
        return 1
    listed = urls / "browse-facets.txt"
    listed.write_text("\n".join(paths) + "\n")
    print(f"  {len(paths)} distinct /cases/?… URLs (facet combinations and searches)")
    seconds, failed = warm_up(cluster.base, paths, cluster.workers * 2)
    print(f"  warm-up: every URL once in {seconds:.1f} s, {len(failed)} failed", flush=True)
    for failure in failed[:10]:
        print(f"    failed: {failure}")
    print(f"  wrk: {THREADS} threads, {CONNECTIONS} connections, {duration} s", flush=True)
    before = requests_per_node(cluster)
    command = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{duration}s", "--timeout", "10s"]
    command += ["--latency", "-s", BENCH / "urls.lua", cluster.base, "--", listed]
    done = subprocess.run([str(part) for part in command], capture_output=True, text=True)
    if done.returncode:
        print(f"Load test FAILED: wrk exited with {done.returncode}\n{done.stderr}")
        return 1
    result = bench.parse_wrk(done.stdout)
    after = requests_per_node(cluster)
    p90 = percentile_ms(done.stdout, 90)
    shares = ", ".join(f"{name} {after[name] - before[name]}" for name in sorted(after))
    print(done.stdout.rstrip())
    print(f"  requests per node (HAProxy): {shares}")
    passed = not failed and result["failures"] == 0 and result["p99"] < P99_LIMIT_MS
    print(
        f"Load test {'passed' if passed else 'FAILED'}: {result['rps']:.1f} requests/s, "
        f"{result['requests']} requests, {result['failures']} failed; "
        f"p50 {bench.ms(result['p50'])} ms, p90 {bench.ms(p90)} ms, "
        f"p99 {bench.ms(result['p99'])} ms (limit: no failures, p99 under {P99_LIMIT_MS} ms)"
    )
    return 0 if passed else 1
