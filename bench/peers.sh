#!/usr/bin/env bash
# Side-by-side benchmark of newsindex against tantivy-cli, SQLite FTS5, Xapian and ripgrep, in
# one run, on the real-news archive that ../shared/bench/prepare_corpus.py builds (25,094
# Reuters-21578 and Yahoo Finance articles, 200 queries).
#
# usage: bench/peers.sh [--out DIR] [--scale N] [--install] [--systems LIST]
#   --out DIR     where the archive, indexes and results go (default: /tmp/newsindex-bench)
#   --scale N     N copies of the archive (throughput and memory only; see ../shared/bench)
#   --install     install the peers first (apt-get and cargo install; about 8 minutes once)
#   --systems L   subset, e.g. sqlite-fts5,newsindex
#
# The shared folder defaults to ../shared beside this checkout; set NEWSINDEX_SHARED to move it.
# When it is absent the script says so and exits 1: there is nothing to measure against.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${NEWSINDEX_SHARED:-$root/../shared}"
out="/tmp/newsindex-bench" scale=1 peers_args=()
while [ $# -gt 0 ]; do
    case "$1" in
        --out) out="${2:?--out needs a folder}"; shift 2 ;;
        --scale) scale="${2:?--scale needs a number}"; shift 2 ;;
        --install) peers_args+=(--install); shift ;;
        --systems) peers_args+=(--systems "${2:?--systems needs a list}"); shift 2 ;;
        -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench/peers.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
for need in bench/prepare_corpus.py bench/peers.sh corpora/reuters21578 corpora/yahoo-finance-news; do
    if [ ! -e "$shared/$need" ]; then
        echo "bench/peers.sh: $shared/$need is absent; the benchmark needs ../shared (set NEWSINDEX_SHARED)" >&2
        exit 1
    fi
done

echo "+ cargo build --release"
(cd "$root" && cargo build --release -q)
mkdir -p "$out"
if [ ! -f "$out/manifest.json" ] || ! grep -q "\"scale\": $scale\b" "$out/manifest.json"; then
    rm -rf "$out/archive"
    python3 "$shared/bench/prepare_corpus.py" --reuters "$shared/corpora/reuters21578" \
        --yahoo "$shared/corpora/yahoo-finance-news" --out "$out" --scale "$scale" >/dev/null
fi
rm -rf "$out/idx-newsindex"
"$shared/bench/peers.sh" "$out" --newsindex "$root/target/release/newsindex" "${peers_args[@]}"
