//! `newsindex search` and `newsindex facets`.

use std::io::Write;

use newsindex::entities::EntityKind;
use newsindex::index::schema::FacetKind;
use newsindex::search::{FacetCount, Hit, SearchIndex, SearchRequest, SearchResults, SortOrder};
use serde_json::json;

use super::EXIT_OK;
use super::args::{Cli, FacetsArgs, SearchArgs, SortArg};
use super::output::{Style, facets_json, hit_json};

/// Runs `search`.
pub fn search(cli: &Cli, args: &SearchArgs, out: &mut impl Write) -> anyhow::Result<u8> {
    let index = SearchIndex::open(&cli.index, cli.schema.as_deref())?;
    let request = request_of(args);
    let results = index.search(&request)?;
    if args.json {
        write_json(out, args, &results)?;
    } else {
        write_human(out, args, &results, Style::detect())?;
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
        "hits": results.hits.iter().map(hit_json).collect::<Vec<_>>(),
        "facets": facets_json(&results.facets),
    });
    writeln!(out, "{}", serde_json::to_string(&object)?)?;
    Ok(())
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
    if results.hits.is_empty() && results.total > 0 {
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
    writeln!(out, "{rank:>3}. {}", style.bold(title))?;
    let mut meta: Vec<String> = Vec::new();
    meta.extend(a.source.clone());
    meta.extend(a.section.clone());
    meta.extend(a.published.map(|d| d.to_string()));
    if hit.score > 0.0 {
        meta.push(format!("score {:.2}", hit.score));
    }
    meta.push(format!("id {}", a.id));
    writeln!(out, "     {}", style.dim(&meta.join(" · ")))?;
    let (open, close) = style.highlight_marks();
    let snippet = hit.snippet.marked(open, close, |s| s.to_string());
    if !snippet.is_empty() {
        writeln!(out, "     {snippet}")?;
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
        writeln!(out, "     {}", style.dim(&parts.join(" · ")))?;
    }
    writeln!(out, "     {}", style.dim(&a.path))
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
    for value in values {
        writeln!(out, "  {:<width$}  {:>6}", value.value, value.count)?;
    }
    Ok(())
}

/// Runs `facets`.
pub fn facets(cli: &Cli, args: &FacetsArgs, out: &mut impl Write) -> anyhow::Result<u8> {
    let index = SearchIndex::open(&cli.index, cli.schema.as_deref())?;
    let query = args.query.as_deref().unwrap_or("");
    let (total, values) = index.facet_values(args.kind, query, args.limit)?;
    if args.json {
        let object = json!({"kind": args.kind.name(), "total_docs": total, "values": values});
        writeln!(out, "{}", serde_json::to_string(&object)?)?;
    } else {
        writeln!(out, "{total} articles")?;
        write_facet_block(out, args.kind, &values, Style::detect())?;
    }
    Ok(EXIT_OK)
}
