//! newsindex turns a folder tree of saved news articles into a full-text search index with
//! entity facets (people, countries, organizations, topics) and answers queries over it.
//!
//! The pipeline runs one way, one module per stage:
//! [`walk`] -> [`read`] -> [`formats`] -> [`clean`] -> [`entities`] -> [`index`] -> [`search`].
//! The library never prints; the `newsindex` binary decides how results are shown.
#![deny(missing_docs)]

pub mod article;
pub mod clean;
pub mod dates;
pub mod entities;
pub mod error;
pub mod formats;
pub mod index;
pub mod read;
pub mod search;
pub mod walk;

pub use article::Article;
pub use error::{Error, Result};
