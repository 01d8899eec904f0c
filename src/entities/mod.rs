//! Entities: the people, countries, organizations and topics an article mentions, found with
//! gazetteers from `schema/` (compiled in, extendable with `--schema DIR`) matched by
//! aho-corasick on word boundaries. Demonyms and cities count for their country; a surname
//! alone counts for a person who is named in full in the same article.

mod context;
mod extractor;
pub mod gazetteer;
mod matcher;
mod names;
mod org_names;
mod resolver;
mod tally;
#[cfg(test)]
mod tests;
mod tokens;
mod topics;
mod wordlists;
mod words;

use serde::{Deserialize, Serialize};

pub use extractor::Extractor;
pub use resolver::Resolver;
pub use words::WordList;

/// The kinds of entity newsindex extracts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// People.
    Person,
    /// Countries and territories.
    Country,
    /// Organizations.
    Org,
    /// Topics of the taxonomy.
    Topic,
}

impl EntityKind {
    /// Every kind, in display order.
    pub const ALL: [EntityKind; 4] = [
        EntityKind::Person,
        EntityKind::Country,
        EntityKind::Org,
        EntityKind::Topic,
    ];

    /// The name used in facets, fields and JSON ("person", "country", "org", "topic").
    pub fn name(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Country => "country",
            EntityKind::Org => "org",
            EntityKind::Topic => "topic",
        }
    }

    /// The kind named `name` (see [`EntityKind::name`]).
    pub fn from_name(name: &str) -> Option<EntityKind> {
        EntityKind::ALL.into_iter().find(|kind| kind.name() == name)
    }
}

/// One entity found in an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Canonical name; for topics the leaf of the taxonomy path ("Abraham Accords").
    pub name: String,
    /// Facet path below the kind: `["Yoav Gallant"]`, `["Diplomacy", "Abraham Accords"]`.
    pub path: Vec<String>,
    /// Number of mentions in the article.
    pub count: u32,
}

/// Everything extracted from one article, each list ordered by salience (title mentions
/// first, then count, then name).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entities {
    /// People.
    #[serde(default)]
    pub person: Vec<Mention>,
    /// Countries and territories.
    #[serde(default)]
    pub country: Vec<Mention>,
    /// Organizations.
    #[serde(default)]
    pub org: Vec<Mention>,
    /// Topics.
    #[serde(default)]
    pub topic: Vec<Mention>,
}

impl Entities {
    /// The mentions of one kind.
    pub fn of(&self, kind: EntityKind) -> &[Mention] {
        match kind {
            EntityKind::Person => &self.person,
            EntityKind::Country => &self.country,
            EntityKind::Org => &self.org,
            EntityKind::Topic => &self.topic,
        }
    }

    /// Mutable access to the mentions of one kind.
    pub fn of_mut(&mut self, kind: EntityKind) -> &mut Vec<Mention> {
        match kind {
            EntityKind::Person => &mut self.person,
            EntityKind::Country => &mut self.country,
            EntityKind::Org => &mut self.org,
            EntityKind::Topic => &mut self.topic,
        }
    }

    /// The names of one kind, most salient first.
    pub fn names(&self, kind: EntityKind) -> Vec<String> {
        self.of(kind).iter().map(|m| m.name.clone()).collect()
    }
}
