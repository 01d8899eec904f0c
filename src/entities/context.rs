//! People nobody listed, found from context: a title or role right before a capitalised name
//! ("Federal Reserve Board Chairman Paul Volcker", "spokesman Tom Reed") or attribution
//! ("said Jane Smith", "Jane Smith said", "according to Jane Smith"). Candidates that are
//! places, organizations, months or weekdays are rejected by the caller's gazetteer check and
//! here by word lists.

use std::sync::LazyLock;

use regex::Regex;

use super::wordlists::{NOT_NAMES, PARTICLES, TITLES};

/// A capitalised name word: "Volcker", "McDonald", "O'Neill", "Al-Zayani", "al-Burhan", or an
/// initial "J.".
const NAME_WORD: &str = r"(?:(?:al-|el-)?\p{Lu}[\p{L}'’-]*\p{Ll}|\p{Lu}\.)";

static TITLED: LazyLock<Regex> = LazyLock::new(|| {
    let titles = TITLES.join("|");
    Regex::new(&format!(
        r"\b(?:{titles})\s+({name})",
        name = name_pattern()
    ))
    .expect("valid regex")
});
static SAID_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?:said|says|told|added|according to)\s+({name})",
        name = name_pattern()
    ))
    .expect("valid regex")
});
static SAID_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"({name}),?\s+(?:said|says|told|added|wrote|declared)\b",
        name = name_pattern()
    ))
    .expect("valid regex")
});

/// Two to four name words, with name particles between them.
fn name_pattern() -> String {
    format!(r"{NAME_WORD}(?:\s(?:(?:{PARTICLES})\s)?(?:{NAME_WORD}|[IVX]{{1,4}}\b)){{1,3}}")
}

