//! Word lists of the context rules: titles that introduce a person's name, capitalised words
//! that never start a name, and the particles inside names ("de", "bin"). The lists are
//! `&[&str]` for reading; [`WordSet`] turns one into a hash set for lookups in hot loops.

#[rustfmt::skip]
/// Titles and roles that introduce a person's full name. Longest first where one is a
/// prefix of another.
pub const TITLES: &[&str] = &[
    "Ayatollah", "Exchequer", "Sir", "Dame", "Lord", "Lady", "Presidents", "Ministers",
    "Premiers", "Governors", "Chairmen", "Chancellor of the Exchequer", "Secretary of State", "Secretary-General", "Secretary General", "Prime Minister",
    "Deputy Prime Minister", "Vice President", "Vice-President", "Crown Prince", "Lt\\. Gen\\.",
    "Maj\\. Gen\\.", "Brig\\. Gen\\.", "Lt\\.", "Gen\\.", "Col\\.", "Adm\\.", "Capt\\.", "Sgt\\.",
    "Mr\\.?", "Mrs\\.?", "Ms\\.?", "Dr\\.?", "Sen\\.", "Rep\\.", "Gov\\.", "Prof\\.", "President",
    "Minister", "Secretary", "Chairman", "Chairwoman", "Chair", "Governor", "Speaker", "King",
    "Queen", "Prince", "Princess", "Sheikh", "Emir", "Sultan", "Chancellor", "Ambassador",
    "ambassador", "Director", "director", "Commissioner", "Senator", "Representative",
    "Congressman", "Congresswoman", "Mayor", "Judge", "Justice", "Pope", "Cardinal", "Rabbi",
    "Imam", "General", "Admiral", "Colonel", "Commander", "commander", "Chief", "chief",
    "Treasurer", "Comptroller", "Envoy", "envoy", "spokesman", "spokeswoman", "spokesperson",
    "Spokesman", "Spokeswoman", "analyst", "economist", "strategist", "Economist", "Analyst",
    "President-elect", "Premier", "premier", "Deputy", "deputy", "official", "executive",
    "Executive", "officer", "Officer", "chairman", "president", "minister", "secretary",
    "governor", "leader", "Leader", "coach", "Coach", "manager", "Manager", "striker", "captain",
    "Captain", "founder", "professor", "Professor", "researcher", "lawyer", "attorney", "Attorney",
    "negotiator", "counterpart", "CEO", "head", "Head", "adviser", "advisor", "Adviser", "Advisor",
    "investor", "financier", "arbitrager", "arbitrageur", "raider", "trader", "banker",
    "businessman", "businesswoman", "tycoon", "billionaire", "magnate", "entrepreneur",
    "Administrator", "administrator", "Delegate", "delegate",
];

