"""`make federation`: a synthetic federation built on this machine, its supervisory site, and the figures.

Offices of realistic sizes (bench/synthetic.py): schools of one fiscal year with about 50 documents,
and area offices of three fiscal years with about 500 documents, one in five of the list. Each is
built as a CI job would build it (`python -m generator federation build`: one process per office,
as many at once as there are cores). Then the supervisory site is written from those builds, and
once more from 2,000 offices' exports (the built ones repeated under new codes, their statuses
drawn again) to measure the supervisory build at the scale of a large body.

Prints wall and CPU time, offices per minute, the machine's load, and the projection for 245 area
offices and 29,000 schools on a CI engine (BENCHMARKS.md explains the assumptions).

    .venv/bin/python bench/federation.py [--offices 50] [--keep DIR] [--jobs N]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import LAST_YEAR, make_office  # noqa: E402
from generator.federation.matrix import jobs  # noqa: E402

SCHOOL = dict(years=1, documents=50, purchases=120, cases=10, news=12)
AREA = dict(years=3, documents=500, purchases=2000, cases=300, news=60)


def make_federation(out: Path, offices: int, seed: int = 2568) -> Path:
    """Write `offices` synthetic offices and their federation.yml into `out`; returns the file."""
    rng = random.Random(seed)
    lines = [f"name_th: สำนักงานกำกับดูแลสังเคราะห์ ({offices} หน่วยงาน)", f"year: {LAST_YEAR}",
             f"trend_years: [{LAST_YEAR - 2}, {LAST_YEAR - 1}, {LAST_YEAR}]", "offices:"]
    areas = max(1, offices // 5)
    for n in range(offices):
        area = n < areas
        code = f"spp-{n + 1:03d}" if area else f"school-{n + 1:03d}"
        name = f"สำนักงานเขตพื้นที่การศึกษาสังเคราะห์ เขต {n + 1}" if area else f"โรงเรียนสังเคราะห์วิทยา {n + 1}"
        make_office(out / code, seed=seed + n, **(AREA if area else SCHOOL))
        office = out / code / "data" / "office.yml"
        office.write_text(re.sub(r"(?m)^(name_th|short_name_th): .*$", lambda m: f"{m.group(1)}: {name}",
                                 office.read_text(encoding="utf-8")), encoding="utf-8")
        parent = "สพฐ." if area else f"สำนักงานเขตพื้นที่การศึกษาสังเคราะห์ เขต {rng.randint(1, areas)}"
        lines += [f"  - code: {code}", f"    name_th: {name}", f"    type: {'esa_primary' if area else 'school'}",
                  f"    parent_th: {parent}", f"    repository: {code}"]
    file = out / "federation.yml"
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return file


def timed(command: list[str]) -> dict:
    """Run `command`; wall and CPU seconds (its children included) and the load average before it."""
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": wall, "cpu": cpu, "load": load, "code": done.returncode, "out": done.stdout + done.stderr}


def many_exports(built: Path, file: Path, count: int, out: Path, seed: int = 1) -> Path:
    """A federation of `count` offices whose exports are the built ones repeated, statuses drawn again."""
    rng = random.Random(seed)
    sources = sorted(p for p in built.iterdir() if (p / "site" / "oit").is_dir())
    lines = file.read_text(encoding="utf-8").split("offices:\n", 1)[0].replace("(", f"({count} สำเนา ") + "offices:\n"
    for n in range(count):
        source, code = sources[n % len(sources)], f"office-{n + 1:05d}"
        for export in (source / "site" / "oit").glob("*.json"):
            data = json.loads(export.read_text(encoding="utf-8"))
            for item in data["items"]:
                item["status"] = rng.choices(["complete", "missing", "out_of_period"], [0.8, 0.15, 0.05])[0]
            target = out / code / "site" / "oit" / export.name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        (out / code / "status.json").write_text('{"ok": true}', encoding="utf-8")
        lines += f"  - code: {code}\n    name_th: หน่วยงานสำเนา {n + 1}\n    type: school\n    repository: {code}\n"
    target = out / "federation.yml"
    target.write_text(lines, encoding="utf-8")
    return target


def projection(per_office: dict[str, float], startup: float = 90.0, concurrency: tuple[int, ...] = (20, 60)) -> list[str]:
    """Runner minutes and wall time for the two real scales, under the assumptions BENCHMARKS.md states:
    a job builds its offices one after another on one core at this machine's speed (`per_office` CPU
    seconds), after `startup` seconds of checkout, Python and pip; billed minutes round up per job;
    the wall time is for the matrix run `concurrency` jobs at a time (GitHub: 20 on Free, 60 on Team)."""
    lines = []
    for label, count, kind in (("245 area offices", 245, "area"), ("29,000 schools", 29_000, "school")):
        made = jobs([str(n) for n in range(count)], 256)
        longest = max(len(job.offices) for job in made)
        job_seconds = [startup + len(job.offices) * per_office[kind] for job in made]
        billed = sum(-(-seconds // 60) for seconds in job_seconds)
        walls = ", ".join(f"{-(-len(made) // c) * max(job_seconds) / 60:,.0f} min at {c} jobs at once" for c in concurrency)
        lines.append(f"{label}: {len(made)} jobs of up to {longest} (each ≤ {max(job_seconds) / 60:.1f} min: "
                     f"{startup:.0f} s setup + {longest} × {per_office[kind]:.1f} s); {billed:,.0f} runner minutes "
                     f"billed; wall {walls}; supervisory job not included")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--offices", type=int, default=50)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--many", type=int, default=2000, help="offices' exports for the large supervisory build")
    parser.add_argument("--keep", type=Path, help="keep the federation in this folder")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="federation-"))
    python = [sys.executable, "-m", "generator", "federation"]
    try:
        file = make_federation(work / "offices", args.offices)
        built = timed([*python, "build", str(file), "--out", str(work / "out"), "--jobs", str(args.jobs)])
        seconds = {m.group(1): float(m.group(2)) for m in re.finditer(r"^(\S+): \S+ / ok (\S+) s$", built["out"], re.M)}
        if built["code"] != 0 or len(seconds) != args.offices:
            print(built["out"][-3000:])
            raise SystemExit("the synthetic federation did not build")
        per = {kind: sum(s for c, s in seconds.items() if c.startswith(prefix)) /
               max(1, sum(c.startswith(prefix) for c in seconds))
               for kind, prefix in (("area", "spp-"), ("school", "school-"))}
        # One office of each kind alone, one process at a time: the CPU seconds a CI job spends on it,
        # the figure the projection uses (wall time on a shared machine moves with the load; CPU does not).
        alone = {kind: timed([*python, "build", str(file), "--only", code, "--out", str(work / "alone"), "--jobs", "1"])
                 for kind, code in (("area", "spp-001"), ("school", f"school-{args.offices:03d}"))}
        site = timed([*python, "site", str(file), "--from", str(work / "out"), "--out", str(work / "supervision")])
        many = many_exports(work / "out", file, args.many, work / "many")
        big = timed([*python, "site", str(many), "--from", str(work / "many"), "--out", str(work / "supervision-many")])
        print(f"machine: {os.cpu_count()} cores; load before each step {built['load']:.2f} / {site['load']:.2f} / "
              f"{big['load']:.2f}")
        print(f"build {args.offices} offices ({args.offices // 5} area, {args.offices - args.offices // 5} schools), "
              f"{args.jobs} at once: wall {built['wall']:.1f} s, CPU {built['cpu']:.1f} s, "
              f"{args.offices / built['wall'] * 60:.1f} offices per minute")
        print(f"one office in the parallel build (wall, under that load): area {per['area']:.1f} s, "
              f"school {per['school']:.1f} s")
        cpu = {kind: run["cpu"] for kind, run in alone.items()}
        print(f"one office alone (CPU of check + build, load {alone['area']['load']:.2f}): area {cpu['area']:.1f} s "
              f"(wall {alone['area']['wall']:.1f} s), school {cpu['school']:.1f} s (wall {alone['school']['wall']:.1f} s)")
        print(f"supervisory site, {args.offices} offices: wall {site['wall']:.2f} s, CPU {site['cpu']:.2f} s")
        print(f"supervisory site, {args.many} offices' exports: wall {big['wall']:.2f} s, CPU {big['cpu']:.2f} s, "
              f"{sum(1 for _ in (work / 'supervision-many').rglob('*.html'))} pages")
        for line in projection(cpu):
            print("projection: " + line)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
