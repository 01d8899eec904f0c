#!/usr/bin/env bash
# What entity extraction costs: indexes the prepared Reuters-21578 archive (20,841 stories)
# with extraction on and off, RUNS times each, alternating, each into a fresh index, and
# prints the median wall and processor times and the overhead. Uses the archive that
# bench/peers.sh prepares (../shared/bench).
#
# usage: bench/extraction.sh [--out DIR] [--runs N]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${NEWSINDEX_SHARED:-$root/../shared}"
out="/tmp/newsindex-bench" runs=9
while [ $# -gt 0 ]; do
    case "$1" in
        --out) out="${2:?--out needs a folder}"; shift 2 ;;
        --runs) runs="${2:?--runs needs a number}"; shift 2 ;;
        -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench/extraction.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
if [ ! -f "$out/manifest.json" ]; then
    if [ ! -e "$shared/bench/prepare_corpus.py" ]; then
        echo "bench/extraction.sh: $shared/bench is absent; the benchmark needs ../shared (set NEWSINDEX_SHARED)" >&2
        exit 1
    fi
    mkdir -p "$out"
    python3 "$shared/bench/prepare_corpus.py" --reuters "$shared/corpora/reuters21578" \
        --yahoo "$shared/corpora/yahoo-finance-news" --out "$out" >/dev/null
fi
(cd "$root" && cargo build --release -q)
bin="${CARGO_TARGET_DIR:-$root/target}/release/newsindex"
archive="$out/archive/reuters"
idx="$(mktemp -d)"
trap 'rm -rf "$idx"' EXIT
# Each run indexes into a fresh folder, so that neither kind pays for removing the last
# run's index. Wall time and processor time (user + system, all threads) come from Python's
# resource accounting, which every machine with python3 has.
python3 - "$bin" "$archive" "$idx" "$runs" <<'PY'
import os, resource, shutil, statistics, subprocess, sys, time

binary, archive, idx, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])

def one(extra):
    target = os.path.join(idx, "i")
    shutil.rmtree(target, ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([binary, "index", archive, "--index", target, "-q", *extra],
                   check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu

one([])  # warm the page cache
on, off = [], []
for _ in range(runs):
    on.append(one([]))
    off.append(one(["--no-entities"]))
median = lambda xs, k: statistics.median(x[k] for x in xs)
print(f"index Reuters-21578 (20,841 stories), median of {runs} alternating runs")
print("| extraction | wall s | processor s | wall times |")
print("| --- | ---: | ---: | --- |")
for name, xs in (("on", on), ("off", off)):
    walls = " ".join(f"{w:.2f}" for w, _ in xs)
    print(f"| {name} | {median(xs, 0):.2f} | {median(xs, 1):.2f} | {walls} |")
for k, what in ((0, "indexing time"), (1, "processor time")):
    m_on, m_off = median(on, k), median(off, k)
    print(f"extraction adds {100 * (m_on - m_off) / m_on:.1f}% of {what} "
          f"({m_on - m_off:.2f} s; on / off {m_on / m_off:.2f})")
PY
