//! The compiled extractor: one aho-corasick automaton over every case-sensitive name of
//! people, countries and organizations, one case-insensitive automaton over topic phrases.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use rustc_hash::{FxHashMap, FxHashSet};

use super::gazetteer::Gazetteer;
use super::matcher::{FirstWords, PatternBuilder, Strength, Target, WordStartMatcher};
use super::names::{self, Found};
use super::resolver::Resolver;
use super::tally::{Tally, WordCounts, add, ranked, unmention};
use super::topics::Topics;
use super::words::{Word, WordList, is_capitals_word, soften_capitals};
use super::{Entities, EntityKind, context};
use crate::article::Article;
use crate::error::Result;

/// Finds entities in articles. Build it once and share it across threads.
#[derive(Debug, Clone)]
pub struct Extractor {
    /// Canonical names of people, countries and organizations, by kind.
    names: FxHashMap<EntityKind, Vec<String>>,
    /// Names, aliases and topic paths for filters and facets.
    resolver: Resolver,
    matcher: WordStartMatcher,
    targets: Vec<Vec<Target>>,
    /// The topic phrases and the rules they feed.
    topics: Topics,
    /// The first words of every name and topic pattern (`None`: try every word).
    first_words: Option<FirstWords>,
    /// Confirming words of countries with ambiguous names, by country index.
    context_words: HashMap<usize, Vec<String>>,
    /// Every proper word-suffix and word-prefix of a known organization name, lower-cased
    /// ("security council" of "united nations security council", "organisation for economic
    /// cooperation" of "organisation for economic cooperation and development").
    org_parts: HashSet<String>,
    /// Every lower-cased name, alias and short form of a person, place or organization.
    known: FxHashSet<String>,
    /// The lower-cased names of places and organizations alone.
    places_and_orgs: FxHashSet<String>,
    /// The lower-cased demonyms of countries ("indonesian", "german").
    demonyms: FxHashSet<String>,
}

/// What a scan of one article has found so far.
#[derive(Debug, Default)]
struct Scan {
    tallies: FxHashMap<(EntityKind, usize), Tally>,
    /// People named in full (their surnames may count).
    anchored: FxHashSet<usize>,
    /// Surname matches waiting for a full name.
    surnames: Vec<(usize, bool)>,
    /// Ambiguous names waiting for confirmation.
    pending: Vec<((EntityKind, usize), bool)>,
}

impl Extractor {
    /// The extractor over the built-in gazetteers.
    pub fn builtin() -> Result<Self> {
        Self::new(&Gazetteer::builtin()?)
    }

    /// The extractor over the built-in gazetteers merged with those in `dir`.
    pub fn with_overrides(dir: Option<&Path>) -> Result<Self> {
        Self::new(&Gazetteer::with_overrides(dir)?)
    }

