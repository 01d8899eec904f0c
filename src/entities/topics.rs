//! Topics: the taxonomy's phrases in one case-insensitive automaton, and the rules that
//! turn the phrases an article holds into topics (any-of phrases, a required co-term,
//! a minimum number of mentions).

use std::collections::HashMap;

use super::gazetteer::Gazetteer;
use super::matcher::WordStartMatcher;
use super::tally::Tally;
use crate::error::Result;

/// What one topic needs, and where it sits in the taxonomy.
#[derive(Debug, Clone)]
struct TopicRule {
    segments: Vec<String>,
    min_mentions: u32,
    needs_co_term: bool,
}

/// The compiled topics of a gazetteer.
#[derive(Debug, Clone)]
pub(super) struct Topics {
    /// Every distinct phrase, lower-cased, matched without regard to ASCII case.
    pub(super) matcher: WordStartMatcher,
    /// For each phrase of the matcher: (topic index, is a co-term).
    targets: Vec<Vec<(usize, bool)>>,
    rules: Vec<TopicRule>,
}

impl Topics {
    /// Compiles the topics of `gazetteer`; a phrase shared by several topics is matched once.
    pub(super) fn compile(gazetteer: &Gazetteer) -> Result<Topics> {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut phrases: Vec<String> = Vec::new();
        let mut targets: Vec<Vec<(usize, bool)>> = Vec::new();
        let mut rules = Vec::new();
        for (topic, spec) in gazetteer.topics.iter().enumerate() {
            let terms = spec
                .any
                .iter()
                .map(|p| (p, false))
                .chain(spec.with.iter().map(|p| (p, true)));
            for (phrase, is_co_term) in terms {
                let key = phrase.trim().to_lowercase();
                if key.is_empty() {
                    continue;
                }
                let slot = *index.entry(key.clone()).or_insert_with(|| {
                    phrases.push(key);
                    targets.push(Vec::new());
                    phrases.len() - 1
                });
                targets[slot].push((topic, is_co_term));
            }
            rules.push(TopicRule {
                segments: spec.segments(),
                min_mentions: spec.min_mentions.unwrap_or(1).max(1),
                needs_co_term: !spec.with.is_empty(),
            });
        }
        let matcher = WordStartMatcher::new(&phrases, true)?;
        Ok(Topics {
            matcher,
            targets,
            rules,
        })
    }

    /// Topics whose rules the phrases found satisfy, with their tallies; `hits` holds
    /// (phrase, in title) for each phrase found.
    pub(super) fn tallies(&self, hits: &[(usize, bool)]) -> Vec<(Vec<String>, Tally)> {
        let mut tallies = vec![Tally::default(); self.rules.len()];
        let mut co_terms = vec![false; self.rules.len()];
        for &(pattern, in_title) in hits {
            for &(topic, is_co_term) in &self.targets[pattern] {
                if is_co_term {
                    co_terms[topic] = true;
                } else {
                    tallies[topic].count += 1;
                    tallies[topic].in_title += u32::from(in_title);
                }
            }
        }
        self.rules
            .iter()
            .zip(tallies.into_iter().zip(co_terms))
            .filter(|(rule, (tally, co))| {
                tally.count >= rule.min_mentions && (*co || !rule.needs_co_term)
            })
            .map(|(rule, (tally, _))| (rule.segments.clone(), tally))
            .collect()
    }
}