/// Full names introduced by a title or by attribution in `text`, in order of appearance,
/// each with a leading non-name word (sentence start, title) stripped. Possessives are cut.
pub fn candidate_names(text: &str) -> Vec<String> {
    let mut found: Vec<(usize, String)> = Vec::new();
    for re in [&*TITLED, &*SAID_BEFORE, &*SAID_AFTER] {
        for caps in re.captures_iter(text) {
            let Some(m) = caps.get(1) else { continue };
            if let Some(name) = tidy_name(m.as_str()) {
                found.push((m.start(), name));
            }
        }
    }
    found.sort_by_key(|(at, _)| *at);
    let mut names: Vec<String> = Vec::new();
    for (_, name) in found {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// Drops leading words that cannot start a name and a trailing possessive; `None` when
/// fewer than two name words remain or a word is a month, weekday or other non-name.
pub(crate) fn tidy_name(raw: &str) -> Option<String> {
    let mut words: Vec<&str> = raw.split_whitespace().collect();
    while words
        .first()
        .is_some_and(|w| NOT_NAMES.contains(w) || is_title(w))
    {
        words.remove(0);
    }
    if let Some(last) = words.last_mut() {
        *last = last.trim_end_matches("'s").trim_end_matches("’s");
    }
    let name_words = words
        .iter()
        .filter(|w| !PARTICLES.split('|').any(|p| p == **w))
        .count();
    let bad = words.iter().any(|w| NOT_NAMES.contains(w));
    (name_words >= 2 && !bad && words.len() <= 4).then(|| words.join(" "))
}

/// True when `word` is one of the one-word [`TITLES`] ("Chair", "Secretary-General").
fn is_title(word: &str) -> bool {
    TITLES
        .iter()
        .any(|t| t.replace('\\', "").trim_end_matches('?') == word)
}

/// The surname of a full name: its last word, unless that is a regnal number.
pub fn surname(name: &str) -> Option<&str> {
    let last = name.split_whitespace().last()?;
    let roman = last.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
    (!roman && last.chars().count() > 2 && name.contains(' ')).then_some(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_introduce_names() {
        let text = "Federal Reserve Board Chairman Paul Volcker said rates would stay. Treasury Secretary James Baker agreed, and Bundesbank President Karl Otto Poehl did not.";
        assert_eq!(
            candidate_names(text),
            ["Paul Volcker", "James Baker", "Karl Otto Poehl"]
        );
    }

    #[test]
    fn attribution_introduces_names() {
        let text = "\"Prices will rise,\" said Jane Okafor. Omar Haddad said he disagreed, according to Lena Brandt.";
        assert_eq!(
            candidate_names(text),
            ["Jane Okafor", "Omar Haddad", "Lena Brandt"]
        );
    }

    #[test]
    fn months_weekdays_and_sentence_starts_are_rejected() {
        assert!(
            candidate_names("The Ministry said on Monday. In March Trading said nothing.")
                .is_empty()
        );
        assert_eq!(candidate_names("But Ana Ruiz said so."), ["Ana Ruiz"]);
    }

    #[test]
    fn possessives_and_particles() {
        assert_eq!(
            candidate_names("envoy Staffan de Mistura's visit"),
            ["Staffan de Mistura"]
        );
        assert_eq!(surname("Staffan de Mistura"), Some("Mistura"));
        assert_eq!(surname("Mohammed VI"), None);
    }
}

/// True when the match `text[start..end]` is part of a longer capitalised name: glued to a
/// capitalised word before it ("Michael Jordan") or after it ("Jordan Henderson",
/// "Washington Post"). Words that usually follow a country ("President", "River") and words
/// before it that end a clause ("Amman,") do not count.
pub fn joined_to_name(text: &str, start: usize, end: usize) -> bool {
    let after = text[end..]
        .strip_prefix(' ')
        .and_then(|rest| rest.split_whitespace().next());
    let before = text[..start]
        .strip_suffix(' ')
        .and_then(|rest| rest.split_whitespace().last());
    let is_name_word = |word: &str| {
        word.chars().next().is_some_and(char::is_uppercase)
            && word
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
            && !NOT_NAMES.contains(&word)
            && !TITLES.contains(&word)
    };
    let next_is_name = after.is_some_and(|w| {
        let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        is_name_word(w.trim_end_matches("’s").trim_end_matches("'s"))
    });
    let prev_is_name = before.is_some_and(|w| {
        is_name_word(w) && !(sentence_start_before(text, start, w) && looks_like_verb_or_adverb(w))
    });
    next_is_name || prev_is_name
}

/// "Visiting", "Asked", "Separately": sentence openers that are not first names.
fn looks_like_verb_or_adverb(word: &str) -> bool {
    ["ing", "ed", "ly"]
        .iter()
        .any(|end| word.len() > 4 && word.ends_with(end))
}

/// True when `word`, just before `start`, opens a sentence (so its capital says nothing).
fn sentence_start_before(text: &str, start: usize, word: &str) -> bool {
    let word_start = start.saturating_sub(word.len() + 1);
    let before = text[..word_start].trim_end();
    before.is_empty() || before.ends_with(['.', '!', '?', '"', '“', '”', '\n'])
}

/// True when the month-like word at `text[start..end]` ("May") is used as a date: after
/// "in", "on", "since", "until", "by", "last", "next", "early", "late", "mid", "of" or before
/// a number.
pub fn used_as_date(text: &str, start: usize, end: usize) -> bool {
    const DATE_WORDS: [&str; 13] = [
        "in", "on", "since", "until", "by", "last", "next", "early", "late", "mid", "of", "from",
        "to",
    ];
    let before = text[..start]
        .trim_end()
        .rsplit(|c: char| c.is_whitespace() || c == '-')
        .next()
        .unwrap_or("");
    let after = text[end..].trim_start();
    DATE_WORDS.contains(&before.to_lowercase().as_str())
        || after.starts_with(|c: char| c.is_ascii_digit())
}

/// True when `word` is a month name.
pub fn is_month(word: &str) -> bool {
    NOT_NAMES.contains(&word)
        && [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ]
        .contains(&word)
}

/// Number of times `word` occurs in `text` as a whole word.
pub fn count_word(text: &str, word: &str) -> u32 {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    text.match_indices(word)
        .filter(|(at, _)| {
            let before = text[..*at].chars().next_back();
            let after = text[at + word.len()..].chars().next();
            !before.is_some_and(is_word) && !after.is_some_and(is_word)
        })
        .count() as u32
}

#[cfg(test)]
mod join_tests {
    use super::*;

    fn joined(text: &str, word: &str) -> bool {
        let start = text.find(word).unwrap();
        joined_to_name(text, start, start + word.len())
    }

    #[test]
    fn a_country_inside_a_person_name() {
        assert!(joined("Michael Jordan scored 40 points.", "Jordan"));
        assert!(joined("The striker Jordan Henderson signed.", "Jordan"));
        assert!(joined("Fighter Israel Adesanya won.", "Israel"));
        assert!(joined("He read the Washington Post daily.", "Washington"));
    }

    #[test]
    fn a_country_in_running_text() {
        assert!(!joined("Egypt and Jordan signed.", "Jordan"));
        assert!(!joined(
            "Jordan said it would reopen the crossing.",
            "Jordan"
        ));
        assert!(!joined(
            "Officials in Amman, Jordan confirmed it.",
            "Jordan"
        ));
        assert!(!joined(
            "Talks in Washington ended. Washington said no.",
            "Washington"
        ));
        assert!(!joined("Jordan River levels fell.", "Jordan"));
    }

    #[test]
    fn whole_word_counts() {
        assert_eq!(
            count_word("Volcker said. Mr. Volcker, Volckers", "Volcker"),
            2
        );
    }
}

#[cfg(test)]
mod title_strip_tests {
    use super::*;

    #[test]
    fn leading_titles_are_not_part_of_names() {
        assert_eq!(
            candidate_names("Chair Jerome Powell said rates would rise."),
            ["Jerome Powell"]
        );
        assert_eq!(
            candidate_names("said Secretary-General Ana Ruiz."),
            ["Ana Ruiz"]
        );
    }
}