    /// Compiles the gazetteers.
    pub fn new(gazetteer: &Gazetteer) -> Result<Self> {
        let mut builder = PatternBuilder::default();
        let mut context_words = HashMap::new();
        for (i, c) in gazetteer.countries.iter().enumerate() {
            let strings = [
                &c.aliases,
                &c.abbreviations,
                &c.demonyms,
                &c.cities,
                &c.historical,
                &c.regions,
            ];
            builder.add(
                EntityKind::Country,
                i,
                &c.name,
                strings.into_iter().flatten(),
                Strength::Full,
            );
            builder.flag(EntityKind::Country, i, &c.person_names, |t| {
                t.person_name = true
            });
            builder.flag(EntityKind::Country, i, &c.needs_context, |t| {
                t.needs_context = true
            });
            builder.flag(EntityKind::Country, i, &c.demonyms, |t| t.adjective = true);
            builder.flag(EntityKind::Country, i, &c.cities, |t| t.city = true);
            if !c.needs_context.is_empty() {
                context_words.insert(i, c.context.clone());
            }
        }
        for (i, p) in gazetteer.people.iter().enumerate() {
            builder.add(
                EntityKind::Person,
                i,
                &p.name,
                p.aliases.iter(),
                Strength::Full,
            );
            builder.add_each(
                EntityKind::Person,
                i,
                p.short_forms().iter(),
                Strength::Short,
            );
        }
        for (i, o) in gazetteer.orgs.iter().enumerate() {
            let strings = o.aliases.iter().chain(&o.abbreviations);
            builder.add(EntityKind::Org, i, &o.name, strings, Strength::Full);
        }
        let (patterns, targets) = builder.finish();
        let matcher = WordStartMatcher::new(&patterns, false)?;
        let names = FxHashMap::from_iter([
            (
                EntityKind::Country,
                gazetteer.countries.iter().map(|c| c.name.clone()).collect(),
            ),
            (
                EntityKind::Person,
                gazetteer.people.iter().map(|p| p.name.clone()).collect(),
            ),
            (
                EntityKind::Org,
                gazetteer.orgs.iter().map(|o| o.name.clone()).collect(),
            ),
        ]);
        let topics = Topics::compile(gazetteer)?;
        let resolver = Resolver::new(gazetteer);
        let first_words = FirstWords::union([matcher.first_words(), topics.matcher.first_words()]);
        Ok(Extractor {
            first_words,
            names,
            matcher,
            targets,
            topics,
            context_words,
            org_parts: org_parts(gazetteer),
            known: known_names(
                &resolver,
                &[EntityKind::Person, EntityKind::Country, EntityKind::Org],
            ),
            places_and_orgs: known_names(&resolver, &[EntityKind::Country, EntityKind::Org]),
            demonyms: gazetteer
                .countries
                .iter()
                .flat_map(|c| &c.demonyms)
                .map(|d| d.to_lowercase())
                .collect(),
            resolver,
        })
    }

    /// Finds the entities of one article. Title mentions weigh in salience.
    pub fn extract(&self, article: &Article) -> Entities {
        self.extract_with_body_words(article, &WordList::of(&article.body))
    }

    /// [`Extractor::extract`] for an article whose body's words were already read:
    /// `body_words` is `WordList::of(&article.body)`. Indexing reads them once for the
    /// near-duplicate signature and the gazetteer scan. A list read from another text is
    /// noticed by its length and read again.
    pub fn extract_with_body_words(&self, article: &Article, body_words: &WordList) -> Entities {
        let segments = article_segments(article);
        let mut scan = Scan::default();
        let mut topic_hits = Vec::with_capacity(16);
        let mut capitals = Vec::new();
        let mut scratch = WordList::default();
        for &(text, in_title) in &segments {
            // The body is the one segment that is the article's body.
            let is_body = std::ptr::eq(text, article.body.as_str());
            let words = if is_body && body_words.is_of(text) {
                body_words.words()
            } else {
                scratch.fill(text);
                scratch.words()
            };
            self.scan_text(
                &mut scan,
                &mut topic_hits,
                &mut capitals,
                text,
                words,
                in_title,
            );
        }
        self.settle_pending(&mut scan, &segments);
        let found: Vec<Found> = segments
            .iter()
            .map(|(text, in_title)| {
                if *in_title {
                    Found::default()
                } else {
                    names::scan(text)
                }
            })
            .collect();
        let words = WordCounts::new(&segments);
        let orgs = self.context_orgs(&words, &found, &mut scan.tallies);
        let mut by_kind: FxHashMap<EntityKind, Vec<(Vec<String>, Tally)>> = FxHashMap::default();
        by_kind.insert(EntityKind::Org, orgs);
        for ((kind, entity), tally) in scan.tallies {
            let name = self.names[&kind][entity].clone();
            by_kind.entry(kind).or_default().push((vec![name], tally));
        }
        let listed: Vec<String> = by_kind
            .get(&EntityKind::Person)
            .map(|people| people.iter().map(|(path, _)| path[0].clone()).collect())
            .unwrap_or_default();
        by_kind
            .entry(EntityKind::Person)
            .or_default()
            .extend(self.context_people(&words, &found, &listed));
        let mut entities = Entities::default();
        for (kind, list) in by_kind {
            *entities.of_mut(kind) = ranked(list);
        }
        entities.topic = ranked(self.topics.tallies(&topic_hits));
        entities
    }

