//! Building an index from archive folders: walk, then read, parse, clean and extract in
//! parallel (rayon), add documents through tantivy's writer, and commit every batch so a
//! killed run leaves the last commit searchable. Progress goes to a [`Progress`] sink; the
//! library prints nothing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use rayon::prelude::*;
use tantivy::{IndexWriter, TantivyError, Term};

use super::document::to_document;
use super::{OpenIndex, open_or_create};
use crate::clean::Boilerplate;
use crate::entities::{Entities, Extractor};
use crate::error::{Error, Result};
use crate::formats;
use crate::read::{DEFAULT_MAX_FILE_BYTES, Skip};
use crate::walk::{self, ArchiveFile};

/// Files handed to the parallel stage at once.
const BATCH_FILES: usize = 2_000;

/// How to build.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Index directory.
    pub index_dir: PathBuf,
    /// Indexing threads of the writer; 0 picks one per core (at most 8).
    pub threads: usize,
    /// Writer memory budget in MB (split across threads, at least 15 MB each).
    pub memory_mb: usize,
    /// Empty the index before adding.
    pub rebuild: bool,
    /// Larger files are skipped.
    pub max_file_bytes: u64,
    /// Folder of user gazetteers and rules merged over the built-in ones.
    pub schema_dir: Option<PathBuf>,
    /// Commit after at least this many new documents.
    pub commit_every_docs: u64,
    /// Commit after at least this much time.
    pub commit_every: Duration,
    /// Extract people, countries, organizations and topics (off: text and metadata only).
    pub extract_entities: bool,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            index_dir: PathBuf::from(super::DEFAULT_INDEX_DIR),
            threads: 0,
            memory_mb: 256,
            rebuild: false,
            max_file_bytes: DEFAULT_MAX_FILE_BYTES,
            schema_dir: None,
            commit_every_docs: 20_000,
            commit_every: Duration::from_secs(60),
            extract_entities: true,
        }
    }
}

/// Receives progress while an index is built. Calls come from many threads.
pub trait Progress: Sync {
    /// A file was read and indexed (`bytes` long).
    fn indexed(&self, _path: &Path, _bytes: u64) {}
    /// A file was skipped.
    fn skipped(&self, _skip: &Skip) {}
    /// A commit finished; `docs` documents are now searchable.
    fn committed(&self, _docs: u64) {}
}

/// A [`Progress`] that ignores everything.
pub struct NoProgress;
impl Progress for NoProgress {}

/// What a build did.
#[derive(Debug, Clone, Default)]
pub struct BuildSummary {
    /// Article files found.
    pub files_seen: u64,
    /// Articles indexed.
    pub indexed: u64,
    /// Skipped files by reason kind ("binary", "malformed", ...).
    pub skipped: BTreeMap<&'static str, u64>,
    /// Bytes of the files indexed.
    pub bytes: u64,
    /// Wall time.
    pub elapsed: Duration,
    /// Documents in the index after the final commit.
    pub docs_in_index: u64,
}

impl BuildSummary {
    /// Total files skipped.
    pub fn skipped_total(&self) -> u64 {
        self.skipped.values().sum()
    }
}

