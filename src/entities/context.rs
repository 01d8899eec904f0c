//! People nobody listed, found from context: a title or role right before a capitalised name
//! ("Federal Reserve Board Chairman Paul Volcker", "spokesman Tom Reed") or attribution
//! ("said Jane Smith", "Jane Smith said", "according to Jane Smith"). Candidates that are
//! places, organizations, months or weekdays are rejected by the caller's gazetteer check and
//! here by word lists.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use super::wordlists::{
    CURRENCY_WORDS, GENERIC_ORG_WORDS, GIVEN_NAMES, LEADING_WORDS, NOT_NAMES, ORG_HEADS, PARTICLES,
    PRESS_WORDS, ROYAL_TITLES, SURNAME_TITLES, TITLES,
};

/// A capitalised name word: "Volcker", "McDonald", "O'Neill", "Al-Zayani", "al-Burhan", or an
/// initial "J.".
const NAME_WORD: &str = r"(?:(?:al-|el-)?\p{Lu}[\p{L}'’-]*\p{Ll}|\p{Lu}\.)";

static TITLED: LazyLock<Regex> = LazyLock::new(|| {
    let titles = TITLES.join("|");
    compile(&format!(
        r"(?-u:\b)(?:{titles})\s+({name})",
        name = name_pattern()
    ))
    .expect("valid regex")
});
static SAID_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?-u:\b)(?:said|says|told|added|according to)\s+({name})",
        name = name_pattern()
    ))
    .expect("valid regex")
});
static SAID_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"({name}),?\s+(?:said|says|told|added|wrote|declared)(?-u:\b)",
        name = name_pattern()
    ))
    .expect("valid regex")
});

static GIVEN_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    let given = GIVEN_NAMES.join("|");
    compile(&format!(
        r"(?-u:\b)((?:{given})(?:\s(?:(?:{PARTICLES})\s)?(?:{NAME_WORD})){{1,2}})"
    ))
    .expect("valid regex")
});
static SURNAME_TITLED: LazyLock<Regex> = LazyLock::new(|| {
    let titles = SURNAME_TITLES.join("|");
    compile(&format!(
        r"(?-u:\b)({titles})\s+({NAME_WORD})(\s+(?:\p{{Lu}}|(?:{PARTICLES})\s))?"
    ))
    .expect("valid regex")
});
static APPOSITIVE: LazyLock<Regex> = LazyLock::new(|| {
    let roles: Vec<&str> = TITLES
        .iter()
        .copied()
        .filter(|t| t.starts_with(char::is_lowercase))
        .collect();
    compile(&format!(
        r"({name}),\s+(?:the\s+|a\s+|an\s+|former\s+|who\s+is\s+)?(?:{roles})(?-u:\b)",
        name = name_pattern(),
        roles = roles.join("|")
    ))
    .expect("valid regex")
});
/// "International Coffee Organization (ICO)", "Union Bank of Switzerland".
static ORG_NAME: LazyLock<Regex> = LazyLock::new(|| {
    let heads = ORG_HEADS.join("|");
    let word = r"\p{Lu}[\p{L}&'’.-]*";
    compile(&format!(
        r"((?:{word}\s+(?:(?:of|for|on|the|de)\s+){{0,2}}){{1,5}}(?:{heads})(?:\s+(?:of|for|on)\s+(?:the\s+)?{word}(?:\s+(?:and\s+)?{word}){{0,3}})?)(?:\s*\((\p{{Lu}}[\p{{Lu}}&-]{{1,7}})\))?"
    ))
    .expect("valid regex")
});

/// Two to four name words, with name particles between them.
fn name_pattern() -> String {
    format!(r"{NAME_WORD}(?:\s(?:(?:{PARTICLES})\s){{0,2}}(?:{NAME_WORD}|[IVX]{{1,4}}(?-u:\b))){{1,3}}")
}

