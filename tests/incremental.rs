//! Re-runs over a changing archive, exact copies and near-duplicates: the real binary on
//! archives written into a temporary folder.

mod util;

use std::path::Path;

use serde_json::json;
use util::Harness;

const STORY: &str = "Morocco and Israel signed an agreement on water technology in Rabat on \
    Tuesday, the latest step in ties restored under the Abraham Accords. The foreign \
    ministers said engineers from both countries would work on desalination plants along \
    the Atlantic coast and on drip irrigation for farms in the south. Officials expect the \
    first plant to open within three years, and a joint fund will pay for training. The \
    ministers also spoke about direct flights, tourism and the next meeting of the Negev \
    Forum, which Morocco offered to host before the end of the year.";

fn write_article(path: &Path, title: &str, source: &str, body: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let record = json!({"title": title, "source": source, "body": body, "published": "2023-01-10"});
    std::fs::write(path, record.to_string()).unwrap();
}

fn summary_line(stdout: &str) -> &str {
    stdout
        .lines()
        .find(|l| l.starts_with("files:"))
        .unwrap_or_else(|| panic!("no files line in {stdout}"))
}

#[test]
fn reruns_read_only_new_and_changed_files_and_drop_removed_ones() {
    let harness = Harness::new();
    let archive = harness.dir.path().join("archive");
    write_article(&archive.join("a.json"), "Water deal", "Wire", STORY);
    write_article(
        &archive.join("b.json"),
        "Desert talks",
        "Wire",
        "Talks on the desert border resumed.",
    );
    write_article(
        &archive.join("c.json"),
        "Port news",
        "Wire",
        "A new port opened in Dakhla.",
    );
    let first = harness.index(&archive);
    assert_eq!(
        summary_line(&first.stdout),
        "files: 3 new, 0 changed, 0 removed, 0 unchanged"
    );

    let again = harness.index(&archive);
    assert_eq!(
        summary_line(&again.stdout),
        "files: 0 new, 0 changed, 0 removed, 3 unchanged"
    );
    assert!(
        again.stdout.contains("indexed 0 articles"),
        "{}",
        again.stdout
    );

    write_article(
        &archive.join("b.json"),
        "Desert talks",
        "Wire",
        "Talks on the desert border collapsed.",
    );
    std::fs::remove_file(archive.join("c.json")).unwrap();
    write_article(
        &archive.join("d.json"),
        "Flights",
        "Wire",
        "Direct flights to Marrakesh begin.",
    );
    let third = harness.index(&archive);
    assert_eq!(
        summary_line(&third.stdout),
        "files: 1 new, 1 changed, 1 removed, 1 unchanged"
    );
    assert!(
        third.stdout.contains("holds 3 articles"),
        "{}",
        third.stdout
    );

    let search = |q: &str| harness.run(&["search", q, "--json"]).json()["total"].clone();
    assert_eq!(search("collapsed"), 1);
    assert_eq!(search("resumed"), 0);
    assert_eq!(search("Dakhla"), 0);
    assert_eq!(search("Marrakesh"), 1);
}

#[test]
fn a_file_touched_but_not_changed_is_not_indexed_again() {
    let harness = Harness::new();
    let archive = harness.dir.path().join("archive");
    write_article(&archive.join("a.json"), "Water deal", "Wire", STORY);
    harness.index(&archive);
    let text = std::fs::read_to_string(archive.join("a.json")).unwrap();
    std::fs::write(archive.join("a.json"), format!("{text}\n")).unwrap();
    let run = harness.index(&archive);
    assert_eq!(
        summary_line(&run.stdout),
        "files: 0 new, 0 changed, 0 removed, 1 unchanged"
    );
}

