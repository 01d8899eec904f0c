//! Header fields of a web page: headline, standfirst, date, byline, section, outlet and URL,
//! from Open Graph and `<meta>` tags, JSON-LD (`application/ld+json`) article records, and
//! the markup itself (`<h1>`, `<title>`, `<time datetime>`, `rel=author`), in the order of
//! trust each field's documentation gives.

use std::collections::HashMap;

use dom_query::Document;
use serde_json::Value;
use time::Date;

use crate::dates;
use crate::formats::normalize_space;
use crate::formats::text::byline_authors;

/// Longest site-name suffix stripped from a `<title>` (" | Outlet"), in words.
const MAX_SUFFIX_WORDS: usize = 5;

/// What a page says about its article.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct PageMeta {
    /// Headline: `og:title`, then the first `<h1>`, then `<title>` without the outlet suffix.
    pub title: Option<String>,
    /// Standfirst: `og:description`, then `<meta name=description>`, then JSON-LD.
    pub subtitle: Option<String>,
    /// Publication date: `article:published_time`, JSON-LD `datePublished`, `<time>`.
    pub published: Option<Date>,
    /// Bylines: `<meta name=author>`, JSON-LD `author`, `rel=author` links.
    pub authors: Vec<String>,
    /// Section: `article:section`, then JSON-LD `articleSection`.
    pub section: Option<String>,
    /// Outlet: `og:site_name`, then JSON-LD `publisher.name`.
    pub outlet: Option<String>,
    /// URL: `og:url`, then `<link rel=canonical>`, then JSON-LD `url`.
    pub url: Option<String>,
    /// JSON-LD `articleBody`, when the page gives one.
    pub article_body: Option<String>,
}

impl PageMeta {
    /// Reads the header fields of a parsed page.
    pub fn read(document: &Document) -> PageMeta {
        let tags = meta_tags(document);
        let ld = json_ld_article(document).unwrap_or(Value::Null);
        let outlet = tag(&tags, &["og:site_name", "application-name"])
            .or_else(|| ld_text(&ld["publisher"]["name"]));
        PageMeta {
            title: title(document, &tags, &ld, outlet.as_deref()),
            subtitle: tag(
                &tags,
                &["og:description", "description", "twitter:description"],
            )
            .or_else(|| ld_text(&ld["description"])),
            published: published(document, &tags, &ld),
            authors: authors(document, &tags, &ld),
            section: tag(&tags, &["article:section"]).or_else(|| ld_text(&ld["articleSection"])),
            url: tag(&tags, &["og:url"])
                .or_else(|| attr_of(document, "link[rel=canonical]", "href"))
                .or_else(|| ld_text(&ld["url"]))
                .filter(|u| u.starts_with("http")),
            article_body: ld["articleBody"].as_str().map(str::to_string),
            outlet,
        }
    }
}

/// `<meta>` contents by lower-cased `property`, `name` or `itemprop`, first one winning.
fn meta_tags(document: &Document) -> HashMap<String, String> {
    let mut tags = HashMap::new();
    for node in document.select("meta[content]").nodes() {
        let Some(content) = node.attr("content").map(|c| normalize_space(&c)) else {
            continue;
        };
        if content.is_empty() {
            continue;
        }
        for key in ["property", "name", "itemprop"] {
            if let Some(name) = node.attr(key) {
                tags.entry(name.trim().to_ascii_lowercase())
                    .or_insert_with(|| content.clone());
            }
        }
    }
    tags
}

fn tag(tags: &HashMap<String, String>, names: &[&str]) -> Option<String> {
    names.iter().find_map(|n| tags.get(*n).cloned())
}

fn attr_of(document: &Document, selector: &str, attr: &str) -> Option<String> {
    let value = document.select_single(selector).attr(attr)?;
    Some(value.trim().to_string()).filter(|v| !v.is_empty())
}

fn first_text(document: &Document, selector: &str) -> Option<String> {
    let text = normalize_space(&document.select_single(selector).text());
    (!text.is_empty()).then_some(text)
}

fn title(
    document: &Document,
    tags: &HashMap<String, String>,
    ld: &Value,
    outlet: Option<&str>,
) -> Option<String> {
    let title = tag(tags, &["og:title", "twitter:title"])
        .or_else(|| first_text(document, "h1"))
        .or_else(|| ld_text(&ld["headline"]))
        .map(|t| strip_outlet(&t, outlet, false));
    title.or_else(|| first_text(document, "title").map(|t| strip_outlet(&t, outlet, true)))
}

