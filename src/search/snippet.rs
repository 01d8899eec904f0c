//! Snippets: the best passage of a hit with every matched word marked, built from whichever
//! field matched (body first, then captions, standfirst and title).

use std::ops::Range;

use serde::Serialize;
use std::collections::BTreeMap;
use tantivy::query::Query;
use tantivy::schema::Field;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use tantivy::Score;
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Searcher, TantivyDocument};

use crate::error::Result;

/// Characters a snippet aims for.
pub const SNIPPET_CHARS: usize = 200;

/// A passage of text with the byte ranges of the matched words.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Snippet {
    /// The passage, whitespace collapsed, with "…" where it was cut.
    pub text: String,
    /// Byte ranges of `text` to highlight.
    pub highlights: Vec<Range<usize>>,
}

impl Snippet {
    /// The passage as HTML: escaped, each highlight wrapped in `<b>…</b>`.
    pub fn to_html(&self) -> String {
        self.marked("<b>", "</b>", escape_html)
    }

    /// The passage with each highlight between `open` and `close`, other text through `escape`.
    pub fn marked(&self, open: &str, close: &str, escape: fn(&str) -> String) -> String {
        let mut out = String::with_capacity(self.text.len() + 16);
        let mut at = 0;
        for range in &self.highlights {
            out.push_str(&escape(&self.text[at..range.start]));
            out.push_str(open);
            out.push_str(&escape(&self.text[range.clone()]));
            out.push_str(close);
            at = range.end;
        }
        out.push_str(&escape(&self.text[at..]));
        out
    }
}

/// Escapes `&`, `<`, `>` and `"` for HTML.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// A word matched by expansion rather than by a term of the query: its analyzed form and
/// how it matches a word of the text.
#[derive(Debug, Clone)]
pub enum ExpandedWord {
    /// Words starting with this (lower-cased, not stemmed) text.
    Prefix(String),
    /// Words within this many edits of this analyzed text.
    Fuzzy(String, u8),
}

impl ExpandedWord {
    fn matches(&self, token: &str) -> bool {
        match self {
            ExpandedWord::Prefix(prefix) => token.starts_with(prefix.as_str()),
            ExpandedWord::Fuzzy(target, distance) => {
                edit_distance(token, target) <= usize::from(*distance)
            }
        }
    }
}

/// One field's snippet generator, with what it needs to add expanded words per document.
struct FieldSnippets {
    field: Field,
    generator: SnippetGenerator,
    terms: BTreeMap<String, Score>,
    analyzer: TextAnalyzer,
    /// Finds, ignoring ASCII case, the places where a query term may stand in a text.
    finder: Option<std::sync::Arc<AhoCorasick>>,
}

/// Bytes kept on each side of a place where a query term may stand.
const FOCUS_REACH: usize = 320;
/// Places considered per text: enough for the best passage of any real article.
const FOCUS_PLACES: usize = 256;

/// What [`SnippetMaker::focus`] leaves of a text for analysis.
enum Focus {
    /// No query term can stand in the text.
    Nothing,
    /// Analyze it all.
    Whole,
    /// Analyze this copy, blank (spaces) away from the places a term may stand.
    Near(String),
}

/// Snippet generators for the fields a hit may match in, in order of preference.
pub struct SnippetMaker {
    fields: Vec<FieldSnippets>,
    expanded: Vec<ExpandedWord>,
    fallback: Field,
}

impl SnippetMaker {
    /// Prepares generators for `query` over `fields` (the first is also the fallback);
    /// `expanded` words (prefix and fuzzy) are highlighted where a document holds them.
    pub fn new(
        searcher: &Searcher,
        query: &dyn Query,
        fields: &[Field],
        expanded: Vec<ExpandedWord>,
    ) -> Result<Self> {
        let mut prepared: Vec<FieldSnippets> = Vec::new();
        for &field in fields {
            let mut generator = SnippetGenerator::create(searcher, query, field)?;
            generator.set_max_num_chars(SNIPPET_CHARS);
            let mut terms = BTreeMap::new();
            let mut field_terms = Vec::new();
            query.query_terms(&mut |term, _| {
                if term.field() == field {
                    field_terms.push(term.clone());
                }
            });
            for term in field_terms {
                if let Some(text) = term.value().as_str() {
                    let weight = 1.0 / (1.0 + searcher.doc_freq(&term)? as Score);
                    terms.insert(text.to_string(), weight);
                }
            }
            let analyzer = searcher.index().tokenizer_for_field(field)?;
            // The fields share one analyzer, so they usually share their terms and finder.
            let finder = match prepared.last() {
                Some(previous) if previous.terms.keys().eq(terms.keys()) => previous.finder.clone(),
                _ => term_finder(terms.keys()).map(std::sync::Arc::new),
            };
            prepared.push(FieldSnippets {
                field,
                generator,
                terms,
                analyzer,
                finder,
            });
        }
        Ok(SnippetMaker {
            fields: prepared,
            expanded,
            fallback: fields[0],
        })
    }

