"""Risk pages: the corruption risk assessment of each fiscal year and its follow-up report.

`/risks/<year>/` (topic risk.assessment, the year) holds the register, the risks by level and the
5×5 risk matrix (a risk the report gives without scores is listed as unscored, in no cell), with
every printed score, level and count shown as the official figure and the computed one beside it;
`/risks/<year>/follow-up/` (topic risk.actions; the half or the whole year, from
its as-of date) holds the share of new controls by status and the residual levels beside the
initial ones, once the file gives statuses. Every table is a DataTable, printed and also a CSV.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from generator.families.risks import model as risks
from generator.base.calendar import format_thai_date, round_of
from generator.engine.charts import Series, bar_chart
from generator.engine.downloads import DataTable
from generator.engine.figures import Figure, figure
from generator.engine.owners import owner_names
from generator.engine.render import digit_style, fy_label
from generator.families.risks.matrix import risk_matrix, summary_sentence
from generator.families.risks.model import BANDS, CONTROL_STATUSES, LEVELS, SCALE_TH, UNSCORED, Count, Risk, RiskYear
from generator.engine.site import Site
from generator.engine.pages import Asset
from generator.engine.pages import Page
from generator.engine.pages import page

ASSESSMENT = "การประเมินความเสี่ยงการทุจริตและประพฤติมิชอบ"
FOLLOW_UP = "รายงานผลการดำเนินการเพื่อจัดการความเสี่ยงการทุจริตและประพฤติมิชอบ"


@dataclass(frozen=True)
class RiskView:
    """A risk as the page shows it: its number, labels, anchor and controls with unit names."""

    code: str
    risk: Risk
    anchor: Markup  # `risk-<id>`; ids are slugs, so safe inside a Markdown attribute list
    controls: tuple[tuple[object, str], ...]  # (control, unit names)
    score: Figure  # the printed score first, the computed one as its check
    level: Figure


def build(site: Site) -> list[Page | Asset]:
    """The index (in the nav), then each year's assessment and, when it has statuses, its follow-up."""
    years = sorted(site.risks, reverse=True)
    follow_ups = {y: risks.has_statuses(site.risks[y]) for y in years}
    out: list[Page | Asset] = [page("risks/index.md", "risks.md.j2", "การประเมินความเสี่ยงการทุจริต", in_nav=True,
                                    years=years, follow_ups=follow_ups, bands=BANDS, scale=SCALE_TH)]
    for year in years:
        out += _assessment(site, year, follow_ups[year])
        if follow_ups[year]:
            out += _follow_up(site, year)
    return out


def _views(site: Site, record: RiskYear) -> list[RiskView]:
    def unit_name(unit_id: str) -> str:
        unit = site.unit(unit_id)
        return unit.name_th if unit else unit_id

    return [RiskView(risks.code(n), r, Markup(f"risk-{r.id}"),
                     tuple((c, owner_names(c.owner, unit_name)) for c in r.controls),
                     figure("คะแนนความเสี่ยง", r.score_published, r.score, record, f"risks[{n}].score_published", 0),
                     _level(record, n, r))
            for n, r in enumerate(record.risks)]


def _level(record: RiskYear, n: int, r: Risk) -> Figure:
    """The published level first; the computed one beside it (the level of a printed score alone counts as
    computed; an unscored risk has neither)."""
    computed = r.level or (r.shown_level if r.level_published is None else None)
    return figure("ระดับความเสี่ยง", LEVELS[r.level_published][0] if r.level_published else None,
                  computed.th if computed else None, record, f"risks[{n}].level_published")


def _document(site: Site, doc_id: str | None):
    return next((d for d in site.documents if d.id == doc_id), None) if doc_id else None


