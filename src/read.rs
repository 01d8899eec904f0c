//! Bytes to text: size limits, binary detection and encoding repair. A file that cannot be
//! turned into text becomes a [`Skip`] with a reason; it never stops the run.

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Files larger than this are skipped unless the caller sets another limit.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// Why a file was not indexed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SkipReason {
    /// The file could not be opened or read.
    Unreadable(String),
    /// The file is larger than the configured limit.
    TooLarge {
        /// Size of the file in bytes.
        bytes: u64,
        /// Limit in bytes.
        limit: u64,
    },
    /// The file holds no text.
    Empty,
    /// The bytes are not text (NUL bytes or many control characters).
    Binary,
    /// The file ends before its structure is complete (JSON cut short, ...).
    Truncated(String),
    /// The file is text but not in the format its name promises.
    Malformed(String),
    /// The file parsed but holds neither a title nor a body.
    NoArticle,
    /// newsindex itself failed on this file (a bug worth reporting); the run goes on.
    Internal(String),
}

impl SkipReason {
    /// A short stable name for summaries ("binary", "too-large", ...).
    pub fn kind(&self) -> &'static str {
        match self {
            SkipReason::Unreadable(_) => "unreadable",
            SkipReason::TooLarge { .. } => "too-large",
            SkipReason::Empty => "empty",
            SkipReason::Binary => "binary",
            SkipReason::Truncated(_) => "truncated",
            SkipReason::Malformed(_) => "malformed",
            SkipReason::NoArticle => "no-article",
            SkipReason::Internal(_) => "internal-error",
        }
    }
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::Unreadable(why) => write!(f, "unreadable: {why}"),
            SkipReason::TooLarge { bytes, limit } => {
                write!(
                    f,
                    "too large: {bytes} bytes, limit is {limit} (raise it with --max-file-mb)"
                )
            }
            SkipReason::Empty => write!(f, "empty file"),
            SkipReason::Binary => write!(f, "binary data, not text"),
            SkipReason::Truncated(why) => write!(f, "truncated: {why}"),
            SkipReason::Malformed(why) => write!(f, "malformed: {why}"),
            SkipReason::NoArticle => write!(f, "no title and no body text found"),
            SkipReason::Internal(why) => write!(f, "internal error ({why}); please report it"),
        }
    }
}

/// A file that was reported and skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skip {
    /// The file.
    pub path: PathBuf,
    /// Why it was skipped.
    pub reason: SkipReason,
}

impl fmt::Display for Skip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.reason)
    }
}

/// Reads a file as text, refusing files over `max_bytes`. A `.gz` file is decompressed
/// first (its content is held to the same limit).
pub fn read_text(path: &Path, max_bytes: u64) -> Result<String, SkipReason> {
    read_text_sized(path, max_bytes).map(|(text, _)| text)
}

/// [`read_text`], with the size of the file as read (before decompression).
pub fn read_text_sized(path: &Path, max_bytes: u64) -> Result<(String, u64), SkipReason> {
    let bytes = read_bytes(path, max_bytes)?;
    let size = bytes.len() as u64;
    let text = match decompress_by_name(path, &bytes, max_bytes)? {
        Some(plain) => decode_text(&plain)?,
        None => decode_text(&bytes)?,
    };
    Ok((text, size))
}

/// Reads a file's bytes, decompressing a `.gz` file (its content is held to the same
/// limit); also gives the size of the file as read. For formats that decode text themselves
/// (HTML and XML declare their charset, WARC holds many payloads).
pub fn read_bytes_sized(path: &Path, max_bytes: u64) -> Result<(Vec<u8>, u64), SkipReason> {
    let bytes = read_bytes(path, max_bytes)?;
    let size = bytes.len() as u64;
    match decompress_by_name(path, &bytes, max_bytes)? {
        Some(plain) => Ok((plain, size)),
        None => Ok((bytes, size)),
    }
}

/// Decodes a markup document (HTML or XML): a BOM wins, then valid UTF-8, then the charset
/// the document declares (`<meta charset>`, `http-equiv` content type, `<?xml encoding>`)
/// or `hint` (an HTTP `Content-Type` charset), and otherwise [`decode_text`]'s UTF-8 with
/// Windows-1252 repair.
pub fn decode_markup(bytes: &[u8], hint: Option<&str>) -> Result<String, SkipReason> {
    if encoding_rs::Encoding::for_bom(bytes).is_some() || std::str::from_utf8(bytes).is_ok() {
        return decode_text(bytes);
    }
    if looks_binary(bytes) {
        return Err(SkipReason::Binary);
    }
    let declared = declared_charset(bytes)
        .or_else(|| hint.map(str::as_bytes))
        .and_then(encoding_rs::Encoding::for_label);
    match declared {
        Some(encoding) if encoding != encoding_rs::UTF_8 => {
            non_empty(encoding.decode_without_bom_handling(bytes).0.into_owned())
        }
        _ => decode_text(bytes),
    }
}

