#!/usr/bin/env bash
# What entity extraction costs: indexes the prepared Reuters-21578 archive (20,841 stories)
# with extraction on and off, RUNS times each, alternating, and prints the median wall times
# and the overhead. Uses the archive that bench/peers.sh prepares (../shared/bench).
#
# usage: bench/extraction.sh [--out DIR] [--runs N]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${NEWSINDEX_SHARED:-$root/../shared}"
out="/tmp/newsindex-bench" runs=5
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
time_one() {
    local start end
    start=$(date +%s.%N)
    "$bin" index "$archive" --index "$idx/i" --rebuild -q "$@" >/dev/null
    end=$(date +%s.%N)
    echo "$end - $start" | bc -l 2>/dev/null || python3 -c "print($end - $start)"
}
on=() off=()
time_one >/dev/null   # warm the page cache
for _ in $(seq "$runs"); do
    on+=("$(time_one)")
    off+=("$(time_one --no-entities)")
done
python3 - "${on[*]}" "${off[*]}" <<'PY'
import statistics, sys
on = [float(x) for x in sys.argv[1].split()]
off = [float(x) for x in sys.argv[2].split()]
m_on, m_off = statistics.median(on), statistics.median(off)
print(f"index Reuters-21578 (20,841 stories), median of {len(on)} runs")
print("| extraction | wall s | runs |")
print("| --- | ---: | --- |")
print(f"| on  | {m_on:.2f} | {' '.join(f'{x:.2f}' for x in on)} |")
print(f"| off | {m_off:.2f} | {' '.join(f'{x:.2f}' for x in off)} |")
print(f"extraction adds {100 * (m_on - m_off) / m_on:.1f}% of indexing time ({m_on - m_off:.2f} s)")
PY
