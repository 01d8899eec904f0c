//! Entity evaluation on Reuters-21578, whose stories carry human PLACES, PEOPLE and ORGS tags
//! (1987). Scores the extractor the way the entities issue defines it:
//! recall and precision of extracted countries against gold places, recall of gold people
//! (surnames such as `volcker`, or `james-baker`), recall of gold organizations.
//!
//! ```sh
//! cargo run --release --example eval_reuters -- ../shared/corpora/reuters21578
//! cargo run --release --example eval_reuters -- /tmp/newsindex-bench   # a prepared folder
//! ```
//! A raw corpus folder is first turned into an archive tree with
//! `../shared/bench/prepare_corpus.py` (in a temporary folder); a folder that already holds
//! `gold.jsonl` and `archive/` (prepare_corpus.py's output) is used as it is.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use newsindex::clean::Boilerplate;
use newsindex::entities::{EntityKind, Extractor};
use newsindex::formats::{Format, parse_file};
use rayon::prelude::*;
use serde::Deserialize;

/// One line of gold.jsonl.
#[derive(Deserialize)]
struct Gold {
    path: String,
    places: Vec<String>,
    people: Vec<String>,
    orgs: Vec<String>,
}

/// Reuters place codes that are not a country's name written with hyphens.
const PLACE_CODES: &[(&str, &str)] = &[
    ("usa", "United States"),
    ("uk", "United Kingdom"),
    ("ussr", "Soviet Union"),
    ("west-germany", "West Germany"),
    ("east-germany", "East Germany"),
    ("uae", "United Arab Emirates"),
    ("neth-antilles", "Netherlands Antilles"),
    ("zaire", "Zaire"),
    ("burma", "Burma"),
    ("ivory-coast", "Ivory Coast"),
    ("south-korea", "South Korea"),
    ("north-korea", "North Korea"),
    ("hong-kong", "Hong Kong"),
    ("sri-lanka", "Sri Lanka"),
    ("st-lucia", "Saint Lucia"),
    ("st-vincent", "Saint Vincent and the Grenadines"),
    ("uk-virgin-islands", "British Virgin Islands"),
    ("us-virgin-islands", "United States Virgin Islands"),
    ("brunei", "Brunei"),
    ("yemen-arab-republic", "Yemen"),
    ("yemen-demo-republic", "Yemen"),
    ("trinidad-tobago", "Trinidad and Tobago"),
];

/// Reuters organization codes and the bodies they stand for.
const ORG_CODES: &[(&str, &str)] = &[
    ("ec", "European Community"),
    ("imf", "International Monetary Fund"),
    ("opec", "OPEC"),
    ("worldbank", "World Bank"),
    ("gatt", "General Agreement on Tariffs and Trade"),
    ("ico-coffee", "International Coffee Organization"),
    ("oecd", "OECD"),
    ("icco", "International Cocoa Organization"),
    ("adb-asia", "Asian Development Bank"),
    ("itc", "International Tin Council"),
    ("adb-africa", "African Development Bank"),
    ("un", "United Nations"),
    (
        "unctad",
        "United Nations Conference on Trade and Development",
    ),
    ("fao", "Food and Agriculture Organization"),
    ("inro", "International Natural Rubber Organization"),
    ("eib", "European Investment Bank"),
    ("iea", "International Energy Agency"),
    ("ida", "International Development Association"),
    ("iwc-wheat", "International Wheat Council"),
    ("atpc", "Association of Tin Producing Countries"),
    ("gcc", "Gulf Cooperation Council"),
    ("isa", "International Sugar Organization"),
    ("bis", "Bank for International Settlements"),
    (
        "oapec",
        "Organization of Arab Petroleum Exporting Countries",
    ),
    ("asean", "ASEAN"),
    (
        "escap",
        "Economic and Social Commission for Asia and the Pacific",
    ),
    ("eca", "Economic Commission for Africa"),
    ("imco", "International Maritime Organization"),
    ("euratom", "Euratom"),
    ("iwcc", "International Wrought Copper Council"),
    ("comecon", "Comecon"),
    ("efta", "European Free Trade Association"),
];