def _assessment(site: Site, year: int, has_follow_up: bool) -> list[Page | Asset]:
    record = site.risks[year]
    views = _views(site, record)
    uri = f"risks/{year}/index.md"
    cells = risks.matrix(record.risks)
    counts = risks.by_level(record.risks)
    unscored = risks.unscored(record.risks)
    tables = {
        "levels": _counts("by-level", "จำนวนความเสี่ยงจำแนกตามระดับ", "ระดับความเสี่ยง", "จำนวน (รายการ)", counts),
        "register": _register(views),
        "controls": _controls(views, status=False),
        "criteria": _criteria(),
    }
    title = record.title_th or f"{ASSESSMENT} {fy_label(year)}"
    chart = risk_matrix(f"แผนภูมิความเสี่ยง (Risk Matrix) {fy_label(year)}", cells,
                        summary_sentence("ความเสี่ยงที่ให้คะแนน" if unscored else "ความเสี่ยงทั้งหมด", cells), link=True)
    count = figure("จำนวนความเสี่ยง", record.stated_count, len(record.risks), record, "stated_count", 0)
    return [page(uri, "risks-year.md.j2", title, topics=("risk.assessment",), period=str(year),
                 source=site.source("risks", str(year)), year=year, record=record, views=views, tables=tables,
                 counts=counts, count=count, unscored=unscored, unscored_key=UNSCORED[0], chart=chart,
                 document=_document(site, record.document), has_follow_up=has_follow_up),
            *(Asset(t.csv_path(uri), t.csv()) for t in tables.values())]


def _follow_up(site: Site, year: int) -> list[Page | Asset]:
    record = site.risks[year]
    assert record.follow_up is not None  # has_statuses() said so
    views = _views(site, record)
    uri = f"risks/{year}/follow-up.md"
    period, kind = round_of(year, record.follow_up.as_of)
    round_th = risks.ROUNDS_TH[kind]
    statuses = risks.by_status(record.risks)
    before, after = risks.by_level(record.risks), risks.by_level(record.risks, residual=True)
    rated = sum(1 for r in record.risks if r.residual_score is not None)
    tables = {
        "statuses": _counts("by-status", "สถานะของมาตรการ", "สถานะ", "จำนวน (มาตรการ)", statuses),
        "levels": _before_after(before, after, len(record.risks) - rated),
        "residual": _residual(views),
        "controls": _controls(views, status=True),
    }
    cells = risks.matrix(record.risks, residual=True)
    as_of = format_thai_date(record.follow_up.as_of, "full", digit_style())
    status_chart = bar_chart("สถานะของมาตรการ", [c.label for c in statuses],
                             [Series("จำนวนมาตรการ", tuple(c.count for c in statuses))], _status_sentence(statuses))
    residual_chart = risk_matrix(f"แผนภูมิความเสี่ยงหลังดำเนินการ ณ วันที่ {as_of}", cells,
                                 summary_sentence("ความเสี่ยงที่ประเมินหลังดำเนินการ", cells))
    title = f"{FOLLOW_UP} {fy_label(year)}" + ("" if round_th == "ประจำปี" else f" {round_th}")
    return [page(uri, "risks-follow-up.md.j2", title, topics=("risk.actions",), period=period,
                 source=site.source("risks", str(year)), year=year, record=record, follow_up=record.follow_up,
                 tables=tables, statuses=statuses, rated=rated, total=len(record.risks), round_th=round_th,
                 status_chart=status_chart, residual_chart=residual_chart,
                 document=_document(site, record.follow_up.document)),
            *(Asset(t.csv_path(uri), t.csv()) for t in tables.values())]


def _status_sentence(statuses: list[Count]) -> str:
    total = statuses[0].total if statuses else 0
    parts = " ".join(f"{c.label} {c.count} มาตรการ (ร้อยละ {c.percent})" for c in statuses)
    return f"มาตรการทั้งหมด {total} มาตรการ: {parts}"


def _counts(name: str, title: str, label: str, unit: str, counts: list[Count]) -> DataTable:
    total = sum(c.count for c in counts)
    return DataTable(name, title, (label, unit, "ร้อยละ"), tuple((c.label, c.count, f"{c.percent}") for c in counts),
                     footer=("รวม", total, "100.00" if total else "0.00"))


