//! `newsindex search` and `newsindex facets`.

use std::io::Write;

use newsindex::entities::EntityKind;
use newsindex::index::schema::FacetKind;
use newsindex::search::{
    FacetChoice, FacetCount, Hit, SearchIndex, SearchRequest, SearchResults, SortOrder,
};
use serde_json::json;

use super::EXIT_OK;
use super::args::{Cli, FacetsArgs, SearchArgs, SearchFormat, SimilarArgs, SortArg};
use super::output::{Style, facets_json, hit_json, printable};

/// Runs `search`.
pub fn search(cli: &Cli, args: &SearchArgs, out: &mut impl Write) -> anyhow::Result<u8> {
    let index = SearchIndex::open(&cli.index, cli.schema.as_deref())?;
    let request = request_of(args);
    let results = index.search(&request)?;
    match (args.json, args.format) {
        (true, _) | (false, SearchFormat::Json) => write_json(out, args, &results)?,
        (false, SearchFormat::Csv) => write_csv(out, &results)?,
        (false, SearchFormat::Text) => write_human(out, args, &results, Style::detect())?,
    }
    Ok(EXIT_OK)
}

fn request_of(args: &SearchArgs) -> SearchRequest {
    let mut filters = Vec::new();
    let groups = [
        (FacetKind::Entity(EntityKind::Person), &args.person),
        (FacetKind::Entity(EntityKind::Country), &args.country),
        (FacetKind::Entity(EntityKind::Org), &args.org),
        (FacetKind::Entity(EntityKind::Topic), &args.topic),
        (FacetKind::Source, &args.source),
        (FacetKind::Section, &args.section),
    ];
    for (kind, values) in groups {
        filters.extend(values.iter().map(|v| (kind, v.clone())));
    }
    SearchRequest {
        query: args.query.clone(),
        filters,
        since: args.since,
        until: args.until,
        facets: args.facet.clone(),
        facet_limit: args.facet_limit,
        limit: args.limit,
        offset: args.offset,
        fragments: args.fragments,
        collapse: args.collapse,
        sort: match args.sort {
            SortArg::Relevance => SortOrder::Relevance,
            SortArg::Newest => SortOrder::Newest,
            SortArg::Oldest => SortOrder::Oldest,
        },
    }
}

fn write_json(
    out: &mut impl Write,
    args: &SearchArgs,
    results: &SearchResults,
) -> anyhow::Result<()> {
    let took_ms = (results.took.as_secs_f64() * 1000.0 * 100.0).round() / 100.0;
    let object = json!({
        "query": args.query,
        "total": results.total,
        "took_ms": took_ms,
        "hits": results.hits.iter().map(|h| hit_json(h, args.collapse)).collect::<Vec<_>>(),
        "facets": facets_json(&results.facets),
    });
    writeln!(out, "{}", serde_json::to_string(&object)?)?;
    Ok(())
}

/// One row per hit, for spreadsheets: date, source, title, path, people, countries, topics,
/// snippet (plain text).
fn write_csv(out: &mut impl Write, results: &SearchResults) -> std::io::Result<()> {
    writeln!(
        out,
        "published,source,title,path,people,countries,topics,snippet"
    )?;
    for hit in &results.hits {
        let a = &hit.stored.article;
        let e = &hit.stored.entities;
        let row = [
            a.published.map(|d| d.to_string()).unwrap_or_default(),
            a.source.clone().unwrap_or_default(),
            a.title.clone(),
            a.path.clone(),
            e.names(EntityKind::Person).join("; "),
            e.names(EntityKind::Country).join("; "),
            e.names(EntityKind::Topic).join("; "),
            hit.snippet.text.clone(),
        ];
        let cells: Vec<String> = row.iter().map(|cell| csv_cell(cell)).collect();
        writeln!(out, "{}", cells.join(","))?;
    }
    Ok(())
}

