//! What entity extraction costs per article, measured apart from the rest of indexing: reads
//! every article under a folder into memory, then times, on one thread, reading and cleaning
//! them and extracting their entities (several passes, the fastest kept).
//!
//! ```sh
//! cargo run --release --example extract_cost -- /tmp/newsindex-bench/archive/reuters
//! ```
//! `bench/extraction.sh` measures the same cost as whole indexing runs with extraction on and
//! off; this example says how much of it is the extractor itself, and is quick to rerun.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use newsindex::article::Article;
use newsindex::clean::Boilerplate;
use newsindex::entities::Extractor;
use newsindex::formats::read_file;
use newsindex::walk::archive_files;

/// How many times each stage runs; the fastest pass is reported.
const PASSES: usize = 5;

fn main() {
    let Some(root) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: extract_cost ARCHIVE-FOLDER");
        std::process::exit(2);
    };
    if !root.is_dir() {
        eprintln!(
            "extract_cost: {} is not a folder (prepare one with bench/extraction.sh or ../shared/bench/prepare_corpus.py)",
            root.display()
        );
        std::process::exit(2);
    }
    let rules = Boilerplate::builtin().expect("built-in rules");
    let files: Vec<_> = archive_files(std::slice::from_ref(&root))
        .filter_map(Result::ok)
        .collect();
    let read_all = || -> Vec<Article> {
        files
            .iter()
            .filter_map(|f| read_file(&f.path, f.format, &rules, u64::MAX).ok())
            .flat_map(|r| r.articles)
            .collect()
    };
    let articles = read_all();
    let bytes: usize = articles.iter().map(|a| a.body.len() + a.title.len()).sum();
    let started = Instant::now();
    let extractor = Extractor::builtin().expect("built-in gazetteers");
    let compile = started.elapsed();
    let read = fastest(|| {
        std::hint::black_box(read_all());
    });
    let extract = fastest(|| {
        for article in &articles {
            std::hint::black_box(extractor.extract(article));
        }
    });
    let per = |d: Duration| d.as_secs_f64() * 1e6 / articles.len().max(1) as f64;
    println!(
        "{} articles, {:.1} MB of title and body text, one thread, fastest of {PASSES} passes",
        articles.len(),
        bytes as f64 / 1e6
    );
    println!("| stage | total ms | µs per article |");
    println!("| --- | ---: | ---: |");
    println!("| compile gazetteers | {:.1} | |", ms(compile));
    println!("| read and clean | {:.1} | {:.1} |", ms(read), per(read));
    println!(
        "| extract entities | {:.1} | {:.1} |",
        ms(extract),
        per(extract)
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// The shortest of [`PASSES`] runs of `stage`.
fn fastest(mut stage: impl FnMut()) -> Duration {
    (0..PASSES)
        .map(|_| {
            let started = Instant::now();
            stage();
            started.elapsed()
        })
        .min()
        .unwrap_or_default()
}
