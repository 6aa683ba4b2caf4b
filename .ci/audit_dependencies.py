"""Audit pinned packages against the known vulnerabilities that the Python Package Index publishes.

Usage: audit_dependencies.py REQUIREMENTS ACCEPTED [--index URL] [--deadline SECONDS]

REQUIREMENTS holds `name==version` lines (`pip freeze`); ACCEPTED lists the vulnerabilities
accepted on purpose, one `ID package reason...` a line (# starts a comment). Exit status 1 when a
package has a known vulnerability that is not accepted (or an accepted line gives no reason),
0 otherwise, including when nothing could be reached: then it says NOT AUDITED.

Where the vulnerability data comes from, and why two requests: the index's JSON API lists, for
a project, the vulnerabilities of its latest release (PyPA advisory database, via OSV), and, for
a given release, that release's own. A machine whose only network is a package mirror gets the
first and not the second (404). So a package pinned at its latest release is audited exactly; an
older pin is audited exactly only where the per-release answer comes; otherwise it is "partly
audited": checked only against the advisories still open in the latest release (an advisory
fixed between the pin and the latest release is not seen), and the output names it with what
holds it back: the latest release needs another Python, or an installed package's requirement
excludes it; else it "could be upgraded". Run it with the interpreter of the audited
environment: the reasons come from that environment's installed metadata.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib import metadata

from packaging.requirements import InvalidRequirement, Requirement
from packaging.specifiers import InvalidSpecifier, SpecifierSet

REQUEST_TIMEOUT = 10.0
WORKERS = 16


@dataclass
class Result:
    name: str
    version: str
    coverage: str  # "exact", "partial" or "none"
    latest: str | None = None
    vulnerabilities: list[dict] = field(default_factory=list)
    held_back: str | None = None  # why a partly audited pin is not at the latest release
    error: str | None = None


def default_index() -> str:
    # pip's default index is the public Python Package Index; its JSON API lives under /pypi.
    from pip._internal.models.index import PyPI

    return PyPI.pypi_url


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def read_pins(path: str) -> list[tuple[str, str]]:
    pins = []
    for line in open(path, encoding="utf-8"):
        line = line.split("#", 1)[0].strip()
        if "==" in line:
            name, version = line.split("==", 1)
            pins.append((name.strip(), version.strip()))
    return pins


def read_accepted(path: str) -> tuple[dict[tuple[str, str], str], list[str]]:
    """{(id, canonical package): reason} and the lines that give no reason."""
    accepted, bad = {}, []
    for line in open(path, encoding="utf-8"):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split(None, 2)
        if len(parts) < 3:
            bad.append(line)
        else:
            accepted[(parts[0], canonical(parts[1]))] = parts[2]
    return accepted, bad


def fetch(url: str, deadline: float) -> dict | None:
    """The JSON document at url; None for a 404. Raises OSError when nothing answers in time."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError("time limit of the audit reached")
    try:
        with urllib.request.urlopen(url, timeout=min(REQUEST_TIMEOUT, left)) as response:
            return json.load(response)
    except urllib.error.HTTPError as error:
        if error.code == 404:
            return None
        raise


def live(vulnerabilities: list[dict]) -> list[dict]:
    """The vulnerabilities not withdrawn, one per advisory: the index lists the PYSEC and the GHSA
    record of one flaw separately, each naming the other among its aliases."""
    kept, seen = [], set()
    for v in vulnerabilities:
        ids = {v["id"], *(v.get("aliases") or [])}
        if not v.get("withdrawn") and v["id"] not in seen:
            kept.append(v)
            seen |= ids
    return kept


def audit(index: str, name: str, version: str, deadline: float) -> Result:
    project = canonical(name)
    try:
        latest_doc = fetch(f"{index}/{project}/json", deadline)
        if latest_doc is None:
            return Result(name, version, "none", error="not on the index")
        latest = latest_doc["info"]["version"]
        if latest == version:
            return Result(name, version, "exact", latest, live(latest_doc["vulnerabilities"]))
        release_doc = fetch(f"{index}/{project}/{version}/json", deadline)
        if release_doc is not None:
            return Result(name, version, "exact", latest, live(release_doc["vulnerabilities"]))
        # Open in the latest release, so most likely in the older pin too: counted as found.
        return Result(name, version, "partial", latest, live(latest_doc["vulnerabilities"]),
                      held_back(project, latest, latest_doc["info"]))
    except (OSError, ValueError, KeyError) as error:
        return Result(name, version, "none", error=f"{type(error).__name__}: {error}")


