//! Words of a text for the gazetteer scan: where words start (a letter or digit after no
//! word character), their case-folded hashes, the [`WordList`] that indexing reads once per
//! body for the extractor and the near-duplicate signature, and words in capitals ("NEW
//! YORK") with their softened copies. Runs of ASCII letters and digits, most of any text,
//! are read eight bytes at a time.

/// A hash of a word with ASCII case folded, read eight bytes at a time, and whether the word
/// starts with a lower-case ASCII letter. Words equal but for ASCII case hash alike, so one
/// hash serves case-sensitive and case-insensitive matchers.
#[derive(Debug, Clone, Copy)]
pub(super) struct WordHash {
    /// The hash.
    pub(super) hash: u64,
    /// The word starts with a lower-case ASCII letter.
    pub(super) lower: bool,
}

impl WordHash {
    /// The hash of `word`.
    pub(super) fn of(word: &str) -> WordHash {
        Self::in_text(word.as_bytes(), 0, word.len())
    }

    /// The hash of the word of `len` bytes at `start` of `text`. Eight bytes are loaded at
    /// once, from the text itself while eight remain, and the bytes past the word masked
    /// off: the same hash as [`WordHash::of`] the word alone.
    pub(super) fn in_text(text: &[u8], start: usize, len: usize) -> WordHash {
        let lower = len > 0 && text[start].is_ascii_lowercase();
        // Most words are eight bytes or shorter: one load.
        if len <= 8
            && let Some(eight) = text[start..].first_chunk::<8>()
        {
            let hash = mix(len as u64, u64::from_le_bytes(*eight) & low_bytes(len));
            return WordHash { hash, lower };
        }
        let end = start + len;
        let mut hash = len as u64;
        let mut at = start;
        while at < end {
            let take = (end - at).min(8);
            let mut eight = [0; 8];
            eight[..take].copy_from_slice(&text[at..at + take]);
            hash = mix(hash, u64::from_le_bytes(eight));
            at += take;
        }
        WordHash { hash, lower }
    }
}

/// One word of a text: where it starts, its length in bytes, and its hash.
#[derive(Debug, Clone, Copy)]
pub(super) struct Word {
    /// Byte offset of the word in its text.
    pub(super) start: u32,
    /// Length of the word in bytes.
    pub(super) len: u32,
    /// The word's case-folded hash.
    pub(super) hash: WordHash,
}

impl Word {
    /// The byte range of the word in its text.
    pub(super) fn range(&self) -> std::ops::Range<usize> {
        let start = self.start as usize;
        start..start + self.len as usize
    }
}

/// The words of a text with their case-folded hashes (see [`words`] for what a word is),
/// read in one pass and shared by every stage that reads words: the extractor's gazetteer
/// scan and the near-duplicate signature of the body.
#[derive(Debug, Clone, Default)]
pub struct WordList {
    words: Vec<Word>,
    /// Length in bytes of the text the words were read from.
    text_len: usize,
}

impl WordList {
    /// The words of `text`.
    pub fn of(text: &str) -> WordList {
        let mut list = WordList {
            // A word and the space after it take six bytes on average in English news.
            words: Vec::with_capacity(text.len() / 6),
            text_len: 0,
        };
        list.fill(text);
        list
    }

    /// Replaces the list with the words of `text`, keeping its allocation. Offsets are
    /// kept in 32 bits: words that start beyond 4 GiB of one text are left out.
    pub(super) fn fill(&mut self, text: &str) {
        self.words.clear();
        self.text_len = text.len();
        let bytes = text.as_bytes();
        self.words.extend(words(text).map_while(|(start, word)| {
            Some(Word {
                start: u32::try_from(start).ok()?,
                len: u32::try_from(word.len()).ok()?,
                hash: WordHash::in_text(bytes, start, word.len()),
            })
        }));
    }

    /// True when the list may have been read from `text` (the lengths agree).
    pub(super) fn is_of(&self, text: &str) -> bool {
        self.text_len == text.len()
    }

    /// The words, in order.
    pub(super) fn words(&self) -> &[Word] {
        &self.words
    }

    /// How many words the text has.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True for a text without words.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The case-folded hash of each word, in order: words equal but for ASCII case hash
    /// alike.
    pub fn hashes(&self) -> impl ExactSizeIterator<Item = u64> + '_ {
        self.words.iter().map(|w| w.hash.hash)
    }
}

/// A mask of the low `n` bytes of a word (n ≤ 8).
fn low_bytes(n: usize) -> u64 {
    match n {
        8.. => u64::MAX,
        _ => (1 << (8 * n)) - 1,
    }
}

