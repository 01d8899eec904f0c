//! Finding gazetteer strings in text: an aho-corasick automaton searched only at the starts
//! of words that begin some pattern (see [`super::words`]), with word-boundary checks, and
//! the patterns with what each one names.

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

use std::collections::HashMap;

use super::EntityKind;
use super::words::{WordHash, at_word_boundary, words};
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
    /// A bit for the case-folded hash of the first word of every pattern, kept apart from
    /// the two bitmaps above so that matchers can share one probe (see [`FirstWords`]).
    first_words: FirstWords,
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
            first_words: FirstWords::default(),
            every_word: false,
            fold,
            longest: patterns.iter().map(String::len).max().unwrap_or(0),
        };
        for pattern in patterns {
            let mut leading = words(pattern);
            if let Some((0, first)) = leading.clone().next() {
                set_bit(&mut compiled.first_words.0, WordHash::of(first).hash);
            }
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

    /// The first words of this matcher's patterns, or `None` when some pattern starts with
    /// punctuation and every word start must be tried.
    pub(super) fn first_words(&self) -> Option<&FirstWords> {
        (!self.every_word).then_some(&self.first_words)
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
        if self.may_match(hash, next) {
            self.match_at(text, start)
        } else {
            None
        }
    }

    /// False when no pattern can start at a word hashing to `hash` followed by a word
    /// hashing to `next`. The hashes fold case, so the answer holds for the same words in
    /// other capitals ("NEW YORK" as "New York").
    pub(super) fn may_match(&self, hash: WordHash, next: Option<WordHash>) -> bool {
        let key = self.key(hash);
        self.every_word
            || has_bit(&self.single_words, key)
            || next.is_some_and(|next| has_bit(&self.word_pairs, pair_key(key, next)))
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

/// A bitmap of the case-folded first words of a set of patterns: a word whose bit is clear
/// starts none of them. Text words are probed once against the union of the matchers' sets
/// before any matcher looks at them.
#[derive(Debug, Clone)]
pub(super) struct FirstWords(Box<[u64; WORD_BITS / 64]>);

impl Default for FirstWords {
    fn default() -> Self {
        FirstWords(Box::new([0; WORD_BITS / 64]))
    }
}

impl FirstWords {
    /// The union of `sets`; `None` when one of them is `None` (every word may start a match).
    pub(super) fn union<'a>(
        sets: impl IntoIterator<Item = Option<&'a FirstWords>>,
    ) -> Option<Self> {
        let mut union = FirstWords::default();
        for set in sets {
            for (bits, more) in union.0.iter_mut().zip(set?.0.iter()) {
                *bits |= more;
            }
        }
        Some(union)
    }

    /// False when the word hashing to `hash` starts no pattern of the set.
    pub(super) fn may_start(&self, hash: WordHash) -> bool {
        has_bit(&self.0, hash.hash)
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
    /// A city: no mention when it names an agreement ("the Paris accord").
    pub(super) city: bool,
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
            city: false,
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

    #[test]
    fn bitmaps_turn_away_no_word_that_starts_a_match() {
        // Also checks the first-word set each matcher gives to the extractor's shared probe.
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
                let found = matcher.match_at(text, start);
                assert_eq!(filtered, found, "{word} (fold {fold})");
                let first_words = matcher.first_words().expect("every pattern starts a word");
                if found.is_some() {
                    assert!(first_words.may_start(WordHash::of(word)), "{word}");
                }
            }
        }
    }

    #[test]
    fn a_union_holds_the_first_words_of_every_set_and_none_when_one_takes_every_word() {
        let names = WordStartMatcher::new(&["New York".into()], false).expect("compiles");
        let topics = WordStartMatcher::new(&["oil price".into()], true).expect("compiles");
        let union = FirstWords::union([names.first_words(), topics.first_words()])
            .expect("both sets are whole");
        for word in ["New", "new", "OIL", "oil"] {
            assert!(union.may_start(WordHash::of(word)), "{word}");
        }
        assert!(!union.may_start(WordHash::of("York")));
        let dotted = WordStartMatcher::new(&[".NET".into()], false).expect("compiles");
        assert!(dotted.first_words().is_none());
        assert!(FirstWords::union([names.first_words(), dotted.first_words()]).is_none());
    }
}