#[rustfmt::skip]
/// Capitalised words that start sentences or name things, never a first name.
pub const NOT_NAMES: &[&str] = &[
    "Although", "Though", "Because", "Despite", "Until", "Unless", "Whether", "During",
    "Against", "Among", "Between", "Industry", "Trade", "Commerce", "Agriculture", "Labour",
    "Force", "Trust", "Society", "Building", "Utilities", "Properties", "Recovery", "Paper",
    "Bankiers", "Creations", "Communications", "Electronics", "Insurance", "Realty", "Savings",
    "Loan", "Brewing", "Stores", "Pharmaceuticals", "Telecommunications", "Semiconductor",
    "Computer", "Computers", "Software", "Data", "Network", "Media", "Entertainment", "Publishing",
    "Press", "Times", "Post", "Journal", "Herald", "Shipping", "Lines", "Railway", "Railroad",
    "Electric", "Power", "Water", "Chemicals", "Mines", "Minerals", "Silver", "Copper", "Tin",
    "Aviation", "Aerospace", "Labs", "Laboratories", "Associates", "Ventures", "Investments",
    "Investors", "Management", "Equities", "Bancshares", "Credit", "Leasing", "Hotels",
    "Restaurants", "Beverages", "Tobacco", "Textiles", "Apparel", "Retail", "Mart", "Plc", "AG",
    "SA", "NV", "Bhd", "Under-secretary", "Undersecretary", "Secretary-General",
    "Democrats", "Republicans", "Socialists", "Communists", "Conservatives", "Liberals", "Greens",
    "Democratic", "Republican", "Social", "Christian", "Free", "People", "Peoples", "Popular",
    "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "He", "She", "His", "Her",
    "They", "Their", "We", "Our", "You", "I", "In", "On", "At", "By", "For", "From", "With",
    "Without", "And", "But", "Or", "If", "As", "After", "Before", "When", "While", "Since",
    "Under", "Over", "New", "However", "Meanwhile", "Also", "Earlier", "Later", "Last", "Next",
    "Both", "Many", "Some", "Most", "All", "No", "Not", "Mr", "Mrs", "Ms", "Dr", "President",
    "Minister", "Secretary", "Chairman", "Governor", "Prime", "Foreign", "Finance", "Defence",
    "Defense", "Economy", "Trade", "State", "Federal", "National", "General", "Central", "Reserve",
    "Board", "Bank", "Treasury", "Department", "Ministry", "Government", "Council", "Committee",
    "Party", "Union", "Group", "Company", "Corp", "Inc", "Ltd", "Co", "Exchange", "Market",
    "Markets", "Street", "Agency", "Office", "House", "Senate", "Congress", "Parliament", "Court",
    "University", "Institute", "Association", "Organization", "Organisation", "International",
    "Reuters", "Reuter", "News", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul",
    "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Christmas", "Easter", "God", "Islam", "Muslim",
    "Christian", "Jewish", "Arab", "European", "American", "Western", "Eastern", "Northern",
    "Southern", "North", "South", "East", "West", "Gulf", "Middle", "Sea", "Ocean", "River",
    "Island", "Islands", "City", "Province", "Region", "Republic", "Kingdom", "Democratic",
    "Communist", "Socialist", "Liberal", "Labour", "Labor", "Conservative", "Green", "Christian",
    "Supreme", "Chief", "Executive", "Deputy", "Vice", "Crown", "Prince", "King", "Queen",
    "Sheikh", "Lt", "Gen", "Col", "Adm", "Sen", "Rep", "Gov", "Dollar", "Euro", "Yen", "Oil",
    "Gas", "Gold", "Stock", "Stocks", "Index", "Fund", "Funds", "Capital", "Securities",
    "Holdings", "Industries", "Systems", "Technologies", "Energy", "Airlines", "Airways", "Motors",
    "Bancorp", "Financial", "Partners", "Services", "Products", "Petroleum", "Resources", "Mining",
    "Steel", "Chemical", "Foods", "Health", "Medical", "Global", "Cup", "League", "Olympic",
    "Olympics", "Games", "Open", "Championship", "Prize", "Award", "Forum", "Summit", "Accords",
    "Accord", "Agreement", "Treaty", "Plan", "Act", "Law", "Bill", "Fed", "America", "Daily",
    "Weekly", "Bureau", "Service",
];

/// Particles inside names, as a regex alternation.
pub const PARTICLES: &str = "de|da|van|von|bin|ibn|al|el|der|den|du|la|le|dos|das|del|ben|abu";

/// Currency words: "Swiss franc" or "Canadian dollars" names a currency, not the country.
#[rustfmt::skip]
pub const CURRENCY_WORDS: &[&str] = &[
    "franc", "francs", "dollar", "dollars", "dlr", "dlrs", "mark", "marks", "pound", "pounds",
    "sterling", "crown", "crowns", "krona", "krone", "kronor", "kroner", "peso", "pesos", "lira",
    "lire", "yen", "yuan", "rupee", "rupees", "guilder", "guilders", "schilling", "schillings",
    "escudo", "escudos", "peseta", "pesetas", "rand", "real", "reais", "riyal", "riyals", "dinar",
    "dinars", "dirham", "dirhams", "shekel", "shekels", "rouble", "roubles", "ruble", "rubles",
    "won", "ringgit", "baht", "rupiah", "currency", "currencies", "bond", "bonds", "eurobond",
    "eurobonds", "bill", "bills", "note", "notes", "CD", "CDs",
];

