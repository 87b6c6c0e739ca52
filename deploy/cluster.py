"""Two app servers behind a load balancer on 127.0.0.1, as production runs them.

`make cluster` runs this with the project's virtualenv. It
1. prepares the shared services: creates the PostgreSQL database named by DATABASE_URL if
   it is missing, checks that Redis (REDIS_URL) answers, migrates, loads the starter
   content into an empty database, and collects the static files (whitenoise serves them);
2. starts two gunicorn nodes (sync workers, production settings) on the two ports after
   CLUSTER_PORT, and HAProxy on CLUSTER_PORT with deploy/haproxy.cfg: round robin, health
   checks against /healthz. HAProxy is installed with apt-get when it is missing and we
   are root;
3. waits until HAProxy reports both nodes healthy, prints the addresses and stays in the
   foreground until Ctrl-C, then stops everything it started.

With --check it runs the propagation check (deploy/propagation.py: a change saved through
one node is seen at once through the other, page cache and all) and stops; with --load,
the load test (deploy/loadtest.py). Either exits non-zero when it fails.

The nodes run with DEBUG off, a SECRET_KEY from the environment (or one generated for the
run), ALLOWED_HOSTS=127.0.0.1,localhost and PROXY_COUNT=1 (HAProxy appends the client's
address to X-Forwarded-For). SECURE_SSL_REDIRECT is off because the local balancer speaks
plain HTTP; in production HAProxy (or whatever is in front) terminates TLS and the
redirect stays on. Every other security setting is as production has it.

Environment: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/malnordic_cluster),
REDIS_URL (default redis://127.0.0.1:6379/2), SECRET_KEY, CLUSTER_PORT (default 8000),
CLUSTER_WORKERS (sync workers per node; default from the number of cores), LOAD_DURATION
(seconds of the load test, default 60).
"""

import argparse
import csv
import json
import math
import os
import re
import secrets
import shutil
import signal
import socket
import string
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

DEPLOY = Path(__file__).resolve().parent
ROOT = DEPLOY.parent
PYTHON = Path(sys.executable)
TEMPLATE = DEPLOY / "haproxy.cfg"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/malnordic_cluster"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/2"
HOSTS = ["127.0.0.1", "localhost"]
STARTUP_SECONDS = 60


def env_int(name, default):
    value = os.environ.get(name, "").strip()
    try:
        return int(value) if value else default
    except ValueError:
        sys.exit(f"{name} must be a whole number, not {value!r}.")


def default_workers():
    """Sync workers per node: gunicorn's rule of thumb, 2 × cores + 1 in all, shared by
    the two nodes (which here share one machine), and never fewer than 2 a node."""
    return max(2, math.ceil((2 * (os.cpu_count() or 1) + 1) / 2))


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        prog="deploy/cluster.py",
        description="Two gunicorn nodes behind HAProxy on 127.0.0.1, sharing one PostgreSQL "
        "and one Redis. Runs until Ctrl-C unless --check or --load is given.",
        epilog="Environment: DATABASE_URL, REDIS_URL, SECRET_KEY, CLUSTER_PORT, "
        "CLUSTER_WORKERS, LOAD_DURATION (see the module's docstring).",
    )
    action = parser.add_mutually_exclusive_group()
    action.add_argument(
        "--check",
        action="store_true",
        help="check that a change saved through one node is seen at once through the "
        "other, then stop",
    )
    action.add_argument(
        "--load",
        action="store_true",
        help="load the faceted browse pages through HAProxy with wrk, then stop",
    )
    parser.add_argument(
        "--port",
        type=int,
        default=env_int("CLUSTER_PORT", 8000),
        help="HAProxy's port; the nodes take the next two (default: CLUSTER_PORT or 8000)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=env_int("CLUSTER_WORKERS", default_workers()),
        help=f"sync workers per node (default: CLUSTER_WORKERS or {default_workers()})",
    )
    return parser.parse_args(argv)


def say(message):
    print(message, flush=True)


# Configuration.


def cluster_env():
    """The environment of the nodes and of the management commands: production settings."""
    env = dict(os.environ)
    secret_key = env.get("SECRET_KEY", "")
    env.update(
        DEBUG="false",
        SECRET_KEY=secret_key if len(secret_key) >= 50 else secrets.token_urlsafe(60),
        ALLOWED_HOSTS=",".join(HOSTS),
        # The local balancer speaks plain HTTP; in production TLS ends in front of the nodes.
        SECURE_SSL_REDIRECT="false",
        PROXY_COUNT="1",
        DATABASE_URL=env.get("DATABASE_URL") or DEFAULT_DATABASE_URL,
        REDIS_URL=env.get("REDIS_URL") or DEFAULT_REDIS_URL,
        LOG_LEVEL=env.get("LOG_LEVEL") or "WARNING",
    )
    return env


