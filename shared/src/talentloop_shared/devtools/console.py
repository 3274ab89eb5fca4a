"""Serves the HR console's built files (console/dist) for `make run` and the browser tests.

One build serves every place: the page reads `/config.json` (the services' URLs, whether the
dev sign-in exists, the OIDC issuer) from this server. Any other path without a file answers
`index.html`, so the console's own routes survive a reload. In a deployment, the console
image (deploy/console) does the same with nginx.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Route

DIST = Path(__file__).resolve().parents[4] / "console" / "dist"
SERVICE_NAMES = ("org", "recruiting", "notify", "talent")


def console_config(
    services: dict[str, str], *, dev_sign_in: bool, oidc: dict[str, str] | None = None
) -> dict[str, Any]:
    """The `/config.json` the console reads at start."""
    missing = set(SERVICE_NAMES) - set(services)
    if missing:
        raise ValueError(f"no URL for {', '.join(sorted(missing))}")
    return {"services": services, "devSignIn": dev_sign_in, "oidc": oidc}


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def security_headers(config: dict[str, Any]) -> dict[str, str]:
    """The page may talk to the services (and the OIDC issuer), and nothing else."""
    connect = sorted({_origin(u) for u in config["services"].values()})
    if config.get("oidc"):
        connect.append(_origin(config["oidc"]["issuer"]))
    return {
        "Content-Security-Policy": (
            "default-src 'self'; "
            f"connect-src 'self' {' '.join(connect)}; "
            "img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            "frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
        ),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
    }


def create_console_app(dist: Path, config: dict[str, Any]) -> Starlette:
    """The static server: files of `dist`, `/config.json`, and index.html for the rest."""
    root = dist.resolve()
    index = root / "index.html"
    if not index.is_file():
        raise FileNotFoundError(f"{index} is missing: build the console (make console)")
    headers = security_headers(config)

    async def config_json(_: Request) -> Response:
        return JSONResponse(config, headers={**headers, "Cache-Control": "no-store"})

    async def files(request: Request) -> Response:
        path = (root / request.path_params["path"]).resolve()
        if path.is_relative_to(root) and path.is_file():
            # Hashed assets never change; index.html must be re-read after a deploy.
            immutable = path.parent.name == "assets"
            cache = "public, max-age=31536000, immutable" if immutable else "no-cache"
            return FileResponse(path, headers={**headers, "Cache-Control": cache})
        if path.suffix and path.parent.name == "assets":
            return Response("not found", status_code=404, headers=headers)
        return FileResponse(index, headers={**headers, "Cache-Control": "no-cache"})

    return Starlette(
        routes=[
            Route("/config.json", config_json),
            Route("/{path:path}", files),
        ]
    )


def main() -> None:
    """`python -m talentloop_shared.devtools.console --port 8000 --org URL …`"""
    import uvicorn

    parser = argparse.ArgumentParser(prog="talentloop-console")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--dist", type=Path, default=DIST)
    for name in SERVICE_NAMES:
        parser.add_argument(f"--{name}", required=True, help=f"{name}-service's base URL")
    parser.add_argument("--no-dev-sign-in", action="store_true")
    args = parser.parse_args()
    oidc = None
    if os.environ.get("CONSOLE_OIDC_ISSUER"):
        oidc = {
            "issuer": os.environ["CONSOLE_OIDC_ISSUER"],
            "clientId": os.environ.get("CONSOLE_OIDC_CLIENT_ID", "talentloop-console"),
        }
    config = console_config(
        {name: getattr(args, name) for name in SERVICE_NAMES},
        dev_sign_in=not args.no_dev_sign_in,
        oidc=oidc,
    )
    print(json.dumps({"console": f"http://{args.host}:{args.port}"}), flush=True)
    uvicorn.run(
        create_console_app(args.dist, config),
        host=args.host,
        port=args.port,
        log_level="warning",
    )


if __name__ == "__main__":
    main()
