//! Facet counting over every match of a query (not just the page shown), with exact counts.
//! Topic facets are hierarchical: counts are read below each category of the taxonomy, and
//! only the taxonomy's leaves are reported.

use serde::Serialize;
use tantivy::collector::{FacetCollector, FacetCounts};
use tantivy::schema::Facet;

use crate::entities::{EntityKind, Resolver};
use crate::error::Result;
use crate::index::document::facet;
use crate::index::schema::FacetKind;

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
    /// Each requested kind with the facet roots whose children are its values, each with
    /// the index of the layer that counts it.
    kinds: Vec<(FacetKind, Vec<(Facet, usize)>)>,
    /// Roots grouped so that no root is a prefix of another in the same group (tantivy's
    /// facet collector forbids it): one collector per group.
    layers: Vec<Vec<Facet>>,
    /// Taxonomy paths of the topics, the only topic values reported.
    topic_leaves: Vec<Vec<String>>,
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
        let resolver = if kinds.contains(&topic) {
            Some(resolver()?)
        } else {
            None
        };
        let mut plan = FacetPlan {
            kinds: Vec::new(),
            layers: Vec::new(),
            topic_leaves: resolver.map(Resolver::topic_paths).unwrap_or_default(),
            limit,
        };
        for &kind in kinds {
            if plan.kinds.iter().any(|(k, _)| *k == kind) {
                continue;
            }
            let paths = match resolver {
                Some(resolver) if kind == topic => resolver.topic_categories(),
                _ => vec![Vec::new()],
            };
            let mut roots = Vec::new();
            for path in paths {
                let root = facet(kind, &path);
                if plan.layers.len() <= path.len() {
                    plan.layers.resize(path.len() + 1, Vec::new());
                }
                if !plan.layers[path.len()].contains(&root) {
                    plan.layers[path.len()].push(root.clone());
                }
                roots.push((root, path.len()));
            }
            plan.kinds.push((kind, roots));
        }
        Ok(plan)
    }

    /// True when nothing is to be counted.
    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
    }

    /// The collectors to run, one per layer, over the facet field `field`; their fruits go
    /// back to [`FacetPlan::read`] in the same order.
    pub fn collectors(&self, field: &str) -> Vec<FacetCollector> {
        self.layers
            .iter()
            .map(|layer| {
                let mut collector = FacetCollector::for_field(field);
                for root in layer {
                    collector.add_facet(root.clone());
                }
                collector
            })
            .collect()
    }

    /// Reads the values of every planned kind from the collectors' fruits.
    pub fn read(&self, counts: &[FacetCounts]) -> Vec<(FacetKind, Vec<FacetCount>)> {
        self.kinds
            .iter()
            .map(|(kind, roots)| (*kind, self.read_kind(*kind, roots, counts)))
            .collect()
    }

    fn read_kind(
        &self,
        kind: FacetKind,
        roots: &[(Facet, usize)],
        counts: &[FacetCounts],
    ) -> Vec<FacetCount> {
        let is_topic = kind == FacetKind::Entity(EntityKind::Topic);
        let mut values: Vec<FacetCount> = Vec::new();
        for (root, layer) in roots {
            let Some(fruit) = counts.get(*layer) else {
                continue;
            };
            for (facet, count) in fruit.get(root.clone()) {
                let path: Vec<String> = facet
                    .to_path()
                    .iter()
                    .skip(1)
                    .map(|s| s.to_string())
                    .collect();
                if count == 0 || (is_topic && !self.topic_leaves.contains(&path)) {
                    continue;
                }
                let value = path.last().cloned().unwrap_or_default();
                values.push(FacetCount { value, count, path });
            }
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