def render_haproxy(bind, nodes, maxconn, stats_socket, health_host=HOSTS[0]):
    """deploy/haproxy.cfg with its environment variables filled in."""
    values = {
        "MALNORDIC_BIND": bind,
        "MALNORDIC_NODE1": nodes[0],
        "MALNORDIC_NODE2": nodes[1],
        "MALNORDIC_NODE_MAXCONN": str(maxconn),
        "MALNORDIC_HEALTH_HOST": health_host,
        "MALNORDIC_STATS_SOCKET": str(stats_socket),
    }
    return string.Template(TEMPLATE.read_text()).substitute(values)


def find_haproxy():
    """The haproxy command, installed with apt-get if it is missing and we may."""
    if not shutil.which("haproxy") and os.geteuid() == 0 and shutil.which("apt-get"):
        say("Installing haproxy with apt-get")
        quiet = {"capture_output": True, "check": False}
        if subprocess.run(["apt-get", "install", "-y", "haproxy"], **quiet).returncode:
            subprocess.run(["apt-get", "update"], **quiet)
            subprocess.run(["apt-get", "install", "-y", "haproxy"], **quiet)
    found = shutil.which("haproxy")
    if not found:
        sys.exit("HAProxy is not installed: apt-get install haproxy (or your system's package).")
    return found


# The shared services and the database's content.


