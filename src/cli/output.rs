//! Terminal styling and the JSON shapes of the command line (a public contract, see
//! DESIGN.md). Colour and bold only on a terminal, never with NO_COLOR or in a pipe.

use std::io::IsTerminal;

use newsindex::entities::{Entities, EntityKind};
use newsindex::index::document::StoredArticle;
use newsindex::index::schema::FacetKind;
use newsindex::search::{FacetCount, Hit};
use serde_json::{Map, Value, json};

/// How to style text for stdout.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    color: bool,
}

impl Style {
    /// Colour when stdout is a terminal and NO_COLOR is unset.
    pub fn detect() -> Style {
        Style::choose(
            std::io::stdout().is_terminal(),
            std::env::var_os("NO_COLOR").as_deref(),
        )
    }

    /// Colour only on a terminal, and never when `NO_COLOR` holds a value (no-color.org: an
    /// empty value counts as unset).
    pub fn choose(terminal: bool, no_color: Option<&std::ffi::OsStr>) -> Style {
        let no_color = no_color.is_some_and(|v| !v.is_empty());
        Style {
            color: terminal && !no_color,
        }
    }

    fn paint(self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    /// Bold text (titles).
    pub fn bold(self, text: &str) -> String {
        self.paint("1", text)
    }

    /// Dim text (metadata).
    pub fn dim(self, text: &str) -> String {
        self.paint("2", text)
    }

    /// A bar of `count` out of `most`, `width` characters at most: blocks on a terminal,
    /// `#` otherwise; at least one mark for a non-zero count.
    pub fn bar(self, count: u64, most: u64, width: u64) -> String {
        let len = (count * width)
            .div_ceil(most.max(1))
            .max(u64::from(count > 0)) as usize;
        let mark = if self.color { "█" } else { "#" };
        mark.repeat(len)
    }

    /// Highlighted match inside a snippet: bold yellow on a terminal, `*word*` otherwise.
    pub fn highlight_marks(self) -> (&'static str, &'static str) {
        if self.color {
            ("\x1b[1;33m", "\x1b[0m")
        } else {
            ("*", "*")
        }
    }
}

/// Archive text made safe for a terminal: control characters (escape sequences an article
/// might carry) are dropped, line breaks become spaces.
pub fn printable(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// `search --json` hit object.
pub fn hit_json(hit: &Hit, collapsed: bool) -> Value {
    let a = &hit.stored.article;
    let mut object = json!({
        "id": a.id,
        "path": a.path,
        "url": a.url,
        "title": a.title,
        "subtitle": a.subtitle,
        "source": a.source,
        "section": a.section,
        "published": a.published.map(|d| d.to_string()),
        "score": (f64::from(hit.score) * 1000.0).round() / 1000.0,
        "snippet": hit.snippet.to_html(),
    });
    if !hit.fragments.is_empty() {
        object["fragments"] = json!(
            hit.fragments
                .iter()
                .map(|f| f.to_html())
                .collect::<Vec<_>>()
        );
    }
    if collapsed {
        object["similar"] = json!(hit.similar);
    }
    add_entity_lists(&mut object, &hit.stored.entities);
    object
}

/// `show --json` / `export` object: every stored field, entity lists and mention counts.
pub fn article_json(stored: &StoredArticle) -> Value {
    let a = &stored.article;
    let mut object = json!({
        "id": a.id,
        "path": a.path,
        "paths": std::iter::once(&a.path).chain(&stored.copies).collect::<Vec<_>>(),
        "url": a.url,
        "title": a.title,
        "subtitle": a.subtitle,
        "section": a.section,
        "source": a.source,
        "authors": a.authors,
        "published": a.published.map(|d| d.to_string()),
        "body": a.body,
        "captions": a.captions,
    });
    add_entity_lists(&mut object, &stored.entities);
    let mut mentions = Map::new();
    for kind in EntityKind::ALL {
        let counts: Map<String, Value> = stored
            .entities
            .of(kind)
            .iter()
            .map(|m| (m.name.clone(), json!(m.count)))
            .collect();
        mentions.insert(kind.name().to_string(), Value::Object(counts));
    }
    object["mentions"] = Value::Object(mentions);
    object
}

fn add_entity_lists(object: &mut Value, entities: &Entities) {
    for kind in EntityKind::ALL {
        object[kind.name()] = json!(entities.names(kind));
    }
}

/// `{"person": [{"value": ..., "count": ...}], ...}` for a list of facet counts.
pub fn facets_json(facets: &[(FacetKind, Vec<FacetCount>)]) -> Value {
    let map: Map<String, Value> = facets
        .iter()
        .map(|(kind, values)| (kind.name().to_string(), json!(values)))
        .collect();
    Value::Object(map)
}

/// Human-readable byte size.
pub fn human_bytes(bytes: u64) -> String {
    let units = ["B", "KB", "MB", "GB", "TB"];
    let mut size = bytes as f64;
    let mut unit = 0;
    while size >= 1024.0 && unit + 1 < units.len() {
        size /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} B")
    } else {
        format!("{size:.1} {}", units[unit])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    #[test]
    fn colour_only_on_a_terminal_without_no_color() {
        assert!(Style::choose(true, None).color);
        assert!(!Style::choose(false, None).color);
        assert!(!Style::choose(true, Some(OsStr::new("1"))).color);
        assert!(Style::choose(true, Some(OsStr::new(""))).color);
        assert_eq!(Style::choose(false, None).bold("x"), "x");
        assert_eq!(Style::choose(true, None).bold("x"), "\x1b[1mx\x1b[0m");
    }
}
