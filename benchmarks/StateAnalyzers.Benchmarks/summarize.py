#!/usr/bin/env python3
"""Derived tables for docs/performance.md from BenchmarkDotNet's CSV reports.

Usage: summarize.py BenchmarkDotNet.Artifacts/results
Prints, per corpus size, each analyzer set's mean and median time and allocations, its added cost over the floor
(set - Floor), that added cost as a share of the floor, and StateAnalyzers' added cost as a ratio to each peer's;
then the request benchmarks with each pipeline's cost over the bare pipeline.
"""
import csv
import glob
import os
import sys

TIME = {"ns": 1e-9, "us": 1e-6, "μs": 1e-6, "ms": 1e-3, "s": 1.0}
SIZE = {"B": 1, "KB": 1024, "MB": 1024 ** 2, "GB": 1024 ** 3}


def number(text, units):
    text = text.replace(",", "").strip()
    if text in ("-", "NA", ""):
        return 0.0
    value, unit = text.split()
    return float(value) * units[unit]


def rows(directory, name):
    files = glob.glob(os.path.join(directory, f"*{name}-report.csv"))
    if not files:
        return []
    with open(files[0], newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def analyzers(directory):
    data = rows(directory, "AnalyzerBenchmarks")
    if not data:
        return
    peers = ["SecurityCodeScan", "Sonar", "NetAnalyzers"]
    for files in sorted({int(r["Files"]) for r in data}):
        at = {r["Set"]: r for r in data if int(r["Files"]) == files}
        floor = at["Floor"]
        floor_time, floor_alloc = number(floor["Median"], TIME), number(floor["Allocated"], SIZE)
        print(f"\n### {files} files\n")
        print("| Set | Mean | Median | Allocated | Added time (median) | Added allocations | Added time / floor | Added allocations / floor |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        added = {}
        for name, r in at.items():
            t, a = number(r["Median"], TIME), number(r["Allocated"], SIZE)
            added[name] = (t - floor_time, a - floor_alloc)
            extra = "" if name == "Floor" else f"{added[name][0] * 1000:+.0f} ms | {added[name][1] / 2**20:+.1f} MB | {100 * added[name][0] / floor_time:+.1f}% | {100 * added[name][1] / floor_alloc:+.1f}%"
            if name == "Floor":
                extra = "— | — | — | —"
            print(f"| {name} | {r['Mean']} | {r['Median']} | {r['Allocated']} | {extra} |")
        ours = added.get("StateAnalyzers")
        if ours:
            print("\nStateAnalyzers' added cost as a ratio to each peer's (below 1 = cheaper; n/a where an added time came out at or below zero, i.e. inside the noise):\n")
            print("| Peer | Time ratio | Allocation ratio |")
            print("|---|---:|---:|")
            for peer in peers:
                if peer in added:
                    t = f"{ours[0] / added[peer][0]:.2f}" if added[peer][0] > 0 and ours[0] > 0 else "n/a"
                    a = f"{ours[1] / added[peer][1]:.2f}" if added[peer][1] > 0 else "n/a"
                    print(f"| {peer} | {t} | {a} |")


def requests(directory):
    data = rows(directory, "RequestBenchmarks")
    if not data:
        return
    print("\n### Requests\n")
    print("| Cookies | Pipeline | Mean | Median | Allocated | Over bare (median) | Over bare (allocated) |")
    print("|---:|---|---:|---:|---:|---:|---:|")
    for cookies in sorted({int(r["Cookies"]) for r in data}):
        at = {r["Pipeline"]: r for r in data if int(r["Cookies"]) == cookies}
        bare = at["Bare"]
        for name in ["Bare", "CookiePolicy", "StateGuard"]:
            r = at[name]
            t = number(r["Median"], TIME) - number(bare["Median"], TIME)
            a = number(r["Allocated"], SIZE) - number(bare["Allocated"], SIZE)
            over = "—" if name == "Bare" else f"{t * 1e9:+.0f} ns"
            over_a = "—" if name == "Bare" else f"{a:+.0f} B"
            print(f"| {cookies} | {name} | {r['Mean']} | {r['Median']} | {r['Allocated']} | {over} | {over_a} |")


if __name__ == "__main__":
    results = sys.argv[1] if len(sys.argv) > 1 else "BenchmarkDotNet.Artifacts/results"
    analyzers(results)
    requests(results)
