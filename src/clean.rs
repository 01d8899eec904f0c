//! Boilerplate removal: paywall and registration nags, donation appeals, share and newsletter
//! furniture, advertising markers, page tails and repeated captions. The rules live in
//! `schema/boilerplate.toml` (compiled in) and can be extended with `--schema DIR`.

use std::path::Path;

use regex::{Regex, RegexSet};
use serde::Deserialize;

use crate::error::{Error, Result};

const BUILTIN_RULES: &str = include_str!("../schema/boilerplate.toml");

/// Longest paragraph (in bytes) that rules and caption patterns look at.
pub const MAX_FURNITURE_BYTES: usize = 1200;

/// What a rule does to the paragraph it matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// Remove the paragraph.
    Drop,
    /// Remove the paragraph and everything after it.
    Cut,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleSpec {
    name: String,
    pattern: String,
    action: Action,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct PatternList {
    #[serde(default)]
    patterns: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionSpec {
    #[serde(default)]
    furniture: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    #[serde(default)]
    rule: Vec<RuleSpec>,
    #[serde(default)]
    captions: PatternList,
    #[serde(default)]
    source: PatternList,
    #[serde(default)]
    section: SectionSpec,
}

/// The compiled boilerplate rules.
#[derive(Debug, Clone)]
pub struct Boilerplate {
    rule_names: Vec<String>,
    rule_actions: Vec<Action>,
    rules: RegexSet,
    captions: RegexSet,
    sources: Vec<Regex>,
    furniture: Vec<String>,
}

/// The captures of `re`'s first match in `text`. A capture search clears a table as long as
/// the text it is given; the DFA first tells whether there is a match at all, which for most
/// lines and paragraphs there is not.
pub(crate) fn captures<'t>(re: &Regex, text: &'t str) -> Option<regex::Captures<'t>> {
    re.is_match(text).then(|| re.captures(text)).flatten()
}

impl Boilerplate {
    /// The rules compiled into the binary.
    pub fn builtin() -> Result<Self> {
        Self::from_sources(&[("boilerplate.toml (built-in)", BUILTIN_RULES)])
    }

    /// The built-in rules plus `DIR/boilerplate.toml` when that file exists.
    pub fn with_overrides(dir: Option<&Path>) -> Result<Self> {
        let Some(path) = dir
            .map(|d| d.join("boilerplate.toml"))
            .filter(|p| p.is_file())
        else {
            return Self::builtin();
        };
        let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
        let name = path.display().to_string();
        Self::from_sources(&[
            ("boilerplate.toml (built-in)", BUILTIN_RULES),
            (&name, &text),
        ])
    }

    /// Compiles rule files given as `(name, TOML text)`; later files add to earlier ones.
    pub fn from_sources(files: &[(&str, &str)]) -> Result<Self> {
        let mut merged = RulesFile::default();
        for (name, text) in files {
            let file: RulesFile = toml::from_str(text).map_err(|e| schema_error(name, text, &e))?;
            merged.rule.extend(file.rule);
            merged.captions.patterns.extend(file.captions.patterns);
            merged.source.patterns.extend(file.source.patterns);
            merged.section.furniture.extend(file.section.furniture);
        }
        let name = files.last().map_or("boilerplate.toml", |f| f.0);
        // ASCII word boundaries keep every rule on the fast DFA engines; a Unicode `\b`
        // would send long paragraphs through the slow PikeVM.
        let whole = |p: &String| format!("(?i)^(?:{})$", p.replace("\\b", "(?-u:\\b)"));
        let anywhere = |p: &String| format!("(?i)(?:{})", p.replace("\\b", "(?-u:\\b)"));
        let bad = |e: regex::Error| Error::Schema {
            file: name.to_string(),
            message: format!("bad pattern: {e}"),
        };
        // One compile of the set; each rule is compiled alone only to name the bad one.
        let rules =
            RegexSet::new(merged.rule.iter().map(|r| whole(&r.pattern))).map_err(|set_err| {
                merged
                    .rule
                    .iter()
                    .find_map(|rule| {
                        Regex::new(&whole(&rule.pattern))
                            .err()
                            .map(|e| Error::Schema {
                                file: name.to_string(),
                                message: format!(
                                    "rule `{}`: bad pattern: {}",
                                    rule.name,
                                    one_line(&e.to_string())
                                ),
                            })
                    })
                    .unwrap_or_else(|| bad(set_err))
            })?;
        let mut furniture: Vec<String> = merged
            .section
            .furniture
            .iter()
            .map(|f| f.to_lowercase())
            .collect();
        furniture.sort_by_key(|f| std::cmp::Reverse(f.len()));
        Ok(Boilerplate {
            rules,
            rule_names: merged.rule.iter().map(|r| r.name.clone()).collect(),
            rule_actions: merged.rule.iter().map(|r| r.action).collect(),
            captions: RegexSet::new(merged.captions.patterns.iter().map(anywhere)).map_err(bad)?,
            sources: merged
                .source
                .patterns
                .iter()
                .map(|p| {
                    // Whole-line patterns with Unicode classes: a larger cache keeps their
                    // lazy DFA from giving up on every line for the bounded backtracker,
                    // which clears a table as long as the line on each call.
                    regex::RegexBuilder::new(&whole(p))
                        .dfa_size_limit(16 << 20)
                        .build()
                })
                .collect::<Result<_, _>>()
                .map_err(bad)?,
            furniture,
        })
    }

