//! Ranking evaluation on the sample corpus: nDCG@10 and MRR over the judged queries of
//! `tests/data/judged_queries.json` (graded 2 = about it, 1 = treats it substantially), for
//! the default ranking and for a small grid of field boosts and proximity bonuses.
//!
//! ```sh
//! cargo run --release --example eval_ranking
//! ```

use std::collections::HashMap;
use std::path::Path;

use newsindex::index::build::{BuildOptions, NoProgress, build_index};
use newsindex::search::{Ranking, SearchIndex, SearchRequest};
use serde::Deserialize;

#[derive(Deserialize)]
struct Judged {
    query: String,
    relevant: HashMap<String, u32>,
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let judged: Vec<Judged> = serde_json::from_str(
        &std::fs::read_to_string(root.join("tests/data/judged_queries.json"))
            .expect("judged queries"),
    )
    .expect("judged queries parse");
    let dir = tempfile::tempdir().expect("temp dir");
    // One writer thread: the same segments, hence the same scores, on every run.
    let options = BuildOptions {
        index_dir: dir.path().join("idx"),
        threads: 1,
        ..BuildOptions::default()
    };
    build_index(&[root.join("sample-corpus")], &options, &NoProgress)
        .expect("index the sample corpus");
    let mut index = SearchIndex::open(&options.index_dir, None).expect("open the index");
    let corpus = root.join("sample-corpus");
    let prefix = format!("{}/", corpus.display());

    let default = Ranking::default();
    // The first guess, before tuning.
    let first_guess = Ranking {
        title: 2.5,
        subtitle: 1.5,
        proximity: 0.0,
        ..default
    };
    println!("{} judged queries on the sample corpus", judged.len());
    println!("| ranking | nDCG@10 | MRR |");
    println!("| --- | ---: | ---: |");
    let (ndcg, mrr) = evaluate(&mut index, &judged, first_guess, &prefix);
    println!(
        "| first guess {} | {ndcg:.3} | {mrr:.3} |",
        describe(first_guess)
    );
    let (ndcg, mrr) = evaluate(&mut index, &judged, default, &prefix);
    println!(
        "| default (tuned) {} | {ndcg:.3} | {mrr:.3} |",
        describe(default)
    );
    let mut best = (ndcg, mrr, default);
    for title in [1.0, 2.0, 2.5, 3.5, 5.0] {
        for subtitle in [1.0, 1.5, 2.5] {
            for proximity in [0.0, 0.5, 1.0, 2.0] {
                let ranking = Ranking {
                    title,
                    subtitle,
                    proximity,
                    ..default
                };
                let (ndcg, mrr) = evaluate(&mut index, &judged, ranking, &prefix);
                if ndcg > best.0 + 1e-9 || (ndcg > best.0 - 1e-9 && mrr > best.1 + 1e-9) {
                    best = (ndcg, mrr, ranking);
                }
            }
        }
    }
    println!(
        "| best of the grid {} | {:.3} | {:.3} |",
        describe(best.2),
        best.0,
        best.1
    );
}

fn describe(r: Ranking) -> String {
    format!(
        "(title {}, subtitle {}, body {}, captions {}, proximity {})",
        r.title, r.subtitle, r.body, r.captions, r.proximity
    )
}

/// Mean nDCG@10 and mean reciprocal rank of the first relevant hit.
fn evaluate(
    index: &mut SearchIndex,
    judged: &[Judged],
    ranking: Ranking,
    prefix: &str,
) -> (f64, f64) {
    index.set_ranking(ranking);
    let (mut ndcg_sum, mut rr_sum) = (0.0, 0.0);
    for j in judged {
        let request = SearchRequest {
            query: j.query.clone(),
            limit: 10,
            ..SearchRequest::default()
        };
        let results = index.search(&request).expect("search");
        let grades: Vec<u32> = results
            .hits
            .iter()
            .map(|h| {
                let path = h
                    .stored
                    .article
                    .path
                    .strip_prefix(prefix)
                    .unwrap_or(&h.stored.article.path);
                j.relevant.get(path).copied().unwrap_or(0)
            })
            .collect();
        ndcg_sum += ndcg(&grades, &j.relevant);
        rr_sum += grades
            .iter()
            .position(|&g| g > 0)
            .map_or(0.0, |i| 1.0 / (i as f64 + 1.0));
    }
    let n = judged.len().max(1) as f64;
    (ndcg_sum / n, rr_sum / n)
}

fn ndcg(grades: &[u32], relevant: &HashMap<String, u32>) -> f64 {
    let dcg = |gs: &[u32]| -> f64 {
        gs.iter()
            .take(10)
            .enumerate()
            .map(|(i, &g)| (2f64.powi(g as i32) - 1.0) / ((i as f64) + 2.0).log2())
            .sum()
    };
    let mut ideal: Vec<u32> = relevant.values().copied().collect();
    ideal.sort_by(|a, b| b.cmp(a));
    let best = dcg(&ideal);
    if best == 0.0 { 0.0 } else { dcg(grades) / best }
}
