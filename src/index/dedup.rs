//! Duplicates found while indexing. An exact copy (the same cleaned title and body as an
//! article already indexed) becomes a copy record that names its file and points at the
//! article, so the story is indexed once with every path on record. Near-duplicates
//! (syndicated copies with other furniture or small edits) are indexed each, sharing a group
//! found with a MinHash signature of the body's word shingles and locality-sensitive bands.

use rustc_hash::FxHashMap;

use crate::entities::WordList;

/// Words per shingle.
const SHINGLE_WORDS: usize = 3;
/// Values in a signature.
pub const SIGNATURE_LEN: usize = 24;
/// The signature is cut into this many bands of [`ROWS`] values; articles sharing a band
/// are compared.
const BANDS: usize = 6;
const ROWS: usize = SIGNATURE_LEN / BANDS;
/// Articles whose signatures agree on at least this many of [`SIGNATURE_LEN`] values
/// (an estimated 70% of shingles in common) are near-duplicates.
pub const NEAR_AGREEMENT: usize = 17;
/// Bodies with fewer words are too short to compare; each forms a group of its own.
pub const MIN_WORDS: usize = 40;

/// A MinHash signature: for each of [`SIGNATURE_LEN`] hash functions, the least hash of
/// the text's shingles.
pub type Signature = [u32; SIGNATURE_LEN];

/// The MinHash signature of a text's 3-word shingles (ASCII case folded), or `None` for
/// texts shorter than [`MIN_WORDS`] words.
pub fn signature(text: &str) -> Option<Signature> {
    signature_of_words(&WordList::of(text))
}

/// [`signature`] of a text whose words were already read (the pipeline reads a body's
/// words once, for this signature and for the extractor).
pub fn signature_of_words(words: &WordList) -> Option<Signature> {
    if words.len() < MIN_WORDS {
        return None;
    }
    let mut mins = [u32::MAX; SIGNATURE_LEN];
    // The last SHINGLE_WORDS word hashes, oldest first.
    let mut window = [0u64; SHINGLE_WORDS];
    for (seen, word) in words.hashes().enumerate() {
        window.rotate_left(1);
        window[SHINGLE_WORDS - 1] = word;
        if seen + 1 < SHINGLE_WORDS {
            continue;
        }
        let hash = mix(window.iter().fold(0, |acc: u64, w| acc.rotate_left(23) ^ w));
        let (low, high) = (hash as u32, (hash >> 32) as u32 | 1);
        for (i, min) in mins.iter_mut().enumerate() {
            let value = low.wrapping_add((i as u32).wrapping_mul(high));
            *min = (*min).min(value);
        }
    }
    Some(mins)
}

/// A signature as stored in the index (little-endian bytes).
pub fn signature_bytes(signature: &Signature) -> Vec<u8> {
    signature.iter().flat_map(|v| v.to_le_bytes()).collect()
}

/// A signature read back from the index; `None` for bytes of another length.
pub fn signature_from_bytes(bytes: &[u8]) -> Option<Signature> {
    if bytes.len() != SIGNATURE_LEN * 4 {
        return None;
    }
    let mut signature = [0; SIGNATURE_LEN];
    for (value, chunk) in signature.iter_mut().zip(bytes.chunks_exact(4)) {
        *value = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
    }
    Some(signature)
}

/// Values on which two signatures agree.
fn agreement(a: &Signature, b: &Signature) -> usize {
    a.iter().zip(b).filter(|(x, y)| x == y).count()
}

/// The splitmix64 finaliser: spreads every input bit over the whole word.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Where a new article goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Placement {
    /// The article is an exact copy of the article with this id.
    Copy(String),
    /// A new article, in this near-duplicate group; `near` when the group already had
    /// another member.
    Article {
        /// Id of the group's first article.
        group: String,
        /// True when the article joined an existing group.
        near: bool,
    },
}

/// The articles known to one build: their content hashes and SimHash bands.
#[derive(Debug, Default)]
pub struct Duplicates {
    /// Content hash → id of the article holding it.
    by_hash: FxHashMap<String, String>,
    /// Signatures and group ids of the articles in `bands`, by number; `None` once the
    /// article was removed.
    members: Vec<Option<(Signature, String)>>,
    /// Article id → its number in `members`.
    numbers: FxHashMap<String, u32>,
    /// For each band: hash of the band's values → numbers of the members with them.
    bands: [FxHashMap<u64, Vec<u32>>; BANDS],
}

impl Duplicates {
    /// Records an article already in the index.
    pub fn add_existing(
        &mut self,
        id: &str,
        hash: &str,
        signature: Option<Signature>,
        group: &str,
    ) {
        self.by_hash.insert(hash.to_string(), id.to_string());
        if let Some(signature) = signature {
            self.add_to_bands(id, signature, group);
        }
    }

