//! The [`Article`]: one news story as the pipeline carries it from parsing to indexing.

use serde::{Deserialize, Serialize};
use time::Date;

/// One article, with metadata and cleaned text.
///
/// `body` holds paragraphs separated by a blank line (`"\n\n"`); captions are kept apart so
/// that a caption printed twice by a site is indexed once and never mixed into the body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id: hash of the file path (see [`Article::id_for_path`]).
    pub id: String,
    /// Path of the file the article was read from.
    pub path: String,
    /// Canonical URL, when the record gives one.
    pub url: Option<String>,
    /// Outlet name ("Maghreb Dispatch").
    pub source: Option<String>,
    /// Section of the outlet ("Israel News").
    pub section: Option<String>,
    /// Headline.
    pub title: String,
    /// Standfirst / dek / description.
    pub subtitle: Option<String>,
    /// Bylines, one name each.
    pub authors: Vec<String>,
    /// Publication date.
    pub published: Option<Date>,
    /// Body paragraphs separated by `"\n\n"`.
    pub body: String,
    /// Photo captions, each once.
    pub captions: Vec<String>,
}

impl Article {
    /// The stable id of the article stored at `path`: 16 hex digits of its BLAKE3 hash.
    pub fn id_for_path(path: &str) -> String {
        short_hash(path.as_bytes())
    }

    /// The stable id of the article in the file at `path`: the id of its canonical path, so
    /// that `archive/x.txt` and `./archive/x.txt` name the same article.
    pub fn id_for_file(path: &std::path::Path) -> String {
        let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        Self::id_for_path(&canonical.to_string_lossy())
    }

    /// Hash of the cleaned title and body, equal for two saved copies of the same story.
    pub fn content_hash(&self) -> String {
        let mut hasher = blake3::Hasher::new();
        hasher.update(self.title.as_bytes());
        hasher.update(b"\0");
        hasher.update(self.body.as_bytes());
        hasher.finalize().to_hex()[..16].to_string()
    }

    /// Body paragraphs, in order.
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.body.split("\n\n").filter(|p| !p.is_empty())
    }

    /// True when the article has no text worth indexing.
    pub fn is_empty(&self) -> bool {
        self.title.trim().is_empty() && self.body.trim().is_empty()
    }
}

fn short_hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex()[..16].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_is_stable_and_short() {
        let a = Article::id_for_path("/archive/2023/06/a.txt");
        assert_eq!(a, Article::id_for_path("/archive/2023/06/a.txt"));
        assert_ne!(a, Article::id_for_path("/archive/2023/06/b.txt"));
        assert_eq!(a.len(), 16);
    }

    #[test]
    fn paragraphs_skip_empty_parts() {
        let article = Article {
            body: "one\n\ntwo\n\n".into(),
            ..Article::default()
        };
        assert_eq!(article.paragraphs().collect::<Vec<_>>(), ["one", "two"]);
    }
}
