//! Organizations nobody listed, found from context by the shape of their names in the
//! tokens the context scan of [`super::names`] reads: a run of capitalised words and
//! connectors ("of", "for") that ends in a head noun ("International Tin Council", "Union
//! Bank of Switzerland"), without the words that only stand before a name ("The",
//! "Abidjan-based"), with the acronym in brackets after it. One descriptive word after "and"
//! takes in the words before it ("Savings and Loan Association").

use super::names::{Found, is_title};
use super::tokens::Token;
use super::wordlists::{GENERIC_ORG_WORD_SET, LEADING_WORD_SET, LEGAL_FORM_SET, ORG_HEAD_SET};

/// Small words inside organizations' names ("Bank of England").
const ORG_CONNECTORS: [&str; 8] = ["of", "for", "on", "the", "de", "du", "des", "la"];

/// End (exclusive) of an organization-shaped run: capitalised words with connectors.
pub(super) fn org_run_end(tokens: &[Token], start: usize) -> usize {
    let mut end = start;
    while end < tokens.len() {
        let t = &tokens[end];
        let capital = t.core.starts_with(char::is_uppercase) && !t.raw.starts_with('(');
        let connector = end > start
            && ORG_CONNECTORS.contains(&t.core)
            && !tokens[end - 1].breaks
            && tokens.get(end + 1).is_some_and(|n| {
                let capital = n.core.starts_with(char::is_uppercase);
                (capital && !WEEKDAYS.contains(&n.core)) || ORG_CONNECTORS.contains(&n.core)
            });
        if !(capital || connector) {
            break;
        }
        end += 1;
        if t.breaks {
            break;
        }
    }
    end
}

/// Records the organization-shaped run `start..end` when it ends in a head noun ("Council",
/// "Bank") with nothing but connectors and capitalised words after it.
pub(super) fn consider_org(tokens: &[Token], start: usize, end: usize, found: &mut Found) {
    let Some(head) = (start..end)
        .rev()
        .find(|&i| ORG_HEAD_SET.has(tokens[i].core))
    else {
        return;
    };
    let tail_ok = head + 1 == end || ORG_CONNECTORS.contains(&tokens[head + 1].core);
    if !tail_ok {
        return;
    }
    let mut first = start;
    while first < head && opens_no_org(tokens[first].core) {
        first += 1;
    }
    let mut words: Vec<&str> = tokens[first..end].iter().map(|t| t.core).collect();
    let descriptive = words
        .iter()
        .filter(|w| {
            w.starts_with(char::is_uppercase)
                && !ORG_HEAD_SET.has(w)
                && !LEADING_WORD_SET.has(w)
                && !GENERIC_ORG_WORD_SET.has(w)
        })
        .count();
    if descriptive == 1
        && first == start
        && let Some(left) = joined_by_and(tokens, start)
    {
        first = left;
        words = tokens[first..end]
            .iter()
            .map(|t| if t.core.is_empty() { t.raw } else { t.core })
            .collect();
    }
    if words.len() < 2 || descriptive == 0 || found.orgs.iter().any(|(n, _)| *n == words.join(" "))
    {
        return;
    }
    let acronym = tokens.get(end).and_then(|t| {
        let inner = t
            .raw
            .strip_prefix('(')?
            .trim_end_matches([',', '.', ';'])
            .strip_suffix(')')?;
        (inner.len() >= 2
            && inner
                .chars()
                .all(|c| c.is_uppercase() || c == '&' || c == '-'))
        .then(|| inner.to_string())
    });
    found.orgs.push((words.join(" "), acronym));
}

/// Words that may come before an organization's name in its run of capitalised words
/// but are no part of it: "The", titles, weekdays ("on Monday the Bank said"), connectors
/// left at the front, "Former", and "Abidjan-based" or "State-owned".
fn opens_no_org(word: &str) -> bool {
    LEADING_WORD_SET.has(word)
        || is_title(word)
        || ORG_CONNECTORS.contains(&word)
        || WEEKDAYS.contains(&word)
        || word == "Former"
        || word.ends_with("-based")
        || word.ends_with("-owned")
}