/// Removes a " | Outlet" or " - Outlet" suffix: always when it names `outlet`, and when
/// `any_short` also any short suffix (as `<title>` carries).
pub(crate) fn strip_outlet(title: &str, outlet: Option<&str>, any_short: bool) -> String {
    for separator in [" | ", " - ", " – ", " — ", " :: "] {
        let Some((head, tail)) = title.rsplit_once(separator) else {
            continue;
        };
        let names_outlet = outlet.is_some_and(|o| o.eq_ignore_ascii_case(tail.trim()));
        let short = tail.split_whitespace().count() <= MAX_SUFFIX_WORDS && tail.len() < head.len();
        if !head.trim().is_empty() && (names_outlet || (any_short && short)) {
            return head.trim().to_string();
        }
    }
    title.to_string()
}

fn published(document: &Document, tags: &HashMap<String, String>, ld: &Value) -> Option<Date> {
    let candidates = [
        tag(tags, &["article:published_time", "og:published_time"]),
        ld_text(&ld["datePublished"]),
        attr_of(document, "time[datetime]", "datetime"),
        tag(
            tags,
            &[
                "datepublished",
                "date",
                "pubdate",
                "dc.date",
                "dc.date.issued",
            ],
        ),
        ld_text(&ld["dateCreated"]),
    ];
    candidates
        .into_iter()
        .flatten()
        .find_map(|d| dates::find_date(&d))
}

fn authors(document: &Document, tags: &HashMap<String, String>, ld: &Value) -> Vec<String> {
    let from_meta = tag(tags, &["author", "article:author", "dc.creator"])
        .filter(|a| !a.starts_with("http"))
        .map(|a| split_names(&a))
        .unwrap_or_default();
    if !from_meta.is_empty() {
        return from_meta;
    }
    let from_ld: Vec<String> = ld_list(&ld["author"])
        .iter()
        .filter_map(|a| ld_text(&a["name"]).or_else(|| ld_text(a)))
        .flat_map(|a| split_names(&a))
        .collect();
    if !from_ld.is_empty() {
        return from_ld;
    }
    let mut names: Vec<String> = Vec::new();
    for node in document.select("a[rel=author], [rel=author]").nodes() {
        let name = normalize_space(&node.text());
        if !name.is_empty() && name.len() < 80 && !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// One name per author from "By A and B", "A, B" or "A".
fn split_names(text: &str) -> Vec<String> {
    let text = normalize_space(text);
    if let Some(names) = byline_authors(&text) {
        return names;
    }
    text.split([',', ';', '&'])
        .flat_map(|p| p.split(" and "))
        .map(str::trim)
        .filter(|p| !p.is_empty() && !p.contains("http"))
        .map(str::to_string)
        .collect()
}

/// The first JSON-LD record on the page that is an article, looking into arrays and
/// `@graph` lists.
fn json_ld_article(document: &Document) -> Option<Value> {
    let mut fallback = None;
    for node in document
        .select("script[type='application/ld+json']")
        .nodes()
    {
        let Ok(value) = serde_json::from_str::<Value>(node.text().trim()) else {
            continue;
        };
        let mut records = Vec::new();
        flatten_ld(value, &mut records);
        for record in records {
            if is_article_type(&record["@type"]) {
                return Some(record);
            }
            if fallback.is_none() && record.get("datePublished").is_some() {
                fallback = Some(record);
            }
        }
    }
    fallback
}

fn flatten_ld(value: Value, out: &mut Vec<Value>) {
    match value {
        Value::Array(items) => items.into_iter().for_each(|v| flatten_ld(v, out)),
        Value::Object(mut map) => {
            if let Some(graph) = map.remove("@graph") {
                flatten_ld(graph, out);
            }
            out.push(Value::Object(map));
        }
        _ => {}
    }
}

fn is_article_type(kind: &Value) -> bool {
    ld_list(kind).iter().filter_map(Value::as_str).any(|t| {
        t.ends_with("Article") || t == "BlogPosting" || t == "Report" || t == "LiveBlogPosting"
    })
}

/// A JSON-LD value as a list (a single value is a list of one).
fn ld_list(value: &Value) -> Vec<Value> {
    match value {
        Value::Array(items) => items.clone(),
        Value::Null => Vec::new(),
        other => vec![other.clone()],
    }
}

/// A JSON-LD string, or the first string of a list, whitespace-normalised.
fn ld_text(value: &Value) -> Option<String> {
    let text = match value {
        Value::String(s) => s.as_str(),
        Value::Array(items) => items.iter().find_map(Value::as_str)?,
        _ => return None,
    };
    let text = normalize_space(text);
    (!text.is_empty()).then_some(text)
}
