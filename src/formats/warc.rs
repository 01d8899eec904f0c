//! Web archives (`.warc`, `.warc.gz`, as crawlers write them, gzip usually one member per
//! record): every `response` record whose HTTP payload is an HTML page becomes one article,
//! read by the HTML parser. Request, metadata and non-HTML records are skipped silently.
//! The record's `WARC-Target-URI` is the article's URL, and its `WARC-Date` the date of last
//! resort.

use crate::article::Article;
use crate::clean::Boilerplate;
use crate::formats::{html, url};
use crate::read::{self, SkipReason};

/// One record of a WARC file: its header fields and its content block.
#[derive(Debug, Clone, PartialEq)]
pub struct Record<'a> {
    /// Header fields in file order, names as written.
    pub headers: Vec<(String, String)>,
    /// The content block (`Content-Length` bytes).
    pub block: &'a [u8],
}

impl Record<'_> {
    /// The value of a header field, by case-insensitive name.
    pub fn header(&self, name: &str) -> Option<&str> {
        header(&self.headers, name)
    }
}

fn header<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// Splits WARC data into records. Reading stops at the first record that cannot be read
/// (its 1-based number and the reason are returned beside the records before it).
pub fn records(data: &[u8]) -> (Vec<Record<'_>>, Option<(usize, SkipReason)>) {
    let mut found = Vec::new();
    let mut rest = data;
    loop {
        rest = trim_line_ends(rest);
        if rest.is_empty() {
            return (found, None);
        }
        match next_record(rest) {
            Ok((record, after)) => {
                found.push(record);
                rest = after;
            }
            Err(reason) => {
                let number = found.len() + 1;
                return (found, Some((number, reason)));
            }
        }
    }
}

fn trim_line_ends(data: &[u8]) -> &[u8] {
    let start = data.iter().position(|b| !matches!(b, b'\r' | b'\n'));
    &data[start.unwrap_or(data.len())..]
}

fn next_record(data: &[u8]) -> Result<(Record<'_>, &[u8]), SkipReason> {
    if !data.starts_with(b"WARC/") {
        return Err(SkipReason::Malformed("no WARC record header".into()));
    }
    let (head, rest) = split_head(data)
        .ok_or_else(|| SkipReason::Truncated("WARC record header ends early".into()))?;
    let headers = parse_headers(head);
    let length: usize = header(&headers, "Content-Length")
        .and_then(|v| v.trim().parse().ok())
        .ok_or_else(|| SkipReason::Malformed("WARC record without Content-Length".into()))?;
    if rest.len() < length {
        return Err(SkipReason::Truncated(format!(
            "WARC record holds {} of its {length} bytes",
            rest.len()
        )));
    }
    let (block, after) = rest.split_at(length);
    Ok((Record { headers, block }, after))
}

/// Splits a header block (up to the first blank line) from what follows.
fn split_head(data: &[u8]) -> Option<(&[u8], &[u8])> {
    let crlf = data
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|i| (i, 4));
    let lf = data.windows(2).position(|w| w == b"\n\n").map(|i| (i, 2));
    let (end, skip) = [crlf, lf].into_iter().flatten().min_by_key(|(i, _)| *i)?;
    Some((&data[..end], &data[end + skip..]))
}

