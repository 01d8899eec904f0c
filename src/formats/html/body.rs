//! The article body of a web page, without navigation, ads, related links, comments, share
//! buttons and scripts. The main-content extraction is rs-trafilatura's (a port of
//! trafilatura's readability-style scoring with its own boilerplate patterns); this module
//! turns its text into paragraphs and removes what web pages add around an article and
//! that extraction lets through: the headline again, date and byline lines, a tail listing
//! other stories, "You may also like" blocks, and paragraphs the page's own JSON-LD
//! `articleBody` does not hold.

use std::collections::HashSet;
use std::sync::LazyLock;

use dom_query::Document;
use regex::{Regex, RegexSet};

use super::meta::PageMeta;
use crate::dates;
use crate::formats::normalize_space;
use crate::formats::text::byline_authors;

/// Headings of boxes of links to other stories ("You may also like").
static TAIL_STARTS: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSet::new([
        r"(?i)^(?:you (?:may|might) (?:also )?(?:be interested in|like|enjoy)|more in \w+|related(?: stories| articles| posts| coverage| content| tags)?|recommended(?: for you| stories)?|sponsored links?|more stories|read next|trending now|most (?:read|popular)|more:|don'?t miss|about the author)\W*$",
        r"(?i)^(?:more (?:great )?\S+ stories|popular on \S+|also on \S+|more from \S+(?: \S+)?)\W*$",
        r"(?i)^(?:tell us what you think|like this story\? share it)",
    ])
    .expect("valid regexes")
});
/// Single paragraphs of web furniture.
static FURNITURE: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSet::new([
        r"(?i)^have a (?:news )?tip\?",
        r"(?i)^get the latest .{0,60}\binbox\b",
        r"(?i)^(?:copyright|©)\s[^.,]{0,80}$",
        r"(?i)^(?:updated|posted|published)(?: at| on)?:? \d{1,2}[:.]\d{2}.{0,20}$",
        r"(?i)^by [^.]{2,60} [-|–] [\d/.-]{8,10}$",
        r"(?i)^\[?related(?: post| article| story)?: .{0,200}$",
        r"(?i)^(?:see more|read more|also read|our standards|sign up): .{0,200}$",
        r"(?i)^tags:? .{0,80}$",
        r"(?i)^(?:back to gallery|this slideshow requires javascript\.?|advert)$",
        r"(?i)^(?:tempo de leitura|reading time|lesezeit|temps de lecture):? .{0,20}$",
        r"(?i)^\d+ min(?:ute)?s? read$",
        r"(?i)^\(?reporting by .{0,300}$",
        r"(?i)^get .{0,60} delivered .{0,120}$",
    ])
    .expect("valid regexes")
});
/// Most story links dropped after a link-box heading.
const LINK_BOX_MAX_LINES: usize = 8;
/// Shingle size for comparing paragraphs with the JSON-LD body.
const LD_SHINGLE: usize = 3;
/// Share of the extracted text the JSON-LD body must hold before it is trusted as a filter.
const LD_MIN_COVERAGE: f64 = 0.5;
/// Words a JSON-LD body needs before it is used at all.
const LD_MIN_WORDS: usize = 50;
/// A listing tail: at least this many short paragraphs at the end ...
const LISTING_MIN_RUN: usize = 4;
/// ... each shorter than this many words ...
const LISTING_MAX_WORDS: usize = 16;

/// Fewest words of a link text dropped as a link to another story.
const MIN_LINK_WORDS: usize = 4;
static NUMERIC_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b\d{1,2}[/.]\d{1,2}[/.](?:19|20)\d{2}\b").expect("valid regex"));
static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\w+").expect("valid regex"));

/// The body paragraphs of a page, in reading order. From `page`: the headline and the
/// standfirst are dropped when extraction repeats them, a paragraph starting "More
/// OUTLET" is the site's, and the JSON-LD `articleBody` is a filter when it covers most of
/// the extracted text and the body when the markup gives none.
pub fn extract(html: &str, document: &Document, page: &PageMeta) -> Vec<String> {
    let ld_body = page.article_body.as_deref();
    let options = rs_trafilatura::Options::default();
    let text = rs_trafilatura::extract_with_options(html, &options)
        .map(|r| r.content_text)
        .unwrap_or_default();
    let mut paragraphs = split_paragraphs(&text);
    if paragraphs.is_empty() {
        return ld_body.map(split_paragraphs).unwrap_or_default();
    }
    cut_tail(&mut paragraphs);
    let links = link_texts(document);
    let texts = paragraph_texts(document);
    paragraphs
        .retain(|p| !repeats_header(p, page, &texts) && !is_furniture(p) && !is_link(p, &links));
    if let Some(ld) = ld_body {
        keep_ld_paragraphs(&mut paragraphs, ld);
    }
    paragraphs
}

