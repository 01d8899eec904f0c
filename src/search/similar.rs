//! Related coverage: articles like a given one, by more-like-this over its text and the names
//! of its people, countries, organizations and topics.

use std::time::Instant;

use tantivy::Term;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, MoreLikeThisQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, OwnedValue};

use super::{SearchIndex, SearchResults};
use crate::entities::EntityKind;
use crate::error::Result;
use crate::index::document::StoredArticle;

impl SearchIndex {
    /// The `limit` articles most like the one with this id or path, best first, without
    /// itself; also returns that article.
    pub fn similar(
        &self,
        id_or_path: &str,
        limit: usize,
    ) -> Result<(StoredArticle, SearchResults)> {
        let started = Instant::now();
        let source = self.get(id_or_path)?;
        let f = &self.open.fields;
        let a = &source.article;
        let text = |value: &str| vec![OwnedValue::Str(value.to_string())];
        let mut fields = vec![(f.title, text(&a.title)), (f.body, text(&a.body))];
        if let Some(subtitle) = &a.subtitle {
            fields.push((f.subtitle, text(subtitle)));
        }
        for kind in EntityKind::ALL {
            let names: Vec<OwnedValue> = source
                .entities
                .names(kind)
                .into_iter()
                .map(OwnedValue::Str)
                .collect();
            if !names.is_empty() {
                fields.push((f.entity_field(kind), names));
            }
        }
        let searcher = self.reader.searcher();
        let common = (searcher.num_docs() / 2).max(2);
        let like: Box<dyn Query> = Box::new(
            MoreLikeThisQuery::builder()
                .with_min_doc_frequency(1)
                .with_max_doc_frequency(common)
                .with_min_term_frequency(1)
                .with_max_query_terms(40)
                .with_min_word_length(3)
                .with_document_fields(fields),
        );
        let itself: Box<dyn Query> = Box::new(TermQuery::new(
            Term::from_field_text(f.id, &a.id),
            IndexRecordOption::Basic,
        ));
        let query = BooleanQuery::new(vec![
            (Occur::Should, like.box_clone()),
            (Occur::MustNot, itself),
        ]);
        let collector = (TopDocs::with_limit(limit.max(1)).order_by_score(), Count);
        let (top, total) = searcher.search(&query, &collector)?;
        let hits = if limit == 0 {
            Vec::new()
        } else {
            self.load_hits(
                &searcher,
                &*like,
                top.into_iter().map(|(s, a)| (s, a, 0)).collect(),
                Vec::new(),
                1,
            )?
        };
        let results = SearchResults {
            total,
            took: started.elapsed(),
            hits,
            facets: Vec::new(),
        };
        Ok((source, results))
    }
}
