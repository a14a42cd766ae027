#!/usr/bin/env python3
"""Tables from one bench/side-by-side.sh result folder: medians over rounds with (min–max).

Usage: sbs-summary.py RESULTS_DIR > summary.md
Reads run.log: INDEX (ours), LOAD ours-like / ours-shipped, and the SOLR-prefixed lines of
run-peer.sh (INDEXING_SUMMARY, INDEX_SIZE, LOAD).
"""
import collections, os, re, statistics, sys

D = sys.argv[1]


def kv(line):
    return dict(re.findall(r"(\S+?)=(\S+)", line))


def num(s):
    return float(re.sub(r"[^0-9.eE+-]", "", s))


def med(xs):
    return statistics.median(xs) if xs else float("nan")


def fmt(xs, digits=None):
    if not xs:
        return "—"
    f = (lambda v: ("%." + str(digits) + "f") % v) if digits is not None else (
        lambda v: "%.3g" % v if abs(v) < 100 else "%.0f" % v)
    m = med(xs)
    return f(m) if len(xs) == 1 else "%s (%s–%s)" % (f(m), f(min(xs)), f(max(xs)))


def ratio(a, b):
    return "%.2f" % (med(a) / med(b)) if a and b and med(b) else "—"


log = open(os.path.join(D, "run.log"), encoding="utf-8").read().splitlines()
print("# Side by side with Solr 9.10.1: %s\n" % os.path.basename(D))
print("```\n" + open(os.path.join(D, "env.txt"), encoding="utf-8").read().strip() + "\n```\n")

ours_idx = collections.defaultdict(lambda: collections.defaultdict(list))   # (corpus, jar) -> metric -> values
solr_idx = collections.defaultdict(lambda: collections.defaultdict(list))   # corpus -> metric -> values
loads = collections.defaultdict(lambda: collections.defaultdict(list))      # (corpus, who, conns) -> metric -> values
jars, corpora = [], []
for l in log:
    if l.startswith("INDEX "):
        k = kv(l)
        key = (k["corpus"], k["jar"])
        if k["jar"] not in jars:
            jars.append(k["jar"])
        if k["corpus"] not in corpora:
            corpora.append(k["corpus"])
        ours_idx[key]["docs/s"].append(num(k["docs/s"]))
        ours_idx[key]["time"].append(num(k["time"]))
        ours_idx[key]["mb"].append(num(k["index_mb"]))
        ours_idx[key]["load"].append(num(k["load"].split("..")[0]))
    elif l.startswith("SOLR "):
        k = kv(l)
        c = k["corpus"]
        if c not in corpora:
            corpora.append(c)
        if " INDEXING_SUMMARY " in l:
            solr_idx[c]["docs/s"].append(num(k["end_to_end_docs/s"]))
            solr_idx[c]["time"].append(num(k["end_to_end"]))
            solr_idx[c]["extract"].append(num(k["extract"]))
            solr_idx[c]["index"].append(num(k["index"]))
        elif " INDEX_SIZE " in l:
            solr_idx[c]["mb"].append(num(k["lucene"]))
        elif " LOAD " in l:
            m = loads[(c, "solr", k["conns"])]
            for f in ("qps", "p50", "p99"):
                m[f].append(num(k[f]))
            m["non2xx"].append(num(k["non2xx"]))
    elif l.startswith("LOAD ours-"):
        k = kv(l)
        who = l.split()[1] + ":" + k["jar"]
        m = loads[(k["corpus"], who, k["conns"])]
        for f in ("qps", "p50", "p99", "cpu_ms_per_req", "load"):
            m[f].append(num(k[f]))
        m["non2xx"].append(num(k["non2xx"]))

for c in corpora:
    print("## %s\n" % c)
    print("### Indexing and size\n")
    print("| | end-to-end docs/s | time s | index MB | vs Solr: speed | vs Solr: size |")
    print("|---|---|---|---|---|---|")
    s = solr_idx.get(c, {})
    if s:
        print("| Solr 9.10.1 (Tika %s s + /update %s s) | %s | %s | %s | | |" % (
            fmt(s["extract"]), fmt(s["index"]), fmt(s["docs/s"]), fmt(s["time"]), fmt(s["mb"])))
    for j in jars:
        o = ours_idx.get((c, j))
        if o:
            print("| stdsearch `%s` (load %s) | %s | %s | %s | **%s×** | **%s×** |" % (
                j, fmt(o["load"]), fmt(o["docs/s"]), fmt(o["time"]), fmt(o["mb"]),
                ratio(o["docs/s"], s.get("docs/s")), ratio(o["mb"], s.get("mb"))))
    print()
    conns = sorted({k[2] for k in loads if k[0] == c}, key=int)
    whos = [w for w in dict.fromkeys(k[1] for k in loads if k[0] == c) if w != "solr"]
    print("### Queries (the peer's queries.tsv: 1–2 terms + year range + facet on field, 10 rows)\n")
    print("| conns | who | QPS | p50 ms | p99 ms | server CPU ms/req | QPS vs Solr | p99 vs Solr | non-2xx |")
    print("|---|---|---|---|---|---|---|---|---|")
    for n in conns:
        sl = loads.get((c, "solr", n), {})
        if sl:
            print("| %s | Solr | %s | %s | %s | | | | %d |" % (n, fmt(sl["qps"]), fmt(sl["p50"]), fmt(sl["p99"]),
                                                       sum(sl["non2xx"])))
        for w in whos:
            m = loads.get((c, w, n))
            if not m:
                continue
            print("| %s | %s | %s | %s | %s | %s | **%s×** | **%s×** | %d |" % (
                n, w.replace("ours-like", "ours, like for like").replace("ours-shipped", "ours, as shipped"),
                fmt(m["qps"]), fmt(m["p50"]), fmt(m["p99"]), fmt(m["cpu_ms_per_req"]),
                ratio(m["qps"], sl.get("qps")), ratio(m["p99"], sl.get("p99")), sum(m["non2xx"])))
    print()
