//! Counting mentions: tallies per entity (title mentions apart), whole-word counts of an
//! article's paragraphs, and ordering entities by salience.

use rustc_hash::FxHashMap;

use super::{EntityKind, Mention, context};

/// Per-entity tally while scanning one article.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Tally {
    pub(super) count: u32,
    pub(super) in_title: u32,
}

pub(super) fn add(
    tallies: &mut FxHashMap<(EntityKind, usize), Tally>,
    key: (EntityKind, usize),
    in_title: bool,
) {
    let tally = tallies.entry(key).or_default();
    tally.count += 1;
    tally.in_title += u32::from(in_title);
}

/// Counts whole words of an article's segments. A name is counted by a substring search per
/// segment: articles ask for a few names each, so that is cheaper than a table of every
/// word built for them.
pub(super) struct WordCounts<'a> {
    segments: &'a [(&'a str, bool)],
}

impl<'a> WordCounts<'a> {
    pub(super) fn new(segments: &'a [(&'a str, bool)]) -> Self {
        WordCounts { segments }
    }

    /// Mentions of `word` across the segments, title mentions apart (at least one).
    pub(super) fn tally(&self, word: &str) -> Tally {
        let mut tally = Tally::default();
        for (text, in_title) in self.segments {
            let n = context::count_word(text, word);
            tally.count += n;
            tally.in_title += if *in_title { n } else { 0 };
        }
        tally.count = tally.count.max(1);
        tally
    }
}

/// Takes `n` mentions back from an entity, forgetting it when none remain.
pub(super) fn unmention(
    tallies: &mut FxHashMap<(EntityKind, usize), Tally>,
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
