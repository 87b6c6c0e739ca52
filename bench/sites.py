"""The sites under test: MAL Nordic and the optional naive-facets peer, built and served.

Each site is set up in a temporary folder with its own database, served by gunicorn with
2 sync workers on a free port of 127.0.0.1, and stopped by its process id. MAL Nordic runs
in production settings: DEBUG off, a generated SECRET_KEY, ALLOWED_HOSTS=127.0.0.1, and
SECURE_SSL_REDIRECT=false because the benchmark speaks plain HTTP, as a site behind a
TLS-terminating proxy does; every other security setting stays as production has it.
"""

import json
import os
import secrets
import shutil
import socket
import stat
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = Path(sys.executable)
SECRET_KEY = secrets.token_urlsafe(60)
PEER_DATABASE = "naive_facets_bench"


@dataclass
class Site:
    name: str
    cwd: Path
    python: Path
    app: str
    env: dict
    urls: Path  # folder of <scenario>.txt lists
    database: str = ""  # PostgreSQL database name, to watch its backends while draining
    seconds: dict = field(default_factory=dict)  # setup step -> seconds


def run(command, site=None, quiet=False, **kwargs):
    """Run a command (in the site's folder and environment); fail loudly on an error."""
    kwargs.setdefault("cwd", site.cwd if site else ROOT)
    kwargs.setdefault("env", site.env if site else None)
    output = subprocess.run(
        [str(part) for part in command], check=False, capture_output=True, text=True, **kwargs
    )
    if output.returncode:
        sys.exit(f"Failed: {' '.join(map(str, command))}\n{output.stdout}\n{output.stderr}")
    if not quiet and output.stdout.strip():
        print(output.stdout.rstrip(), flush=True)
    return output.stdout


def timed(site, step, command, **kwargs):
    began = time.perf_counter()
    output = run(command, site, **kwargs)
    site.seconds[step] = time.perf_counter() - began
    return output


# PostgreSQL databases for the run.


