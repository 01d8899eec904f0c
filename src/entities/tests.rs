//! Tests of entity extraction on the built-in gazetteers: matching rules, the seed layout,
//! and ambiguity by context.

use crate::article::Article;
use crate::entities::{Entities, EntityKind, Extractor};

mod gazetteer_matching {
    use super::*;
    use crate::clean::Boilerplate;
    use crate::formats::{Format, parse_text};

    fn extractor() -> Extractor {
        Extractor::builtin().unwrap()
    }

    fn article(title: &str, body: &str) -> Article {
        Article {
            title: title.into(),
            body: body.into(),
            ..Article::default()
        }
    }

    fn names(entities: &Entities, kind: EntityKind) -> Vec<String> {
        let mut names = entities.names(kind);
        names.sort();
        names
    }

    /// The entities of an article with this body.
    fn extract(body: &str) -> Entities {
        extractor().extract(&article("t", body))
    }

    #[test]
    fn a_person_after_an_organization_named_for_a_place_is_found() {
        let e = extract(
            "Bank of Japan Yasushi Mieno said rates would hold. The World Bureau of Metal \
             Statistics said stocks fell. The Association of Indonesian Coffee Exporters \
             said prices rose.",
        );
        assert_eq!(names(&e, EntityKind::Person), ["Yasushi Mieno"]);
    }

    #[test]
    fn body_words_read_elsewhere_give_the_same_entities() {
        let a = Article {
            subtitle: Some("Rabat hosts the talks".into()),
            captions: vec!["Nasser Bourita in Rabat".into()],
            ..article(
                "MOROCCO AND ISRAEL SIGN WATER DEAL",
                "Foreign Minister Nasser Bourita said Morocco and Israel agreed.",
            )
        };
        let x = extractor();
        let alone = x.extract(&a);
        let shared = x.extract_with_body_words(&a, &crate::entities::WordList::of(&a.body));
        let wrong = x.extract_with_body_words(&a, &crate::entities::WordList::of("Chad"));
        assert_eq!(shared, alone);
        assert_eq!(wrong, alone);
        assert_eq!(names(&alone, EntityKind::Person), ["Nasser Bourita"]);
    }

    #[test]
    fn seed_layout_entities() {
        let text = include_str!("../../tests/fixtures/archive/2023/06/defence-call.txt");
        let a = parse_text(text, Format::Text, &Boilerplate::builtin().unwrap()).unwrap();
        let e = extractor().extract(&a);
        for person in [
            "Yoav Gallant",
            "Herzi Halevi",
            "Abdellatif Loudiyi",
            "Mohammed VI",
            "Amir Ohana",
            "Tzachi Hanegbi",
            "Nasser Bourita",
            "Eli Cohen",
        ] {
            assert!(
                e.names(EntityKind::Person).contains(&person.to_string()),
                "{person}: {:?}",
                e.person
            );
        }
        for country in [
            "Israel",
            "Morocco",
            "United States",
            "United Arab Emirates",
            "Bahrain",
            "Sudan",
        ] {
            assert!(
                e.names(EntityKind::Country).contains(&country.to_string()),
                "{country}: {:?}",
                e.country
            );
        }
        for org in [
            "Israel Defense Forces",
            "Knesset",
            "American Jewish Committee",
        ] {
            assert!(
                e.names(EntityKind::Org).contains(&org.to_string()),
                "{org}: {:?}",
                e.org
            );
        }
        for topic in ["Abraham Accords", "Negev Forum", "Western Sahara"] {
            assert!(
                e.names(EntityKind::Topic).contains(&topic.to_string()),
                "{topic}: {:?}",
                e.topic
            );
        }
        assert_eq!(
            e.person[0].name, "Yoav Gallant",
            "most salient first: {:?}",
            e.person
        );
    }

    #[test]
    fn demonyms_and_cities_count_for_their_country() {
        let e = extractor().extract(&article(
            "Moroccan exports rise",
            "Officials in Rabat said so.",
        ));
        assert_eq!(names(&e, EntityKind::Country), ["Morocco"]);
        assert_eq!(e.country[0].count, 2);
    }

    #[test]
    fn surname_counts_only_with_full_name_in_article() {
        let x = extractor();
        let e = x.extract(&article(
            "t",
            "Foreign Minister Nasser Bourita spoke. Bourita said more. Bourita left.",
        ));
        assert_eq!(e.person[0].name, "Nasser Bourita");
        assert_eq!(e.person[0].count, 3);
        let e = x.extract(&article("t", "Gallant efforts were made by the rescuers."));
        assert!(e.person.is_empty(), "{:?}", e.person);
    }

