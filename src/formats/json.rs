//! One-article JSON records, with the field names news crawlers use: `title`/`headline`,
//! `subtitle`/`description`, `body`/`maintext`/`text`, `url`, `authors`/`author`,
//! `published`/`date_publish`, `source`/`source_domain`, `section`.

use serde_json::{Map, Value};

use super::{dedup_captions, normalize_space};
use crate::article::Article;
use crate::clean::Boilerplate;
use crate::dates;
use crate::read::SkipReason;

const TITLE: &[&str] = &["title", "headline"];
const SUBTITLE: &[&str] = &["subtitle", "description", "standfirst", "summary", "dek"];
const BODY: &[&str] = &[
    "body",
    "maintext",
    "text",
    "content",
    "article_body",
    "articleBody",
];
const URL: &[&str] = &["url", "link", "canonical_url"];
const AUTHORS: &[&str] = &["authors", "author", "byline"];
const PUBLISHED: &[&str] = &[
    "published",
    "date_publish",
    "published_at",
    "datePublished",
    "date",
    "pubdate",
];
const SOURCE: &[&str] = &[
    "source",
    "outlet",
    "publisher",
    "source_name",
    "source_domain",
];
const SECTION: &[&str] = &["section", "category"];
const CAPTIONS: &[&str] = &["captions", "caption"];

/// Parses one JSON object into an article.
pub fn parse(text: &str, rules: &Boilerplate) -> Result<Article, SkipReason> {
    let value: Value = from_str_lenient(text).map_err(json_skip)?;
    let Value::Object(record) = value else {
        return Err(SkipReason::Malformed(format!(
            "expected a JSON object, found {}",
            type_name(&value)
        )));
    };
    article_from_record(&record, rules)
}

/// Parses JSON, accepting the bare `NaN`, `Infinity` and `-Infinity` that Python's `json`
/// module writes (as null): datasets made with pandas are full of them.
fn from_str_lenient<T: serde::de::DeserializeOwned>(text: &str) -> serde_json::Result<T> {
    match serde_json::from_str(text) {
        Err(err) if text.contains("NaN") || text.contains("Infinity") => {
            serde_json::from_str(&python_constants_as_null(text)).map_err(|_| err)
        }
        parsed => parsed,
    }
}

