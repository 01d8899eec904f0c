//! Snippets: the best passage of a hit with every matched word marked, built from whichever
//! field matched (body first, then captions, standfirst and title).

use std::ops::Range;

use serde::Serialize;
use tantivy::query::Query;
use tantivy::schema::Field;
use tantivy::snippet::SnippetGenerator;
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

/// Snippet generators for the fields a hit may match in, in order of preference.
pub struct SnippetMaker {
    generators: Vec<(Field, SnippetGenerator)>,
    fallback: Field,
}

impl SnippetMaker {
    /// Prepares generators for `query` over `fields` (the first is also the fallback).
    pub fn new(searcher: &Searcher, query: &dyn Query, fields: &[Field]) -> Result<Self> {
        let mut generators = Vec::new();
        for &field in fields {
            let mut generator = SnippetGenerator::create(searcher, query, field)?;
            generator.set_max_num_chars(SNIPPET_CHARS);
            generators.push((field, generator));
        }
        Ok(SnippetMaker {
            generators,
            fallback: fields[0],
        })
    }

    /// The best snippet of a document: the first field with a highlighted passage, else the
    /// opening of the fallback field.
    pub fn snippet(&self, doc: &TantivyDocument) -> Snippet {
        for (field, generator) in &self.generators {
            let full = field_text(doc, *field);
            let found = generator.snippet(&full);
            if !found.highlighted().is_empty() {
                let range = found.fragment_range();
                return tidy(&full, range, found.highlighted());
            }
        }
        let text = field_text(doc, self.fallback);
        let end = word_end(&text, SNIPPET_CHARS);
        tidy(&text, 0..end, &[])
    }
}

/// The text of a field as the snippet generator sees it: values joined by a space.
fn field_text(doc: &TantivyDocument, field: Field) -> String {
    use tantivy::schema::Value;
    let values: Vec<&str> = doc.get_all(field).filter_map(|v| v.as_str()).collect();
    values.join(" ")
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
    fn fallback_never_cuts_mid_word() {
        let text = "word ".repeat(100);
        let end = word_end(&text, 42);
        assert!(end <= 42 && text[..end].ends_with("word"));
    }
}
