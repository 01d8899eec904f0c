//! The gazetteer files of `schema/`: their TOML shapes, the built-in copies compiled into the
//! binary, and merging a user's `--schema DIR` over them (an entry with the same canonical
//! name replaces the built-in one; new entries are added).

use std::path::Path;

use serde::Deserialize;

use crate::clean::parse_toml;
use crate::error::{Error, Result};

const COUNTRIES: &str = include_str!("../../schema/countries.toml");
const PEOPLE: &str = include_str!("../../schema/people.toml");
const ORGANIZATIONS: &str = include_str!("../../schema/organizations.toml");
const TOPICS: &str = include_str!("../../schema/topics.toml");

/// A country or territory (`[[country]]` in `countries.toml`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountrySpec {
    /// Canonical name, the facet value.
    pub name: String,
    /// ISO 3166-1 alpha-2 code, empty when there is none.
    #[serde(default)]
    pub code: String,
    /// Other names.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Abbreviations such as "U.S.".
    #[serde(default)]
    pub abbreviations: Vec<String>,
    /// Demonyms and adjectives ("Moroccan").
    #[serde(default)]
    pub demonyms: Vec<String>,
    /// Capital and major cities.
    #[serde(default)]
    pub cities: Vec<String>,
    /// Former names ("Burma").
    #[serde(default)]
    pub historical: Vec<String>,
    /// States, provinces and regions, with their usual abbreviations ("Texas", "Calif.",
    /// "Ont."): they count for the country like cities.
    #[serde(default)]
    pub regions: Vec<String>,
    /// Strings of this entry that are also people's names ("Jordan", "Chad", "Israel",
    /// "Washington"): they count only when not joined to another capitalised word.
    #[serde(default)]
    pub person_names: Vec<String>,
    /// Strings of this entry that mean something else as often ("Georgia", the US state):
    /// they count only when the article also names the entry another way or holds one of
    /// `context`.
    #[serde(default)]
    pub needs_context: Vec<String>,
    /// Words that confirm an ambiguous string ("Tbilisi", "Caucasus").
    #[serde(default)]
    pub context: Vec<String>,
}

/// A person (`[[person]]` in `people.toml`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonSpec {
    /// Canonical full name, the facet value.
    pub name: String,
    /// Other full names that identify the person alone.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Surname forms, counted only when the person is named in full in the same article.
    /// Absent means the last word of the name.
    pub short: Option<Vec<String>>,
    /// Role, for display.
    pub role: Option<String>,
    /// Country, canonical name.
    pub country: Option<String>,
}

impl PersonSpec {
    /// The surname forms: `short` when given, else the last word of a multi-word name
    /// (not a regnal number such as "VI").
    pub fn short_forms(&self) -> Vec<String> {
        if let Some(short) = &self.short {
            return short.clone();
        }
        let words: Vec<&str> = self.name.split_whitespace().collect();
        match words.as_slice() {
            [_, .., last] if !is_roman_numeral(last) && last.len() > 2 => vec![last.to_string()],
            _ => Vec::new(),
        }
    }
}

fn is_roman_numeral(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// An organization (`[[org]]` in `organizations.toml`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrgSpec {
    /// Canonical name, the facet value.
    pub name: String,
    /// Other names.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Acronyms, matched case-sensitively.
    #[serde(default)]
    pub abbreviations: Vec<String>,
    /// Country, canonical name.
    pub country: Option<String>,
}

/// A topic rule (`[[topic]]` in `topics.toml`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicSpec {
    /// Taxonomy path, "Diplomacy/Abraham Accords".
    pub path: String,
    /// Phrases that signal the topic (case-insensitive).
    pub any: Vec<String>,
    /// At least one of these must also appear, when given.
    #[serde(default)]
    pub with: Vec<String>,
    /// Matches of `any` needed; 1 when absent.
    pub min_mentions: Option<u32>,
}

