//! Saved-page text dumps: what a browser's "save as text" gives for a news page. The parser
//! reads the page the way a reader does: an optional kicker (section, maybe glued to site
//! furniture), the headline, an optional standfirst, bylines, a date line and captions, then
//! the body, then the site's tail, which the boilerplate rules cut off.

use std::sync::LazyLock;

use regex::Regex;

use super::{dedup_captions, normalize_space};
use crate::article::Article;
use crate::clean::{Action, Boilerplate};
use crate::dates;

/// Longest kicker line, in characters.
const MAX_KICKER_CHARS: usize = 60;
/// Longest line that can be a headline after a kicker.
const MAX_HEADLINE_CHARS: usize = 200;
/// Longest paragraph taken as a standfirst.
const MAX_STANDFIRST_CHARS: usize = 320;

static BYLINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:By|BY|by)\s+(\p{Lu}.{1,120})$").expect("valid regex"));
/// A wire dateline such as "LONDON, March 23" or "WASHINGTON (Reuters) -".
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[\p{Lu} .'’-]+(?:,\s*\p{Lu}[\p{L} .]*)?(?:,\s*\p{Lu}\p{Ll}+\.?\s+\d{1,2})?\s*(?:\([^)]*\))?\s*[-–—]?$")
        .expect("valid regex")
});
const NAME_PARTICLES: [&str; 12] = [
    "de", "van", "von", "al", "bin", "el", "la", "le", "da", "di", "du", "der",
];

/// Parses a saved-page text dump. Never fails: any text gives an article, possibly empty.
pub fn parse(text: &str, rules: &Boilerplate) -> Article {
    let lines: Vec<String> = text
        .lines()
        .map(normalize_space)
        .filter(|l| !l.is_empty())
        .collect();
    let source = rules.find_source(lines.iter().map(String::as_str));
    let lines: Vec<&str> = lines
        .iter()
        .map(String::as_str)
        .filter(|l| !matches!(rules.matching_rule(l), Some((_, Action::Drop))))
        .collect();
    let mut article = Article {
        source,
        ..Article::default()
    };
    let body_start = parse_header(&lines, rules, &mut article);
    let mut body = Vec::new();
    for line in rules.clean_paragraphs(lines[body_start..].iter().copied()) {
        if rules.is_caption(line) {
            article.captions.push(line.to_string());
        } else {
            body.push(line);
        }
    }
    dedup_captions(&mut article.captions);
    article.body = body.join("\n\n");
    article
}

/// Fills section, title, subtitle, authors, date and leading captions; returns the index of
/// the first body line.
fn parse_header(lines: &[&str], rules: &Boilerplate, article: &mut Article) -> usize {
    let mut i = 0;
    if lines.len() > 2 && is_kicker(lines[0], lines[1], rules) {
        article.section = rules.clean_section(lines[0]);
        i = 1;
    }
    let Some(title) = lines.get(i) else { return i };
    article.title = title.to_string();
    i += 1;
    if let Some(next) = lines.get(i) {
        let followed_by_header = lines.get(i + 1).is_some_and(|l| is_header_line(l, rules));
        let short = next.chars().count() <= MAX_STANDFIRST_CHARS;
        if short
            && !is_header_line(next, rules)
            && !is_dateline(next)
            && (article.section.is_some() || followed_by_header)
        {
            article.subtitle = Some(next.to_string());
            i += 1;
        }
    }
    while let Some(line) = lines.get(i) {
        if let Some(authors) = byline_authors(line) {
            article.authors.extend(authors);
        } else if dates::is_date_line(line) {
            article.published = article.published.or_else(|| dates::find_date(line));
        } else if rules.is_caption(line) {
            article.captions.push(line.to_string());
        } else {
            break;
        }
        i += 1;
    }
    i
}

fn is_header_line(line: &str, rules: &Boilerplate) -> bool {
    byline_authors(line).is_some() || dates::is_date_line(line) || rules.is_caption(line)
}

/// A kicker is a short label line followed by a headline-shaped line.
fn is_kicker(first: &str, second: &str, rules: &Boilerplate) -> bool {
    let ends_sentence = |s: &str| s.ends_with(['.', '!', '?', ':', '"', '”', '’']);
    first.chars().count() <= MAX_KICKER_CHARS
        && !ends_sentence(first)
        && !is_header_line(first, rules)
        && second.chars().count() <= MAX_HEADLINE_CHARS
        && !second.ends_with('.')
        && !is_header_line(second, rules)
        && !is_dateline(second)
}

fn is_dateline(line: &str) -> bool {
    line.len() <= 60 && DATELINE.is_match(line)
}

/// The author names of a byline ("By Jane Smith and Omar Haddad, Middle East correspondent").
pub(crate) fn byline_authors(line: &str) -> Option<Vec<String>> {
    let names = crate::clean::captures(&BYLINE, line)?.get(1)?.as_str();
    let authors: Vec<String> = names
        .split([',', '&', ';'])
        .flat_map(|part| part.split(" and "))
        .map(str::trim)
        .filter(|part| is_person_name(part))
        .map(str::to_string)
        .collect();
    (!authors.is_empty()).then_some(authors)
}

