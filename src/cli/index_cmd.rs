//! `newsindex index`: builds the index with a progress bar on a terminal, reports each
//! skipped file on stderr, and prints a closing summary.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};
use newsindex::index::build::{BuildOptions, BuildSummary, Progress, build_index};
use newsindex::read::Skip;

use super::args::{Cli, IndexArgs};
use super::output::human_bytes;
use super::{EXIT_FAILURE, EXIT_OK};

/// Reports progress on stderr: a spinner with rates on a terminal, skipped files always.
struct CliProgress {
    bar: Option<ProgressBar>,
    quiet: bool,
    bytes: AtomicU64,
}

impl CliProgress {
    /// On a terminal, a bar over the archive's article files (counted by a walk first, which
    /// takes a fraction of the indexing time) with files/s, MB read and ETA; in a pipe
    /// nothing.
    fn new(quiet: bool, archives: &[std::path::PathBuf]) -> Self {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let files = newsindex::walk::archive_files(archives)
                .filter(Result::is_ok)
                .count();
            let bar = ProgressBar::new(files as u64);
            let template = "{bar:30} {pos}/{len} files  {msg}  {elapsed} (ETA {eta})";
            let style = ProgressStyle::with_template(template)
                .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        });
        CliProgress {
            bar,
            quiet,
            bytes: AtomicU64::new(0),
        }
    }
}

impl Progress for CliProgress {
    fn indexed(&self, _path: &Path, bytes: u64) {
        let total = self.bytes.fetch_add(bytes, Ordering::Relaxed) + bytes;
        if let Some(bar) = &self.bar {
            bar.inc(1);
            let secs = bar.elapsed().as_secs_f64().max(0.001);
            let rate = bar.position() as f64 / secs;
            let mb_rate = human_bytes((total as f64 / secs) as u64);
            bar.set_message(format!("{rate:.0} files/s  {mb_rate}/s"));
        }
    }

    fn passed_over(&self, files: u64) {
        if let Some(bar) = &self.bar {
            bar.inc(files);
        }
    }

    fn noted(&self, path: &Path, note: &str) {
        if self.quiet {
            return;
        }
        let line = format!("newsindex: note: {}: {note}", path.display());
        match &self.bar {
            Some(bar) => bar.println(line),
            None => eprintln!("{line}"),
        }
    }

    fn skipped(&self, skip: &Skip) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
        if self.quiet {
            return;
        }
        let line = format!("newsindex: skipped {skip}");
        match &self.bar {
            Some(bar) => bar.println(line),
            None => eprintln!("{line}"),
        }
    }
}

/// Runs `index`; returns the exit code.
pub fn run(cli: &Cli, args: &IndexArgs, out: &mut impl Write) -> anyhow::Result<u8> {
    let options = BuildOptions {
        index_dir: cli.index.clone(),
        threads: args.threads,
        memory_mb: args.memory,
        rebuild: args.rebuild,
        max_file_bytes: (args.max_file_mb as u64).saturating_mul(1024 * 1024),
        schema_dir: cli.schema.clone(),
        extract_entities: !args.no_entities,
        ..BuildOptions::default()
    };
    let progress = CliProgress::new(args.quiet, &args.archives);
    let summary = build_index(&args.archives, &options, &progress);
    if let Some(bar) = &progress.bar {
        bar.finish_and_clear();
    }
    let summary = summary?;
    write_summary(out, &summary, &cli.index)?;
    let failed = args.strict && summary.skipped_total() > 0;
    Ok(if failed { EXIT_FAILURE } else { EXIT_OK })
}

fn write_summary(out: &mut impl Write, s: &BuildSummary, index: &Path) -> std::io::Result<()> {
    let secs = s.elapsed.as_secs_f64().max(1e-6);
    writeln!(
        out,
        "indexed {} articles from {} files in {:.2} s ({:.0} articles/s, {}/s)",
        s.indexed,
        s.files_seen,
        secs,
        s.indexed as f64 / secs,
        human_bytes((s.bytes as f64 / secs) as u64)
    )?;
    writeln!(
        out,
        "files: {} new, {} changed, {} removed, {} unchanged",
        s.new_files, s.changed_files, s.removed_files, s.unchanged_files
    )?;
    if s.copies + s.near_duplicates > 0 {
        writeln!(
            out,
            "duplicates: {} exact copies folded into one article each, {} near-duplicates grouped",
            s.copies, s.near_duplicates
        )?;
    }
    if s.skipped_total() > 0 {
        let reasons: Vec<String> = s
            .skipped
            .iter()
            .map(|(kind, n)| format!("{n} {kind}"))
            .collect();
        writeln!(
            out,
            "skipped {} files or records: {}",
            s.skipped_total(),
            reasons.join(", ")
        )?;
    }
    writeln!(
        out,
        "index at {} holds {} articles",
        index.display(),
        s.docs_in_index
    )
}
