//! End-to-end tests: the real binary on the fixture archive in a temporary index.

mod util;

use util::{Harness, assert_one_line_error, fixtures, strings};

fn indexed_fixtures() -> Harness {
    let harness = Harness::new();
    harness.index(&fixtures());
    harness
}

#[test]
fn index_reports_a_summary() {
    let harness = Harness::new();
    let run = harness.index(&fixtures());
    assert!(
        run.stdout.contains("indexed 2 articles from 2 files"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("holds 2 articles"), "{}", run.stdout);
}

#[test]
fn search_json_has_the_documented_shape() {
    let harness = indexed_fixtures();
    let run = harness.run(&["search", "Western Sahara", "--json", "--facet", "person"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    assert_eq!(json["query"], "Western Sahara");
    assert_eq!(json["total"], 1);
    assert!(json["took_ms"].is_number());
    let hit = &json["hits"][0];
    for key in [
        "id",
        "path",
        "url",
        "title",
        "subtitle",
        "source",
        "section",
        "published",
        "score",
        "snippet",
        "person",
        "country",
        "org",
        "topic",
    ] {
        assert!(hit.get(key).is_some(), "hit lacks `{key}`: {hit}");
    }
    assert_eq!(
        hit["title"],
        "Gallant and Loudiyi pledge deeper defence ties in phone call"
    );
    assert_eq!(hit["section"], "Israel News");
    assert_eq!(hit["source"], "The Levant Ledger");
    assert_eq!(hit["published"], "2023-06-01");
    let snippet = hit["snippet"].as_str().unwrap();
    assert!(
        snippet.contains("<b>Western</b> <b>Sahara</b>"),
        "{snippet}"
    );
    let people = &json["facets"]["person"];
    assert!(
        people
            .as_array()
            .unwrap()
            .iter()
            .any(|v| v["value"] == "Yoav Gallant" && v["count"] == 1),
        "{people}"
    );
}

#[test]
fn boilerplate_is_not_indexed() {
    let harness = indexed_fixtures();
    for word in ["donating", "loyal", "scroll"] {
        let json = harness.run(&["search", word, "--json"]).json();
        assert_eq!(json["total"], 0, "`{word}` should not be found");
    }
}

#[test]
fn filters_resolve_aliases_and_combine_with_and() {
    let harness = indexed_fixtures();
    let json = harness
        .run(&["search", "*", "--person", "Bourita", "--json"])
        .json();
    assert_eq!(json["total"], 2);
    let json = harness
        .run(&[
            "search",
            "*",
            "--person",
            "Bourita",
            "--country",
            "Egypt",
            "--json",
        ])
        .json();
    assert_eq!(json["total"], 1);
    assert_eq!(json["hits"][0]["source"], "Desert Star Daily");
    let json = harness
        .run(&[
            "search",
            "*",
            "--org",
            "IDF",
            "--topic",
            "Negev Forum",
            "--json",
        ])
        .json();
    assert_eq!(json["total"], 1);
    let json = harness
        .run(&["search", "*", "--topic", "Diplomacy", "--json"])
        .json();
    assert_eq!(json["total"], 2, "a category filter includes its topics");
}

#[test]
fn facet_counts_cover_all_matches_not_just_the_page() {
    let harness = indexed_fixtures();
    let json = harness
        .run(&[
            "search", "*", "--limit", "1", "--facet", "country", "--facet", "topic", "--json",
        ])
        .json();
    assert_eq!(json["hits"].as_array().unwrap().len(), 1);
    let countries = json["facets"]["country"].as_array().unwrap();
    let morocco = countries.iter().find(|v| v["value"] == "Morocco").unwrap();
    assert_eq!(morocco["count"], 2);
    let topics = json["facets"]["topic"].as_array().unwrap();
    assert!(
        topics
            .iter()
            .any(|v| v["value"] == "Negev Forum" && v["count"] == 2),
        "{topics:?}"
    );
}

#[test]
fn phrases_boolean_and_field_queries() {
    let harness = indexed_fixtures();
    let total = |q: &str| {
        harness.run(&["search", q, "--json"]).json()["total"]
            .as_u64()
            .unwrap()
    };
    assert_eq!(total("\"Negev Forum\""), 2);
    assert_eq!(total("\"Forum Negev\""), 0);
    assert_eq!(total("negev AND blinken"), 1);
    assert_eq!(total("negev NOT blinken"), 1);
    assert_eq!(total("title:summit"), 1);
    assert_eq!(total("person:gallant"), 1);
    assert_eq!(total("sovereignties"), 1, "stemming");
}

#[test]
fn human_output_highlights_and_lists_entities() {
    let harness = indexed_fixtures();
    let run = harness.run(&["search", "sovereignty", "--facet", "person"]);
    assert_eq!(run.code, 0);
    assert!(
        run.stdout.starts_with("1 article match \"sovereignty\""),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("*sovereignty*"), "{}", run.stdout);
    assert!(
        run.stdout.contains("people: Yoav Gallant"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("\nperson\n"), "{}", run.stdout);
}

#[test]
fn paging_and_sorting() {
    let harness = indexed_fixtures();
    let newest = harness
        .run(&["search", "*", "--sort", "newest", "--json"])
        .json();
    assert_eq!(newest["hits"][0]["published"], "2023-06-01");
    let oldest = harness
        .run(&["search", "*", "--sort", "oldest", "--limit", "1", "--json"])
        .json();
    assert_eq!(oldest["hits"][0]["published"], "2022-03-28");
    let second = harness
        .run(&["search", "*", "--sort", "oldest", "--offset", "1", "--json"])
        .json();
    assert_eq!(second["hits"][0]["published"], "2023-06-01");
    let since = harness
        .run(&["search", "*", "--since", "2023-01-01", "--json"])
        .json();
    assert_eq!(since["total"], 1);
}

#[test]
fn show_by_id_and_by_path() {
    let harness = indexed_fixtures();
    let path = fixtures().join("2023/06/defence-call.txt");
    let by_path = harness
        .run(&["show", path.to_str().unwrap(), "--json"])
        .json();
    assert_eq!(
        by_path["title"],
        "Gallant and Loudiyi pledge deeper defence ties in phone call"
    );
    assert_eq!(by_path["captions"].as_array().unwrap().len(), 1);
    assert!(!by_path["body"].as_str().unwrap().contains("donating"));
    assert_eq!(by_path["mentions"]["person"]["Nasser Bourita"], 2);
    assert_eq!(strings(&by_path["person"])[0], "Yoav Gallant");
    let id = by_path["id"].as_str().unwrap();
    let by_id = harness.run(&["show", id, "--json"]).json();
    assert_eq!(by_id, by_path);
    let human = harness.run(&["show", id]);
    assert!(
        human.stdout.contains("Nasser Bourita (2)"),
        "{}",
        human.stdout
    );
}

#[test]
fn stats_and_export() {
    let harness = indexed_fixtures();
    let stats = harness.run(&["stats", "--json"]).json();
    assert_eq!(stats["docs"], 2);
    assert!(stats["index_bytes"].as_u64().unwrap() > 0);
    assert!(stats["segments"].as_u64().unwrap() >= 1);
    assert!(strings(&stats["fields"]).contains(&"body".to_string()));
    assert!(stats["facets"]["source"].as_array().unwrap().len() == 2);
    let export = harness.run(&["export"]);
    let lines: Vec<serde_json::Value> = export
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert!(
        lines
            .iter()
            .all(|l| l["mentions"].is_object() && l["body"].is_string())
    );
}

#[test]
fn reindexing_does_not_duplicate() {
    let harness = indexed_fixtures();
    let run = harness.index(&fixtures());
    assert!(run.stdout.contains("holds 2 articles"), "{}", run.stdout);
    let run = harness.run(&["index", "--rebuild", fixtures().to_str().unwrap()]);
    assert!(run.stdout.contains("holds 2 articles"), "{}", run.stdout);
}

#[test]
fn missing_index_is_a_usage_error() {
    let harness = Harness::new();
    let run = harness.run(&["search", "morocco"]);
    assert_one_line_error(&run, 2, "no index at");
    assert!(run.stderr.contains("run `newsindex index ARCHIVE` first"));
}

#[test]
fn bad_query_is_one_line_exit_2() {
    let harness = indexed_fixtures();
    assert_one_line_error(&harness.run(&["search", "\"unclosed"]), 2, "bad query");
    assert_one_line_error(
        &harness.run(&["search", "colour:red"]),
        2,
        "unknown field `colour`",
    );
}

#[test]
fn bad_flags_are_one_line_exit_2() {
    let harness = indexed_fixtures();
    assert_one_line_error(
        &harness.run(&["search", "x", "--frobnicate"]),
        2,
        "--frobnicate",
    );
    assert_one_line_error(
        &harness.run(&["search", "x", "--facet", "colour"]),
        2,
        "unknown facet kind `colour`",
    );
    assert_one_line_error(
        &harness.run(&["search", "x", "--since", "June"]),
        2,
        "YYYY-MM-DD",
    );
    assert_one_line_error(&harness.run(&["search"]), 2, "QUERY");
    assert_one_line_error(
        &harness.run(&["show", "nope"]),
        2,
        "no article with id or path `nope`",
    );
    assert_one_line_error(
        &harness.run(&["index", "/no/such/archive"]),
        2,
        "does not exist",
    );
}

#[test]
fn index_dir_from_environment() {
    let harness = indexed_fixtures();
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_newsindex"));
    command
        .args(["stats", "--json"])
        .env("NEWSINDEX_INDEX", harness.index_dir());
    let run = util::run(command);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.json()["docs"], 2);
}

#[test]
fn second_writer_gets_a_clear_message() {
    let harness = indexed_fixtures();
    let index = tantivy::Index::open_in_dir(harness.index_dir()).unwrap();
    let _writer: tantivy::IndexWriter = index.writer(15_000_000).unwrap();
    let run = harness.run(&["index", fixtures().to_str().unwrap()]);
    assert_one_line_error(&run, 1, "is being written by another newsindex process");
    drop(_writer);
    assert_eq!(
        harness.run(&["stats", "--json"]).json()["docs"],
        2,
        "the index is unharmed"
    );
}

#[test]
fn schema_check_validates_user_gazetteers() {
    let harness = Harness::new();
    let dir = harness.dir.path().join("schema");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("people.toml"),
        "[[person]]\nname = \"Ada Lovelace\"\n",
    )
    .unwrap();
    let run = harness.run(&["schema", "check", dir.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("is valid"), "{}", run.stdout);
    std::fs::write(
        dir.join("people.toml"),
        "[[person]]\nname = \"Ada\"\ncolour = 1\n",
    )
    .unwrap();
    assert_one_line_error(
        &harness.run(&["schema", "check", dir.to_str().unwrap()]),
        2,
        "people.toml: line 3: unknown field `colour`",
    );
    std::fs::remove_file(dir.join("people.toml")).unwrap();
    std::fs::write(
        dir.join("boilerplate.toml"),
        "[[rule]]\nname = \"mine\"\npattern = \"((\"\naction = \"drop\"\n",
    )
    .unwrap();
    assert_one_line_error(
        &harness.run(&["schema", "check", dir.to_str().unwrap()]),
        2,
        "rule `mine`: bad pattern",
    );
}

#[test]
fn user_gazetteer_adds_entries_at_index_time() {
    let harness = Harness::new();
    let dir = harness.dir.path().join("schema");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("organizations.toml"),
        "[[org]]\nname = \"AJC Global Forum\"\n",
    )
    .unwrap();
    let run = harness.run(&[
        "--schema",
        dir.to_str().unwrap(),
        "index",
        fixtures().to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = harness
        .run(&["search", "*", "--org", "AJC Global Forum", "--json"])
        .json();
    assert_eq!(json["total"], 1);
}

#[test]
fn no_entities_indexes_text_only() {
    let harness = Harness::new();
    let run = harness.run(&["index", "--no-entities", fixtures().to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = harness.run(&["search", "sovereignty", "--json"]).json();
    assert_eq!(json["total"], 1);
    assert!(json["hits"][0]["person"].as_array().unwrap().is_empty());
}

#[test]
fn facets_command_narrows_values() {
    let harness = indexed_fixtures();
    let json = harness
        .run(&["facets", "person", "--match", "BOUR", "--json"])
        .json();
    assert_eq!(json["kind"], "person");
    assert_eq!(json["total_docs"], 2);
    assert_eq!(
        json["values"],
        serde_json::json!([{"value": "Nasser Bourita", "count": 2}])
    );
    let topics = harness
        .run(&["facets", "topic", "--prefix", "/Diplomacy", "--json"])
        .json();
    let names = strings(
        &topics["values"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["value"].clone())
            .collect::<serde_json::Value>(),
    );
    assert!(
        names.contains(&"Negev Forum".to_string())
            && !names.contains(&"Western Sahara".to_string()),
        "{names:?}"
    );
    let months = harness.run(&["facets", "month", "--prefix", "2023"]);
    assert!(months.stdout.contains("2023-06"), "{}", months.stdout);
    assert!(!months.stdout.contains("2022-03"), "{}", months.stdout);
}

#[test]
fn month_histogram_and_csv() {
    let harness = indexed_fixtures();
    let run = harness.run(&["search", "*", "--facet", "month", "--limit", "0"]);
    assert!(
        run.stdout
            .contains("2022-03       1  ########################################"),
        "{}",
        run.stdout
    );
    let json = harness
        .run(&["search", "*", "--facet", "month", "--json"])
        .json();
    assert_eq!(
        json["facets"]["month"][0],
        serde_json::json!({"value": "2022-03", "count": 1})
    );
    let csv = harness.run(&["search", "negev", "--format", "csv", "--sort", "oldest"]);
    let lines: Vec<&str> = csv.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "published,source,title,path,people,countries,topics,snippet"
    );
    assert_eq!(lines.len(), 3);
    assert!(
        lines[1].starts_with("2022-03-28,Desert Star Daily,Foreign ministers gather in the Negev"),
        "{}",
        lines[1]
    );
}

#[test]
fn out_of_range_numbers_are_usage_errors() {
    let harness = indexed_fixtures();
    assert_one_line_error(
        &harness.run(&["search", "x", "-n", "18446744073709551615"]),
        2,
        "out of range",
    );
    assert_one_line_error(
        &harness.run(&["search", "x", "--offset", "99999999999"]),
        2,
        "out of range",
    );
    assert_one_line_error(
        &harness.run(&["index", "--threads", "100000", "x"]),
        2,
        "use 0 to 8",
    );
    assert_one_line_error(
        &harness.run(&["index", "--memory", "100000", "x"]),
        2,
        "use 15 to 4000",
    );
}

#[test]
fn io_errors_are_one_line_without_repetition() {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_newsindex"));
    command.args([
        "index",
        fixtures().to_str().unwrap(),
        "--index",
        "/proc/newsindex-cannot-write-here",
    ]);
    let run = util::run(command);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.stderr.trim_end().lines().count(), 1, "{}", run.stderr);
    let first = run.stderr.find("(os error").unwrap();
    assert!(
        !run.stderr[first + 1..].contains("(os error"),
        "cause printed twice: {}",
        run.stderr
    );
}

#[test]
fn prefix_and_fuzzy_words_match_and_highlight() {
    let harness = indexed_fixtures();
    let json = harness.run(&["search", "sovereign*", "--json"]).json();
    assert_eq!(json["total"], 1);
    assert!(
        json["hits"][0]["snippet"]
            .as_str()
            .unwrap()
            .contains("<b>sovereignty</b>"),
        "{}",
        json["hits"][0]["snippet"]
    );
    let json = harness.run(&["search", "Burita~1", "--json"]).json();
    assert_eq!(json["total"], 2, "fuzzy finds Bourita");
    assert!(
        json["hits"][0]["snippet"]
            .as_str()
            .unwrap()
            .contains("<b>Bourita</b>"),
        "{}",
        json["hits"][0]["snippet"]
    );
    assert_eq!(
        harness
            .run(&["search", "person:burita~1 -negev*", "--json"])
            .json()["total"],
        0
    );
    assert_eq!(
        harness.run(&["search", "Burita", "--json"]).json()["total"],
        0,
        "no fuzziness unless asked"
    );
    assert_one_line_error(
        &harness.run(&["search", "colour:red*"]),
        2,
        "unknown field `colour`",
    );
}

#[test]
fn an_index_of_another_schema_asks_for_a_rebuild_and_rebuild_works() {
    let harness = indexed_fixtures();
    let marker = harness.index_dir().join("newsindex.json");
    std::fs::write(&marker, r#"{"schema_version":1}"#).unwrap();
    assert_one_line_error(
        &harness.run(&["search", "x"]),
        2,
        "rebuild it with `newsindex index --rebuild ARCHIVE`",
    );
    let run = harness.run(&["index", "--rebuild", fixtures().to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(harness.run(&["stats", "--json"]).json()["docs"], 2);
}

/// On a real terminal (a pseudo-terminal from util-linux `script`, which `.ci/run` installs)
/// the output is coloured; with `NO_COLOR` it is plain, as in a pipe.
#[cfg(unix)]
#[test]
fn colour_on_a_terminal_and_none_with_no_color() {
    let harness = indexed_fixtures();
    let command = format!(
        "{} search Rabat --index {}",
        env!("CARGO_BIN_EXE_newsindex"),
        harness.index_dir().display()
    );
    let on_terminal = |no_color: Option<&str>| {
        let mut script = std::process::Command::new("script");
        script
            .args(["-q", "-e", "-c", &command, "/dev/null"])
            .env_remove("NO_COLOR");
        if let Some(value) = no_color {
            script.env("NO_COLOR", value);
        }
        let output = script
            .output()
            .expect("util-linux `script` runs (apt-get install bsdutils)");
        assert!(output.status.success(), "{output:?}");
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    let coloured = on_terminal(None);
    assert!(
        coloured.contains("\x1b[1m"),
        "bold titles on a terminal: {coloured}"
    );
    let plain = on_terminal(Some("1"));
    assert!(plain.contains("Rabat"), "{plain}");
    assert!(!plain.contains('\x1b'), "no escapes with NO_COLOR: {plain}");
    let piped = harness.run(&["search", "Rabat"]);
    assert!(!piped.stdout.contains('\x1b'), "{}", piped.stdout);
}
