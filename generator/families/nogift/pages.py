"""No Gift pages per fiscal year: declaration (Thai, English), activities, register and report.

Each part is its own page tagged with its topic (nogift.declaration, nogift.culture, nogift.report),
so every OIT catalogue, whichever number it gives the item, links straight to the right part.
"""

from __future__ import annotations

from generator.base.calendar import parse_period
from generator.engine.figures import Figure, figure
from generator.families.nogift import model as nogift
from generator.engine.render import fy_label
from generator.engine.site import Site
from generator.engine.pages import Page
from generator.engine.pages import page


def build(site: Site) -> list[Page]:
    """The No Gift index (in the nav) and the pages of every fiscal year with data."""
    years = sorted(site.nogift, reverse=True)
    office_name = site.office.name_th if site.office else ""
    pages = [page("nogift/index.md", "nogift.md.j2", "ไม่รับของขวัญ (No Gift Policy)", in_nav=True,
                  office_name=office_name, years=years)]
    for year in years:
        pages += _year(site, year)
    return pages


def _year(site: Site, year: int) -> list[Page]:
    record, source = site.nogift[year], site.source("nogift", str(year))
    label = fy_label(year)
    common = dict(period=str(year), source=source, year=year, record=record,
                  nil_statement=nogift.NIL_STATEMENT, threshold=site.gift_threshold)
    full = nogift.report(record, year)
    reports, printed = _printed(record, year, [nogift.report(record, year, "H1"), full])
    nil = {r.period.key for r in reports if nogift.says_nil(record, r)}
    pages = [
        page(f"nogift/{year}/index.md", "nogift-year.md.j2", f"No Gift Policy {label}", report=full,
             nil=full.period.key in nil, **common),
        page(f"nogift/{year}/declaration.md", "nogift-declaration.md.j2",
             f"ประกาศเจตนารมณ์ No Gift Policy {label}", topics=("nogift.declaration",),
             declaration=record.declaration, **common),
        page(f"nogift/{year}/activities.md", "nogift-activities.md.j2",
             f"การสร้างวัฒนธรรม No Gift Policy {label}", topics=("nogift.culture",),
             activities=sorted(record.activities, key=lambda a: (a.date is None, a.date)), **common),
        page(f"nogift/{year}/report.md", "nogift-report.md.j2", f"รายงานผลตามนโยบาย No Gift Policy {label}",
             topics=("nogift.report",), reports=reports, printed=printed, nil_periods=nil,
             full_nil=full.period.key in nil, receipts=sorted(record.receipts, key=lambda r: r.date), **common),
    ]
    if record.declaration and record.declaration.text_en_md:
        pages.append(page(f"nogift/{year}/declaration-en.md", "nogift-declaration-en.md.j2",
                          f"No Gift Policy Declaration, fiscal year {year - 543}", declaration=record.declaration,
                          **common))
    return pages


def _printed(record: nogift.NoGiftYear, year: int, reports: list[nogift.Report]
             ) -> tuple[list[nogift.Report], dict[str, tuple[Figure, Figure]]]:
    """The report sections (`reports`, plus one for each printed report of another period, such as a quarter)
    and, by period key, the printed count and value of each report the office printed beside the register's."""
    sections, out = list(reports), {}
    for i, printed in enumerate(record.printed):
        period = parse_period(printed.period)
        computed = next((r for r in sections if r.period.key == period.key), None)
        if computed is None:
            computed = nogift.report_over(record, year, period)
            sections.append(computed)
        out[period.key] = (figure("จำนวนครั้งที่รับ", printed.count, len(computed.entries), record,
                                  f"printed[{i}].count", places=0),
                           figure("มูลค่ารวม (บาท)", printed.value, computed.total_value, record, f"printed[{i}].value"))
    return sections, out
