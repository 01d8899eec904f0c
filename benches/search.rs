//! Search latency over the prepared peer-benchmark archive (25,094 Reuters and Yahoo
//! articles from `../shared/bench/prepare_corpus.py`) and its 200 queries, in process: plain
//! queries, phrase queries, and plain queries with three facet counts (person, country,
//! topic), each with snippets and stored fields of the top 10 hits as `search --json`
//! computes them.
//!
//! ```sh
//! bench/peers.sh --out /tmp/newsindex-bench     # prepares the archive (and runs the peers)
//! NEWSINDEX_BENCH_DIR=/tmp/newsindex-bench cargo bench --bench search
//! ```
//! First it prints p50 and p95 per query kind (the last of three passes over every query);
//! then criterion times one pass over each kind's queries. The index `DIR/idx-newsindex` is
//! built when absent. Without the prepared folder it says so and measures nothing.

use std::path::{Path, PathBuf};
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use newsindex::entities::EntityKind;
use newsindex::index::build::{BuildOptions, NoProgress, build_index};
use newsindex::index::schema::FacetKind;
use newsindex::search::{SearchIndex, SearchRequest};

/// The query sets: (label, queries, facet kinds counted).
type Kinds<'a> = Vec<(&'static str, Vec<&'a str>, Vec<FacetKind>)>;

fn prepared_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("NEWSINDEX_BENCH_DIR")
        .map_or_else(|| PathBuf::from("/tmp/newsindex-bench"), PathBuf::from);
    if dir.join("queries.txt").is_file() {
        return Some(dir);
    }
    eprintln!(
        "benches/search: {} holds no prepared archive (queries.txt); run bench/peers.sh --out {} \
         (needs ../shared) or set NEWSINDEX_BENCH_DIR. Nothing measured.",
        dir.display(),
        dir.display()
    );
    None
}

fn search_latency(c: &mut Criterion) {
    let Some(dir) = prepared_dir() else {
        return;
    };
    let index_dir = dir.join("idx-newsindex");
    ensure_index(&dir, &index_dir);
    let index = SearchIndex::open(&index_dir, None).expect("open the index");
    let text = std::fs::read_to_string(dir.join("queries.txt")).expect("read queries.txt");
    let queries: Vec<&str> = text.lines().filter(|q| !q.trim().is_empty()).collect();
    let (phrases, plain): (Vec<&str>, Vec<&str>) = queries.iter().partition(|q| q.contains('"'));
    let three = vec![
        FacetKind::Entity(EntityKind::Person),
        FacetKind::Entity(EntityKind::Country),
        FacetKind::Entity(EntityKind::Topic),
    ];
    let kinds: Kinds = vec![
        ("plain", plain.clone(), Vec::new()),
        ("phrase", phrases, Vec::new()),
        ("plain + 3 facet counts", plain, three),
    ];
    println!("in-process latency, top 10 with snippets");
    println!("| queries | n | p50 ms | p95 ms |");
    println!("| --- | ---: | ---: | ---: |");
    for (label, list, facets) in &kinds {
        let (p50, p95) = percentiles(&index, list, facets);
        println!("| {label} | {} | {p50:.2} | {p95:.2} |", list.len());
    }
    let mut group = c.benchmark_group("search pass");
    group.sample_size(10);
    for (label, list, facets) in &kinds {
        group.bench_function(*label, |b| {
            b.iter(|| {
                for query in list {
                    std::hint::black_box(run(&index, query, facets));
                }
            })
        });
    }
    group.finish();
}

fn ensure_index(dir: &Path, index_dir: &Path) {
    if index_dir.join("meta.json").is_file() && SearchIndex::open(index_dir, None).is_ok() {
        return;
    }
    let options = BuildOptions {
        index_dir: index_dir.to_path_buf(),
        rebuild: true,
        ..BuildOptions::default()
    };
    build_index(&[dir.join("archive")], &options, &NoProgress).expect("build the index");
}

fn run(index: &SearchIndex, query: &str, facets: &[FacetKind]) -> usize {
    let request = SearchRequest {
        query: query.to_string(),
        limit: 10,
        facets: facets.to_vec(),
        facet_limit: 10,
        ..SearchRequest::default()
    };
    let results = index.search(&request).expect("search");
    results.hits.len() + results.total
}

/// p50 and p95 in milliseconds over the last of three passes (the first two warm caches).
fn percentiles(index: &SearchIndex, queries: &[&str], facets: &[FacetKind]) -> (f64, f64) {
    let mut times = Vec::with_capacity(queries.len());
    for _ in 0..3 {
        times.clear();
        for query in queries {
            let started = Instant::now();
            std::hint::black_box(run(index, query, facets));
            times.push(started.elapsed().as_secs_f64() * 1000.0);
        }
    }
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() as f64 * q).ceil() as usize).clamp(1, times.len()) - 1];
    (at(0.50), at(0.95))
}

criterion_group!(benches, search_latency);
criterion_main!(benches);
