"""The supervisory site: per office and per item, ready, missing or out of period, before the assessment.

Plain static HTML (no MkDocs: it is one table and its details, for hundreds or thousands of offices),
set in the same self-hosted Thai font, requesting no other host, readable on a phone. Every figure is
an office's own: the counts are those of its OIT export, the score is its self-assessed OIT score,
and each item links to the office's own item page. Nothing is computed that an office did not state.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from generator import __version__
from generator.base.calendar import fy_label
from generator.base.vocabulary import OFFICE_TYPES
from generator.engine.downloads import csv_text
from generator.engine.workbook import workbook
from generator.federation.exports import STATUSES, Snapshot
from generator.federation.model import Federation
from generator.engine.fonts import cache_dir, ensure_fonts
from generator.oit.readiness import STATUS_TH

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class ItemRow:
    """One OIT item across the offices that could be read: how many have it in each status."""

    number: str
    title: str
    counts: dict[str, int]
    offices: list[tuple[Snapshot, dict[str, Any]]]


def write_site(federation: Federation, snapshots: list[Snapshot], out: Path) -> list[Path]:
    """Write the supervisory site into `out` (replaced); returns the files written."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    env = _environment()
    year, items = federation.year, item_rows(snapshots, federation.year)
    common = {"federation": federation, "year": year, "fy": fy_label(year), "years": federation.years,
              "types": OFFICE_TYPES, "status_th": STATUS_TH, "statuses": STATUSES, "version": __version__,
              "parents": sorted({s.member.parent_th for s in snapshots if s.member.parent_th})}
    written = [_page(env, out, "index.html", "supervise-index.html.j2", common, snapshots=snapshots, items=items, root="")]
    for snapshot in snapshots:
        written.append(_page(env, out, f"offices/{snapshot.member.code}/index.html", "supervise-office.html.j2", common,
                             snapshot=snapshot, export=snapshot.export(year), root="../../"))
    for item in items:
        written.append(_page(env, out, f"items/{item.number.lower()}/index.html", "supervise-item.html.j2", common,
                             item=item, root="../../"))
    written += _downloads(out, snapshots, year)
    written += _assets(out)
    return written


def item_rows(snapshots: list[Snapshot], year: int) -> list[ItemRow]:
    """Every item of the year, the one most offices miss first (then by number)."""
    rows: dict[str, ItemRow] = {}
    for snapshot in snapshots:
        for item in (snapshot.export(year) or {}).get("items", []):
            row = rows.setdefault(item["number"], ItemRow(item["number"], item["title"], dict.fromkeys(STATUSES, 0), []))
            row.counts[item["status"]] += 1
            row.offices.append((snapshot, item))
    return sorted(rows.values(), key=lambda r: (-(r.counts["missing"] + r.counts["out_of_period"]), _number(r.number)))


def _number(number: str) -> int:
    return int(number.lstrip("O")) if number.lstrip("O").isdigit() else 0


def _page(env: jinja2.Environment, out: Path, rel: str, template: str, common: dict, **values: Any) -> Path:
    target = out / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(env.get_template(template).render(**common, **values), encoding="utf-8")
    return target


def _downloads(out: Path, snapshots: list[Snapshot], year: int) -> list[Path]:
    """The office × item table and the office summary, as CSV (Excel's BOM) and XLSX."""
    header = ["รหัส", "หน่วยงาน", "ประเภท", "ต้นสังกัด", "ข้อ", "รายการ", "สถานะ", "เหตุผล", "ลิงก์"]
    rows = [[s.member.code, s.member.name_th, OFFICE_TYPES[s.member.type][0], s.member.parent_th or "",
             item["number"], item["title"], STATUS_TH[item["status"]], "; ".join(item["reasons"]), item["urls"][0]
             if item["urls"] else ""] for s in snapshots for item in (s.export(year) or {}).get("items", [])]
    summary_header = ["รหัส", "หน่วยงาน", "ประเภท", "ต้นสังกัด", *(STATUS_TH[s] for s in STATUSES), "คะแนน OIT", "อ่านไม่ได้"]
    summary = [[s.member.code, s.member.name_th, OFFICE_TYPES[s.member.type][0], s.member.parent_th or "",
                *((s.counts(year) or {}).get(status, "") for status in STATUSES),
                "" if s.score(year) is None else f"{s.score(year):.2f}", s.error or ""] for s in snapshots]
    written = []
    for name, head, body in ((f"items-{year}", header, rows), (f"offices-{year}", summary_header, summary)):
        (out / f"{name}.csv").write_text(csv_text(head, body), encoding="utf-8", newline="")
        (out / f"{name}.xlsx").write_bytes(bytes(workbook(name, head, body)))
        written += [out / f"{name}.csv", out / f"{name}.xlsx"]
    return written


def _assets(out: Path) -> list[Path]:
    """The stylesheet, the filter script and the Thai font, all served from the site itself."""
    assets = out / "assets"
    assets.mkdir()
    written = [Path(shutil.copy(HERE / name, assets / name)) for name in ("supervise.css", "supervise.js")]
    for uri, path in ensure_fonts(cache_dir(out.parent)).items():
        target = out / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        written.append(Path(shutil.copy(path, target)))
    return written


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    env.filters["score"] = lambda value: "–" if value is None else f"{value:.2f}"
    return env
