//! Searching an index: query parsing (tantivy's QueryParser plus our filters), ranking,
//! paging, facet counts, snippets, and looking articles up by id or path.

mod collapse;
mod expand;
pub mod facets;
mod similar;
pub mod snippet;

use std::ops::Bound;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde::Serialize;
use tantivy::collector::{Count, MultiCollector, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, Occur, Query, QueryParser, RangeQuery, TermQuery,
};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{
    DateTime, DocAddress, IndexReader, Order, ReloadPolicy, Score, TantivyDocument, Term,
};
use time::Date;

use crate::entities::Resolver;
use crate::error::{Error, Result};
use crate::index::document::{StoredArticle, facet, from_document, to_datetime};
use crate::index::schema::FacetKind;
use crate::index::{self, OpenIndex};
pub use facets::{FacetCount, FacetPlan};
pub use snippet::Snippet;

/// How hits are ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortOrder {
    /// Best BM25 score first.
    #[default]
    Relevance,
    /// Latest publication date first.
    Newest,
    /// Earliest publication date first.
    Oldest,
}

/// How relevance is computed: BM25 over the default fields with these boosts, and a bonus
/// for the query's plain words appearing within `proximity_slop` words of each other.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ranking {
    /// Boost of the headline.
    pub title: f32,
    /// Boost of the standfirst.
    pub subtitle: f32,
    /// Boost of the body.
    pub body: f32,
    /// Boost of the captions.
    pub captions: f32,
    /// Weight of the proximity bonus (0: none).
    pub proximity: f32,
    /// How far apart (in words) the query's words may be for the bonus.
    pub proximity_slop: u32,
}

impl Default for Ranking {
    /// Tuned on the judged queries of the sample corpus (`examples/eval_ranking.rs`):
    /// nDCG@10 0.944 -> 0.947 over the first guess (title 2.5, subtitle 1.5, no bonus).
    fn default() -> Self {
        Ranking {
            title: 1.0,
            subtitle: 1.0,
            body: 1.0,
            captions: 0.8,
            proximity: 1.0,
            proximity_slop: 4,
        }
    }
}

impl Ranking {
    /// Boosts of title, subtitle, body and captions, in that order.
    pub fn field_boosts(&self) -> [f32; 4] {
        [self.title, self.subtitle, self.body, self.captions]
    }
}

/// A search as the user asked for it.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    /// Query text in tantivy's query language; empty or `*` matches every article.
    pub query: String,
    /// Facet filters, all required: (kind, value as the user wrote it).
    pub filters: Vec<(FacetKind, String)>,
    /// Earliest publication date, inclusive.
    pub since: Option<Date>,
    /// Latest publication date, inclusive.
    pub until: Option<Date>,
    /// Facet kinds to count over all matches.
    pub facets: Vec<FacetKind>,
    /// Values per counted facet.
    pub facet_limit: usize,
    /// Hits to return.
    pub limit: usize,
    /// Hits to skip.
    pub offset: usize,
    /// Ordering of hits.
    pub sort: SortOrder,
    /// Passages per hit (0 or 1: the best one only).
    pub fragments: usize,
    /// Show one article per near-duplicate group, with the number of the others.
    pub collapse: bool,
}

/// One hit.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// The stored article and its entities.
    pub stored: StoredArticle,
    /// BM25 score (0 when sorted by date).
    pub score: Score,
    /// Best passage with highlights.
    pub snippet: Snippet,
    /// With `fragments` above 1 in the request: that many passages, in reading order.
    pub fragments: Vec<Snippet>,
    /// With `collapse` in the request: the other articles of the hit's near-duplicate
    /// group among the matches.
    pub similar: u64,
}

/// The answer to a [`SearchRequest`].
#[derive(Debug, Clone)]
pub struct SearchResults {
    /// Number of matching articles.
    pub total: usize,
    /// Time spent searching, including snippets and facets.
    pub took: Duration,
    /// The requested page of hits.
    pub hits: Vec<Hit>,
    /// Facet counts, in the order requested.
    pub facets: Vec<(FacetKind, Vec<FacetCount>)>,
}