/// `text` with `NaN`, `Infinity` and `-Infinity` outside strings replaced by `null`.
fn python_constants_as_null(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if in_string {
            in_string = escaped || c != '"';
            escaped = !escaped && c == '\\';
        } else if c == '"' {
            in_string = true;
        } else if let Some(word) = ["-Infinity", "Infinity", "NaN"]
            .into_iter()
            .find(|w| rest.starts_with(w))
        {
            out.push_str("null");
            rest = &rest[word.len()..];
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The records of a JSON file holding an array of article objects (as datasets are often
/// shipped), numbered from 1; `None` when the file is not an array. A bad element is a bad
/// record; an array that is not valid JSON is an error of the whole file.
pub fn array_records(
    text: &str,
    rules: &Boilerplate,
) -> Option<Result<super::Records, SkipReason>> {
    if !text.trim_start().starts_with('[') {
        return None;
    }
    let values: Vec<Value> = match from_str_lenient(text) {
        Ok(values) => values,
        Err(err) => return Some(Err(json_skip(err))),
    };
    let records = values
        .into_iter()
        .enumerate()
        .map(|(index, value)| {
            let article = match value {
                Value::Object(record) => article_from_record(&record, rules),
                other => Err(SkipReason::Malformed(format!(
                    "expected a JSON object, found {}",
                    type_name(&other)
                ))),
            };
            (index + 1, article)
        })
        .collect();
    Some(Ok(records))
}

/// Builds an article from one decoded JSON object.
pub fn article_from_record(
    record: &Map<String, Value>,
    rules: &Boilerplate,
) -> Result<Article, SkipReason> {
    let body_text = string_field(record, BODY)?.unwrap_or_default();
    let body = rules.clean_paragraphs(body_text.split('\n')).join("\n\n");
    let published = match string_field(record, PUBLISHED)? {
        Some(date) => dates::find_date(&date),
        None => None,
    };
    let mut captions = string_list(record, CAPTIONS)?;
    dedup_captions(&mut captions);
    Ok(Article {
        title: string_field(record, TITLE)?.unwrap_or_default(),
        subtitle: string_field(record, SUBTITLE)?,
        body,
        url: string_field(record, URL)?,
        authors: string_list(record, AUTHORS)?,
        published,
        source: string_field(record, SOURCE)?,
        section: string_field(record, SECTION)?,
        captions,
        ..Article::default()
    })
}

fn json_skip(err: serde_json::Error) -> SkipReason {
    if err.is_eof() {
        SkipReason::Truncated(format!("JSON ends early ({err})"))
    } else {
        SkipReason::Malformed(format!("invalid JSON: {err}"))
    }
}

/// The first present, non-null field among `names`, whitespace-normalised; an error when it
/// is not a string.
fn string_field(record: &Map<String, Value>, names: &[&str]) -> Result<Option<String>, SkipReason> {
    let Some((name, value)) = first_field(record, names) else {
        return Ok(None);
    };
    match value {
        Value::String(s) if name_is_body(name) => {
            let lines: Vec<String> = s.lines().map(normalize_space).collect();
            Ok(Some(lines.join("\n").trim().to_string()))
        }
        Value::String(s) => Ok(Some(normalize_space(s)).filter(|s| !s.is_empty())),
        other => Err(wrong_type(name, other, "a string")),
    }
}

/// A string or an array of strings, as a list.
fn string_list(record: &Map<String, Value>, names: &[&str]) -> Result<Vec<String>, SkipReason> {
    let Some((name, value)) = first_field(record, names) else {
        return Ok(Vec::new());
    };
    let items: Vec<&Value> = match value {
        Value::Array(items) => items.iter().collect(),
        single => vec![single],
    };
    items
        .into_iter()
        .map(|item| match item {
            Value::String(s) => Ok(normalize_space(s)),
            other => Err(wrong_type(name, other, "a string or a list of strings")),
        })
        .filter(|s| s.as_ref().map_or(true, |s| !s.is_empty()))
        .collect()
}

fn first_field<'a>(
    record: &'a Map<String, Value>,
    names: &[&'a str],
) -> Option<(&'a str, &'a Value)> {
    names.iter().find_map(|name| {
        record
            .get(*name)
            .filter(|v| !v.is_null())
            .map(|v| (*name, v))
    })
}

fn name_is_body(name: &str) -> bool {
    BODY.contains(&name)
}

fn wrong_type(name: &str, value: &Value, expected: &str) -> SkipReason {
    SkipReason::Malformed(format!(
        "field `{name}` is {}, expected {expected}",
        type_name(value)
    ))
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn parse_str(text: &str) -> Result<Article, SkipReason> {
        parse(text, &Boilerplate::builtin().unwrap())
    }

    #[test]
    fn full_record() {
        let a = parse_str(r#"{"title": "Rabat hosts talks", "subtitle": "Ministers meet.", "body": "One.\n\nADVERTISEMENT\n\nTwo.\n\nShare this article", "url": "https://x.example/a", "authors": ["Ana Ruiz"], "published": "2023-06-28T10:14:00Z", "source": "Desert Star Daily", "section": "World"}"#).unwrap();
        assert_eq!(a.title, "Rabat hosts talks");
        assert_eq!(a.subtitle.as_deref(), Some("Ministers meet."));
        assert_eq!(a.body, "One.\n\nTwo.");
        assert_eq!(a.authors, ["Ana Ruiz"]);
        assert_eq!(a.published, Some(date!(2023 - 06 - 28)));
        assert_eq!(a.source.as_deref(), Some("Desert Star Daily"));
        assert_eq!(a.section.as_deref(), Some("World"));
    }

    #[test]
    fn crawler_field_names() {
        let a = parse_str(r#"{"title": "T", "description": "D", "maintext": "B", "date_publish": "2019-01-02 03:04:05", "author": "Solo Writer", "source_domain": "finance.example"}"#).unwrap();
        assert_eq!((a.subtitle.as_deref(), a.body.as_str()), (Some("D"), "B"));
        assert_eq!(a.published, Some(date!(2019 - 01 - 02)));
        assert_eq!(a.authors, ["Solo Writer"]);
        assert_eq!(a.source.as_deref(), Some("finance.example"));
    }

    #[test]
    fn truncated_json() {
        assert!(matches!(
            parse_str(r#"{"title": "T", "body": "ab"#),
            Err(SkipReason::Truncated(_))
        ));
    }

    #[test]
    fn malformed_and_wrong_types() {
        assert!(matches!(
            parse_str("{title: 1}"),
            Err(SkipReason::Malformed(_))
        ));
        let err = parse_str(r#"{"title": 42, "body": "b"}"#).unwrap_err();
        assert_eq!(
            err.to_string(),
            "malformed: field `title` is a number, expected a string"
        );
        assert!(matches!(parse_str("[1, 2]"), Err(SkipReason::Malformed(_))));
    }

    #[test]
    fn python_constants_read_as_null() {
        let text =
            r#"{"title": "NaN \" Infinity", "body": "b", "score": NaN, "x": [-Infinity, 1]}"#;
        let article = parse_str(text).unwrap();
        assert_eq!(article.title, "NaN \" Infinity");
        assert!(parse_str(r#"{"title": "t", "body": Nope}"#).is_err());
    }

    #[test]
    fn arrays_hold_many_records() {
        let rules = Boilerplate::builtin().unwrap();
        let text =
            r#" [{"title": "One", "body": "First."}, 7, {"title": "Two", "maintext": "Second."}]"#;
        let records = array_records(text, &rules).unwrap().unwrap();
        assert_eq!(records.len(), 3);
        assert_eq!(records[0].1.as_ref().unwrap().title, "One");
        assert!(matches!(records[1], (2, Err(SkipReason::Malformed(_)))));
        assert_eq!(records[2].1.as_ref().unwrap().body, "Second.");
        assert!(array_records(r#"{"title": "x"}"#, &rules).is_none());
        assert!(array_records("[{", &rules).unwrap().is_err());
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = format!("{}{}", "[".repeat(200_000), "]".repeat(200_000));
        assert!(matches!(parse_str(&deep), Err(SkipReason::Malformed(_))));
    }
}
