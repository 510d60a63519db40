"""ITA result pages: the history across years (`/ita/`) and one page per fiscal year (`/ita/<year>/`).

Every figure the assessor published is shown as the official one; what the indicator scores give by
the official arithmetic (`generator/base/scoring.py`) stands beside it as the check, with a note where
they differ (generator/families/ita/outcome.py). The pages carry no OIT topic: a result is not itself
evidence of using it. The measures page that answers it (`/measures/<year + 1>/`) is, and is tagged
`ita.improvement` (generator/families/measures/pages.py).
"""

from __future__ import annotations

from generator.base import scoring
from generator.engine.charts import Series, bar_chart
from generator.engine.downloads import DataTable
from generator.engine.figures import Figure
from generator.engine.pages import Asset, Page, page
from generator.engine.render import fy_label
from generator.engine.site import Site
from generator.families.ita import model
from generator.families.ita import outcome as ita
from generator.oit.framework import Framework


def build(site: Site) -> list[Page | Asset]:
    """The history page (in the nav, saying so when there is no result yet) and each year's page."""
    outcomes = [ita.outcome(year, record, site.scale) for year, record in sorted(site.ita.items())]
    rows = ita.history(outcomes)
    table = _history_table(rows)
    chart = bar_chart("คะแนน ITA รายปีงบประมาณ", [str(r.year) for r in rows],
                      [Series("คะแนน ITA", tuple(r.total.shown for r in rows))],
                      "คะแนน ITA " + ", ".join(f"ปีงบประมาณ {r.year} {r.total.text(r.total.shown)}"
                                               f"{f' ระดับ {r.level}' if r.level else ''}" for r in rows)
                      + f" (เกณฑ์ผ่าน {site.scale.pass_mark} คะแนน)", top=scoring.HUNDRED)
    uri = "ita/index.md"
    out: list[Page | Asset] = [
        page(uri, "ita.md.j2", "ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน (ITA)", in_nav=True,
             table=table if rows else None, chart=chart, years=[o.year for o in reversed(outcomes)],
             pass_mark=site.scale.pass_mark, first_scale_year=ita.FIRST_SCALE_YEAR),
        Asset(table.csv_path(uri), table.csv())]
    for result in outcomes:
        out += _year(site, result)
    return out


def _history_table(rows: list[ita.HistoryRow]) -> DataTable:
    """ปีปัจจุบันและปีย้อนหลัง, newest first, as result reports print the history, with the check column."""
    return DataTable("history", "ผลการประเมินรายปี",
                     ("ปีงบประมาณ", "คะแนน ITA", "ระดับ", "ผลการประเมิน", "ผลต่างของคะแนน", "พัฒนาการ", "อันดับประเทศ",
                      "ตรวจสอบกับคะแนนรายตัวชี้วัด"),
                     tuple((str(r.year), r.total.text(r.total.shown), r.level or "", _pass(r.passed),
                            r.change_text, r.trend_th or "", _rank(r.rank, r.rank_of, r.rank_th), r.check_th)
                           for r in reversed(rows)),
                     figure_columns=(1, 4))


def _year(site: Site, result: ita.Outcome) -> list[Page | Asset]:
    year, record = result.year, result.record
    uri = f"ita/{year}/index.md"
    tables: dict[str, DataTable] = {}
    if result.indicators or any(c.weighted.official is not None for c in result.components):
        tables["components"] = _components(result)
    if result.indicators:
        tables["indicators"] = _indicators(result)
    framework = site.frameworks.get(site.framework_of_year.get(year, ""))
    oit = ita.oit_figures(record, framework, site.scale)
    if record.oit_items:
        tables["oit-items"] = _items(record, framework)
    if oit:
        tables["oit-scores"] = _oit_scores([f for _, f in oit])
    targets = ita.targets(result)
    if targets:
        tables["targets"] = _targets(targets)
    chart = bar_chart("คะแนนรายตัวชี้วัด", [f"{i.number} {i.title_th}" for i in result.indicators],
                      [Series("คะแนน", tuple(scoring.round2(i.score) for i in result.indicators))],
                      _indicator_summary(result, site.scale.pass_mark), top=scoring.HUNDRED)
    notes = [f for _, f in result.figures() + oit if f.differs]
    measures_uri = f"measures/{year + 1}/index.md" if year + 1 in site.measures else None
    built = page(uri, "ita-year.md.j2", f"ผลการประเมิน ITA {fy_label(year)}", period=str(year),
                 source=site.source("ita", str(year)), year=year, outcome=result, tables=tables, chart=chart,
                 pass_mark=site.scale.pass_mark, rank=_rank(record.rank, record.rank_of, record.rank_th),
                 first_scale_year=ita.FIRST_SCALE_YEAR, measures_uri=measures_uri,
                 score=ita.score_text, notes=notes, targets=targets,
                 framework_id=site.framework_of_year.get(year) if framework else None)
    return [built, *(Asset(t.csv_path(uri), t.csv()) for t in tables.values())]