/// A CSV cell: quoted, with inner quotes doubled, when it holds a comma, quote or newline.
fn csv_cell(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

fn write_human(
    out: &mut impl Write,
    args: &SearchArgs,
    results: &SearchResults,
    style: Style,
) -> std::io::Result<()> {
    let noun = if results.total == 1 {
        "article"
    } else {
        "articles"
    };
    let took = results.took.as_secs_f64() * 1000.0;
    writeln!(
        out,
        "{} {noun} match \"{}\" ({took:.1} ms)",
        results.total, args.query
    )?;
    for (rank, hit) in results.hits.iter().enumerate() {
        writeln!(out)?;
        write_hit(out, args.offset + rank + 1, hit, style)?;
    }
    if results.hits.is_empty() && results.total > 0 && args.offset > 0 {
        writeln!(out, "(no hits on this page; lower --offset)")?;
    }
    for (kind, values) in &results.facets {
        writeln!(out)?;
        write_facet_block(out, *kind, values, style)?;
    }
    Ok(())
}

fn write_hit(out: &mut impl Write, rank: usize, hit: &Hit, style: Style) -> std::io::Result<()> {
    let a = &hit.stored.article;
    let title = if a.title.is_empty() {
        "(untitled)"
    } else {
        &a.title
    };
    writeln!(out, "{rank:>3}. {}", style.bold(&printable(title)))?;
    let mut meta: Vec<String> = Vec::new();
    meta.extend(a.source.clone());
    meta.extend(a.section.clone());
    meta.extend(a.published.map(|d| d.to_string()));
    if hit.score > 0.0 {
        meta.push(format!("score {:.2}", hit.score));
    }
    meta.push(format!("id {}", a.id));
    if hit.similar > 0 {
        meta.push(format!("{} similar", hit.similar));
    }
    writeln!(out, "     {}", style.dim(&printable(&meta.join(" · "))))?;
    let (open, close) = style.highlight_marks();
    let passages = if hit.fragments.is_empty() {
        std::slice::from_ref(&hit.snippet)
    } else {
        &hit.fragments[..]
    };
    for passage in passages {
        let text = passage.marked(open, close, printable);
        if !text.is_empty() {
            writeln!(out, "     {text}")?;
        }
    }
    let entities = &hit.stored.entities;
    let mut parts = Vec::new();
    for (kind, label) in [
        (EntityKind::Person, "people"),
        (EntityKind::Country, "countries"),
        (EntityKind::Org, "orgs"),
        (EntityKind::Topic, "topics"),
    ] {
        let names: Vec<String> = entities.names(kind).into_iter().take(4).collect();
        if !names.is_empty() {
            parts.push(format!("{label}: {}", names.join(", ")));
        }
    }
    if !parts.is_empty() {
        writeln!(out, "     {}", style.dim(&printable(&parts.join(" · "))))?;
    }
    writeln!(out, "     {}", style.dim(&printable(&a.path)))
}

/// Prints one facet kind as an aligned table with counts.
pub fn write_facet_block(
    out: &mut impl Write,
    kind: FacetKind,
    values: &[FacetCount],
    style: Style,
) -> std::io::Result<()> {
    writeln!(out, "{}", style.bold(kind.name()))?;
    if values.is_empty() {
        return writeln!(out, "  (none)");
    }
    let width = values
        .iter()
        .map(|v| v.value.chars().count())
        .max()
        .unwrap_or(0)
        .min(40);
    let timeline = matches!(kind, FacetKind::Year | FacetKind::Month);
    let most = values.iter().map(|v| v.count).max().unwrap_or(1).max(1);
    for value in values {
        if timeline {
            let bar = style.bar(value.count, most, BAR_WIDTH);
            writeln!(out, "  {:<width$}  {:>6}  {bar}", value.value, value.count)?;
        } else {
            writeln!(out, "  {:<width$}  {:>6}", value.value, value.count)?;
        }
    }
    Ok(())
}

/// Width of the longest bar of a year or month histogram, in characters.
const BAR_WIDTH: u64 = 40;

/// Runs `facets`.
pub fn facets(cli: &Cli, args: &FacetsArgs, out: &mut impl Write) -> anyhow::Result<u8> {
    let index = SearchIndex::open(&cli.index, cli.schema.as_deref())?;
    let query = args.query.as_deref().unwrap_or("");
    let choice = FacetChoice {
        prefix: args.prefix.clone(),
        contains: args.matching.clone(),
    };
    let (total, values) = index.facet_values(args.kind, query, &choice, args.limit)?;
    if args.json {
        let object = json!({"kind": args.kind.name(), "total_docs": total, "values": values});
        writeln!(out, "{}", serde_json::to_string(&object)?)?;
    } else {
        writeln!(out, "{total} articles")?;
        write_facet_block(out, args.kind, &values, Style::detect())?;
    }
    Ok(EXIT_OK)
}

/// Runs `similar`.
pub fn similar(cli: &Cli, args: &SimilarArgs, out: &mut impl Write) -> anyhow::Result<u8> {
    let index = SearchIndex::open(&cli.index, cli.schema.as_deref())?;
    let (source, results) = index.similar(&args.id_or_path, args.limit)?;
    if args.json {
        let took_ms = (results.took.as_secs_f64() * 1000.0 * 100.0).round() / 100.0;
        let object = json!({
            "similar_to": source.article.id,
            "total": results.total,
            "took_ms": took_ms,
            "hits": results.hits.iter().map(|h| hit_json(h, false)).collect::<Vec<_>>(),
        });
        writeln!(out, "{}", serde_json::to_string(&object)?)?;
        return Ok(EXIT_OK);
    }
    let style = Style::detect();
    writeln!(out, "articles like: {}", style.bold(&source.article.title))?;
    for (rank, hit) in results.hits.iter().enumerate() {
        writeln!(out)?;
        write_hit(out, rank + 1, hit, style)?;
    }
    Ok(EXIT_OK)
}
