"""A monitoring report's page: `/anti-corruption/<year>/q1/` … `/q4/`, `/h1/`, `/annual/`.

What the report printed comes first (its totals, its stated counts), the figures computed from its
rows beside them. An activity the report says nothing of is "ไม่ได้รายงาน" in every table and count,
and an amount it does not give is no amount: the disbursed total sums what was reported and says how
many activities reported one.
"""

from __future__ import annotations

from generator.base.scoring import percent
from generator.engine.charts import Series, bar_chart
from generator.engine.downloads import DataTable
from generator.engine.figures import Figure, figure
from generator.engine.pages import Asset, Page, page
from generator.engine.render import baht, fy_label
from generator.engine.site import Site
from generator.families.anticorruption.model import OUTCOMES, STATUSES, Activity, Progress, Report
from generator.families.anticorruption.tables import budget_text, calendar_table, owners_of
from generator.families.anticorruption.totals import BudgetTotals, ReportView, status_text

REPORT_PAGES = {  # part → (folder, title, topic)
    "Q1": ("q1", "รายงานผลการกำกับติดตามการดำเนินการป้องกันการทุจริต ไตรมาสที่ 1", "anticorruption.progress_h1"),
    "Q2": ("q2", "รายงานผลการกำกับติดตามการดำเนินการป้องกันการทุจริต ไตรมาสที่ 2", "anticorruption.progress_h1"),
    "Q3": ("q3", "รายงานผลการกำกับติดตามการดำเนินการป้องกันการทุจริต ไตรมาสที่ 3", None),
    "Q4": ("q4", "รายงานผลการกำกับติดตามการดำเนินการป้องกันการทุจริต ไตรมาสที่ 4", None),
    "H1": ("h1", "รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริต รอบ 6 เดือน", "anticorruption.progress_h1"),
    "": ("annual", "รายงานผลการดำเนินการป้องกันการทุจริตประจำปี", "anticorruption.annual_report"),
}
NOT_REPORTED = STATUSES["not_reported"][0]


def build_report(site: Site, year: int, report: Report) -> list[Page | Asset]:
    """The report's page and its tables as CSV."""
    folder, title, topic = REPORT_PAGES[report.part]
    plan = site.anticorruption[year]
    view = ReportView(plan, report)
    uri = f"anti-corruption/{year}/{folder}/index.md"
    r = plan.reports.index(report)
    totals = view.budget()
    money = {"planned": figure("รวมงบประมาณตามแผน", report.planned_printed, totals.planned, plan,
                               f"reports[{r}].planned_printed"),
             "disbursed": figure("รวมเบิกจ่ายจริง", report.disbursed_printed, totals.disbursed, plan,
                                 f"reports[{r}].disbursed_printed")}
    owners = owners_of(site)
    rows = view.rows()
    table = DataTable("progress", "ผลการดำเนินงานรายกิจกรรม",
                      ("กิจกรรม", "งบประมาณตามแผน (บาท)", "เบิกจ่ายจริง (บาท)", "สถานะ", "ผลการดำเนินงาน", "ผู้รับผิดชอบ"),
                      tuple((a.title_th, budget_text(a.budget), disbursed_text(a, p), status_text(year, p),
                             OUTCOMES[p.outcome][0] if p and p.outcome else "-", owners(a.owners)) for a, p in rows),
                      footer=("รวม", money["planned"].cell, money["disbursed"].cell, "", "", ""),
                      text_columns=6, figure_columns=(1, 2))
    statuses = _statuses(plan, r, view)
    calendar = calendar_table(year, report.calendar)
    tables = [table, *([calendar] if calendar else [])]
    return [page(uri, "anticorruption-report.md.j2", f"{title} {fy_label(year)}", topics=(topic,) if topic else (),
                 period=report.period, source=site.source("anticorruption", str(year)), year=year, report=report,
                 view=view, rows=rows, table=table, statuses=statuses, outcomes=view.by_outcome(), totals=totals,
                 money=money, share=_share(money), reported_text=reported_text(totals), calendar=calendar,
                 status_text=lambda p: status_text(year, p), chart=_chart(statuses, len(rows))),
            *(Asset(t.csv_path(uri), t.csv()) for t in tables)]


def disbursed_text(activity: Activity, progress: Progress | None) -> str:
    """The amount a report gives; ไม่ได้รายงาน when it gives none for a funded activity, never 0.00."""
    if progress is not None and progress.disbursed is not None:
        return baht(progress.disbursed)
    return NOT_REPORTED if activity.needs_budget else "-"


def reported_text(totals: BudgetTotals) -> str:
    """How many funded activities reported a disbursed amount, when not all did."""
    if totals.funded == 0 or totals.complete:
        return ""
    return f"รายงานยอดเบิกจ่าย {totals.reported} จาก {totals.funded} กิจกรรมที่ใช้งบประมาณ"


def _share(money: dict[str, Figure]):
    """The disbursed total as a share of the planned one, both as shown (the printed ones where printed)."""
    disbursed, planned = money["disbursed"].shown, money["planned"].shown
    return None if disbursed is None or planned is None else percent(disbursed, planned)


def _statuses(plan, r: int, view: ReportView) -> list[tuple[str, Figure, object]]:
    """(status, count as stated beside the count of rows, per cent of all activities) per state shown."""
    stated = view.report.statuses_stated
    out = []
    for status, count, _ in view.by_status():
        shown = figure(STATUSES[status][0], stated.get(status), count, plan, f"reports[{r}].statuses_stated.{status}", 0)
        out.append((status, shown, percent(shown.shown, len(plan.activities))))
    return out


def _chart(statuses: list[tuple[str, Figure, object]], total: int):
    """Activities by status as bars (the stated counts where the report states them)."""
    return bar_chart("กิจกรรมจำแนกตามสถานะ", [STATUSES[s][0] for s, _, _ in statuses],
                     [Series("จำนวนกิจกรรม", tuple(f.shown for _, f, _ in statuses))],
                     f"จาก {total} กิจกรรม: " + ", ".join(
                         f"{STATUSES[s][0]} {f.shown} ({'-' if pct is None else pct}%)" for s, f, pct in statuses))
