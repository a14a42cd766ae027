#!/usr/bin/env python3
"""Turn one bench/run.sh result folder into markdown tables: medians over repeats with (min–max).

Usage: summarize.py RESULTS_DIR > summary.md
Reads run.log (INDEX, TIKA_ONLY, PDFTOTEXT, STARTUP, LOAD, MEMORY lines), solr-*.txt (run-peer.sh
output), jmh-*.json and serve-*.samples (JFR execution samples printed by `jfr print`).
"""
import collections, glob, json, os, re, statistics, sys

D = sys.argv[1]


def kv(line):
    return dict(re.findall(r"(\S+?)=(\S+)", line))


def num(s):
    return float(re.sub(r"[^0-9.eE+-]", "", s)) if s is not None else float("nan")


def med(xs):
    xs = [x for x in xs if x == x]
    if not xs:
        return "n/a"
    m = statistics.median(xs)
    f = (lambda v: "%.3g" % v) if m < 100 else (lambda v: "%.0f" % v)
    return f(m) if len(xs) == 1 else "%s (%s–%s)" % (f(m), f(min(xs)), f(max(xs)))


def medv(xs):
    xs = [x for x in xs if x == x]
    return statistics.median(xs) if xs else float("nan")


log = open(os.path.join(D, "run.log"), encoding="utf-8").read().splitlines()
env = open(os.path.join(D, "env.txt"), encoding="utf-8").read()
print("# Benchmark run %s\n" % os.path.basename(D))
print("```\n" + env.strip() + "\n```\n")

# ---- indexing
idx = collections.defaultdict(list)
tika = collections.defaultdict(list)
pdft = {}
for l in log:
    if l.startswith("INDEX "):
        k = kv(l); idx[(k["corpus"], k["workers"])].append(k)
    elif l.startswith("TIKA_ONLY "):
        k = kv(l); tika[(k["corpus"], k["workers"])].append(k)
    elif l.startswith("PDFTOTEXT corpus="):
        k = kv(l); pdft[(k["corpus"], k["procs"])] = k
print("## Indexing (end to end, fresh index) against Tika-only extraction\n")
print("Medians over repeats, (min–max). Tika-only = the indexer's walk + hash + detection + forked Tika "
      "workers, no recognition and no index (`org.stdsearch.index.TikaOnlyExtraction`).\n")
print("| corpus | workers | docs | MB | ours docs/s | ours MB/s | extraction s (summed) | recognition+indexing s (summed) | Tika-only docs/s | ours / Tika-only | index size / input | load avg |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|")
ours_e2e = {}
for (c, w), rs in sorted(idx.items()):
    t = tika.get((c, w), [])
    od = [num(r["docs/s"]) for r in rs]
    td = [num(x["docs/s"]) for x in t]
    ours_e2e[(c, w)] = medv(od)
    ratio = medv(od) / medv(td) if td else float("nan")
    size = medv([num(r["index_bytes"]) / num(r["bytes"]) for r in rs])
    print("| %s | %s | %s | %.1f | %s | %s | %s | %s | %s | %.2f | %.2f | %s |" % (
        c, w, rs[0]["docs"], num(rs[0]["bytes"]) / 1e6, med(od), med([num(r["MB/s"]) for r in rs]),
        med([num(r["extract_s"]) for r in rs]), med([num(r["index_s"]) for r in rs]), med(td), ratio, size,
        " ".join(r["load"] for r in rs)))
fails = [l for l in log if l.startswith("INDEX_FAILED")]
if fails:
    print("\nIndex runs that failed (each retried; see index-*-failed*.out):\n")
    for l in fails:
        print("- `%s`" % l[:300])
if pdft:
    print("\npdftotext (poppler) on the PDFs of the corpus, the floor for PDF extraction:\n")
    print("| corpus | processes | files | pages | MB | pages/s | MB/s |")
    print("|---|---|---|---|---|---|---|")
    for (c, p), k in sorted(pdft.items()):
        print("| %s | %s | %s | %s | %s | %s | %s |" % (c, p, k["files"], k["pages"], k["bytes"], k["pages/s"], k["MB/s"]))

# ---- JMH
print("\n## In-process query latency (JMH, SampleTime, 1 thread, ms)\n")
print("`service` = LuceneSearchService.search with facets field+year and snippets; `floor` = bare IndexSearcher, "
      "same parsed query + standard filter, top 10, nothing else. `*YearRange` add a year filter 2005–2018 "
      "(service: field facet only).\n")
for f in sorted(glob.glob(os.path.join(D, "jmh-*.json"))):
    c = os.path.basename(f)[4:-5]
    try:
        rows = json.load(open(f))
    except ValueError:
        continue
    res = {}
    for r in rows:
        b = r["benchmark"].rsplit(".", 1)[1]
        kind = r.get("params", {}).get("kind", "")
        p = r["primaryMetric"]
        res[(b, kind)] = (p["score"], p["scorePercentiles"].get("50.0"), p["scorePercentiles"].get("99.0"))
    print("### %s\n" % c)
    print("| kind | service p50 / p99 | floor p50 / p99 | service/floor (mean) | suggest p50 / p99 | year-range service p50 / p99 | floor p50 / p99 |")
    print("|---|---|---|---|---|---|---|")
    for kind in sorted({k for _, k in res}):
        def cell(b):
            v = res.get((b, kind))
            return "%.2f / %.2f" % (v[1], v[2]) if v else "n/a"
        s, fl = res.get(("service", kind)), res.get(("floor", kind))
        ratio = "%.1f×" % (s[0] / fl[0]) if s and fl and fl[0] > 0 else "n/a"
        print("| %s | %s | %s | %s | %s | %s | %s |" % (kind, cell("service"), cell("floor"), ratio, cell("suggest"),
                                                      cell("serviceYearRange"), cell("floorYearRange")))
    print()

