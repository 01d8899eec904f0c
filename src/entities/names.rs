//! Names nobody listed, found from context in one pass over the words of a text: runs of
//! capitalised words, and the words around each run. A run is a person when a title comes
//! before it ("Federal Reserve Board Chairman Paul Volcker", "spokesman Tom Reed"), a speech
//! verb before or after it ("said Jane Smith", "Jane Smith said", "according to Jane Smith"),
//! a role after a comma ("Alan Greenspan, chairman of"), or when it opens with a common given
//! name ("Paul Volcker"). One word after a strong title is a surname ("President Reagan").
//! A run followed by a company word ("Eli Lilly and Co") marks that name as a company's, and
//! a run after "newspaper" or "daily" is a publication: neither is a person. The same pass
//! reads organizations by the shape of their names (see [`super::org_names`]).

use rustc_hash::FxHashSet;
use std::ops::Range;
use std::sync::LazyLock;

use super::org_names::{consider_org, org_run_end};
use super::tokens::{Token, tokenize_into};
use super::wordlists::{
    BUSINESS_NOUN_SET, GIVEN_NAME_SET, LEGAL_FORM_SET, NOT_NAME_SET, ORG_HEAD_SET, PARTICLE_SET,
    ROYAL_TITLES, SURNAME_TITLES, TITLES,
};

const SPEECH_VERBS: [&str; 6] = ["said", "says", "told", "added", "wrote", "declared"];

/// What one text names from context.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Found {
    /// Full names of people, in order of appearance.
    pub people: Vec<String>,
    /// Surnames (or "King Fahd") introduced by a strong title alone.
    pub surnames: Vec<String>,
    /// Organizations: name, bracketed acronym.
    pub orgs: Vec<(String, Option<String>)>,
    /// Names shaped like people's that the text shows to be companies ("Eli Lilly and Co",
    /// "Baxter Travenol Laboratories Inc"): no person of that name counts in the article.
    pub companies: Vec<String>,
    /// Person-shaped names that end an organization's name ("the World Bureau of Metal
    /// Statistics said"): a person only when a known place opens them ("the Bank of Japan
    /// Yasushi Mieno said"), which the extractor can tell.
    pub org_tails: Vec<String>,
}

/// Scans `text` once for people, titled surnames and organizations. Paragraphs (split at
/// blank lines) are read one at a time into one reused token buffer, which stays in the
/// processor's cache; names and titles do not run across paragraphs.
pub fn scan(text: &str) -> Found {
    let mut found = Found::default();
    // Room for the tokens of most paragraphs at once (a token takes five bytes or more).
    let mut tokens = Vec::with_capacity((text.len() / 5).min(4096));
    for paragraph in paragraphs(text) {
        tokenize_into(text, paragraph, &mut tokens);
        scan_tokens(&tokens, &mut found);
    }
    found
}

/// The byte ranges of the paragraphs of `text`, split at blank lines ("\n\n").
fn paragraphs(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut from = 0;
    let mut breaks = memchr::memmem::find_iter(text.as_bytes(), b"\n\n");
    std::iter::from_fn(move || {
        if from > text.len() {
            return None;
        }
        let end = breaks.next().unwrap_or(text.len());
        let paragraph = from..end;
        from = end + 2;
        Some(paragraph)
    })
}

fn scan_tokens(tokens: &[Token], found: &mut Found) {
    let mut i = 0;
    while i < tokens.len() {
        if !tokens[i].name {
            i += 1;
            continue;
        }
        let end = person_run_end(tokens, i);
        note_company(tokens, i, end, found);
        consider_person(tokens, i, end, found);
        let org_end = org_run_end(tokens, i);
        consider_org(tokens, i, org_end, found);
        i = end.max(i + 1);
    }
}

/// Words that open the name of a French, Spanish or Italian bank or company ("Banque
/// Nationale de Paris", "Societe Generale"): a name holding one is no person's.
const COMPANY_LEADS: [&str; 5] = ["Banque", "Banco", "Societe", "Société", "Compagnie"];