/// The texts of the page's `<p>` elements.
fn paragraph_texts(document: &Document) -> HashSet<String> {
    document
        .select("p")
        .nodes()
        .iter()
        .map(|n| normalize_space(&n.text()))
        .filter(|t| !t.is_empty())
        .collect()
}

/// True for the headline again, the standfirst again (unless the page prints it as a
/// paragraph: then it is the article's first paragraph, reused as the description), and
/// "More OUTLET ..." link boxes.
fn repeats_header(paragraph: &str, page: &PageMeta, texts: &HashSet<String>) -> bool {
    let is = |field: &Option<String>| field.as_deref() == Some(paragraph);
    let standfirst = is(&page.subtitle) && !texts.contains(paragraph);
    let more_outlet = page.outlet.as_deref().is_some_and(|outlet| {
        let lower = paragraph.to_lowercase();
        let outlet = outlet.to_lowercase();
        lower.strip_prefix("more ").is_some_and(|rest| {
            let rest = rest.strip_prefix("from ").unwrap_or(rest);
            rest.strip_prefix("the ")
                .unwrap_or(rest)
                .starts_with(&outlet)
                || rest.starts_with(&outlet)
        })
    });
    is(&page.title) || standfirst || more_outlet
}

/// Lines of text as whitespace-normalised, non-empty paragraphs.
pub fn split_paragraphs(text: &str) -> Vec<String> {
    text.lines()
        .map(normalize_space)
        .filter(|p| !p.is_empty())
        .collect()
}

fn is_furniture(paragraph: &str) -> bool {
    FURNITURE.is_match(paragraph)
        || dates::is_date_line(paragraph)
        || (paragraph.len() < 80 && byline_authors(paragraph).is_some())
}

/// The texts of the page's links (`<a>`), whitespace-normalised: a paragraph that is one
/// of them is a link to another page, not the article.
fn link_texts(document: &Document) -> HashSet<String> {
    document
        .select("a")
        .nodes()
        .iter()
        .map(|n| normalize_space(&n.text()))
        .filter(|t| !t.is_empty())
        .collect()
}

/// A paragraph that is the whole text of a link to another story: a headline of a few
/// words, not a bare URL or a short label.
fn is_link(paragraph: &str, links: &HashSet<String>) -> bool {
    let bare = paragraph.trim_matches(|c: char| !c.is_alphanumeric());
    (links.contains(paragraph) || links.contains(bare))
        && word_count(bare) >= MIN_LINK_WORDS
        && !bare.starts_with("http")
}

fn word_count(text: &str) -> usize {
    WORD.find_iter(text).count()
}

/// Drops each "You may also like" heading with the short lines (story links) after it.
fn drop_link_boxes(paragraphs: &mut Vec<String>) {
    let mut kept = Vec::with_capacity(paragraphs.len());
    let mut in_box = 0;
    for p in paragraphs.drain(..) {
        if TAIL_STARTS.is_match(&p) {
            in_box = LINK_BOX_MAX_LINES;
        } else if in_box > 0 && word_count(&p) < LISTING_MAX_WORDS {
            in_box -= 1;
        } else {
            in_box = 0;
            kept.push(p);
        }
    }
    *paragraphs = kept;
}

/// Cuts a "You may also like" block and what follows it, and a tail that lists other
/// stories (a run of short lines, some of them bylines or dates).
fn cut_tail(paragraphs: &mut Vec<String>) {
    drop_link_boxes(paragraphs);
    let run = paragraphs
        .iter()
        .rev()
        .take_while(|p| word_count(p) < LISTING_MAX_WORDS)
        .count();
    if run >= LISTING_MIN_RUN && run < paragraphs.len() {
        let tail = &paragraphs[paragraphs.len() - run..];
        let listing_marks = tail
            .iter()
            .filter(|p| {
                p.starts_with("By ")
                    || p.contains(" | ")
                    || dates::find_date(p).is_some()
                    || NUMERIC_DATE.is_match(p)
            })
            .count();
        if listing_marks * 3 >= run {
            paragraphs.truncate(paragraphs.len() - run);
        }
    }
}

fn shingles(text: &str) -> Vec<String> {
    let words: Vec<String> = WORD
        .find_iter(text)
        .map(|m| m.as_str().to_lowercase())
        .collect();
    words.windows(LD_SHINGLE).map(|w| w.join(" ")).collect()
}

/// Keeps the paragraphs the JSON-LD body holds, when that body holds most of the text.
fn keep_ld_paragraphs(paragraphs: &mut Vec<String>, ld_body: &str) {
    if word_count(ld_body) < LD_MIN_WORDS {
        return;
    }
    let known: HashSet<String> = shingles(ld_body).into_iter().collect();
    let share = |p: &str| {
        let own = shingles(p);
        let hits = own.iter().filter(|s| known.contains(*s)).count();
        (hits, own.len())
    };
    let (hits, all) = paragraphs
        .iter()
        .map(|p| share(p))
        .fold((0, 0), |(h, a), (ph, pa)| (h + ph, a + pa));
    if all == 0 || (hits as f64) < LD_MIN_COVERAGE * all as f64 {
        return;
    }
    paragraphs.retain(|p| {
        let (hits, all) = share(p);
        all > 0 && hits * 2 >= all
    });
}