# ---- HTTP
print("## HTTP (wrk + shared/peers/load.lua, 1 wrk thread, loopback)\n")
startup = collections.defaultdict(list)
loads = {}
mem = {}
for l in log:
    if l.startswith("STARTUP corpus="):
        k = kv(l); startup[k["corpus"]].append(num(k["first_answer"]))
    elif l.startswith("LOAD ours") or l.startswith("LOAD peerq"):
        tag = l.split()[1]; k = kv(l); loads[(tag, k["conns"])] = k
    elif l.startswith("MEMORY corpus="):
        k = kv(l); mem[k["corpus"]] = k
print("| list | conns | requests | QPS | p50 ms | p90 ms | p99 ms | server CPU ms/request | non-2xx | load avg |")
print("|---|---|---|---|---|---|---|---|---|---|")
for (tag, c), k in sorted(loads.items(), key=lambda x: (x[0][0], int(x[0][1]))):
    print("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (tag, c, k["requests"], k["qps"], k["p50"], k["p90"],
                                                              k["p99"], k.get("cpu_ms_per_req", "n/a"), k["non2xx"],
                                                              k.get("load", "")))
print("\n| corpus | start → first answer, s (median, min–max) | heap used after GC | RSS now / peak (-Xmx1g) |")
print("|---|---|---|---|")
for c in sorted(startup):
    m = mem.get(c.replace("-cds", ""), {})
    print("| %s | %s | %s | %s / %s |" % (c, med(startup[c]), m.get("heap_used_after_gc", "n/a"), m.get("rss_now", "n/a"),
                                         m.get("rss_peak", "n/a")))

# ---- Solr
solr = {}
for f in sorted(glob.glob(os.path.join(D, "solr-*.txt"))):
    c = os.path.basename(f)[5:-4]
    s = {}
    for l in open(f, encoding="utf-8"):
        if l.startswith("INDEXING_SUMMARY"):
            s["idx"] = kv(l)
        elif l.startswith("LOAD peer="):
            s["load" + kv(l)["conns"]] = kv(l)
        elif l.startswith("INDEX_SIZE"):
            s["size"] = l.strip()
        elif l.startswith("EXTRACT "):
            s["extract"] = kv(l)
        elif l.startswith("MEMORY"):
            s["mem"] = l.strip()
    solr[c] = s
if solr:
    print("\n## Side by side with Solr 9.10.1 (same documents, same queries.tsv, same wrk settings)\n")
    print("| corpus | conns | Solr QPS | ours QPS | QPS ratio | Solr p99 ms | ours p99 ms | p99 ratio |")
    print("|---|---|---|---|---|---|---|---|")
    for c, s in sorted(solr.items()):
        for conns in ("1", "4"):
            for variant, label in (("", "3 passages/hit"), ("-nosnip", "no passages (as Solr)")):
                a, b = s.get("load" + conns), loads.get(("peerq-" + c + variant, conns))
                if a and b:
                    print("| %s (%s) | %s | %s | %s | %.2f | %s | %s | %.2f |" % (c, label, conns, a["qps"], b["qps"],
                          num(b["qps"]) / num(a["qps"]), a["p99"], b["p99"], num(b["p99"]) / num(a["p99"])))
    print("\n| corpus | Solr end-to-end docs/s (Tika client + /update) | ours end-to-end docs/s (2 workers) | ratio | Solr index size |")
    print("|---|---|---|---|---|")
    for c, s in sorted(solr.items()):
        if "idx" in s:
            a = num(s["idx"]["end_to_end_docs/s"]); b = ours_e2e.get((c, "2"), float("nan"))
            print("| %s | %.1f | %.2f | %.2f | %s |" % (c, a, b, b / a, s.get("size", "")))

# ---- JFR
for f in sorted(glob.glob(os.path.join(D, "serve-*.samples"))):
    c = os.path.basename(f)[6:-8]
    txt = open(f, encoding="utf-8", errors="replace").read().split("jdk.ExecutionSample")[1:]
    if not txt:
        continue
    top, incl = collections.Counter(), collections.Counter()
    for e in txt:
        frames = re.findall(r"^\s+([\w.$<>]+)\(", e, re.M)
        if frames:
            top[frames[0]] += 1
        for fr in set(frames):
            if fr.startswith("org.stdsearch") or ".facet." in fr or "highlight" in fr or "undertow" in fr:
                incl[fr] += 1
    n = len(txt)
    print("\n## JFR, server under c=8 on %s: %d execution samples\n" % (c, n))
    print("| self % | top frame |\n|---|---|")
    for fr, k in top.most_common(12):
        print("| %.1f | `%s` |" % (100 * k / n, fr))
    print("\n| inclusive % | project / facet / highlight / undertow frame |\n|---|---|")
    for fr, k in incl.most_common(15):
        print("| %.1f | `%s` |" % (100 * k / n, fr))
