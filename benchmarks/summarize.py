#!/usr/bin/env python3
"""Turns the JMH JSON results of benchmarks/run.sh into the Markdown tables of RESULTS.md.

Usage: summarize.py RESULTS_DIR   (reads *.json from JMH, <Bench>.env.txt, sizes.json,
                                   environment.txt, memory.txt)
"""
import json
import pathlib
import re
import sys

# Per benchmark class: what one operation processes, and the engine method of each thread count.
ENGINE = {
    "FunnelReportBench": {1: "engine1Thread", 2: "engineParallel2"},
    "SequenceBench": {1: "engine1Thread", 2: "engineParallel2"},
    "LiveAppendBench": {1: "engineAppendThenReport"},
    "CsvIngestBench": {1: "engine"},
}
WORKLOAD = {
    "FunnelReportBench": "1/2 funnel report",
    "SequenceBench": "3 sequence funnel",
    "LiveAppendBench": "4 live append + report",
    "CsvIngestBench": "5 CSV ingest",
}


def is_engine(method):
    return method.startswith("engine") or method == "appendOnly"


# Methods whose thread count their name does not tell: the forecast runs on the common pool of
# the benchmark's JVM (parallelism 2) unless it says OneThread.
THREADS = {
    ("ForecastBenchmark", "kernel"): 2,
    ("ForecastBenchmark", "report"): 2,
    ("ForecastBenchmark", "reportWithHorizon"): 2,
}


def threads(method, cls=""):
    if (cls, method) in THREADS:
        return THREADS[(cls, method)]
    return 2 if ("Parallel2" in method or "2Threads" in method) else 1


def seconds(score, unit):
    scale = {"s/op": 1.0, "ms/op": 1e-3, "us/op": 1e-6, "ns/op": 1e-9}[unit]
    return score * scale


def items(cls, params, sizes):
    """(count, label) of what one operation processes.

    A report as of the past instant counts the changes it sees (of deals created by then, occurring
    by then: sizes.json "past:N"), not every change of the log."""
    if cls == "SequenceBench":
        return int(params["events"]), "events"
    if cls == "ProcessReportBench":
        # Its methods read different inputs (the SLA reads leads and touches): no common rate.
        return None, ""
    if cls == "FunnelReportBench" and params.get("asOf") == "past":
        seen = sizes.get("past:" + params.get("deals", ""))
        return (seen, "changes seen") if seen is not None else (None, "")
    changes = sizes.get(params.get("deals", ""))
    if changes is None:
        return None, ""
    if cls == "CsvIngestBench":
        return int(params["deals"]) + changes, "rows"
    return changes, "changes"


def human(x):
    for div, suffix in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if x >= div:
            return f"{x / div:.1f}{suffix}"
    return f"{x:.0f}"


