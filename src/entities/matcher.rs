//! Finding gazetteer strings in text: an aho-corasick automaton searched only at the starts
//! of words that begin some pattern, word-boundary checks, and the softened copy of words in
//! capitals ("NEW YORK") that wire datelines and headlines need.

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

use std::collections::HashMap;

use super::EntityKind;
use crate::error::{Error, Result};

/// An aho-corasick automaton searched only where one of its patterns can start: at the start
/// of a word that is the first word of some pattern. Names and topic phrases start at word
/// starts, so this takes far fewer steps than a scan of every byte, and two bitmaps of word
/// hashes turn most words away before the automaton runs.
#[derive(Debug, Clone)]
pub(super) struct WordStartMatcher {
    matcher: AhoCorasick,
    /// A bit for the key of the word of each one-word pattern ("Jordan"): one probe of a
    /// table that stays in the processor's cache. A word whose bit is set by another word
    /// only costs one automaton search, which then fails.
    single_words: Box<[u64; WORD_BITS / 64]>,
    /// A bit for the first two words of each longer pattern ("New" then "York"). Most
    /// words that start some pattern ("The", "New", "first") are followed by a word that
    /// does not continue any, and are turned away here.
    word_pairs: Box<[u64; WORD_BITS / 64]>,
    /// Some pattern starts with punctuation: try every word start.
    every_word: bool,
    fold: bool,
    /// Length in bytes of the longest pattern.
    longest: usize,
}

impl WordStartMatcher {
    /// Compiles `patterns`; with `fold`, ASCII case is ignored.
    pub(super) fn new(patterns: &[String], fold: bool) -> Result<Self> {
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .ascii_case_insensitive(fold)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(patterns)
            .map_err(|e| engine_error(&e))?;
        let mut compiled = WordStartMatcher {
            matcher,
            single_words: Box::new([0; WORD_BITS / 64]),
            word_pairs: Box::new([0; WORD_BITS / 64]),
            every_word: false,
            fold,
            longest: patterns.iter().map(String::len).max().unwrap_or(0),
        };
        for pattern in patterns {
            let mut leading = words(pattern);
            match (leading.next(), leading.next()) {
                (Some((0, first)), None) => {
                    let key = compiled.key(WordHash::of(first));
                    set_bit(&mut compiled.single_words, key);
                }
                (Some((0, first)), Some((_, second))) => {
                    let key = pair_key(compiled.key(WordHash::of(first)), WordHash::of(second));
                    set_bit(&mut compiled.word_pairs, key);
                }
                _ => compiled.every_word = true,
            }
        }
        Ok(compiled)
    }

    /// The bitmap key of a word that starts a pattern. Case-sensitive matchers keep words
    /// that start with a lower-case letter apart, so that common lower-case words ("new")
    /// do not wake the search for capitalised names ("New York").
    fn key(&self, hash: WordHash) -> u64 {
        if !self.fold && hash.lower {
            hash.hash ^ LOWER_CASE_SALT
        } else {
            hash.hash
        }
    }

    /// Matches on word boundaries, leftmost-longest, without overlaps: (byte range, pattern).
    pub(super) fn matches<'t>(
        &'t self,
        text: &'t str,
    ) -> impl Iterator<Item = (std::ops::Range<usize>, usize)> + 't {
        let mut from = 0;
        let bytes = text.as_bytes();
        let mut hashed = words(text)
            .map(|(start, word)| (start, WordHash::in_text(bytes, start, word.len())))
            .peekable();
        std::iter::from_fn(move || {
            while let Some((start, hash)) = hashed.next() {
                if start < from {
                    continue;
                }
                let next = hashed.peek().map(|&(_, next)| next);
                if let Some(found) = self.match_word(text, start, hash, next) {
                    from = found.0.end;
                    return Some(found);
                }
            }
            None
        })
    }

    /// The match starting at the word start `start`, whose word hashes to `hash` and is
    /// followed by a word hashing to `next` (`None` at the end of the text), if any.
    pub(super) fn match_word(
        &self,
        text: &str,
        start: usize,
        hash: WordHash,
        next: Option<WordHash>,
    ) -> Option<(std::ops::Range<usize>, usize)> {
        let key = self.key(hash);
        let may_start = has_bit(&self.single_words, key)
            || next.is_some_and(|next| has_bit(&self.word_pairs, pair_key(key, next)));
        if may_start || self.every_word {
            self.match_at(text, start)
        } else {
            None
        }
    }

    /// The match starting exactly at `start`, on word boundaries, if any.
    pub(super) fn match_at(
        &self,
        text: &str,
        start: usize,
    ) -> Option<(std::ops::Range<usize>, usize)> {
        let input = Input::new(text).range(start..).anchored(Anchored::Yes);
        let m = self
            .matcher
            .find(input)
            .filter(|m| at_word_boundary(text, m.start(), m.end()))?;
        Some((m.start()..m.end(), m.pattern().as_usize()))
    }

    /// Length in bytes of the longest pattern.
    pub(super) fn longest(&self) -> usize {
        self.longest
    }
}