#[test]
fn exact_copies_are_indexed_once_with_every_path() {
    let harness = Harness::new();
    let archive = harness.dir.path().join("archive");
    write_article(&archive.join("a.json"), "Water deal", "Wire", STORY);
    write_article(
        &archive.join("saved-again/a.json"),
        "Water deal",
        "Wire",
        STORY,
    );
    let run = harness.index(&archive);
    assert!(run.stdout.contains("1 exact copies"), "{}", run.stdout);
    assert!(run.stdout.contains("holds 1 articles"), "{}", run.stdout);
    let all = harness
        .run(&["search", "NOT nothingmatches", "--json"])
        .json();
    assert_eq!(all["total"], 1, "copy records never come back as hits");
    let show = harness.run(&[
        "show",
        archive.join("saved-again/a.json").to_str().unwrap(),
        "--json",
    ]);
    let paths = show.json()["paths"].clone();
    assert_eq!(paths.as_array().unwrap().len(), 2, "{paths}");
    let stats = harness.run(&["stats", "--json"]).json();
    assert_eq!(stats["docs"], 1);
    assert_eq!(stats["duplicates"]["exact_copies"], 1);

    // When the first file goes, the copy takes its place.
    std::fs::remove_file(archive.join("a.json")).unwrap();
    let rerun = harness.index(&archive);
    assert!(
        rerun.stdout.contains("holds 1 articles"),
        "{}",
        rerun.stdout
    );
    let hit = harness.run(&["search", "desalination", "--json"]).json();
    assert_eq!(hit["total"], 1);
    assert!(
        hit["hits"][0]["path"]
            .as_str()
            .unwrap()
            .ends_with("saved-again/a.json")
    );
}

#[test]
fn near_duplicates_are_grouped_and_collapsed() {
    let harness = Harness::new();
    let archive = harness.dir.path().join("archive");
    write_article(&archive.join("wire.json"), "Water deal", "Wire", STORY);
    let edited = STORY.replace("Tuesday", "Tuesday morning") + " Reporting by the desk.";
    write_article(
        &archive.join("daily.json"),
        "Morocco, Israel sign water deal",
        "Daily",
        &edited,
    );
    write_article(
        &archive.join("other.json"),
        "Desalination elsewhere",
        "Daily",
        "Spain opened a desalination plant near Almeria on Monday.",
    );
    let run = harness.index(&archive);
    assert!(
        run.stdout.contains("1 near-duplicates grouped"),
        "{}",
        run.stdout
    );
    let plain = harness.run(&["search", "desalination", "--json"]).json();
    assert_eq!(plain["hits"].as_array().unwrap().len(), 3);
    let collapsed = harness
        .run(&["search", "desalination", "--collapse", "--json"])
        .json();
    let hits = collapsed["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 2, "{collapsed}");
    assert_eq!(
        hits.iter()
            .map(|h| h["similar"].as_u64().unwrap())
            .sum::<u64>(),
        1
    );
    let text = harness.run(&["search", "desalination", "--collapse"]);
    assert!(text.stdout.contains("1 similar"), "{}", text.stdout);
    let stats = harness.run(&["stats", "--json"]).json();
    assert_eq!(stats["duplicates"]["near_groups"], 1);
    assert_eq!(stats["duplicates"]["near_grouped_articles"], 2);
}

#[test]
fn the_folder_names_the_outlet_when_the_article_does_not() {
    let harness = Harness::new();
    let archive = harness.dir.path().join("archive");
    let record = json!({"title": "Port opens", "body": "A new port opened in Dakhla."});
    std::fs::create_dir_all(archive.join("dakhla-daily/2023")).unwrap();
    std::fs::write(archive.join("dakhla-daily/2023/a.json"), record.to_string()).unwrap();
    write_article(
        &archive.join("dakhla-daily/2023/b.json"),
        "Flights",
        "Wire",
        "Flights resume to Dakhla.",
    );
    harness.index(&archive);
    let json = harness
        .run(&["search", "Dakhla", "--facet", "source", "--json"])
        .json();
    let sources: Vec<String> = json["facets"]["source"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["value"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(sources, ["Wire", "dakhla-daily"], "{json}");
}
