//! Converting between an [`Article`] with its [`Entities`] and a tantivy document.

use std::fmt::Write as _;

use serde::Serialize;
use tantivy::schema::{Facet, Value};
use tantivy::{DateTime, TantivyDocument};
use time::{Date, OffsetDateTime};

use super::dedup::{Signature, signature_bytes};
use super::schema::{COPY_ROLE, FacetKind, Fields, TOPIC_LEAF_ROOT};
use crate::article::Article;
use crate::entities::{Entities, EntityKind, Mention};

/// An article as stored in the index, with its entities.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredArticle {
    /// The article's stored fields.
    #[serde(flatten)]
    pub article: Article,
    /// Its entities with counts.
    #[serde(skip)]
    pub entities: Entities,
    /// Paths of the other files holding an exact copy of the article (filled by lookups
    /// that ask for them).
    pub copies: Vec<String>,
}

/// Builds the tantivy document of an article whose [`Article::content_hash`] is `hash`.
pub fn to_document(
    fields: &Fields,
    article: &Article,
    hash: &str,
    entities: &Entities,
) -> TantivyDocument {
    let mut doc = TantivyDocument::new();
    doc.add_text(fields.id, &article.id);
    doc.add_text(fields.path, &article.path);
    doc.add_text(fields.title, &article.title);
    doc.add_text(fields.body, &article.body);
    doc.add_text(fields.content_hash, hash);
    let optional = [
        (fields.url, &article.url),
        (fields.source, &article.source),
        (fields.section, &article.section),
        (fields.subtitle, &article.subtitle),
    ];
    for (field, value) in optional {
        if let Some(value) = value {
            doc.add_text(field, value);
        }
    }
    for caption in &article.captions {
        doc.add_text(fields.captions, caption);
    }
    for author in &article.authors {
        doc.add_text(fields.authors, author);
    }
    if let Some(date) = article.published {
        doc.add_date(fields.published, to_datetime(date));
    }
    for facet in facets_of(article, entities) {
        doc.add_facet(fields.facets, facet);
    }
    for kind in EntityKind::ALL {
        for mention in entities.of(kind) {
            doc.add_text(fields.entity_field(kind), &mention.name);
        }
    }
    doc.add_text(fields.entities, stored_entities(entities));
    doc
}

/// Separates the fields of a stored mention.
const FIELD_SEPARATOR: char = '\t';
/// Separates the segments of a stored topic path.
const PATH_SEPARATOR: char = '\u{1f}';

/// The stored form of an article's entities: one line per mention, `KIND TAB COUNT TAB
/// PATH`, the path's segments joined by the unit separator (U+001F). A fifth of the bytes
/// of the JSON it replaces, and written without a serializer.
pub fn stored_entities(entities: &Entities) -> String {
    let mut out = String::new();
    for kind in EntityKind::ALL {
        for mention in entities.of(kind) {
            out.push_str(kind.name());
            out.push(FIELD_SEPARATOR);
            // Writing to a String cannot fail.
            let _ = write!(out, "{}", mention.count);
            out.push(FIELD_SEPARATOR);
            for (i, segment) in mention.path.iter().enumerate() {
                if i > 0 {
                    out.push(PATH_SEPARATOR);
                }
                // Names come from text and gazetteers: control characters would break lines.
                out.extend(
                    segment
                        .chars()
                        .map(|c| if c.is_control() { ' ' } else { c }),
                );
            }
            out.push('\n');
        }
    }
    out
}

/// Reads entities back from [`stored_entities`]; lines it cannot read are left out.
pub fn read_stored_entities(stored: &str) -> Entities {
    let mut entities = Entities::default();
    for line in stored.lines() {
        let mut fields = line.splitn(3, FIELD_SEPARATOR);
        let (Some(kind), Some(count), Some(path)) = (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let (Some(kind), Ok(count)) = (EntityKind::from_name(kind), count.parse()) else {
            continue;
        };
        if path.is_empty() {
            continue;
        }
        let path: Vec<String> = path.split(PATH_SEPARATOR).map(str::to_string).collect();
        let name = path.last().cloned().unwrap_or_default();
        entities.of_mut(kind).push(Mention { name, path, count });
    }
    entities
}

/// The file a record came from: its key (see [`super::ledger::file_key`]), size and
/// modification time, kept so that a re-run can tell whether the file changed.
#[derive(Debug, Clone, Copy)]
pub struct FileStamp<'a> {
    /// Key of the file.
    pub key: &'a str,
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since the epoch.
    pub mtime: u64,
}

/// Adds the file fields of `stamp` to a document.
pub fn add_file_fields(fields: &Fields, doc: &mut TantivyDocument, stamp: FileStamp) {
    doc.add_text(fields.file, stamp.key);
    doc.add_u64(fields.file_size, stamp.size);
    doc.add_u64(fields.file_mtime, stamp.mtime);
}

/// Adds the near-duplicate fields of an article: its MinHash signature (when the body is
/// long enough to have one) and its group.
pub fn add_near_fields(
    fields: &Fields,
    doc: &mut TantivyDocument,
    signature: Option<&Signature>,
    group: &str,
) {
    if let Some(signature) = signature {
        doc.add_bytes(fields.minhash, &signature_bytes(signature));
    }
    doc.add_text(fields.near_group, group);
}

