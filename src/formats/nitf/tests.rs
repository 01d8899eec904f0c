//! Unit tests of the NITF parser.

use super::*;
use time::macros::date;

const STORY: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<nitf version="-//IPTC//DTD NITF 3.6//EN">
  <head>
    <title>Port deal</title>
    <docdata>
      <date.issue norm="20230628T101400Z"/>
      <doc.copyright holder="Atlas Wire" year="2023"/>
    </docdata>
    <pubdata type="web" name="Atlas Wire Online" date.publication="20230629T000000"/>
  </head>
  <body>
    <body.head>
      <hedline><hl1>Tanger Med expands &amp; hires</hl1><hl2>The port doubles its capacity.</hl2></hedline>
      <byline>By <person>Leila Amrani</person> and <person>Tom Reed</person></byline>
    </body.head>
    <body.content>
      <p>TANGIER &#8212; The port opened a new terminal on Wednesday.</p>
      <media media-type="image"><media-caption>Cranes at Tanger Med. (Photo: AFP)</media-caption></media>
      <block><p>Officials said <em>30,000</em> jobs would follow.</p></block>
      <p>ADVERTISEMENT</p>
    </body.content>
  </body>
</nitf>"#;

fn parse_str(xml: &str) -> Result<Article, SkipReason> {
    parse(xml, &Boilerplate::builtin().unwrap())
}

#[test]
fn full_story() {
    let a = parse_str(STORY).unwrap();
    assert_eq!(a.title, "Tanger Med expands & hires");
    assert_eq!(
        a.subtitle.as_deref(),
        Some("The port doubles its capacity.")
    );
    assert_eq!(a.authors, ["Leila Amrani", "Tom Reed"]);
    assert_eq!(a.published, Some(date!(2023 - 06 - 28)));
    assert_eq!(a.source.as_deref(), Some("Atlas Wire"));
    assert_eq!(
        a.body,
        "TANGIER \u{2014} The port opened a new terminal on Wednesday.\n\nOfficials said 30,000 jobs would follow."
    );
    assert_eq!(a.captions, ["Cranes at Tanger Med. (Photo: AFP)"]);
}

#[test]
fn pubdata_is_the_fallback_and_plain_bylines_are_split() {
    let xml = r#"<nitf><head><pubdata name="Atlas Wire Online" date.publication="2023-06-29"/></head>
        <body><body.head><hedline><hl1>Short</hl1></hedline><byline>By Ana Ruiz</byline></body.head>
        <body.content><p>Text.</p></body.content></body></nitf>"#;
    let a = parse_str(xml).unwrap();
    assert_eq!(a.published, Some(date!(2023 - 06 - 29)));
    assert_eq!(a.source.as_deref(), Some("Atlas Wire Online"));
    assert_eq!(a.authors, ["Ana Ruiz"]);
}

#[test]
fn broken_documents_are_reported() {
    assert!(matches!(
        parse_str("<nitf><body><body.content><p>cut"),
        Err(SkipReason::Truncated(_))
    ));
    assert!(matches!(
        parse_str("<nitf><p>a</q></nitf>"),
        Err(SkipReason::Malformed(_))
    ));
    assert!(matches!(
        parse_str("<rss><item/></rss>"),
        Err(SkipReason::Malformed(_))
    ));
}

#[test]
fn sniffing() {
    assert!(sniff(b"<?xml version=\"1.0\"?>\n<!DOCTYPE nitf>\n<nitf>"));
    assert!(!sniff(b"<?xml version=\"1.0\"?><urlset></urlset>"));
}

#[test]
fn declared_encoding() {
    let xml = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><nitf><body><body.head><hedline><hl1>Caf\xe9 society</hl1></hedline></body.head></body></nitf>";
    let a = parse_bytes(xml, &Boilerplate::builtin().unwrap()).unwrap();
    assert_eq!(a.title, "Café society");
}