    #[test]
    fn matches_respect_word_boundaries() {
        let e = extractor().extract(&article(
            "t",
            "Israelite history and Moroccanism are not countries. USSR x",
        ));
        assert!(!e.names(EntityKind::Country).contains(&"Israel".to_string()));
        assert!(
            !e.names(EntityKind::Country)
                .contains(&"Morocco".to_string())
        );
    }

    #[test]
    fn longest_name_wins() {
        let e = extractor().extract(&article(
            "t",
            "Soldiers of the Israel Defense Forces patrolled.",
        ));
        assert_eq!(names(&e, EntityKind::Org), ["Israel Defense Forces"]);
        assert!(e.country.is_empty(), "{:?}", e.country);
    }

    #[test]
    fn firms_named_after_people_are_organizations() {
        let e = extract(
            "The bonds yield 7.6 pct, said lead manager Morgan Stanley. Shares rose, \
             said Merrill Lynch analyst Jane Okafor.",
        );
        assert_eq!(
            names(&e, EntityKind::Org),
            ["Merrill Lynch", "Morgan Stanley"]
        );
        assert_eq!(names(&e, EntityKind::Person), ["Jane Okafor"]);
    }

    #[test]
    fn a_name_the_article_shows_to_be_a_company_is_no_person() {
        let e = extract(
            "Eli Lilly and Co raised its dividend. \"We expect growth,\" said Eli Lilly \
             spokesman Tom Reed.",
        );
        assert_eq!(names(&e, EntityKind::Person), ["Tom Reed"]);
    }

    #[test]
    fn two_known_names_joined_by_and_are_no_organization() {
        let e = extract("Talks between the United States and Soviet Union resumed.");
        assert!(e.org.is_empty(), "{:?}", e.org);
        assert_eq!(names(&e, EntityKind::Country), ["Russia", "United States"]);
    }

    #[test]
    fn bodies_named_after_places_are_no_mention_of_them() {
        let e =
            extract("Peru asked the Paris Club of creditor governments to reschedule its debt.");
        assert_eq!(names(&e, EntityKind::Org), ["Paris Club"]);
        assert_eq!(names(&e, EntityKind::Country), ["Peru"]);
        let e = extract("Farm trade is on the Uruguay Round agenda.");
        assert_eq!(
            names(&e, EntityKind::Org),
            ["General Agreement on Tariffs and Trade"]
        );
        assert!(e.country.is_empty(), "{:?}", e.country);
    }

    #[test]
    fn currencies_listing_venues_and_agreements_are_no_country_mentions() {
        let cases: [(&str, &[&str]); 6] = [
            (
                "The Swiss franc rose against the Canadian dollar. Australian dollar bonds fell.",
                &[],
            ),
            (
                "Swiss voters and Canadian farmers agreed.",
                &["Canada", "Switzerland"],
            ),
            (
                "The bonds will be listed in Luxembourg and traded on the Tokyo exchange.",
                &[],
            ),
            ("Voters in Luxembourg went to the polls.", &["Luxembourg"]),
            (
                "Dealers doubt the Paris accord will hold, as the Oslo Accords did not.",
                &[],
            ),
            ("Ministers who met in Paris reached an accord.", &["France"]),
        ];
        for (text, countries) in cases {
            assert_eq!(
                names(&extract(text), EntityKind::Country),
                countries,
                "{text}"
            );
        }
    }

    #[test]
    fn abbreviations_are_case_sensitive() {
        let e = extractor().extract(&article("t", "Let us go, said the US envoy."));
        assert_eq!(names(&e, EntityKind::Country), ["United States"]);
        assert_eq!(e.country[0].count, 1);
    }

    #[test]
    fn topics_are_hierarchical_and_case_insensitive() {
        let e = extractor().extract(&article("t", "The abraham accords were signed in 2020."));
        let topic = e
            .topic
            .iter()
            .find(|m| m.name == "Abraham Accords")
            .unwrap();
        assert_eq!(topic.path, ["Diplomacy", "Abraham Accords"]);
    }

