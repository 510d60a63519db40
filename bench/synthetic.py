"""A large synthetic office for the build benchmark: ten fiscal years of every kind of record.

Deterministic (a fixed seed), written on demand into a folder the caller chooses (a temporary one in
`make bench`), never committed to this repository. `make bench` commits it to a git repository of its
own, one commit per fiscal year dated in that year (`commit_history`), so the build pays the "last
update" lookup (generator/mkdocs/revisions.py) as a real office does, and writes its text from a Thai
vocabulary of a few thousand words (`thai_vocabulary`, PyThaiNLP's word list, the `bench` extra) so
the search index is as large as a real office's. The yearly files of the example office (No Gift, policies, the
anti-corruption plan, budget, risks, ITA, measures) are copied into every year with their dates
shifted; documents, procurement rows, complaint cases and news posts are generated in bulk:

    python bench/synthetic.py OUT [--years 10] [--documents 3000] [--purchases 20000]
                                  [--cases 5000] [--news 500] [--thai] [--git]
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import re
import shutil
import subprocess
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

from generator.engine.downloads import csv_text  # the same CSV (BOM, CRLF) the site publishes

ROOT = Path(__file__).resolve().parent.parent
LAST_YEAR = 2568
# Example files whose text is shifted from 2568 to each year (copied with years rewritten).
SHIFTED = ("nogift", "policies", "anticorruption", "budget", "risks", "ita", "measures")
KINDS = ("annual_plan", "progress_report", "annual_report", "budget_report", "procurement_notice", "hr_report",
         "work_manual", "service_statistics", "satisfaction_survey", "announcement", "order", "minutes",
         "newsletter", "other")
TOPIC_OF = {"annual_plan": "ops.annual_plan", "annual_report": "ops.annual_report", "hr_report": "hr.annual_report",
            "work_manual": "ops.work_manual", "service_statistics": "service.statistics",
            "satisfaction_survey": "service.satisfaction", "procurement_notice": "procurement.notices"}
WORDS = ("การบริหารจัดการ สถานศึกษา คุณภาพการศึกษา ความโปร่งใส งบประมาณ บุคลากร โรงเรียนในสังกัด การนิเทศ "
         "การประเมินผล การจัดซื้อจัดจ้าง ข้อมูลสาธารณะ การมีส่วนร่วม ผู้มีส่วนได้ส่วนเสีย แผนปฏิบัติการ").split()
PDF = b"%PDF-1.4\n% synthetic benchmark file\n" + b"0" * 2000 + b"\n%%EOF\n"


def shift_years(text: str, year: int) -> str:
    """Rewrite B.E. years 2566–2568 and C.E. 2023–2025 of the example for fiscal `year`."""
    delta = year - LAST_YEAR
    return re.sub(r"(?<!\d)(256[6-8]|202[3-5])(?!\d)", lambda m: str(int(m.group(1)) + delta), text)


VOCABULARY_SIZE = 3000


class Vocabulary:
    """Words drawn with Zipf–Mandelbrot frequencies (rank n: 1/(n + 2.7)), as in real text.

    The most frequent word is then about 4 % of the text, as the commonest words of a Thai corpus are.

    Thai is written without spaces between words: a phrase of two to six words is one run of letters,
    phrases are separated by spaces. Fourteen words only (`WORDS`, the default) are drawn uniformly
    and spaced word by word, as the office was written before issue 21 (bench/federation.py).
    """

    def __init__(self, words: Sequence[str], zipf: bool = True) -> None:
        self.words = list(words)
        self.zipf = zipf
        self.cumulative = list(itertools.accumulate(1 / (rank + 2.7) for rank in range(1, len(self.words) + 1)))

    def text(self, rng: random.Random, count: int) -> str:
        if not self.zipf:
            return " ".join(rng.choice(self.words) for _ in range(count))
        drawn = rng.choices(self.words, cum_weights=self.cumulative, k=count)
        phrases, start = [], 0
        while start < count:
            length = rng.randint(2, 6)
            phrases.append("".join(drawn[start:start + length]))
            start += length
        return " ".join(phrases)


SMALL = Vocabulary(WORDS, zipf=False)


def thai_vocabulary(size: int = VOCABULARY_SIZE, seed: int = 2568) -> Vocabulary:
    """`size` words of PyThaiNLP's Thai word list (62,106 words in 5.4.0) with the office's own words
    (`WORDS`) among the hundred most frequent.

    The choice and the ranks are seeded, so the same pinned PyThaiNLP gives the same office.
    """
    try:
        from pythainlp.corpus import thai_words
    except ImportError:
        raise SystemExit("bench: ต้องติดตั้ง PyThaiNLP ก่อน / PyThaiNLP is needed: "
                         ".venv/bin/pip install -e '.[bench]' (make bench does it)") from None
    thai = sorted(w for w in thai_words() if re.fullmatch(r"[\u0E01-\u0E5B]{2,20}", w) and w not in WORDS)
    rng = random.Random(seed)
    words = rng.sample(thai, size - len(WORDS))
    for word in WORDS:
        words.insert(rng.randrange(100), word)
    return Vocabulary(words)




def write_documents(root: Path, years: list[int], count: int, rng: random.Random, vocabulary: Vocabulary) -> None:
    """The example's documents of 2568 shifted into each year (other records name them), then bulk ones."""
    example = (ROOT / "example" / "data" / "documents" / f"{LAST_YEAR}.yml").read_text(encoding="utf-8")
    per_year = count // len(years)
    for year in years:
        start = date(year - 544, 10, 1)
        lines = [shift_years(example, year).rstrip("\n")]
        for n in range(per_year):
            kind = KINDS[n % len(KINDS)]
            day = start + timedelta(days=rng.randrange(0, 360))
            doc_id = f"doc-{year}-{n:04d}"
            rel = f"files/{year}/{doc_id}.pdf"
            (root / "content" / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / "content" / rel).write_bytes(PDF)
            topic = TOPIC_OF.get(kind)
            lines += [f"  - id: {doc_id}", f"    title_th: {vocabulary.text(rng, 6)} ฉบับที่ {n + 1}/{year}",
                      f"    kind: {kind}", f"    date: {day.isoformat()}", f"    file: {rel}", "    owner: plan",
                      f"    summary_th: {vocabulary.text(rng, 40)}", "    status: published"]
            if topic:
                lines.append(f"    topics: [{topic}]")
        (root / "data" / "documents" / f"{year}.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_procurement(root: Path, years: list[int], count: int, rng: random.Random, vocabulary: Vocabulary) -> None:
    per_month = max(1, count // (len(years) * 12))
    header = ["งานที่จัดซื้อหรือจัดจ้าง", "วงเงินที่จัดซื้อหรือจัดจ้าง", "ราคากลาง", "วิธีซื้อหรือจ้าง",
              "ผู้ได้รับการคัดเลือก", "ราคาที่ตกลงซื้อหรือจ้าง", "เหตุผลที่คัดเลือกโดยสังเขป", "เลขที่สัญญาหรือข้อตกลง"]
    for year in years:
        folder = root / "data" / "procurement" / str(year)
        folder.mkdir(parents=True, exist_ok=True)
        for month in range(1, 13):
            rows = []
            for n in range(per_month):
                price = rng.randrange(50_000, 5_000_000) / 100
                rows.append([f"จัดซื้อ{vocabulary.text(rng, 1)} รายการที่ {n + 1}", f"{price * 1.05:,.2f}",
                             f"{price * 1.05:,.2f}", "เฉพาะเจาะจง", f"ร้านตัวอย่าง {rng.randrange(1, 80)}",
                             f"{price:,.2f}", "เสนอราคาต่ำสุด", f"{month:02d}{n:03d}/{year}"])
            (folder / f"{month:02d}.csv").write_text(csv_text(header, rows), encoding="utf-8")


def write_complaints(root: Path, years: list[int], count: int, rng: random.Random) -> None:
    folder = root / "data" / "complaints"
    folder.mkdir(parents=True, exist_ok=True)
    per_year = count // len(years)
    for year in years:
        start = date(year - 544, 10, 1)
        rows = []
        for n in range(per_year):
            received = start + timedelta(days=rng.randrange(0, 330))
            closed = received + timedelta(days=rng.randrange(1, 90))
            done = closed < date(year - 543, 9, 30) and rng.random() < 0.8
            rows.append([f"R{year}-{n:05d}", received.isoformat(),
                         rng.choice(["web_form", "phone", "email", "letter", "walk_in"]),
                         rng.choice(["corruption", "general", "general"]),
                         rng.choice(["complaint_investigation", "grievance", "appeal"]),
                         "finished" if done else "in_progress", closed.isoformat() if done else "",
                         rng.choice(["resolved", "unsubstantiated"]) if done else ""])
        header = ["ref", "received", "channel", "category", "matter", "status", "closed", "outcome"]
        (folder / f"{year}.csv").write_text(csv_text(header, rows), encoding="utf-8")


def write_news(root: Path, years: list[int], count: int, rng: random.Random, vocabulary: Vocabulary) -> None:
    folder = root / "content" / "news"
    folder.mkdir(parents=True, exist_ok=True)
    per_year = count // len(years)
    for year in years:
        start = date(year - 544, 10, 1)
        for n in range(per_year):
            day = start + timedelta(days=rng.randrange(0, 360))
            body = "\n\n".join(vocabulary.text(rng, 60) for _ in range(4))
            (folder / f"news-{year}-{n:03d}.md").write_text(
                f"---\ntitle: ข่าว{vocabulary.text(rng, 4)} ครั้งที่ {n + 1}\ndate: {day.isoformat()}\n"
                f"summary: {vocabulary.text(rng, 15)}\n---\n\n# ข่าว {n + 1}\n\n{body}\n", encoding="utf-8")


def copy_shifted(root: Path, years: list[int]) -> None:
    """The example's yearly files, one copy per year with the years rewritten."""
    for folder in SHIFTED:
        source = ROOT / "example" / "data" / folder / f"{LAST_YEAR}.yml"
        (root / "data" / folder).mkdir(parents=True, exist_ok=True)
        for year in years:
            text = shift_years(source.read_text(encoding="utf-8"), year)
            text = re.sub(r"(?m)^\s*supersedes:.*\n", "", text)  # the year before the first is not there
            (root / "data" / folder / f"{year}.yml").write_text(text, encoding="utf-8")


def create_referenced_files(root: Path) -> None:
    """Every `files/...` path the data names, as a small placeholder PDF or image."""
    for path in (root / "data").rglob("*.yml"):
        for rel in re.findall(r"files/[^\s\"',\]}]+", path.read_text(encoding="utf-8")):
            target = root / "content" / rel
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(PDF)


def make_office(out: Path, years: int = 10, documents: int = 3000, purchases: int = 20000, cases: int = 5000,
                news: int = 500, seed: int = 2568, vocabulary: Vocabulary = SMALL) -> Path:
    """Write the synthetic office into `out` (which must not exist); returns `out`."""
    rng = random.Random(seed)
    span = list(range(LAST_YEAR - years + 1, LAST_YEAR + 1))
    (out / "data" / "documents").mkdir(parents=True)
    shutil.copy(ROOT / "example" / "mkdocs.yml", out / "mkdocs.yml")  # the home page is generated
    for name in ("office.yml", "units.yml", "executives.yml", "laws.yml"):
        shutil.copy(ROOT / "example" / "data" / name, out / "data" / name)
    complaints = (ROOT / "example" / "data" / "complaints.yml").read_text(encoding="utf-8")
    (out / "data" / "complaints.yml").write_text(re.sub(r"(?m)^\s*document:.*\n", "", complaints), encoding="utf-8")
    shutil.copytree(ROOT / "example" / "content" / "files" / "people", out / "content" / "files" / "people")
    (out / "data" / "site.yml").write_text(
        "frameworks:\n" + "".join(f"  {y}: obec-school-2566\n" for y in span), encoding="utf-8")
    write_documents(out, span, documents, rng, vocabulary)
    write_procurement(out, span, purchases, rng, vocabulary)
    write_complaints(out, span, cases, rng)
    write_news(out, span, news, rng, vocabulary)
    copy_shifted(out, span)
    create_referenced_files(out)
    return out


def commit_history(root: Path) -> int:
    """Make `root` a git repository: the shared files, then one commit per fiscal year, dated in it.

    A year's files are those whose path names the year (`data/documents/2563.yml`,
    `data/procurement/2563/`, `content/files/2563/`, `content/news/news-2563-…`); each commit is dated
    on the last day of its fiscal year (30 September). What names no year is the first commit.
    Returns the number of commits.
    """
    files = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())
    years = sorted({int(y) for f in files for y in re.findall(r"(?<!\d)(25\d\d)(?!\d)", f)})
    year_of = {f: max((y for y in years if re.search(rf"(?<!\d){y}(?!\d)", f)), default=None) for f in files}
    git = ["git", "-c", "core.quotePath=false", "-c", "commit.gpgsign=false"]
    subprocess.run([*git, "init", "-q", "-b", "main"], cwd=root, check=True)
    commits = 0
    for year in [None, *years]:
        paths = [f for f in files if year_of[f] == year]
        when = date((year or years[0]) - 543, 9, 30)
        for chunk in range(0, len(paths), 2000):  # keeps each command line short
            subprocess.run([*git, "add", "--", *paths[chunk:chunk + 2000]], cwd=root, check=True)
        stamp = f"{when.isoformat()}T16:30:00+07:00"
        env = {**os.environ, "GIT_AUTHOR_NAME": "งานเว็บไซต์", "GIT_AUTHOR_EMAIL": "web@example.go.th",
               "GIT_COMMITTER_NAME": "งานเว็บไซต์", "GIT_COMMITTER_EMAIL": "web@example.go.th",
               "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
        message = f"ข้อมูลปีงบประมาณ {year}" if year else "ตั้งค่าเว็บไซต์และข้อมูลหน่วยงาน"
        subprocess.run([*git, "commit", "-q", "-m", message], cwd=root, env=env, check=True)
        commits += 1
    return commits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--documents", type=int, default=3000)
    parser.add_argument("--purchases", type=int, default=20000)
    parser.add_argument("--cases", type=int, default=5000)
    parser.add_argument("--news", type=int, default=500)
    parser.add_argument("--thai", action="store_true", help="text from PyThaiNLP's word list (as make bench)")
    parser.add_argument("--git", action="store_true", help="commit it, one commit per fiscal year (as make bench)")
    args = parser.parse_args()
    make_office(args.out, args.years, args.documents, args.purchases, args.cases, args.news,
                vocabulary=thai_vocabulary() if args.thai else SMALL)
    if args.git:
        commit_history(args.out)
    print(args.out)


if __name__ == "__main__":
    main()
