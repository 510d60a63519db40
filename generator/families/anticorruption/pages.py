"""Anti-corruption plan pages: the plan with its month grid, and each monitoring report.

`/anti-corruption/<year>/` is the plan (anticorruption.plan): its figures as printed beside the ones
computed from its activities, each project's aims and cost lines, the month grid and the operating
calendar. `/q1/` … `/q4/`, `/h1/` and `/annual/` are the reports of that year (report_page.py).
Quarters and the half-year answer the six-month item (together they must cover October to March);
the annual report answers the annual one.
"""

from __future__ import annotations

from decimal import Decimal

from generator.engine.downloads import DataTable
from generator.engine.figures import Figure, figure
from generator.engine.pages import Asset, Page, page
from generator.engine.render import baht, fy_label
from generator.engine.site import Site
from generator.families.anticorruption.model import ActionPlan, Project
from generator.families.anticorruption.report_page import REPORT_PAGES, build_report
from generator.families.anticorruption.tables import budget_text, calendar_table, owners_of
from generator.families.anticorruption.totals import month_grid, months_text, plan_budget


def build(site: Site) -> list[Page | Asset]:
    """The index (in the nav), then every year's plan and reports."""
    years = sorted(site.anticorruption, reverse=True)
    out: list[Page | Asset] = [page(
        "anti-corruption/index.md", "anticorruption.md.j2", "แผนปฏิบัติการป้องกันการทุจริต", in_nav=True,
        years=[(y, _links(site.anticorruption[y])) for y in years])]
    for year in years:
        out += _plan(site, year)
        out += [p for r in site.anticorruption[year].reports for p in build_report(site, year, r)]
    return out


def _links(plan: ActionPlan) -> list[tuple[str, str]]:
    """(folder, title) of the year's reports in period order."""
    order = list(REPORT_PAGES)
    return [REPORT_PAGES[r.part][:2] for r in sorted(plan.reports, key=lambda r: order.index(r.part))]


def _plan(site: Site, year: int) -> list[Page | Asset]:
    plan = site.anticorruption[year]
    uri = f"anti-corruption/{year}/index.md"
    owners = owners_of(site)
    table = DataTable("plan", "กิจกรรมตามแผน", ("โครงการ/กิจกรรม", "ตัวชี้วัด", "เป้าหมาย", "งบประมาณ (บาท)",
                                               "ระยะเวลา", "ผู้รับผิดชอบ"),
                      tuple((a.title_th, a.kpi_th or "", a.target_th or "", budget_text(a.budget),
                             months_text(year, a.months), owners(a.owners)) for a in plan.activities),
                      text_columns=6, figure_columns=(3,))
    costs = [_costs(plan, p, project) for p, project in enumerate(plan.projects)]
    calendar = calendar_table(year, plan.calendar)
    tables = [table, *(t for t, _, _ in costs if t), *([calendar] if calendar else [])]
    totals = plan_budget(plan)
    figures = {
        "budget": figure("งบประมาณรวม", plan.budget_printed, totals.planned, plan, "budget_printed"),
        "projects": figure("จำนวนโครงการ", plan.projects_stated, len(plan.projects), plan, "projects_stated", 0),
        "activities": figure("จำนวนกิจกรรม", plan.activities_stated, len(plan.activities), plan,
                             "activities_stated", 0),
    }
    return [page(uri, "anticorruption-plan.md.j2", plan.title_th or f"แผนปฏิบัติการป้องกันการทุจริต {fy_label(year)}",
                 topics=("anticorruption.plan",), period=str(year), source=site.source("anticorruption", str(year)),
                 year=year, plan=plan, grid=month_grid(year), table=table, totals=totals, figures=figures,
                 costs=costs, calendar=calendar, owners=lambda a: owners(a.owners), budget=budget_text,
                 reports=_links(plan)),
            *(Asset(t.csv_path(uri), t.csv()) for t in tables)]


def _costs(plan: ActionPlan, p: int, project: Project) -> tuple[DataTable | None, Figure | None, Figure | None]:
    """A project's cost lines as a table with their total, the printed one first; and that total beside the
    budget of the project's activities, which it should equal (its note says why a known difference is kept)."""
    if not project.costs:
        return None, None, None
    total = figure("รวมค่าใช้จ่าย", project.costs_printed, sum((c.amount for c in project.costs), Decimal(0)),
                   plan, f"projects[{p}].costs_printed")
    table = DataTable(f"costs-{p + 1}", f"รายละเอียดค่าใช้จ่าย: {project.title_th}", ("รายการ", "รายละเอียด", "จำนวนเงิน (บาท)"),
                      tuple((c.item_th, c.detail_th or "", baht(c.amount)) for c in project.costs),
                      footer=("รวม", "", total.cell), text_columns=2)
    budget = figure("รวมค่าใช้จ่ายเทียบกับงบประมาณของกิจกรรมในโครงการ", total.shown, project.budget, plan,
                    f"projects[{p}].costs")
    return table, total, budget
