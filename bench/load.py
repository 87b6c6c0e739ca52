"""A small HTTP load generator, for when wrk is not installed.

Threads with keep-alive `http.client` connections to 127.0.0.1 only, each requesting random
paths from a list, for a fixed time and at most MAX_REQUESTS requests in all. Python
threads share one interpreter lock, so this drives a server less hard than wrk does: its
figures are lower bounds, comparable only with figures it produced itself.
"""

import http.client
import random
import statistics
import threading
import time

MAX_REQUESTS = 1_000_000


def run(port, paths, seconds, connections=10, timeout=30):
    """Load 127.0.0.1:`port` for `seconds`; return requests/s, p50 and p99 in ms, the
    number of requests, and the failures (non-2xx/3xx answers and socket errors)."""
    deadline = time.monotonic() + seconds
    latencies, failures, lock = [], [0], threading.Lock()

    def worker(number):
        rng = random.Random(number)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        mine, bad = [], 0
        while time.monotonic() < deadline and len(latencies) + len(mine) < MAX_REQUESTS:
            began = time.perf_counter()
            try:
                connection.request("GET", rng.choice(paths))
                response = connection.getresponse()
                response.read()
                bad += not 200 <= response.status < 400
            except (OSError, http.client.HTTPException):
                bad += 1
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
                continue
            mine.append((time.perf_counter() - began) * 1000)
        connection.close()
        with lock:
            latencies.extend(mine)
            failures[0] += bad

    began = time.monotonic()
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - began
    if not latencies:
        return {"rps": 0.0, "p50": 0.0, "p99": 0.0, "requests": 0, "failures": failures[0]}
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
    return {
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies),
        "p99": cuts[98],
        "requests": len(latencies),
        "failures": failures[0],
    }