    /// The first rule matching `paragraph`, as `(name, action)`. Paragraphs longer than
    /// [`MAX_FURNITURE_BYTES`] are article text, never furniture.
    pub fn matching_rule(&self, paragraph: &str) -> Option<(&str, Action)> {
        let paragraph = paragraph.trim();
        if paragraph.len() > MAX_FURNITURE_BYTES {
            return None;
        }
        let index = self.rules.matches(paragraph).into_iter().next()?;
        Some((&self.rule_names[index], self.rule_actions[index]))
    }

    /// True when `paragraph` is a photo caption or credit line.
    pub fn is_caption(&self, paragraph: &str) -> bool {
        let paragraph = paragraph.trim();
        paragraph.len() <= MAX_FURNITURE_BYTES && self.captions.is_match(paragraph)
    }

    /// The outlet named by one of the page's lines (a copyright line, a registration nag).
    pub fn find_source<'a>(&self, lines: impl IntoIterator<Item = &'a str>) -> Option<String> {
        lines.into_iter().find_map(|line| {
            self.sources.iter().find_map(|re| {
                let name = captures(re, line.trim())?.name("source")?.as_str().trim();
                let name = name.trim_end_matches(['.', ',']).trim();
                (!name.is_empty()).then(|| name.to_string())
            })
        })
    }

    /// The section named by a kicker line, without the site furniture glued to it:
    /// "update deskIsrael News" gives "Israel News".
    pub fn clean_section(&self, kicker: &str) -> Option<String> {
        let mut rest = kicker.trim();
        let lower = rest.to_lowercase();
        if let Some(prefix) = self
            .furniture
            .iter()
            .find(|f| lower.starts_with(f.as_str()))
        {
            rest = rest.get(prefix.len()..).unwrap_or(rest);
        }
        let rest =
            rest.trim_matches(|c: char| c.is_whitespace() || matches!(c, '|' | '-' | '/' | '•'));
        let rest = split_glued(rest);
        (!rest.is_empty()).then(|| rest.to_string())
    }

    /// Removes boilerplate from a list of paragraphs: drops matching ones, stops at a page tail
    /// (never at the first paragraph) and collapses a paragraph repeated right after itself.
    pub fn clean_paragraphs<'a>(
        &self,
        paragraphs: impl IntoIterator<Item = &'a str>,
    ) -> Vec<&'a str> {
        let mut kept: Vec<&str> = Vec::new();
        for paragraph in paragraphs {
            let paragraph = paragraph.trim();
            if paragraph.is_empty() || kept.last() == Some(&paragraph) {
                continue;
            }
            match self.matching_rule(paragraph) {
                Some((_, Action::Cut)) if !kept.is_empty() => break,
                Some(_) => continue,
                None => kept.push(paragraph),
            }
        }
        kept
    }
}

/// Splits "deskIsrael News" or "Latest wireWorld" after the last lower-to-upper case join
/// and keeps the end, when what comes before the join looks like furniture (it starts in
/// lower case or holds a space); brand names such as "LinkedIn" or "SoftBank" stay whole.
fn split_glued(text: &str) -> &str {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let join = chars
        .windows(2)
        .rposition(|w| w[0].1.is_lowercase() && w[1].1.is_uppercase() && w[0].0 >= 3);
    let Some(i) = join else { return text };
    let (before, after) = text.split_at(chars[i + 1].0);
    let furniture = before.starts_with(char::is_lowercase) || before.contains(' ');
    if furniture { after } else { text }
}

