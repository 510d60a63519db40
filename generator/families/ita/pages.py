"""ITA result pages: the history across years (`/ita/`) and one page per fiscal year (`/ita/<year>/`).

Every figure is computed from the ten indicator scores with `generator/base/scoring.py`; a published
figure that differs is shown beside the computed one. The pages carry no OIT topic: a result is not
itself evidence of using it. The measures page that answers it (`/measures/<year + 1>/`) is, and is
tagged `ita.improvement` (generator/families/measures/pages.py).
"""

from __future__ import annotations

from generator.families.ita import model as ita
from generator.base import scoring
from generator.engine.charts import Series, bar_chart
from generator.engine.downloads import DataTable
from generator.oit.framework import Framework
from generator.engine.render import fy_label
from generator.engine.site import Site
from generator.engine.pages import Asset
from generator.engine.pages import Page
from generator.engine.pages import page


def build(site: Site) -> list[Page | Asset]:
    """The history page (in the nav, saying so when there is no result yet) and each year's result."""
    outcomes = [ita.outcome(year, record, site.scale) for year, record in sorted(site.ita.items())]
    rows = ita.history(outcomes)
    table = _history_table(rows)
    chart = bar_chart("คะแนน ITA รายปีงบประมาณ", [str(r.year) for r in rows],
                      [Series("คะแนน ITA", tuple(r.total for r in rows))],
                      "คะแนน ITA " + ", ".join(f"ปีงบประมาณ {r.year} {r.total} ระดับ {r.level.code}" for r in rows)
                      + f" (เกณฑ์ผ่าน {site.scale.pass_mark} คะแนน)", top=scoring.HUNDRED)
    uri = "ita/index.md"
    out: list[Page | Asset] = [
        page(uri, "ita.md.j2", "ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน (ITA)", in_nav=True,
             table=table, chart=chart, years=[r.year for r in reversed(rows)], pass_mark=site.scale.pass_mark),
        Asset(table.csv_path(uri), table.csv())]
    for outcome in outcomes:
        out += _year(site, outcome)
    return out


def _history_table(rows: list[ita.HistoryRow]) -> DataTable:
    """ปีปัจจุบันและปีย้อนหลัง, newest first, as result reports print the history."""
    return DataTable("history", "ผลการประเมินรายปี",
                     ("ปีงบประมาณ", "คะแนน ITA", "ระดับ", "ผลการประเมิน", "ผลต่างของคะแนน", "พัฒนาการ", "อันดับประเทศ"),
                     tuple((str(r.year), f"{r.total:.2f}", r.level.code, _pass(r.passed), r.change_text,
                            r.trend_th or "", _rank(r.rank, r.rank_of)) for r in reversed(rows)),
                     figure_columns=(1, 4))


def _year(site: Site, outcome: ita.Outcome) -> list[Page | Asset]:
    year, record = outcome.year, outcome.record
    uri = f"ita/{year}/index.md"
    tables = {"components": _components(outcome), "indicators": _indicators(outcome)}
    mismatches = outcome.mismatches()
    if mismatches:
        tables["published"] = DataTable("published", "ตัวเลขที่ประกาศกับที่คำนวณ", ("รายการ", "ตามที่ประกาศ", "คำนวณ"),
                                        tuple((m.label_th, m.published, m.computed) for m in mismatches))
    framework = site.frameworks.get(site.framework_of_year.get(year, ""))
    if record.oit_items:
        tables.update(_items(record, framework, site.scale))
    chart = bar_chart("คะแนนรายตัวชี้วัด", [f"{i.number} {i.title_th}" for i in outcome.indicators],
                      [Series("คะแนน", tuple(scoring.round2(i.score) for i in outcome.indicators))],
                      _indicator_summary(outcome, site.scale.pass_mark), top=scoring.HUNDRED)
    measures_uri = f"measures/{year + 1}/index.md" if year + 1 in site.measures else None
    result = page(uri, "ita-year.md.j2", f"ผลการประเมิน ITA {fy_label(year)}", period=str(year),
                  source=site.source("ita", str(year)), year=year, outcome=outcome, total=ita.score_text(
                      outcome.result.total), tables=tables, chart=chart, pass_mark=site.scale.pass_mark,
                  rank=_rank(record.rank, record.rank_of), measures_uri=measures_uri, score=ita.score_text,
                  framework_id=site.framework_of_year.get(year) if framework else None)
    return [result, *(Asset(t.csv_path(uri), t.csv()) for t in tables.values())]