/// The charset label a document declares in its first 4 KiB, if any.
pub fn declared_charset(bytes: &[u8]) -> Option<&[u8]> {
    static CHARSET: std::sync::LazyLock<regex::bytes::Regex> = std::sync::LazyLock::new(|| {
        regex::bytes::Regex::new(
            r#"(?i-u)(?:<meta[^>]*?charset\s*=\s*|<\?xml[^>]*?encoding\s*=\s*)["']?([a-z0-9_.:-]+)"#,
        )
        .expect("valid regex")
    });
    let head = &bytes[..bytes.len().min(4096)];
    // A capture search clears a table as long as the text it is given; most files declare
    // no charset, and telling so takes one pass of the regex's DFA.
    if !CHARSET.is_match(head) {
        return None;
    }
    CHARSET
        .captures(head)
        .and_then(|c| c.get(1))
        .map(|m| m.as_bytes())
}

/// The decompressed bytes of a `.gz` or `.xz` file, `None` for other names.
fn decompress_by_name(
    path: &Path,
    bytes: &[u8],
    max_bytes: u64,
) -> Result<Option<Vec<u8>>, SkipReason> {
    if is_gzip_name(path) {
        return gunzip(bytes, max_bytes).map(Some);
    }
    if is_xz_name(path) {
        return unxz(bytes, max_bytes).map(Some);
    }
    Ok(None)
}

/// True when the file name ends in `.xz`.
pub fn is_xz_name(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xz"))
}

/// Decompresses xz data (all streams), refusing more than `max_bytes` of output.
pub fn unxz(bytes: &[u8], max_bytes: u64) -> Result<Vec<u8>, SkipReason> {
    if !bytes.starts_with(&[0xfd, b'7', b'z', b'X', b'Z', 0]) {
        return Err(SkipReason::Malformed("not xz data".into()));
    }
    let decoder = xz2::read::XzDecoder::new_multi_decoder(bytes);
    inflate(decoder, max_bytes, "xz")
}

/// True when the file name ends in `.gz`.
pub fn is_gzip_name(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"))
}

/// Decompresses gzip data (all members), refusing more than `max_bytes` of output.
pub fn gunzip(bytes: &[u8], max_bytes: u64) -> Result<Vec<u8>, SkipReason> {
    if !bytes.starts_with(&[0x1f, 0x8b]) {
        return Err(SkipReason::Malformed("not gzip data".into()));
    }
    inflate(flate2::read::MultiGzDecoder::new(bytes), max_bytes, "gzip")
}

/// Reads a decompressing reader to its end, refusing more than `max_bytes` of output; a
/// stream that ends early is truncated, other errors make it malformed.
fn inflate(decoder: impl Read, max_bytes: u64, format: &str) -> Result<Vec<u8>, SkipReason> {
    let mut out = Vec::new();
    decoder
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::UnexpectedEof => {
                SkipReason::Truncated(format!("{format} data ends early"))
            }
            _ => SkipReason::Malformed(format!("bad {format} data: {e}")),
        })?;
    if out.len() as u64 > max_bytes {
        return Err(SkipReason::TooLarge {
            bytes: out.len() as u64,
            limit: max_bytes,
        });
    }
    Ok(out)
}

/// Reads at most `max_bytes` from `path`, refusing larger files.
pub fn read_bytes(path: &Path, max_bytes: u64) -> Result<Vec<u8>, SkipReason> {
    let file = std::fs::File::open(path).map_err(|e| SkipReason::Unreadable(e.to_string()))?;
    let meta = file
        .metadata()
        .map_err(|e| SkipReason::Unreadable(e.to_string()))?;
    if meta.len() > max_bytes {
        return Err(SkipReason::TooLarge {
            bytes: meta.len(),
            limit: max_bytes,
        });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| SkipReason::Unreadable(e.to_string()))?;
    if bytes.len() as u64 > max_bytes {
        return Err(SkipReason::TooLarge {
            bytes: bytes.len() as u64,
            limit: max_bytes,
        });
    }
    Ok(bytes)
}

/// Decodes bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, and otherwise
/// Windows-1252 (a superset of Latin-1), so a file is never dropped for its encoding.
pub fn decode_text(bytes: &[u8]) -> Result<String, SkipReason> {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return non_empty(text.into_owned());
    }
    if looks_binary(bytes) {
        return Err(SkipReason::Binary);
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => decode_mixed(bytes),
    };
    non_empty(text)
}

/// UTF-8 where the bytes are valid UTF-8, Windows-1252 for the bytes that are not: a
/// Latin-1 file decodes whole, and a UTF-8 file with a few stray bytes keeps its "Zürich".
fn decode_mixed(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 8);
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            text.push_str(
                &encoding_rs::WINDOWS_1252
                    .decode_without_bom_handling(chunk.invalid())
                    .0,
            );
        }
    }
    text
}

