//! nass's light stemmer.

use std::collections::HashSet;

use nass_core::proclitics::{readings, Proclitics};
use nass_gazetteer::Gazetteer;
use nass_normalize::Normalizer;

use crate::{FastHash, QuickFilter};

/// The shortest stem the light stemmer leaves, in letters; words this long or shorter
/// are returned whole.
pub const MIN_STEM: usize = 3;

/// Attached pronouns removed first (third person and the possessive plural; the second
/// person is rare in news and ends too many stems: مبارك، شريك).
const PRONOUNS: [&str; 4] = ["هما", "هم", "ها", "نا"];

/// Plural, dual, nisba and feminine endings, longest first; at most one is removed.
const ENDINGS: [&str; 9] = ["يون", "يين", "يات", "يه", "ات", "ون", "ين", "ه", "ي"];

/// Common words of four letters or more whose first letter و is a root letter, not the
/// conjunction: the stemmer never removes their و.
const ROOT_WAW: [&str; 28] = [
    "وزير",
    "وزيره",
    "وزراء",
    "وزاره",
    "وزارات",
    "وكاله",
    "وكالات",
    "وطني",
    "وطنيه",
    "وفود",
    "وصول",
    "ولايه",
    "ولايات",
    "واحد",
    "واحده",
    "وجود",
    "وسائل",
    "وثيقه",
    "ورقه",
    "وفاه",
    "واقع",
    "وحده",
    "وراء",
    "وسيله",
    "وظيفه",
    "وظائف",
    "ولاده",
    "واضح",
];

/// nass's light stemmer: clitics read as the gazetteer reads them, plural and feminine
/// endings, attached pronouns, with short words and gazetteer names protected.
///
/// It expects text normalized by the `search` preset (ة as ه, ى as ي, alefs folded) and
/// returns a slice of its input. The rules, in order:
///
/// 1. **Short words** of at most [`MIN_STEM`] letters are returned whole (في، من، وصل).
/// 2. **Names.** A word that is a one-word name of the gazetteer, or such a name after
///    the proclitics the gazetteer reads (و ف, then ب ك ل; ل + ال as لل), is that name,
///    with its article removed when [`MIN_STEM`] letters remain (لبنان، ولبنان → لبنان;
///    العراق، للعراق، والعراق → عراق; الله stays),
///    so that a stemmer never turns لبنان into لبن nor بغداد into غداد.
/// 3. **Proclitics.** An optional conjunction و or ف, then the article with an optional
///    preposition (ال، بال، كال، لل), are removed when [`MIN_STEM`] letters remain. With
///    no article, a bare و is removed when the word has four letters or more without
///    its pronoun and endings (وقال → قال, but وقتها → وقت), and not from the few
///    common words whose و is a root letter (وزير، وكالة، واحد...); bare ف ب ك
///    ل are never removed: too many words begin with them (فريق، برنامج، كلمة، لقاء).
/// 4. **Pronouns.** One of هما هم ها نا is removed; a ت left at the end is then the ة
///    of the word before its pronoun (حكومتها), and goes too.
/// 5. **Endings.** One of يون يين يات يه ات ون ين ه ي is removed (plural, nisba and
///    feminine endings: ه covers ة after normalization). The dual ان is not removed: far
///    more words end in it (اعلان، برلمان، عنوان) than take it.
///
/// Steps 4 and 5 remove an ending only when [`MIN_STEM`] letters remain.
///
/// ```
/// use nass_analysis::LightStemmer;
/// let s = LightStemmer::new();
/// assert_eq!(s.stem("والكتاب"), "كتاب");
/// assert_eq!(s.stem("حكومتها"), "حكوم");
/// assert_eq!(s.stem("حكومه"), "حكوم");
/// assert_eq!(s.stem("لبنان"), "لبنان"); // a name: not لبن
/// assert_eq!(s.stem("للعراق"), "عراق");
/// ```
#[derive(Clone, Debug)]
pub struct LightStemmer {
    /// One-word names, normalized (and as written).
    names: HashSet<String, FastHash>,
    /// Those names that begin with the article, without it.
    article_names: HashSet<String, FastHash>,
    /// Every form of both sets.
    filter: QuickFilter,
}

impl Default for LightStemmer {
    fn default() -> Self {
        LightStemmer::new()
    }
}

/// Number of letters (chars) of `s`.
fn letters(s: &str) -> usize {
    s.chars().count()
}