def run(command, env, quiet=True):
    """Run a command in the project's folder; stop with its output if it fails."""
    done = subprocess.run(
        [str(part) for part in command], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if done.returncode:
        sys.exit(f"Failed: {' '.join(map(str, command))}\n{done.stdout}\n{done.stderr}")
    if not quiet and done.stdout.strip():
        say(done.stdout.rstrip())
    return done.stdout


def manage(env, *args, quiet=True):
    return run([PYTHON, "manage.py", *args], env, quiet)


def shell(env, code):
    """Run Python code in `manage.py shell` and return what its last line printed, as JSON."""
    output = manage(env, "shell", "-v0", "-c", code)
    return json.loads(output.strip().splitlines()[-1])


def ensure_database(database_url):
    """Create the PostgreSQL database if it does not exist yet (and never drop one)."""
    import psycopg

    parts = urlsplit(database_url)
    if not parts.scheme.startswith("postgres"):
        sys.exit(f"The cluster shares one PostgreSQL database; DATABASE_URL is {database_url}.")
    name = parts.path.lstrip("/")
    server = urlunsplit(parts._replace(path="/postgres"))
    try:
        with psycopg.connect(server, autocommit=True, connect_timeout=5) as connection:
            found = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if found.fetchone() is None:
                say(f"Creating the database {name}")
                connection.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as error:
        sys.exit(f"PostgreSQL does not answer at {parts.hostname}:{parts.port}: {error}")


def check_redis(redis_url):
    import redis

    try:
        redis.Redis.from_url(redis_url, socket_timeout=5).ping()
    except redis.RedisError as error:
        sys.exit(f"Redis does not answer at {redis_url}: {error}")


def prepare(env):
    say(f"PostgreSQL: {env['DATABASE_URL']}")
    ensure_database(env["DATABASE_URL"])
    say(f"Redis: {env['REDIS_URL']}")
    check_redis(env["REDIS_URL"])
    say("Migrating")
    manage(env, "migrate", "--no-input", "-v0")
    say("Loading the starter content if the database has no cases")
    manage(env, "load_starter_content", "-v0")
    collect_static(env)


def collect_static(env):
    """collectstatic, unless a dry run finds nothing to copy and the manifest is there:
    hashing and compressing every file again takes minutes on a busy machine."""
    dry_run = manage(env, "collectstatic", "--no-input", "--dry-run")
    copied = re.search(r"(\d+) static files? copied", dry_run)
    if copied and copied.group(1) == "0" and (ROOT / "staticfiles" / "staticfiles.json").exists():
        say("The static files are collected already")
        return
    say("Collecting the static files (hashed and compressed: this takes a while)")
    manage(env, "collectstatic", "--no-input", "-v0")


# The cluster.


def port_is_free(port):
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


class Cluster:
    """The two nodes and HAProxy, as a context manager that stops them all on the way out.

    Each runs in a session of its own, so that Ctrl-C reaches this process alone and the
    balancer is stopped before the nodes behind it.
    """

    def __init__(self, env, port, workers, folder):
        self.env, self.port, self.workers, self.folder = env, port, workers, folder
        self.node_ports = [port + 1, port + 2]
        self.processes = []  # (name, Popen)
        self.stats_socket = folder / "haproxy.sock"

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def node_base(self, number):
        return f"http://127.0.0.1:{self.node_ports[number - 1]}"

    def __enter__(self):
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc):
        self.stop()

    def start(self):
        busy = [p for p in [self.port, *self.node_ports] if not port_is_free(p)]
        if busy:
            sys.exit(
                f"Port {', '.join(map(str, busy))} is in use on 127.0.0.1: stop what runs "
                "there, or choose other ports with CLUSTER_PORT."
            )
        haproxy = find_haproxy()
        gunicorn = PYTHON.with_name("gunicorn")
        for number, port in enumerate(self.node_ports, 1):
            say(f"Starting node {number}: gunicorn, {self.workers} sync workers, port {port}")
            command = [gunicorn, "malnordic.wsgi:application", "--bind", f"127.0.0.1:{port}"]
            command += ["--workers", self.workers, "--worker-class", "sync"]
            command += ["--timeout", "30", "--log-level", "warning"]
            self.spawn(f"node{number}", command)
        config = self.folder / "haproxy.cfg"
        nodes = [f"127.0.0.1:{port}" for port in self.node_ports]
        config.write_text(
            render_haproxy(f"127.0.0.1:{self.port}", nodes, self.workers, self.stats_socket)
        )
        run([haproxy, "-c", "-q", "-f", config], self.env)
        say(f"Starting HAProxy on port {self.port} ({config})")
        self.spawn("haproxy", [haproxy, "-db", "-f", config])
        self.wait_until_healthy()

    def spawn(self, name, command):
        log = open(self.folder / f"{name}.log", "w")  # noqa: SIM115 (closed with the process)
        process = subprocess.Popen(
            [str(part) for part in command],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        process.log = log
        self.processes.append((name, process))

    def stop(self):
        # HAProxy first (it is the last started), then the nodes behind it.
        for name, process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(30)
                except subprocess.TimeoutExpired:
                    say(f"{name} did not stop in 30 s; killing it")
                    process.kill()
                    process.wait()
            process.log.close()
        if self.processes:
            say("Stopped HAProxy and both nodes")
        self.processes = []

    def dead(self):
        """The names of the started processes that have exited."""
        return [name for name, process in self.processes if process.poll() is not None]

    def stats(self):
        """{server name: HAProxy's `show stat` row} for the nodes."""
        with socket.socket(socket.AF_UNIX) as sock:
            sock.settimeout(5)
            sock.connect(str(self.stats_socket))
            sock.sendall(b"show stat\n")
            chunks = []
            while chunk := sock.recv(65536):
                chunks.append(chunk)
        lines = b"".join(chunks).decode().lstrip("# ").splitlines()
        rows = csv.DictReader(line for line in lines if line)
        return {row["svname"]: row for row in rows if row["pxname"] == "app"}

    def node_states(self):
        try:
            stats = self.stats()
        except OSError:
            return {}
        return {name: stats[name]["status"] for name in ("node1", "node2") if name in stats}

    def wait_until_healthy(self):
        say("Waiting until HAProxy finds both nodes healthy")
        deadline = time.monotonic() + STARTUP_SECONDS
        states = {}
        while time.monotonic() < deadline:
            if self.dead():
                self.fail(f"{', '.join(self.dead())} exited during startup")
            states = self.node_states()
            if len(states) == 2 and all(state == "UP" for state in states.values()):
                with urllib.request.urlopen(f"{self.base}/healthz", timeout=10) as answer:
                    if answer.status == 200:
                        return
            time.sleep(0.5)
        self.fail(f"the nodes are not healthy after {STARTUP_SECONDS} s: {states}")

    def fail(self, message):
        logs = ", ".join(str(self.folder / f"{name}.log") for name, _p in self.processes)
        raise SystemExit(f"Cluster failed: {message}. Logs: {logs}")

    def describe(self):
        say(f"\nMAL Nordic runs at {self.base}/  (HAProxy, round robin, /healthz checks)")
        for number in (1, 2):
            say(f"  node {number}: {self.node_base(number)}/  (gunicorn, {self.workers} workers)")
        say(f"  PostgreSQL {self.env['DATABASE_URL']}, Redis {self.env['REDIS_URL']}")
        say(f"  logs and the rendered HAProxy configuration in {self.folder} (kept on failure)")


def serve(cluster):
    """Stay in the foreground until Ctrl-C (or SIGTERM), or until a process dies."""
    say("Press Ctrl-C to stop.")
    while True:
        time.sleep(1)
        if cluster.dead():
            cluster.fail(f"{', '.join(cluster.dead())} exited")


def main(argv=None):
    args = parse_args(argv)
    if args.workers < 1:
        sys.exit("--workers must be 1 or more.")
    # SIGTERM stops the cluster as Ctrl-C does.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(143))
    env = cluster_env()
    prepare(env)
    folder = Path(tempfile.mkdtemp(prefix="malnordic-cluster-"))
    status = 1
    try:
        with Cluster(env, args.port, args.workers, folder) as cluster:
            cluster.describe()
            if args.check:
                import propagation

                status = propagation.main(
                    cluster.node_base(1), cluster.node_base(2), lambda code: shell(env, code)
                )
            elif args.load:
                import loadtest

                status = loadtest.main(cluster, env, env_int("LOAD_DURATION", 60))
            else:
                serve(cluster)
    except KeyboardInterrupt:
        status = 0
    if status == 0:
        shutil.rmtree(folder, ignore_errors=True)
    else:
        say(f"Logs kept in {folder}")
    return status


if __name__ == "__main__":
    sys.exit(main())
