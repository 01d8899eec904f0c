//! Unit tests of the HTML parser on small pages written for them.

use super::*;
use time::macros::date;

fn parse_str(html: &str) -> Article {
    parse(html, &Boilerplate::builtin().unwrap())
}

const BODY_TEXT: &str = "<p>Officials from Rabat and Madrid met on Tuesday to agree on the reopening of the land crossing at Ceuta, closed for two years.</p>
<p>The decision, taken after hours of talks at the foreign ministry, allows goods and travellers to pass again from next month, the ministers said.</p>
<p>Traders on both sides of the border welcomed the move, saying the closure had cost them most of their income since the spring of 2020.</p>";

fn page(head: &str, body: &str) -> String {
    format!("<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>")
}

#[test]
fn open_graph_and_article_tags() {
    let head = r#"<title>Border reopens | Harbour Courier</title>
        <meta property="og:title" content="Morocco and Spain reopen the Ceuta border">
        <meta property="og:description" content="Ministers agree after two years.">
        <meta property="og:site_name" content="Harbour Courier">
        <meta property="og:url" content="https://www.harbour.example/world/ceuta">
        <meta property="article:published_time" content="2022-05-17T08:00:00Z">
        <meta property="article:section" content="World">
        <meta name="author" content="Leila Amrani and Tom Reed">"#;
    let a = parse_str(&page(head, &format!("<article>{BODY_TEXT}</article>")));
    assert_eq!(a.title, "Morocco and Spain reopen the Ceuta border");
    assert_eq!(
        a.subtitle.as_deref(),
        Some("Ministers agree after two years.")
    );
    assert_eq!(a.source.as_deref(), Some("Harbour Courier"));
    assert_eq!(a.section.as_deref(), Some("World"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://www.harbour.example/world/ceuta")
    );
    assert_eq!(a.published, Some(date!(2022 - 05 - 17)));
    assert_eq!(a.authors, ["Leila Amrani", "Tom Reed"]);
    assert_eq!(a.paragraphs().count(), 3, "{}", a.body);
}

#[test]
fn json_ld_fills_what_meta_tags_lack() {
    let head = r#"<title>Ceuta border reopens - Courier</title>
        <link rel="canonical" href="https://courier.example/ceuta">
        <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
          {"@type": "WebSite", "name": "Courier"},
          {"@type": "NewsArticle", "headline": "Ceuta border reopens", "datePublished": "2022-05-18",
           "author": [{"@type": "Person", "name": "Ana Ruiz"}], "articleSection": ["Europe"],
           "publisher": {"@type": "Organization", "name": "The Courier"}}]}</script>"#;
    let a = parse_str(&page(head, &format!("<main>{BODY_TEXT}</main>")));
    assert_eq!(a.title, "Ceuta border reopens");
    assert_eq!(a.published, Some(date!(2022 - 05 - 18)));
    assert_eq!(a.authors, ["Ana Ruiz"]);
    assert_eq!(a.section.as_deref(), Some("Europe"));
    assert_eq!(a.source.as_deref(), Some("The Courier"));
    assert_eq!(a.url.as_deref(), Some("https://courier.example/ceuta"));
}

#[test]
fn markup_fallbacks_h1_time_and_rel_author() {
    let body = format!(
        r#"<article><h1>Ceuta crossing opens</h1><a rel="author" href="/a/ruiz">Ana Ruiz</a>
        <time datetime="2022-05-19T10:00">May 19</time>{BODY_TEXT}</article>"#
    );
    let a = parse_str(&page(
        "<title>Ceuta crossing opens | Courier</title>",
        &body,
    ));
    assert_eq!(a.title, "Ceuta crossing opens");
    assert_eq!(a.published, Some(date!(2022 - 05 - 19)));
    assert_eq!(a.authors, ["Ana Ruiz"]);
}

#[test]
fn title_tag_loses_the_outlet_suffix() {
    let a = parse_str(&page(
        "<title>Ceuta crossing opens - The Courier</title>",
        BODY_TEXT,
    ));
    assert_eq!(a.title, "Ceuta crossing opens");
    assert_eq!(
        meta::strip_outlet("Trump - the man", None, false),
        "Trump - the man"
    );
    assert_eq!(
        meta::strip_outlet("Oil falls | Markets | Courier", Some("Courier"), false),
        "Oil falls | Markets"
    );
}

#[test]
fn furniture_is_not_body() {
    let body = format!(
        r##"<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
        <div class="share-buttons"><a href="#">Share on Facebook</a></div>
        <article>{BODY_TEXT}<p>ADVERTISEMENT</p>
        <figure><img src="x.jpg"><figcaption>Trucks wait at the Ceuta crossing. (Photo: AFP)</figcaption></figure>
        </article>
        <aside class="related"><h3>Related</h3><ul><li><a href="/1">Other story one about the border</a></li>
        <li><a href="/2">Other story two about the border</a></li></ul></aside>
        <div id="comments"><p>Great article, thanks for writing it!</p></div>
        <script>var tracking = "do not index this";</script>
        <footer>Copyright 2022 Harbour Courier. All rights reserved.</footer>"##
    );
    let a = parse_str(&page("<title>Ceuta</title>", &body));
    for furniture in [
        "Home",
        "Facebook",
        "ADVERTISEMENT",
        "Other story",
        "Great article",
        "tracking",
        "Copyright",
    ] {
        assert!(!a.body.contains(furniture), "{furniture} in {}", a.body);
    }
    assert!(a.body.starts_with("Officials from Rabat"), "{}", a.body);
    assert!(a.body.contains("\n\nThe decision"), "{}", a.body);
    assert_eq!(
        a.captions,
        ["Trucks wait at the Ceuta crossing. (Photo: AFP)"]
    );
}

#[test]
fn declared_charset_is_honoured() {
    let mut bytes = b"<html><head><meta charset=\"windows-1251\"><title>".to_vec();
    bytes.extend_from_slice(b"\xcc\xee\xf1\xea\xe2\xe0</title></head><body><p>");
    bytes.extend_from_slice(b"\xc2 \xcc\xee\xf1\xea\xe2\xe5 \xf1\xed\xe5\xe3.</p></body></html>");
    let a = parse_bytes(&bytes, None, &Boilerplate::builtin().unwrap()).unwrap();
    assert_eq!(a.title, "Москва");
}

#[test]
fn a_page_without_text_is_no_article() {
    let rules = Boilerplate::builtin().unwrap();
    assert_eq!(
        parse_bytes(b"<html><body><nav></nav></body></html>", None, &rules),
        Err(SkipReason::NoArticle)
    );
}

#[test]
fn caption_lines_in_the_text_become_captions() {
    let body = format!(
        "<article>{BODY_TEXT}<p>Traders wait with their goods at the Ceuta border crossing on Tuesday morning. (Photo: AFP)</p></article>"
    );
    let a = parse_str(&page("<title>Ceuta</title>", &body));
    assert_eq!(
        a.captions,
        [
            "Traders wait with their goods at the Ceuta border crossing on Tuesday morning. (Photo: AFP)"
        ]
    );
    assert!(!a.body.contains("Photo"), "{}", a.body);
}
