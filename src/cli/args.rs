//! The command-line definition (clap derive). Doc comments here are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use newsindex::index::schema::FacetKind;
use time::Date;

/// Search a news archive: full text with highlighted snippets, and facets by person,
/// country, organization, topic, outlet and date.
#[derive(Debug, Parser)]
#[command(name = "newsindex", version, propagate_version = true)]
pub struct Cli {
    /// Index folder.
    #[arg(
        long,
        global = true,
        env = "NEWSINDEX_INDEX",
        default_value = ".newsindex",
        value_name = "DIR"
    )]
    pub index: PathBuf,
    /// Folder of gazetteers (people.toml, countries.toml, organizations.toml, topics.toml)
    /// and boilerplate.toml merged over the built-in ones.
    #[arg(long, global = true, value_name = "DIR")]
    pub schema: Option<PathBuf>,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Index the articles under one or more archive folders (re-runs update in place).
    Index(IndexArgs),
    /// Search the index: ranked hits with snippets, filters and facet counts.
    Search(SearchArgs),
    /// Count the values of one facet kind over all articles or the matches of a query.
    Facets(FacetsArgs),
    /// Show one article: every stored field and its entities with mention counts.
    Show(ShowArgs),
    /// Related coverage: the articles most like one article (text and entities).
    Similar(SimilarArgs),
    /// Show index statistics: documents, size, fields, top facet values.
    Stats(StatsArgs),
    /// Write every indexed article as JSON Lines to stdout.
    Export(ExportArgs),
    /// Work with gazetteer and rule files.
    #[command(subcommand)]
    Schema(SchemaCommand),
}

/// `newsindex schema ...`.
#[derive(Debug, Subcommand)]
pub enum SchemaCommand {
    /// Check the gazetteers and boilerplate rules in DIR (merged over the built-in ones):
    /// syntax, field names and regular expressions, with file and line of each error.
    Check {
        /// Folder holding any of countries.toml, people.toml, organizations.toml,
        /// topics.toml and boilerplate.toml.
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
}

/// `newsindex index`.
#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Archive folders (or files) to index.
    #[arg(required = true, value_name = "ARCHIVE")]
    pub archives: Vec<PathBuf>,
    /// Indexing threads (0: one per core, at most 8).
    #[arg(long, default_value_t = 0, value_parser = bounded::<0, 8>)]
    pub threads: usize,
    /// Memory budget of the index writer, in MB (at least 15 per thread).
    #[arg(long, default_value_t = 256, value_name = "MB", value_parser = bounded::<15, 4000>)]
    pub memory: usize,
    /// Empty the index before indexing.
    #[arg(long)]
    pub rebuild: bool,
    /// Skip files larger than this many MB.
    #[arg(long, default_value_t = 32, value_name = "MB", value_parser = bounded::<1, 4096>)]
    pub max_file_mb: usize,
    /// Exit with code 1 when any file was skipped.
    #[arg(long)]
    pub strict: bool,
    /// Skip entity extraction: no person, country, org or topic facets (faster).
    #[arg(long)]
    pub no_entities: bool,
    /// Print neither progress nor skipped files, only the summary.
    #[arg(long, short)]
    pub quiet: bool,
}

/// `newsindex search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Query: words (all required), "phrases", AND/OR/NOT, +word -word, field:word
    /// (title, body, person, country, org, topic, source, section, authors); "*" for all.
    #[arg(value_name = "QUERY", allow_hyphen_values = true)]
    pub query: String,
    /// Only articles mentioning this person (name, alias or surname); repeatable.
    #[arg(long, value_name = "NAME")]
    pub person: Vec<String>,
    /// Only articles mentioning this country; repeatable.
    #[arg(long, value_name = "NAME")]
    pub country: Vec<String>,
    /// Only articles mentioning this organization; repeatable.
    #[arg(long, value_name = "NAME")]
    pub org: Vec<String>,
    /// Only articles on this topic or topic category; repeatable.
    #[arg(long, value_name = "TOPIC")]
    pub topic: Vec<String>,
    /// Only articles from this outlet; repeatable.
    #[arg(long, value_name = "OUTLET")]
    pub source: Vec<String>,
    /// Only articles from this section; repeatable.
    #[arg(long, value_name = "SECTION")]
    pub section: Vec<String>,
    /// Only articles published on or after this date (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub since: Option<Date>,
    /// Only articles published on or before this date (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub until: Option<Date>,
    /// Count this facet over all matches: person, country, org, topic, source, section,
    /// year, month; repeatable.
    #[arg(long, value_parser = parse_facet_kind, value_name = "KIND")]
    pub facet: Vec<FacetKind>,
    /// Values shown per facet.
    #[arg(long, default_value_t = 10, value_name = "N", value_parser = bounded::<0, 100_000>)]
    pub facet_limit: usize,
    /// Hits to show (at most 10,000).
    #[arg(long, short = 'n', default_value_t = 10, value_name = "N", value_parser = bounded::<0, 10_000>)]
    pub limit: usize,
    /// Hits to skip (for paging; at most 1,000,000).
    #[arg(long, default_value_t = 0, value_name = "N", value_parser = bounded::<0, 1_000_000>)]
    pub offset: usize,
    /// Order of hits.
    #[arg(long, value_enum, default_value_t = SortArg::Relevance)]
    pub sort: SortArg,
    /// Passages shown per hit (1 to 10).
    #[arg(long, default_value_t = 1, value_name = "N", value_parser = bounded::<1, 10>)]
    pub fragments: usize,
    /// One hit per group of near-duplicates (syndicated copies), with "N similar".
    #[arg(long)]
    pub collapse: bool,
    /// Print one JSON object instead of text (same as --format json).
    #[arg(long)]
    pub json: bool,
    /// Output: text (aligned, coloured on a terminal), json, or csv (one row per hit).
    #[arg(long, value_enum, default_value_t = SearchFormat::Text)]
    pub format: SearchFormat,
}

