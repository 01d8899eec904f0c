//! Counting mentions: tallies per entity (title mentions apart), whole-word counts of an
//! article's paragraphs, and ordering entities by salience.

use std::collections::HashMap;

use super::{EntityKind, Mention, context};

/// Per-entity tally while scanning one article.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Tally {
    pub(super) count: u32,
    pub(super) in_title: u32,
}

pub(super) fn add(
    tallies: &mut HashMap<(EntityKind, usize), Tally>,
    key: (EntityKind, usize),
    in_title: bool,
) {
    let tally = tallies.entry(key).or_default();
    tally.count += 1;
    tally.in_title += u32::from(in_title);
}

/// Counts whole words of an article's segments, built on first use: surnames are counted
/// by lookup instead of a search through the text per name.
pub(super) struct WordCounts<'a> {
    segments: &'a [(&'a str, bool)],
    counts: std::cell::OnceCell<Vec<HashMap<&'a str, u32>>>,
}

impl<'a> WordCounts<'a> {
    pub(super) fn new(segments: &'a [(&'a str, bool)]) -> Self {
        WordCounts {
            segments,
            counts: std::cell::OnceCell::new(),
        }
    }

    /// Mentions of `word` across the segments, title mentions apart (at least one).
    pub(super) fn tally(&self, word: &str) -> Tally {
        let single = word.chars().all(|c| c.is_alphanumeric() || c == '_');
        let counts = self.counts.get_or_init(|| {
            self.segments
                .iter()
                .map(|(text, _)| {
                    let mut map: HashMap<&str, u32> = HashMap::new();
                    for w in text.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
                        if w.starts_with(char::is_uppercase) {
                            *map.entry(w).or_default() += 1;
                        }
                    }
                    map
                })
                .collect()
        });
        let mut tally = Tally::default();
        for ((text, in_title), map) in self.segments.iter().zip(counts) {
            let n = if single && word.starts_with(char::is_uppercase) {
                map.get(word).copied().unwrap_or(0)
            } else {
                context::count_word(text, word)
            };
            tally.count += n;
            tally.in_title += if *in_title { n } else { 0 };
        }
        tally.count = tally.count.max(1);
        tally
    }
}

/// Takes `n` mentions back from an entity, forgetting it when none remain.
pub(super) fn unmention(
    tallies: &mut HashMap<(EntityKind, usize), Tally>,
    key: (EntityKind, usize),
    n: u32,
) {
    if let Some(tally) = tallies.get_mut(&key) {
        tally.count = tally.count.saturating_sub(n);
        if tally.count == 0 {
            tallies.remove(&key);
        }
    }
}

/// Extra weight of a title mention when ordering entities by salience.
const TITLE_WEIGHT: u32 = 2;

/// Turns tallies into mentions, most salient first: title mentions weigh extra, then the
/// count, then the name.
pub(super) fn ranked(tallies: Vec<(Vec<String>, Tally)>) -> Vec<Mention> {
    let mut scored: Vec<(u32, Mention)> = tallies
        .into_iter()
        .map(|(path, tally)| {
            let salience = tally.count + TITLE_WEIGHT * tally.in_title;
            let name = path.last().cloned().unwrap_or_default();
            (
                salience,
                Mention {
                    name,
                    path,
                    count: tally.count,
                },
            )
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.name.cmp(&b.1.name)));
    scored.into_iter().map(|(_, m)| m).collect()
}
