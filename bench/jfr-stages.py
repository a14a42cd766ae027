#!/usr/bin/env python3
"""Where the CPU of a JFR recording goes, by stage, plus the top frames. A sample whose stack holds a
merge or a segment flush anywhere counts for that; any other sample counts for the stage of its
innermost frame that names one (so a tokenizer under the pairs recorder counts as analysis).

Usage: jfr-stages.py RECORDING.jfr... [top-N]      (needs `jfr` from the JDK on PATH)

Several recordings (the indexer and its extraction workers, each a JVM of its own) are counted
together, with each recording's share of all samples: samples are taken of running threads only,
so the shares are shares of CPU time.
"""
import collections, re, subprocess, sys

# Anywhere on the stack, in this order.
WHOLE = [
    ("merge", r"\.(MergeThread|ConcurrentMergeScheduler)|IndexWriter\.merge"),
    ("flush (segment write)", r"DocumentsWriterPerThread\.flush|DocumentsWriter\.doFlush"),
]
# From the innermost frame outwards: the first frame that names a stage decides.
STAGES = [
    ("token pairs", r"org\.stdsearch\.index\.TokenPairs"),
    ("analysis (tokenizer, filters)", r"org\.apache\.lucene\.analysis\."),
    ("inversion (term hash, postings in RAM)", r"org\.apache\.lucene\.index\.(TermsHash|FreqProxTermsWriter|IndexingChain\$PerField\.invert)"),
    ("doc values and stored fields (in RAM)", r"org\.apache\.lucene\.index\.(BinaryDocValuesWriter|SortedSetDocValuesWriter|StoredFieldsConsumer|IndexingChain\.indexDocValue)|Lucene90CompressingStoredFieldsWriter"),
    ("other indexing chain", r"org\.apache\.lucene\.index\.(IndexingChain|DocumentsWriter|IndexWriter)"),
    ("lucene document build", r"org\.stdsearch\.index\.(LuceneDocuments|Schema|MetadataCodec)"),
    ("facets config build", r"org\.apache\.lucene\.facet"),
    ("recognition", r"org\.stdsearch\.recognise\."),
    ("classification", r"org\.stdsearch\.classify\."),
    ("worker IPC (JSON, pipes)", r"com\.fasterxml\.jackson|ForkedExtractor\$Worker\.(pump|request)|ExtractionWorker\.main"),
    ("Tika parse", r"org\.apache\.tika|org\.ccil|org\.apache\.xerces|com\.sun\.org\.apache\.xerces|org\.apache\.james|org\.apache\.commons\.io|TikaExtractor|PageTextHandler"),
    ("hash and type detection", r"Indexer\.sha256|DocumentTypes|sun\.security\.provider"),
    ("search: highlight", r"org\.stdsearch\.search(\.lucene)?\.Snippets|uhighlight"),
    ("search: facets", r"DrillSideways|FacetsCollector|SortedSetDocValuesFacetCounts|FieldLabels"),
    ("search: query parse and glossary", r"UserQueryParser|Glossary|QueryBuilder"),
    ("search: matching and scoring", r"org\.apache\.lucene\.search\."),
    ("search: hit records and JSON", r"MetadataCodec|SearchExecution\.hit|com\.fasterxml|JsonResponses"),
    ("http (undertow, xnio)", r"io\.undertow|org\.xnio"),
]


def samples(path):
    out = subprocess.run(["jfr", "print", "--stack-depth", "96", "--events", "jdk.ExecutionSample", path],
                         capture_output=True, text=True, check=True).stdout
    for block in out.split("jdk.ExecutionSample")[1:]:
        thread = re.search(r'sampledThread = "([^"]*)"', block)
        frames = re.findall(r"^\s+([\w$.<>/]+\.[\w$<>]+)\(", block, re.M)
        yield (thread.group(1) if thread else "?"), frames


def main():
    args = sys.argv[1:]
    top = int(args.pop()) if args and args[-1].isdigit() else 25
    stages, selfs, threads, per_file = collections.Counter(), collections.Counter(), collections.Counter(), collections.Counter()
    n = 0
    whole = [(name, re.compile(rx)) for name, rx in WHOLE]
    compiled = [(name, re.compile(rx)) for name, rx in STAGES]
    for path in args:
        for thread, frames in samples(path):
            n += 1
            per_file[path] += 1
            threads[re.sub(r"[-#]?\d+$", "", thread)] += 1
            if frames:
                selfs[frames[0]] += 1
            stage = next((name for name, rx in whole if any(rx.search(f) for f in frames)), None)
            if stage is None:
                stage = next((name for f in frames for name, rx in compiled if rx.search(f)), "other")
            stages[stage] += 1
    print("samples: %d" % n)
    for path, c in per_file.most_common():
        print("  %5.1f%%  %s" % (100.0 * c / max(n, 1), path))
    print("\nby stage (a sample counts once, for the first stage listed whose frame is on its stack):")
    for name, c in stages.most_common():
        print("  %5.1f%%  %s" % (100.0 * c / max(n, 1), name))
    print("\nby thread:")
    for name, c in threads.most_common(12):
        print("  %5.1f%%  %s" % (100.0 * c / max(n, 1), name))
    print("\ntop frames (self):")
    for f, c in selfs.most_common(top):
        print("  %5.1f%%  %s" % (100.0 * c / max(n, 1), f))


if __name__ == "__main__":
    main()
