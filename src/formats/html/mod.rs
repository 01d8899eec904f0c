//! Saved web pages (`.html`, `.htm`): the article body without the page furniture, and the
//! header fields from the page's metadata (Open Graph, `<meta>`, JSON-LD, `<time>`). The
//! body comes from [`body`], the header fields from [`meta`]; both read one parsed
//! document. WARC records reuse [`parse`] for their HTML payloads.

pub mod body;
pub mod meta;

use dom_query::Document;

use super::dedup_captions;
use crate::article::Article;
use crate::clean::Boilerplate;
use crate::read::{self, SkipReason};

/// Parses the bytes of a saved page: decodes them (the page's declared charset, or `hint`
/// from an HTTP header, wins over the Windows-1252 fallback) and extracts the article.
pub fn parse_bytes(
    bytes: &[u8],
    hint: Option<&str>,
    rules: &Boilerplate,
) -> Result<Article, SkipReason> {
    let html = read::decode_markup(bytes, hint)?;
    let article = parse(&html, rules);
    if article.is_empty() {
        return Err(SkipReason::NoArticle);
    }
    Ok(article)
}

/// Parses one HTML page into an article. Never fails: a page without an article gives an
/// empty one.
pub fn parse(html: &str, rules: &Boilerplate) -> Article {
    let document = Document::from(html);
    let page = meta::PageMeta::read(&document);
    let paragraphs = body::extract(html, &document, &page);
    let mut captions: Vec<String> = body::captions(&document)
        .into_iter()
        .filter(|c| rules.matching_rule(c).is_none())
        .collect();
    let mut body = Vec::new();
    for paragraph in rules.clean_paragraphs(paragraphs.iter().map(String::as_str)) {
        if captions.iter().any(|c| c == paragraph) {
            continue;
        }
        if rules.is_caption(paragraph) {
            captions.push(paragraph.to_string());
        } else {
            body.push(paragraph);
        }
    }
    dedup_captions(&mut captions);
    let body = body.join("\n\n");
    Article {
        title: page.title.unwrap_or_default(),
        subtitle: page.subtitle,
        url: page.url,
        source: page.outlet,
        section: page.section,
        authors: page.authors,
        published: page.published,
        body,
        captions,
        ..Article::default()
    }
}

#[cfg(test)]
mod tests;