impl TopicSpec {
    /// The path split into its segments.
    pub fn segments(&self) -> Vec<String> {
        self.path
            .split('/')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CountryFile {
    #[serde(default)]
    country: Vec<CountrySpec>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct PeopleFile {
    #[serde(default)]
    person: Vec<PersonSpec>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct OrgFile {
    #[serde(default)]
    org: Vec<OrgSpec>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct TopicFile {
    #[serde(default)]
    topic: Vec<TopicSpec>,
}

/// All gazetteers and topic rules.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    /// Countries and territories.
    pub countries: Vec<CountrySpec>,
    /// People.
    pub people: Vec<PersonSpec>,
    /// Organizations.
    pub orgs: Vec<OrgSpec>,
    /// Topic rules.
    pub topics: Vec<TopicSpec>,
}

impl Gazetteer {
    /// The gazetteers compiled into the binary.
    pub fn builtin() -> Result<Self> {
        let mut gazetteer = Gazetteer::default();
        gazetteer.merge_texts(
            "built-in ",
            &[
                Some(COUNTRIES),
                Some(PEOPLE),
                Some(ORGANIZATIONS),
                Some(TOPICS),
            ],
        )?;
        Ok(gazetteer)
    }

    /// The built-in gazetteers with the files of `dir` merged over them.
    pub fn with_overrides(dir: Option<&Path>) -> Result<Self> {
        let mut gazetteer = Self::builtin()?;
        if let Some(dir) = dir {
            gazetteer.merge_dir(dir)?;
        }
        Ok(gazetteer)
    }

    /// Merges `countries.toml`, `people.toml`, `organizations.toml` and `topics.toml` from
    /// `dir`, each when present.
    pub fn merge_dir(&mut self, dir: &Path) -> Result<()> {
        if !dir.is_dir() {
            return Err(Error::BadArgument(format!(
                "schema folder {} does not exist",
                dir.display()
            )));
        }
        let mut texts = Vec::new();
        for name in FILE_NAMES {
            let path = dir.join(name);
            texts.push(match path.is_file() {
                true => Some(std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?),
                false => None,
            });
        }
        let prefix = format!("{}/", dir.display());
        let refs: Vec<Option<&str>> = texts.iter().map(|t| t.as_deref()).collect();
        self.merge_texts(&prefix, &refs)
    }

    fn merge_texts(&mut self, prefix: &str, texts: &[Option<&str>]) -> Result<()> {
        let name = |i: usize| format!("{prefix}{}", FILE_NAMES[i]);
        if let Some(text) = texts[0] {
            let file: CountryFile = parse_toml(&name(0), text)?;
            merge_by(&mut self.countries, file.country, |c| c.name.clone());
        }
        if let Some(text) = texts[1] {
            let file: PeopleFile = parse_toml(&name(1), text)?;
            merge_by(&mut self.people, file.person, |p| p.name.clone());
        }
        if let Some(text) = texts[2] {
            let file: OrgFile = parse_toml(&name(2), text)?;
            merge_by(&mut self.orgs, file.org, |o| o.name.clone());
        }
        if let Some(text) = texts[3] {
            let file: TopicFile = parse_toml(&name(3), text)?;
            merge_by(&mut self.topics, file.topic, |t| t.path.clone());
        }
        Ok(())
    }
}

const FILE_NAMES: [&str; 4] = [
    "countries.toml",
    "people.toml",
    "organizations.toml",
    "topics.toml",
];

/// Adds `new` entries to `list`, replacing entries with the same key.
fn merge_by<T>(list: &mut Vec<T>, new: Vec<T>, key: impl Fn(&T) -> String) {
    for entry in new {
        let k = key(&entry);
        match list.iter_mut().find(|existing| key(existing) == k) {
            Some(existing) => *existing = entry,
            None => list.push(entry),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_gazetteers_load() {
        let g = Gazetteer::builtin().unwrap();
        assert!(g.countries.len() >= 190);
        assert!(g.people.iter().any(|p| p.name == "Nasser Bourita"));
        assert!(g.orgs.iter().any(|o| o.name == "Knesset"));
        assert!(
            g.topics
                .iter()
                .any(|t| t.path.ends_with("/Abraham Accords"))
        );
    }

    #[test]
    fn short_forms_default_to_surname() {
        let person = |name: &str| PersonSpec {
            name: name.into(),
            ..PersonSpec::default()
        };
        assert_eq!(person("Yoav Gallant").short_forms(), ["Gallant"]);
        assert!(person("Mohammed VI").short_forms().is_empty());
        assert!(person("Madonna").short_forms().is_empty());
    }

    #[test]
    fn override_dir_replaces_and_adds() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("people.toml"),
            "[[person]]\nname = \"Nasser Bourita\"\naliases = [\"N. Bourita\"]\n\n[[person]]\nname = \"Ada Testperson\"\n",
        )
        .unwrap();
        let g = Gazetteer::with_overrides(Some(dir.path())).unwrap();
        let bourita: Vec<_> = g
            .people
            .iter()
            .filter(|p| p.name == "Nasser Bourita")
            .collect();
        assert_eq!(bourita.len(), 1);
        assert_eq!(bourita[0].aliases, ["N. Bourita"]);
        assert!(g.people.iter().any(|p| p.name == "Ada Testperson"));
    }

    #[test]
    fn bad_override_names_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("countries.toml"),
            "[[country]]\nname = \"X\"\ncolour = \"red\"\n",
        )
        .unwrap();
        let err = Gazetteer::with_overrides(Some(dir.path()))
            .unwrap_err()
            .to_string();
        assert!(err.contains("countries.toml: line 3"), "{err}");
    }
}
