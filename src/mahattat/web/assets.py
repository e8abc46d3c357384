"""Files of the npm packages listed in ``package.json`` (TimelineJS, vis-timeline...),
installed by ``make setup`` into ``node_modules/`` and never committed: what the HTML
exports inline and the server serves under ``/vendor``. Only those packages, and only
files inside them, are ever read."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path, PurePosixPath

WEB = Path(__file__).resolve().parent
MODULES = WEB / "node_modules"


class AssetError(RuntimeError):
    """A package file that is not there (the npm packages are not installed), or a name
    that is no file of a listed package."""


@cache
def packages() -> frozenset[str]:
    """The npm packages of ``package.json``."""
    data = json.loads((WEB / "package.json").read_text(encoding="utf-8"))
    return frozenset(data.get("dependencies", {}))


def asset_path(package: str, path: str) -> Path:
    """The file ``path`` of the installed ``package``; AssetError when ``package`` is not
    in ``package.json``, when ``path`` leaves the package, or when it is not installed."""
    if package not in packages():
        raise AssetError(f"{package!r} is not one of the page's npm packages")
    parts = PurePosixPath(path).parts
    if not parts or path.startswith("/") or any(p in ("..", ".") or "\\" in p for p in parts):
        raise AssetError(f"{path!r} is not a file of {package}")
    root = MODULES / package
    found = root.joinpath(*parts)
    if not root.is_dir():
        raise AssetError(f"{package} is not installed in {MODULES}: run make setup (npm)")
    if not found.resolve().is_relative_to(root.resolve()) or not found.is_file():
        raise AssetError(f"{package} has no file {path} (run make setup (npm) again)")
    return found


def asset(package: str, path: str) -> str:
    """The text of ``package``'s file ``path`` (UTF-8)."""
    return asset_path(package, path).read_text(encoding="utf-8")


def asset_bytes(package: str, path: str) -> bytes:
    return asset_path(package, path).read_bytes()