/// Head nouns that end an organization's name ("International Coffee Organization").
#[rustfmt::skip]
pub const ORG_HEADS: &[&str] = &[
    "Organization", "Organisation", "Council", "Bank", "Fund", "Agency", "Association",
    "Community", "Commission", "Federation", "Union", "Committee", "Authority", "Institute",
    "Board", "Conference", "Programme", "Program", "Secretariat", "Alliance", "Foundation",
    "Exchange", "Corporation", "Company", "Group", "Party", "Front", "Movement", "Bureau",
    "Service",
];

/// Legal forms that end a company's name ("Bankers Trust Co", "Deutsche Bank AG").
#[rustfmt::skip]
pub const LEGAL_FORMS: &[&str] = &[
    "Co", "Inc", "Corp", "Corporation", "Company", "Ltd", "Plc", "PLC", "AG", "SA", "NV", "LLC",
];

/// Nouns that, like a legal form, make the capitalised words before them a company's name
/// ("Baxter Travenol Laboratories", "Salomon Brothers").
#[rustfmt::skip]
pub const BUSINESS_NOUNS: &[&str] = &[
    "Industries", "Laboratories", "Holdings", "Securities", "Bancorp", "Brothers", "Associates",
    "Supermarkets",
];

/// Words that open a sentence or a noun phrase before an organization's name.
#[rustfmt::skip]
pub const LEADING_WORDS: &[&str] = &[
    "The", "A", "An", "This", "That", "In", "On", "At", "By", "For", "From", "With", "And", "But",
    "Or", "As", "Both", "Its", "Their", "His", "Her", "Our", "If", "When", "While", "After",
];

/// Royal and religious titles that stay part of a one-word name ("King Fahd").
pub const ROYAL_TITLES: &[&str] = &[
    "King",
    "Queen",
    "Pope",
    "Sheikh",
    "Emir",
    "Sultan",
    "Prince",
    "Ayatollah",
];

/// Titles strong enough to introduce a person by surname alone ("President Reagan").
#[rustfmt::skip]
pub const SURNAME_TITLES: &[&str] = &[
    "President", "Chancellor", "Prime Minister", "Premier", "Mr\\.?", "Mrs\\.?", "Ms\\.?", "Dr\\.?",
    "Senator", "Sen\\.", "Rep\\.", "King", "Queen", "Pope", "Sheikh", "Emir", "Minister",
    "Secretary", "Chairman", "Governor", "Representative", "Sultan", "Prince", "Ayatollah",
];

