//! Prefix (`sovereign*`) and fuzzy (`Burita~1`) words, which tantivy's query parser does not
//! expand: they are taken out of the query text and become clauses of their own, over the
//! default fields or the field named before them (`person:burita~1`).

use std::sync::LazyLock;

use regex::Regex;
use tantivy::Term;
use tantivy::query::{BooleanQuery, FuzzyTermQuery, Occur, Query, RegexQuery};
use tantivy::schema::Field;

use crate::error::{Error, Result};
use crate::index::OpenIndex;
use crate::index::schema::NAME_TOKENIZER;
use crate::search::snippet::ExpandedWord;

/// `+word*`, `-field:word~2`: sign, field, word, and `*` or `~N`.
static SPECIAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([+-]?)(?:([A-Za-z_]+):)?([\p{L}\p{N}]+)(\*|~([0-2])?)$").expect("valid regex")
});

/// What a special word asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expansion {
    /// Every word starting with this text.
    Prefix,
    /// Every word within this many edits.
    Fuzzy(u8),
}

/// One prefix or fuzzy word taken out of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecialWord {
    /// `-` excludes, anything else requires.
    pub exclude: bool,
    /// Field named before the word.
    pub field: Option<String>,
    /// The word, as typed.
    pub word: String,
    /// Prefix or fuzzy.
    pub expansion: Expansion,
}

/// Splits a query into the text tantivy's parser reads and the special words, which are
/// whitespace-separated tokens outside quotes.
pub fn split_special_words(query: &str) -> (String, Vec<SpecialWord>) {
    let mut rest = Vec::new();
    let mut special = Vec::new();
    let mut in_quotes = false;
    for token in query.split_whitespace() {
        let quotes = token.matches('"').count();
        let outside = !in_quotes && quotes == 0;
        if quotes % 2 == 1 {
            in_quotes = !in_quotes;
        }
        match SPECIAL.captures(token).filter(|_| outside) {
            Some(caps) => special.push(SpecialWord {
                exclude: &caps[1] == "-",
                field: caps.get(2).map(|m| m.as_str().to_string()),
                word: caps[3].to_string(),
                expansion: match caps.get(4).map(|m| m.as_str()) {
                    Some("*") => Expansion::Prefix,
                    _ => {
                        Expansion::Fuzzy(caps.get(5).map_or(1, |d| d.as_str().parse().unwrap_or(1)))
                    }
                },
            }),
            None => rest.push(token),
        }
    }
    (rest.join(" "), special)
}

/// The clause of one special word over `defaults` or its own field.
pub fn special_clause(
    open: &OpenIndex,
    defaults: &[Field],
    word: &SpecialWord,
) -> Result<(Occur, Box<dyn Query>)> {
    let fields = match &word.field {
        Some(name) => vec![open.index.schema().get_field(name).map_err(|_| {
            Error::BadQuery(format!("unknown field `{name}` before `{}`", word.word))
        })?],
        None => defaults.to_vec(),
    };
    let mut alternatives: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for field in fields {
        let query: Box<dyn Query> = match word.expansion {
            Expansion::Prefix => {
                let prefix = analyze(open, field, &word.word, true)?;
                let pattern = format!("{}.*", regex::escape(&prefix));
                Box::new(
                    RegexQuery::from_pattern(&pattern, field)
                        .map_err(|e| Error::BadQuery(e.to_string()))?,
                )
            }
            Expansion::Fuzzy(distance) => {
                let text = analyze(open, field, &word.word, false)?;
                Box::new(FuzzyTermQuery::new(
                    Term::from_field_text(field, &text),
                    distance,
                    true,
                ))
            }
        };
        alternatives.push((Occur::Should, query));
    }
    let occur = if word.exclude {
        Occur::MustNot
    } else {
        Occur::Must
    };
    Ok((occur, Box::new(BooleanQuery::new(alternatives))))
}

/// The highlight form of each special word that is not excluded, for snippets over
/// `field` (body text: stemmed for fuzzy words, plain for prefixes).
pub fn highlight_words(
    open: &OpenIndex,
    field: Field,
    words: &[SpecialWord],
) -> Result<Vec<ExpandedWord>> {
    words
        .iter()
        .filter(|w| !w.exclude)
        .map(|w| {
            Ok(match w.expansion {
                Expansion::Prefix => ExpandedWord::Prefix(analyze(open, field, &w.word, true)?),
                Expansion::Fuzzy(d) => {
                    ExpandedWord::Fuzzy(analyze(open, field, &w.word, false)?, d)
                }
            })
        })
        .collect()
}

/// `word` as the field indexes it: lower-cased and folded, and stemmed unless `plain` (a
/// prefix must not be stemmed).
fn analyze(open: &OpenIndex, field: Field, word: &str, plain: bool) -> Result<String> {
    let mut analyzer = if plain {
        open.index
            .tokenizers()
            .get(NAME_TOKENIZER)
            .ok_or_else(|| Error::BadQuery("no analyzer".into()))?
    } else {
        open.index.tokenizer_for_field(field)?
    };
    let mut stream = analyzer.token_stream(word);
    let mut text = String::new();
    while stream.advance() {
        text.push_str(&stream.token().text);
    }
    Ok(if text.is_empty() {
        word.to_lowercase()
    } else {
        text
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_words_leave_the_rest_of_the_query() {
        let (rest, special) =
            split_special_words(r#"sovereign* "western sahara" -person:burita~2 oil"#);
        assert_eq!(rest, r#""western sahara" oil"#);
        assert_eq!(special.len(), 2);
        assert_eq!(special[0].expansion, Expansion::Prefix);
        assert_eq!(
            special[1],
            SpecialWord {
                exclude: true,
                field: Some("person".into()),
                word: "burita".into(),
                expansion: Expansion::Fuzzy(2),
            }
        );
    }

    #[test]
    fn words_inside_quotes_are_not_special() {
        let (rest, special) = split_special_words(r#""phrase prefix*" Bourita~"#);
        assert_eq!(rest, r#""phrase prefix*""#);
        assert_eq!(special[0].expansion, Expansion::Fuzzy(1));
    }
}
