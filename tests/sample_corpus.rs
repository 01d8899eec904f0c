//! The bundled sample corpus end to end: parsing matches the hand-written oracle in
//! `tests/data/sample_entities.json`, and the README's main query ranks the Western Sahara
//! sovereignty coverage first.

mod util;

use std::collections::{BTreeMap, HashSet};

use serde_json::Value;
use util::{Harness, sample_corpus, strings};

fn oracle() -> BTreeMap<String, Value> {
    let text = include_str!("data/sample_entities.json");
    serde_json::from_str(text).expect("oracle parses")
}

fn exported(harness: &Harness) -> BTreeMap<String, Value> {
    let root = sample_corpus();
    let run = harness.run(&["export"]);
    run.stdout
        .lines()
        .map(|line| serde_json::from_str::<Value>(line).expect("export line is JSON"))
        .map(|article| {
            let path = article["path"].as_str().unwrap().to_string();
            let relative = path
                .strip_prefix(root.to_str().unwrap())
                .unwrap_or(&path)
                .trim_start_matches('/')
                .to_string();
            (relative, article)
        })
        .collect()
}

#[test]
fn headers_match_the_oracle_and_countries_are_complete() {
    let harness = Harness::new();
    harness.index(&sample_corpus());
    let got = exported(&harness);
    let oracle = oracle();
    assert_eq!(got.len(), oracle.len(), "every sample article is indexed");
    let (mut found, mut expected, mut extra) = (0, 0, 0);
    for (path, want) in &oracle {
        let article = got
            .get(path)
            .unwrap_or_else(|| panic!("{path} not indexed"));
        assert_eq!(article["title"], want["title"], "{path}");
        assert_eq!(article["section"], want["section"], "{path}");
        assert!(
            article["source"].is_null() || article["source"] == want["source"],
            "{path}: {}",
            article["source"]
        );
        let body = article["body"].as_str().unwrap();
        assert!(
            !body.contains("donating") && !body.contains("Most read"),
            "{path}: tail left in body"
        );
        let want: HashSet<String> = strings(&want["country"]).into_iter().collect();
        let have: HashSet<String> = strings(&article["country"]).into_iter().collect();
        found += want.intersection(&have).count();
        expected += want.len();
        extra += have.difference(&want).count();
    }
    let recall = found as f64 / expected as f64;
    let precision = found as f64 / (found + extra) as f64;
    assert!(
        recall >= 0.95 && precision >= 0.9,
        "countries: recall {recall:.2}, precision {precision:.2}"
    );
}

#[test]
fn western_sahara_sovereignty_ranks_the_sovereignty_coverage_first() {
    let harness = Harness::new();
    harness.index(&sample_corpus());
    let json = harness
        .run(&[
            "search",
            "Western Sahara sovereignty",
            "--facet",
            "person",
            "--json",
        ])
        .json();
    let hits = json["hits"].as_array().unwrap();
    assert!(hits.len() >= 6);
    for hit in &hits[..6] {
        assert!(
            strings(&hit["topic"]).contains(&"Western Sahara".to_string()),
            "{}",
            hit["title"]
        );
        assert!(
            hit["snippet"].as_str().unwrap().contains("<b>"),
            "{}",
            hit["snippet"]
        );
    }
    let people = json["facets"]["person"].as_array().unwrap();
    assert!(
        people
            .iter()
            .any(|p| p["value"] == "Staffan de Mistura" && p["count"].as_u64() >= Some(2)),
        "{people:?}"
    );
    let unrelated = harness
        .run(&[
            "search",
            "Western Sahara sovereignty",
            "--topic",
            "Football",
            "--json",
        ])
        .json();
    assert!(unrelated["total"].as_u64().unwrap() <= 1);
}

#[test]
fn similar_finds_related_coverage() {
    let harness = Harness::new();
    harness.index(&sample_corpus());
    let path = sample_corpus().join("2023/06/crossroads-wire-gallant-loudiyi-call.txt");
    let json = harness
        .run(&["similar", path.to_str().unwrap(), "--limit", "3", "--json"])
        .json();
    let hits = json["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 3);
    assert!(hits.iter().all(|h| h["path"] != json["similar_to"]));
    for hit in hits {
        let countries = strings(&hit["country"]);
        assert!(
            countries.contains(&"Morocco".to_string()) && countries.contains(&"Israel".to_string()),
            "{}",
            hit["title"]
        );
    }
    let run = harness.run(&["similar", "no-such-article"]);
    assert_eq!(run.code, 2);
}

#[test]
fn several_passages_per_hit_in_reading_order() {
    let harness = Harness::new();
    harness.index(&sample_corpus());
    let json = harness
        .run(&[
            "search",
            "morocco israel",
            "--fragments",
            "3",
            "--limit",
            "3",
            "--json",
        ])
        .json();
    for hit in json["hits"].as_array().unwrap() {
        let fragments = hit["fragments"].as_array().unwrap();
        assert!(!fragments.is_empty() && fragments.len() <= 3, "{hit}");
        assert!(
            fragments
                .iter()
                .all(|f| f.as_str().unwrap().contains("<b>")),
            "{fragments:?}"
        );
        let unique: std::collections::HashSet<_> =
            fragments.iter().map(|f| f.as_str().unwrap()).collect();
        assert_eq!(unique.len(), fragments.len(), "passages do not repeat");
    }
    let plain = harness
        .run(&["search", "morocco israel", "--limit", "1", "--json"])
        .json();
    assert!(
        plain["hits"][0].get("fragments").is_none(),
        "one passage by default, as DESIGN.md shows"
    );
}