def held_back(project: str, latest: str, info: dict) -> str:
    """Why the installed set cannot take the latest release of project."""
    python = ".".join(map(str, sys.version_info[:3]))
    try:
        if info.get("requires_python") and python not in SpecifierSet(info["requires_python"]):
            return f"{latest} needs Python {info['requires_python']}"
    except InvalidSpecifier:
        pass
    holders = []
    for dist in metadata.distributions():
        for line in dist.requires or []:
            try:
                requirement = Requirement(line)
            except InvalidRequirement:
                continue
            if (canonical(requirement.name) == project
                    and (requirement.marker is None or requirement.marker.evaluate({"extra": ""}))
                    and latest not in requirement.specifier):
                holders.append(f"{dist.metadata['Name']} requires {requirement.name}{requirement.specifier}")
    return "held back: " + "; ".join(sorted(set(holders))) if holders else "could be upgraded"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("requirements")
    parser.add_argument("accepted")
    parser.add_argument("--index", help="base URL of the JSON API (default: pip's default index)")
    parser.add_argument("--deadline", type=float, default=45.0, help="seconds for the whole audit")
    args = parser.parse_args()
    index = (args.index or default_index()).rstrip("/")
    deadline = time.monotonic() + args.deadline

    pins = read_pins(args.requirements)
    accepted, reasonless = read_accepted(args.accepted)
    queried = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    with ThreadPoolExecutor(WORKERS) as pool:
        results = list(pool.map(lambda pin: audit(index, *pin, deadline), pins))

    exact = [r for r in results if r.coverage == "exact"]
    partial = [r for r in results if r.coverage == "partial"]
    unaudited = [r for r in results if r.coverage == "none"]
    print(f"source: the package index's vulnerability data (PyPA advisory database via OSV), "
          f"queried {queried} at {index}")

    if not exact and not partial:
        reasons = sorted({r.error or "" for r in unaudited})
        print(f"NOT AUDITED: the index's vulnerability data could not be reached for any of the "
              f"{len(pins)} packages ({'; '.join(reasons)[:300]})")
        return 1 if reasonless else 0

    found, accepted_here = [], []
    for r in exact + partial:
        for v in r.vulnerabilities:
            ids = [v["id"], *(v.get("aliases") or [])]
            reason = next((accepted[i, canonical(r.name)] for i in ids if (i, canonical(r.name)) in accepted), None)
            (accepted_here if reason else found).append((r, v, reason))
    reported = {(i, canonical(r.name)) for r, v, _ in found + accepted_here
                for i in [v["id"], *(v.get("aliases") or [])]}

    for r, v, _ in found:
        fixed = ", ".join(v.get("fixed_in") or []) or "no fixed release"
        aliases = ", ".join(v.get("aliases") or [])
        print(f"VULNERABLE: {r.name} {r.version}: {v['id']} ({aliases}); fixed in: {fixed}; {v.get('link', '')}")
    for r, v, reason in accepted_here:
        print(f"accepted: {r.name} {r.version}: {v['id']}: {reason}")
    for (vuln_id, package), reason in sorted(accepted.items()):
        if (vuln_id, package) not in reported:
            print(f"accepted but no longer reported (remove it from the list): {vuln_id} {package}")
    for line in reasonless:
        print(f"FAIL: an accepted vulnerability needs a reason: {line!r}")
    if partial:
        names = ", ".join(f"{r.name} {r.version} (latest {r.latest}; {r.held_back})" for r in partial)
        print(f"partly audited, {plural(len(partial), 'package')} older than their latest release, checked only "
              f"against the advisories still open in that release: {names}")
    if unaudited:
        names = ", ".join(f"{r.name} {r.version} ({r.error})" for r in unaudited)
        print(f"not audited, {plural(len(unaudited), 'package')}: {names}")
    print(f"{len(exact)} packages audited, {len(partial)} partly audited, {len(unaudited)} not audited "
          f"of {len(pins)}: {len(found)} known vulnerabilities, {len(accepted_here)} accepted")
    return 1 if found or reasonless else 0


if __name__ == "__main__":
    sys.exit(main())
