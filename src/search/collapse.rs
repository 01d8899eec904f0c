//! Near-duplicate groups at search time: `--collapse` keeps the best hit of each group and
//! says how many other matches the group has; `stats` counts the groups.

use rustc_hash::FxHashMap;
use tantivy::collector::Count;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, Score, Searcher, Term};

use super::SearchRequest;
use crate::error::Result;
use crate::index::schema::Fields;

/// Hits to rank before collapsing so that a page of `wanted` distinct groups is likely
/// filled even when every story was syndicated several times.
pub fn candidates(wanted: usize) -> usize {
    wanted.max(1).saturating_mul(4).saturating_add(20)
}

/// Keeps the first hit of each near-duplicate group, pages the result, and counts for each
/// kept hit the other matches of `query` in its group.
pub fn collapse(
    searcher: &Searcher,
    fields: &Fields,
    query: &dyn Query,
    hits: Vec<(Score, DocAddress)>,
    request: &SearchRequest,
) -> Result<Vec<(Score, DocAddress, u64)>> {
    let mut seen = std::collections::HashSet::new();
    let mut kept = Vec::new();
    for (score, address) in hits {
        let group = group_of(searcher, address)?;
        if group.as_ref().is_none_or(|g| seen.insert(g.clone())) {
            kept.push((score, address, group));
        }
    }
    kept.into_iter()
        .skip(request.offset)
        .take(request.limit)
        .map(|(score, address, group)| {
            let similar = match group {
                Some(group) => group_matches(searcher, fields, query, &group)?.saturating_sub(1),
                None => 0,
            };
            Ok((score, address, similar))
        })
        .collect()
}

/// The near-duplicate group of a document, from its fast field.
fn group_of(searcher: &Searcher, address: DocAddress) -> Result<Option<String>> {
    let segment = searcher.segment_reader(address.segment_ord);
    let Some(column) = segment.fast_fields().str("near_group")? else {
        return Ok(None);
    };
    let mut group = String::new();
    match column.term_ords(address.doc_id).next() {
        Some(ord) => {
            column
                .ord_to_str(ord, &mut group)
                .map_err(tantivy::TantivyError::from)?;
            Ok(Some(group))
        }
        None => Ok(None),
    }
}

/// Matches of `query` in the group.
fn group_matches(
    searcher: &Searcher,
    fields: &Fields,
    query: &dyn Query,
    group: &str,
) -> Result<u64> {
    let in_group = TermQuery::new(
        Term::from_field_text(fields.near_group, group),
        IndexRecordOption::Basic,
    );
    let both = BooleanQuery::new(vec![
        (Occur::Must, query.box_clone()),
        (Occur::Must, Box::new(in_group)),
    ]);
    Ok(searcher.search(&both, &Count)? as u64)
}

/// Near-duplicate groups of two or more articles, and the articles in them.
pub fn group_sizes(searcher: &Searcher) -> Result<(u64, u64)> {
    let mut sizes: FxHashMap<String, u64> = FxHashMap::default();
    for segment in searcher.segment_readers() {
        let Some(column) = segment.fast_fields().str("near_group")? else {
            continue;
        };
        let mut per_ord: FxHashMap<u64, u64> = FxHashMap::default();
        for doc in 0..segment.max_doc() {
            if segment.is_deleted(doc) {
                continue;
            }
            if let Some(ord) = column.term_ords(doc).next() {
                *per_ord.entry(ord).or_default() += 1;
            }
        }
        let mut name = String::new();
        for (ord, count) in per_ord {
            name.clear();
            column
                .ord_to_str(ord, &mut name)
                .map_err(tantivy::TantivyError::from)?;
            *sizes.entry(name.clone()).or_default() += count;
        }
    }
    let groups = sizes.values().filter(|n| **n > 1);
    Ok(groups.fold((0, 0), |(g, a), n| (g + 1, a + n)))
}