    /// Runs the name and topic automata over `text` in one pass over its `words`; topic
    /// phrases found go to `topic_hits` as (pattern, in title). Words in capitals ("NEW
    /// YORK, March 3", wire headlines) where a name may start are then read again with
    /// ordinary capitalisation; `capitals` is scratch space for their offsets.
    fn scan_text(
        &self,
        scan: &mut Scan,
        topic_hits: &mut Vec<(usize, bool)>,
        capitals: &mut Vec<usize>,
        text: &str,
        words: &[Word],
        in_title: bool,
    ) {
        let (mut name_from, mut topic_from) = (0, 0);
        capitals.clear();
        for (i, word) in words.iter().enumerate() {
            let (start, hash) = (word.start as usize, word.hash);
            if self
                .first_words
                .as_ref()
                .is_some_and(|f| !f.may_start(hash))
            {
                continue;
            }
            let next = words.get(i + 1).map(|next| next.hash);
            // A word in capitals is read again softened only when a name may start there.
            if is_capitals_word(text, word.range()) && self.matcher.may_match(hash, next) {
                capitals.push(start);
            }
            let name = (start >= name_from)
                .then(|| self.matcher.match_word(text, start, hash, next))
                .flatten();
            if let Some((span, pattern)) = name {
                name_from = span.end;
                self.take_match(scan, text, span, pattern, in_title);
            }
            let topic = (start >= topic_from)
                .then(|| self.topics.matcher.match_word(text, start, hash, next))
                .flatten();
            if let Some((span, pattern)) = topic {
                topic_from = span.end;
                topic_hits.push((pattern, in_title));
            }
        }
        self.scan_capitals(scan, text, capitals, in_title);
    }

    /// Reads the names that start at words in capitals (`starts`), each in a softened copy
    /// of a window around it (see [`soften_capitals`]); only a name that was in capitals
    /// counts again. The window holds enough text before the word for the context rules and
    /// more than the longest name after it.
    fn scan_capitals(&self, scan: &mut Scan, text: &str, starts: &[usize], in_title: bool) {
        const BEFORE: usize = 80;
        let reach = |start: usize| start + self.matcher.longest() + 8;
        let mut covered = 0;
        let mut rest = starts;
        while let Some(&first) = rest.first() {
            // Words whose windows overlap share one window.
            let mut end = reach(first);
            let mut together = 1;
            while let Some(&next) = rest.get(together).filter(|&&s| s < end) {
                end = reach(next);
                together += 1;
            }
            let (group, later) = rest.split_at(together);
            rest = later;
            let from = text.floor_char_boundary(first.saturating_sub(BEFORE));
            let to = text.ceil_char_boundary(end);
            let Some(window) = soften_capitals(&text[from..to]) else {
                continue;
            };
            for &start in group {
                if start < covered {
                    continue;
                }
                if let Some((span, pattern)) = self.matcher.match_at(&window, start - from) {
                    covered = from + span.end;
                    self.take_match(scan, &window, span, pattern, in_title);
                }
            }
        }
    }

