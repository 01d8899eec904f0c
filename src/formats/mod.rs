//! Archive formats: one parser per format, chosen from the file name (and, for `.xml`, its
//! first bytes). Each parser turns one file into [`Article`]s with header fields filled and
//! boilerplate removed; this module reads the file, dispatches, and fills what the record
//! leaves out from its URL and path.

pub mod html;
pub mod json;
pub mod nitf;
pub mod text;
pub mod url;
pub mod warc;

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
    /// A saved web page (`.html`, `.htm`).
    Html,
    /// A web archive (`.warc`): one article per HTML response record.
    Warc,
    /// NITF XML (`.nitf`, and `.xml` files that start as NITF).
    Nitf,
}

impl Format {
    /// The format a file name promises, or `None` for files that are not articles. A
    /// `.gz` or `.xz` suffix is looked through (`a.jsonl.gz` is JSON Lines, read
    /// compressed). A
    /// `.xml` file is opened and is NITF only when its first bytes hold `<nitf`.
    pub fn from_path(path: &Path) -> Option<Format> {
        let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
        let name = name
            .strip_suffix(".gz")
            .or_else(|| name.strip_suffix(".xz"))
            .unwrap_or(&name);
        let ext = name.rsplit_once('.')?.1;
        match ext {
            "txt" | "text" => Some(Format::Text),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "warc" => Some(Format::Warc),
            "nitf" => Some(Format::Nitf),
            "xml" => sniff_head(path)
                .filter(|h| nitf::sniff(h))
                .map(|_| Format::Nitf),
            _ => None,
        }
    }

    /// Lower-case name of the format.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::JsonLines => "jsonl",
            Format::Html => "html",
            Format::Warc => "warc",
            Format::Nitf => "nitf",
        }
    }

    /// True for formats that hold many articles per file.
    fn is_many(self) -> bool {
        matches!(self, Format::JsonLines | Format::Warc)
    }
}

/// The first bytes of a file, looking through gzip; `None` when it cannot be read.
fn sniff_head(path: &Path) -> Option<Vec<u8>> {
    use std::io::Read;
    let file = std::fs::File::open(path).ok()?;
    let mut head = Vec::with_capacity(nitf::SNIFF_BYTES);
    let limit = nitf::SNIFF_BYTES as u64;
    if read::is_gzip_name(path) {
        flate2::read::MultiGzDecoder::new(file)
            .take(limit)
            .read_to_end(&mut head)
            .ok()?;
    } else if read::is_xz_name(path) {
        xz2::read::XzDecoder::new_multi_decoder(file)
            .take(limit)
            .read_to_end(&mut head)
            .ok()?;
    } else {
        file.take(limit).read_to_end(&mut head).ok()?;
    }
    Some(head)
}

/// Everything one archive file holds: its articles, and the records of a many-article file
/// that could not be read (1-based line or record number, and reason).
#[derive(Debug, Default)]
pub struct FileArticles {
    /// Articles, with id and path set.
    pub articles: Vec<Article>,
    /// Records skipped inside the file.
    pub bad_records: Vec<(usize, SkipReason)>,
    /// Size of the file in bytes, as read.
    pub bytes: u64,
}

/// The numbered records of a many-article file, each an article or the reason it is not.
pub(crate) type Records = Vec<(usize, Result<Article, SkipReason>)>;

/// Reads, decodes and parses one archive file into cleaned articles with ids and paths set.
/// What a record does not give is filled in: the date from its URL (`/2023/06/28/`), then
/// from the file path; the outlet from its URL's domain. An article of a JSON Lines file is
/// `FILE#LINE`, one of a WARC file or of a JSON array `FILE#RECORD` (counted from 1); a
/// one-article file is numbered 0 in the records read.
pub fn read_file(
    path: &Path,
    format: Format,
    rules: &Boilerplate,
    max_bytes: u64,
) -> Result<FileArticles, SkipReason> {
    let path_text = path.to_string_lossy().into_owned();
    let id_base = Article::id_for_file(path);
    let (records, bytes) = match format {
        Format::Json => {
            let (text, bytes) = read::read_text_sized(path, max_bytes)?;
            match json::array_records(&text, rules) {
                Some(records) => (records?, bytes),
                None => (vec![(0, parse_text(&text, format, rules))], bytes),
            }
        }
        _ if format.is_many() => read_many(path, format, rules, max_bytes)?,
        _ => {
            let (article, bytes) = read_one(path, format, rules, max_bytes)?;
            (vec![(0, Ok(article))], bytes)
        }
    };
    if let [(0, _)] = records.as_slice() {
        let article = records
            .into_iter()
            .next()
            .map_or(Err(SkipReason::NoArticle), |r| r.1)?;
        return Ok(FileArticles {
            articles: vec![finish(article, &path_text, id_base)],
            bad_records: Vec::new(),
            bytes,
        });
    }
    let mut file = FileArticles {
        bytes,
        ..FileArticles::default()
    };
    for (number, record) in records {
        match record.and_then(non_empty) {
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
            Some((number, reason)) => {
                let unit = if format == Format::JsonLines {
                    "line"
                } else {
                    "record"
                };
                SkipReason::Malformed(format!("no readable record ({unit} {number}: {reason})"))
            }
            None if format == Format::Warc => SkipReason::NoArticle,
            None => SkipReason::Empty,
        });
    }
    Ok(file)
}