/// Outputs of `search --format`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SearchFormat {
    /// For reading.
    Text,
    /// One JSON object (DESIGN.md's shape).
    Json,
    /// One row per hit, with a header row.
    Csv,
}

/// Orders of `--sort`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SortArg {
    /// Best match first.
    Relevance,
    /// Latest first.
    Newest,
    /// Earliest first.
    Oldest,
}

/// `newsindex facets`.
#[derive(Debug, Args)]
pub struct FacetsArgs {
    /// person, country, org, topic, source, section, year or month.
    #[arg(value_parser = parse_facet_kind, value_name = "KIND")]
    pub kind: FacetKind,
    /// Count over the matches of this query instead of every article.
    #[arg(value_name = "QUERY")]
    pub query: Option<String>,
    /// Values to show.
    #[arg(long, short = 'n', default_value_t = 20, value_name = "N", value_parser = bounded::<0, 100_000>)]
    pub limit: usize,
    /// Only values under this path or starting with this text: `/Diplomacy` for topics,
    /// `2023` for months.
    #[arg(long, value_name = "P")]
    pub prefix: Option<String>,
    /// Only values containing this text, case-insensitively (`bour` finds Nasser Bourita).
    #[arg(long = "match", value_name = "TEXT")]
    pub matching: Option<String>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// `newsindex show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Article id (as printed by search) or the path of its file.
    #[arg(value_name = "ID|PATH")]
    pub id_or_path: String,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// `newsindex similar`.
#[derive(Debug, Args)]
pub struct SimilarArgs {
    /// Article id (as printed by search) or the path of its file.
    #[arg(value_name = "ID|PATH")]
    pub id_or_path: String,
    /// Articles to show.
    #[arg(long, short = 'n', default_value_t = 10, value_name = "N", value_parser = bounded::<0, 10_000>)]
    pub limit: usize,
    /// Print JSON (the `search --json` shape, with `"similar_to"` instead of `"query"`).
    #[arg(long)]
    pub json: bool,
}

/// `newsindex stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Top values shown per facet.
    #[arg(long, default_value_t = 5, value_name = "N", value_parser = bounded::<0, 100_000>)]
    pub top: usize,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// `newsindex export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
    pub format: ExportFormat,
}

/// Formats of `export`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    /// One JSON object per line.
    Jsonl,
}

fn parse_date(text: &str) -> Result<Date, String> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(text.trim(), &format)
        .map_err(|_| format!("`{text}` is not a date; write YYYY-MM-DD, e.g. 2023-06-28"))
}

fn parse_facet_kind(text: &str) -> Result<FacetKind, String> {
    FacetKind::from_name(text).ok_or_else(|| {
        format!(
            "unknown facet kind `{text}`; use one of {}",
            FacetKind::names()
        )
    })
}

/// A whole number from MIN to MAX.
fn bounded<const MIN: usize, const MAX: usize>(text: &str) -> Result<usize, String> {
    let value: usize = text
        .trim()
        .parse()
        .map_err(|_| format!("`{text}` is not a whole number"))?;
    if (MIN..=MAX).contains(&value) {
        Ok(value)
    } else {
        Err(format!("{value} is out of range; use {MIN} to {MAX}"))
    }
}