def _register(views: list[RiskView]) -> DataTable:
    rows = tuple((v.code, v.risk.process_th, v.risk.risk_th, v.risk.kind_th, _rating(v.risk.likelihood),
                  _rating(v.risk.impact), v.score.cell or "-", v.level.cell or UNSCORED[1],
                  "; ".join(v.risk.existing_controls_th) or "-") for v in views)
    return DataTable("register", "ทะเบียนความเสี่ยง",
                     ("ลำดับ", "กระบวนงาน/ภารกิจ", "ความเสี่ยง", "ประเภท", "โอกาส (1–5)", "ผลกระทบ (1–5)",
                      "คะแนน", "ระดับ", "การควบคุมที่มีอยู่"), rows, figure_columns=(4, 5, 6))


def _rating(value: int | None) -> int | str:
    return "-" if value is None else value


def _controls(views: list[RiskView], status: bool) -> DataTable:
    rows = []
    for v in views:
        for control, unit in v.controls:
            row = (v.code, control.measure_th, unit, control.schedule_th or "-")
            if status:
                row = (v.code, control.measure_th, unit, CONTROL_STATUSES[control.reported][0], control.result_th or "-")
            rows.append(row)
    columns = (("ความเสี่ยง", "มาตรการ", "ผู้รับผิดชอบ", "สถานะ", "ผลการดำเนินการ") if status
               else ("ความเสี่ยง", "มาตรการเพิ่มเติม", "ผู้รับผิดชอบ", "ระยะเวลาดำเนินการ"))
    return DataTable("controls", "ผลการดำเนินการตามมาตรการ" if status else "มาตรการควบคุมความเสี่ยงเพิ่มเติม",
                     columns, tuple(rows), text_columns=len(columns))


def _criteria() -> DataTable:
    rows = tuple((b.th, f"{b.lowest}–{b.highest}") for b in reversed(BANDS))
    return DataTable("criteria", "เกณฑ์ระดับความเสี่ยง (คะแนน = โอกาส × ผลกระทบ)", ("ระดับความเสี่ยง", "ช่วงคะแนน"),
                     rows, figure_columns=(1,))


def _before_after(before: list[Count], after: list[Count], unrated: int) -> DataTable:
    """Levels before and after treatment; the unscored risks and those not yet rated again on rows of their own."""
    after_of = {c.key: c.count for c in after}
    rows = [(b.label, b.count, "" if b.key == UNSCORED[0] else after_of.get(b.key, 0)) for b in before]
    if unrated:
        rows.append(("ยังไม่ประเมินหลังดำเนินการ", "", unrated))
    return DataTable("levels-before-after", "ระดับความเสี่ยงก่อนและหลังดำเนินการ",
                     ("ระดับความเสี่ยง", "ก่อนดำเนินการ (รายการ)", "หลังดำเนินการ (รายการ)"), tuple(rows),
                     footer=("รวม", sum(b.count for b in before), sum(a.count for a in after) + unrated))


def _residual(views: list[RiskView]) -> DataTable:
    rows = tuple((v.code, v.risk.process_th, v.score.cell or "-", v.level.cell or UNSCORED[1],
                  "-" if v.risk.residual_score is None else v.risk.residual_score,
                  v.risk.residual_level.th if v.risk.residual_level else "ยังไม่ประเมิน",
                  risks.change(v.risk) or "-") for v in views)
    return DataTable("residual", "ความเสี่ยงแต่ละรายการก่อนและหลังดำเนินการ",
                     ("ความเสี่ยง", "กระบวนงาน/ภารกิจ", "คะแนนก่อน", "ระดับก่อน", "คะแนนหลัง", "ระดับหลัง", "ผล"),
                     rows, figure_columns=(2, 4))
