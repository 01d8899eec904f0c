//! `newsindex show`, `newsindex stats` and `newsindex export`.

use std::io::Write;

use newsindex::entities::EntityKind;
use newsindex::search::SearchIndex;
use serde_json::json;

use super::EXIT_OK;
use super::args::{Cli, ExportArgs, ShowArgs, StatsArgs};
use super::output::{Style, article_json, facets_json, human_bytes, printable};
use super::search_cmd::write_facet_block;

/// Runs `show`.
pub fn show(cli: &Cli, args: &ShowArgs, out: &mut impl Write) -> anyhow::Result<u8> {
    let index = SearchIndex::open(&cli.index, cli.schema.as_deref())?;
    let stored = index.get(&args.id_or_path)?;
    if args.json {
        writeln!(out, "{}", serde_json::to_string(&article_json(&stored))?)?;
        return Ok(EXIT_OK);
    }
    let style = Style::detect();
    let a = &stored.article;
    writeln!(out, "{}", style.bold(&printable(&a.title)))?;
    if let Some(subtitle) = &a.subtitle {
        writeln!(out, "{}", printable(subtitle))?;
    }
    writeln!(out)?;
    let rows = [
        ("id", Some(a.id.clone())),
        ("path", Some(a.path.clone())),
        (
            "copies",
            (!stored.copies.is_empty()).then(|| stored.copies.join(", ")),
        ),
        ("url", a.url.clone()),
        ("source", a.source.clone()),
        ("section", a.section.clone()),
        (
            "authors",
            (!a.authors.is_empty()).then(|| a.authors.join(", ")),
        ),
        ("published", a.published.map(|d| d.to_string())),
    ];
    for (label, value) in rows {
        if let Some(value) = value {
            writeln!(out, "{:<10} {}", style.dim(label), printable(&value))?;
        }
    }
    for kind in EntityKind::ALL {
        let list: Vec<String> = stored
            .entities
            .of(kind)
            .iter()
            .map(|m| format!("{} ({})", m.name, m.count))
            .collect();
        if !list.is_empty() {
            writeln!(out, "{:<10} {}", style.dim(kind.name()), list.join(", "))?;
        }
    }
    for caption in &a.captions {
        writeln!(out, "{:<10} {}", style.dim("caption"), printable(caption))?;
    }
    writeln!(out)?;
    for paragraph in a.paragraphs() {
        writeln!(out, "{}\n", printable(paragraph))?;
    }
    Ok(EXIT_OK)
}

/// Runs `stats`.
pub fn stats(cli: &Cli, args: &StatsArgs, out: &mut impl Write) -> anyhow::Result<u8> {
    let index = SearchIndex::open(&cli.index, cli.schema.as_deref())?;
    let stats = index.stats(args.top)?;
    if args.json {
        let object = json!({
            "index": cli.index.display().to_string(),
            "docs": stats.docs,
            "duplicates": {
                "exact_copies": stats.copies,
                "near_groups": stats.near_groups,
                "near_grouped_articles": stats.near_grouped,
            },
            "index_bytes": stats.index_bytes,
            "segments": stats.segments,
            "fields": stats.fields,
            "facets": facets_json(&stats.facets),
        });
        writeln!(out, "{}", serde_json::to_string(&object)?)?;
        return Ok(EXIT_OK);
    }
    let style = Style::detect();
    writeln!(out, "index     {}", cli.index.display())?;
    writeln!(out, "articles  {}", stats.docs)?;
    writeln!(
        out,
        "copies    {} files folded as exact copies; {} near-duplicate groups of {} articles",
        stats.copies, stats.near_groups, stats.near_grouped
    )?;
    writeln!(out, "size      {}", human_bytes(stats.index_bytes))?;
    writeln!(out, "segments  {}", stats.segments)?;
    writeln!(out, "fields    {}", stats.fields.join(", "))?;
    for (kind, values) in &stats.facets {
        writeln!(out)?;
        write_facet_block(out, *kind, values, style)?;
    }
    Ok(EXIT_OK)
}

/// Runs `export`.
pub fn export(cli: &Cli, _args: &ExportArgs, out: &mut impl Write) -> anyhow::Result<u8> {
    let index = SearchIndex::open(&cli.index, cli.schema.as_deref())?;
    for stored in index.all_articles() {
        writeln!(out, "{}", serde_json::to_string(&article_json(&stored?))?)?;
    }
    Ok(EXIT_OK)
}

/// Runs `schema check DIR`: loads the files of DIR over the built-ins and reports counts.
pub fn schema_check(dir: &std::path::Path, out: &mut impl Write) -> anyhow::Result<u8> {
    let gazetteer = newsindex::entities::gazetteer::Gazetteer::with_overrides(Some(dir))?;
    newsindex::entities::Extractor::new(&gazetteer)?;
    newsindex::clean::Boilerplate::with_overrides(Some(dir))?;
    writeln!(
        out,
        "{} is valid: {} countries, {} people, {} organizations, {} topics after merging",
        dir.display(),
        gazetteer.countries.len(),
        gazetteer.people.len(),
        gazetteer.orgs.len(),
        gazetteer.topics.len()
    )?;
    Ok(EXIT_OK)
}