/// One step of [`WordHash`]: mixes eight bytes of a word (zero past its end) into `hash`.
/// Setting bit 5 of every byte folds ASCII case (and may fold other bytes alike, which only
/// costs a failed search).
fn mix(hash: u64, eight: u64) -> u64 {
    let folded = eight | 0x2020_2020_2020_2020;
    (hash.rotate_left(29) ^ folded).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// Every word start of `text`, with the leading word there: a letter or digit not preceded
/// by a letter, digit or underscore. Runs of ASCII letters and digits, most of any text, are
/// read eight bytes at a time; other characters are decoded.
pub(super) fn words(text: &str) -> Words<'_> {
    Words { text, pos: 0 }
}

/// The iterator of [`words`]: a plain struct, so that the scan loops inline its steps.
#[derive(Debug, Clone)]
pub(super) struct Words<'a> {
    text: &'a str,
    /// Never preceded by a word character.
    pos: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = (usize, &'a str);

    #[inline]
    fn next(&mut self) -> Option<(usize, &'a str)> {
        let (text, bytes) = (self.text, self.text.as_bytes());
        let mut pos = self.pos;
        loop {
            match BYTE_CLASS[usize::from(*bytes.get(pos)?)] {
                ALNUM => break,
                UNDERSCORE => pos = past_word_characters(text, pos),
                HIGH => {
                    let c = text[pos..].chars().next()?;
                    if c.is_alphanumeric() {
                        break;
                    }
                    pos += c.len_utf8();
                }
                _ => pos += 1,
            }
        }
        let start = pos;
        let mut end = ascii_alphanumeric_end(bytes, start);
        if bytes.get(end).is_some_and(|&b| b >= 0x80) {
            end = start + first_word(&text[start..]).len();
        }
        // A word glued to an underscore goes on: what follows starts no word.
        self.pos = match bytes.get(end) {
            Some(b'_') => past_word_characters(text, end),
            _ => end,
        };
        Some((start, &text[start..end]))
    }
}

/// The end of the run of letters, digits and underscores at `pos`.
fn past_word_characters(text: &str, pos: usize) -> usize {
    let run = text[pos..]
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '_'))
        .map_or(text.len() - pos, |(at, _)| at);
    pos + run
}

/// The leading letters and digits of `text` (runs of ASCII letters and digits are read a
/// byte at a time; other characters are decoded).
pub(super) fn first_word(text: &str) -> &str {
    let bytes = text.as_bytes();
    let mut end = 0;
    loop {
        end = ascii_alphanumeric_end(bytes, end);
        if end == bytes.len() || BYTE_CLASS[usize::from(bytes[end])] != HIGH {
            break;
        }
        let c = text[end..].chars().next().unwrap_or(' ');
        if !c.is_alphanumeric() {
            break;
        }
        end += c.len_utf8();
    }
    &text[..end]
}