/// A legal form or business noun: the capitalised words before it name a company.
fn is_company_word(word: &str) -> bool {
    LEGAL_FORM_SET.has(word) || BUSINESS_NOUN_SET.has(word)
}

/// Notes the name-shaped words of the run `start..end` as a company's when a company word
/// follows them inside the run ("Baxter Travenol Laboratories Inc") or right after it
/// ("Eli Lilly and Co", "Wells Fargo & Co").
fn note_company(tokens: &[Token], start: usize, end: usize, found: &mut Found) {
    let inside = (start + 1..end).find(|&k| is_company_word(tokens[k].core));
    let cut = inside.or_else(|| {
        let and = tokens.get(end)?;
        let suffix = tokens.get(end + 1)?.core;
        let joined = and.is_and() && !tokens[end - 1].breaks;
        (joined && matches!(suffix, "Co" | "Company" | "Sons")).then_some(end)
    });
    let Some(cut) = cut else {
        return;
    };
    let words: Vec<&str> = tokens[start..cut].iter().map(|t| t.core).collect();
    if let Some(name) = tidy_name(&words.join(" "))
        && !found.companies.contains(&name)
    {
        found.companies.push(name);
    }
}

fn is_particle(word: &str) -> bool {
    PARTICLE_SET.has(word)
}

