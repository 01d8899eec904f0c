//! The one definition of the index: its fields, analyzers and facet kinds. Every other module
//! names fields through [`Fields`] and facets through [`FacetKind`].

use tantivy::Index;
use tantivy::schema::{DateOptions, DateTimePrecision};
use tantivy::schema::{
    FAST, FacetOptions, Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing,
    TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer,
};

use super::stem::MemoStemmer;

use crate::entities::EntityKind;

/// Bumped whenever the fields or analyzers change; an index with another version must be
/// rebuilt.
pub const SCHEMA_VERSION: u32 = 5;

/// Root of the flat topic facets (`/topic-leaf/Abraham Accords`), kept beside the
/// hierarchical `/topic/Diplomacy/Abraham Accords` so that topic counts take one facet pass
/// together with the other kinds.
pub const TOPIC_LEAF_ROOT: &str = "topic-leaf";

/// Analyzer for article text: lower-case, ASCII folding, English stemming.
pub const NEWS_TOKENIZER: &str = "news";
/// Analyzer for names (entities, authors, outlets): lower-case and ASCII folding, no stemming.
pub const NAME_TOKENIZER: &str = "names";

/// Handles of every field of the index.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// Stable article id (string, stored, fast).
    pub id: Field,
    /// File path (string, stored).
    pub path: Field,
    /// URL (string, stored).
    pub url: Field,
    /// Outlet (names text, stored).
    pub source: Field,
    /// Section (names text, stored).
    pub section: Field,
    /// Headline (news text, stored).
    pub title: Field,
    /// Standfirst (news text, stored).
    pub subtitle: Field,
    /// Body (news text, stored).
    pub body: Field,
    /// Captions, one value each (news text, stored).
    pub captions: Field,
    /// Authors, one value each (names text, stored).
    pub authors: Field,
    /// Publication date (indexed, fast, stored).
    pub published: Field,
    /// Person names, for `person:gallant` queries.
    pub person: Field,
    /// Country names, for `country:morocco` queries.
    pub country: Field,
    /// Organization names, for `org:knesset` queries.
    pub org: Field,
    /// Topic names, for `topic:accords` queries.
    pub topic: Field,
    /// Every facet of the article: `/person/…`, `/country/…`, `/source/…`, `/year/…`, ….
    pub facets: Field,
    /// Extracted entities with counts, stored one mention per line (see
    /// [`super::document::stored_entities`]).
    pub entities: Field,
    /// Hash of the cleaned title and body (string, stored, fast).
    pub content_hash: Field,
    /// Key of the file the article was read from: its folder resolved, so that every run
    /// names it alike; JSON Lines records share their file's key (string, fast).
    pub file: Field,
    /// Size of that file in bytes when it was read (fast).
    pub file_size: Field,
    /// Modification time of that file in nanoseconds since the epoch (fast).
    pub file_mtime: Field,
    /// MinHash signature of the body's word shingles, for near-duplicates (bytes, fast).
    pub minhash: Field,
    /// Id of the first article of this article's near-duplicate group (string, fast,
    /// stored); an article unlike any other is its own group.
    pub near_group: Field,
    /// On a copy record only: the id of the article whose exact copy the file holds
    /// (string, stored). A copy record has no text; it keeps the file's path on record.
    pub copy_of: Field,
    /// `copy` on copy records (string), so that searches leave them out.
    pub role: Field,
}

/// The value of [`Fields::role`] on copy records.
pub const COPY_ROLE: &str = "copy";

impl Fields {
    /// Looks the fields up in a schema built by [`build_schema`].
    pub fn from_schema(schema: &Schema) -> tantivy::Result<Fields> {
        let f = |name: &str| schema.get_field(name);
        Ok(Fields {
            id: f("id")?,
            path: f("path")?,
            url: f("url")?,
            source: f("source")?,
            section: f("section")?,
            title: f("title")?,
            subtitle: f("subtitle")?,
            body: f("body")?,
            captions: f("captions")?,
            authors: f("authors")?,
            published: f("published")?,
            person: f("person")?,
            country: f("country")?,
            org: f("org")?,
            topic: f("topic")?,
            facets: f("facets")?,
            entities: f("entities")?,
            content_hash: f("content_hash")?,
            file: f("file")?,
            file_size: f("file_size")?,
            file_mtime: f("file_mtime")?,
            minhash: f("minhash")?,
            near_group: f("near_group")?,
            copy_of: f("copy_of")?,
            role: f("role")?,
        })
    }