/// `Name: value` lines after the first (version or status) line.
fn parse_headers(head: &[u8]) -> Vec<(String, String)> {
    String::from_utf8_lossy(head)
        .lines()
        .skip(1)
        .filter_map(|line| line.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect()
}

/// The articles of a WARC file, by record number; records that are not HTML responses are
/// left out, and records that fail keep their reason. A gzip-encoded payload may inflate to
/// at most `max_bytes`.
pub fn articles(
    data: &[u8],
    rules: &Boilerplate,
    max_bytes: u64,
) -> Vec<(usize, Result<Article, SkipReason>)> {
    let (found, broken) = records(data);
    let mut out: Vec<(usize, Result<Article, SkipReason>)> = found
        .iter()
        .enumerate()
        .filter_map(|(i, record)| Some((i + 1, record_article(record, rules, max_bytes)?)))
        .collect();
    out.extend(broken.map(|(n, reason)| (n, Err(reason))));
    out
}

/// The article of one record, or `None` when the record is not an HTML response.
fn record_article(
    record: &Record,
    rules: &Boilerplate,
    max_bytes: u64,
) -> Option<Result<Article, SkipReason>> {
    if !record.header("WARC-Type")?.eq_ignore_ascii_case("response") {
        return None;
    }
    let (http_headers, payload) = match split_head(record.block) {
        Some((head, payload)) if head.starts_with(b"HTTP/") => (parse_headers(head), payload),
        _ => return None,
    };
    let content_type = header(&http_headers, "Content-Type").unwrap_or("");
    if !is_html_type(content_type) {
        return None;
    }
    let payload = match decode_payload(&http_headers, payload, max_bytes) {
        Ok(payload) => payload,
        Err(reason) => return Some(Err(reason)),
    };
    Some(html_article(record, &http_headers, &payload, rules))
}

fn is_html_type(content_type: &str) -> bool {
    let mime = content_type.split(';').next().unwrap_or("").trim();
    mime.eq_ignore_ascii_case("text/html") || mime.eq_ignore_ascii_case("application/xhtml+xml")
}

fn html_article(
    record: &Record,
    http_headers: &[(String, String)],
    payload: &[u8],
    rules: &Boilerplate,
) -> Result<Article, SkipReason> {
    let charset = header(http_headers, "Content-Type").and_then(charset_of);
    let mut article = html::parse_bytes(payload, charset, rules)?;
    if let Some(target) = record.header("WARC-Target-URI") {
        article.url = Some(target.trim_matches(['<', '>']).to_string());
    }
    if article.published.is_none() {
        article.published = article
            .url
            .as_deref()
            .and_then(url::date_from_url)
            .or_else(|| record.header("WARC-Date").and_then(crate::dates::find_date));
    }
    Ok(article)
}

fn charset_of(content_type: &str) -> Option<&str> {
    content_type
        .split(';')
        .filter_map(|p| p.trim().split_once('='))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case("charset"))
        .map(|(_, v)| v.trim().trim_matches('"'))
}

/// The payload bytes as sent: chunked transfer coding undone, gzip content decompressed.
fn decode_payload(
    headers: &[(String, String)],
    payload: &[u8],
    max_bytes: u64,
) -> Result<Vec<u8>, SkipReason> {
    let chunked = header(headers, "Transfer-Encoding")
        .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"));
    let body = if chunked {
        dechunk(payload)?
    } else {
        payload.to_vec()
    };
    let gzipped = header(headers, "Content-Encoding")
        .is_some_and(|v| v.to_ascii_lowercase().contains("gzip"));
    if gzipped && body.starts_with(&[0x1f, 0x8b]) {
        return read::gunzip(&body, max_bytes);
    }
    Ok(body)
}

/// Undoes HTTP chunked transfer coding (`SIZE\r\nDATA\r\n`... `0\r\n\r\n`).
pub fn dechunk(mut data: &[u8]) -> Result<Vec<u8>, SkipReason> {
    let mut out = Vec::with_capacity(data.len());
    loop {
        let line_end = data
            .iter()
            .position(|&b| b == b'\n')
            .ok_or_else(|| SkipReason::Truncated("chunked payload ends early".into()))?;
        let size_text = String::from_utf8_lossy(&data[..line_end]);
        let size_text = size_text.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_text, 16)
            .map_err(|_| SkipReason::Malformed(format!("bad chunk size `{size_text}`")))?;
        data = &data[line_end + 1..];
        if size == 0 {
            return Ok(out);
        }
        if data.len() < size {
            return Err(SkipReason::Truncated("chunked payload ends early".into()));
        }
        out.extend_from_slice(&data[..size]);
        data = &data[size..];
        data = data
            .strip_prefix(b"\r\n")
            .or_else(|| data.strip_prefix(b"\n"))
            .unwrap_or(data);
    }
}

#[cfg(test)]
mod tests;