/// Running counts of one score, with the names missed and found in excess.
#[derive(Default)]
struct Score {
    hit: u64,
    miss: u64,
    extra: u64,
    missed: Vec<String>,
    extras: Vec<String>,
}

impl Score {
    fn recall(&self) -> f64 {
        self.hit as f64 / (self.hit + self.miss).max(1) as f64
    }
    fn precision(&self) -> f64 {
        self.hit as f64 / (self.hit + self.extra).max(1) as f64
    }
    fn add(&mut self, other: &Score) {
        self.hit += other.hit;
        self.miss += other.miss;
        self.extra += other.extra;
        self.missed.extend(other.missed.iter().cloned());
        self.extras.extend(other.extras.iter().cloned());
    }

    /// The most frequent misses and extras, for `--details`.
    fn details(&self, label: &str) {
        for (kind, list) in [("missed", &self.missed), ("extra", &self.extras)] {
            let mut counts: std::collections::HashMap<&str, usize> =
                std::collections::HashMap::new();
            for name in list {
                *counts.entry(name).or_default() += 1;
            }
            let mut top: Vec<_> = counts.into_iter().collect();
            top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            let shown: Vec<String> = top
                .iter()
                .take(25)
                .map(|(n, c)| format!("{n} {c}"))
                .collect();
            println!("{label} {kind}: {}", shown.join(", "));
        }
    }
}

