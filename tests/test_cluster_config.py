"""The cluster's configuration (deploy/): the HAProxy template, and the runner's options.

The cluster itself is not started here; `make cluster CLUSTER_ARGS=--check` does that.
"""

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

DEPLOY = Path(__file__).resolve().parent.parent / "deploy"


def load(name):
    spec = importlib.util.spec_from_file_location(f"deploy_{name}", DEPLOY / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


cluster = load("cluster")
webclient = load("webclient")

NODES = ["127.0.0.1:8001", "127.0.0.1:8002"]


def rendered(tmp_path):
    return cluster.render_haproxy("127.0.0.1:8000", NODES, 3, tmp_path / "haproxy.sock")


def haproxy():
    found = shutil.which("haproxy")
    if not found:
        pytest.skip("HAProxy is not installed (apt-get install haproxy)")
    return found


def test_the_rendered_configuration_balances_both_nodes_checking_the_health_view(tmp_path):
    text = rendered(tmp_path)
    assert "${" not in text
    assert all(f'"{node}"' in text for node in NODES)
    assert f"uri {reverse('healthz')} " in text


def test_haproxy_accepts_the_configuration_the_cluster_renders(tmp_path):
    config = tmp_path / "haproxy.cfg"
    config.write_text(rendered(tmp_path))
    checked = subprocess.run([haproxy(), "-c", "-f", config], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_haproxy_accepts_the_template_with_its_variables_from_the_environment(tmp_path):
    env = dict(
        os.environ,
        MALNORDIC_BIND=":8080",
        MALNORDIC_NODE1="10.0.0.11:8000",
        MALNORDIC_NODE2="10.0.0.12:8000",
        MALNORDIC_NODE_MAXCONN="4",
        MALNORDIC_HEALTH_HOST="malnordic.example",
        MALNORDIC_STATS_SOCKET=str(tmp_path / "haproxy.sock"),
    )
    command = [haproxy(), "-c", "-f", DEPLOY / "haproxy.cfg"]
    checked = subprocess.run(command, capture_output=True, text=True, env=env)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_the_cluster_runner_explains_its_options():
    command = [sys.executable, DEPLOY / "cluster.py", "--help"]
    shown = subprocess.run(command, capture_output=True, text=True, timeout=30)
    assert shown.returncode == 0, shown.stderr
    assert "--check" in shown.stdout and "--load" in shown.stdout


def test_the_check_submits_a_form_as_a_browser_would():
    html = """<form id="logout-form"><input name="other" value="x"></form>
    <form id="case_form"><input name="title_en" value="A &amp; B">
    <input type="checkbox" name="is_ongoing" checked><input type="checkbox" name="is_comparison">
    <select name="country"><option value="SE">Sweden</option><option value="NO">Norway</option>
    </select><select name="themes" multiple><option value="1" selected>Land use</option>
    <option value="2" selected>Housing</option><option value="3">Transport</option></select>
    <textarea name="summary">
First line</textarea><input type="submit" name="_save" value="Save"></form>"""
    assert webclient.form_fields(html, "case_form") == [
        ("title_en", "A & B"),
        ("is_ongoing", "on"),
        ("country", "SE"),
        ("themes", "1"),
        ("themes", "2"),
        ("summary", "First line"),
    ]


def test_the_check_keeps_secure_cookies_and_forgets_deleted_ones():
    browser = webclient.Browser()
    browser.keep("__Host-sessionid=abc; HttpOnly; Max-Age=1209600; Path=/; SameSite=Lax; Secure")
    browser.keep("__Host-csrftoken=def; Path=/; Secure")
    browser.keep('__Host-csrftoken=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/')
    assert browser.cookies == {"__Host-sessionid": "abc"}