/// Which facet values `facets` lists.
#[derive(Debug, Clone, Default)]
pub struct FacetChoice {
    /// Leading path segments or text the value must start with ("/Diplomacy", "2023").
    pub prefix: Option<String>,
    /// Text the value must contain, case-insensitively.
    pub contains: Option<String>,
}

impl FacetChoice {
    fn accepts(&self, value: &FacetCount) -> bool {
        let prefix_ok = self.prefix.as_deref().is_none_or(|prefix| {
            let wanted: Vec<&str> = prefix
                .split('/')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect();
            let segments_match = value.path.len() >= wanted.len()
                && wanted
                    .iter()
                    .zip(&value.path)
                    .all(|(w, p)| p.eq_ignore_ascii_case(w));
            segments_match
                || value
                    .value
                    .to_lowercase()
                    .starts_with(&prefix.trim_start_matches('/').to_lowercase())
        });
        let contains_ok = self
            .contains
            .as_deref()
            .is_none_or(|text| value.value.to_lowercase().contains(&text.to_lowercase()));
        prefix_ok && contains_ok
    }
}

/// Index statistics.
#[derive(Debug, Clone, Serialize)]
pub struct Stats {
    /// Articles in the index.
    pub docs: u64,
    /// Files folded as exact copies of an article.
    pub copies: u64,
    /// Near-duplicate groups of two or more articles.
    pub near_groups: u64,
    /// Articles in those groups.
    pub near_grouped: u64,
    /// Bytes on disk.
    pub index_bytes: u64,
    /// Segments.
    pub segments: usize,
    /// Field names.
    pub fields: Vec<String>,
    /// Top values of each facet kind.
    #[serde(skip)]
    pub facets: Vec<(FacetKind, Vec<FacetCount>)>,
}

/// An index opened for searching.
pub struct SearchIndex {
    open: OpenIndex,
    reader: IndexReader,
    schema_dir: Option<PathBuf>,
    ranking: Ranking,
    /// Built on first use: only filters and topic facets need the gazetteers, and compiling
    /// them would slow every other search process down.
    resolver: OnceLock<Resolver>,
}

impl SearchIndex {
    /// Opens the index at `dir`; `schema_dir` adds user gazetteers for resolving filters.
    pub fn open(dir: &Path, schema_dir: Option<&Path>) -> Result<Self> {
        let open = index::open(dir)?;
        let reader = open
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(SearchIndex {
            open,
            reader,
            schema_dir: schema_dir.map(Path::to_path_buf),
            ranking: Ranking::default(),
            resolver: OnceLock::new(),
        })
    }

