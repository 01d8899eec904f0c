//! The whitespace-separated tokens that the context scan of [`super::names`] reads: each
//! token's core word (quotes, brackets and trailing punctuation trimmed, a possessive
//! dropped), what trails it, and whether it can be part of a name. Most tokens of news text
//! are plain ASCII words, so they are read byte by byte; other tokens go through the same
//! rules written over characters.

/// One whitespace-separated token: its core word (punctuation trimmed) and what trails it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Token<'a> {
    pub(super) core: &'a str,
    /// The token ends in a comma, full stop or other mark that ends a name.
    pub(super) breaks: bool,
    pub(super) comma: bool,
    pub(super) possessive: bool,
    /// A capitalised word with a lower-case letter, an initial or "al-"/"el-" word: see
    /// [`is_name_word`].
    pub(super) name: bool,
    pub(super) raw: &'a str,
}

impl Token<'_> {
    /// "and" or "&", which join two names.
    pub(super) fn is_and(&self) -> bool {
        self.core == "and" || self.raw == "&"
    }
}

/// Opening marks trimmed from the start of a token.
const OPENERS: [char; 6] = ['"', '“', '‘', '(', '[', '\''];
/// Marks after a token's core that end a name.
const BREAKS: [char; 9] = [',', '.', ';', ':', '!', '?', ')', '"', '”'];

/// The tokens of `text`, split at whitespace as [`str::split_whitespace`] splits.
#[cfg(test)]
pub(super) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    tokenize_into(text, 0..text.len(), &mut tokens);
    tokens
}

