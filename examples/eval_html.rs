//! Body extraction quality of the HTML parser on the Article Extraction Benchmark
//! (`html/<id>.html.gz` pages and `ground-truth.json` with each page's `articleBody`).
//!
//! ```sh
//! cargo run --release --example eval_html -- ../shared/corpora/article-extraction-benchmark
//! cargo run --release --example eval_html -- CORPUS --details ID   # our body for one page
//! ```
//!
//! The metric is the benchmark's: the text is cut into `\w+` tokens (Unicode), and each
//! page's 4-token shingles are counted with multiplicity for our body and for the truth.
//! tp is the size of the multiset intersection, fp = ours - tp, fn = truth - tp, normalised
//! to tp + fp + fn = 1 per page. Per page, precision = tp / (tp + fp) and recall =
//! tp / (tp + fn); a text of 1 to 3 tokens is one shingle. Empty cases: both empty gives
//! precision = recall = 1; an empty prediction gives precision 1, recall 0; an empty truth
//! gives precision 0, recall 1. Precision and recall are averaged over pages, and F1 is the
//! harmonic mean of the two averages.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::LazyLock;

use newsindex::clean::Boilerplate;
use newsindex::formats::html;
use newsindex::read;
use rayon::prelude::*;
use regex::Regex;
use serde_json::Value;

static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\w+").expect("valid regex"));
const SHINGLE: usize = 4;
const WORST: usize = 10;

/// Precision and recall of one page.
struct Score {
    id: String,
    precision: f64,
    recall: f64,
}

impl Score {
    fn f1(&self) -> f64 {
        harmonic(self.precision, self.recall)
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(corpus) = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map(PathBuf::from)
    else {
        eprintln!("usage: eval_html CORPUS_DIR [--details ID]");
        return ExitCode::from(2);
    };
    let details = args
        .iter()
        .position(|a| a == "--details")
        .and_then(|i| args.get(i + 1));
    if !corpus.join("ground-truth.json").is_file() {
        println!(
            "no benchmark at {} (ground-truth.json missing); nothing to evaluate",
            corpus.display()
        );
        return ExitCode::SUCCESS;
    }
    match run(&corpus, details.map(String::as_str)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("eval_html: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(corpus: &Path, details: Option<&str>) -> Result<(), String> {
    let truth = load_truth(corpus)?;
    let rules = Boilerplate::builtin().map_err(|e| e.to_string())?;
    if let Some(id) = details {
        let body = predict(corpus, id, &rules)?;
        println!("{body}");
        let expected = truth.get(id).ok_or(format!("no page {id}"))?;
        let score = score_page(id, &body, expected);
        println!(
            "\n--- {id}: precision {:.3} recall {:.3} F1 {:.3}",
            score.precision,
            score.recall,
            score.f1()
        );
        return Ok(());
    }
    let start = std::time::Instant::now();
    let mut scores: Vec<Score> = truth
        .par_iter()
        .map(|(id, expected)| {
            let body = predict(corpus, id, &rules).unwrap_or_default();
            score_page(id, &body, expected)
        })
        .collect();
    report(&mut scores, start.elapsed().as_secs_f64());
    Ok(())
}

fn load_truth(corpus: &Path) -> Result<HashMap<String, String>, String> {
    let path = corpus.join("ground-truth.json");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let value: Value = serde_json::from_str(&text).map_err(|e| format!("ground truth: {e}"))?;
    let records = value.as_object().ok_or("ground truth is not an object")?;
    Ok(records
        .iter()
        .map(|(id, record)| {
            let body = record["articleBody"].as_str().unwrap_or_default();
            (id.clone(), body.to_string())
        })
        .collect())
}

/// Our body text for one page.
fn predict(corpus: &Path, id: &str, rules: &Boilerplate) -> Result<String, String> {
    let path = corpus.join("html").join(format!("{id}.html.gz"));
    let (bytes, _) = read::read_bytes_sized(&path, read::DEFAULT_MAX_FILE_BYTES)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let article = html::parse_bytes(&bytes, None, rules).map_err(|e| e.to_string())?;
    Ok(article.body)
}

fn score_page(id: &str, predicted: &str, truth: &str) -> Score {
    let ours = shingles(predicted);
    let theirs = shingles(truth);
    let (ours_total, truth_total) = (total(&ours), total(&theirs));
    let tp: usize = ours
        .iter()
        .map(|(s, n)| (*n).min(theirs.get(s).copied().unwrap_or(0)))
        .sum();
    let (fp, fn_) = (ours_total - tp, truth_total - tp);
    let sum = (tp + fp + fn_).max(1) as f64;
    let (tp, fp, fn_) = (tp as f64 / sum, fp as f64 / sum, fn_ as f64 / sum);
    let (precision, recall) = match (ours_total, truth_total) {
        (0, 0) => (1.0, 1.0),
        (0, _) => (1.0, 0.0),
        (_, 0) => (0.0, 1.0),
        _ => (tp / (tp + fp), tp / (tp + fn_)),
    };
    Score {
        id: id.to_string(),
        precision,
        recall,
    }
}

/// The 4-token shingles of a text, with their counts.
fn shingles(text: &str) -> HashMap<String, usize> {
    let tokens: Vec<&str> = WORD.find_iter(text).map(|m| m.as_str()).collect();
    let mut counts = HashMap::new();
    if tokens.is_empty() {
        return counts;
    }
    for window in tokens.windows(SHINGLE.min(tokens.len())) {
        *counts.entry(window.join(" ")).or_insert(0) += 1;
    }
    counts
}

fn total(counts: &HashMap<String, usize>) -> usize {
    counts.values().sum()
}

fn harmonic(a: f64, b: f64) -> f64 {
    if a + b == 0.0 {
        0.0
    } else {
        2.0 * a * b / (a + b)
    }
}

fn report(scores: &mut [Score], seconds: f64) {
    let n = scores.len().max(1) as f64;
    let precision = scores.iter().map(|s| s.precision).sum::<f64>() / n;
    let recall = scores.iter().map(|s| s.recall).sum::<f64>() / n;
    println!("pages      {}", scores.len());
    println!("precision  {precision:.3}");
    println!("recall     {recall:.3}");
    println!("F1         {:.3}", harmonic(precision, recall));
    println!("time       {seconds:.1} s");
    scores.sort_by(|a, b| a.f1().total_cmp(&b.f1()).then_with(|| a.id.cmp(&b.id)));
    println!("\nworst {WORST} pages by F1:");
    for s in scores.iter().take(WORST) {
        println!(
            "  {}  F1 {:.3}  P {:.3}  R {:.3}",
            s.id,
            s.f1(),
            s.precision,
            s.recall
        );
    }
}
