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
    /// Many articles, one JSON object per line (`.jsonl`, `.ndjson`), as news crawlers
    /// write them.
    JsonLines,
}

impl Format {
    /// The format a file name promises, or `None` for files that are not articles. A
    /// `.gz` suffix is looked through (`a.jsonl.gz` is JSON Lines, read compressed).
    pub fn from_path(path: &Path) -> Option<Format> {
        let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
        let name = name.strip_suffix(".gz").unwrap_or(&name);
        let ext = name.rsplit_once('.')?.1;
        match ext {
            "txt" | "text" => Some(Format::Text),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            _ => None,
        }
    }

    /// Lower-case name of the format.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::JsonLines => "jsonl",
        }
    }
}

/// Everything one archive file holds: its articles, and the records of a many-article file
/// that could not be read (1-based line number and reason).
#[derive(Debug, Default)]
pub struct FileArticles {
    /// Articles, with id and path set.
    pub articles: Vec<Article>,
    /// Records skipped inside the file.
    pub bad_records: Vec<(usize, SkipReason)>,
    /// Size of the file in bytes, as read.
    pub bytes: u64,
}

/// Reads, decodes and parses one archive file into cleaned articles with ids and paths set.
/// The date falls back to one written in the path (`2023/06/28/`). An article of a JSON
/// Lines file is `FILE#LINE`.
pub fn read_file(
    path: &Path,
    format: Format,
    rules: &Boilerplate,
    max_bytes: u64,
) -> Result<FileArticles, SkipReason> {
    let (text, bytes) = read::read_text_sized(path, max_bytes)?;
    let path_text = path.to_string_lossy().into_owned();
    let id_base = Article::id_for_file(path);
    let mut file = FileArticles {
        bytes,
        ..FileArticles::default()
    };
    if format != Format::JsonLines {
        let article = parse_text(&text, format, rules)?;
        file.articles.push(finish(article, &path_text, id_base));
        return Ok(file);
    }
    for (index, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let number = index + 1;
        match json::parse(line, rules).and_then(|a| {
            if a.is_empty() {
                Err(SkipReason::NoArticle)
            } else {
                Ok(a)
            }
        }) {
            Ok(article) => {
                let id = Article::id_for_path(&format!("{id_base}#{number}"));
                file.articles
                    .push(finish(article, &format!("{path_text}#{number}"), id));
            }
            Err(reason) => file.bad_records.push((number, reason)),
        }
    }
    if file.articles.is_empty() {
        return Err(match file.bad_records.pop() {
            Some((line, reason)) => {
                SkipReason::Malformed(format!("no readable record (line {line}: {reason})"))
            }
            None => SkipReason::Empty,
        });
    }
    Ok(file)
}

/// Reads a one-article file (saved page or JSON) into its article.
pub fn parse_file(
    path: &Path,
    format: Format,
    rules: &Boilerplate,
    max_bytes: u64,
) -> Result<Article, SkipReason> {
    let mut file = read_file(path, format, rules, max_bytes)?;
    file.articles.pop().ok_or(SkipReason::NoArticle)
}

fn finish(mut article: Article, path: &str, id: String) -> Article {
    if article.published.is_none() {
        article.published = dates::date_from_path(path);
    }
    article.id = id;
    article.path = path.to_string();
    article
}

/// Parses already-decoded text in a one-article format.
pub fn parse_text(text: &str, format: Format, rules: &Boilerplate) -> Result<Article, SkipReason> {
    let article = match format {
        Format::Text => text::parse(text, rules),
        Format::Json | Format::JsonLines => json::parse(text, rules)?,
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
        assert_eq!(
            Format::from_path(Path::new("a/b.jsonl")),
            Some(Format::JsonLines)
        );
        assert_eq!(
            Format::from_path(Path::new("a/b.ndjson.gz")),
            Some(Format::JsonLines)
        );
        assert_eq!(
            Format::from_path(Path::new("a/b.txt.gz")),
            Some(Format::Text)
        );
        assert_eq!(Format::from_path(Path::new("a/b.gz")), None);
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