/// Size of each bitmap of [`WordStartMatcher`] in bits (8 KiB): a few thousand words or
/// pairs set about one bit in twenty.
const WORD_BITS: usize = 1 << 16;

/// Mixed into the key of a word that starts with a lower-case letter (see
/// [`WordStartMatcher::key`]).
const LOWER_CASE_SALT: u64 = 0x5bd1_e995_27d4_eb2f;

/// The bitmap key of a pattern's first two words, from the first word's key.
fn pair_key(first: u64, second: WordHash) -> u64 {
    (first.rotate_left(23) ^ second.hash).wrapping_mul(0xff51_afd7_ed55_8ccd)
}

/// The bit of `key` in a bitmap of [`WORD_BITS`] bits.
fn bit_of(key: u64) -> usize {
    (key >> (64 - WORD_BITS.trailing_zeros())) as usize
}

fn set_bit(bits: &mut [u64; WORD_BITS / 64], key: u64) {
    let bit = bit_of(key);
    bits[bit / 64] |= 1 << (bit % 64);
}

fn has_bit(bits: &[u64; WORD_BITS / 64], key: u64) -> bool {
    let bit = bit_of(key);
    bits[bit / 64] & (1 << (bit % 64)) != 0
}

/// A hash of a word with ASCII case folded, read eight bytes at a time, and whether the word
/// starts with a lower-case ASCII letter. Words equal but for ASCII case hash alike, so one
/// hash serves case-sensitive and case-insensitive matchers.
#[derive(Debug, Clone, Copy)]
pub(super) struct WordHash {
    hash: u64,
    lower: bool,
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
/// read a byte at a time; other characters are decoded.
pub(super) fn words(text: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    let bytes = text.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        // `pos` is never preceded by a word character here.
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
        pos = match bytes.get(end) {
            Some(b'_') => past_word_characters(text, end),
            _ => end,
        };
        Some((start, &text[start..end]))
    })
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