    /// The text field of an entity kind.
    pub fn entity_field(&self, kind: EntityKind) -> Field {
        match kind {
            EntityKind::Person => self.person,
            EntityKind::Country => self.country,
            EntityKind::Org => self.org,
            EntityKind::Topic => self.topic,
        }
    }

    /// Fields searched when a query names none: title, subtitle, body, captions.
    pub fn default_search_fields(&self) -> [Field; 4] {
        [self.title, self.subtitle, self.body, self.captions]
    }
}

/// Builds the schema.
pub fn build_schema() -> Schema {
    let mut builder = Schema::builder();
    let text = |tokenizer: &str, stored: bool| {
        let indexing = TextFieldIndexing::default()
            .set_tokenizer(tokenizer)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions);
        let options = TextOptions::default().set_indexing_options(indexing);
        if stored {
            options.set_stored()
        } else {
            options
        }
    };
    builder.add_text_field("id", STRING | STORED | FAST);
    builder.add_text_field("path", STRING | STORED);
    builder.add_text_field("url", STRING | STORED);
    builder.add_text_field("source", text(NAME_TOKENIZER, true));
    builder.add_text_field("section", text(NAME_TOKENIZER, true));
    for name in ["title", "subtitle", "body", "captions"] {
        builder.add_text_field(name, text(NEWS_TOKENIZER, true));
    }
    builder.add_text_field("authors", text(NAME_TOKENIZER, true));
    let date = DateOptions::default()
        .set_indexed()
        .set_fast()
        .set_stored()
        .set_precision(DateTimePrecision::Seconds);
    builder.add_date_field("published", date);
    for kind in EntityKind::ALL {
        builder.add_text_field(kind.name(), text(NAME_TOKENIZER, false));
    }
    builder.add_facet_field("facets", FacetOptions::default());
    builder.add_text_field("entities", STORED);
    builder.add_text_field("content_hash", STRING | STORED | FAST);
    builder.add_text_field("file", STRING | FAST);
    builder.add_u64_field("file_size", FAST);
    builder.add_u64_field("file_mtime", FAST);
    builder.add_bytes_field("minhash", FAST);
    builder.add_text_field("near_group", STRING | STORED | FAST);
    builder.add_text_field("copy_of", STRING | STORED | FAST);
    builder.add_text_field("role", STRING);
    builder.build()
}

/// Registers the analyzers; needed every time an index is created or opened.
pub fn register_tokenizers(index: &Index) {
    let news = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(MemoStemmer)
        .build();
    let names = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build();
    index.tokenizers().register(NEWS_TOKENIZER, news);
    index.tokenizers().register(NAME_TOKENIZER, names);
}

/// The kinds of facet an index counts and filters on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FacetKind {
    /// An extracted entity kind.
    Entity(EntityKind),
    /// The outlet.
    Source,
    /// The outlet's section.
    Section,
    /// Publication year.
    Year,
    /// Publication month (`2023-06`).
    Month,
}

impl FacetKind {
    /// Every kind, in display order.
    pub const ALL: [FacetKind; 8] = [
        FacetKind::Entity(EntityKind::Person),
        FacetKind::Entity(EntityKind::Country),
        FacetKind::Entity(EntityKind::Org),
        FacetKind::Entity(EntityKind::Topic),
        FacetKind::Source,
        FacetKind::Section,
        FacetKind::Year,
        FacetKind::Month,
    ];

    /// The name used on the command line, in facet paths and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            FacetKind::Entity(kind) => kind.name(),
            FacetKind::Source => "source",
            FacetKind::Section => "section",
            FacetKind::Year => "year",
            FacetKind::Month => "month",
        }
    }

    /// Parses a kind name ("person", "country", ...).
    pub fn from_name(name: &str) -> Option<FacetKind> {
        Self::ALL
            .into_iter()
            .find(|k| k.name() == name.trim().to_ascii_lowercase())
    }

    /// The names of all kinds, comma-separated, for error messages.
    pub fn names() -> String {
        Self::ALL.map(FacetKind::name).join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_resolve_in_built_schema() {
        let fields = Fields::from_schema(&build_schema()).unwrap();
        assert_ne!(fields.title, fields.body);
    }

    #[test]
    fn facet_kind_names_round_trip() {
        for kind in FacetKind::ALL {
            assert_eq!(FacetKind::from_name(kind.name()), Some(kind));
        }
        assert_eq!(
            FacetKind::from_name("Person"),
            Some(FacetKind::Entity(EntityKind::Person))
        );
        assert_eq!(FacetKind::from_name("colour"), None);
    }
}
