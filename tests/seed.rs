//! The done-when check of the first issue on the real seed article, read from
//! `../shared/seed` beside the checkout. The project's own copy of that layout (our own
//! words) is `tests/fixtures/archive/2023/06/defence-call.txt`, tested in `cli.rs`; this test
//! only runs where the shared folder exists and says so when it does not.

mod util;

use std::path::Path;

use util::{Harness, strings};

const SEED: &str = "../shared/seed/000_7baaee33121f4bc1.txt";

#[test]
fn seed_article_parses_exactly() {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED);
    if !seed.is_file() {
        eprintln!(
            "seed test skipped: {} is absent (no ../shared beside the checkout)",
            seed.display()
        );
        return;
    }
    let harness = Harness::new();
    let archive = harness.dir.path().join("seed");
    std::fs::create_dir_all(&archive).unwrap();
    std::fs::copy(&seed, archive.join("seed.txt")).unwrap();
    harness.index(&archive);
    let json = harness
        .run(&["show", archive.join("seed.txt").to_str().unwrap(), "--json"])
        .json();
    assert_eq!(
        json["title"],
        "Gallant hails vital military ties in call with Moroccan counterpart"
    );
    assert_eq!(json["section"], "Israel News");
    assert!(
        json["subtitle"]
            .as_str()
            .unwrap()
            .starts_with("The relationship is")
    );
    assert_eq!(json["captions"].as_array().unwrap().len(), 1);
    let body = json["body"].as_str().unwrap();
    assert!(
        body.ends_with("though he didn\u{2019}t name them."),
        "{body}"
    );
    for tail in [
        "donating",
        "You have read",
        "Register",
        "Topics",
        "Comments",
        "loyal",
    ] {
        assert!(!body.contains(tail), "tail `{tail}` in body");
    }
    let expected = [
        (
            "person",
            &[
                "Yoav Gallant",
                "Herzi Halevi",
                "Abdellatif Loudiyi",
                "Mohammed VI",
                "Amir Ohana",
                "Tzachi Hanegbi",
                "Nasser Bourita",
                "Eli Cohen",
            ][..],
        ),
        (
            "country",
            &[
                "Israel",
                "Morocco",
                "United States",
                "United Arab Emirates",
                "Bahrain",
                "Sudan",
            ][..],
        ),
        (
            "org",
            &[
                "Israel Defense Forces",
                "Knesset",
                "American Jewish Committee",
            ][..],
        ),
        (
            "topic",
            &["Abraham Accords", "Negev Forum", "Western Sahara"][..],
        ),
    ];
    for (kind, names) in expected {
        let found = strings(&json[kind]);
        for name in names {
            assert!(
                found.contains(&name.to_string()),
                "{kind} {name} missing from {found:?}"
            );
        }
    }
    assert_eq!(
        json["mentions"]["person"]["Yoav Gallant"], 5,
        "surname mentions count for the full name"
    );
    assert_eq!(
        harness.run(&["search", "donating", "--json"]).json()["total"],
        0
    );
}
