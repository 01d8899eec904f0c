//! Unit tests of the WARC reader on records written for them.

use super::*;
use time::macros::date;

/// One WARC record around `block`.
fn record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-01-05T10:00:00Z\r\nContent-Type: application/http; msgtype={kind}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

const PAGE: &str = "<html><head><title>Port opens | Wire</title></head><body><article><p>The port of Tangier opened a new container terminal on Wednesday, doubling its capacity.</p></article></body></html>";

fn http(headers: &str, body: &[u8]) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 200 OK\r\n{headers}\r\n").into_bytes();
    out.extend_from_slice(body);
    out
}

fn rules() -> Boilerplate {
    Boilerplate::builtin().unwrap()
}

#[test]
fn html_responses_become_articles_and_the_rest_is_skipped() {
    let mut data = record(
        "request",
        "https://wire.example/a",
        b"GET /a HTTP/1.1\r\n\r\n",
    );
    data.extend(record(
        "response",
        "https://wire.example/2023/06/28/a",
        &http(
            "Content-Type: text/html; charset=utf-8\r\n",
            PAGE.as_bytes(),
        ),
    ));
    data.extend(record(
        "response",
        "https://wire.example/logo.png",
        &http("Content-Type: image/png\r\n", b"\x89PNG"),
    ));
    let found = articles(&data, &rules(), read::DEFAULT_MAX_FILE_BYTES);
    assert_eq!(found.len(), 1);
    let (number, article) = &found[0];
    assert_eq!(*number, 2);
    let article = article.as_ref().unwrap();
    assert_eq!(article.title, "Port opens");
    assert_eq!(
        article.url.as_deref(),
        Some("https://wire.example/2023/06/28/a")
    );
    assert_eq!(article.published, Some(date!(2023 - 06 - 28)));
}

#[test]
fn warc_date_is_the_last_resort() {
    let data = record(
        "response",
        "https://wire.example/a",
        &http("Content-Type: text/html\r\n", PAGE.as_bytes()),
    );
    let found = articles(&data, &rules(), read::DEFAULT_MAX_FILE_BYTES);
    let article = found[0].1.as_ref().unwrap();
    assert_eq!(article.published, Some(date!(2024 - 01 - 05)));
}

#[test]
fn chunked_payloads_are_joined() {
    let (a, b) = PAGE.split_at(40);
    let chunked = format!(
        "{:x}\r\n{a}\r\n{:x};ext=1\r\n{b}\r\n0\r\n\r\n",
        a.len(),
        b.len()
    );
    assert_eq!(dechunk(chunked.as_bytes()).unwrap(), PAGE.as_bytes());
    let data = record(
        "response",
        "https://wire.example/a",
        &http(
            "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n",
            chunked.as_bytes(),
        ),
    );
    let found = articles(&data, &rules(), read::DEFAULT_MAX_FILE_BYTES);
    assert!(
        found[0]
            .1
            .as_ref()
            .unwrap()
            .body
            .contains("container terminal")
    );
    assert!(matches!(dechunk(b"zz\r\n"), Err(SkipReason::Malformed(_))));
    assert!(matches!(
        dechunk(b"10\r\nshort"),
        Err(SkipReason::Truncated(_))
    ));
}

#[test]
fn a_cut_record_is_reported_after_the_good_ones() {
    let mut data = record(
        "response",
        "https://wire.example/a",
        &http("Content-Type: text/html\r\n", PAGE.as_bytes()),
    );
    let second = record(
        "response",
        "https://wire.example/b",
        &http("Content-Type: text/html\r\n", PAGE.as_bytes()),
    );
    data.extend_from_slice(&second[..second.len() - 40]);
    let found = articles(&data, &rules(), read::DEFAULT_MAX_FILE_BYTES);
    assert_eq!(found.len(), 2);
    assert!(found[0].1.is_ok());
    assert_eq!(found[1].0, 2);
    assert!(matches!(found[1].1, Err(SkipReason::Truncated(_))));
}

#[test]
fn records_read_headers_and_blocks() {
    let data = record("warcinfo", "x", b"software: test\r\n");
    let (found, broken) = records(&data);
    assert_eq!(broken, None);
    assert_eq!(found[0].header("warc-type"), Some("warcinfo"));
    assert_eq!(found[0].block, b"software: test\r\n");
    let (found, broken) = records(b"garbage");
    assert!(found.is_empty());
    assert!(matches!(broken, Some((1, SkipReason::Malformed(_)))));
}

#[test]
fn gzip_encoded_payloads_are_inflated_within_the_limit() {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(PAGE.as_bytes()).unwrap();
    let gz = encoder.finish().unwrap();
    let data = record(
        "response",
        "https://wire.example/a",
        &http("Content-Type: text/html\r\nContent-Encoding: gzip\r\n", &gz),
    );
    let found = articles(&data, &rules(), read::DEFAULT_MAX_FILE_BYTES);
    assert_eq!(found[0].1.as_ref().unwrap().title, "Port opens");
    let found = articles(&data, &rules(), 50);
    assert!(matches!(found[0].1, Err(SkipReason::TooLarge { .. })));
}
