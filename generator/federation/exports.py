"""What the supervisory site knows of each office: its OIT exports, read from a build or over HTTP.

An office that cannot be read (its build failed, its site does not answer, its export is of an
unknown format) is kept with the reason, so the supervisory site shows it as such and the rest
still builds. Only exports of the format this release writes (`EXPORT_FORMAT`,
oit-export.schema.json) are read: a number this release does not know is said, never guessed at.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.federation.model import Federation, Member
from generator.oit.pages import EXPORT_FORMAT

FORMATS = {EXPORT_FORMAT}  # the formats this release reads: the one it writes
LIMIT = 5 * 1024 * 1024  # bytes of one export: a real one is ~30 KB
STATUSES = ("complete", "missing", "out_of_period")


@dataclass
class Snapshot:
    """One office: its exports by fiscal year, and why it could not be read, if it could not."""

    member: Member
    exports: dict[int, dict[str, Any]] = field(default_factory=dict)
    error: str | None = None

    def export(self, year: int) -> dict[str, Any] | None:
        return self.exports.get(year)

    def counts(self, year: int) -> dict[str, int] | None:
        """Items per status in `year`, as the office's own OIT index counts them."""
        data = self.exports.get(year)
        if data is None:
            return None
        return {status: sum(1 for item in data["items"] if item["status"] == status) for status in STATUSES}

    def score(self, year: int) -> float | None:
        data = self.exports.get(year)
        return data["scores"].get("oit") if data else None


def read_all(federation: Federation, built: Path | None, fetch: bool = False) -> list[Snapshot]:
    """Every member's exports of the trend years: from `built/<code>/site/` or, with `fetch`, its site."""
    return [read_member(member, federation.years, federation.year, built, fetch) for member in federation.offices]


def read_member(member: Member, years: list[int], year: int, built: Path | None, fetch: bool) -> Snapshot:
    snapshot = Snapshot(member)
    status = _status(built / member.code) if built and member.repository else None
    if status is not None and not status.get("ok"):
        snapshot.error = f"สร้างเว็บไซต์ไม่สำเร็จ ({status.get('step')}) / the build failed:\n{status.get('error', '')}"
        return snapshot
    for each in years:
        try:
            data = _local(built, member, each) if built and member.repository else None
            if data is None and fetch and member.site:
                data = _remote(member.site, each)
        except (OSError, ValueError) as error:
            if each == year:
                snapshot.error = str(error)
            continue
        if data is not None:
            snapshot.exports[each] = data
    if not snapshot.exports and snapshot.error is None and not (built and member.repository) and not fetch:
        snapshot.error = ("ไม่ได้สร้างที่นี่และไม่ได้อ่านจากเว็บไซต์ (ใช้ --fetch เพื่ออ่าน) / not built here and not "
                          "fetched: --fetch reads its published site")
    if year not in snapshot.exports and snapshot.error is None:
        snapshot.error = (f"ไม่มีไฟล์ OIT ของปี {year} (oit/{year}.json) / no OIT export of {year}: "
                          "the year is not in the office's data/site.yml")
    return snapshot


def _status(folder: Path) -> dict[str, Any] | None:
    path = folder / "status.json"
    if not path.is_file():
        return {"ok": False, "step": "build", "error": "ยังไม่ได้สร้าง / not built"}
    return json.loads(path.read_text(encoding="utf-8"))


def _local(built: Path, member: Member, year: int) -> dict[str, Any] | None:
    path = built / member.code / "site" / "oit" / f"{year}.json"
    return _checked(path.read_bytes(), str(path.relative_to(built))) if path.is_file() else None


def _remote(site: str, year: int) -> dict[str, Any] | None:
    url = f"{site.rstrip('/')}/oit/{year}.json"
    try:
        with urllib.request.urlopen(url, timeout=20) as response:  # noqa: S310 - an https:// address from the file
            return _checked(response.read(LIMIT + 1), url)
    except urllib.error.HTTPError as error:
        if error.code == 404:
            return None
        raise OSError(f"{url}: HTTP {error.code}") from None
    except (urllib.error.URLError, TimeoutError) as error:
        raise OSError(f"{url}: อ่านไม่ได้ / cannot be read ({getattr(error, 'reason', error)})") from None


def _checked(raw: bytes, where: str) -> dict[str, Any]:
    """The export if it is one this release reads; ValueError naming what is wrong otherwise."""
    if len(raw) > LIMIT:
        raise ValueError(f"{where}: ไฟล์ใหญ่เกิน 5 MB / larger than 5 MB")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(f"{where}: ไม่ใช่ JSON / not JSON ({error})") from None
    if not isinstance(data, dict) or data.get("format") not in FORMATS:
        found = data.get("format") if isinstance(data, dict) else None
        raise ValueError(f"{where}: รูปแบบไฟล์ OIT {found!r} ไม่รองรับ (รองรับ {sorted(FORMATS)}) ให้สำนักงานอัปเกรด "
                         f"oit-site-generator / export format {found!r} is not one this release reads")
    if not isinstance(data.get("items"), list) or not all(
            isinstance(i, dict) and i.get("status") in STATUSES for i in data["items"]):
        raise ValueError(f"{where}: รายการ items ไม่ถูกต้อง / the items are not as format {EXPORT_FORMAT} describes")
    # The supervisory site links each item's URL: only a web address may become a link (an export
    # read over HTTP is another host's text, and `javascript:` would run on our page).
    for item in data["items"]:
        if not all(_web_address(u) for u in item.get("urls", [])):
            raise ValueError(f"{where}: {str(item.get('number'))[:20]}: ลิงก์ต้องขึ้นต้นด้วย https:// (หรือ http://) หรือ / "
                             "/ every item URL must be a web address or a path of the office's site")
    return data


def _web_address(url: object) -> bool:
    """An https:// address, or a path of the site (an office without `website` exports /oit/2568/o1/)."""
    return isinstance(url, str) and (url.startswith(("https://", "http://"))
                                     or (url.startswith("/") and not url.startswith("//")))