/// The days of the week, which neither start nor continue an organization's name.
#[rustfmt::skip]
const WEEKDAYS: [&str; 7] = [
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
];

/// "Savings and Loan Association", "Ways and Means Committee": an organization of one
/// descriptive word right after "and" or "&" goes on through the capitalised words before
/// it. Returns the first of those words, if there is one.
fn joined_by_and(tokens: &[Token], start: usize) -> Option<usize> {
    let and = tokens.get(start.checked_sub(1)?)?;
    // "Barclays Bank and National Westminster Bank", "Bankers Trust Co and Citicorp
    // Investment Bank" join two names.
    let before_and = tokens.get(start.checked_sub(2)?)?.core;
    let ends_a_name = ORG_HEAD_SET.has(before_and) || LEGAL_FORM_SET.has(before_and);
    if !and.is_and() || ends_a_name {
        return None;
    }
    let mut first = start - 1;
    while let Some(t) = first.checked_sub(1).map(|k| &tokens[k]) {
        let capital = t.core.starts_with(char::is_uppercase);
        if t.breaks || !capital || LEADING_WORD_SET.has(t.core) || is_title(t.core) {
            break;
        }
        first -= 1;
    }
    // Words after "of" ("Bank of New York and ...") end a longer name.
    let tail_of_name = first
        .checked_sub(1)
        .is_some_and(|k| ORG_CONNECTORS.contains(&tokens[k].core) && tokens[k].core != "the");
    (first + 1 < start && !tail_of_name).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::super::names::scan;

    fn org_names(text: &str) -> Vec<String> {
        scan(text).orgs.into_iter().map(|(name, _)| name).collect()
    }

    #[test]
    fn organizations_by_shape() {
        let found = scan(
            "The International Coffee Organization (ICO) met. Union Bank of Switzerland said.",
        );
        let names: Vec<_> = found
            .orgs
            .iter()
            .map(|(n, a)| (n.as_str(), a.as_deref()))
            .collect();
        assert_eq!(
            names,
            [
                ("International Coffee Organization", Some("ICO")),
                ("Union Bank of Switzerland", None)
            ]
        );
        assert!(scan("The Central Bank said.").orgs.is_empty());
    }

    #[test]
    fn words_before_an_organization_are_no_part_of_it() {
        let names = org_names;
        assert_eq!(
            names("the Abidjan-based Inter-African Coffee Organisation met"),
            ["Inter-African Coffee Organisation"]
        );
        assert_eq!(
            names("said on Monday the Asian Development Bank would lend"),
            ["Asian Development Bank"]
        );
        assert_eq!(
            names("the State-owned Bank of China and the Trading Commission on Tuesday"),
            ["Bank of China", "Trading Commission"]
        );
    }

    #[test]
    fn organizations_joined_by_and() {
        let names = org_names;
        assert_eq!(
            names("Metropolitan Federal Savings and Loan Association said it agreed."),
            ["Metropolitan Federal Savings and Loan Association"]
        );
        assert_eq!(
            names("the House Ways and Means Committee voted"),
            ["House Ways and Means Committee"]
        );
        assert_eq!(
            names("Guardian Savings & Loan Association said"),
            ["Guardian Savings & Loan Association"]
        );
        assert_eq!(
            names("Barclays Bank and Midland Bank said"),
            ["Barclays Bank", "Midland Bank"]
        );
        assert_eq!(
            names("Bankers Trust Co and Citicorp Investment Bank said"),
            ["Citicorp Investment Bank"]
        );
        assert_eq!(
            names("deposits of Bank of New York and Bank of New York (Delaware)."),
            ["Bank of New York"]
        );
        // Two descriptive words stand alone; a comma or possessive ends the words before.
        assert_eq!(
            names("Apple and Ford Motor Company agreed."),
            ["Ford Motor Company"]
        );
        assert_eq!(
            names("America's Savings, and Loan Association said"),
            ["Loan Association"]
        );
    }
}