impl LightStemmer {
    /// The stemmer protecting the names of nass's default gazetteer (every country and
    /// capital, the main organizations) and the word الله.
    pub fn new() -> Self {
        let normalizer = Normalizer::new();
        let names = nass_gazetteer::default_entries()
            .iter()
            .flat_map(|e| e.names())
            .chain(["الله"]);
        LightStemmer::with_names(names, &normalizer)
    }

    /// The stemmer protecting the one-word names of `gazetteer`, normalized by its
    /// normalizer.
    ///
    /// ```
    /// use nass_analysis::LightStemmer;
    /// use nass_gazetteer::{Entry, Gazetteer};
    /// let g = Gazetteer::builder().default_entries(false)
    ///     .entry(Entry::new("بيروت", "city")).build().unwrap();
    /// assert_eq!(LightStemmer::from_gazetteer(&g).stem("وبيروت"), "بيروت");
    /// ```
    pub fn from_gazetteer(gazetteer: &Gazetteer) -> Self {
        let names = gazetteer.entries().flat_map(|e| e.names());
        LightStemmer::with_names(names, gazetteer.normalizer())
    }

    /// The stemmer protecting `names` (the one-word ones; others are ignored), each as
    /// given and as `normalizer` writes it.
    pub fn with_names<'a>(
        names: impl IntoIterator<Item = &'a str>,
        normalizer: &Normalizer,
    ) -> Self {
        let mut s = LightStemmer {
            names: HashSet::default(),
            article_names: HashSet::default(),
            filter: QuickFilter::default(),
        };
        for name in names {
            if name.split_whitespace().nth(1).is_some() {
                continue;
            }
            let name = name.trim();
            for form in [name.to_string(), normalizer.normalize(name).into_owned()] {
                if form.is_empty() {
                    continue;
                }
                if let Some(rest) = crate::strip_prefix(&form, "ال") {
                    if letters(rest) >= MIN_STEM {
                        s.filter.insert(rest);
                        s.article_names.insert(rest.to_string());
                    }
                }
                s.filter.insert(&form);
                s.names.insert(form);
            }
        }
        s
    }

    /// Whether `word` (as given) is one of the protected names.
    pub fn is_name(&self, word: &str) -> bool {
        self.filter.may_contain(word) && self.names.contains(word)
    }

    /// Whether `word` is a protected name's form without its article.
    fn is_article_name(&self, word: &str) -> bool {
        self.filter.may_contain(word) && self.article_names.contains(word)
    }

    /// The stem of `word`, a slice of it.
    pub fn stem<'a>(&self, word: &'a str) -> &'a str {
        if letters(word) <= MIN_STEM {
            return word;
        }
        if let Some(name) = self.name_in(word) {
            return name;
        }
        let rest = strip_proclitics(word);
        strip_suffixes(rest)
    }

    /// `s` if it is a name, without its article when [`MIN_STEM`] letters remain.
    fn name<'a>(&self, s: &'a str) -> Option<&'a str> {
        if !self.is_name(s) {
            return None;
        }
        Some(match crate::strip_prefix(s, "ال") {
            Some(rest) if self.is_article_name(rest) => rest,
            _ => s,
        })
    }

    /// The name `word` is, through proclitics, without its article. Readings with
    /// fewer proclitics are tried first.
    fn name_in<'a>(&self, word: &'a str) -> Option<&'a str> {
        if !begins_with_proclitic(word) {
            return self.name(word);
        }
        // The readings of the one proclitic grammar, fewest first (the first is none).
        for (p, len) in readings(word) {
            let rest = &word[len..];
            if let Some(n) = self.name(rest) {
                return Some(n);
            }
            // ل + ال is written لل: the alef is elided.
            if p.elides_article() {
                if let Some(after) = crate::strip_prefix(rest, "ل") {
                    if self.is_article_name(after) {
                        return Some(after);
                    }
                }
            }
        }
        None
    }
}