fn read_one(
    path: &Path,
    format: Format,
    rules: &Boilerplate,
    max_bytes: u64,
) -> Result<(Article, u64), SkipReason> {
    match format {
        Format::Html | Format::Nitf => {
            let (bytes, size) = read::read_bytes_sized(path, max_bytes)?;
            let article = if format == Format::Html {
                html::parse_bytes(&bytes, None, rules)?
            } else {
                nitf::parse_bytes(&bytes, rules)?
            };
            Ok((article, size))
        }
        _ => {
            let (text, size) = read::read_text_sized(path, max_bytes)?;
            Ok((parse_text(&text, format, rules)?, size))
        }
    }
}

fn read_many(
    path: &Path,
    format: Format,
    rules: &Boilerplate,
    max_bytes: u64,
) -> Result<(Records, u64), SkipReason> {
    if format == Format::Warc {
        let (bytes, size) = read::read_bytes_sized(path, max_bytes)?;
        return Ok((warc::articles(&bytes, rules, max_bytes), size));
    }
    let (text, size) = read::read_text_sized(path, max_bytes)?;
    let records = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(index, line)| (index + 1, json::parse(line, rules)))
        .collect();
    Ok((records, size))
}

fn non_empty(article: Article) -> Result<Article, SkipReason> {
    if article.is_empty() {
        Err(SkipReason::NoArticle)
    } else {
        Ok(article)
    }
}

/// Reads a one-article file (saved page, JSON, HTML or NITF) into its article.
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
    let url = article.url.clone();
    if article.published.is_none() {
        article.published = url
            .as_deref()
            .and_then(url::date_from_url)
            .or_else(|| dates::date_from_path(path));
    }
    if article.source.is_none() {
        article.source = url.as_deref().and_then(url::outlet_from_url);
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
        Format::Html => html::parse(text, rules),
        Format::Nitf => nitf::parse(text, rules)?,
        Format::Warc => {
            return Err(SkipReason::Malformed(
                "a WARC file holds many articles; read it with read_file".into(),
            ));
        }
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
    fn web_and_wire_formats_from_extension() {
        for (name, format) in [
            ("a/b.html", Format::Html),
            ("a/b.HTM", Format::Html),
            ("a/b.html.gz", Format::Html),
            ("a/b.warc", Format::Warc),
            ("a/b.warc.gz", Format::Warc),
            ("a/b.nitf", Format::Nitf),
        ] {
            assert_eq!(Format::from_path(Path::new(name)), Some(format), "{name}");
        }
        assert_eq!(Format::Warc.name(), "warc");
    }

    #[test]
    fn xml_is_nitf_only_when_it_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let story = dir.path().join("story.xml");
        std::fs::write(&story, "<?xml version=\"1.0\"?>\n<nitf><head/></nitf>").unwrap();
        let sitemap = dir.path().join("sitemap.xml");
        std::fs::write(&sitemap, "<?xml version=\"1.0\"?><urlset/>").unwrap();
        assert_eq!(Format::from_path(&story), Some(Format::Nitf));
        assert_eq!(Format::from_path(&sitemap), None);
        assert_eq!(Format::from_path(&dir.path().join("missing.xml")), None);
    }

    #[test]
    fn url_date_comes_before_path_date_and_domain_is_the_outlet() {
        let article = Article {
            title: "T".into(),
            url: Some("https://www.nytimes.com/2021/03/04/world/x.html".into()),
            ..Article::default()
        };
        let done = finish(article, "archive/2023/06/28/x.json", "id".into());
        assert_eq!(done.published, Some(time::macros::date!(2021 - 03 - 04)));
        assert_eq!(done.source.as_deref(), Some("nytimes.com"));
        let plain = finish(Article::default(), "archive/2023/06/28/x.json", "id".into());
        assert_eq!(plain.published, Some(time::macros::date!(2023 - 06 - 28)));
        assert_eq!(plain.source, None);
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