/// The photo captions of the page (`<figcaption>`), in order.
pub fn captions(document: &Document) -> Vec<String> {
    document
        .select("figcaption")
        .nodes()
        .iter()
        .map(|n| normalize_space(&n.text()))
        .filter(|c| !c.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn listing_tails_are_cut() {
        let mut p = strings(&[
            "A long enough opening paragraph of the article that tells the whole story in many more words.",
            "Other headline one",
            "By REUTERS",
            "11/20/2019 10:08 AM",
            "Other headline two",
            "By STAFF",
        ]);
        cut_tail(&mut p);
        assert_eq!(p.len(), 1);
    }

    #[test]
    fn short_closing_lines_stay() {
        let mut p = strings(&[
            "A long enough opening paragraph of the article that tells the whole story in words.",
            "\"That's correct,\" Volker said.",
            "The hearing ended at noon.",
        ]);
        cut_tail(&mut p);
        assert_eq!(p.len(), 3);
    }

    #[test]
    fn you_may_also_like_ends_the_article() {
        let mut p = strings(&["Body.", "You may also be interested in...", "Other story"]);
        cut_tail(&mut p);
        assert_eq!(p, ["Body."]);
    }

    #[test]
    fn link_boxes_inside_the_article_are_dropped() {
        let mut p = strings(&[
            "First paragraph of the story, long enough to be a real paragraph of news text.",
            "Also on rt.com",
            "Journalists threatened with arrest as Bolivia purges",
            "Second paragraph of the story, also long enough to be a real paragraph of text and then some more.",
        ]);
        cut_tail(&mut p);
        assert_eq!(p.len(), 2);
        assert!(p[1].starts_with("Second"));
    }

    #[test]
    fn whole_link_headlines_are_not_body() {
        let links: HashSet<String> = [
            "Paid political ads are not the problem",
            "Buy Now",
            "http://amzn.to/2iJFhRj",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        assert!(is_link("Paid political ads are not the problem", &links));
        assert!(!is_link("Buy Now", &links));
        assert!(!is_link("http://amzn.to/2iJFhRj", &links));
        assert!(!is_link("A sentence that is not a link at all.", &links));
    }

    #[test]
    fn headline_standfirst_and_more_outlet_repeat_the_header() {
        let page = PageMeta {
            title: Some("Port opens".into()),
            subtitle: Some("The port doubles its capacity.".into()),
            outlet: Some("Harbour Courier".into()),
            ..PageMeta::default()
        };
        let none = HashSet::new();
        assert!(repeats_header("Port opens", &page, &none));
        assert!(repeats_header(
            "The port doubles its capacity.",
            &page,
            &none
        ));
        assert!(repeats_header(
            "More Harbour Courier Oil falls again",
            &page,
            &none
        ));
        assert!(repeats_header(
            "More from the Harbour Courier",
            &page,
            &none
        ));
        assert!(!repeats_header("More ships arrived.", &page, &none));
        let lede: HashSet<String> = ["The port doubles its capacity.".to_string()].into();
        assert!(!repeats_header(
            "The port doubles its capacity.",
            &page,
            &lede
        ));
    }

    #[test]
    fn web_furniture_lines() {
        for line in [
            "Have a tip? Reach the desk at tips@example.com.",
            "Get the latest updates right in your inbox. Subscribe to our newsletters.",
            "copyright Inexhibit 2019 - ISSN: 2283-5474",
            "Updated at 1:23 p.m.",
            "By FEDERICA LUSIARDI - 2019-04-10",
            "November 19, 2019",
            "By Ana Ruiz",
            "[Related: Salesforce keynote draws protesters ]",
            "Tags Kristi Noem South Dakota",
            "Reading time: 2 minutes",
            "(Reporting by Greg Roumeliotis; editing by Martin Howell.)",
            "This slideshow requires JavaScript.",
        ] {
            assert!(is_furniture(line), "{line}");
        }
        assert!(!is_furniture(
            "Copyright law was changed in 2019, the minister said, after years of debate in parliament and court."
        ));
    }

    #[test]
    fn json_ld_body_filters_when_it_covers_the_text() {
        let ld = "The port of Tangier opened a new terminal on Wednesday. ".repeat(10);
        let mut p = strings(&[
            &"The port of Tangier opened a new terminal on Wednesday. ".repeat(10),
            "Sign up for our morning briefing and more stories.",
        ]);
        keep_ld_paragraphs(&mut p, &ld);
        assert_eq!(p.len(), 1);
    }
}