/// The copy record of an article whose text is an exact copy of the article `copy_of`: no
/// text, only the file's path and stamp, so the story is indexed once with every path kept.
pub fn copy_document(
    fields: &Fields,
    article: &Article,
    copy_of: &str,
    hash: &str,
    stamp: FileStamp,
) -> TantivyDocument {
    let mut doc = TantivyDocument::new();
    doc.add_text(fields.id, &article.id);
    doc.add_text(fields.path, &article.path);
    doc.add_text(fields.content_hash, hash);
    doc.add_text(fields.copy_of, copy_of);
    doc.add_text(fields.role, COPY_ROLE);
    add_file_fields(fields, &mut doc, stamp);
    doc
}

/// Every facet of an article: entities, outlet, section, year and month.
pub fn facets_of(article: &Article, entities: &Entities) -> Vec<Facet> {
    let mut facets = Vec::new();
    for kind in EntityKind::ALL {
        for mention in entities.of(kind) {
            facets.push(facet(FacetKind::Entity(kind), &mention.path));
        }
    }
    for topic in &entities.topic {
        facets.push(Facet::from_path([TOPIC_LEAF_ROOT, topic.name.as_str()]));
    }
    if let Some(source) = &article.source {
        facets.push(facet(FacetKind::Source, std::slice::from_ref(source)));
    }
    if let Some(section) = &article.section {
        facets.push(facet(FacetKind::Section, std::slice::from_ref(section)));
    }
    if let Some(date) = article.published {
        facets.push(facet(FacetKind::Year, &[date.year().to_string()]));
        let month = format!("{}-{:02}", date.year(), date.month() as u8);
        facets.push(facet(FacetKind::Month, &[month]));
    }
    facets
}

/// The facet `/KIND/path...`.
pub fn facet(kind: FacetKind, path: &[String]) -> Facet {
    Facet::from_path(std::iter::once(kind.name()).chain(path.iter().map(String::as_str)))
}

/// A calendar date as a tantivy date at midnight UTC.
pub fn to_datetime(date: Date) -> DateTime {
    DateTime::from_timestamp_secs(date.midnight().assume_utc().unix_timestamp())
}

/// Reads an article back from its stored fields.
pub fn from_document(fields: &Fields, doc: &TantivyDocument) -> StoredArticle {
    let text = |field| {
        doc.get_first(field)
            .and_then(|v| v.as_str())
            .map(str::to_string)
    };
    let texts = |field| {
        doc.get_all(field)
            .filter_map(|v| v.as_str())
            .map(str::to_string)
            .collect()
    };
    let published = doc
        .get_first(fields.published)
        .and_then(|v| v.as_datetime())
        .and_then(|d| OffsetDateTime::from_unix_timestamp(d.into_timestamp_secs()).ok())
        .map(OffsetDateTime::date);
    let entities = text(fields.entities)
        .map(|stored| read_stored_entities(&stored))
        .unwrap_or_default();
    StoredArticle {
        article: Article {
            id: text(fields.id).unwrap_or_default(),
            path: text(fields.path).unwrap_or_default(),
            url: text(fields.url),
            source: text(fields.source),
            section: text(fields.section),
            title: text(fields.title).unwrap_or_default(),
            subtitle: text(fields.subtitle),
            authors: texts(fields.authors),
            published,
            body: text(fields.body).unwrap_or_default(),
            captions: texts(fields.captions),
        },
        entities,
        copies: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(path: &[&str], count: u32) -> Mention {
        Mention {
            name: path.last().unwrap_or(&"").to_string(),
            path: path.iter().map(|s| s.to_string()).collect(),
            count,
        }
    }

    #[test]
    fn stored_entities_read_back_as_written() {
        let entities = Entities {
            person: vec![
                mention(&["Nasser Bourita"], 3),
                mention(&["Yoav Gallant"], 1),
            ],
            country: vec![mention(&["Morocco"], 5)],
            org: vec![mention(&["AC/DC Holdings"], 1)],
            topic: vec![mention(&["Diplomacy", "Abraham Accords"], 2)],
        };
        let stored = stored_entities(&entities);
        assert_eq!(stored.lines().count(), 5);
        assert_eq!(read_stored_entities(&stored), entities);
    }

    #[test]
    fn stored_entities_survive_control_characters_and_bad_lines() {
        let entities = Entities {
            person: vec![mention(&["Tab\tIn\nName"], 2)],
            ..Entities::default()
        };
        let read = read_stored_entities(&stored_entities(&entities));
        assert_eq!(read.person, [mention(&["Tab In Name"], 2)]);
        let garbled =
            "person\tx\tNobody\nplanet\t1\tMars\ncountry\t2\tChad\nshort line\norg\t1\t\n";
        let read = read_stored_entities(garbled);
        assert_eq!(
            read,
            Entities {
                country: vec![mention(&["Chad"], 2)],
                ..Entities::default()
            }
        );
    }
}