/// Full names introduced by a title or by attribution in `text`, in order of appearance,
/// each with a leading non-name word (sentence start, title) stripped. Possessives are cut.
pub fn candidate_names(text: &str) -> Vec<String> {
    let mut found: Vec<(usize, String)> = Vec::new();
    for re in [
        &*TITLED,
        &*SAID_BEFORE,
        &*SAID_AFTER,
        &*APPOSITIVE,
        &*GIVEN_FIRST,
    ] {
        for caps in re.captures_iter(text) {
            let Some(m) = caps.get(1) else { continue };
            let given_first = std::ptr::eq(re, &*GIVEN_FIRST);
            if given_first && part_of_longer_name(text, m.start(), m.end()) {
                continue;
            }
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

/// True when the capitalised run `text[start..end]` goes on to either side ("Thani bin Ahmed
/// Al Zeyoudi", "James Webb Space Telescope"): a given name inside it proves nothing.
fn part_of_longer_name(text: &str, start: usize, end: usize) -> bool {
    let next = text[end..]
        .strip_prefix(' ')
        .and_then(|rest| rest.split_whitespace().next());
    let prev = text[..start]
        .strip_suffix(' ')
        .and_then(|rest| rest.split_whitespace().last());
    let particle = |w: &str| PARTICLES.split('|').any(|p| p == w);
    let joins = |w: &str| {
        w.starts_with(char::is_uppercase)
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
            && !NOT_NAMES.contains(&w)
            && !is_title(w)
    };
    let next = next.map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()));
    next.is_some_and(joins) || prev.is_some_and(|w| particle(w) || joins(w))
}

/// Surnames introduced by a strong title alone ("President Reagan", "Mr. Volcker"), in order
/// of appearance.
pub fn titled_surnames(text: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for caps in SURNAME_TITLED.captures_iter(text) {
        let (Some(title), Some(m)) = (caps.get(1), caps.get(2)) else {
            continue;
        };
        let possessive = m.as_str().ends_with("'s") || m.as_str().ends_with("’s");
        if caps.get(3).is_some() && !possessive {
            continue;
        }
        let word = m.as_str().trim_end_matches("'s").trim_end_matches("’s");
        let royal = ROYAL_TITLES.contains(&title.as_str());
        let usable = word.chars().count() > 2
            && !NOT_NAMES.contains(&word)
            && (royal || !GIVEN_NAMES.contains(&word))
            && !is_title(word)
            && !word.ends_with('.');
        let name = if royal {
            format!("{} {word}", title.as_str())
        } else {
            word.to_string()
        };
        if usable && !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// Organization names shaped like one ("International Tin Council", "Asian Development
/// Bank", "Union Bank of Switzerland"), each with the acronym given in brackets after it.
pub fn organization_names(text: &str) -> Vec<(std::ops::Range<usize>, String, Option<String>)> {
    let mut found = Vec::new();
    for caps in ORG_NAME.captures_iter(text) {
        let Some(m) = caps.get(1) else { continue };
        let mut offset = 0;
        let mut words: Vec<&str> = m.as_str().split(' ').filter(|w| !w.is_empty()).collect();
        while words
            .first()
            .is_some_and(|w| LEADING_WORDS.contains(w) || is_title(w))
        {
            offset = m.as_str()[offset..]
                .find(words[0])
                .map_or(offset, |i| offset + i + words[0].len() + 1);
            words.remove(0);
        }
        let descriptive = words
            .iter()
            .filter(|w| {
                w.starts_with(char::is_uppercase)
                    && !ORG_HEADS.contains(w)
                    && !LEADING_WORDS.contains(w)
                    && !GENERIC_ORG_WORDS.contains(w)
            })
            .count();
        if words.len() < 2 || descriptive == 0 {
            continue;
        }
        let acronym = caps.get(2).map(|a| a.as_str().to_string());
        found.push(((m.start() + offset)..m.end(), words.join(" "), acronym));
    }
    found
}

/// Drops leading words that cannot start a name and a trailing possessive; `None` when
/// fewer than two name words remain or a word is a month, weekday or other non-name.
pub(crate) fn tidy_name(raw: &str) -> Option<String> {
    let mut words: Vec<&str> = raw.split_whitespace().collect();
    // A possessive ends the name: "Helmut Kohl's CDU-dominated" -> "Helmut Kohl".
    if let Some(i) = words
        .iter()
        .position(|w| w.ends_with("'s") || w.ends_with("’s"))
    {
        words.truncate(i + 1);
        words[i] = words[i].trim_end_matches("'s").trim_end_matches("’s");
    }
    // A title inside ends what came before: "Security Adviser Frank Carlucci".
    if let Some(i) = words.iter().rposition(|w| is_title(w)) {
        words.drain(..=i);
    }
    while words.first().is_some_and(|w| NOT_NAMES.contains(w)) {
        words.remove(0);
    }
    let name_words = words
        .iter()
        .filter(|w| !PARTICLES.split('|').any(|p| p == **w))
        .count();
    let bad = words
        .iter()
        .any(|w| NOT_NAMES.contains(w) || ORG_HEADS.contains(w) || w.ends_with('.') && w.len() > 2);
    (name_words >= 2 && !bad && words.len() <= 4).then(|| words.join(" "))
}

/// True when `word` is one of the one-word [`TITLES`] ("Chair", "Secretary-General").
fn is_title(word: &str) -> bool {
    PLAIN_TITLES.contains(word)
}

/// [`TITLES`] without their regex escapes, for lookups.
static PLAIN_TITLES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    TITLES
        .iter()
        .map(|t| t.replace('\\', "").trim_end_matches('?').to_string())
        .collect()
});

/// Compiles a context pattern with a lazy-DFA cache large enough that scanning many
/// articles does not keep rebuilding states.
fn compile(pattern: &str) -> Result<Regex, regex::Error> {
    regex::RegexBuilder::new(pattern)
        .dfa_size_limit(64 << 20)
        .size_limit(64 << 20)
        .build()
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
    fn surnames_after_strong_titles() {
        assert_eq!(
            titled_surnames("President Reagan said. Mr. Volcker agreed. President Ronald Reagan"),
            ["Reagan", "Volcker"]
        );
        assert!(titled_surnames("President Monday").is_empty());
    }

    #[test]
    fn organizations_by_shape() {
        let found = organization_names(
            "The International Coffee Organization (ICO) met. Union Bank of Switzerland said.",
        );
        let names: Vec<_> = found
            .iter()
            .map(|(_, n, a)| (n.as_str(), a.as_deref()))
            .collect();
        assert_eq!(
            names,
            [
                ("International Coffee Organization", Some("ICO")),
                ("Union Bank of Switzerland", None)
            ]
        );
        assert!(organization_names("The Central Bank said.").is_empty());
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
            && (!NOT_NAMES.contains(&word) || PRESS_WORDS.contains(&word))
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

/// True when the word after `end` names a currency or a security ("Swiss franc",
/// "Australian dollar bonds"): the adjective before it is then no mention of a country.
pub fn names_a_currency(text: &str, end: usize) -> bool {
    let next = text[end..]
        .strip_prefix(' ')
        .and_then(|rest| rest.split_whitespace().next());
    next.is_some_and(|w| {
        CURRENCY_WORDS.contains(&w.trim_end_matches(|c: char| !c.is_alphanumeric()))
    })
}

/// True when the place starting at `start` is where a security is listed or traded
/// ("listed in Luxembourg", "quoted on the Tokyo exchange"), not where the story happens.
pub fn after_listing(text: &str, start: usize) -> bool {
    let before = text[..start]
        .trim_end()
        .trim_end_matches(" the")
        .to_ascii_lowercase();
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
    .any(|phrase| before.ends_with(phrase))
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
