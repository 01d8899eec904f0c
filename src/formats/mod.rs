//! Archive formats: one parser per format, chosen from the file name. Each parser turns the
//! text of one file into an [`Article`] with header fields filled and boilerplate removed.

pub mod json;
pub mod text;

use std::path::Path;

use crate::article::Article;
use crate::clean::Boilerplate;
use crate::dates;
use crate::read::{self, SkipReason};

/// The formats newsindex reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// Text dump of a saved web page (`.txt`), like the seed article.
    Text,
    /// One article as a JSON object (`.json`).
    Json,
}

impl Format {
    /// The format a file name promises, or `None` for files that are not articles.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "json" => Some(Format::Json),
            _ => None,
        }
    }

    /// Lower-case name of the format.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
        }
    }
}

/// Reads, decodes and parses one archive file into a cleaned article with id and path set.
/// The date falls back to one written in the path (`2023/06/28/`).
pub fn parse_file(
    path: &Path,
    format: Format,
    rules: &Boilerplate,
    max_bytes: u64,
) -> Result<Article, SkipReason> {
    let text = read::read_text(path, max_bytes)?;
    let mut article = parse_text(&text, format, rules)?;
    let path_text = path.to_string_lossy().into_owned();
    if article.published.is_none() {
        article.published = dates::date_from_path(&path_text);
    }
    article.id = Article::id_for_file(path);
    article.path = path_text;
    Ok(article)
}

/// Parses already-decoded text in the given format.
pub fn parse_text(text: &str, format: Format, rules: &Boilerplate) -> Result<Article, SkipReason> {
    let article = match format {
        Format::Text => text::parse(text, rules),
        Format::Json => json::parse(text, rules)?,
    };
    if article.is_empty() {
        return Err(SkipReason::NoArticle);
    }
    Ok(article)
}

/// Collapses runs of whitespace (including no-break spaces) to one space and trims.
pub(crate) fn normalize_space(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(|c: char| c.is_whitespace() || c == '\u{a0}') {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Keeps each caption once, in first-seen order.
pub(crate) fn dedup_captions(captions: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    captions.retain(|c| seen.insert(c.clone()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_from_extension() {
        assert_eq!(Format::from_path(Path::new("a/b.TXT")), Some(Format::Text));
        assert_eq!(Format::from_path(Path::new("a/b.json")), Some(Format::Json));
        assert_eq!(Format::from_path(Path::new("a/b.png")), None);
        assert_eq!(Format::from_path(Path::new("a/README")), None);
    }

    #[test]
    fn whitespace_is_normalised() {
        assert_eq!(normalize_space("  a\u{a0} b\t\tc \n"), "a b c");
    }

    #[test]
    fn empty_article_is_skipped() {
        let rules = Boilerplate::builtin().unwrap();
        assert_eq!(
            parse_text(
                "Advertisement\n\nShare this article\n",
                Format::Text,
                &rules
            ),
            Err(SkipReason::NoArticle)
        );
    }
}
