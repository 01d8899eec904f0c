//! The tantivy index: its schema ([`schema`]), the mapping of articles to documents
//! ([`document`]), and building it from an archive ([`build`]). This module owns where an
//! index lives on disk and how it is opened.

pub mod build;
pub mod dedup;
pub mod document;
pub mod ledger;
mod pipeline;
pub mod schema;
pub mod stem;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tantivy::Index;
use tantivy::directory::MmapDirectory;

use crate::error::{Error, Result};
use schema::{Fields, SCHEMA_VERSION, build_schema, register_tokenizers};

/// File written beside tantivy's own files to mark a newsindex index.
pub const MARKER_FILE: &str = "newsindex.json";
/// The index directory used when none is given.
pub const DEFAULT_INDEX_DIR: &str = ".newsindex";

#[derive(Debug, Serialize, Deserialize)]
struct Marker {
    schema_version: u32,
}

/// An opened index with its field handles.
#[derive(Clone)]
pub struct OpenIndex {
    /// The tantivy index.
    pub index: Index,
    /// Field handles.
    pub fields: Fields,
    /// Directory of the index.
    pub dir: PathBuf,
}

/// Articles in the last commit of an index: every document but the copy records.
pub fn article_count(open: &OpenIndex) -> Result<u64> {
    let reader = open.index.reader()?;
    let searcher = reader.searcher();
    copy_count(&searcher, &open.fields).map(|copies| searcher.num_docs() - copies)
}

/// Copy records (exact copies folded into another article) in what `searcher` sees.
pub fn copy_count(searcher: &tantivy::Searcher, fields: &schema::Fields) -> Result<u64> {
    let term = tantivy::Term::from_field_text(fields.role, schema::COPY_ROLE);
    Ok(searcher.doc_freq(&term)?)
}

/// Opens an existing index for reading.
pub fn open(dir: &Path) -> Result<OpenIndex> {
    if !dir.join("meta.json").is_file() {
        return Err(Error::NoIndex {
            path: dir.to_path_buf(),
        });
    }
    check_marker(dir)?;
    ready(Index::open_in_dir(dir)?, dir)
}

/// Registers the analyzers of an opened or new index and looks its fields up.
fn ready(index: Index, dir: &Path) -> Result<OpenIndex> {
    register_tokenizers(&index);
    let fields = Fields::from_schema(&index.schema())?;
    Ok(OpenIndex {
        index,
        fields,
        dir: dir.to_path_buf(),
    })
}

/// Opens the index at `dir` for writing, creating it when absent. A folder that holds
/// something other than an index is refused. With `rebuild`, an index written by another
/// version of newsindex (another schema) is removed and made anew.
pub fn open_or_create(dir: &Path, rebuild: bool) -> Result<OpenIndex> {
    if dir.join("meta.json").is_file() {
        match open(dir) {
            Err(Error::SchemaMismatch { .. }) if rebuild && dir.join(MARKER_FILE).is_file() => {
                std::fs::remove_dir_all(dir).map_err(|e| Error::io(dir, e))?;
            }
            opened => return opened,
        }
    }
    if dir.exists() {
        ensure_replaceable(dir)?;
    }
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let directory = MmapDirectory::open(dir).map_err(|e| Error::Engine(e.into()))?;
    let index = Index::create(directory, build_schema(), tantivy::IndexSettings::default())?;
    write_marker(dir)?;
    ready(index, dir)
}

fn ensure_replaceable(dir: &Path) -> Result<()> {
    let ours = dir.join(MARKER_FILE).is_file();
    let empty = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .next()
        .is_none();
    if ours || empty {
        Ok(())
    } else {
        Err(Error::BadArgument(format!(
            "{} exists and is not a newsindex index; choose another folder with --index",
            dir.display()
        )))
    }
}

fn check_marker(dir: &Path) -> Result<()> {
    let path = dir.join(MARKER_FILE);
    let found = std::fs::read_to_string(&path)
        .ok()
        .and_then(|text| serde_json::from_str::<Marker>(&text).ok());
    match found {
        Some(marker) if marker.schema_version == SCHEMA_VERSION => Ok(()),
        Some(marker) => Err(Error::SchemaMismatch {
            path: dir.to_path_buf(),
            found: format!(
                "version {}, expected {SCHEMA_VERSION}",
                marker.schema_version
            ),
        }),
        None => Err(Error::SchemaMismatch {
            path: dir.to_path_buf(),
            found: format!("no readable {MARKER_FILE}"),
        }),
    }
}

fn write_marker(dir: &Path) -> Result<()> {
    let path = dir.join(MARKER_FILE);
    let text = serde_json::to_string(&Marker {
        schema_version: SCHEMA_VERSION,
    })
    .unwrap_or_default();
    std::fs::write(&path, text).map_err(|e| Error::io(&path, e))
}
