"""The console image's nginx configuration (deploy/console/default.conf.template), rendered
from the environment the way the nginx image's entrypoint does, run by a real nginx over the
console's build: it serves the same /config.json as `make run`'s server, the routes survive a
reload, and the page may reach the configured services and issuer only."""

from __future__ import annotations

import getpass
import json
import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import yaml

from talentloop_shared.devtools.console import DIST, console_config
from talentloop_shared.testing.smtp import free_port

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "deploy/console/default.conf.template"
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)


def _k8s_console_env() -> dict[str, str]:
    docs = yaml.safe_load_all((ROOT / "deploy/k8s/console.yaml").read_text())
    (config_map,) = [d for d in docs if d["kind"] == "ConfigMap"]
    return dict(config_map["data"])


def envsubst(text: str, env: dict[str, str]) -> str:
    """The nginx image's entrypoint: ${VAR} of the variables that are set, nothing else."""
    return re.sub(r"\$\{([A-Z_][A-Z0-9_]*)\}", lambda m: env.get(m[1], m[0]), text)


def test_every_variable_the_template_uses_is_given_by_compose_and_kubernetes() -> None:
    used = set(re.findall(r"\$\{(CONSOLE_[A-Z_]+)\}", TEMPLATE.read_text()))
    assert used == set(_k8s_console_env())
    compose = yaml.safe_load((ROOT / "deploy/compose.yaml").read_text())
    assert used == set(compose["services"]["console"]["environment"])


def test_the_services_allow_the_consoles_origin_in_kubernetes() -> None:
    origins = set()
    for name in ("org", "recruiting", "notify", "talent"):
        docs = yaml.safe_load_all((ROOT / f"deploy/k8s/{name}-service.yaml").read_text())
        (config_map,) = [d for d in docs if d["kind"] == "ConfigMap"]
        origins.add(tuple(json.loads(config_map["data"][f"{name.upper()}_CORS_ORIGINS"])))
    assert len(origins) == 1 and all(o.startswith("https://") for o in next(iter(origins)))


def test_the_image_builds_the_console_and_serves_it_unprivileged() -> None:
    text = (ROOT / "deploy/console/Dockerfile").read_text()
    assert "npm ci" in text and "npm run build" in text
    assert "nginx-unprivileged" in text and "EXPOSE 8080" in text
    assert set(re.findall(r"^COPY (?:--from=\S+ )?(\S+)", text, re.M)) <= {
        "console/package.json",
        "console/",
        "deploy/console/default.conf.template",
        "/console/dist",
    }


@pytest.fixture(scope="module")
def nginx(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, str]]]:
    if NGINX is None or not (DIST / "index.html").is_file():
        if os.environ.get("CI"):
            pytest.fail("nginx and the console build are needed (.ci/run installs nginx)")
        pytest.skip("no nginx here, or the console is not built (make console)")
    env = _k8s_console_env()
    port = free_port()
    server = envsubst(TEMPLATE.read_text(), env)
    server = server.replace("listen 8080;", f"listen 127.0.0.1:{port};")
    server = server.replace("root /usr/share/nginx/html;", f"root {DIST};")
    prefix = tmp_path_factory.mktemp("nginx")
    user = getpass.getuser()
    (prefix / "nginx.conf").write_text(
        f"""{"user " + user + ";" if user == "root" else ""}
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
{server}
}}
"""
    )
    proc = subprocess.Popen(
        [NGINX, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-g", "daemon off;"],
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 10
    while True:
        try:
            httpx.get(url + "/healthz", timeout=1)
            break
        except httpx.HTTPError:
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            assert time.monotonic() < deadline, "nginx did not start"
            time.sleep(0.1)
    yield url, env
    proc.terminate()
    proc.wait(10)


def test_config_json_is_the_one_make_run_serves_with_oidc_and_no_dev_sign_in(nginx) -> None:
    url, env = nginx
    r = httpx.get(url + "/config.json")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    assert r.headers["cache-control"] == "no-store"
    expected = console_config(
        {n: env[f"CONSOLE_{n.upper()}_URL"] for n in ("org", "recruiting", "notify", "talent")},
        dev_sign_in=False,
        oidc={"issuer": env["CONSOLE_OIDC_ISSUER"], "clientId": env["CONSOLE_OIDC_CLIENT_ID"]},
    )
    assert r.json() == expected


def test_routes_survive_a_reload_and_the_page_may_reach_only_its_services(nginx) -> None:
    url, env = nginx
    page = httpx.get(url + "/pipeline/applications/123")
    assert page.status_code == 200 and '<div id="root">' in page.text
    policy = page.headers["content-security-policy"]
    connect = re.search(r"connect-src ([^;]+)", policy)
    assert connect is not None
    sources = connect[1].split()
    for name in ("ORG", "RECRUITING", "NOTIFY", "TALENT"):
        assert env[f"CONSOLE_{name}_URL"] + "/" in sources
    assert env["CONSOLE_OIDC_ISSUER"] + "/" in sources
    assert "frame-ancestors 'none'" in policy
    asset = next((DIST / "assets").glob("*.js")).name
    js = httpx.get(f"{url}/assets/{asset}")
    assert js.status_code == 200 and "immutable" in js.headers["cache-control"]
    assert httpx.get(url + "/assets/missing.js").status_code == 404