def _components(result: ita.Outcome) -> DataTable:
    """Each tool's mean and weight, its weighted score as published and as computed."""
    rows = tuple((f"{c.tool} {model.TOOLS[c.tool][0]}", f"{c.numbers[0]}–{c.numbers[-1]}",
                  ita.score_text(c.mean) if c.mean is not None else "", f"{c.weight * 100:.0f}",
                  c.weighted.text(c.weighted.official), c.weighted.text(c.weighted.computed))
                 for c in result.components)
    return DataTable("components", "คะแนนรายเครื่องมือ",
                     ("เครื่องมือ", "ตัวชี้วัดที่", "คะแนนเฉลี่ย", "น้ำหนัก (ร้อยละ)", "คะแนนถ่วงน้ำหนักตามที่ประกาศ",
                      "คำนวณจากคะแนนรายตัวชี้วัด"), rows,
                     footer=("คะแนนรวม", "", "", "100", result.total.text(result.total.official),
                             result.total.text(result.total.computed)), figure_columns=(2, 3, 4, 5))


def _indicators(result: ita.Outcome) -> DataTable:
    """The indicator scores and levels as published; a level printed otherwise than its score's shows both."""
    rows = tuple((str(i.number), i.title_th, i.tool, ita.score_text(i.score), i.level.cell, _pass(i.passed))
                 for i in result.indicators)
    return DataTable("indicators", "คะแนนรายตัวชี้วัด",
                     ("ตัวชี้วัดที่", "ประเด็นตัวชี้วัด", "เครื่องมือ", "คะแนน", "ระดับ", "หมายเหตุ"), rows,
                     figure_columns=(3,))


def _items(record: model.ItaYear, framework: Framework | None) -> DataTable:
    """The per-item OIT table, with titles and sub-indicators from the year's framework when it has the item."""
    where = {item.number: (sub, item) for indicator in (framework.indicators if framework else ())
             for sub in indicator.sub_indicators for item in sub.items}
    rows = tuple((number, where[number][1].title_th if number in where else "",
                  where[number][0].id if number in where else "", str(points))
                 for number, points in record.oit_items.items())
    return DataTable("oit-items", "ผลการประเมิน OIT รายข้อ", ("ข้อ", "รายการ", "ตัวชี้วัดย่อย", "คะแนน"),
                     rows, figure_columns=(3,))


def _oit_scores(figures: list[Figure]) -> DataTable:
    """OIT sub-indicator and indicator scores as published, beside those computed from the items."""
    return DataTable("oit-scores", "คะแนนตัวชี้วัดย่อย OIT", ("ตัวชี้วัด", "ตามที่ประกาศ", "คำนวณจากผลรายข้อ"),
                     tuple((f.label_th, f.text(f.official), f.text(f.computed)) for f in figures))


def _targets(rows: list[ita.TargetRow]) -> DataTable:
    """The office's targets, its result (as published, or computed where nothing is) and met or not."""
    return DataTable("targets", "เป้าหมายของสำนักงานกับผลการประเมิน", ("รายการ", "เป้าหมาย", "ผลการประเมิน", "บรรลุเป้าหมาย"),
                     tuple((r.label_th, ita.score_text(r.target), _result_cell(r.result), _met(r.met)) for r in rows),
                     figure_columns=(1, 2))


def _result_cell(result: Figure | None) -> str:
    if result is None:
        return "ยังไม่มีผล"
    return result.cell + (" (คำนวณ)" if result.official is None else "")


def _met(met: bool | None) -> str:
    return "" if met is None else "บรรลุ" if met else "ไม่บรรลุ"


def _indicator_summary(result: ita.Outcome, pass_mark) -> str:
    if not result.scale_known:  # no pass mark of that year to judge by
        return "คะแนนรายตัวชี้วัดตามที่ประกาศ"
    weak = result.weaknesses
    text = f"ผ่านเกณฑ์ {pass_mark} คะแนน {len(result.strengths)} ตัวชี้วัด ไม่ผ่าน {len(weak)} ตัวชี้วัด"
    if weak:
        text += ": " + ", ".join(f"ตัวชี้วัดที่ {i.number} {i.title_th} ({ita.score_text(i.score)})" for i in weak)
    return text


def _pass(passed: bool | None) -> str:
    """ผ่าน / ไม่ผ่าน, or nothing for a year whose pass mark the site does not know."""
    return "" if passed is None else "ผ่าน" if passed else "ไม่ผ่าน"


def _rank(rank: int | None, of: int | None, printed: str | None = None) -> str:
    """The numeric rank ("31 จาก 245") and, beside it, the rank as printed ("1 ใน 100 จาก 225")."""
    number = "" if rank is None else f"{rank} จาก {of}" if of else str(rank)
    return " · ".join(part for part in (number, printed or "") if part)