def server_url(database_url, name):
    """`database_url` with its database name replaced by `name`."""
    parts = urlsplit(database_url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def recreate_database(database_url):
    """Drop and create the database that `database_url` names (used only for the
    benchmark's own databases)."""
    import psycopg

    name = urlsplit(database_url).path.lstrip("/")
    with psycopg.connect(server_url(database_url, "postgres"), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def drop_database(database_url):
    import psycopg

    name = urlsplit(database_url).path.lstrip("/")
    with psycopg.connect(server_url(database_url, "postgres"), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# MAL Nordic.


def production_env(database_url):
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        DEBUG="false",
        SECRET_KEY=SECRET_KEY,
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        LOG_LEVEL="WARNING",
        # The pages as rendered; with_page_cache() gives the same site with the cache on.
        PAGE_CACHE="false",
        # Every request comes from one address: the per-address limits would refuse most.
        EXPORT_RATE="100000000/minute",
        API_ANON_RATE="100000000/minute",
    )
    env.pop("REDIS_URL", None)
    return env


def with_page_cache(site, redis_url):
    """The same site with the page cache on: in Redis when `redis_url` is given (as several
    app servers share it; under a key prefix of this run's own), else in each worker's
    memory."""
    env = {**site.env, "PAGE_CACHE": "true", "CACHE_KEY_PREFIX": f"bench-{secrets.token_hex(6)}"}
    if redis_url:
        env["REDIS_URL"] = redis_url
    where = "Redis" if redis_url else "memory"
    return replace(site, name=f"{site.name}, page cache in {where}", env=env)


def collect_static():
    run([PYTHON, "manage.py", "collectstatic", "--no-input", "-v0"], env=production_env(""))


def build_ours(label, database_url, cases, folder):
    """Migrate, load the starter content and seed `cases` synthetic cases; write the URL
    lists. Returns the Site."""
    database = urlsplit(database_url).path.lstrip("/") if "postgres" in database_url else ""
    site = Site(
        f"MAL Nordic, {label}",
        ROOT,
        PYTHON,
        "malnordic.wsgi:application",
        production_env(database_url),
        folder / "urls",
        database,
    )
    manage = [PYTHON, "manage.py"]
    timed(site, "migrate", [*manage, "migrate", "--no-input", "-v0"])
    timed(site, "starter content", [*manage, "load_starter_content", "-v0"])
    summary = timed(site, "seed", [*manage, "seed_synthetic", "--cases", cases], quiet=True)
    print(summary.strip().splitlines()[-1], flush=True)
    output = run([PYTHON, ROOT / "bench" / "pages.py", "urls", site.urls], site, quiet=True)
    counts = json.loads(output.strip().splitlines()[-1])
    print("URLs per scenario: " + ", ".join(f"{k} {n}" for k, n in counts.items()), flush=True)
    return site


def time_in_process(site, scenarios):
    """In-process timings from bench/pages.py, in a fresh process."""
    command = [PYTHON, ROOT / "bench" / "pages.py", "time", site.urls, *scenarios]
    output = run(command, site, quiet=True)
    return json.loads(output.strip().splitlines()[-1])


# The peer: naive-facets, a straightforward faceted browser (not part of the product).

PEER_URLS = """
import json, math, random
from pathlib import Path
from django.db.models import Count
from cases.management.commands.seed import KEYWORDS
from cases.models import Case, Theme
from taggit.models import Tag
rng, folder, want = random.Random(0), Path({folder!r}), 240
folder.mkdir(parents=True, exist_ok=True)
total = Case.objects.count()
combos = Case.objects.values("country", "themes__slug", "tags__slug")
combos = combos.annotate(n=Count("pk")).order_by()
sizes = {{(r["country"], r["themes__slug"], r["tags__slug"]): r["n"] for r in combos}}
facets = []
for c in Case.Country.values:
    for t in Theme.objects.values_list("slug", flat=True):
        for g in Tag.objects.values_list("slug", flat=True):
            facets.append(f"/cases/?country={{c}}&theme={{t}}&tag={{g}}")
            if sizes.get((c, t, g), 0) > 20:
                facets.append(f"/cases/?country={{c}}&theme={{t}}&tag={{g}}&page=2")
slugs = sorted(Case.objects.values_list("slug", flat=True))
lists = {{
    "robots": ["/robots.txt"],
    "browse": [f"/cases/?page={{n}}" for n in range(1, math.ceil(total / 20) + 1)],
    "facets": facets,
    "search": [f"/cases/?q={{k}}&page={{p}}" for k in KEYWORDS for p in range(1, 21)],
    "detail": [f"/cases/{{s}}/" for s in rng.sample(slugs, min(want, len(slugs)))],
}}
for name, paths in lists.items():
    if len(paths) > want:
        paths = rng.sample(paths, want)
    (folder / f"{{name}}.txt").write_text("\\n".join(paths) + "\\n")
print(json.dumps({{name: len(paths) for name, paths in lists.items()}}))
"""


def setup_peer(source, folder):
    """Copy the peer out of `source` into `folder` and give it its own venv."""
    shutil.copytree(source, folder, ignore=shutil.ignore_patterns("venv", "db.sqlite3"))
    for path in [folder, *folder.rglob("*")]:  # the source may be read-only
        path.chmod(path.stat().st_mode | stat.S_IWUSR)
    run([PYTHON, "-m", "venv", folder / "venv"], cwd=folder)
    pip = [folder / "venv" / "bin" / "python", "-m", "pip", "install", "--quiet"]
    run([*pip, "--disable-pip-version-check", "-r", "requirements.txt"], cwd=folder)


def build_peer(folder, kind, cases):
    env = dict(os.environ, DJANGO_DEBUG="0", PERF_DB=kind, PERF_PG_NAME=PEER_DATABASE)
    env.pop("DATABASE_URL", None)
    site = Site(
        f"naive-facets, {kind}",
        folder,
        folder / "venv" / "bin" / "python",
        "config.wsgi:application",
        env,
        folder / f"urls-{kind}",
        PEER_DATABASE if kind == "pg" else "",
    )
    if kind == "pg":
        recreate_database(f"postgres://postgres@127.0.0.1:5432/{PEER_DATABASE}")
    else:
        (folder / "db.sqlite3").unlink(missing_ok=True)
    timed(site, "migrate", [site.python, "manage.py", "migrate", "-v0"])
    timed(site, "seed", [site.python, "manage.py", "seed", "--n", cases], quiet=True)
    code = PEER_URLS.format(folder=str(site.urls))
    output = run([site.python, "manage.py", "shell", "-v0", "-c", code], site, quiet=True)
    counts = json.loads(output.strip().splitlines()[-1])
    print("Peer URLs per scenario: " + ", ".join(f"{k} {n}" for k, n in counts.items()))
    return site


# Serving.


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn with 2 sync workers on a free port of 127.0.0.1, as a context manager."""

    def __init__(self, site, log):
        self.site, self.log, self.port = site, log, free_port()

    def __enter__(self):
        gunicorn = self.site.python.with_name("gunicorn")
        command = [gunicorn, self.site.app, "--workers", "2", "--worker-class", "sync"]
        command += ["--bind", f"127.0.0.1:{self.port}", "--log-level", "warning"]
        self.process = subprocess.Popen(
            [str(part) for part in command],
            cwd=self.site.cwd,
            env=self.site.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.base}/robots.txt", timeout=5) as answer:
                    if answer.status == 200:
                        return self
            except OSError:
                time.sleep(0.2)
        self.__exit__()
        sys.exit(f"gunicorn for {self.site.name} did not answer; see {self.log.name}")

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def busy_ticks(self):
        """{pid: CPU ticks used so far} for the workers and the database's PostgreSQL
        backends. Compare two readings with `ticks_between`: processes come and go (a
        backend ends when its connection closes), so their sums cannot be compared."""
        ticks = {}
        for proc in Path("/proc").iterdir():
            if not proc.name.isdigit():
                continue
            try:
                fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
                title = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except (OSError, ValueError, IndexError):
                continue
            worker = int(fields[1]) == self.process.pid
            backend = self.site.database and title.startswith("postgres: ")
            if worker or (backend and f" {self.site.database} " in title):
                ticks[int(proc.name)] = int(fields[11]) + int(fields[12])  # utime + stime
        return ticks

    def drain(self, limit=120):
        """Wait until the workers and backends used under 50 ms of CPU in half a second,
        so that requests left queued by one scenario do not count against the next."""
        previous = self.busy_ticks()
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            time.sleep(0.5)
            current = self.busy_ticks()
            if ticks_between(previous, current) < 5:
                return
            previous = current


def ticks_between(before, after):
    """CPU ticks used between two busy_ticks() readings by the processes in the second:
    all of a new process's ticks, the growth of one that was there before."""
    return sum(ticks - before.get(pid, 0) for pid, ticks in after.items())