/// Common given names across the languages of world news: a given name before a capitalised
/// word ("Paul Volcker", "Miguel Mancera Aguayo") is taken as a person.
#[rustfmt::skip]
pub const GIVEN_NAMES: &[&str] = &[
    "Alan", "Albert", "Alexander", "Alfred", "Andrew", "Anthony", "Arthur", "Barbara", "Barry",
    "Benjamin", "Bill", "Bob", "Brian", "Bruce", "Carl", "Carol", "Catherine", "Charles", "Chris",
    "Christopher", "Clayton", "Daniel", "David", "Dennis", "Donald", "Douglas", "Edward",
    "Elizabeth", "Emily", "Eric", "Frank", "Fred", "Frederick", "Gary", "Geoffrey", "George",
    "Gerald", "Gordon", "Graham", "Harold", "Harry", "Helen", "Henry", "Howard", "Ian", "Jack",
    "James", "Jane", "Janet", "Jean", "Jeffrey", "Jerome", "Jim", "John", "Jonathan", "Joseph",
    "Judith", "Karen", "Keith", "Kenneth", "Kevin", "Larry", "Lawrence", "Leonard", "Linda",
    "Lloyd", "Malcolm", "Margaret", "Mark", "Martin", "Mary", "Michael", "Nancy", "Neil",
    "Nicholas", "Nigel", "Norman", "Patrick", "Paul", "Peter", "Philip", "Ralph", "Raymond",
    "Richard", "Robert", "Roger", "Ronald", "Roy", "Ruth", "Samuel", "Sarah", "Stanley", "Stephen",
    "Steven", "Susan", "Thomas", "Timothy", "Walter", "William", "Anne", "Angela", "Hillary",
    "Theresa", "Emma", "Olivia", "Sophie", "Laura", "Alberto", "Alfonso", "Antonio", "Carlos",
    "Eduardo", "Enrique", "Fernando", "Francisco", "Gustavo", "Jorge", "José", "Jose", "Juan",
    "Luis", "Manuel", "Miguel", "Pablo", "Pedro", "Rafael", "Ricardo", "Roberto", "Sergio",
    "Javier", "João", "Joaquim", "Raúl", "Raul", "Hugo", "Álvaro", "Alvaro", "Ernesto", "Felipe",
    "Leonel", "Wilfredo", "Andrés", "Andres", "Gabriel", "Diego", "Alejandro", "Mauricio", "Oscar",
    "Óscar", "Dilma", "Cristina", "Jacques", "Jean-Claude", "Jean-Pierre", "Jean-Marie", "Pierre",
    "Michel", "François", "Francois", "Philippe", "Alain", "Bernard", "Laurent", "Edouard",
    "Édouard", "René", "Rene", "Henri", "Louis", "Marcel", "Yves", "Valéry", "Valery", "Nicolas",
    "Dominique", "Christine", "Emmanuel", "Ségolène", "Gerhard", "Helmut", "Hans", "Karl", "Otto",
    "Wolfgang", "Klaus", "Dieter", "Heinz", "Horst", "Manfred", "Friedrich", "Hermann", "Werner",
    "Willy", "Ruud", "Wim", "Olof", "Ingvar", "Poul", "Uffe", "Kjell", "Lars", "Erik", "Olaf",
    "Jens", "Gro", "Sauli", "Jyrki", "Giovanni", "Giuseppe", "Giulio", "Bettino", "Ciriaco",
    "Amintore", "Carlo", "Franco", "Luigi", "Marco", "Paolo", "Romano", "Silvio", "Mario",
    "Enrico", "Matteo", "Giorgia", "Massimo", "Abdul", "Abdullah", "Ahmed", "Ahmad", "Ali",
    "Hassan", "Hussein", "Ibrahim", "Khalid", "Mahmoud", "Mohamed", "Mohammed", "Muhammad",
    "Mustafa", "Omar", "Osama", "Rashid", "Saad", "Saleh", "Salim", "Sami", "Tariq", "Yousef",
    "Youssef", "Yasser", "Hisham", "Nasser", "Walid", "Karim", "Rafik", "Rachid", "Saeed", "Hosni",
    "Anwar", "Hafez", "Bashar", "Recep", "Turgut", "Suleyman", "Kemal", "Mehmet", "Ahmet",
    "Abdelaziz", "Abdelkader", "Driss", "Yitzhak", "Shimon", "Moshe", "Ariel", "Ehud", "Avraham",
    "Yosef", "Yair", "Naftali", "Benny", "Gideon", "Amos", "Avi", "Uri", "Shaul", "Yoav", "Tzipi",
    "Golda", "Mikhail", "Boris", "Vladimir", "Nikolai", "Sergei", "Eduard", "Yegor", "Andrei",
    "Viktor", "Alexei", "Dmitry", "Dmitri", "Yuri", "Lech", "Václav", "Vaclav", "Volodymyr",
    "Petro", "Leonid", "Nursultan", "Aleksandr", "Yasuhiro", "Kiichi", "Noboru", "Satoshi",
    "Toshio", "Shinzo", "Fumio", "Junichiro", "Yoshihiko", "Taro", "Haruhiko", "Masaaki", "Kazuo",
    "Rajiv", "Indira", "Narendra", "Manmohan", "Sonia", "Benazir", "Nawaz", "Imran", "Corazon",
    "Ferdinand", "Mahathir", "Nelson", "Thabo", "Jacob", "Cyril", "Kofi", "Olusegun", "Goodluck",
    "Muhammadu", "Jomo", "Uhuru", "Julius", "Jerry", "Jimmy", "Tony", "Keir", "Rishi", "Kamala",
    "Barack", "Dick", "Newt", "Mitt", "Hank", "Warren", "Ivan", "Felix", "Lionel", "Kylian",
    "Cristiano", "Novak", "Serena", "Venus", "Andy", "Robin", "Frans", "Anibal", "Aníbal", "Leon",
    "Hernan", "Hernán", "Jaime", "Rodolfo", "Ignaz", "Ryutaro", "Mutsuki", "Yoshio", "Cesar",
    "César", "Domingo", "Adolfo", "Arturo", "Ramón", "Ramon", "Guillermo", "Orlando", "Julio",
    "Ruben", "Rubén", "Simon", "Kurt", "Jürgen", "Jurgen", "Edmund", "Alois", "Bruno", "Emil",
    "Vincent", "Victor", "Dominic", "Sean", "Brendan", "Gerry", "Kieran", "Colin", "Derek",
    "Trevor", "Stuart", "Edwin", "Alvin", "Milton", "Lester", "Herbert", "Ernest", "Eugene",
    "Harvey", "Irving", "Marvin", "Leo", "Lewis", "Max", "Morris", "Phil", "Sam", "Sidney", "Ted",
    "Tom", "Wayne", "Arnold", "Allen", "Clive", "Dirk", "Wilhelm", "Jan", "Piet", "Willem",
    "Gunnar", "Sten", "Bjorn", "Björn", "Nils", "Per", "Anders",
];