    /// The best snippet of a document: the first field with a highlighted passage, else the
    /// opening of the fallback field.
    pub fn snippet(&self, doc: &TantivyDocument) -> Snippet {
        self.snippets(doc, 1).swap_remove(0)
    }

    /// Up to `count` passages of a document, in reading order: the best passage of the first
    /// field with a match, then the next best ones of that field that do not overlap it.
    /// Without any match, the opening of the fallback field. Never empty.
    pub fn snippets(&self, doc: &TantivyDocument, count: usize) -> Vec<Snippet> {
        for field in &self.fields {
            let full = field_text(doc, field.field);
            let chosen = self.passages_of(field, &full, count.max(1));
            if !chosen.is_empty() {
                return chosen
                    .into_iter()
                    .map(|(r, m)| tidy(&full, r, &m))
                    .collect();
            }
        }
        let text = field_text(doc, self.fallback);
        let end = word_end(&text, SNIPPET_CHARS);
        vec![tidy(&text, 0..end, &[])]
    }

    /// Up to `count` non-overlapping highlighted passages of `full`, in reading order, as
    /// (range, highlights relative to it). Each chosen passage is blanked out (byte for
    /// byte, so offsets hold) before the next is looked for; one passage needs no copy.
    fn passages_of(
        &self,
        field: &FieldSnippets,
        full: &str,
        count: usize,
    ) -> Vec<(Range<usize>, Vec<Range<usize>>)> {
        let expanded = self.with_expanded(field, full);
        let generator = expanded.as_ref().unwrap_or(&field.generator);
        let focused = match expanded {
            Some(_) => Focus::Whole,
            None => focus(field, full),
        };
        let analyzed = match &focused {
            Focus::Nothing => return Vec::new(),
            Focus::Whole => full,
            Focus::Near(text) => text.as_str(),
        };
        let mut masked: Option<Vec<u8>> = None;
        let mut chosen: Vec<(Range<usize>, Vec<Range<usize>>)> = Vec::new();
        while chosen.len() < count {
            let found = match &masked {
                None => generator.snippet(analyzed),
                Some(bytes) => generator.snippet(&String::from_utf8_lossy(bytes)),
            };
            if found.highlighted().is_empty() {
                break;
            }
            let (range, marks) = sentence_window(full, found.fragment_range(), found.highlighted());
            let overlaps = chosen
                .iter()
                .any(|(r, _)| r.start < range.end && range.start < r.end);
            let blank = if overlaps {
                found.fragment_range()
            } else {
                range.clone()
            };
            if !overlaps {
                chosen.push((range, marks));
            }
            if chosen.len() < count {
                let bytes = masked.get_or_insert_with(|| analyzed.as_bytes().to_vec());
                bytes[blank].iter_mut().for_each(|b| *b = b' ');
            }
        }
        chosen.sort_by_key(|(r, _)| r.start);
        chosen
    }

    /// A generator that also knows the words of `text` matched by expansion, when any are.
    fn with_expanded(&self, field: &FieldSnippets, text: &str) -> Option<SnippetGenerator> {
        if self.expanded.is_empty() {
            return None;
        }
        let mut terms = field.terms.clone();
        let mut analyzer = field.analyzer.clone();
        let mut stream = analyzer.token_stream(text);
        while stream.advance() {
            let token = &stream.token().text;
            if self.expanded.iter().any(|w| w.matches(token)) {
                terms.entry(token.clone()).or_insert(0.5);
            }
        }
        let mut generator =
            SnippetGenerator::new(terms, field.analyzer.clone(), field.field, SNIPPET_CHARS);
        generator.set_max_num_chars(SNIPPET_CHARS);
        Some(generator)
    }
}

