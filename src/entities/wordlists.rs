//! Word lists of the context rules: titles that introduce a person's name, capitalised words
//! that never start a name, and the particles inside names ("de", "bin").

#[rustfmt::skip]
/// Titles and roles that introduce a person's full name. Longest first where one is a
/// prefix of another.
pub const TITLES: &[&str] = &[
    "Secretary of State", "Secretary-General", "Secretary General", "Prime Minister",
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
];

#[rustfmt::skip]
/// Capitalised words that start sentences or name things, never a first name.
pub const NOT_NAMES: &[&str] = &[
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
    "Accord", "Agreement", "Treaty", "Plan", "Act", "Law", "Bill",
];

/// Particles inside names, as a regex alternation.
pub const PARTICLES: &str = "de|da|van|von|bin|ibn|al|el|der|den|du|la|le|dos|das|del|ben|abu";