fn is_roman(word: &str) -> bool {
    !word.is_empty() && word.len() <= 4 && word.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// End (exclusive) of the run of name tokens from `start`: name words, particles between
/// them, a regnal number; a comma, full stop or possessive ends it.
fn person_run_end(tokens: &[Token], start: usize) -> usize {
    let mut end = start;
    while end < tokens.len() {
        let t = &tokens[end];
        let fits = t.name
            || (end > start && is_roman(t.core))
            || (end > start
                && is_particle(t.core)
                && tokens
                    .get(end + 1)
                    .is_some_and(|n| n.name || is_particle(n.core)));
        if !fits {
            break;
        }
        end += 1;
        if t.breaks {
            break;
        }
    }
    end
}

fn consider_person(tokens: &[Token], start: usize, end: usize, found: &mut Found) {
    // A title inside the run ("Chairman Paul Volcker", "President Reagan") introduces what
    // follows it.
    let (start, before) = match (start..end).rev().find(|&k| is_title(tokens[k].core)) {
        Some(k) if k + 1 < end => (k + 1, Some(inner_title(tokens, start, k))),
        Some(_) => return,
        None => (start, title_before(tokens, start)),
    };
    let org_tail = ends_an_org_name(tokens, start, end);
    let last = &tokens[end - 1];
    if end - start == 1 {
        if let Some(title) = before.filter(|t| SURNAME_TITLES_PLAIN.contains(t.as_str())) {
            let clear_end = !last.breaks
                || last.possessive
                || last.comma
                || tokens.get(end).is_none_or(|n| !n.name);
            push_surname(&title, tokens[start].core, clear_end, found);
        }
        return;
    }
    if names_a_publication(tokens, start) {
        return;
    }
    let words: Vec<&str> = tokens[start..end].iter().map(|t| t.core).collect();
    let after = tokens.get(end).map(|t| t.core);
    let said_after =
        after.is_some_and(|w| SPEECH_VERBS.contains(&w)) && (!last.breaks || last.comma);
    let said_before = start >= 1
        && (SPEECH_VERBS.contains(&tokens[start - 1].core)
            || (start >= 2
                && tokens[start - 2].core == "according"
                && tokens[start - 1].core == "to"));
    let appositive = last.comma && role_follows(tokens, end);
    let given = GIVEN_NAME_SET.has(words[0]) && words.len() <= 3 && !continues_left(tokens, start);
    if (before.is_some() || said_after || said_before || appositive || given)
        && let Some(name) = tidy_name(&words.join(" "))
    {
        let list = match org_tail {
            true => &mut found.org_tails,
            false => &mut found.people,
        };
        if !list.contains(&name) {
            list.push(name);
        }
    }
}

/// True when the run `start..end` is the end of an organization's name, after a head noun
/// and "of", and holds no given name: "the World Bureau of Metal Statistics said" (see
/// [`Found::org_tails`]); "the Bank of England Robin Leigh-Pemberton said" is a person.
fn ends_an_org_name(tokens: &[Token], start: usize, end: usize) -> bool {
    start >= 2
        && tokens[start - 1].core == "of"
        && !tokens[start - 2].breaks
        && ORG_HEAD_SET.has(tokens[start - 2].core)
        && !tokens[start..end]
            .iter()
            .any(|t| GIVEN_NAME_SET.has(t.core))
}

/// Nouns that put the name after them in italics: "the newspaper El Peruano said".
const PUBLICATION_NOUNS: [&str; 10] = [
    "newspaper",
    "daily",
    "weekly",
    "magazine",
    "journal",
    "paper",
    "tabloid",
    "newsletter",
    "agency",
    "broadcaster",
];

/// True when the word before `start` says that a publication's name follows.
fn names_a_publication(tokens: &[Token], start: usize) -> bool {
    start
        .checked_sub(1)
        .is_some_and(|k| !tokens[k].breaks && PUBLICATION_NOUNS.contains(&tokens[k].core))
}

fn push_surname(title: &str, word: &str, clear_end: bool, found: &mut Found) {
    let royal = ROYAL_TITLES.contains(&title);
    let usable = clear_end
        && word.chars().count() > 2
        && !NOT_NAME_SET.has(word)
        && (royal || !GIVEN_NAME_SET.has(word))
        && !is_title(word)
        && !word.ends_with('.');
    let name = if royal {
        format!("{title} {word}")
    } else {
        word.to_string()
    };
    if usable && !found.surnames.contains(&name) {
        found.surnames.push(name);
    }
}

/// The title ending at token `k` inside a run that starts at `start`, with the word before it
/// when the two make a longer title ("Prime Minister").
fn inner_title(tokens: &[Token], start: usize, k: usize) -> String {
    let word = tokens[k].core.trim_end_matches('.');
    if k > start {
        let pair = format!("{} {word}", tokens[k - 1].core.trim_end_matches('.'));
        if PLAIN_TITLES.contains(pair.as_str()) {
            return pair;
        }
    }
    word.to_string()
}

/// The title (one to three words) right before token `start`, if any.
fn title_before(tokens: &[Token], start: usize) -> Option<String> {
    // Most words before a name end no title: turn them away without building strings.
    let last = tokens
        .get(start.checked_sub(1)?)?
        .core
        .trim_end_matches('.');
    if !TITLE_LAST_WORDS.contains(last) {
        return None;
    }
    (1..=3.min(start)).rev().find_map(|n| {
        let words = &tokens[start - n..start];
        if words[..n - 1].iter().any(|t| t.breaks)
            || words[n - 1].breaks && !words[n - 1].raw.ends_with('.')
        {
            return None;
        }
        let title = words
            .iter()
            .map(|t| t.core.trim_end_matches('.'))
            .collect::<Vec<_>>()
            .join(" ");
        PLAIN_TITLES.contains(title.as_str()).then_some(title)
    })
}

/// "Alan Greenspan, chairman of ...": a lower-case role after the comma.
fn role_follows(tokens: &[Token], end: usize) -> bool {
    let mut i = end;
    if tokens
        .get(i)
        .is_some_and(|t| matches!(t.core, "the" | "a" | "an" | "former"))
    {
        i += 1;
    }
    tokens
        .get(i)
        .is_some_and(|t| t.core.starts_with(char::is_lowercase) && PLAIN_TITLES.contains(t.core))
}

/// True when the word before `start` is capitalised or a particle: the run is the tail of a
/// longer name ("Thani bin Ahmed Al Zeyoudi").
fn continues_left(tokens: &[Token], start: usize) -> bool {
    start > 0 && {
        let prev = &tokens[start - 1];
        !prev.breaks
            && (is_particle(prev.core)
                || (prev.name && !NOT_NAME_SET.has(prev.core) && !is_title(prev.core)))
    }
}

/// A United States legislator's party and state after the name ("D-Vt", "R-Kan").
fn is_party_tag(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 3 && matches!(b[0], b'D' | b'R' | b'I') && b[1] == b'-' && b[2].is_ascii_uppercase()
}

/// Drops leading words that cannot start a name, everything up to a title inside the name,
/// and a possessive; `None` when fewer than two name words remain or a word is a month,
/// weekday, organization word or other non-name.
pub(crate) fn tidy_name(raw: &str) -> Option<String> {
    let mut words: Vec<&str> = raw.split_whitespace().collect();
    if let Some(i) = words
        .iter()
        .position(|w| w.ends_with("'s") || w.ends_with("’s"))
    {
        words.truncate(i + 1);
        words[i] = words[i].trim_end_matches("'s").trim_end_matches("’s");
    }
    if words.last().is_some_and(|w| is_party_tag(w)) {
        words.pop();
    }
    if let Some(i) = words.iter().rposition(|w| is_title(w)) {
        words.drain(..=i);
    }
    let opener = |w: &str| NOT_NAME_SET.has(w) || (w.len() > 5 && w.ends_with("ing"));
    while words.first().is_some_and(|w| opener(w)) {
        words.remove(0);
    }
    let name_words = words.iter().filter(|w| !is_particle(w)).count();
    let bad = words.iter().any(|w| {
        NOT_NAME_SET.has(w)
            || ORG_HEAD_SET.has(w)
            || COMPANY_LEADS.contains(w)
            || (w.ends_with('.') && w.len() > 2)
    });
    (name_words >= 2 && !bad && name_words <= 4).then(|| words.join(" "))
}

/// True when `word` is one of the [`TITLES`] ("Chair", "Secretary-General").
pub(crate) fn is_title(word: &str) -> bool {
    PLAIN_TITLES.contains(word.trim_end_matches('.'))
}

/// [`TITLES`] without regex escapes or dots ("Lt Gen", "Mr").
static PLAIN_TITLES: LazyLock<FxHashSet<String>> = LazyLock::new(|| plain(TITLES));
static SURNAME_TITLES_PLAIN: LazyLock<FxHashSet<String>> = LazyLock::new(|| plain(SURNAME_TITLES));
/// The last word of every title ("Minister" of "Prime Minister").
static TITLE_LAST_WORDS: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    PLAIN_TITLES
        .iter()
        .filter_map(|t| t.split_whitespace().last().map(str::to_string))
        .collect()
});

