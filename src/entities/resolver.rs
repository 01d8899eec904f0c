//! Resolving what users type in filters ("Bourita", "IDF", "U.S.", "Diplomacy") to facet
//! paths, and the topic taxonomy for facet counting. Built from the gazetteers alone, without
//! the matching automata, so a search with filters starts fast.

use std::collections::HashMap;
use std::path::Path;

use super::EntityKind;
use super::gazetteer::Gazetteer;
use crate::error::Result;

/// Filter values and topic paths of the gazetteers.
#[derive(Debug, Clone)]
pub struct Resolver {
    /// Lower-cased name, alias, abbreviation, demonym, city or topic path -> facet path.
    pub(crate) lookup: HashMap<(EntityKind, String), Vec<String>>,
    topic_paths: Vec<Vec<String>>,
}

impl Resolver {
    /// The resolver of the given gazetteers.
    pub fn new(gazetteer: &Gazetteer) -> Self {
        Resolver {
            lookup: filter_lookup(gazetteer),
            topic_paths: gazetteer.topics.iter().map(|t| t.segments()).collect(),
        }
    }

    /// The resolver of the built-in gazetteers merged with those in `dir`.
    pub fn with_overrides(dir: Option<&Path>) -> Result<Self> {
        Ok(Self::new(&Gazetteer::with_overrides(dir)?))
    }

    /// The facet path (below the kind) that a filter value names: a canonical name, alias,
    /// abbreviation or surname resolves to its entity ("Bourita" -> "Nasser Bourita"); a
    /// topic leaf or category resolves to its taxonomy path. Unknown values are kept as given.
    pub fn filter_path(&self, kind: EntityKind, value: &str) -> Vec<String> {
        let key = (kind, value.trim().to_lowercase());
        if let Some(path) = self.lookup.get(&key) {
            return path.clone();
        }
        match kind {
            EntityKind::Topic => value
                .split('/')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
            _ => vec![value.trim().to_string()],
        }
    }

    /// The taxonomy path of every topic.
    pub fn topic_paths(&self) -> Vec<Vec<String>> {
        self.topic_paths.clone()
    }

    /// The facet path of a name, alias, abbreviation, demonym or city the gazetteers know
    /// (case-insensitive), or `None`.
    pub fn known(&self, kind: EntityKind, value: &str) -> Option<&[String]> {
        self.lookup
            .get(&(kind, value.trim().to_lowercase()))
            .map(Vec::as_slice)
    }
}

/// Lower-cased strings that filters may use, mapped to facet paths.
fn filter_lookup(g: &Gazetteer) -> HashMap<(EntityKind, String), Vec<String>> {
    let mut lookup = HashMap::new();
    let mut put = |kind: EntityKind, key: &str, name: &str| {
        lookup
            .entry((kind, key.trim().to_lowercase()))
            .or_insert_with(|| vec![name.to_string()]);
    };
    for c in &g.countries {
        for s in std::iter::once(&c.name)
            .chain(&c.aliases)
            .chain(&c.abbreviations)
            .chain(&c.historical)
            .chain(&c.demonyms)
            .chain(&c.cities)
            .chain(&c.regions)
        {
            put(EntityKind::Country, s, &c.name);
        }
    }
    for p in &g.people {
        for s in std::iter::once(&p.name)
            .chain(&p.aliases)
            .chain(&p.short_forms())
        {
            put(EntityKind::Person, s, &p.name);
        }
    }
    for o in &g.orgs {
        for s in std::iter::once(&o.name)
            .chain(&o.aliases)
            .chain(&o.abbreviations)
        {
            put(EntityKind::Org, s, &o.name);
        }
    }
    for t in &g.topics {
        let segments = t.segments();
        lookup.insert(
            (EntityKind::Topic, t.path.trim().to_lowercase()),
            segments.clone(),
        );
        if let Some(leaf) = segments.last() {
            lookup
                .entry((EntityKind::Topic, leaf.to_lowercase()))
                .or_insert_with(|| segments.clone());
        }
        for len in 1..segments.len() {
            let prefix = segments[..len].to_vec();
            lookup
                .entry((EntityKind::Topic, prefix.join("/").to_lowercase()))
                .or_insert(prefix);
        }
    }
    lookup
}
