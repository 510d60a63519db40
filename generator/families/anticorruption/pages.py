"""Anti-corruption plan pages: the plan with its month grid, and each monitoring report.

`/anti-corruption/<year>/` is the plan (anticorruption.plan); `/q1/` … `/q4/`, `/h1/` and `/annual/`
are the reports of that year, each with computed totals (planned against disbursed, activities by
status), the progress table, the narrative, and the signature blocks for A4 printing. Quarters and
the half-year answer the six-month item (together they must cover October to March); the annual
report answers the annual one.
"""

from __future__ import annotations

from generator.families.anticorruption import model as action_plan
from generator.families.anticorruption.model import OUTCOMES, STATUSES, ActionPlan, ReportView
from generator.engine.charts import Series, bar_chart
from generator.engine.downloads import DataTable
from generator.engine.render import baht as _money, fy_label
from generator.engine.site import Site
from generator.engine.pages import Asset
from generator.engine.pages import Page
from generator.engine.pages import page

_REPORT_PAGES = {  # part → (folder, title, topic)
    "Q1": ("q1", "รายงานผลการกำกับติดตามการดำเนินการป้องกันการทุจริต ไตรมาสที่ 1", "anticorruption.progress_h1"),
    "Q2": ("q2", "รายงานผลการกำกับติดตามการดำเนินการป้องกันการทุจริต ไตรมาสที่ 2", "anticorruption.progress_h1"),
    "Q3": ("q3", "รายงานผลการกำกับติดตามการดำเนินการป้องกันการทุจริต ไตรมาสที่ 3", None),
    "Q4": ("q4", "รายงานผลการกำกับติดตามการดำเนินการป้องกันการทุจริต ไตรมาสที่ 4", None),
    "H1": ("h1", "รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริต รอบ 6 เดือน", "anticorruption.progress_h1"),
    "": ("annual", "รายงานผลการดำเนินการป้องกันการทุจริตประจำปี", "anticorruption.annual_report"),
}


def build(site: Site) -> list[Page | Asset]:
    """The index (in the nav), then every year's plan and reports."""
    years = sorted(site.anticorruption, reverse=True)
    out: list[Page | Asset] = [page(
        "anti-corruption/index.md", "anticorruption.md.j2", "แผนปฏิบัติการป้องกันการทุจริต", in_nav=True,
        years=[(y, _links(site.anticorruption[y])) for y in years])]
    for year in years:
        out += _plan(site, year) + [p for r in site.anticorruption[year].reports for p in _report(site, year, r)]
    return out


def _links(plan: ActionPlan) -> list[tuple[str, str]]:
    """(folder, title) of the year's reports in period order."""
    order = list(_REPORT_PAGES)
    return [(_REPORT_PAGES[r.part][0], _REPORT_PAGES[r.part][1]) for r in sorted(plan.reports,
                                                                                 key=lambda r: order.index(r.part))]


def _plan(site: Site, year: int) -> list[Page | Asset]:
    plan = site.anticorruption[year]
    uri = f"anti-corruption/{year}/index.md"
    grid = action_plan.month_grid(year)
    table = DataTable("plan", "กิจกรรมตามแผน", ("โครงการ/กิจกรรม", "ตัวชี้วัด", "เป้าหมาย", "งบประมาณ (บาท)",
                                               "ระยะเวลา", "ผู้รับผิดชอบ"),
                      tuple((a.title_th, a.kpi_th or "", a.target_th or "", _budget(a.budget),
                             action_plan.months_text(year, a.months), ", ".join(_unit(site, u) for u in a.owners))
                            for a in plan.activities), text_columns=6, figure_columns=(3,))
    return [page(uri, "anticorruption-plan.md.j2", plan.title_th or f"แผนปฏิบัติการป้องกันการทุจริต {fy_label(year)}",
                 topics=("anticorruption.plan",), period=str(year), source=site.source("anticorruption", str(year)),
                 year=year, plan=plan, grid=grid, table=table, totals=action_plan.plan_budget(plan),
                 owners=lambda a: ", ".join(_unit(site, u) for u in a.owners), budget=_budget,
                 reports=_links(plan)),
            Asset(table.csv_path(uri), table.csv())]


def _report(site: Site, year: int, report) -> list[Page | Asset]:
    folder, title, topic = _REPORT_PAGES[report.part]
    plan = site.anticorruption[year]
    view = ReportView(plan, report)
    uri = f"anti-corruption/{year}/{folder}/index.md"
    rows = view.rows()
    table = DataTable("progress", "ผลการดำเนินงานรายกิจกรรม",
                      ("กิจกรรม", "งบประมาณตามแผน (บาท)", "เบิกจ่ายจริง (บาท)", "สถานะ", "ผลการดำเนินงาน", "ผู้รับผิดชอบ"),
                      tuple((a.title_th, _budget(a.budget), _money(p.disbursed) if p and p.disbursed is not None else "-",
                             STATUSES[p.status][0] if p else "ยังไม่ได้รายงาน",
                             OUTCOMES[p.outcome][0] if p and p.outcome else "-",
                             ", ".join(_unit(site, u) for u in a.owners)) for a, p in rows),
                      text_columns=6, figure_columns=(1, 2))
    statuses = view.by_status()
    chart = bar_chart("กิจกรรมจำแนกตามสถานะ", [STATUSES[s][0] for s, _, _ in statuses],
                      [Series("จำนวนกิจกรรม", tuple(n for _, n, _ in statuses))],
                      "จาก " + str(len(rows)) + " กิจกรรม: " + ", ".join(
                          f"{STATUSES[s][0]} {n} ({'-' if pct is None else pct}%)" for s, n, pct in statuses))
    return [page(uri, "anticorruption-report.md.j2", f"{title} {fy_label(year)}", topics=(topic,) if topic else (),
                 period=report.period, source=site.source("anticorruption", str(year)), year=year, report=report,
                 view=view, rows=rows, table=table, statuses=statuses, outcomes=view.by_outcome(),
                 totals=view.budget(), chart=chart),
            Asset(table.csv_path(uri), table.csv())]


def _unit(site: Site, unit_id: str) -> str:
    unit = site.unit(unit_id)
    return unit.name_th if unit else unit_id


def _budget(amount) -> str:
    return action_plan.NO_BUDGET if amount is None else _money(amount)