    /// Gazetteer names in `text` on word boundaries, leftmost-longest, without overlaps:
    /// (byte range, pattern index).
    fn names_in<'t>(
        &'t self,
        text: &'t str,
    ) -> impl Iterator<Item = (std::ops::Range<usize>, usize)> + 't {
        self.matcher.matches(text)
    }

    /// Counts one gazetteer match, or keeps it pending when it needs the rest of the article.
    fn take_match(
        &self,
        scan: &mut Scan,
        text: &str,
        span: std::ops::Range<usize>,
        pattern: usize,
        in_title: bool,
    ) {
        let targets = &self.targets[pattern];
        let Some(t) = targets.iter().find(|t| t.strength == Strength::Full) else {
            let word = &text[span.clone()];
            if !(context::is_month(word) && context::used_as_date(text, span.start, span.end)) {
                scan.surnames.push((pattern, in_title));
            }
            return;
        };
        if t.person_name && context::joined_to_name(text, span.start, span.end) {
            return;
        }
        if t.adjective && context::names_a_currency(text, span.end) {
            return;
        }
        if t.city && context::names_an_agreement(text, span.end) {
            return;
        }
        if t.kind == EntityKind::Country && context::after_listing(text, span.start) {
            return;
        }
        if t.needs_context {
            scan.pending.push(((t.kind, t.entity), in_title));
            return;
        }
        add(&mut scan.tallies, (t.kind, t.entity), in_title);
        if t.kind == EntityKind::Person {
            scan.anchored.insert(t.entity);
        }
    }

    /// Surnames count for people named in full; ambiguous names count when the article
    /// confirms them.
    fn settle_pending(&self, scan: &mut Scan, segments: &[(&str, bool)]) {
        for (pattern, in_title) in std::mem::take(&mut scan.surnames) {
            let person = self.targets[pattern]
                .iter()
                .find(|t| scan.anchored.contains(&t.entity));
            if let Some(t) = person {
                add(&mut scan.tallies, (t.kind, t.entity), in_title);
            }
        }
        for (key, in_title) in std::mem::take(&mut scan.pending) {
            let words = self
                .context_words
                .get(&key.1)
                .map_or(&[][..], Vec::as_slice);
            let confirmed = scan.tallies.contains_key(&key)
                || words.iter().any(|w| {
                    segments
                        .iter()
                        .any(|(text, _)| context::count_word(text, w) > 0)
                });
            if confirmed {
                add(&mut scan.tallies, key, in_title);
            }
        }
    }

    /// People found from context (titles, attribution) that the gazetteer does not know,
    /// each counted by the mentions of their surname.
    /// `listed` holds the gazetteer people already found in the article: a lone surname or
    /// royal name that is part of one of them ("King Mohammed" of "Mohammed VI") is theirs.
    fn context_people(
        &self,
        words: &WordCounts,
        found: &[Found],
        listed: &[String],
    ) -> Vec<(Vec<String>, Tally)> {
        let mut people: Vec<(Vec<String>, Tally)> = Vec::new();
        let companies: Vec<&String> = found.iter().flat_map(|f| &f.companies).collect();
        // The tail of an organization's name is a person's only after the name of a known
        // place ("Bank of Japan Yasushi Mieno"), which is dropped below; after a demonym it
        // is the organization's ("Association of Indonesian Coffee Exporters").
        let tails = found.iter().flat_map(|f| &f.org_tails).filter(|name| {
            name.split_whitespace().next().is_some_and(|first| {
                self.is_place_or_org(first) && !self.demonyms.contains(&first.to_lowercase())
            })
        });
        for name in found.iter().flat_map(|f| &f.people).chain(tails) {
            let Some(name) = self.strip_known_prefix(name) else {
                continue;
            };
            if self.is_known(&name)
                || companies.contains(&&name)
                || people.iter().any(|(p, _)| p[0] == name)
            {
                continue;
            }
            let surname = context::surname(&name).unwrap_or(&name);
            people.push((vec![name.clone()], words.tally(surname)));
        }
        for surname in found.iter().flat_map(|f| &f.surnames) {
            let word = surname.split_whitespace().last().unwrap_or(surname);
            let in_listed = listed
                .iter()
                .any(|name| name.split_whitespace().any(|w| w == word));
            let taken = in_listed
                || people
                    .iter()
                    .any(|(p, _)| context::surname(&p[0]) == Some(surname) || p[0] == *surname);
            if taken || self.is_known(surname) {
                continue;
            }
            people.push((vec![surname.clone()], words.tally(surname)));
        }
        people
    }

    /// Organizations the gazetteer does not know, found by the shape of their names; a
    /// country named inside one ("Union Bank of Switzerland") is no mention of the country.
    fn context_orgs(
        &self,
        words: &WordCounts,
        found: &[Found],
        tallies: &mut FxHashMap<(EntityKind, usize), Tally>,
    ) -> Vec<(Vec<String>, Tally)> {
        let mut orgs: Vec<(Vec<String>, Tally)> = Vec::new();
        for found in found {
            for (name, acronym) in &found.orgs {
                let name = self.without_known_conjunct(name);
                let holds_known_org = self.names_in(name).any(|(_, pattern)| {
                    self.targets[pattern]
                        .iter()
                        .any(|t| t.kind == EntityKind::Org && t.strength == Strength::Full)
                });
                if holds_known_org
                    || self.is_known(name)
                    || self.is_part_of_known_org(name)
                    || orgs.iter().any(|(o, _)| o[0] == *name)
                {
                    continue;
                }
                let mut tally = words.tally(name);
                if let Some(acronym) = &acronym {
                    let extra = words.tally(acronym);
                    tally.count += extra.count;
                    tally.in_title += extra.in_title;
                }
                for (_, pattern) in self.names_in(name) {
                    let inside = self.targets[pattern]
                        .iter()
                        .find(|t| t.strength == Strength::Full && t.kind == EntityKind::Country);
                    if let Some(t) = inside {
                        unmention(tallies, (t.kind, t.entity), words.tally(name).count);
                    }
                }
                orgs.push((vec![name.to_string()], tally));
            }
        }
        orgs
    }

    /// The name after "and" (or "&") when the words before it are a known name: "United
    /// States and Soviet Union" names two countries, not an organization.
    fn without_known_conjunct<'n>(&self, name: &'n str) -> &'n str {
        let split = name.split_once(" and ").or_else(|| name.split_once(" & "));
        match split {
            Some((left, right)) if self.is_known(left) => right,
            _ => name,
        }
    }

    /// True when `name` is the head or tail of a known organization's name ("Security
    /// Council"): the context scan stops at words such as "and" that the gazetteer's full
    /// name runs through.
    fn is_part_of_known_org(&self, name: &str) -> bool {
        self.org_parts.contains(&name.to_lowercase())
    }

    /// Drops leading words that are countries, demonyms or organizations ("Saudi Hisham
    /// Nazer"); `None` when fewer than two words remain.
    fn strip_known_prefix(&self, name: &str) -> Option<String> {
        let words: Vec<&str> = name.split_whitespace().collect();
        let skip = words.iter().take_while(|w| self.is_place_or_org(w)).count();
        names::tidy_name(&words[skip..].join(" "))
    }

    /// True when the gazetteers already know `name` as anything (person, place, org).
    fn is_known(&self, name: &str) -> bool {
        self.known.contains(&name.trim().to_lowercase())
    }

    fn is_place_or_org(&self, word: &str) -> bool {
        self.places_and_orgs.contains(&word.trim().to_lowercase())
    }

    /// What filter values and topic facets resolve to.
    pub fn resolver(&self) -> &Resolver {
        &self.resolver
    }
}

