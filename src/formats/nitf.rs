//! NITF XML (News Industry Text Format, `.nitf`, and `.xml` files whose first bytes hold
//! `<nitf`), as news agencies deliver stories: headline `hedline/hl1`, standfirst `hl2`,
//! byline (`byline`, its `person`s), date (`date.issue norm=`, else `pubdata
//! date.publication`), outlet (`doc.copyright holder`, else `pubdata name`), body
//! paragraphs (`body.content` `p`) and captions (`media-caption`).

use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;
use time::{Date, Month};

use super::{dedup_captions, normalize_space};
use crate::article::Article;
use crate::clean::Boilerplate;
use crate::dates;
use crate::formats::text::byline_authors;
use crate::read::{self, SkipReason};

/// How many leading bytes of a `.xml` file are searched for `<nitf`.
pub const SNIFF_BYTES: usize = 1024;

/// True when the start of an XML document shows it is NITF.
pub fn sniff(head: &[u8]) -> bool {
    let head = &head[..head.len().min(SNIFF_BYTES)];
    head.windows(5).any(|w| w.eq_ignore_ascii_case(b"<nitf"))
}

/// The elements whose text the parser keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Headline,
    Standfirst,
    Byline,
    Person,
    Paragraph,
    Caption,
}

/// What has been read so far: finished parts in order, and parts still open.
#[derive(Default)]
struct Collected {
    done: Vec<(Part, String)>,
    open: Vec<(Part, usize, String)>,
    published: Option<Date>,
    fallback_date: Option<Date>,
    holder: Option<String>,
    publication: Option<String>,
}

/// Parses the bytes of an NITF file (its declared encoding is honoured).
pub fn parse_bytes(bytes: &[u8], rules: &Boilerplate) -> Result<Article, SkipReason> {
    let text = read::decode_markup(bytes, None)?;
    let article = parse(&text, rules)?;
    if article.is_empty() {
        return Err(SkipReason::NoArticle);
    }
    Ok(article)
}

/// Parses an NITF document.
pub fn parse(xml: &str, rules: &Boilerplate) -> Result<Article, SkipReason> {
    let collected = collect(xml)?;
    Ok(build(collected, rules))
}

fn collect(xml: &str) -> Result<Collected, SkipReason> {
    let mut reader = Reader::from_str(xml);
    let mut stack: Vec<String> = Vec::new();
    let mut seen_nitf = false;
    let mut c = Collected::default();
    loop {
        let event = reader.read_event().map_err(|e| {
            SkipReason::Malformed(format!("bad XML at byte {}: {e}", reader.error_position()))
        })?;
        match event {
            Event::Start(e) => {
                let name = e.local_name().as_ref().to_ascii_lowercase();
                seen_nitf |= name == "nitf";
                c.attributes(&name, &e);
                stack.push(name);
                c.open_part(&stack);
            }
            Event::Empty(e) => c.attributes(&e.local_name().as_ref().to_ascii_lowercase(), &e),
            Event::End(_) => {
                c.close_parts(stack.len());
                stack.pop();
            }
            Event::Text(t) => c.push_text(&t.xml10_content()),
            Event::CData(t) => c.push_text(&t),
            Event::GeneralRef(r) => c.push_text(&resolve_ref(&r)),
            Event::Eof => break,
            _ => {}
        }
    }
    if !stack.is_empty() {
        return Err(SkipReason::Truncated(format!(
            "XML ends inside <{}>",
            stack.last().map_or("", String::as_str)
        )));
    }
    if !seen_nitf {
        return Err(SkipReason::Malformed("not an NITF document".into()));
    }
    Ok(c)
}

/// The text of an entity or character reference (`&amp;`, `&#233;`).
fn resolve_ref(r: &quick_xml::events::BytesRef) -> String {
    if let Ok(Some(ch)) = r.resolve_char_ref() {
        return ch.to_string();
    }
    let name: &str = r;
    quick_xml::escape::resolve_predefined_entity(name)
        .map_or_else(|| format!("&{name};"), str::to_string)
}

impl Collected {
    fn open_part(&mut self, stack: &[String]) {
        let inside = |name: &str| stack.iter().any(|s| s == name);
        let part = match stack.last().map(String::as_str) {
            Some("hl1") => Part::Headline,
            Some("hl2") => Part::Standfirst,
            Some("byline") => Part::Byline,
            Some("person") if inside("byline") => Part::Person,
            Some("media-caption") => Part::Caption,
            Some("p") if inside("body.content") && !inside("media-caption") => Part::Paragraph,
            _ => return,
        };
        self.open.push((part, stack.len(), String::new()));
    }

    fn close_parts(&mut self, depth: usize) {
        while self.open.last().is_some_and(|(_, d, _)| *d == depth) {
            if let Some((part, _, text)) = self.open.pop() {
                self.done.push((part, normalize_space(&text)));
            }
        }
    }

    fn push_text(&mut self, text: &str) {
        for (_, _, buffer) in &mut self.open {
            buffer.push_str(text);
        }
    }

    fn attributes(&mut self, name: &str, e: &BytesStart) {
        let attr = |key: &str| -> Option<String> {
            let value = e
                .try_get_attribute(key)
                .ok()??
                .normalized_value(XmlVersion::Implicit1_0)
                .ok()?;
            Some(normalize_space(&value)).filter(|v| !v.is_empty())
        };
        match name {
            "date.issue" => self.published = self.published.or(attr("norm").and_then(nitf_date)),
            "doc.copyright" => self.holder = self.holder.take().or(attr("holder")),
            "pubdata" => {
                let date = attr("date.publication").and_then(nitf_date);
                self.fallback_date = self.fallback_date.or(date);
                self.publication = self.publication.take().or(attr("name"));
            }
            _ => {}
        }
    }
}

/// An NITF date: ISO 8601 basic (`20230628T101400Z`) or extended (`2023-06-28`).
fn nitf_date(text: String) -> Option<Date> {
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() >= 8 {
        let month = Month::try_from(digits[4..6].parse::<u8>().ok()?).ok()?;
        return Date::from_calendar_date(
            digits[..4].parse().ok()?,
            month,
            digits[6..8].parse().ok()?,
        )
        .ok();
    }
    dates::find_date(&text)
}

fn build(c: Collected, rules: &Boilerplate) -> Article {
    let first = |part: Part| {
        c.done
            .iter()
            .find(|(p, t)| *p == part && !t.is_empty())
            .map(|(_, t)| t.clone())
    };
    let all = |part: Part| {
        c.done
            .iter()
            .filter(move |(p, t)| *p == part && !t.is_empty())
    };
    let mut authors: Vec<String> = all(Part::Person).map(|(_, t)| t.clone()).collect();
    if authors.is_empty() {
        authors = first(Part::Byline)
            .map(|b| byline_authors(&b).unwrap_or_else(|| vec![b]))
            .unwrap_or_default();
    }
    let mut captions: Vec<String> = all(Part::Caption).map(|(_, t)| t.clone()).collect();
    dedup_captions(&mut captions);
    let paragraphs: Vec<&str> = all(Part::Paragraph).map(|(_, t)| t.as_str()).collect();
    Article {
        title: first(Part::Headline).unwrap_or_default(),
        subtitle: first(Part::Standfirst),
        authors,
        published: c.published.or(c.fallback_date),
        source: c.holder.clone().or(c.publication.clone()),
        body: rules.clean_paragraphs(paragraphs).join("\n\n"),
        captions,
        ..Article::default()
    }
}

#[cfg(test)]
mod tests;