/// A finder of the places where one of `terms` (analyzed: lower-cased, folded, stemmed) may
/// stand: each term's first letters, which stemming leaves as they were written.
fn term_finder<'a>(terms: impl Iterator<Item = &'a String>) -> Option<AhoCorasick> {
    let heads: Vec<String> = terms
        .map(|term| {
            let chars: Vec<char> = term.chars().collect();
            let keep = match chars.len() {
                0..=2 => chars.len(),
                n => (n - 1).min(5),
            };
            chars[..keep].iter().collect::<String>()
        })
        .filter(|head| !head.is_empty())
        .collect();
    if heads.is_empty() {
        return None;
    }
    // A few short patterns, built once per search and run over every hit's text: a DFA.
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&heads)
        .ok()
}

/// Narrows the analysis of a long text to the neighbourhoods of the places where a query
/// term may stand. Analyzing (tokenizing, folding, stemming) every word of every hit is the
/// dearest part of a search; a blanked copy keeps every byte offset. A text with non-ASCII
/// letters is analyzed whole, since folding may turn its words into a term.
fn focus(field: &FieldSnippets, full: &str) -> Focus {
    let Some(finder) = field.finder.as_deref() else {
        return Focus::Whole;
    };
    if full.len() <= 4 * FOCUS_REACH || full.chars().any(|c| !c.is_ascii() && c.is_alphabetic()) {
        return Focus::Whole;
    }
    let mut keep: Vec<Range<usize>> = Vec::new();
    for found in finder.find_iter(full).take(FOCUS_PLACES) {
        let start = found.start().saturating_sub(FOCUS_REACH);
        let end = (found.end() + FOCUS_REACH).min(full.len());
        match keep.last_mut() {
            Some(last) if start <= last.end => last.end = end,
            _ => keep.push(start..end),
        }
    }
    if keep.is_empty() {
        return Focus::Nothing;
    }
    let mut bytes = vec![b' '; full.len()];
    for range in keep {
        let start = (range.start..=range.end)
            .find(|&i| full.is_char_boundary(i))
            .unwrap_or(range.end);
        let end = (range.end..=full.len())
            .find(|&i| full.is_char_boundary(i))
            .unwrap_or(full.len());
        bytes[start..end].copy_from_slice(&full.as_bytes()[start..end]);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Focus::Near(text),
        Err(_) => Focus::Whole,
    }
}

/// Levenshtein distance between two words, in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

/// The text of a field as the snippet generator sees it: values joined by a space.
fn field_text(doc: &TantivyDocument, field: Field) -> String {
    use tantivy::schema::Value;
    let values: Vec<&str> = doc.get_all(field).filter_map(|v| v.as_str()).collect();
    values.join(" ")
}

/// How far back (in bytes) a passage may reach for the start of its first match's sentence.
const SENTENCE_REACH: usize = 160;

/// Moves a passage to start at the beginning of the sentence holding its first match, when
/// that sentence starts close enough, and trims its end back to about [`SNIPPET_CHARS`] at a
/// word boundary. Highlights are relative to the range start, before and after.
fn sentence_window(
    text: &str,
    range: Range<usize>,
    marks: &[Range<usize>],
) -> (Range<usize>, Vec<Range<usize>>) {
    let Some(first) = marks.first() else {
        return (range, marks.to_vec());
    };
    let first_match = range.start + first.start;
    let floor = first_match.saturating_sub(SENTENCE_REACH);
    let floor = (floor..=first_match)
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(first_match);
    let start =
        sentence_start(&text[floor..first_match]).map_or(range.start, |offset| floor + offset);
    let end = (start + word_end(&text[start..], SNIPPET_CHARS)).max(range.start + first.end);
    let end = sentence_end(text, end).unwrap_or(end);
    let moved = marks
        .iter()
        .map(|m| (range.start + m.start)..(range.start + m.end))
        .filter(|m| m.start >= start && m.end <= end)
        .map(|m| (m.start - start)..(m.end - start))
        .collect();
    (start..end, moved)
}