/// The article's text, each part flagged when it is the title.
fn article_segments(article: &Article) -> Vec<(&str, bool)> {
    let mut segments = Vec::with_capacity(article.captions.len() + 3);
    segments.push((article.title.as_str(), true));
    if let Some(subtitle) = &article.subtitle {
        segments.push((subtitle.as_str(), false));
    }
    segments.extend(article.captions.iter().map(|c| (c.as_str(), false)));
    segments.push((article.body.as_str(), false));
    segments
}

/// The lower-cased strings the resolver knows for `kinds`.
fn known_names(resolver: &Resolver, kinds: &[EntityKind]) -> FxHashSet<String> {
    resolver
        .lookup
        .keys()
        .filter(|(kind, _)| kinds.contains(kind))
        .map(|(_, name)| name.clone())
        .collect()
}

/// The proper word-suffixes and word-prefixes of every organization name and alias,
/// lower-cased.
fn org_parts(g: &Gazetteer) -> HashSet<String> {
    let mut parts = HashSet::new();
    for org in &g.orgs {
        for name in std::iter::once(&org.name).chain(&org.aliases) {
            let lower = name.to_lowercase();
            let words: Vec<&str> = lower.split_whitespace().collect();
            for cut in 1..words.len() {
                parts.insert(words[cut..].join(" "));
                parts.insert(words[..cut].join(" "));
            }
        }
    }
    parts
}