/// Step 3: the proclitics with the article after them (ال، وال، بال، فكال، لل، ولل...),
/// or a bare و.
fn strip_proclitics(word: &str) -> &str {
    if !begins_with_proclitic(word) {
        // Only the bare article can be read (the common case, without the grammar).
        return match crate::strip_prefix(word, "ال") {
            Some(rest) if letters(rest) >= MIN_STEM => rest,
            _ => word,
        };
    }
    for (p, len) in readings(word) {
        // After ل the article's alef is elided: ل + ال is written لل.
        let article = if p.elides_article() { "ل" } else { "ال" };
        if let Some(rest) = crate::strip_prefix(&word[len..], article) {
            if letters(rest) >= MIN_STEM {
                return rest;
            }
        }
    }
    if let Some(rest) = crate::strip_prefix(word, "و") {
        if letters(strip_suffixes(word)) > MIN_STEM && !is_root_waw(word) {
            return rest;
        }
    }
    word
}

/// Whether `word` begins with a letter that can be a proclitic (the only words with a
/// reading other than none).
#[inline]
fn begins_with_proclitic(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| Proclitics::NONE.then(c).is_some())
}

/// Whether `word` (or it without a pronoun or ending) is one of the [`ROOT_WAW`] words.
fn is_root_waw(word: &str) -> bool {
    ROOT_WAW.contains(&word) || ROOT_WAW.contains(&strip_suffixes(word))
}

/// `s` without `suffix`, if it ends with it and [`MIN_STEM`] letters remain.
fn without<'a>(s: &'a str, suffix: &str) -> Option<&'a str> {
    crate::strip_suffix(s, suffix).filter(|r| letters(r) >= MIN_STEM)
}

/// Steps 4 and 5.
fn strip_suffixes(word: &str) -> &str {
    let mut s = word;
    if let Some(r) = PRONOUNS.iter().find_map(|p| without(s, p)) {
        s = r;
        if !s.ends_with("ات") {
            if let Some(r) = without(s, "ت") {
                s = r;
            }
        }
    }
    if let Some(r) = ENDINGS.iter().find_map(|e| without(s, e)) {
        s = r;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules() {
        let s = LightStemmer::new();
        let cases = [
            // 1. short words
            ("في", "في"),
            ("وصل", "وصل"),
            ("كتب", "كتب"),
            // 2. names (default gazetteer)
            ("لبنان", "لبنان"),
            ("ولبنان", "لبنان"),
            ("بغداد", "بغداد"),
            ("ببغداد", "بغداد"),
            ("العراق", "عراق"),
            ("والعراق", "عراق"),
            ("بالعراق", "عراق"),
            ("للعراق", "عراق"),
            ("وللعراق", "عراق"),
            ("فلسطين", "فلسطين"),
            ("الله", "الله"),
            // 3. proclitics
            ("الكتاب", "كتاب"),
            ("والكتاب", "كتاب"),
            ("فالكتاب", "كتاب"),
            ("بالكتاب", "كتاب"),
            ("وبالكتاب", "كتاب"),
            ("للكتاب", "كتاب"),
            ("وكتاب", "كتاب"),
            ("وقال", "قال"),
            ("وقتها", "وقت"),
            ("وكتابها", "كتاب"),
            ("الاب", "الاب"), // 2 letters would remain
            ("وزير", "وزير"),
            ("وزيرها", "وزير"),
            ("والوزير", "وزير"),
            ("فريق", "فريق"),
            ("برنامج", "برنامج"),
            // 4. pronouns, and ت of a teh marbuta
            ("كتابهم", "كتاب"),
            ("كتابها", "كتاب"),
            ("بلادنا", "بلاد"),
            ("حكومتها", "حكوم"),
            ("اجتماعاتها", "اجتماع"),
            ("وقتها", "وقت"),
            // 5. endings
            ("المعلمون", "معلم"),
            ("معلمين", "معلم"),
            ("سيارات", "سيار"),
            ("عراقيون", "عراق"),
            ("العراقيين", "عراق"),
            ("عراقيه", "عراق"),
            ("عراقي", "عراق"),
            ("مدرسه", "مدرس"),
            ("كتابه", "كتاب"),
            ("برلمان", "برلمان"),
            ("اعلان", "اعلان"),
        ];
        for (word, stem) in cases {
            assert_eq!(s.stem(word), stem, "{word}");
        }
    }

    #[test]
    fn user_names() {
        let n = Normalizer::new();
        let s = LightStemmer::with_names(["الكرخ", "بعقوبة", "a b"], &n);
        assert_eq!(s.stem("بالكرخ"), "كرخ");
        assert_eq!(s.stem("ببعقوبه"), "بعقوبه");
        // Not a name any more: لبنان is not in this list.
        assert_eq!(s.stem("لبنانيون"), "لبنان");
        assert!(!s.is_name("a b"));
    }
}