/// Replaces `tokens` with the tokens of `text[range]`, split at whitespace as
/// [`str::split_whitespace`] splits.
pub(super) fn tokenize_into<'a>(
    text: &'a str,
    range: std::ops::Range<usize>,
    tokens: &mut Vec<Token<'a>>,
) {
    tokens.clear();
    let bytes = &text.as_bytes()[..range.end];
    let mut i = range.start;
    while i < bytes.len() {
        if is_ascii_space(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let mut ascii = true;
        loop {
            i = ascii_run_end(bytes, i);
            if i == bytes.len() || bytes[i].is_ascii() {
                break;
            }
            let c = text[i..].chars().next().unwrap_or(' ');
            if c.is_whitespace() {
                break;
            }
            ascii = false;
            i += c.len_utf8();
        }
        if i == start {
            // Whitespace beyond ASCII (a no-break space).
            i += text[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        let raw = &text[start..i];
        tokens.push(match ascii {
            true => ascii_token(raw),
            false => token(raw),
        });
    }
}

/// The end of the run of ASCII characters other than whitespace at `at`. Eight bytes are
/// tested at once for a byte below `!` or beyond ASCII; a control character that is no
/// whitespace (rare) is stepped over.
fn ascii_run_end(bytes: &[u8], mut at: usize) -> usize {
    const LOW: u64 = 0x0101_0101_0101_0101;
    while let Some(eight) = bytes[at..].first_chunk::<8>() {
        let x = u64::from_le_bytes(*eight);
        // The lowest flagged byte is exact: a borrow only comes from a flagged byte below.
        let stops = ((x.wrapping_sub(0x21 * LOW) & !x) | x) & (0x80 * LOW);
        if stops == 0 {
            at += 8;
            continue;
        }
        at += (stops.trailing_zeros() / 8) as usize;
        if bytes[at] >= 0x80 || is_ascii_space(bytes[at]) {
            return at;
        }
        at += 1;
    }
    at + bytes[at..]
        .iter()
        .take_while(|&&b| b.is_ascii() && !is_ascii_space(b))
        .count()
}

/// The ASCII characters that [`char::is_whitespace`] accepts.
fn is_ascii_space(b: u8) -> bool {
    b == b' ' || (b'\t'..=b'\r').contains(&b)
}

/// [`token`] for a token of ASCII characters only, read byte by byte.
fn ascii_token(raw: &str) -> Token<'_> {
    let bytes = raw.as_bytes();
    if is_plain_lower_word(bytes) {
        return Token {
            core: raw,
            breaks: false,
            comma: false,
            possessive: false,
            name: false,
            raw,
        };
    }
    let lead = bytes
        .iter()
        .take_while(|b| matches!(b, b'"' | b'(' | b'[' | b'\''))
        .count();
    let trimmed = &bytes[lead..];
    let mut len = trimmed.len();
    while len > 0 && !(trimmed[len - 1].is_ascii_alphanumeric() || trimmed[len - 1] == b'.') {
        len -= 1;
    }
    let dotted = len > 0 && trimmed[len - 1] == b'.';
    let abbreviation =
        dotted && (len <= 4 || trimmed[..len].iter().filter(|&&b| b == b'.').count() > 1);
    if !abbreviation {
        while len > 0 && trimmed[len - 1] == b'.' {
            len -= 1;
        }
    }
    let possessive = trimmed[..len].ends_with(b"'s");
    if possessive {
        len -= 2;
    }
    let tail = &trimmed[len..];
    let breaks = possessive || tail.iter().any(|&b| BREAKS.contains(&char::from(b)));
    let core = &raw[lead..lead + len];
    Token {
        core,
        breaks: breaks && !(abbreviation && tail.is_empty()),
        comma: tail.first() == Some(&b','),
        possessive,
        name: is_name_word(core),
        raw,
    }
}

/// True for the commonest token, a lower-case word with nothing around it ("rates"): its
/// core is itself, nothing trails it and it is no name word.
fn is_plain_lower_word(bytes: &[u8]) -> bool {
    let (Some(first), Some(last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    first.is_ascii_lowercase()
        && last.is_ascii_alphanumeric()
        && !bytes.ends_with(b"'s")
        && !bytes.starts_with(b"al-")
        && !bytes.starts_with(b"el-")
}

/// Reads the token `raw`.
fn token(raw: &str) -> Token<'_> {
    let trimmed = raw.trim_start_matches(OPENERS);
    let mut core = trimmed.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.');
    let abbreviation = core.ends_with('.') && (core.len() <= 4 || core.matches('.').count() > 1);
    if !abbreviation {
        core = core.trim_end_matches('.');
    }
    let mut possessive = false;
    for suffix in ["'s", "’s"] {
        if let Some(stem) = core.strip_suffix(suffix) {
            core = stem;
            possessive = true;
        }
    }
    let tail = &trimmed[core.len().min(trimmed.len())..];
    let breaks = possessive || tail.contains(BREAKS);
    Token {
        core,
        breaks: breaks && !(abbreviation && tail.is_empty()),
        comma: tail.starts_with(','),
        possessive,
        name: is_name_word(core),
        raw,
    }
}

/// A capitalised word with a lower-case letter ("Volcker", "McDonald", "al-Burhan"), an
/// initial ("J."), or a word starting with "al-" or "el-". Lower-case words, most of any
/// text, are turned away by their first character.
#[inline]
pub(super) fn is_name_word(core: &str) -> bool {
    let lower = core.as_bytes().first().is_some_and(u8::is_ascii_lowercase);
    if lower && !(core.starts_with("al-") || core.starts_with("el-")) {
        return false;
    }
    let Some(first) = core.chars().next() else {
        return false;
    };
    let upper = first.is_uppercase();
    if !(upper || core.starts_with("al-") || core.starts_with("el-")) {
        return false;
    }
    let initial = upper && core.ends_with('.') && core.chars().count() == 2;
    initial || core.chars().any(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::words::tests::random_texts;

    /// The rules written over characters, applied to every token: the reference.
    fn reference(text: &str) -> Vec<Token<'_>> {
        text.split_whitespace().map(token).collect()
    }

    #[test]
    fn ascii_runs_end_at_whitespace_or_beyond_ascii() {
        let alphabet = b"az09 !~\t\n\r\x0b\x0c\x01\x1f\x7f\xc3\xa9";
        for text in random_texts(alphabet) {
            for at in 0..text.len() {
                let expected = at
                    + text[at..]
                        .iter()
                        .take_while(|&&b| b.is_ascii() && !is_ascii_space(b))
                        .count();
                assert_eq!(ascii_run_end(&text, at), expected, "{text:?} at {at}");
            }
        }
    }

    #[test]
    fn ascii_tokens_read_as_the_character_rules_read_them() {
        let text = "\"Prices (rise),\" said Mr. Volcker's aide J. Smith, U.S. officials' \
                    [U.K.] 'quoted' al-Burhan el-Sisi; A. B.C. e.g. end... x). Co.'s\x0bvt\u{a0}nb “Él” São’s";
        let fast = tokenize(text);
        let slow = reference(text);
        assert_eq!(fast.len(), slow.len());
        for (a, b) in fast.iter().zip(&slow) {
            let fields = |t: &Token| {
                let flags = (t.breaks, t.comma, t.possessive, t.name);
                (t.core.to_string(), flags, t.raw.to_string())
            };
            assert_eq!(fields(a), fields(b), "token {:?}", b.raw);
        }
    }
}
