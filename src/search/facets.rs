//! Facet counting over every match of a query (not just the page shown), with exact counts.
//! Every kind is counted in one pass of one collector over the `facets` field: person,
//! country, org, source, section, year and month by their roots, topics by their flat leaf
//! facets (`/topic-leaf/…`), whose taxonomy paths come from the resolver.

use serde::Serialize;
use tantivy::collector::{FacetCollector, FacetCounts};
use tantivy::schema::Facet;

use crate::entities::{EntityKind, Resolver};
use crate::error::Result;
use crate::index::document::facet;
use crate::index::schema::{FacetKind, TOPIC_LEAF_ROOT};

/// One facet value and the number of matching articles that carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetCount {
    /// The value ("Nasser Bourita", "Abraham Accords", "2023").
    pub value: String,
    /// Matching articles with this value.
    pub count: u64,
    /// Path of the value below its kind (`["Diplomacy", "Abraham Accords"]` for a topic).
    #[serde(skip)]
    pub path: Vec<String>,
}

/// Which facets to count and how to read them back.
#[derive(Debug, Clone)]
pub struct FacetPlan {
    /// Each requested kind with the facet root whose children are its values.
    kinds: Vec<(FacetKind, Facet)>,
    /// Taxonomy paths of the topics, to give each topic value its path.
    topic_paths: Vec<Vec<String>>,
    limit: usize,
}

impl FacetPlan {
    /// Plans counts for `kinds`, keeping at most `limit` values of each (all of year/month).
    /// The resolver (which knows the topic taxonomy) is asked for only when topics are
    /// counted.
    pub fn new<'a>(
        kinds: &[FacetKind],
        resolver: impl FnOnce() -> Result<&'a Resolver>,
        limit: usize,
    ) -> Result<FacetPlan> {
        let topic = FacetKind::Entity(EntityKind::Topic);
        let topic_paths = if kinds.contains(&topic) {
            resolver()?.topic_paths()
        } else {
            Vec::new()
        };
        let mut planned: Vec<(FacetKind, Facet)> = Vec::new();
        for &kind in kinds {
            if planned.iter().any(|(k, _)| *k == kind) {
                continue;
            }
            let root = if kind == topic {
                Facet::from_path([TOPIC_LEAF_ROOT])
            } else {
                facet(kind, &[])
            };
            planned.push((kind, root));
        }
        Ok(FacetPlan {
            kinds: planned,
            topic_paths,
            limit,
        })
    }

    /// True when nothing is to be counted.
    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
    }

    /// The collector to run over the facet field `field` (none when nothing is counted);
    /// its fruit goes back to [`FacetPlan::read`].
    pub fn collectors(&self, field: &str) -> Vec<FacetCollector> {
        if self.kinds.is_empty() {
            return Vec::new();
        }
        let mut collector = FacetCollector::for_field(field);
        for (_, root) in &self.kinds {
            collector.add_facet(root.clone());
        }
        vec![collector]
    }

    /// Reads the values of every planned kind from the collector's fruit.
    pub fn read(&self, counts: &[FacetCounts]) -> Vec<(FacetKind, Vec<FacetCount>)> {
        let Some(fruit) = counts.first() else {
            return Vec::new();
        };
        self.kinds
            .iter()
            .map(|(kind, root)| (*kind, self.read_kind(*kind, root, fruit)))
            .collect()
    }

    fn read_kind(&self, kind: FacetKind, root: &Facet, fruit: &FacetCounts) -> Vec<FacetCount> {
        let is_topic = kind == FacetKind::Entity(EntityKind::Topic);
        let mut values: Vec<FacetCount> = Vec::new();
        for (facet, count) in fruit.get(root.clone()) {
            let Some(value) = facet.to_path().last().map(|s| s.to_string()) else {
                continue;
            };
            if count == 0 {
                continue;
            }
            // A topic's taxonomy path, for `--prefix /Diplomacy`.
            let path = self
                .topic_paths
                .iter()
                .find(|p| is_topic && p.last() == Some(&value))
                .cloned()
                .unwrap_or_else(|| vec![value.clone()]);
            values.push(FacetCount { value, count, path });
        }
        if matches!(kind, FacetKind::Year | FacetKind::Month) {
            values.sort_by(|a, b| a.value.cmp(&b.value));
        } else {
            values.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
            values.truncate(self.limit);
        }
        values
    }
}
