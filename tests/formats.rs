//! Archive formats beyond single files: JSON Lines (many articles per file) and gzip.

mod util;

use std::fs;
use std::io::Write;

use util::Harness;

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

#[test]
fn json_lines_index_each_record_and_report_bad_lines() {
    let harness = Harness::new();
    let archive = harness.dir.path().join("crawl");
    fs::create_dir_all(&archive).unwrap();
    let lines = [
        r#"{"title": "Morocco and Spain reopen border", "maintext": "Officials in Rabat and Madrid agreed to reopen the crossing.", "date_publish": "2022-05-17 08:00:00", "url": "https://a.example/1"}"#,
        "",
        r#"{"title": "Broken record", "maintext": "#,
        r#"{"title": "Oil prices climb", "description": "Brent rose.", "text": "Crude oil rose as OPEC cut output.", "authors": ["Ana Ruiz"]}"#,
    ];
    fs::write(archive.join("news.jsonl"), lines.join("\n")).unwrap();
    let run = harness.run(&["index", archive.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("indexed 2 articles from 1 files"),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr
            .contains("news.jsonl#3: truncated: JSON ends early"),
        "{}",
        run.stderr
    );
    let json = harness.run(&["search", "border", "--json"]).json();
    assert_eq!(json["total"], 1);
    assert!(
        json["hits"][0]["path"]
            .as_str()
            .unwrap()
            .ends_with("news.jsonl#1")
    );
    assert_eq!(json["hits"][0]["published"], "2022-05-17");
    let path = json["hits"][0]["path"].as_str().unwrap().to_string();
    let shown = harness.run(&["show", &path, "--json"]).json();
    assert_eq!(shown["title"], "Morocco and Spain reopen border");
    assert_eq!(
        harness.run(&["search", "opec", "--json"]).json()["total"],
        1
    );
}

#[test]
fn gzip_files_are_read_and_truncated_ones_reported() {
    let harness = Harness::new();
    let archive = harness.dir.path().join("gz");
    fs::create_dir_all(&archive).unwrap();
    let page = b"Sport\n\nMorocco reach the semi-final\n\nThe Atlas Lions beat Portugal in Doha.\n\nFans celebrated in Casablanca.\n";
    fs::write(archive.join("a.txt.gz"), gzip(page)).unwrap();
    let whole = gzip(br#"{"title": "Tennis final", "body": "Alcaraz won at Wimbledon."}"#);
    fs::write(archive.join("b.json.gz"), &whole[..whole.len() - 8]).unwrap();
    fs::write(
        archive.join("c.jsonl.gz"),
        gzip(br#"{"title": "Gold hits record", "body": "Gold rose."}"#),
    )
    .unwrap();
    let run = harness.run(&["index", archive.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("b.json.gz: truncated: gzip data ends early"),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout.contains("indexed 2 articles from 3 files"),
        "{}",
        run.stdout
    );
    let json = harness.run(&["search", "Casablanca", "--json"]).json();
    assert_eq!(json["hits"][0]["section"], "Sport");
    assert_eq!(
        harness.run(&["search", "gold", "--json"]).json()["total"],
        1
    );
}