/// Offset of the start of the last sentence that begins in `before` (after ". ", "? ", "! ",
/// a closing quote after those, or a line break).
fn sentence_start(before: &str) -> Option<usize> {
    let bytes = before.as_bytes();
    (1..bytes.len()).rev().find(|&i| {
        let after_break = bytes[i - 1] == b'\n';
        let after_stop = bytes[i - 1] == b' ' && ends_sentence(&before[..i - 1]);
        (after_break || after_stop) && !bytes[i].is_ascii_whitespace()
    })
}

/// True when `text` ends with a full stop, question or exclamation mark, possibly followed by
/// a closing quote.
fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(['"', '\u{201d}', '\u{2019}'])
        .ends_with(['.', '?', '!'])
}

/// The end of the sentence running through `at`, when it ends within 40 bytes.
fn sentence_end(text: &str, at: usize) -> Option<usize> {
    let window = text.get(at..(at + 40).min(text.len()))?;
    window
        .find(['.', '?', '!'])
        .map(|i| at + i + 1)
        .filter(|&end| text.is_char_boundary(end))
}

/// Byte index of the end of the last whole word within `max_chars` characters.
fn word_end(text: &str, max_chars: usize) -> usize {
    let Some((limit, _)) = text.char_indices().nth(max_chars) else {
        return text.len();
    };
    text[..limit].rfind(char::is_whitespace).unwrap_or(limit)
}

/// Cuts `range` out of `text`, collapses whitespace, adds "…" where the passage is cut, and
/// moves the highlight ranges (relative to the range start) along.
fn tidy(text: &str, range: Range<usize>, highlights: &[Range<usize>]) -> Snippet {
    let fragment = &text[range.clone()];
    let mut out = String::with_capacity(fragment.len() + 8);
    let mut map = vec![0usize; fragment.len() + 1];
    let cut_before = range.start > 0;
    if cut_before {
        out.push_str("… ");
    }
    let mut last_space = true;
    for (i, c) in fragment.char_indices() {
        for slot in &mut map[i..i + c.len_utf8()] {
            *slot = out.len();
        }
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.push(c);
            last_space = false;
        }
    }
    map[fragment.len()] = out.len();
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    if range.end < text.trim_end().len() {
        out.push_str(" …");
    }
    let highlights = highlights
        .iter()
        .filter(|r| r.end <= fragment.len())
        .map(|r| map[r.start]..map[r.end].min(trimmed))
        .filter(|r| r.start < r.end)
        .collect();
    Snippet {
        text: out,
        highlights,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_and_marks() {
        let s = Snippet {
            text: "a <b> & Rabat".into(),
            highlights: std::iter::once(8..13).collect(),
        };
        assert_eq!(s.to_html(), "a &lt;b&gt; &amp; <b>Rabat</b>");
    }

    #[test]
    fn tidy_collapses_space_and_keeps_highlights() {
        let text = "Intro.\n\nThe Western  Sahara talks resumed.";
        let start = text.find("The").unwrap();
        let s = tidy(text, start..text.len(), &[4..11, 13..19]);
        assert_eq!(s.text, "… The Western Sahara talks resumed.");
        let marked: Vec<&str> = s.highlights.iter().map(|r| &s.text[r.clone()]).collect();
        assert_eq!(marked, ["Western", "Sahara"]);
    }

    #[test]
    fn passages_start_at_the_sentence_of_the_first_match() {
        let text = "First sentence here. The Western Sahara talks resumed in Geneva on Monday. More follows.";
        let at = text.find("Western").unwrap();
        let from = at - 2;
        let (range, marks) = sentence_window(
            text,
            from..text.len(),
            std::slice::from_ref(&((at - from)..(at - from + 7))),
        );
        assert_eq!(
            &text[range.clone()],
            "The Western Sahara talks resumed in Geneva on Monday. More follows."
        );
        assert_eq!(
            &text[range.start + marks[0].start..range.start + marks[0].end],
            "Western"
        );
    }

    #[test]
    fn edit_distances() {
        assert_eq!(edit_distance("burita", "bourita"), 1);
        assert_eq!(edit_distance("bouritta", "bourita"), 1);
        assert_eq!(edit_distance("rabat", "rabat"), 0);
        assert_eq!(edit_distance("oil", "gas"), 3);
    }

    #[test]
    fn fallback_never_cuts_mid_word() {
        let text = "word ".repeat(100);
        let end = word_end(&text, 42);
        assert!(end <= 42 && text[..end].ends_with("word"));
    }
}
