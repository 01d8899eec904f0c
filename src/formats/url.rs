//! Metadata a record's URL gives when the record itself does not: the publication date
//! written in its path (`/2023/06/28/`, `/2023-06-28/`) and the outlet, as its domain.

use std::sync::LazyLock;

use regex::Regex;
use time::{Date, Month};

use crate::dates;

static DASHED_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)")
        .expect("valid regex")
});

/// The host and path of a URL, without scheme, user, port, query and fragment.
fn host_and_path(url: &str) -> Option<(&str, &str)> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.split(['?', '#']).next()?;
    let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
    let host = authority.rsplit('@').next()?.split(':').next()?;
    Some((host, path))
}

/// The date written in a URL's path: `/2023/06/28/`, `/2023/06/` (day 1) or `/2023-06-28/`.
pub fn date_from_url(url: &str) -> Option<Date> {
    let (_, path) = host_and_path(url)?;
    let path = format!("/{path}/");
    if let Some(date) = dates::date_from_path(&path) {
        return Some(date);
    }
    let caps = DASHED_DATE.captures(&path)?;
    let month = Month::try_from(caps[2].parse::<u8>().ok()?).ok()?;
    Date::from_calendar_date(caps[1].parse().ok()?, month, caps[3].parse().ok()?).ok()
}

/// The outlet a URL names: its host, lower-cased, without `www.` (`www.nytimes.com` gives
/// `nytimes.com`). `None` for a URL without a host name.
pub fn outlet_from_url(url: &str) -> Option<String> {
    if !url.contains("://") {
        return None;
    }
    let (host, _) = host_and_path(url)?;
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    (host.contains('.') && !host.starts_with('[')).then(|| host.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn dates_in_url_paths() {
        assert_eq!(
            date_from_url("https://www.example.com/world/2023/06/28/gallant-call.html"),
            Some(date!(2023 - 06 - 28))
        );
        assert_eq!(
            date_from_url("https://example.com/news/2023-06-28/gallant-call"),
            Some(date!(2023 - 06 - 28))
        );
        assert_eq!(
            date_from_url("https://example.com/2021/11/story"),
            Some(date!(2021 - 11 - 01))
        );
        assert_eq!(
            date_from_url("http://example.com/a/2023-06-28"),
            Some(date!(2023 - 06 - 28))
        );
    }

    #[test]
    fn no_date_in_host_query_or_ids() {
        assert_eq!(date_from_url("https://2023.example.com/06/28/x"), None);
        assert_eq!(
            date_from_url("https://example.com/story?d=2023/06/28/"),
            None
        );
        assert_eq!(date_from_url("https://example.com/story-20230628"), None);
        assert_eq!(date_from_url("https://example.com/2023-13-01/x"), None);
    }

    #[test]
    fn outlet_is_the_domain() {
        assert_eq!(
            outlet_from_url("https://www.nytimes.com/2023/06/28/world/x.html").as_deref(),
            Some("nytimes.com")
        );
        assert_eq!(
            outlet_from_url("http://News.Example.co.uk:8080/a?b#c").as_deref(),
            Some("news.example.co.uk")
        );
        assert_eq!(outlet_from_url("not a url"), None);
        assert_eq!(outlet_from_url("file:///tmp/x.html"), None);
        assert_eq!(outlet_from_url("http://localhost/x"), None);
    }
}