fn schema_error(name: &str, text: &str, err: &toml::de::Error) -> Error {
    let line = err
        .span()
        .map(|span| text[..span.start.min(text.len())].matches('\n').count() + 1);
    let message = match line {
        Some(line) => format!("line {line}: {}", err.message()),
        None => err.message().to_string(),
    };
    Error::Schema {
        file: name.to_string(),
        message,
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Parses a TOML schema file, turning syntax and shape errors into line-numbered
/// [`Error::Schema`] values.
pub(crate) fn parse_toml<T: serde::de::DeserializeOwned>(name: &str, text: &str) -> Result<T> {
    toml::from_str(text).map_err(|e| schema_error(name, text, &e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> Boilerplate {
        Boilerplate::builtin().unwrap()
    }

    fn dropped(line: &str) -> bool {
        matches!(rules().matching_rule(line), Some((_, Action::Drop)))
    }

    fn cuts(line: &str) -> bool {
        matches!(rules().matching_rule(line), Some((_, Action::Cut)))
    }

    #[test]
    fn paywall_and_quota_lines_are_dropped() {
        assert!(dropped("You have read 3 articles this month."));
        assert!(dropped("You have read more than 10 articles this month."));
        assert!(dropped("Register to receive full access to JNS."));
        assert!(dropped(
            "Please register for full access to continue reading and post comments."
        ));
        assert!(dropped("Thank you. You are a loyal JNS Reader."));
    }

    #[test]
    fn donation_appeals_are_dropped() {
        assert!(dropped("Become a part of our mission by donating today"));
        assert!(dropped(
            "Independent reporting costs money. We rely on readers like you to keep it free."
        ));
    }

    #[test]
    fn furniture_lines_are_dropped() {
        for line in [
            "Share this article",
            "Subscribe to our newsletter",
            "Sign up for our daily newsletter and never miss a story",
            "Download our app",
            "ADVERTISEMENT",
            "Advertisement",
            "Related: Morocco and Israel sign defence pact",
            "Read more: Oil falls as OPEC meets",
            "© 2023 Harbour Courier. All rights reserved.",
            "Reuter",
        ] {
            assert!(dropped(line), "{line}");
        }
    }

    #[test]
    fn page_tails_cut() {
        for line in [
            "Topics",
            "Comments",
            "Most read",
            "Just before you scroll on...",
            "More from Maghreb Dispatch",
        ] {
            assert!(cuts(line), "{line}");
        }
    }

    #[test]
    fn news_sentences_are_kept() {
        for line in [
            "The minister said the donation of 10 tonnes of wheat arrived on Tuesday.",
            "Topics discussed included trade and water.",
            "Share prices rose 3% in Casablanca.",
            "Israel and Morocco signed an advertising standards accord.",
        ] {
            assert_eq!(rules().matching_rule(line), None, "{line}");
        }
    }

    #[test]
    fn clean_paragraphs_cuts_tail_but_never_first_paragraph() {
        let kept = rules().clean_paragraphs([
            "Comments",
            "Body one.",
            "ADVERTISEMENT",
            "Body two.",
            "Body two.",
            "Topics",
            "After tail.",
        ]);
        assert_eq!(kept, ["Body one.", "Body two."]);
    }

    #[test]
    fn captions_are_recognised() {
        let rules = rules();
        assert!(rules.is_caption("Defense Minister Yoav Gallant with IDF Chief of Staff Lt. Gen. Herzi Halevi. Credit: Israel Ministry of Defense Spokesperson’s Office."));
        assert!(rules.is_caption("Fans celebrate in Casablanca. (Photo: AFP)"));
        assert!(rules.is_caption("Photo: Reuters"));
        assert!(!rules.is_caption("The photo agency said it had credit problems."));
    }

    #[test]
    fn source_from_copyright_and_registration_lines() {
        let rules = rules();
        assert_eq!(
            rules
                .find_source(["x", "© 2023 Harbour Courier. All rights reserved."])
                .as_deref(),
            Some("Harbour Courier")
        );
        assert_eq!(
            rules
                .find_source(["Register to receive full access to JNS."])
                .as_deref(),
            Some("JNS")
        );
        assert_eq!(rules.find_source(["nothing"]), None);
        assert_eq!(
            rules
                .find_source(["© Northgate Courier Ltd. All rights reserved."])
                .as_deref(),
            Some("Northgate Courier")
        );
        assert_eq!(
            rules
                .find_source(["© 2019-2024 Atlas Coast Dispatch. All rights reserved."])
                .as_deref(),
            Some("Atlas Coast Dispatch")
        );
    }

    #[test]
    fn section_loses_glued_furniture() {
        let rules = rules();
        assert_eq!(
            rules.clean_section("update deskIsrael News").as_deref(),
            Some("Israel News")
        );
        assert_eq!(
            rules.clean_section("Live updatesWorld").as_deref(),
            Some("World")
        );
        assert_eq!(rules.clean_section("Sport").as_deref(), Some("Sport"));
        assert_eq!(
            rules.clean_section("Top storiesBusiness").as_deref(),
            Some("Business")
        );
    }

    #[test]
    fn brand_names_are_not_split_as_furniture() {
        let rules = rules();
        assert_eq!(
            rules.clean_section("Latest wireIsrael News").as_deref(),
            Some("Israel News")
        );
        assert_eq!(rules.clean_section("LinkedIn").as_deref(), Some("LinkedIn"));
        assert_eq!(
            rules.clean_section("SoftBank News").as_deref(),
            Some("SoftBank News")
        );
    }

    #[test]
    fn bad_rule_file_reports_line() {
        let err = Boilerplate::from_sources(&[("mine.toml", "[[rule]]\nname = 1\n")]).unwrap_err();
        assert!(err.to_string().contains("mine.toml: line 2"), "{err}");
        let err = Boilerplate::from_sources(&[(
            "mine.toml",
            "[[rule]]\nname='x'\npattern='('\naction='drop'\n",
        )])
        .unwrap_err();
        assert!(err.to_string().contains("bad pattern"), "{err}");
    }
}