fn is_person_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) || NAME_PARTICLES.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    /// Our own article in the layout of the seed (a saved JNS page).
    const SEED_LAYOUT: &str = include_str!("../../tests/fixtures/archive/2023/06/defence-call.txt");

    fn parse_str(text: &str) -> Article {
        parse(text, &Boilerplate::builtin().unwrap())
    }

    #[test]
    fn seed_layout() {
        let a = parse_str(SEED_LAYOUT);
        assert_eq!(a.section.as_deref(), Some("Israel News"));
        assert_eq!(
            a.title,
            "Gallant and Loudiyi pledge deeper defence ties in phone call"
        );
        assert!(
            a.subtitle
                .as_deref()
                .unwrap()
                .starts_with("Israel\u{2019}s defence chief called")
        );
        assert_eq!(a.captions.len(), 1);
        assert!(a.captions[0].ends_with("Credit: Defense Ministry press office."));
        assert!(
            a.body
                .starts_with("Israeli Defense Minister Yoav Gallant held a phone call")
        );
        assert!(
            a.body
                .ends_with("although Cohen admitted it had been delayed.")
        );
        assert_eq!(a.paragraphs().count(), 7);
        for tail in [
            "donating",
            "readers like you",
            "Topics",
            "You have read",
            "loyal",
        ] {
            assert!(!a.body.contains(tail), "{tail}");
        }
        assert_eq!(a.source.as_deref(), Some("The Levant Ledger"));
    }

    #[test]
    fn byline_date_and_outlet_tail() {
        let text = "Morocco opens new port\n\nThe terminal doubles capacity.\n\nBy Leila Amrani and Tom Reed, Maghreb correspondent\nPublished June 28, 2023 10:14 am\n\nCranes at the port. (Photo: AFP)\n\nFirst body paragraph.\n\nADVERTISEMENT\n\nSecond body paragraph.\n\nShare this article\nMost read\nOther headline one\n\u{a9} 2023 Harbour Courier. All rights reserved.\n";
        let a = parse_str(text);
        assert_eq!(a.section, None);
        assert_eq!(a.title, "Morocco opens new port");
        assert_eq!(
            a.subtitle.as_deref(),
            Some("The terminal doubles capacity.")
        );
        assert_eq!(a.authors, ["Leila Amrani", "Tom Reed"]);
        assert_eq!(a.published, Some(date!(2023 - 06 - 28)));
        assert_eq!(a.captions, ["Cranes at the port. (Photo: AFP)"]);
        assert_eq!(a.body, "First body paragraph.\n\nSecond body paragraph.");
        assert_eq!(a.source.as_deref(), Some("Harbour Courier"));
    }

    #[test]
    fn wire_layout_has_no_kicker_or_standfirst() {
        let text = "TIN PACT SPECIAL SESSION THIS WEEK ROUTINE\n\nLONDON, March 23\n\nA further special session of the International Tin Council will be held, delegates said.\n\nReuter\n";
        let a = parse_str(text);
        assert_eq!(a.title, "TIN PACT SPECIAL SESSION THIS WEEK ROUTINE");
        assert_eq!(a.subtitle, None);
        assert_eq!(a.section, None);
        assert!(a.body.starts_with("LONDON, March 23\n\nA further"));
        assert!(!a.body.contains("Reuter\n") && !a.body.ends_with("Reuter"));
    }

    #[test]
    fn kicker_without_furniture_is_the_section() {
        let a = parse_str(
            "Sport\n\nMorocco reach the semi-final\n\nThe Atlas Lions beat Portugal 1-0 in Doha.\n\nMore text.\n",
        );
        assert_eq!(a.section.as_deref(), Some("Sport"));
        assert_eq!(a.title, "Morocco reach the semi-final");
        assert_eq!(
            a.subtitle.as_deref(),
            Some("The Atlas Lions beat Portugal 1-0 in Doha.")
        );
        assert_eq!(a.body, "More text.");
    }

    #[test]
    fn title_only_brief() {
        let a = parse_str("OPEC MEETS IN VIENNA\n");
        assert_eq!(a.title, "OPEC MEETS IN VIENNA");
        assert!(a.body.is_empty());
    }

    #[test]
    fn bylines() {
        assert_eq!(byline_authors("By Jane Smith").unwrap(), ["Jane Smith"]);
        assert_eq!(
            byline_authors("By Staffan de Mistura & Ana Ruiz").unwrap(),
            ["Staffan de Mistura", "Ana Ruiz"]
        );
        assert_eq!(byline_authors("By the way, this is a sentence."), None);
        assert_eq!(byline_authors("Byzantine art returns"), None);
    }
}