def main():
    out = pathlib.Path(sys.argv[1])
    sizes_file = out / "sizes.json"
    sizes = json.loads(sizes_file.read_text()) if sizes_file.exists() else {}
    rows = []
    for f in sorted(out.glob("*.json")):
        if f.name == "sizes.json":
            continue
        for r in json.loads(f.read_text()):
            cls, method = r["benchmark"].split(".")[-2:]
            pm = r["primaryMetric"]
            alloc = next(
                (m["score"] for k, m in r.get("secondaryMetrics", {}).items()
                 if k.endswith("gc.alloc.rate.norm")), None)
            rows.append({
                "cls": cls, "method": method, "params": r.get("params", {}),
                "score": pm["score"], "error": pm.get("scoreError"), "unit": pm["scoreUnit"],
                "median": pm.get("scorePercentiles", {}).get("50.0", pm["score"]),
                "alloc": alloc,
            })
    env = out / "environment.txt"
    if env.exists():
        print("Environment:\n")
        for line in env.read_text().splitlines():
            print(f"    {line}")
        print()
    groups = {}
    for r in rows:
        key = (r["cls"], tuple(sorted(r["params"].items())))
        groups.setdefault(key, {})[r["method"]] = r
    checks = []
    for (cls, params), methods in sorted(groups.items()):
        p = dict(params)
        n, label = items(cls, p, sizes)
        title = WORKLOAD.get(cls, cls)
        print(f"### {title}: {cls} " + " ".join(f"{k}={v}" for k, v in params))
        print()
        run = out / f"{cls}.env.txt"
        if run.exists():
            print("Run: " + "; ".join(run.read_text().split("\n")).strip("; ") + "\n")
        print(f"| contender | threads | score | ± error | median | engine is x faster "
              f"| {label or 'items'}/s per core | alloc/op |")
        print("|---|---|---|---|---|---|---|---|")
        eng = ENGINE.get(cls, {})
        for m, r in sorted(methods.items(), key=lambda kv: (threads(kv[0], cls), kv[0])):
            t = threads(m, cls)
            sec = seconds(r["median"], r["unit"])
            ref = methods.get(eng.get(t, eng.get(1, "")))
            if ref is not None and not is_engine(m):
                ratio = f"{seconds(r['median'], r['unit']) / seconds(ref['median'], ref['unit']):.1f}x"
            elif m == eng.get(2) and eng.get(1) in methods:
                one = methods[eng[1]]
                ratio = f"parallel speed-up {seconds(one['median'], one['unit']) / sec:.2f}x"
            else:
                ratio = "-"
            rate = human(n / sec / t) if n else "-"
            err = f"{r['error']:.3f}" if isinstance(r["error"], (int, float)) and r["error"] == r["error"] else "-"
            alloc = human(r["alloc"]) + "B" if r["alloc"] is not None else "-"
            print(f"| {m} | {t} | {r['score']:.3f} {r['unit']} | {err} | {r['median']:.3f} "
                  f"| {ratio} | {rate} | {alloc} |")
        print()
        checks.extend(targets(cls, p, methods, n))
    mem = out / "memory.txt"
    if mem.exists():
        m = re.search(r"([\d.]+) bytes per stage change", mem.read_text())
        if m:
            b = float(m.group(1))
            checks.append(("memory: bytes per change resident (1M deals)", f"{b:.2f}", "<= 24", b <= 24))
    if checks:
        print("### Targets\n")
        print("| target | measured | goal | met |")
        print("|---|---|---|---|")
        for name, got, goal, ok in checks:
            print(f"| {name} | {got} | {goal} | {'yes' if ok else 'NO'} |")


def targets(cls, p, methods, n):
    def sec(m):
        r = methods.get(m)
        return seconds(r["median"], r["unit"]) if r else None
    out = []
    big = p.get("deals") == "1000000"
    if cls == "FunnelReportBench" and big:
        tag = f"w{'1' if p.get('asOf') == 'latest' else '2'} 1M deals"
        e1, e2 = sec("engine1Thread"), sec("engineParallel2")
        d1, d2, s = sec("duckdb1Thread"), sec("duckdb2Threads"), sec("streams")
        if e1 and d1:
            out.append((f"{tag}: vs DuckDB, 1 thread", f"{d1 / e1:.1f}x", ">= 10x", d1 / e1 >= 10))
        if e2 and d2:
            out.append((f"{tag}: vs DuckDB, 2 threads", f"{d2 / e2:.1f}x", ">= 10x", d2 / e2 >= 10))
        if e1 and s:
            out.append((f"{tag}: vs Streams", f"{s / e1:.1f}x", ">= 50x", s / e1 >= 50))
        if e1 and n:
            what = "changes seen/s per core" if p.get("asOf") == "past" else "changes/s per core"
            out.append((f"{tag}: {what}", human(n / e1), ">= 100M", n / e1 >= 1e8))
        if e1 and e2:
            out.append((f"{tag}: parallel speed-up, 2 cores", f"{e1 / e2:.2f}x", ">= 1.7x", e1 / e2 >= 1.7))
    if cls == "SequenceBench":
        e1, d1 = sec("engine1Thread"), sec("duckdb1Thread")
        e2, d2 = sec("engineParallel2"), sec("duckdb2Threads")
        if e1 and d1:
            out.append((f"w3 {p.get('events')} events: vs DuckDB, 1 thread", f"{d1 / e1:.1f}x", ">= 10x", d1 / e1 >= 10))
        if e2 and d2:
            out.append((f"w3 {p.get('events')} events: vs DuckDB, 2 threads", f"{d2 / e2:.1f}x", ">= 10x", d2 / e2 >= 10))
    if cls == "LiveAppendBench" and n:
        a = sec("appendOnly")
        if a:
            out.append((f"w4 {n} changes: appended per second (appendOnly)", human(n / a), ">= 10M", n / a >= 1e7))
    if cls == "CsvIngestBench" and n:
        e = sec("engine")
        if e:
            out.append((f"w5 {n} rows: CSV rows per second per core", human(n / e), ">= 1M", n / e >= 1e6))
    return out


if __name__ == "__main__":
    main()
