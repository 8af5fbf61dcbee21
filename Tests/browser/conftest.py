"""Starts a real Waymark server on a fresh SQLite database for the browser tests, and points playwright at
Debian's chromium (no browser is downloaded)."""
import datetime
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request

import pytest

PARTNER_PASSWORD = "amber lantern crossing tide"
MANAGER_PASSWORD = "quiet orchard silver kite"
HOMES_PASSWORD = "copper harbour willow drum"
QA_PASSWORD = "lantern meadow quartz river"
LEADER_PASSWORD = "orchard beacon silver tide"
LEAD_PASSWORD = "harbour quartz meadow lamp"
WORKER_PASSWORD = "meadow copper lantern sky"
EXTERNAL_PASSWORD = "willow beacon amber quay"
FAKE_903 = os.path.join(os.path.dirname(__file__), "..", "ReturnsTests", "Fixtures", "d2i-903-fake")


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _waymark(args, env, stdin=None):
    return subprocess.run([os.environ["WAYMARK_BIN"], *args], env=env, input=stdin, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="session")
def waymark_server():
    """A server on its own database. Yields its address and the first administrator's one-time password."""
    data = tempfile.mkdtemp(prefix="waymark-browser-")
    port = _free_port()
    env = {**os.environ, "DATABASE_URL": f"{data}/waymark.sqlite", "WAYMARK_PORT": str(port), "LOG_LEVEL": "warning"}
    # A database Waymark was pointed at gets no made-up data unless asked: the demo's organisations, teams and plans, and
    # no made-up children (the tests import the D2I fake return and count on its children alone). Loading the demo makes
    # the administrator; the output is no terminal, so the one-time password goes into a file beside the database,
    # readable by this user only, and the output says so.
    first = _waymark(["demo", "load", "--children", "0"], env)
    assert first.returncode == 0, first.stdout + first.stderr
    password_file = f"{data}/first-administrator-password"
    assert password_file in first.stdout, first.stdout
    assert re.search(r"[a-z0-9]{4}(-[a-z0-9]{4}){3}", first.stdout) is None, "a one-time password was printed:\n" + first.stdout
    assert os.stat(password_file).st_mode & 0o777 == 0o600
    admin_password = open(password_file).read().strip()
    assert re.fullmatch(r"[a-z0-9]{4}(-[a-z0-9]{4}){3}", admin_password), admin_password
    partner = _waymark(["users", "create", "pat.partner", "--name", "Pat Partner", "--role", "partner",
                        "--organisation", "Metropolitan Police – North West Basic Command Unit", "--password-stdin"],
                       env, stdin=PARTNER_PASSWORD + "\n")
    assert partner.returncode == 0, partner.stdout + partner.stderr
    manager = _waymark(["users", "create", "tess.manager", "--name", "Tess Manager", "--role", "team-manager",
                        "--team", "MASH Team", "--password-stdin"], env, stdin=MANAGER_PASSWORD + "\n")
    assert manager.returncode == 0, manager.stdout + manager.stderr
    homes = _waymark(["users", "create", "hana.homes", "--name", "Hana Homes", "--role", "partner",
                      "--organisation", "Barnet Homes", "--password-stdin"], env, stdin=HOMES_PASSWORD + "\n")
    assert homes.returncode == 0, homes.stdout + homes.stderr
    worker = _waymark(["users", "create", "sam.worker", "--name", "Sam Worker", "--role", "practitioner",
                       "--team", "MASH Team", "--password-stdin"], env, stdin=WORKER_PASSWORD + "\n")
    assert worker.returncode == 0, worker.stdout + worker.stderr
    qa = _waymark(["users", "create", "quinn.qa", "--name", "Quinn Auditor", "--role", "qa-auditor", "--password-stdin"],
                  env, stdin=QA_PASSWORD + "\n")
    assert qa.returncode == 0, qa.stdout + qa.stderr
    lead = _waymark(["users", "create", "quincy.lead", "--name", "Quincy Lead", "--role", "qa-lead", "--password-stdin"],
                    env, stdin=LEAD_PASSWORD + "\n")
    assert lead.returncode == 0, lead.stdout + lead.stderr
    # Another council's moderator, whose account works for the next two months.
    last_day = (datetime.date.today() + datetime.timedelta(days=60)).isoformat()
    external = _waymark(["users", "create", "erin.essex", "--name", "Erin Essex", "--role", "external-moderator",
                         "--last-day", last_day, "--password-stdin"], env, stdin=EXTERNAL_PASSWORD + "\n")
    assert external.returncode == 0, external.stdout + external.stderr
    leader = _waymark(["users", "create", "lee.leader", "--name", "Lee Leader", "--role", "leadership", "--password-stdin"],
                      env, stdin=LEADER_PASSWORD + "\n")
    assert leader.returncode == 0, leader.stdout + leader.stderr
    # The D2I fake SSDA903 return (one version of the placed-for-adoption table), through the command line.
    return_folder = os.path.join(data, "903")
    os.makedirs(return_folder)
    for name in os.listdir(FAKE_903):
        if name.endswith(".csv") and name != "placed_for_adoption_errors.csv":
            shutil.copy(os.path.join(FAKE_903, name), return_folder)
    imported = _waymark(["import", "903", return_folder, "--year", "2018"], env)
    assert imported.returncode == 0 and "children: 2676 added" in imported.stdout, imported.stdout + imported.stderr

    server, base = serve(data, env, port)
    yield {"base_url": base, "admin_password": admin_password, "log": f"{data}/server.log",
           "admin_password_file": password_file}
    server.terminate()
    server.wait(timeout=10)
    shutil.rmtree(data, ignore_errors=True)


def serve(data, env, port):
    """Starts `waymark serve` on the database in `data` and waits until it answers; returns the process and address."""
    log = open(f"{data}/server.log", "w")
    server = subprocess.Popen([os.environ["WAYMARK_BIN"], "serve"], env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/livez", timeout=1)
            return server, base
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError("Waymark did not start: " + open(f"{data}/server.log").read())


@pytest.fixture(scope="session")
def base_url(waymark_server):
    return waymark_server["base_url"]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": shutil.which("chromium"), "args": ["--no-sandbox"]}
