//! What an index already holds, file by file, read from its fast fields when a build starts:
//! each file's size and modification time (so that a re-run reads only new and changed
//! files), the articles it gave with their content hashes, and the copy records that point
//! at each article.

use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap;
use tantivy::columnar::{BytesColumn, StrColumn};
use tantivy::{DocId, SegmentReader};

use super::OpenIndex;
use super::dedup::{Duplicates, signature_from_bytes};
use crate::error::Result;

/// One file as the index knows it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileState {
    /// Size in bytes when it was read.
    pub size: u64,
    /// Modification time (nanoseconds since the epoch) when it was read.
    pub mtime: u64,
    /// (id, content hash) of each record of the file, article or copy, in no set order.
    pub records: Vec<(String, String)>,
    /// Ids of the articles this file holds (not copies).
    pub articles: Vec<String>,
}

/// Every file the index knows, and the duplicates state of its articles.
#[derive(Debug, Default)]
pub struct Ledger {
    /// Files by key (see [`file_key`]).
    pub files: FxHashMap<String, FileState>,
    /// Article id → keys of the files holding copies of it.
    pub copies: FxHashMap<String, Vec<String>>,
    /// Content hashes and SimHash groups of the indexed articles.
    pub duplicates: Duplicates,
}

/// A copy record as read back: its file, the article it copies and the text's hash.
struct CopyRecord {
    key: String,
    copy_of: String,
    hash: String,
}

/// The key a file is known by: its path with the archive root resolved (symlinks, `.`),
/// so that `archive/x.txt` and `./archive/x.txt` are one file.
pub fn file_key(canonical_root: &Path, root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    let key: PathBuf = if relative.as_os_str().is_empty() {
        canonical_root.to_path_buf()
    } else {
        canonical_root.join(relative)
    };
    key.to_string_lossy().into_owned()
}

/// A string or bytes fast-field column with its dictionary read out once: looking terms up
/// one by one would decompress a dictionary block per document.
struct Terms {
    column: BytesColumn,
    terms: Vec<Box<[u8]>>,
}

impl Terms {
    fn read(column: impl Into<BytesColumn>) -> Result<Terms> {
        let column = column.into();
        let mut terms = Vec::with_capacity(column.num_terms());
        let mut stream = column
            .dictionary()
            .stream()
            .map_err(tantivy::TantivyError::from)?;
        while stream.advance() {
            terms.push(stream.key().into());
        }
        Ok(Terms { column, terms })
    }

    /// The first value of `doc`, if any.
    fn bytes(&self, doc: DocId) -> Option<&[u8]> {
        let ord = self.column.term_ords(doc).next()?;
        self.terms.get(ord as usize).map(|t| &t[..])
    }

    /// The first value of `doc` as text, or "" when it has none.
    fn get(&self, doc: DocId) -> &str {
        self.bytes(doc)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or("")
    }
}

/// Fast-field columns of one segment.
struct Columns {
    id: Terms,
    file: Terms,
    hash: Terms,
    group: Option<Terms>,
    copy_of: Option<Terms>,
    size: tantivy::columnar::Column<u64>,
    mtime: tantivy::columnar::Column<u64>,
    minhash: Option<Terms>,
}

impl Ledger {
    /// Reads the ledger of the last commit of `open`.
    pub fn load(open: &OpenIndex) -> Result<Ledger> {
        let reader = open.index.reader()?;
        let searcher = reader.searcher();
        let mut ledger = Ledger::default();
        let mut copies = Vec::new();
        for segment in searcher.segment_readers() {
            let Some(columns) = Columns::of(segment)? else {
                continue;
            };
            let doc_ids: Box<dyn Iterator<Item = DocId>> = match segment.alive_bitset() {
                Some(alive) => Box::new(alive.iter_alive()),
                None => Box::new(0..segment.max_doc()),
            };
            for doc in doc_ids {
                if let Some(copy) = ledger.add_record(&columns, doc)? {
                    copies.push(copy);
                }
            }
        }
        ledger.mark_stale_copies(&copies);
        Ok(ledger)
    }