    /// Runs a search.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        let started = Instant::now();
        let searcher = self.reader.searcher();
        let (text_query, special) = self.parse_query(&request.query)?;
        let query = self.with_filters(text_query.box_clone(), request)?;
        let plan = FacetPlan::new(&request.facets, || self.resolver(), request.facet_limit)?;
        let mut multi = MultiCollector::new();
        let count_handle = multi.add_collector(Count);
        let facet_handles: Vec<_> = plan
            .collectors("facets")
            .into_iter()
            .filter(|_| !plan.is_empty())
            .map(|c| multi.add_collector(c))
            .collect();
        let page = match request.collapse {
            false => TopDocs::with_limit(request.limit.max(1)).and_offset(request.offset),
            true => TopDocs::with_limit(collapse::candidates(request.offset + request.limit)),
        };
        let (hits, mut fruits) = match request.sort {
            SortOrder::Relevance => searcher.search(&query, &(page.order_by_score(), multi))?,
            SortOrder::Newest | SortOrder::Oldest => {
                let order = if request.sort == SortOrder::Newest {
                    Order::Desc
                } else {
                    Order::Asc
                };
                let by_date = page.order_by_fast_field::<DateTime>("published", order);
                let (docs, fruits) = searcher.search(&query, &(by_date, multi))?;
                (
                    docs.into_iter().map(|(_, addr)| (0.0, addr)).collect(),
                    fruits,
                )
            }
        };
        let total = count_handle.extract(&mut fruits);
        let counts: Vec<_> = facet_handles
            .into_iter()
            .map(|h| h.extract(&mut fruits))
            .collect();
        let hits: Vec<(Score, DocAddress, u64)> = match request.collapse {
            false => hits.into_iter().map(|(s, a)| (s, a, 0)).collect(),
            true => collapse::collapse(&searcher, &self.open.fields, &*query, hits, request)?,
        };
        let hits = if request.limit == 0 {
            Vec::new()
        } else {
            let expanded = expand::highlight_words(&self.open, self.open.fields.body, &special)?;
            self.load_hits(&searcher, &*text_query, hits, expanded, request.fragments)?
        };
        Ok(SearchResults {
            total,
            took: started.elapsed(),
            hits,
            facets: plan.read(&counts),
        })
    }

    fn load_hits(
        &self,
        searcher: &tantivy::Searcher,
        query: &dyn Query,
        hits: Vec<(Score, DocAddress, u64)>,
        expanded: Vec<snippet::ExpandedWord>,
        fragments: usize,
    ) -> Result<Vec<Hit>> {
        let f = &self.open.fields;
        let fields = [f.body, f.captions, f.subtitle, f.title];
        let maker = snippet::SnippetMaker::new(searcher, query, &fields, expanded)?;
        hits.into_iter()
            .map(|(score, address, similar)| {
                let doc: TantivyDocument = searcher.doc(address)?;
                Ok(Hit {
                    snippet: maker.snippet(&doc),
                    fragments: if fragments > 1 {
                        maker.snippets(&doc, fragments)
                    } else {
                        Vec::new()
                    },
                    stored: from_document(f, &doc),
                    score,
                    similar,
                })
            })
            .collect()
    }

    /// The query, and its prefix and fuzzy words (for highlighting).
    fn parse_query(&self, text: &str) -> Result<(Box<dyn Query>, Vec<expand::SpecialWord>)> {
        let (rest, special) = expand::split_special_words(text);
        let base = self.parse_plain_query(&rest)?;
        if special.is_empty() {
            return Ok((base, special));
        }
        let defaults = self.open.fields.default_search_fields();
        let mut clauses = vec![(Occur::Must, base)];
        for word in &special {
            clauses.push(expand::special_clause(&self.open, &defaults, word)?);
        }
        Ok((Box::new(BooleanQuery::new(clauses)), special))
    }

    fn parse_plain_query(&self, text: &str) -> Result<Box<dyn Query>> {
        let text = text.trim();
        if text.is_empty() || text == "*" {
            return Ok(Box::new(AllQuery));
        }
        let defaults = self.open.fields.default_search_fields();
        let mut parser = QueryParser::for_index(&self.open.index, defaults.to_vec());
        parser.set_conjunction_by_default();
        for (field, boost) in defaults.into_iter().zip(self.ranking.field_boosts()) {
            parser.set_field_boost(field, boost);
        }
        let query = match parser.parse_query(text) {
            // "NOT oil" alone means every article without oil.
            Err(tantivy::query::QueryParserError::AllButQueryForbidden) => parser
                .parse_query(&format!("* {text}"))
                .map_err(|e| Error::BadQuery(query_error_message(&e))),
            other => other.map_err(|e| Error::BadQuery(query_error_message(&e))),
        }?;
        // Plain words close together rank above the same words far apart.
        let words: Vec<&str> = text.split_whitespace().collect();
        let plain = words.iter().all(|w| w.chars().all(char::is_alphanumeric));
        if self.ranking.proximity <= 0.0 || words.len() < 2 || !plain {
            return Ok(query);
        }
        let near = parser
            .parse_query(&format!("\"{text}\"~{}", self.ranking.proximity_slop))
            .map_err(|e| Error::BadQuery(query_error_message(&e)))?;
        let bonus: Box<dyn Query> = Box::new(BoostQuery::new(near, self.ranking.proximity));
        Ok(Box::new(BooleanQuery::new(vec![
            (Occur::Must, query),
            (Occur::Should, bonus),
        ])))
    }

    fn with_filters(
        &self,
        query: Box<dyn Query>,
        request: &SearchRequest,
    ) -> Result<Box<dyn Query>> {
        let copies = Term::from_field_text(self.open.fields.role, index::schema::COPY_ROLE);
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![
            (Occur::Must, query),
            (
                Occur::MustNot,
                Box::new(TermQuery::new(copies, IndexRecordOption::Basic)),
            ),
        ];
        for (kind, value) in &request.filters {
            let path = match kind {
                FacetKind::Entity(entity) => self.resolver()?.filter_path(*entity, value),
                _ => vec![value.trim().to_string()],
            };
            let term = Term::from_facet(self.open.fields.facets, &facet(*kind, &path));
            clauses.push((
                Occur::Must,
                Box::new(TermQuery::new(term, IndexRecordOption::Basic)),
            ));
        }
        if request.since.is_some() || request.until.is_some() {
            let field = self.open.fields.published;
            let bound = |date: Option<Date>, f: fn(Term) -> Bound<Term>| {
                date.map_or(Bound::Unbounded, |d| {
                    f(Term::from_field_date_for_search(field, to_datetime(d)))
                })
            };
            let until = request.until.and_then(|d| d.next_day());
            let range = RangeQuery::new(
                bound(request.since, Bound::Included),
                bound(until, Bound::Excluded),
            );
            clauses.push((Occur::Must, Box::new(range)));
        }
        Ok(Box::new(BooleanQuery::new(clauses)))
    }

    /// Looks an article up by id, or by the path of its file.
    pub fn get(&self, id_or_path: &str) -> Result<StoredArticle> {
        let f = &self.open.fields;
        let mut terms = vec![Term::from_field_text(f.id, id_or_path)];
        terms.push(Term::from_field_text(f.path, id_or_path));
        if Path::new(id_or_path).exists() {
            let id = crate::article::Article::id_for_file(Path::new(id_or_path));
            terms.push(Term::from_field_text(f.id, &id));
        }
        let searcher = self.reader.searcher();
        for term in terms {
            let query = TermQuery::new(term, IndexRecordOption::Basic);
            let top = searcher.search(&query, &TopDocs::with_limit(1).order_by_score())?;
            if let Some((_, address)) = top.first() {
                let doc: TantivyDocument = searcher.doc(*address)?;
                let copy_of = doc.get_first(f.copy_of).and_then(|v| v.as_str());
                if let Some(original) = copy_of.filter(|id| *id != id_or_path) {
                    return self.get(original);
                }
                let mut stored = from_document(f, &doc);
                stored.copies = self.copy_paths(&searcher, &stored.article.id)?;
                return Ok(stored);
            }
        }
        Err(Error::NotFound(id_or_path.to_string()))
    }

    /// Paths of the files holding exact copies of the article `id`.
    fn copy_paths(&self, searcher: &tantivy::Searcher, id: &str) -> Result<Vec<String>> {
        let f = &self.open.fields;
        let query = TermQuery::new(
            Term::from_field_text(f.copy_of, id),
            IndexRecordOption::Basic,
        );
        let top = searcher.search(&query, &TopDocs::with_limit(10_000).order_by_score())?;
        let mut paths = Vec::with_capacity(top.len());
        for (_, address) in top {
            let doc: TantivyDocument = searcher.doc(address)?;
            if let Some(path) = doc.get_first(f.path).and_then(|v| v.as_str()) {
                paths.push(path.to_string());
            }
        }
        paths.sort();
        Ok(paths)
    }

    /// Counts of one facet kind over the matches of `query` (every article when empty).
    ///
    /// `choose` narrows the values: a path prefix (`/Diplomacy` for topics, `2023` for
    /// months) and a case-insensitive text to find inside values (`bour` finds Nasser
    /// Bourita); `limit` applies after narrowing.
    pub fn facet_values(
        &self,
        kind: FacetKind,
        query: &str,
        choose: &FacetChoice,
        limit: usize,
    ) -> Result<(usize, Vec<FacetCount>)> {
        let request = SearchRequest {
            query: query.to_string(),
            facets: vec![kind],
            facet_limit: usize::MAX,
            ..SearchRequest::default()
        };
        let mut results = self.search(&request)?;
        let mut values = results.facets.pop().map(|(_, v)| v).unwrap_or_default();
        values.retain(|v| choose.accepts(v));
        values.truncate(limit);
        Ok((results.total, values))
    }

    /// Documents, size, segments, fields and the top values of every facet kind.
    pub fn stats(&self, top: usize) -> Result<Stats> {
        let searcher = self.reader.searcher();
        let request = SearchRequest {
            facets: FacetKind::ALL
                .into_iter()
                .filter(|k| *k != FacetKind::Month)
                .collect(),
            facet_limit: top,
            ..SearchRequest::default()
        };
        let facets = self.search(&request)?.facets;
        let schema = self.open.index.schema();
        let copies = index::copy_count(&searcher, &self.open.fields)?;
        let (near_groups, near_grouped) = collapse::group_sizes(&searcher)?;
        Ok(Stats {
            docs: searcher.num_docs() - copies,
            copies,
            near_groups,
            near_grouped,
            index_bytes: dir_size(&self.open.dir),
            segments: searcher.segment_readers().len(),
            fields: schema
                .fields()
                .map(|(_, entry)| entry.name().to_string())
                .collect(),
            facets,
        })
    }

    /// Every article, in index order, for export.
    pub fn all_articles(&self) -> impl Iterator<Item = Result<StoredArticle>> + '_ {
        let searcher = self.reader.searcher();
        let segments: Vec<(u32, u32)> = searcher
            .segment_readers()
            .iter()
            .enumerate()
            .map(|(i, r)| (i as u32, r.max_doc()))
            .collect();
        let alive: Vec<_> = searcher
            .segment_readers()
            .iter()
            .map(|r| r.alive_bitset().cloned())
            .collect();
        segments.into_iter().flat_map(move |(segment, max_doc)| {
            let searcher = searcher.clone();
            let alive = alive[segment as usize].clone();
            (0..max_doc)
                .filter(move |doc| alive.as_ref().is_none_or(|bits| bits.is_alive(*doc)))
                .filter_map(move |doc| {
                    self.stored_article(&searcher, DocAddress::new(segment, doc))
                })
        })
    }

    /// The article at `address` with the paths of its copies; `None` for a copy record.
    fn stored_article(
        &self,
        searcher: &tantivy::Searcher,
        address: DocAddress,
    ) -> Option<Result<StoredArticle>> {
        let fields = &self.open.fields;
        let load = || -> Result<Option<StoredArticle>> {
            let doc: TantivyDocument = searcher.doc(address)?;
            if doc.get_first(fields.copy_of).is_some() {
                return Ok(None);
            }
            let mut stored = from_document(fields, &doc);
            stored.copies = self.copy_paths(searcher, &stored.article.id)?;
            Ok(Some(stored))
        };
        load().transpose()
    }

    /// Changes how relevance is computed (for evaluation and tuning).
    pub fn set_ranking(&mut self, ranking: Ranking) {
        self.ranking = ranking;
    }

    /// What resolves filter values and plans topic facets, built on first use.
    pub fn resolver(&self) -> Result<&Resolver> {
        if let Some(resolver) = self.resolver.get() {
            return Ok(resolver);
        }
        let built = Resolver::with_overrides(self.schema_dir.as_deref())?;
        Ok(self.resolver.get_or_init(|| built))
    }
}

fn query_error_message(err: &tantivy::query::QueryParserError) -> String {
    use tantivy::query::QueryParserError as E;
    match err {
        E::SyntaxError(detail) => format!(
            "syntax error ({detail}); check quotes, parentheses and operators, e.g. \"western sahara\" AND morocco"
        ),
        E::FieldDoesNotExist(field) => format!(
            "unknown field `{field}`; use title, subtitle, body, captions, person, country, org, topic, source, section or authors"
        ),
        other => format!("{other}"),
    }
}

fn dir_size(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}