    #[test]
    fn filter_values_resolve_aliases() {
        let extractor = extractor();
        let x = extractor.resolver();
        assert_eq!(
            x.filter_path(EntityKind::Person, "bourita"),
            ["Nasser Bourita"]
        );
        assert_eq!(
            x.filter_path(EntityKind::Org, "IDF"),
            ["Israel Defense Forces"]
        );
        assert_eq!(
            x.filter_path(EntityKind::Country, "U.S."),
            ["United States"]
        );
        assert_eq!(
            x.filter_path(EntityKind::Topic, "abraham accords"),
            ["Diplomacy", "Abraham Accords"]
        );
        assert_eq!(x.filter_path(EntityKind::Topic, "Diplomacy"), ["Diplomacy"]);
        assert_eq!(
            x.filter_path(EntityKind::Person, "Nobody Known"),
            ["Nobody Known"]
        );
    }
}

mod ambiguity {
    use super::*;

    fn countries(body: &str) -> Vec<String> {
        let article = Article {
            title: "t".into(),
            body: body.into(),
            ..Article::default()
        };
        Extractor::builtin()
            .unwrap()
            .extract(&article)
            .names(EntityKind::Country)
    }

    fn people(body: &str) -> Vec<(String, u32)> {
        let article = Article {
            title: "t".into(),
            body: body.into(),
            ..Article::default()
        };
        let e = Extractor::builtin().unwrap().extract(&article);
        e.person.into_iter().map(|m| (m.name, m.count)).collect()
    }

    #[test]
    fn jordan_country_or_person() {
        assert_eq!(
            countries("Egypt and Jordan signed the water deal."),
            ["Egypt", "Jordan"]
        );
        assert!(countries("Michael Jordan scored 40 points.").is_empty());
        assert!(countries("Midfielder Jordan Henderson signed a new deal.").is_empty());
    }

    #[test]
    fn chad_country_or_person() {
        assert_eq!(countries("Troops from Chad crossed the border."), ["Chad"]);
        assert!(countries("Chad Smith played drums.").is_empty());
    }

    #[test]
    fn georgia_needs_confirmation() {
        assert!(
            countries("Voters in Atlanta, Georgia queued for hours.")
                .contains(&"United States".to_string())
                || countries("Voters in Atlanta, Georgia queued for hours.").is_empty()
        );
        assert!(
            !countries("Voters in Atlanta, Georgia queued for hours.")
                .contains(&"Georgia".to_string())
        );
        assert!(
            countries("Georgia said talks in Tbilisi would resume.")
                .contains(&"Georgia".to_string())
        );
    }

    #[test]
    fn turkey_country_or_bird() {
        assert!(countries("Turkey sales peak before Thanksgiving.").is_empty());
        assert_eq!(
            countries("Turkey said Ankara would host the talks."),
            ["Turkey"]
        );
    }

    #[test]
    fn names_after_curly_quotes_no_break_spaces_and_dashes() {
        assert_eq!(
            countries("The \u{201c}France\u{201d} team won."),
            ["France"]
        );
        assert_eq!(countries("He flew to\u{a0}France."), ["France"]);
        let mut both = countries("France\u{2014}Germany talks.");
        both.sort();
        assert_eq!(both, ["France", "Germany"]);
    }

    #[test]
    fn us_is_case_sensitive() {
        assert!(countries("Let us go, he told us.").is_empty());
        assert_eq!(countries("US troops left."), ["United States"]);
    }

    #[test]
    fn may_month_or_theresa_may() {
        assert!(people("The vote was held in May. May was warm.").is_empty());
        assert_eq!(
            people("Theresa May met the cabinet. May said she would stay."),
            [("Theresa May".to_string(), 2)]
        );
    }

    #[test]
    fn washington_city_or_person() {
        assert_eq!(
            countries("Talks in Washington ended on Friday."),
            ["United States"]
        );
        assert!(countries("George Washington crossed the river.").is_empty());
        assert!(countries("She wrote for the Washington Post.").is_empty());
    }

    #[test]
    fn israel_as_a_first_name() {
        assert!(countries("Israel Adesanya won the fight.").is_empty());
        let e = people("Foreign Minister Israel Katz spoke.");
        assert_eq!(e[0].0, "Israel Katz");
        assert!(countries("Foreign Minister Israel Katz spoke.").is_empty());
    }

    #[test]
    fn people_found_from_context_with_surname_mentions() {
        let p = people(
            "Federal Reserve Board Chairman Paul Volcker said rates were right. Mr. Volcker added that Volcker would stay.",
        );
        assert_eq!(p, [("Paul Volcker".to_string(), 3)]);
        assert!(people("The Ministry said on Monday that March Trading fell.").is_empty());
    }
}