fn main() {
    let Some(arg) = std::env::args().nth(1) else {
        eprintln!("usage: eval_reuters REUTERS_CORPUS_DIR | PREPARED_DIR");
        std::process::exit(2);
    };
    let prepared = match prepared_dir(Path::new(&arg)) {
        Ok(dir) => dir,
        Err(message) => {
            eprintln!("eval_reuters: {message}");
            std::process::exit(1);
        }
    };
    let golds: Vec<Gold> = std::fs::read_to_string(prepared.join("gold.jsonl"))
        .expect("read gold.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).expect("gold line"))
        .collect();
    let rules = Boilerplate::builtin().expect("built-in rules");
    let extractor = Extractor::builtin().expect("built-in gazetteers");
    let started = Instant::now();
    let scores: Vec<[Score; 3]> = golds
        .par_iter()
        .map(|gold| score_one(gold, &prepared.join("archive"), &rules, &extractor))
        .collect();
    let mut total: [Score; 3] = Default::default();
    for s in &scores {
        for (t, s) in total.iter_mut().zip(s) {
            t.add(s);
        }
    }
    println!(
        "Reuters-21578: {} stories, parsed and extracted in {:.1} s",
        golds.len(),
        started.elapsed().as_secs_f64()
    );
    println!("| measure | value | target |");
    println!("| --- | ---: | ---: |");
    println!(
        "| countries recall (gold places) | {:.3} | 0.95 |",
        total[0].recall()
    );
    println!(
        "| countries precision | {:.3} | 0.75 |",
        total[0].precision()
    );
    println!("| people recall | {:.3} | 0.85 |", total[1].recall());
    println!("| organizations recall | {:.3} | 0.90 |", total[2].recall());
    if std::env::args().any(|a| a == "--details") {
        for (score, label) in total.iter().zip(["countries", "people", "orgs"]) {
            score.details(label);
        }
    }
    println!(
        "(places {} gold, people {} gold, orgs {} gold)",
        total[0].hit + total[0].miss,
        total[1].hit + total[1].miss,
        total[2].hit + total[2].miss
    );
}

/// A folder with gold.jsonl and archive/: the argument itself, or prepare_corpus.py's output
/// for a raw corpus folder.
fn prepared_dir(arg: &Path) -> Result<PathBuf, String> {
    if arg.join("gold.jsonl").is_file() && arg.join("archive").is_dir() {
        return Ok(arg.to_path_buf());
    }
    if !arg.is_dir() {
        return Err(format!(
            "{} is absent; give ../shared/corpora/reuters21578 or a prepared folder",
            arg.display()
        ));
    }
    let corpora = arg.parent().ok_or("the corpus folder has no parent")?;
    let script = corpora.join("../bench/prepare_corpus.py");
    let yahoo = corpora.join("yahoo-finance-news");
    if !script.is_file() || !yahoo.is_dir() {
        return Err(format!(
            "{} or {} is absent: cannot prepare the corpus",
            script.display(),
            yahoo.display()
        ));
    }
    let out = std::env::temp_dir().join("newsindex-eval-reuters");
    if !out.join("gold.jsonl").is_file() {
        let status = Command::new("python3")
            .arg(&script)
            .args([
                "--reuters".as_ref(),
                arg.as_os_str(),
                "--yahoo".as_ref(),
                yahoo.as_os_str(),
                "--out".as_ref(),
                out.as_os_str(),
            ])
            .stdout(std::process::Stdio::null())
            .status()
            .map_err(|e| format!("python3: {e}"))?;
        if !status.success() {
            return Err("prepare_corpus.py failed".into());
        }
    }
    Ok(out)
}

/// Scores of one story: [countries, people, organizations].
fn score_one(
    gold: &Gold,
    archive: &Path,
    rules: &Boilerplate,
    extractor: &Extractor,
) -> [Score; 3] {
    let Ok(article) = parse_file(&archive.join(&gold.path), Format::Text, rules, u64::MAX) else {
        return Default::default();
    };
    let entities = extractor.extract(&article);
    let countries: HashSet<String> = entities.names(EntityKind::Country).into_iter().collect();
    let mut places = Score::default();
    if !gold.places.is_empty() {
        let wanted: HashSet<String> = gold
            .places
            .iter()
            .map(|code| place_name(code, extractor))
            .collect();
        places.hit = wanted.intersection(&countries).count() as u64;
        places.missed = wanted.difference(&countries).cloned().collect();
        places.extras = countries.difference(&wanted).cloned().collect();
        places.miss = places.missed.len() as u64;
        places.extra = places.extras.len() as u64;
    }
    let people: Vec<String> = entities
        .names(EntityKind::Person)
        .iter()
        .map(|n| slug(n))
        .collect();
    let mut persons = Score::default();
    for code in &gold.people {
        let found = people
            .iter()
            .any(|p| p == code || p.ends_with(&format!("-{code}")));
        if found {
            persons.hit += 1
        } else {
            persons.miss += 1;
            persons.missed.push(code.clone());
        }
    }
    let orgs: HashSet<String> = entities.names(EntityKind::Org).into_iter().collect();
    let mut organizations = Score::default();
    for code in &gold.orgs {
        let found = org_names(code, extractor)
            .iter()
            .any(|name| orgs.contains(name));
        if found {
            organizations.hit += 1
        } else {
            organizations.miss += 1;
            organizations.missed.push(code.clone());
        }
    }
    [places, persons, organizations]
}

/// The canonical country of a Reuters place code.
fn place_name(code: &str, extractor: &Extractor) -> String {
    let written = PLACE_CODES
        .iter()
        .find(|(c, _)| *c == code)
        .map_or_else(|| code.replace('-', " "), |(_, n)| n.to_string());
    extractor
        .resolver()
        .known(EntityKind::Country, &written)
        .and_then(|p| p.last().cloned())
        .unwrap_or(written)
}

/// Names an organization code may be extracted under: the gazetteer's canonical name when it
/// knows the body, and the written name itself (for organizations found from context).
fn org_names(code: &str, extractor: &Extractor) -> Vec<String> {
    let written = ORG_CODES
        .iter()
        .find(|(c, _)| *c == code)
        .map_or(code, |(_, n)| n);
    let mut names = vec![written.to_string()];
    names.extend(
        extractor
            .resolver()
            .known(EntityKind::Org, written)
            .and_then(|p| p.last().cloned()),
    );
    names
}

/// "James Baker" -> "james-baker"; accents folded away.
fn slug(name: &str) -> String {
    name.to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-")
        .replace(['é', 'è'], "e")
        .replace('ö', "o")
        .replace('ü', "u")
}