    /// Decides where a new article goes and records it.
    pub fn place(&mut self, id: &str, hash: &str, signature: Option<Signature>) -> Placement {
        match self.by_hash.get(hash) {
            Some(holder) if holder != id => return Placement::Copy(holder.clone()),
            _ => {
                self.by_hash.insert(hash.to_string(), id.to_string());
            }
        }
        let Some(signature) = signature else {
            return Placement::Article {
                group: id.to_string(),
                near: false,
            };
        };
        match self.near_group(&signature) {
            Some(group) => {
                self.add_to_bands(id, signature, &group);
                Placement::Article { group, near: true }
            }
            None => {
                self.add_to_bands(id, signature, id);
                Placement::Article {
                    group: id.to_string(),
                    near: false,
                }
            }
        }
    }

    /// True when the article `id` holds the text with content hash `hash`.
    pub fn holds(&self, hash: &str, id: &str) -> bool {
        self.by_hash.get(hash).is_some_and(|holder| holder == id)
    }

    /// Forgets the article `id` holding `hash` (its file changed or went away): a later
    /// copy of that text becomes an article of its own, and no article joins its group
    /// through it.
    pub fn forget(&mut self, hash: &str, id: &str) {
        if self.by_hash.get(hash).is_some_and(|holder| holder == id) {
            self.by_hash.remove(hash);
        }
        if let Some(number) = self.numbers.remove(id) {
            self.members[number as usize] = None;
        }
    }

    /// The group of an article whose signature agrees with `signature` on at least
    /// [`NEAR_AGREEMENT`] values.
    fn near_group(&self, signature: &Signature) -> Option<String> {
        band_keys(signature).enumerate().find_map(|(band, key)| {
            self.bands[band].get(&key).and_then(|numbers| {
                numbers
                    .iter()
                    .filter_map(|n| self.members[*n as usize].as_ref())
                    .find(|(other, _)| agreement(other, signature) >= NEAR_AGREEMENT)
                    .map(|(_, group)| group.clone())
            })
        })
    }

    fn add_to_bands(&mut self, id: &str, signature: Signature, group: &str) {
        let number = self.members.len() as u32;
        for (band, key) in band_keys(&signature).enumerate() {
            self.bands[band].entry(key).or_default().push(number);
        }
        self.members.push(Some((signature, group.to_string())));
        if let Some(old) = self.numbers.insert(id.to_string(), number) {
            self.members[old as usize] = None;
        }
    }
}

fn band_keys(signature: &Signature) -> impl Iterator<Item = u64> + '_ {
    signature.chunks_exact(ROWS).map(|rows| {
        mix(rows
            .iter()
            .fold(0, |acc: u64, v| acc.rotate_left(17) ^ u64::from(*v)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(extra: &str) -> String {
        let base = "The foreign ministers of Morocco and Israel met in Rabat on Monday to \
            discuss the Negev Forum, trade links, direct flights and the question of \
            Western Sahara, which the United States recognised as Moroccan in 2020. \
            Officials said the talks covered water technology, tourism and security \
            cooperation, and that a working group would meet again before the summer \
            to prepare a joint statement on regional integration and investment.";
        format!("{base} {extra}")
    }

    #[test]
    fn small_edits_keep_signatures_close() {
        let a = signature(&story("")).unwrap();
        let b = signature(&story("Reporting by the wire desk.")).unwrap();
        assert!(agreement(&a, &b) >= NEAR_AGREEMENT, "{}", agreement(&a, &b));
        let other = signature(&story("").replace(' ', " x ")).unwrap();
        assert!(agreement(&a, &other) < NEAR_AGREEMENT);
        assert_eq!(signature_from_bytes(&signature_bytes(&a)), Some(a));
    }

    #[test]
    fn signatures_ignore_case_and_punctuation() {
        let a = signature(&story("")).unwrap();
        let shouted = story("").to_uppercase().replace(',', " -");
        assert_eq!(signature(&shouted), Some(a));
    }

    #[test]
    fn short_texts_have_no_signature() {
        assert_eq!(signature("Brief: markets closed higher."), None);
    }

    #[test]
    fn exact_copies_and_near_duplicates_are_placed() {
        let mut dups = Duplicates::default();
        let near = signature(&story("Reporting by the wire desk."));
        let first = dups.place("a", "h1", signature(&story("")));
        assert_eq!(
            first,
            Placement::Article {
                group: "a".into(),
                near: false
            }
        );
        assert_eq!(dups.place("b", "h1", None), Placement::Copy("a".into()));
        assert_eq!(
            dups.place("c", "h2", near),
            Placement::Article {
                group: "a".into(),
                near: true
            }
        );
        dups.forget("h1", "a");
        assert!(matches!(
            dups.place("b", "h1", None),
            Placement::Article { .. }
        ));
    }
}
