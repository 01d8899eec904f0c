//! The article body of a web page, without navigation, ads, related links, comments, share
//! buttons and scripts. The main-content extraction is rs-trafilatura's (a port of
//! trafilatura's readability-style scoring with its own boilerplate patterns); this module
//! turns its text into paragraphs and collects the page's photo captions.

use dom_query::Document;

use crate::formats::normalize_space;

/// The body paragraphs of a page, in reading order. `ld_body` is the JSON-LD
/// `articleBody`, used when the markup gives no body.
pub fn extract(html: &str, _document: &Document, ld_body: Option<&str>) -> Vec<String> {
    let options = rs_trafilatura::Options::default();
    let text = rs_trafilatura::extract_with_options(html, &options)
        .map(|r| r.content_text)
        .unwrap_or_default();
    let paragraphs = split_paragraphs(&text);
    if paragraphs.is_empty() {
        return ld_body.map(split_paragraphs).unwrap_or_default();
    }
    paragraphs
}

/// Lines of text as whitespace-normalised, non-empty paragraphs.
pub fn split_paragraphs(text: &str) -> Vec<String> {
    text.lines()
        .map(normalize_space)
        .filter(|p| !p.is_empty())
        .collect()
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