/// True when the word `word` at `start` of `text` is in capitals and [`soften_capitals`]
/// softens it: three or more ASCII capitals, next to no character beyond ASCII.
pub(super) fn is_capitals_word(text: &str, start: usize, word: &str) -> bool {
    let bytes = text.as_bytes();
    let end = start + word.len();
    word.len() >= 3
        && word.bytes().all(|b| b.is_ascii_uppercase())
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

pub(super) fn engine_error(err: &aho_corasick::BuildError) -> Error {
    Error::Schema {
        file: "gazetteers".into(),
        message: format!("cannot compile the name matcher: {err}"),
    }
}

/// How strongly a matched string names its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Strength {
    /// A full name, alias, abbreviation, demonym or city: counts on its own.
    Full,
    /// A surname: counts only for a person named in full in the same article.
    Short,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Target {
    pub(super) kind: EntityKind,
    pub(super) entity: usize,
    pub(super) strength: Strength,
    /// Also a personal name: ignored when joined to another capitalised word.
    pub(super) person_name: bool,
    /// Counts only with confirmation elsewhere in the article.
    pub(super) needs_context: bool,
    /// A demonym or adjective ("Swiss"): no mention when it qualifies a currency.
    pub(super) adjective: bool,
}

/// Collects pattern strings and what each one names.
#[derive(Default)]
pub(super) struct PatternBuilder {
    index: HashMap<String, usize>,
    patterns: Vec<String>,
    targets: Vec<Vec<Target>>,
}

impl PatternBuilder {
    pub(super) fn add<'a>(
        &mut self,
        kind: EntityKind,
        entity: usize,
        name: &'a str,
        others: impl Iterator<Item = &'a String>,
        strength: Strength,
    ) {
        self.push(kind, entity, name, strength);
        for other in others {
            self.push(kind, entity, other, strength);
        }
    }

    pub(super) fn add_each<'a>(
        &mut self,
        kind: EntityKind,
        entity: usize,
        strings: impl Iterator<Item = &'a String>,
        strength: Strength,
    ) {
        for s in strings {
            self.push(kind, entity, s, strength);
        }
    }

    fn push(&mut self, kind: EntityKind, entity: usize, pattern: &str, strength: Strength) {
        let pattern = pattern.trim();
        if pattern.is_empty() {
            return;
        }
        let next = self.patterns.len();
        let slot = *self.index.entry(pattern.to_string()).or_insert(next);
        if slot == next {
            self.patterns.push(pattern.to_string());
            self.targets.push(Vec::new());
        }
        let target = Target {
            kind,
            entity,
            strength,
            person_name: false,
            needs_context: false,
            adjective: false,
        };
        // Full names first, so that a string that is both a name and a surname counts as a name.
        let list = &mut self.targets[slot];
        match strength {
            Strength::Full => {
                let at = list
                    .iter()
                    .position(|t| t.strength == Strength::Short)
                    .unwrap_or(list.len());
                list.insert(at, target);
            }
            Strength::Short => list.push(target),
        }
    }

    /// Sets a flag on the targets of `strings` that point at this entity.
    pub(super) fn flag(
        &mut self,
        kind: EntityKind,
        entity: usize,
        strings: &[String],
        set: impl Fn(&mut Target),
    ) {
        for s in strings {
            let Some(&slot) = self.index.get(s.trim()) else {
                continue;
            };
            for t in &mut self.targets[slot] {
                if t.kind == kind && t.entity == entity {
                    set(t);
                }
            }
        }
    }

    pub(super) fn finish(self) -> (Vec<String>, Vec<Vec<Target>>) {
        (self.patterns, self.targets)
    }
}

#[cfg(test)]
mod tests {
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
    /// characters and bytes beyond ASCII, in pseudo-random runs of every length.
    fn edge_byte_texts() -> Vec<Vec<u8>> {
        let alphabet = b"azAZ09@[`{/:_ -\t\n\x0b\x01\x7f\xc3\xa9";
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
        for text in edge_byte_texts() {
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
    fn bitmaps_turn_away_no_word_that_starts_a_match() {
        let patterns: Vec<String> = [
            "Jordan",
            "New York",
            "New Zealand",
            "U.S.",
            "S-400",
            "al-Burhan",
            "São Tomé",
            "The Hague",
            "the fed",
            "new",
            "Washington Post",
            "year-on-year",
            "per share",
        ]
        .map(String::from)
        .to_vec();
        let text = "The Hague said U.S. and New Zealand's S-400 talks in New York, \
                    São Tomé; al-Burhan read the Washington Post. New Yorker and the fed \
                    per share year-on-year Jordan";
        for fold in [false, true] {
            let matcher = WordStartMatcher::new(&patterns, fold).expect("patterns compile");
            let starts: Vec<(usize, &str)> = words(text).collect();
            for (i, &(start, word)) in starts.iter().enumerate() {
                let next = starts.get(i + 1).map(|&(_, next)| WordHash::of(next));
                let filtered = matcher.match_word(text, start, WordHash::of(word), next);
                assert_eq!(
                    filtered,
                    matcher.match_at(text, start),
                    "{word} (fold {fold})"
                );
            }
        }
    }

    #[test]
    fn words_are_found_as_the_definition_says() {
        let text = "U.S.-Moroccan al-Burhan snake_case x_1 _lead 3rd São Paulo’s \
                    Ελλάδα—Köln; naïve_ü é_2 “Quoted” end_ ";
        assert_eq!(words(text).collect::<Vec<_>>(), reference(text));
    }
}
