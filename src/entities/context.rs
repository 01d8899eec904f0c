//! Context rules around gazetteer matches: whether a country's name is part of a person's
//! name ("Michael Jordan"), a month is used as a date ("in May"), a demonym qualifies a
//! currency ("Swiss franc"), a city names an agreement ("the Paris accord"), a place is a
//! listing venue ("listed in Luxembourg"); and word counting for surnames.

use super::names::is_title;
use super::wordlists::{CURRENCY_WORD_SET, NOT_NAME_SET, PRESS_WORD_SET};

/// The surname of a full name: its last word, unless that is a regnal number.
pub fn surname(name: &str) -> Option<&str> {
    let last = name.split_whitespace().last()?;
    let roman = last.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
    (!roman && last.chars().count() > 2 && name.contains(' ')).then_some(last)
}

/// True when the match `text[start..end]` is part of a longer capitalised name: glued to a
/// capitalised word before it ("Michael Jordan") or after it ("Jordan Henderson",
/// "Washington Post"). Words that usually follow a country ("President", "River") and words
/// before it that end a clause ("Amman,") do not count.
pub fn joined_to_name(text: &str, start: usize, end: usize) -> bool {
    // Neighbours separated by whitespace of any kind (space, tab, no-break space).
    let rest = &text[end..];
    let after = rest
        .starts_with(char::is_whitespace)
        .then(|| rest.split_whitespace().next())
        .flatten();
    let head = &text[..start];
    let before = head
        .ends_with(char::is_whitespace)
        .then(|| head.trim_end())
        .and_then(|head| head.split_whitespace().last().map(|w| (head, w)));
    let is_name_word = |word: &str| {
        word.chars().next().is_some_and(char::is_uppercase)
            && word
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
            && (!NOT_NAME_SET.has(word) || PRESS_WORD_SET.has(word))
            && !is_title(word)
    };
    let next_is_name = after.is_some_and(|w| {
        let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        is_name_word(w.trim_end_matches("’s").trim_end_matches("'s"))
    });
    let prev_is_name = before.is_some_and(|(head, w)| {
        // `w` ends `head`, so what precedes it is `head` without it.
        let opens_sentence = sentence_opens(&head[..head.len() - w.len()]);
        is_name_word(w) && !(opens_sentence && looks_like_verb_or_adverb(w))
    });
    next_is_name || prev_is_name
}

/// "Visiting", "Asked", "Separately": sentence openers that are not first names.
fn looks_like_verb_or_adverb(word: &str) -> bool {
    ["ing", "ed", "ly"]
        .iter()
        .any(|end| word.len() > 4 && word.ends_with(end))
}

/// True when a word right after `before` opens a sentence (so its capital says nothing).
fn sentence_opens(before: &str) -> bool {
    let before = before.trim_end();
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
    NOT_NAME_SET.has(word)
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

/// True when the word after `end` names a currency or a security ("Swiss franc",
/// "Australian dollar bonds"): the adjective before it is then no mention of a country.
pub fn names_a_currency(text: &str, end: usize) -> bool {
    word_after(text, end).is_some_and(|w| CURRENCY_WORD_SET.has(w))
}

/// True when the word after `end` names an agreement ("the Paris accord", "the Oslo
/// Accords"): the city before it names the agreement and is no mention of its country.
pub fn names_an_agreement(text: &str, end: usize) -> bool {
    word_after(text, end).is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "accord" | "accords" | "agreement" | "pact"
        )
    })
}

/// The word one space after `end`, without the punctuation that trails it.
fn word_after(text: &str, end: usize) -> Option<&str> {
    let next = text[end..].strip_prefix(' ')?.split_whitespace().next()?;
    Some(next.trim_end_matches(|c: char| !c.is_alphanumeric()))
}

/// True when the place starting at `start` is where a security is listed or traded
/// ("listed in Luxembourg", "quoted on the Tokyo exchange"), not where the story happens.
pub fn after_listing(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end().trim_end_matches(" the").as_bytes();
    [
        "listed in",
        "listed on",
        "quoted in",
        "quoted on",
        "listing in",
        "listing on",
        "traded in",
        "traded on",
    ]
    .iter()
    .any(|phrase| {
        let tail = before.len().checked_sub(phrase.len());
        tail.is_some_and(|at| before[at..].eq_ignore_ascii_case(phrase.as_bytes()))
    })
}

/// Number of times `word` occurs in `text` as a whole word.
pub fn count_word(text: &str, word: &str) -> u32 {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let whole = |at: usize| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(is_word) && !after.is_some_and(is_word)
    };
    if word.is_empty() {
        return text
            .match_indices(word)
            .filter(|(at, _)| whole(*at))
            .count() as u32;
    }
    // A needle that is valid UTF-8 matches at character boundaries only.
    memchr::memmem::find_iter(text.as_bytes(), word.as_bytes())
        .filter(|&at| whole(at))
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
    fn any_whitespace_and_non_ascii_neighbours() {
        assert!(joined("Élan  Jordan scored.", "Jordan"));
        assert!(joined("Michael\u{a0}Jordan scored.", "Jordan"));
        assert!(!joined("São Paulo\tand  Jordan agreed.", "Jordan"));
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
