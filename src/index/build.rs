//! Building an index from archive folders: walk, then read, parse, clean and extract in
//! parallel (rayon), add documents through tantivy's writer, and commit every batch so a
//! killed run leaves the last commit searchable. Progress goes to a [`Progress`] sink; the
//! library prints nothing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use rustc_hash::{FxHashMap, FxHashSet};
use tantivy::{IndexWriter, TantivyError, Term};

use super::ledger::{FileState, Ledger, file_key};
use super::pipeline::{Job, Pipeline, Shared, lock};
use super::{OpenIndex, open_or_create};
use crate::clean::Boilerplate;
use crate::entities::Extractor;
use crate::error::{Error, Result};
use crate::read::{DEFAULT_MAX_FILE_BYTES, Skip};
use crate::walk::{self, ArchiveFile};

/// The note on a file whose name is not UTF-8.
const NOT_UTF8_NAME: &str =
    "file name is not UTF-8; indexed, with the name shown here (U+FFFD for the bad bytes)";

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
    /// Something about a file the user should know, though the file is indexed.
    fn noted(&self, _path: &Path, _note: &str) {}
    /// Files left as they were (unchanged since the last run), not read.
    fn passed_over(&self, _files: u64) {}
}

/// A [`Progress`] that ignores everything.
pub struct NoProgress;
impl Progress for NoProgress {}

/// What a build did.
#[derive(Debug, Clone, Default)]
pub struct BuildSummary {
    /// Article files found.
    pub files_seen: u64,
    /// Files the index did not know.
    pub new_files: u64,
    /// Known files whose content changed.
    pub changed_files: u64,
    /// Known files that are gone; their articles were removed.
    pub removed_files: u64,
    /// Known files left as they were (same size and time, or same content).
    pub unchanged_files: u64,
    /// Articles indexed (exact copies not counted).
    pub indexed: u64,
    /// Exact copies folded into an article already indexed.
    pub copies: u64,
    /// Articles indexed that are near-duplicates of another (same group).
    pub near_duplicates: u64,
    /// Skipped files and records by reason kind ("binary", "malformed", ...).
    pub skipped: BTreeMap<&'static str, u64>,
    /// Bytes of the files read.
    pub bytes: u64,
    /// Wall time.
    pub elapsed: Duration,
    /// Articles in the index after the final commit (copy records not counted).
    pub docs_in_index: u64,
}

impl BuildSummary {
    /// Total files skipped.
    pub fn skipped_total(&self) -> u64 {
        self.skipped.values().sum()
    }
}