/// The end of the run of ASCII letters and digits at `at`. Eight bytes are tested at once:
/// each byte's high bit says whether it is a letter (case folded by bit 5) or a digit, by
/// additions that cannot carry from one byte into the next once high bits are cleared.
#[inline]
fn ascii_alphanumeric_end(bytes: &[u8], mut at: usize) -> usize {
    const LOW: u64 = 0x0101_0101_0101_0101;
    const HIGH_BITS: u64 = 0x80 * LOW;
    while let Some(eight) = bytes[at..].first_chunk::<8>() {
        let x = u64::from_le_bytes(*eight);
        let ascii = x & !HIGH_BITS;
        let folded = ascii | (0x20 * LOW);
        // 'a'..='z' after folding; '0'..='9'.
        let letter = (folded + 0x1f * LOW) & !(folded + 0x05 * LOW);
        let digit = (ascii + 0x50 * LOW) & !(ascii + 0x46 * LOW);
        let others = (!(letter | digit) | x) & HIGH_BITS;
        if others != 0 {
            return at + (others.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    at + bytes[at..]
        .iter()
        .take_while(|&&b| BYTE_CLASS[usize::from(b)] == ALNUM)
        .count()
}

/// [`BYTE_CLASS`] of ASCII letters and digits.
const ALNUM: u8 = 1;
/// [`BYTE_CLASS`] of the underscore, a word character that starts no word.
const UNDERSCORE: u8 = 2;
/// [`BYTE_CLASS`] of the bytes of characters beyond ASCII, which are decoded.
const HIGH: u8 = 3;

/// The class of each byte for the word scans: [`ALNUM`], [`UNDERSCORE`], [`HIGH`], or 0 for
/// other ASCII characters.
static BYTE_CLASS: [u8; 256] = {
    let mut classes = [0; 256];
    let mut b = 0;
    while b < 256 {
        classes[b] = match b as u8 {
            c if c >= 0x80 => HIGH,
            c if c.is_ascii_alphanumeric() => ALNUM,
            b'_' => UNDERSCORE,
            _ => 0,
        };
        b += 1;
    }
    classes
};

pub(super) fn at_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(is_word) && !after.is_some_and(is_word)
}

/// True when the word at `range` of `text` is in capitals and [`soften_capitals`] softens
/// it: three or more ASCII capitals, next to no character beyond ASCII.
pub(super) fn is_capitals_word(text: &str, range: std::ops::Range<usize>) -> bool {
    let bytes = text.as_bytes();
    let (start, end) = (range.start, range.end);
    end - start >= 3
        && bytes[range].iter().all(u8::is_ascii_uppercase)
        && (start == 0 || bytes[start - 1].is_ascii())
        && bytes.get(end).is_none_or(u8::is_ascii)
}

/// `text` with every all-capitals word of three or more ASCII letters written with an
/// initial capital only ("NEW YORK" -> "New York"); `None` when there is no such word.
/// Byte offsets are unchanged.
pub(super) fn soften_capitals(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out: Option<Vec<u8>> = None;
    let mut i = 0;
    // Only a run of letters that starts with a capital can qualify: jump from capital to
    // capital. A capital after a lower-case letter of its run disqualifies the whole run.
    while let Some(skip) = bytes[i..].iter().position(u8::is_ascii_uppercase) {
        let start = i + skip;
        i = start
            + bytes[start..]
                .iter()
                .take_while(|b| b.is_ascii_alphabetic())
                .count();
        let word = &bytes[start..i];
        let run_start = start == 0 || !bytes[start - 1].is_ascii_alphabetic();
        let glued =
            i < bytes.len() && !bytes[i].is_ascii() || start > 0 && !bytes[start - 1].is_ascii();
        if run_start && word.len() >= 3 && word.iter().all(u8::is_ascii_uppercase) && !glued {
            let out = out.get_or_insert_with(|| bytes.to_vec());
            out[start + 1..i].make_ascii_lowercase();
        }
    }
    String::from_utf8(out?).ok()
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// Word starts by the definition, character by character: the reference.
    fn reference(text: &str) -> Vec<(usize, &str)> {
        let is_word = |c: char| c.is_alphanumeric() || c == '_';
        text.char_indices()
            .filter(|&(at, c)| {
                c.is_alphanumeric() && !text[..at].chars().next_back().is_some_and(is_word)
            })
            .map(|(at, _)| (at, first_word(&text[at..])))
            .collect()
    }

    /// Bytes around the edges of the letter and digit ranges, whitespace, control
    /// characters and bytes beyond ASCII.
    const EDGE_BYTES: &[u8] = b"azAZ09@[`{/:_ -\t\n\x0b\x01\x7f\xc3\xa9";

    /// Texts of pseudo-random bytes of `alphabet`, of every length up to 39, for testing a
    /// fast scanner against its byte-by-byte definition.
    pub(in crate::entities) fn random_texts(alphabet: &[u8]) -> Vec<Vec<u8>> {
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        (0..400)
            .map(|n| {
                (0..n % 40)
                    .map(|_| {
                        state ^= state << 13;
                        state ^= state >> 7;
                        state ^= state << 17;
                        alphabet[(state % alphabet.len() as u64) as usize]
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn alphanumeric_runs_end_where_the_byte_classes_say() {
        for text in random_texts(EDGE_BYTES) {
            for at in 0..text.len() {
                let expected = at
                    + text[at..]
                        .iter()
                        .take_while(|&&b| BYTE_CLASS[usize::from(b)] == ALNUM)
                        .count();
                assert_eq!(
                    ascii_alphanumeric_end(&text, at),
                    expected,
                    "{text:?} at {at}"
                );
            }
        }
    }

    #[test]
    fn word_lists_hold_each_word_with_its_case_folded_hash() {
        let text = "Oil prices ROSE in São Paulo; oil Prices rose_ again.";
        let list = WordList::of(text);
        let read: Vec<(usize, &str)> = list
            .words()
            .iter()
            .map(|w| (w.start as usize, &text[w.range()]))
            .collect();
        assert_eq!(read, words(text).collect::<Vec<_>>());
        let hashes: Vec<u64> = list.hashes().collect();
        assert_eq!(hashes[0], hashes[6], "Oil / oil");
        assert_eq!(hashes[2], hashes[8], "ROSE / rose");
        assert_ne!(hashes[0], hashes[1]);
        for (w, hash) in list.words().iter().zip(hashes) {
            assert_eq!(hash, WordHash::of(&text[w.range()]).hash);
        }
        assert!(WordList::of(" -- ").is_empty());
    }

    #[test]
    fn words_are_found_as_the_definition_says() {
        let text = "U.S.-Moroccan al-Burhan snake_case x_1 _lead 3rd São Paulo’s \
                    Ελλάδα—Köln; naïve_ü é_2 “Quoted” end_ ";
        assert_eq!(words(text).collect::<Vec<_>>(), reference(text));
    }
}