/// Indexes every article under `archives` into the index of `options`.
pub fn build_index(
    archives: &[PathBuf],
    options: &BuildOptions,
    progress: &dyn Progress,
) -> Result<BuildSummary> {
    let started = Instant::now();
    let roots = checked_roots(archives)?;
    let rules = Boilerplate::with_overrides(options.schema_dir.as_deref())?;
    let extractor = match options.extract_entities {
        true => Some(Extractor::with_overrides(options.schema_dir.as_deref())?),
        false => None,
    };
    let open = open_or_create(&options.index_dir, options.rebuild)?;
    let mut writer = open_writer(&open, options)?;
    if options.rebuild {
        writer.delete_all_documents()?;
    }
    let pipeline = Pipeline {
        open: &open,
        rules: &rules,
        extractor: extractor.as_ref(),
        options,
        progress,
    };
    let mut summary = BuildSummary::default();
    let mut since_commit = 0;
    let mut last_commit = Instant::now();
    let mut files = walk::archive_files(&roots);
    loop {
        let batch = next_batch(&mut files, progress, &mut summary);
        if batch.is_empty() {
            break;
        }
        let added = pipeline.run(&writer, &batch, &mut summary);
        since_commit += added;
        if since_commit >= options.commit_every_docs
            || last_commit.elapsed() >= options.commit_every
        {
            writer.commit()?;
            progress.committed(summary.indexed);
            since_commit = 0;
            last_commit = Instant::now();
        }
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    let reader = open.index.reader()?;
    reader.reload()?;
    summary.docs_in_index = reader.searcher().num_docs();
    progress.committed(summary.docs_in_index);
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// The archive roots as given (paths are stored and shown the way the user wrote them), once
/// each is known to exist.
fn checked_roots(archives: &[PathBuf]) -> Result<Vec<PathBuf>> {
    for root in archives {
        if !root.exists() {
            return Err(Error::BadArgument(format!(
                "archive {} does not exist; give a folder of saved articles",
                root.display()
            )));
        }
    }
    Ok(archives.to_vec())
}

fn open_writer(open: &OpenIndex, options: &BuildOptions) -> Result<IndexWriter> {
    let threads = match options.threads {
        0 => std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(8),
        n => n,
    };
    let budget = (options.memory_mb.max(15 * threads)) * 1024 * 1024;
    open.index
        .writer_with_num_threads(threads, budget)
        .map_err(|err| match err {
            TantivyError::LockFailure(..) => Error::IndexLocked {
                path: open.dir.clone(),
            },
            other => Error::Engine(other),
        })
}

/// Pulls up to [`BATCH_FILES`] files from the walk, reporting walk errors as skips.
fn next_batch(
    files: &mut impl Iterator<Item = std::result::Result<ArchiveFile, Skip>>,
    progress: &dyn Progress,
    summary: &mut BuildSummary,
) -> Vec<ArchiveFile> {
    let mut batch = Vec::with_capacity(BATCH_FILES);
    for item in files.by_ref() {
        match item {
            Ok(file) => {
                summary.files_seen += 1;
                batch.push(file);
                if batch.len() == BATCH_FILES {
                    break;
                }
            }
            Err(skip) => {
                progress.skipped(&skip);
                *summary.skipped.entry(skip.reason.kind()).or_default() += 1;
            }
        }
    }
    batch
}

/// The per-file work shared by the rayon workers.
struct Pipeline<'a> {
    open: &'a OpenIndex,
    rules: &'a Boilerplate,
    /// `None` with `--no-entities`.
    extractor: Option<&'a Extractor>,
    options: &'a BuildOptions,
    progress: &'a dyn Progress,
}

impl Pipeline<'_> {
    /// Processes one batch in parallel; returns the number of documents added.
    fn run(&self, writer: &IndexWriter, batch: &[ArchiveFile], summary: &mut BuildSummary) -> u64 {
        let added = AtomicU64::new(0);
        let bytes = AtomicU64::new(0);
        let skipped: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());
        batch
            .par_iter()
            .for_each(|file| match self.index_file_guarded(writer, file) {
                Ok(outcome) => {
                    added.fetch_add(outcome.articles, Ordering::Relaxed);
                    bytes.fetch_add(outcome.bytes, Ordering::Relaxed);
                    self.progress.indexed(&file.path, outcome.bytes);
                    for skip in &outcome.bad_records {
                        self.progress.skipped(skip);
                        if let Ok(mut list) = skipped.lock() {
                            list.push(skip.reason.kind());
                        }
                    }
                }
                Err(skip) => {
                    self.progress.skipped(&skip);
                    if let Ok(mut list) = skipped.lock() {
                        list.push(skip.reason.kind());
                    }
                }
            });
        for kind in skipped.into_inner().unwrap_or_default() {
            *summary.skipped.entry(kind).or_default() += 1;
        }
        let added = added.into_inner();
        summary.indexed += added;
        summary.bytes += bytes.into_inner();
        added
    }

    /// [`Self::index_file`], with a panic on one file turned into a skip of that file.
    fn index_file_guarded(
        &self,
        writer: &IndexWriter,
        file: &ArchiveFile,
    ) -> std::result::Result<FileOutcome, Skip> {
        let run = std::panic::AssertUnwindSafe(|| self.index_file(writer, file));
        std::panic::catch_unwind(run).unwrap_or_else(|payload| {
            Err(Skip {
                path: file.path.clone(),
                reason: crate::read::SkipReason::Internal(panic_message(&*payload)),
            })
        })
    }

    fn index_file(
        &self,
        writer: &IndexWriter,
        file: &ArchiveFile,
    ) -> std::result::Result<FileOutcome, Skip> {
        let skip = |reason| Skip {
            path: file.path.clone(),
            reason,
        };
        let read = formats::read_file(
            &file.path,
            file.format,
            self.rules,
            self.options.max_file_bytes,
        )
        .map_err(skip)?;
        let fields = &self.open.fields;
        let mut bad_records: Vec<Skip> = read
            .bad_records
            .into_iter()
            .map(|(line, reason)| Skip {
                path: std::path::PathBuf::from(format!("{}#{line}", file.path.display())),
                reason,
            })
            .collect();
        let mut added = 0;
        for article in &read.articles {
            // A bug on one record of a many-article file skips that record only.
            let build = std::panic::AssertUnwindSafe(|| {
                let entities = self
                    .extractor
                    .map_or_else(Entities::default, |x| x.extract(article));
                to_document(fields, article, &entities)
            });
            let doc = match std::panic::catch_unwind(build) {
                Ok(doc) => doc,
                Err(payload) => {
                    bad_records.push(Skip {
                        path: std::path::PathBuf::from(&article.path),
                        reason: crate::read::SkipReason::Internal(panic_message(&*payload)),
                    });
                    continue;
                }
            };
            writer.delete_term(Term::from_field_text(fields.id, &article.id));
            writer.add_document(doc).map_err(|e| {
                skip(crate::read::SkipReason::Unreadable(format!(
                    "index writer: {e}"
                )))
            })?;
            added += 1;
        }
        Ok(FileOutcome {
            articles: added,
            bytes: read.bytes,
            bad_records,
        })
    }
}

/// The message a panic carried.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".into())
}

/// What indexing one file gave.
struct FileOutcome {
    articles: u64,
    bytes: u64,
    /// Records of a many-article file that were skipped.
    bad_records: Vec<Skip>,
}
