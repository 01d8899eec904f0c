//! Publication dates: recognising date lines in saved pages ("Published June 28, 2023 10:14
//! am"), parsing the date strings of JSON records, and reading a date from an archive path
//! (`2023/06/28/`).

use std::sync::LazyLock;

use regex::Regex;
use time::{Date, Month};

use crate::clean::captures;

const MONTHS: &str = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

static ISO_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b((?:19|20)\d{2})-(\d{2})-(\d{2})").expect("valid regex"));
static MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b({MONTHS})\.? (\d{{1,2}})(?:st|nd|rd|th)?,? ((?:19|20)\d{{2}})\b"
    ))
    .expect("valid regex")
});
static DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)? ({MONTHS})\.?,? ((?:19|20)\d{{2}})\b"
    ))
    .expect("valid regex")
});
/// A line that is nothing but a date, maybe with a label, weekday and time of day.
static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?ix)^
        (?:(?:published|updated|posted|last\ updated|first\ published)(?:\ on)?\s*:?\s*)?
        (?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?
        (?:
            (?:{MONTHS})\.?\s\d{{1,2}}(?:st|nd|rd|th)?,?\s(?:19|20)\d{{2}}
          | \d{{1,2}}(?:st|nd|rd|th)?\s(?:{MONTHS})\.?,?\s(?:19|20)\d{{2}}
          | (?:19|20)\d{{2}}-\d{{2}}-\d{{2}}(?:[T\ ][\d:.]+(?:Z|[+-]\d{{2}}:?\d{{2}})?)?
        )
        (?:,?\s*(?:at\s+)?\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?)?)?
        (?:\s*\(?[A-Z]{{2,5}}\)?)?
        (?:\s*\|\s*(?:updated|last\ updated)?:?.*)?
        \s*$"
    ))
    .expect("valid regex")
});
static PATH_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[/\\])((?:19|20)\d{2})[/\\](0[1-9]|1[0-2])(?:[/\\](0[1-9]|[12]\d|3[01]))?[/\\]",
    )
    .expect("valid regex")
});

/// True when the whole line is a date line such as "June 28, 2023" or
/// "Updated: 28 June 2023 at 9:10 am BST".
pub fn is_date_line(line: &str) -> bool {
    line.len() <= 80 && DATE_LINE.is_match(line.trim())
}

/// The first calendar date written anywhere in `text` (ISO, "June 28, 2023" or
/// "28 June 2023").
pub fn find_date(text: &str) -> Option<Date> {
    let iso = captures(&ISO_DATE, text).and_then(|c| {
        let date = ymd(&c[1], month_number(&c[2])?, &c[3])?;
        Some((c.get(0)?.start(), date))
    });
    let month_first = captures(&MONTH_FIRST, text).and_then(|c| {
        let date = ymd(&c[3], month_from_name(&c[1])?, &c[2])?;
        Some((c.get(0)?.start(), date))
    });
    let day_first = captures(&DAY_FIRST, text).and_then(|c| {
        let date = ymd(&c[3], month_from_name(&c[2])?, &c[1])?;
        Some((c.get(0)?.start(), date))
    });
    [iso, month_first, day_first]
        .into_iter()
        .flatten()
        .min_by_key(|(start, _)| *start)
        .map(|(_, date)| date)
}

/// The date encoded in an archive path: `.../2023/06/28/...` or `.../2023/06/...` (day 1).
pub fn date_from_path(path: &str) -> Option<Date> {
    let caps = PATH_DATE.captures(path)?;
    let day = caps.get(3).map_or("1", |m| m.as_str());
    ymd(&caps[1], month_number(&caps[2])?, day)
}

fn ymd(year: &str, month: Month, day: &str) -> Option<Date> {
    Date::from_calendar_date(year.parse().ok()?, month, day.parse().ok()?).ok()
}

fn month_number(text: &str) -> Option<Month> {
    Month::try_from(text.parse::<u8>().ok()?).ok()
}

fn month_from_name(name: &str) -> Option<Month> {
    let prefix: String = name
        .chars()
        .take(3)
        .collect::<String>()
        .to_ascii_lowercase();
    let index = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .iter()
    .position(|m| *m == prefix)?;
    Month::try_from(index as u8 + 1).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn date_lines_in_common_shapes() {
        for line in [
            "June 28, 2023",
            "Published June 28, 2023 10:14 am",
            "28 June 2023 10:14 BST",
            "2023-06-28",
            "Updated: June 28, 2023 at 9:10 am",
            "Wednesday, June 28, 2023",
            "2023-06-28T10:14:00Z",
        ] {
            assert!(is_date_line(line), "{line}");
            assert_eq!(find_date(line), Some(date!(2023 - 06 - 28)), "{line}");
        }
    }

    #[test]
    fn sentences_are_not_date_lines() {
        assert!(!is_date_line(
            "On June 28, 2023 the minister said he would resign."
        ));
        assert!(!is_date_line("May this holiday be a time of peace"));
    }

    #[test]
    fn finds_the_first_date_in_text() {
        assert_eq!(
            find_date("Signed on 15 September 2020 and ratified 2021-01-02"),
            Some(date!(2020 - 09 - 15))
        );
        assert_eq!(find_date("no date here"), None);
        assert_eq!(find_date("February 30, 2023"), None);
    }

    #[test]
    fn path_dates() {
        assert_eq!(
            date_from_path("archive/reuters/1987/03/23/8415.txt"),
            Some(date!(1987 - 03 - 23))
        );
        assert_eq!(
            date_from_path("sample/2023/06/x.txt"),
            Some(date!(2023 - 06 - 01))
        );
        assert_eq!(date_from_path("sample/x/2023.txt"), None);
    }
}