fn non_empty(text: String) -> Result<String, SkipReason> {
    if text.trim().is_empty() {
        Err(SkipReason::Empty)
    } else {
        Ok(text)
    }
}

/// True when the first 8 KiB hold a NUL byte or more than 10% control characters.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    controls * 10 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_bom_loses_the_bom() {
        assert_eq!(decode_text(b"\xEF\xBB\xBFhello").unwrap(), "hello");
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let bytes = [0xFF, 0xFE, b'h', 0, b'i', 0];
        assert_eq!(decode_text(&bytes).unwrap(), "hi");
    }

    #[test]
    fn windows_1252_is_decoded_not_skipped() {
        let bytes = b"Caf\xe9 in Rabat \x93quoted\x94";
        assert_eq!(decode_text(bytes).unwrap(), "Café in Rabat “quoted”");
    }

    #[test]
    fn utf8_with_a_stray_byte_keeps_its_accents() {
        let bytes = "Zürich and São Paulo \u{2014} "
            .bytes()
            .chain([0xe9, b'!'])
            .collect::<Vec<u8>>();
        assert_eq!(
            decode_text(&bytes).unwrap(),
            "Zürich and São Paulo \u{2014} é!"
        );
    }

    #[test]
    fn markup_charset_wins_over_the_windows_1252_fallback() {
        let page =
            b"<html><head><meta charset=\"windows-1251\"></head><p>\xcc\xee\xf1\xea\xe2\xe0</p>";
        assert!(decode_markup(page, None).unwrap().contains("Москва"));
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-7\"><p>\xc1\xe8\xde\xed\xe1</p>";
        assert!(decode_markup(page, None).unwrap().contains("Αθήνα"));
        let xml = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><nitf>Caf\xe9</nitf>";
        assert!(decode_markup(xml, None).unwrap().contains("Café"));
        assert!(decode_markup(b"<p>\xcc\xee</p>", Some("koi8-r")).is_ok());
        assert_eq!(
            decode_markup("<p>Zürich</p>".as_bytes(), None).unwrap(),
            "<p>Zürich</p>"
        );
        assert_eq!(
            decode_markup(b"<p>Caf\xe9</p>", None).unwrap(),
            "<p>Café</p>"
        );
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert_eq!(decode_text(b"abc\0def"), Err(SkipReason::Binary));
    }

    #[test]
    fn control_characters_mean_binary() {
        let bytes: Vec<u8> = (0..200)
            .map(|i| if i % 3 == 0 { 1 } else { b'a' })
            .collect();
        assert_eq!(decode_text(&bytes), Err(SkipReason::Binary));
    }

    #[test]
    fn blank_text_is_empty() {
        assert_eq!(decode_text(b"  \n\n "), Err(SkipReason::Empty));
    }

    #[test]
    fn size_limit_is_enforced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        std::fs::write(&path, vec![b'a'; 100]).unwrap();
        assert!(matches!(
            read_text(&path, 10),
            Err(SkipReason::TooLarge {
                bytes: 100,
                limit: 10
            })
        ));
        assert_eq!(read_text(&path, 100).unwrap().len(), 100);
    }

    #[test]
    fn gzip_is_decompressed_and_truncation_reported() {
        use std::io::Write;
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        encoder.write_all(b"Rabat hosts talks\n\nBody.").unwrap();
        let gz = encoder.finish().unwrap();
        assert_eq!(gunzip(&gz, 1000).unwrap(), b"Rabat hosts talks\n\nBody.");
        assert!(matches!(
            gunzip(&gz[..gz.len() - 6], 1000),
            Err(SkipReason::Truncated(_))
        ));
        assert!(matches!(
            gunzip(b"plain", 1000),
            Err(SkipReason::Malformed(_))
        ));
        assert!(matches!(gunzip(&gz, 5), Err(SkipReason::TooLarge { .. })));
    }

    #[test]
    fn xz_is_decompressed_and_truncation_reported() {
        use std::io::Write;
        let mut encoder = xz2::write::XzEncoder::new(Vec::new(), 6);
        encoder.write_all(b"Rabat hosts talks\n\nBody.").unwrap();
        let xz = encoder.finish().unwrap();
        assert_eq!(unxz(&xz, 1000).unwrap(), b"Rabat hosts talks\n\nBody.");
        assert!(matches!(
            unxz(&xz[..xz.len() - 12], 1000),
            Err(SkipReason::Truncated(_) | SkipReason::Malformed(_))
        ));
        assert!(matches!(
            unxz(b"plain", 1000),
            Err(SkipReason::Malformed(_))
        ));
        assert!(matches!(unxz(&xz, 5), Err(SkipReason::TooLarge { .. })));
    }

    #[test]
    fn missing_file_is_unreadable() {
        let err = read_text(Path::new("/nonexistent/x.txt"), 10).unwrap_err();
        assert_eq!(err.kind(), "unreadable");
    }
}