def _components(outcome: ita.Outcome) -> DataTable:
    rows = tuple((f"{c.tool} {ita.TOOLS[c.tool][0]}", f"{c.numbers[0]}–{c.numbers[-1]}", ita.score_text(c.mean),
                  f"{c.weight * 100:.0f}", ita.score_text(c.weighted)) for c in outcome.components)
    return DataTable("components", "คะแนนรายเครื่องมือ",
                     ("เครื่องมือ", "ตัวชี้วัดที่", "คะแนนเฉลี่ย", "น้ำหนัก (ร้อยละ)", "คะแนนถ่วงน้ำหนัก"), rows,
                     footer=("คะแนนรวม", "", "", "100", ita.score_text(outcome.result.total)), figure_columns=(2, 3, 4))


def _indicators(outcome: ita.Outcome) -> DataTable:
    rows = tuple((str(i.number), i.title_th, i.tool, ita.score_text(i.score), i.level.code, _pass(i.passed))
                 for i in outcome.indicators)
    return DataTable("indicators", "คะแนนรายตัวชี้วัด",
                     ("ตัวชี้วัดที่", "ประเด็นตัวชี้วัด", "เครื่องมือ", "คะแนน", "ระดับ", "หมายเหตุ"), rows,
                     figure_columns=(3,))


def _items(record: ita.ItaYear, framework: Framework | None, scale: scoring.Scale) -> dict[str, DataTable]:
    """The per-item OIT table, with titles and sub-indicators from the year's framework when it has the item."""
    where = {item.number: (sub, item) for indicator in (framework.indicators if framework else ())
             for sub in indicator.sub_indicators for item in sub.items}
    rows = tuple((number, where[number][1].title_th if number in where else "",
                  where[number][0].id if number in where else "", str(points))
                 for number, points in record.oit_items.items())
    tables = {"oit-items": DataTable("oit-items", "ผลการประเมิน OIT รายข้อ", ("ข้อ", "รายการ", "ตัวชี้วัดย่อย", "คะแนน"),
                                     rows, figure_columns=(3,))}
    scores = ita.oit_from_items(record, framework, scale) if framework else None
    if scores is not None:
        subs = tuple((sub_id, ita.score_text(value)) for sub_id, value in scores.sub_indicators.items())
        subs += tuple((f"ตัวชี้วัดที่ {n}", ita.score_text(value)) for n, value in scores.indicators.items())
        tables["oit-computed"] = DataTable("oit-computed", "คะแนนตัวชี้วัดย่อยที่คำนวณจากผลรายข้อ",
                                           ("ตัวชี้วัด", "คะแนน"), subs)
    return tables


def _indicator_summary(outcome: ita.Outcome, pass_mark) -> str:
    weak = outcome.weaknesses
    text = f"ผ่านเกณฑ์ {pass_mark} คะแนน {len(outcome.strengths)} ตัวชี้วัด ไม่ผ่าน {len(weak)} ตัวชี้วัด"
    if weak:
        text += ": " + ", ".join(f"ตัวชี้วัดที่ {i.number} {i.title_th} ({ita.score_text(i.score)})" for i in weak)
    return text


def _pass(passed: bool) -> str:
    return "ผ่าน" if passed else "ไม่ผ่าน"


def _rank(rank: int | None, of: int | None) -> str:
    if rank is None:
        return ""
    return f"{rank} จาก {of}" if of else str(rank)
