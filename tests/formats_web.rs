//! Web and wire formats end to end: saved HTML pages (also gzip-compressed and in Latin-1),
//! WARC archives (plain and per-record gzip) and NITF XML, indexed from
//! `tests/fixtures/formats/` by the real binary.

mod util;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde_json::Value;
use util::{Harness, strings};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/formats")
}

/// Indexes the fixtures and returns every exported article by its path under the fixtures.
fn indexed() -> (Harness, HashMap<String, Value>) {
    let harness = Harness::new();
    let run = harness.index(&fixtures());
    assert!(
        run.stdout.contains("indexed 7 articles from 7 files"),
        "{}",
        run.stdout
    );
    assert!(run.stderr.trim().is_empty(), "{}", run.stderr);
    let export = harness.run(&["export"]);
    let articles = export
        .stdout
        .lines()
        .map(|line| serde_json::from_str::<Value>(line).expect("JSON line"))
        .map(|a| {
            let path = a["path"].as_str().unwrap().replace('\\', "/");
            let short = path.split("fixtures/formats/").nth(1).unwrap().to_string();
            (short, a)
        })
        .collect();
    (harness, articles)
}

#[test]
fn html_pages_give_metadata_and_a_clean_body() {
    let (_harness, articles) = indexed();
    let page = &articles["pages/2023/06/harbour-courier-tanger-med.html"];
    assert_eq!(
        page["title"],
        "Tanger Med opens its third container terminal"
    );
    assert_eq!(
        page["subtitle"],
        "The Moroccan port doubles its capacity as shipping lines move from Algeciras."
    );
    assert_eq!(page["source"], "Harbour Courier");
    assert_eq!(page["section"], "Business");
    assert_eq!(page["published"], "2023-06-28");
    assert_eq!(strings(&page["authors"]), ["Leila Amrani"]);
    assert_eq!(
        page["url"],
        "https://www.harbour-courier.example/business/tanger-med-third-terminal"
    );
    let body = page["body"].as_str().unwrap();
    assert!(body.starts_with("Tanger Med opened its third container terminal"));
    assert!(
        body.ends_with("most of them in logistics and assembly."),
        "{body}"
    );
    assert_eq!(body.matches("\n\n").count(), 3, "{body}");
    for furniture in [
        "Home",
        "Share on",
        "ADVERTISEMENT",
        "Casablanca stock",
        "Great news",
        "tracker",
        "rights reserved",
        "newsletter",
    ] {
        assert!(!body.contains(furniture), "{furniture} in {body}");
    }
    assert_eq!(
        strings(&page["captions"]),
        ["Cranes at the new terminal in Tangier. (Photo: AFP)"]
    );
}

#[test]
fn gzip_json_ld_and_latin1_pages() {
    let (harness, articles) = indexed();
    let agadir = &articles["pages/agadir-desalination.html.gz"];
    assert_eq!(agadir["title"], "Agadir desalination plant starts pumping");
    assert_eq!(strings(&agadir["authors"]), ["Omar Haddad"]);
    assert_eq!(agadir["section"], "Environment");
    // No date and no outlet in the page: both come from the canonical URL.
    assert_eq!(agadir["published"], "2022-03-14");
    assert_eq!(agadir["source"], "sirocco-daily.example");
    assert!(!agadir["body"].as_str().unwrap().contains("Front page"));
    let fes = &articles["pages/fes-festival.htm"];
    assert_eq!(fes["title"], "Festival de Fès : la musique sacrée revient");
    assert!(fes["body"].as_str().unwrap().contains("chants séfarades"));
    let found = harness.run(&["search", "séfarades", "--json"]).json();
    assert_eq!(found["total"], 1);
}

#[test]
fn warc_html_responses_are_articles_and_other_records_are_not() {
    let (harness, articles) = indexed();
    let warc: Vec<&String> = articles
        .keys()
        .filter(|p| p.starts_with("crawl/"))
        .collect();
    assert_eq!(warc.len(), 2, "{warc:?}");
    let tram = &articles["crawl/capital-current.warc#3"];
    assert_eq!(tram["title"], "Rabat tram line extended to Temara");
    assert_eq!(tram["source"], "Capital Current");
    assert_eq!(tram["section"], "Cities");
    assert_eq!(
        tram["url"],
        "https://www.capital-current.example/2023/09/15/rabat-tram-temara"
    );
    assert_eq!(tram["published"], "2023-09-15");
    let saffron = &articles["crawl/saffron.warc.gz#2"];
    assert_eq!(
        saffron["title"],
        "Taliouine saffron growers expect a record harvest"
    );
    assert_eq!(saffron["published"], "2023-11-02");
    assert_eq!(saffron["source"], "saffron.example");
    assert!(saffron["body"].as_str().unwrap().contains("Anti-Atlas."));
    let png = harness.run(&["search", "png", "--json"]).json();
    assert_eq!(png["total"], 0);
    let tram_hits = harness.run(&["search", "Temara", "--json"]).json();
    assert_eq!(tram_hits["total"], 1);
}

#[test]
fn nitf_stories_and_sniffed_xml() {
    let (harness, articles) = indexed();
    let noor = &articles["wire/noor-solar.nitf"];
    assert_eq!(
        noor["title"],
        "Noor Ouarzazate solar complex reaches full output"
    );
    assert_eq!(
        noor["subtitle"],
        "The desert plant now supplies power to two million Moroccans."
    );
    assert_eq!(strings(&noor["authors"]), ["Yasmina Idrissi"]);
    assert_eq!(noor["published"], "2021-04-12");
    assert_eq!(noor["source"], "Atlas Wire");
    assert!(
        noor["body"]
            .as_str()
            .unwrap()
            .starts_with("OUARZAZATE \u{2014} The Noor")
    );
    assert_eq!(
        strings(&noor["captions"]),
        ["Mirrors of the Noor III tower plant. (Photo: Atlas Wire)"]
    );
    let essaouira = &articles["wire/essaouira-gnaoua.xml"];
    assert_eq!(
        essaouira["title"],
        "Café owners in Essaouira await the Gnaoua festival crowds"
    );
    assert_eq!(essaouira["published"], "2021-05-20");
    assert_eq!(strings(&essaouira["authors"]), ["Karim Bennani"]);
    assert!(!articles.contains_key("wire/sitemap.xml"));
    let hits = harness
        .run(&["search", "molten salt", "--source", "Atlas Wire", "--json"])
        .json();
    assert_eq!(hits["total"], 1);
}

#[test]
fn a_cut_warc_keeps_its_good_records_and_reports_the_rest() {
    let harness = Harness::new();
    let archive = harness.dir.path().join("crawl");
    std::fs::create_dir_all(&archive).unwrap();
    let whole = std::fs::read(fixtures().join("crawl/capital-current.warc")).unwrap();
    let mut cut = whole.clone();
    cut.extend_from_slice(&whole[..whole.len() / 2]);
    std::fs::write(archive.join("cut.warc"), cut).unwrap();
    let run = harness.run(&["index", archive.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("indexed 1 articles"), "{}", run.stdout);
    assert!(
        run.stderr.contains("cut.warc#7: truncated"),
        "{}",
        run.stderr
    );
}