/// Words that describe no organization in particular ("Central Bank", "Security Council").
#[rustfmt::skip]
pub const GENERIC_ORG_WORDS: &[&str] = &[
    "Central", "National", "Federal", "State", "Security", "Executive", "Stock", "Development",
    "Investment", "Supreme", "General", "Standing", "Joint", "Special", "Advisory", "International",
    "Interim", "Regional", "Local", "Main", "New", "Governing", "Ruling", "Opposition", "Finance",
];

/// Newspaper and agency words: "Washington Post" is a title, not a mention of a place.
pub const PRESS_WORDS: &[&str] = &[
    "Post",
    "Times",
    "Journal",
    "Herald",
    "Tribune",
    "Press",
    "Telegraph",
    "Gazette",
];

/// A word list as a hash set, built once.
pub struct WordSet(std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>>);

impl WordSet {
    /// A set over `words`, built on first use.
    pub const fn new(build: fn() -> rustc_hash::FxHashSet<&'static str>) -> Self {
        WordSet(std::sync::LazyLock::new(build))
    }

    /// True when `word` is in the list.
    pub fn has(&self, word: &str) -> bool {
        self.0.contains(word)
    }
}

macro_rules! word_set {
    ($name:ident, $list:expr) => {
        #[doc = concat!("[`", stringify!($list), "`] as a set.")]
        pub static $name: WordSet = WordSet::new(|| $list.iter().copied().collect());
    };
}

word_set!(NOT_NAME_SET, NOT_NAMES);
word_set!(GIVEN_NAME_SET, GIVEN_NAMES);
word_set!(ORG_HEAD_SET, ORG_HEADS);
word_set!(LEADING_WORD_SET, LEADING_WORDS);
word_set!(GENERIC_ORG_WORD_SET, GENERIC_ORG_WORDS);
word_set!(CURRENCY_WORD_SET, CURRENCY_WORDS);
word_set!(PRESS_WORD_SET, PRESS_WORDS);
word_set!(LEGAL_FORM_SET, LEGAL_FORMS);
word_set!(BUSINESS_NOUN_SET, BUSINESS_NOUNS);
word_set!(PARTICLE_SET, PARTICLES.split('|').collect::<Vec<_>>());
