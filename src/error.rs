//! Typed errors of the library. Per-file problems during indexing are not errors of the run:
//! they are [`crate::read::Skip`] records, reported and counted while the run goes on.

use std::path::PathBuf;

/// Every failure a library call can return.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// No index exists at the given directory.
    #[error("no index at {}; run `newsindex index ARCHIVE` first", path.display())]
    NoIndex {
        /// Directory that was expected to hold an index.
        path: PathBuf,
    },
    /// Another process holds the index writer lock.
    #[error("index at {} is being written by another newsindex process; wait for it to finish", path.display())]
    IndexLocked {
        /// Directory of the locked index.
        path: PathBuf,
    },
    /// The directory holds an index written by an incompatible version of newsindex.
    #[error("index at {} was built with another schema ({found}); rebuild it with `newsindex index --rebuild ARCHIVE`", path.display())]
    SchemaMismatch {
        /// Directory of the index.
        path: PathBuf,
        /// What was found instead of the expected schema version.
        found: String,
    },
    /// The query string could not be parsed.
    #[error("bad query: {0}")]
    BadQuery(String),
    /// A user-supplied argument (filter value, date, facet kind...) is not valid.
    #[error("{0}")]
    BadArgument(String),
    /// A gazetteer or rule file is malformed.
    #[error("{file}: {message}")]
    Schema {
        /// File name (built-in name or path).
        file: String,
        /// What is wrong, with a line number when known.
        message: String,
    },
    /// The article asked for is not in the index.
    #[error(
        "no article with id or path `{0}` in the index; `newsindex search` lists ids and paths"
    )]
    NotFound(String),
    /// An I/O failure outside the per-file reading of the archive.
    #[error("{}: {source}", path.display())]
    Io {
        /// Path involved.
        path: PathBuf,
        /// Underlying error.
        source: std::io::Error,
    },
    /// A failure inside the search engine.
    #[error("index error: {0}")]
    Engine(#[from] tantivy::TantivyError),
}

impl Error {
    /// True when the error comes from what the user asked for (exit code 2), false for a
    /// failure of the run itself (exit code 1).
    pub fn is_usage(&self) -> bool {
        matches!(
            self,
            Error::NoIndex { .. }
                | Error::BadQuery(_)
                | Error::BadArgument(_)
                | Error::Schema { .. }
                | Error::NotFound(_)
                | Error::SchemaMismatch { .. }
        )
    }

    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// Result alias of the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;
