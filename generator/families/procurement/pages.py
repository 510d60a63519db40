"""Procurement pages: one per month (the สขร.1 summary, OIT `procurement.monthly`) and a yearly summary.

`/procurement/<year>/<MM>/` (MM = calendar month 01–12) shows the month's purchases with exact
sums, or `ไม่มีการจัดซื้อจัดจ้าง`; `/procurement/<year>/` sums the year by month and by method.
Every table is also a CSV and an XLSX beside its page (generator/engine/downloads.py), and the
purchases also an XLSX in the column order of the NACC 2568 criteria for O12 and O13 (nacc_form.py).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from generator.families.procurement import model as procurement
from generator.families.procurement import nacc_form
from generator.engine.downloads import DataTable
from generator.families.procurement.model import METHODS, NIL_STATEMENT, Month, Purchase
from generator.base.calendar import format_thai_date
from generator.engine.render import baht as _money, digit_style, fy_label
from generator.engine.site import Site
from generator.engine.pages import Asset
from generator.engine.pages import Page
from generator.engine.pages import page

# Columns of a month's table, in the order of the สขร.1 form then the e-GP extras; a column that no
# row fills is left out, so a typed สขร.1 and an e-GP export both read naturally.
_COLUMNS: tuple[tuple[str, str], ...] = (
    ("item", "งานที่จัดซื้อหรือจัดจ้าง"), ("budget", "วงเงินงบประมาณ (บาท)"), ("budget_source", "แหล่งงบประมาณ"),
    ("reference_price", "ราคากลาง (บาท)"), ("method", "วิธีซื้อหรือจ้าง"),
    ("bidders", "ผู้เสนอราคาและราคาที่เสนอ"), ("vendor", "ผู้ได้รับการคัดเลือก"),
    ("agreed_price", "ราคาที่ตกลงซื้อหรือจ้าง (บาท)"), ("reason", "เหตุผลที่คัดเลือกโดยสังเขป"),
    ("contract_no", "เลขที่สัญญาหรือข้อตกลง"), ("contract_date", "วันที่สัญญา"), ("status", "สถานะ"),
    ("project_no", "เลขที่โครงการ e-GP"),
)
_MONEY = {"budget", "reference_price", "agreed_price"}


def build(site: Site) -> list[Page | Asset]:
    """The procurement index (in the nav), then each fiscal year's summary and its months."""
    years = sorted(site.procurement, reverse=True)
    out: list[Page | Asset] = [page("procurement/index.md", "procurement.md.j2", "การจัดซื้อจัดจ้าง", in_nav=True,
                                    years=[(y, procurement.year_months(y, site.procurement[y])) for y in years])]
    for year in years:
        out += _year(site, year)
    return out


def _year(site: Site, year: int) -> list[Page | Asset]:
    months = procurement.year_months(year, site.procurement[year])
    base = f"procurement/{year}"
    by_month = _by_month(months)
    by_method = _by_method(months)
    title = f"สรุปผลการจัดซื้อจัดจ้าง {fy_label(year)}"
    form = any(m.rows for m in months)
    pages: list[Page | Asset] = [
        page(f"{base}/index.md", "procurement-year.md.j2", title,
             period=str(year), year=year, months=months, by_month=by_month, by_method=by_method,
             form_file=nacc_form.YEAR_FILE if form else None),
        Asset(by_month.csv_path(f"{base}/index.md"), by_month.csv()),
        Asset(by_method.csv_path(f"{base}/index.md"), by_method.csv()),
    ]
    if form:
        pages.append(Asset(f"{base}/{nacc_form.YEAR_FILE}", nacc_form.form_workbook(title, year, months, _agency(site))))
    for month in months:
        if month.disclosed and month.record is not None:
            pages += _month(site, year, month)
    return pages


def _month(site: Site, year: int, month: Month) -> list[Page | Asset]:
    uri = f"procurement/{year}/{month.key}.md"
    table = _purchases(month)
    source = site.source("procurement", f"{year}-{month.key}")
    title = f"สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน{month.label}"
    form = nacc_form.month_file(month) if month.rows else None
    out: list[Page | Asset] = [page(uri, "procurement-month.md.j2", title,
                                    topics=("procurement.monthly",), period=month.period_key, source=source,
                                    year=year, month=month, table=table, nil_statement=NIL_STATEMENT,
                                    form_file=form),
                               Asset(table.csv_path(uri), table.csv())]
    if form:
        out.append(Asset(f"procurement/{year}/{form}", nacc_form.form_workbook(title, year, [month], _agency(site))))
    return out


def _agency(site: Site) -> str:
    """The office's name, for the agency column of its own purchases (data/office.yml)."""
    return site.office.name_th if site.office else ""


def _purchases(month: Month) -> DataTable:
    """The month's rows in the columns that are filled, with exact sums of the money columns."""
    rows = month.rows
    columns = [(name, label) for name, label in _COLUMNS
               if name in ("item", "method") or any(getattr(r, name) is not None for r in rows)]
    body = tuple((n, *(_cell(r, name) for name, _ in columns)) for n, r in enumerate(rows, start=1))
    footer = ("รวม", *(_money(month.total(name)) if name in _MONEY else "" for name, _ in columns)) if rows else None
    figures = (0, *(i + 1 for i, (name, _) in enumerate(columns) if name in _MONEY))
    return DataTable(f"procurement-{month.key}", f"สรุปผลการจัดซื้อจัดจ้าง {month.label}",
                     ("ลำดับ", *(label for _, label in columns)), body, footer, figure_columns=figures)


def _cell(row: Purchase, name: str) -> Any:
    value = getattr(row, name)
    if value is None:
        return ""
    if name in _MONEY:
        return _money(value)
    if name == "method":
        return METHODS[value][0]
    if name == "contract_date":
        return format_thai_date(value, "medium", digit_style())
    return value


def _by_month(months: list[Month]) -> DataTable:
    rows = tuple((m.label, *((len(m.rows), _money(m.total("budget")), _money(m.total("agreed_price")))
                             if m.rows else ((NIL_STATEMENT, "", "") if m.disclosed else ("ยังไม่มีข้อมูล", "", ""))))
                 for m in months)
    total = ("รวม", sum(len(m.rows) for m in months), _money(sum((m.total("budget") for m in months), Decimal(0))),
             _money(sum((m.total("agreed_price") for m in months), Decimal(0))))
    return DataTable("by-month", "รายเดือน", ("เดือน", "จำนวนรายการ", "วงเงินงบประมาณ (บาท)",
                                              "ราคาที่ตกลงซื้อหรือจ้าง (บาท)"), rows, total)


def _by_method(months: list[Month]) -> DataTable:
    lines = procurement.by_method(months)
    rows = tuple((METHODS[line.method][0], line.count, _money(line.budget), _money(line.agreed)) for line in lines)
    total = ("รวม", sum(line.count for line in lines), _money(sum((line.budget for line in lines), Decimal(0))),
             _money(sum((line.agreed for line in lines), Decimal(0))))
    return DataTable("by-method", "แยกตามวิธีซื้อหรือจ้าง", ("วิธีซื้อหรือจ้าง", "จำนวนรายการ",
                                                            "วงเงินงบประมาณ (บาท)", "ราคาที่ตกลงซื้อหรือจ้าง (บาท)"),
                     rows, total)