fn plain(titles: &[&str]) -> FxHashSet<String> {
    titles
        .iter()
        .map(|t| t.replace("\\.", "").replace(['?', '\\'], ""))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(text: &str) -> Vec<String> {
        scan(text).people
    }

    #[test]
    fn the_end_of_an_organization_name_is_no_person() {
        let text = "The World Bureau of Metal Statistics said stocks fell. A spokesman for \
                    the Bank of New England said nothing. Governor of the Bank of England \
                    Robin Leigh-Pemberton said rates were right.";
        // The extractor then drops the known place at the front (see
        // `Extractor::strip_known_prefix`): Robin Leigh-Pemberton.
        assert_eq!(people(text), ["England Robin Leigh-Pemberton"]);
        assert_eq!(scan(text).org_tails, ["Metal Statistics"]);
    }

    #[test]
    fn legal_forms_and_business_nouns_mark_companies() {
        let found = scan("Eli Lilly Corporation and Morgan Grenfell Holdings said they agreed.");
        assert_eq!(found.companies, ["Eli Lilly", "Morgan Grenfell"]);
    }

    #[test]
    fn titles_introduce_names() {
        let text = "Federal Reserve Board Chairman Paul Volcker said rates would stay. Treasury Secretary James Baker agreed, and Bundesbank President Karl Otto Poehl did not.";
        assert_eq!(
            people(text),
            ["Paul Volcker", "James Baker", "Karl Otto Poehl"]
        );
    }

    #[test]
    fn attribution_introduces_names() {
        let text = "\"Prices will rise,\" said Jane Okafor. Omar Haddad said he disagreed, according to Lena Brandt.";
        assert_eq!(people(text), ["Jane Okafor", "Omar Haddad", "Lena Brandt"]);
    }

    #[test]
    fn appositive_and_given_names() {
        assert_eq!(
            people("Rita Moreno, chairman of the board, left."),
            ["Rita Moreno"]
        );
        assert_eq!(
            people("Shares rose after Alan Greenspan spoke."),
            ["Alan Greenspan"]
        );
        assert!(people("The James Webb Space Telescope flew.").is_empty());
        assert!(
            people("Minister Thani bin Ahmed Al Zeyoudi spoke.")
                .contains(&"Thani bin Ahmed Al Zeyoudi".to_string())
        );
    }

    #[test]
    fn months_weekdays_and_sentence_starts_are_rejected() {
        assert!(people("The Ministry said on Monday. In March Trading said nothing.").is_empty());
        assert_eq!(people("But Ana Ruiz said so."), ["Ana Ruiz"]);
    }

    #[test]
    fn leading_and_inner_titles_are_not_part_of_names() {
        assert_eq!(
            people("Chair Jerome Powell said rates would rise."),
            ["Jerome Powell"]
        );
        assert_eq!(people("said Secretary-General Ana Ruiz."), ["Ana Ruiz"]);
        assert_eq!(
            people("Environmental Protection Agency Administrator Lee Thomas said"),
            ["Lee Thomas"]
        );
        assert_eq!(
            people("President Reagan's National Security Adviser Frank Carlucci"),
            ["Frank Carlucci"]
        );
    }

    #[test]
    fn companies_shaped_like_names() {
        let found = scan(
            "Eli Lilly and Co said. Baxter Travenol Laboratories Inc rose. Wells Fargo & Co fell. \
             Jane Okafor and colleagues left.",
        );
        assert_eq!(
            found.companies,
            ["Eli Lilly", "Baxter Travenol", "Wells Fargo"]
        );
    }

    #[test]
    fn publications_are_no_people() {
        assert!(people("the government newspaper El Peruano said on Monday").is_empty());
        assert!(people("the daily Sotsialisticheskaya Industriya said").is_empty());
        assert_eq!(people("the newspaper said Ana Ruiz left"), ["Ana Ruiz"]);
    }

    #[test]
    fn banks_and_bureaus_are_no_people() {
        for text in [
            "said Banque Nationale de Paris.",
            "Societe Generale said it would",
            "the Census Bureau said",
            "said the New York Fed",
        ] {
            assert!(people(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn party_tags_are_no_part_of_names() {
        assert_eq!(
            people("said Senator Patrick Leahy D-Vt in a statement"),
            ["Patrick Leahy"]
        );
    }

    #[test]
    fn possessives_and_particles() {
        assert_eq!(
            people("envoy Staffan de Mistura's visit"),
            ["Staffan de Mistura"]
        );
        assert_eq!(
            people("Mexican President Miguel de la Madrid said"),
            ["Miguel de la Madrid"]
        );
    }

    #[test]
    fn surnames_after_strong_titles() {
        let found = scan(
            "President Reagan said. Mr. Volcker agreed. President Ronald Reagan spoke. King Fahd of Saudi Arabia. President Reagan's adviser.",
        );
        assert_eq!(found.surnames, ["Reagan", "Volcker", "King Fahd"]);
        assert!(scan("President Monday").surnames.is_empty());
    }
}
