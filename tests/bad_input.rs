//! Bad input is reported with path and reason, skipped, and never stops the run.

mod util;

use std::fs;

use util::Harness;

#[test]
fn bad_files_are_reported_and_the_rest_indexed() {
    let harness = Harness::new();
    let archive = harness.dir.path().join("archive");
    fs::create_dir_all(archive.join("2023/07")).unwrap();
    let dir = archive.join("2023/07");
    fs::write(
        dir.join("good.txt"),
        "Rabat hosts trade fair\n\nExhibitors from Morocco and Spain met in Rabat.\n",
    )
    .unwrap();
    fs::write(dir.join("empty.txt"), "").unwrap();
    fs::write(
        dir.join("binary.txt"),
        [0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 0],
    )
    .unwrap();
    fs::write(dir.join("broken.json"), "{\"title\": \"x\", body: }").unwrap();
    fs::write(
        dir.join("cut.json"),
        "{\"title\": \"Half an article\", \"body\": \"It sto",
    )
    .unwrap();
    fs::write(
        dir.join("wrong.json"),
        "{\"title\": [1, 2], \"body\": \"b\"}",
    )
    .unwrap();
    fs::write(
        dir.join("latin1.txt"),
        b"Caf\xe9 culture in Casablanca\n\nThe caf\xe9s of Casablanca were full.\n",
    )
    .unwrap();
    fs::create_dir_all(dir.join("folder.txt")).unwrap();
    let run = harness.run(&["index", archive.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for (file, reason) in [
        ("empty.txt", "empty file"),
        ("binary.txt", "binary data"),
        ("broken.json", "malformed: invalid JSON"),
        ("cut.json", "truncated"),
        ("wrong.json", "field `title` is an array"),
    ] {
        let line = run
            .stderr
            .lines()
            .find(|l| l.contains(file))
            .unwrap_or_else(|| panic!("{file} not reported: {}", run.stderr));
        assert!(line.contains(reason), "{line}");
        assert_eq!(run.stderr.matches(file).count(), 1, "{file} reported once");
    }
    assert!(
        run.stdout.contains("indexed 2 articles from 7 files"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("skipped 5 files or records: 1 binary, 1 empty, 2 malformed, 1 truncated"),
        "{}",
        run.stdout
    );
    let json = harness.run(&["search", "café", "--json"]).json();
    assert_eq!(json["total"], 1, "Latin-1 text is decoded and indexed");
    assert_eq!(json["hits"][0]["title"], "Café culture in Casablanca");
    let strict = harness.run(&["index", "--strict", archive.to_str().unwrap()]);
    assert_eq!(strict.code, 1, "--strict fails on skips");
}

#[test]
fn oversized_files_are_skipped_with_the_limit_named() {
    let harness = Harness::new();
    let archive = harness.dir.path().join("archive");
    fs::create_dir_all(&archive).unwrap();
    fs::write(archive.join("huge.txt"), "word ".repeat(300_000)).unwrap();
    fs::write(archive.join("small.txt"), "Small story\n\nA short body.\n").unwrap();
    let run = harness.run(&["index", "--max-file-mb", "1", archive.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("huge.txt: too large"), "{}", run.stderr);
    assert!(run.stdout.contains("indexed 1 articles"), "{}", run.stdout);
}

#[test]
fn killed_run_leaves_last_commit_searchable_and_rerun_completes() {
    let harness = Harness::new();
    let archive = harness.dir.path().join("archive");
    fs::create_dir_all(&archive).unwrap();
    fs::write(
        archive.join("first.txt"),
        "First story\n\nRabat hosted the talks.\n",
    )
    .unwrap();
    harness.index(&archive);
    for i in 0..1500 {
        let text =
            format!("Story number {i}\n\nMinisters met in Rabat for round {i} of the talks.\n");
        fs::write(archive.join(format!("s{i:04}.txt")), text).unwrap();
    }
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_newsindex"));
    command
        .args(["index", "-q", archive.to_str().unwrap(), "--index"])
        .arg(harness.index_dir());
    let mut child = command.stdout(std::process::Stdio::null()).spawn().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(150));
    let _ = child.kill();
    let _ = child.wait();
    let stats = harness.run(&["stats", "--json"]);
    assert_eq!(
        stats.code, 0,
        "the index opens after a kill: {}",
        stats.stderr
    );
    assert!(stats.json()["docs"].as_u64().unwrap() >= 1);
    let rerun = harness.index(&archive);
    assert!(
        rerun.stdout.contains("holds 1501 articles"),
        "{}",
        rerun.stdout
    );
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_indexed_and_noted_once() {
    use std::os::unix::ffi::OsStrExt;
    let harness = Harness::new();
    let archive = harness.dir.path().join("archive");
    fs::create_dir_all(&archive).unwrap();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9-talks.txt");
    fs::write(
        archive.join(name),
        "Caf\u{e9} diplomacy in Rabat\n\nEnvoys met over coffee in Rabat.\n",
    )
    .unwrap();
    let run = harness.run(&["index", archive.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr.matches("not UTF-8").count(), 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("caf\u{fffd}-talks.txt"),
        "{}",
        run.stderr
    );
    let json = harness.run(&["search", "coffee", "--json"]).json();
    assert_eq!(json["total"], 1);
    let id = json["hits"][0]["id"].as_str().unwrap().to_string();
    assert_eq!(harness.run(&["show", &id]).code, 0);
}

#[test]
fn a_60_mb_single_line_file_is_skipped_as_too_large() {
    let harness = Harness::new();
    let archive = harness.dir.path().join("archive");
    fs::create_dir_all(&archive).unwrap();
    let line = "word ".repeat(12 * 1024 * 1024);
    fs::write(archive.join("one-line.txt"), line).unwrap();
    fs::write(archive.join("small.txt"), "Small story\n\nA short body.\n").unwrap();
    let run = harness.run(&["index", archive.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr.matches("one-line.txt").count(),
        1,
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("too large"), "{}", run.stderr);
    assert!(run.stdout.contains("indexed 1 articles"), "{}", run.stdout);
    assert!(run.stdout.contains("1 too-large"), "{}", run.stdout);
}