/// Indexes every article under `archives` into the index of `options`. Files the index
/// already holds with the same size and modification time are not read again; files that
/// are gone from the archive are removed from the index.
pub fn build_index(
    archives: &[PathBuf],
    options: &BuildOptions,
    progress: &dyn Progress,
) -> Result<BuildSummary> {
    let started = Instant::now();
    let roots = checked_roots(archives)?;
    // Compiling the rules and gazetteers waits for the first file to read, so that a re-run
    // over an unchanged archive skips it; a user's --schema folder is checked at once.
    let mut tools = match options.schema_dir {
        Some(_) => Some(Tools::compile(options)?),
        None => None,
    };
    let open = open_or_create(&options.index_dir, options.rebuild)?;
    let mut writer = open_writer(&open, options)?;
    let ledger = if options.rebuild {
        writer.delete_all_documents()?;
        Ledger::default()
    } else {
        Ledger::load(&open)?
    };
    let Ledger {
        files: known,
        copies: known_copies,
        duplicates,
    } = ledger;
    let shared = Shared {
        duplicates: Mutex::new(duplicates),
        ..Shared::default()
    };
    let summary = Mutex::new(BuildSummary::default());
    let mut walk = Walk {
        known: &known,
        seen: FxHashSet::default(),
        stash: FxHashMap::default(),
    };
    let mut commits = CommitClock::new(options);
    let mut files = keyed_files(&roots);
    loop {
        let jobs = walk.next_batch(&mut files, progress, &summary);
        if jobs.is_empty() {
            break;
        }
        let pipeline =
            Tools::ready(&mut tools, options)?.pipeline(&open, options, progress, &shared);
        let outcome = pipeline.run(&writer, &jobs, &summary);
        let changed = jobs.iter().filter(|j| j.previous.is_some()).count() as u64;
        let mut s = lock(&summary);
        s.unchanged_files += outcome.unchanged;
        s.changed_files += changed.saturating_sub(outcome.unchanged);
        s.new_files += jobs.len() as u64 - changed;
        drop(s);
        commits.tick(&mut writer, outcome.written, progress, &summary)?;
    }
    let requeued = walk.retire(&roots, &writer, &open, &known_copies, &shared, &summary);
    if !requeued.is_empty() {
        let pipeline =
            Tools::ready(&mut tools, options)?.pipeline(&open, options, progress, &shared);
        pipeline.run(&writer, &requeued, &summary);
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    let mut summary = summary.into_inner().unwrap_or_else(|e| e.into_inner());
    summary.docs_in_index = super::article_count(&open)?;
    progress.committed(summary.docs_in_index);
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// The boilerplate rules and the entity extractor of a build.
struct Tools {
    rules: Boilerplate,
    /// `None` with `--no-entities`.
    extractor: Option<Extractor>,
}

impl Tools {
    /// Compiles the rules and, on a second thread at the same time, the extractor.
    fn compile(options: &BuildOptions) -> Result<Tools> {
        let schema_dir = options.schema_dir.as_deref();
        std::thread::scope(|scope| {
            let extractor = options
                .extract_entities
                .then(|| scope.spawn(|| Extractor::with_overrides(schema_dir)));
            let rules = Boilerplate::with_overrides(schema_dir)?;
            let extractor = match extractor.map(|thread| thread.join()) {
                Some(Ok(extractor)) => Some(extractor?),
                Some(Err(_)) => {
                    return Err(Error::Schema {
                        file: "gazetteers".into(),
                        message: "compiling them stopped on an internal error".into(),
                    });
                }
                None => None,
            };
            Ok(Tools { rules, extractor })
        })
    }

    /// The tools in `slot`, compiled on first use.
    fn ready<'t>(slot: &'t mut Option<Tools>, options: &BuildOptions) -> Result<&'t Tools> {
        if slot.is_none() {
            *slot = Some(Tools::compile(options)?);
        }
        slot.as_ref()
            .ok_or_else(|| Error::BadArgument("rules could not be compiled".into()))
    }

    fn pipeline<'a>(
        &'a self,
        open: &'a OpenIndex,
        options: &'a BuildOptions,
        progress: &'a dyn Progress,
        shared: &'a Shared,
    ) -> Pipeline<'a> {
        Pipeline {
            open,
            rules: &self.rules,
            extractor: self.extractor.as_ref(),
            options,
            progress,
            shared,
        }
    }
}

/// Commits every [`BuildOptions::commit_every_docs`] documents or
/// [`BuildOptions::commit_every`], whichever comes first.
struct CommitClock {
    every_docs: u64,
    every: Duration,
    since_commit: u64,
    last_commit: Instant,
}

impl CommitClock {
    fn new(options: &BuildOptions) -> Self {
        CommitClock {
            every_docs: options.commit_every_docs,
            every: options.commit_every,
            since_commit: 0,
            last_commit: Instant::now(),
        }
    }

    fn tick(
        &mut self,
        writer: &mut IndexWriter,
        written: u64,
        progress: &dyn Progress,
        summary: &Mutex<BuildSummary>,
    ) -> Result<()> {
        self.since_commit += written;
        if self.since_commit >= self.every_docs || self.last_commit.elapsed() >= self.every {
            writer.commit()?;
            progress.committed(lock(summary).indexed);
            self.since_commit = 0;
            self.last_commit = Instant::now();
        }
        Ok(())
    }
}

/// An archive root as the user wrote it, and resolved (symlinks, `.`) for file keys.
struct Root {
    given: PathBuf,
    canonical: PathBuf,
}

/// The archive files under `roots`, each with its key.
fn keyed_files(
    roots: &[Root],
) -> impl Iterator<Item = std::result::Result<(String, ArchiveFile), Skip>> + '_ {
    roots.iter().flat_map(|root| {
        walk::archive_files(std::slice::from_ref(&root.given)).map(move |item| {
            item.map(|file| (file_key(&root.canonical, &root.given, &file.path), file))
        })
    })
}

/// The walk's side of a build: which files were seen, and which unchanged files hold copies
/// (they are read again if the article they copy goes away).
struct Walk<'a> {
    known: &'a FxHashMap<String, FileState>,
    seen: FxHashSet<String>,
    stash: FxHashMap<String, ArchiveFile>,
}