    /// Marks for reading again the files of copy records whose article no longer holds the
    /// copied text (a run killed after replacing the article, before reading its copies
    /// again): their records are forgotten, so the next run treats them as changed.
    fn mark_stale_copies(&mut self, copies: &[CopyRecord]) {
        for copy in copies {
            if self.duplicates.holds(&copy.hash, &copy.copy_of) {
                continue;
            }
            if let Some(state) = self.files.get_mut(&copy.key) {
                state.mtime = u64::MAX;
                state.records.clear();
            }
        }
    }

    /// Records one document; returns what a copy record copied, for checking.
    fn add_record(&mut self, columns: &Columns, doc: DocId) -> Result<Option<CopyRecord>> {
        let (id, key) = (columns.id.get(doc).to_string(), columns.file.get(doc));
        let hash = columns.hash.get(doc).to_string();
        let copy_of = columns.copy_of.as_ref().map_or("", |c| c.get(doc));
        let state = self.files.entry(key.to_string()).or_default();
        state.size = columns.size.first(doc).unwrap_or(0);
        state.mtime = columns.mtime.first(doc).unwrap_or(0);
        state.records.push((id.clone(), hash.clone()));
        if copy_of.is_empty() {
            state.articles.push(id.clone());
            let group = columns.group.as_ref().map_or(id.as_str(), |c| c.get(doc));
            let signature = columns.minhash.as_ref().and_then(|c| c.bytes(doc));
            let signature = signature.and_then(signature_from_bytes);
            self.duplicates.add_existing(&id, &hash, signature, group);
            return Ok(None);
        }
        let copies = self.copies.entry(copy_of.to_string()).or_default();
        copies.push(key.to_string());
        Ok(Some(CopyRecord {
            key: key.to_string(),
            copy_of: copy_of.to_string(),
            hash,
        }))
    }
}

impl Columns {
    fn of(segment: &SegmentReader) -> Result<Option<Columns>> {
        let fast = segment.fast_fields();
        let (Some(id), Some(file), Some(hash)) = (
            fast.str("id")?,
            fast.str("file")?,
            fast.str("content_hash")?,
        ) else {
            return Ok(None);
        };
        let optional = |column: Option<StrColumn>| column.map(Terms::read).transpose();
        let minhash = fast.bytes("minhash")?.map(Terms::read).transpose()?;
        Ok(Some(Columns {
            id: Terms::read(id)?,
            file: Terms::read(file)?,
            hash: Terms::read(hash)?,
            group: optional(fast.str("near_group")?)?,
            copy_of: optional(fast.str("copy_of")?)?,
            size: fast.u64("file_size")?,
            mtime: fast.u64("file_mtime")?,
            minhash,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_of_text_their_article_no_longer_holds_are_read_again() {
        let mut ledger = Ledger::default();
        ledger.duplicates.add_existing("a", "new-text", None, "a");
        for key in ["/x/fresh.txt", "/x/stale.txt"] {
            let state = FileState {
                size: 10,
                mtime: 20,
                records: vec![(key.to_string(), "h".to_string())],
                articles: Vec::new(),
            };
            ledger.files.insert(key.to_string(), state);
        }
        let copy = |key: &str, hash: &str| CopyRecord {
            key: key.to_string(),
            copy_of: "a".to_string(),
            hash: hash.to_string(),
        };
        ledger.mark_stale_copies(&[
            copy("/x/fresh.txt", "new-text"),
            copy("/x/stale.txt", "old-text"),
        ]);
        assert_eq!(ledger.files["/x/fresh.txt"].mtime, 20);
        assert_eq!(ledger.files["/x/stale.txt"].mtime, u64::MAX);
        assert!(ledger.files["/x/stale.txt"].records.is_empty());
    }

    #[test]
    fn keys_resolve_the_root_only() {
        let key = file_key(
            Path::new("/data/archive"),
            Path::new("./archive"),
            Path::new("./archive/2023/a.txt"),
        );
        assert_eq!(key, "/data/archive/2023/a.txt");
        let single = file_key(
            Path::new("/data/a.txt"),
            Path::new("a.txt"),
            Path::new("a.txt"),
        );
        assert_eq!(single, "/data/a.txt");
    }
}
