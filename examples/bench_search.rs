//! In-process search latency over the prepared peer-benchmark archive (25,094 Reuters and
//! Yahoo articles, `../shared/bench/prepare_corpus.py`) and its 200 queries: p50 and p95 of
//! plain queries, phrase queries, and plain queries with three facet counts (person, country,
//! topic), each search with snippets and stored fields of the top 10 hits, as `search --json`
//! computes them.
//!
//! ```sh
//! bench/peers.sh --out /tmp/newsindex-bench           # prepares the archive and its index
//! cargo run --release --example bench_search -- /tmp/newsindex-bench
//! ```
//! The index `OUT/idx-newsindex` is built when absent.

use std::path::{Path, PathBuf};
use std::time::Instant;

use newsindex::entities::EntityKind;
use newsindex::index::build::{BuildOptions, NoProgress, build_index};
use newsindex::index::schema::FacetKind;
use newsindex::search::{SearchIndex, SearchRequest};

fn main() {
    let Some(out) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: bench_search PREPARED_DIR (the --out folder of bench/peers.sh)");
        std::process::exit(2);
    };
    let Ok(queries) = std::fs::read_to_string(out.join("queries.txt")) else {
        eprintln!(
            "bench_search: {} has no queries.txt; run bench/peers.sh --out {} first",
            out.display(),
            out.display()
        );
        std::process::exit(1);
    };
    let index_dir = out.join("idx-newsindex");
    ensure_index(&out, &index_dir);
    let index = SearchIndex::open(&index_dir, None).expect("open the index");
    let queries: Vec<&str> = queries.lines().filter(|q| !q.trim().is_empty()).collect();
    let (phrases, plain): (Vec<&str>, Vec<&str>) = queries.iter().partition(|q| q.contains('"'));
    let facets = vec![
        FacetKind::Entity(EntityKind::Person),
        FacetKind::Entity(EntityKind::Country),
        FacetKind::Entity(EntityKind::Topic),
    ];
    println!(
        "in-process latency, {} plain and {} phrase queries, top 10 with snippets",
        plain.len(),
        phrases.len()
    );
    println!("| queries | p50 ms | p95 ms |");
    println!("| --- | ---: | ---: |");
    for (label, list, kinds) in [
        ("plain", &plain, Vec::new()),
        ("phrase", &phrases, Vec::new()),
        (
            "plain + person, country counts",
            &plain,
            facets[..2].to_vec(),
        ),
        ("plain + 3 facet counts", &plain, facets),
    ] {
        let (p50, p95) = latencies(&index, list, &kinds);
        println!("| {label} | {p50:.2} | {p95:.2} |");
    }
}

fn ensure_index(out: &Path, index_dir: &Path) {
    if index_dir.join("meta.json").is_file() {
        return;
    }
    let options = BuildOptions {
        index_dir: index_dir.to_path_buf(),
        ..BuildOptions::default()
    };
    build_index(&[out.join("archive")], &options, &NoProgress).expect("build the index");
}

/// p50 and p95 in milliseconds over the last of three passes (the first two warm caches).
fn latencies(index: &SearchIndex, queries: &[&str], facets: &[FacetKind]) -> (f64, f64) {
    let mut times = Vec::new();
    for pass in 0..3 {
        times.clear();
        for query in queries {
            let request = SearchRequest {
                query: query.to_string(),
                limit: 10,
                facets: facets.to_vec(),
                facet_limit: 10,
                ..SearchRequest::default()
            };
            let started = Instant::now();
            let results = index.search(&request).expect("search");
            times.push(started.elapsed().as_secs_f64() * 1000.0);
            if pass == 2 {
                std::hint::black_box(results);
            }
        }
    }
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() as f64 * q).ceil() as usize).clamp(1, times.len()) - 1];
    (at(0.50), at(0.95))
}