impl<'a> Walk<'a> {
    /// Pulls up to [`BATCH_FILES`] new or changed files from the walk. Unchanged files are
    /// counted and passed over; walk errors are reported as skips.
    fn next_batch(
        &mut self,
        files: &mut impl Iterator<Item = std::result::Result<(String, ArchiveFile), Skip>>,
        progress: &dyn Progress,
        summary: &Mutex<BuildSummary>,
    ) -> Vec<Job<'a>> {
        let mut jobs = Vec::with_capacity(BATCH_FILES);
        let mut summary = lock(summary);
        for item in files.by_ref() {
            let (key, file) = match item {
                Ok(found) => found,
                Err(skip) => {
                    progress.skipped(&skip);
                    *summary.skipped.entry(skip.reason.kind()).or_default() += 1;
                    continue;
                }
            };
            summary.files_seen += 1;
            if file.path.to_str().is_none() {
                progress.noted(&file.path, NOT_UTF8_NAME);
            }
            if !self.seen.insert(key.clone()) {
                continue;
            }
            match self.known.get(&key) {
                Some(state) if state.size == file.size && state.mtime == file.mtime => {
                    summary.unchanged_files += 1;
                    progress.passed_over(1);
                    if state.records.len() > state.articles.len() {
                        self.stash.insert(key, file);
                    }
                    continue;
                }
                Some(state) => {
                    jobs.push(Job {
                        key,
                        file,
                        previous: Some(state),
                    });
                }
                None => jobs.push(Job {
                    key,
                    file,
                    previous: None,
                }),
            }
            if jobs.len() == BATCH_FILES {
                break;
            }
        }
        jobs
    }

    /// Removes the files that are gone, and returns the files to read again because the
    /// article they copied was removed or replaced.
    fn retire(
        &mut self,
        roots: &[Root],
        writer: &IndexWriter,
        open: &OpenIndex,
        known_copies: &FxHashMap<String, Vec<String>>,
        shared: &Shared,
        summary: &Mutex<BuildSummary>,
    ) -> Vec<Job<'a>> {
        let mut gone_articles = Vec::new();
        for (key, state) in self.known {
            let under_roots = roots
                .iter()
                .any(|root| Path::new(key).starts_with(&root.canonical));
            if !under_roots || self.seen.contains(key) {
                continue;
            }
            writer.delete_term(Term::from_field_text(open.fields.file, key));
            lock(summary).removed_files += 1;
            let mut duplicates = lock(&shared.duplicates);
            for (id, hash) in &state.records {
                duplicates.forget(hash, id);
            }
            gone_articles.extend(state.articles.iter().cloned());
        }
        let mut requeue = Vec::new();
        let mut read_again = |key: &String, file: ArchiveFile| {
            writer.delete_term(Term::from_field_text(open.fields.file, key));
            requeue.push(Job {
                key: key.clone(),
                file,
                previous: None,
            });
        };
        let replaced = std::mem::take(&mut *lock(&shared.replaced));
        for id in replaced.iter().chain(&gone_articles) {
            for key in known_copies.get(id).into_iter().flatten() {
                if let Some(file) = self.stash.remove(key) {
                    read_again(key, file);
                }
            }
        }
        // Copies made in this run of an article now gone, or of the old text of an
        // article whose file changed, are read again.
        let mut run_copies = lock(&shared.copies);
        let duplicates = lock(&shared.duplicates);
        for id in &gone_articles {
            for copy in run_copies.remove(id).unwrap_or_default() {
                read_again(&copy.key, copy.file);
            }
        }
        for id in &replaced {
            for copy in run_copies.remove(id).unwrap_or_default() {
                if !duplicates.holds(&copy.hash, id) {
                    read_again(&copy.key, copy.file);
                }
            }
        }
        requeue
    }
}

/// The archive roots as given (paths are stored and shown the way the user wrote them) and
/// resolved, once each is known to exist.
fn checked_roots(archives: &[PathBuf]) -> Result<Vec<Root>> {
    archives
        .iter()
        .map(|given| {
            if !given.exists() {
                return Err(Error::BadArgument(format!(
                    "archive {} does not exist; give a folder of saved articles",
                    given.display()
                )));
            }
            let canonical = std::fs::canonicalize(given).unwrap_or_else(|_| given.clone());
            Ok(Root {
                given: given.clone(),
                canonical,
            })
        })
        .collect()
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
