//! nass's stop-word list, written from Arabic grammar, and user lists.

use std::collections::HashSet;
use std::io::{self, BufRead};

use nass_normalize::Normalizer;

use crate::{FastHash, QuickFilter};

/// A class of the default stop-word list: which part of grammar its words come from.
///
/// ```
/// use nass_analysis::StopClass;
/// assert!(StopClass::Pronoun.words().contains(&"هو"));
/// assert_eq!(StopClass::Pronoun.name(), "pronoun");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StopClass {
    /// Detached personal pronouns (هو، هي، نحن...) and the object pronoun base إيا with
    /// its suffixes.
    Pronoun,
    /// Demonstratives and the place deictics (هذا، تلك، أولئك، هنا، هناك).
    Demonstrative,
    /// Relative pronouns (الذي، التي، الذين، اللواتي...).
    Relative,
    /// Prepositions and the adverbs that govern a noun like them (في، من، على، خلال، بين).
    Preposition,
    /// Prepositions with an attached pronoun (فيه، منها، عليهم، لنا، به).
    PrepositionPronoun,
    /// Conjunctions and subordinators (ثم، أو، لكن، حيث، إذا، لأن، كما).
    Conjunction,
    /// Particles of negation (لا، لم، لن، ليس، غير).
    Negation,
    /// Interrogatives (هل، ماذا، متى، أين، كيف).
    Interrogative,
    /// Particles of emphasis, affirmation, hope and address: إنّ and its sisters, قد،
    /// سوف، إنما، نعم، يا.
    Emphasis,
    /// كان and its sisters (أصبح، ظل، بات، صار، ما زال...), in their common persons.
    KanaSisters,
    /// Common adverbs and quantifiers (قبل، بعد، عندما، أيضا، فقط، كل، بعض).
    Adverb,
}

impl StopClass {
    /// Every class, in the order of the documentation.
    pub const ALL: [StopClass; 11] = [
        StopClass::Pronoun,
        StopClass::Demonstrative,
        StopClass::Relative,
        StopClass::Preposition,
        StopClass::PrepositionPronoun,
        StopClass::Conjunction,
        StopClass::Negation,
        StopClass::Interrogative,
        StopClass::Emphasis,
        StopClass::KanaSisters,
        StopClass::Adverb,
    ];

    /// The class's name, in lower case.
    pub const fn name(self) -> &'static str {
        match self {
            StopClass::Pronoun => "pronoun",
            StopClass::Demonstrative => "demonstrative",
            StopClass::Relative => "relative",
            StopClass::Preposition => "preposition",
            StopClass::PrepositionPronoun => "preposition+pronoun",
            StopClass::Conjunction => "conjunction",
            StopClass::Negation => "negation",
            StopClass::Interrogative => "interrogative",
            StopClass::Emphasis => "emphasis",
            StopClass::KanaSisters => "kana-sisters",
            StopClass::Adverb => "adverb",
        }
    }

    /// The class's words as written (with hamza and alef maksura where the spelling
    /// has them), before clitics and normalization are added.
    pub const fn words(self) -> &'static [&'static str] {
        match self {
            StopClass::Pronoun => &[
                "أنا",
                "نحن",
                "أنت",
                "أنتما",
                "أنتم",
                "أنتن",
                "هو",
                "هي",
                "هما",
                "هم",
                "هن",
                "إياه",
                "إياها",
                "إياهم",
                "إياهما",
                "إياك",
                "إياكم",
                "إياي",
                "إيانا",
            ],
            StopClass::Demonstrative => &[
                "هذا",
                "هذه",
                "هذان",
                "هذين",
                "هاتان",
                "هاتين",
                "هؤلاء",
                "ذلك",
                "تلك",
                "ذاك",
                "ذلكم",
                "أولئك",
                "هنا",
                "هناك",
                "هنالك",
                "ثمة",
            ],
            StopClass::Relative => &[
                "الذي",
                "التي",
                "اللذان",
                "اللذين",
                "اللتان",
                "اللتين",
                "الذين",
                "اللاتي",
                "اللواتي",
                "اللائي",
                "من",
                "ما",
            ],
            StopClass::Preposition => &[
                "في", "من", "إلى", "على", "عن", "مع", "حتى", "منذ", "لدى", "عند", "نحو", "خلال",
                "بين", "حول", "ضد", "عبر", "دون", "ضمن", "لدن", "سوى", "إثر",
            ],
            StopClass::PrepositionPronoun => &[
                "فيه",
                "فيها",
                "فيهم",
                "فيهما",
                "فيهن",
                "فينا",
                "منه",
                "منها",
                "منهم",
                "منهما",
                "منهن",
                "منا",
                "مني",
                "إليه",
                "إليها",
                "إليهم",
                "إليهما",
                "إلينا",
                "إلي",
                "عليه",
                "عليها",
                "عليهم",
                "عليهما",
                "علينا",
                "عنه",
                "عنها",
                "عنهم",
                "عنهما",
                "عنا",
                "معه",
                "معها",
                "معهم",
                "معهما",
                "معنا",
                "له",
                "لها",
                "لهم",
                "لهما",
                "لهن",
                "لنا",
                "لي",
                "به",
                "بها",
                "بهم",
                "بهما",
                "بنا",
                "بي",
                "لديه",
                "لديها",
                "لديهم",
                "عنده",
                "عندها",
                "عندهم",
                "بينهم",
                "بينهما",
                "بينها",
                "بذلك",
                "لذلك",
                "كذلك",
                "بهذا",
                "لهذا",
                "بهذه",
                "لهذه",
                "بما",
                "لما",
                "بأن",
                "بأنه",
                "بأنها",
            ],
            StopClass::Conjunction => &[
                "و",
                "ف",
                "ثم",
                "أو",
                "أم",
                "بل",
                "لكن",
                "لكنه",
                "لكنها",
                "حيث",
                "إذ",
                "إذا",
                "إذن",
                "كي",
                "لكي",
                "بينما",
                "كما",
                "مثلما",
                "لأن",
                "لأنه",
                "لأنها",
                "أما",
                "إما",
                "أي",
                "لو",
                "لولا",
                "كلما",
            ],
            StopClass::Negation => &["لا", "لم", "لن", "ليس", "ليست", "ليسوا", "غير", "لات"],
            StopClass::Interrogative => &[
                "هل",
                "ماذا",
                "لماذا",
                "متى",
                "أين",
                "كيف",
                "كم",
                "أيان",
                "أنى",
            ],
            StopClass::Emphasis => &[
                "إن", "أن", "إنه", "إنها", "أنه", "أنها", "إنهم", "أنهم", "قد", "لقد", "سوف",
                "إنما", "لعل", "ليت", "كأن", "كأنه", "نعم", "بلى", "كلا", "إلا", "ألا", "يا",
            ],
            StopClass::KanaSisters => &[
                "كان",
                "كانت",
                "كانوا",
                "كانا",
                "كنت",
                "كنا",
                "يكون",
                "تكون",
                "يكونون",
                "أصبح",
                "أصبحت",
                "أضحى",
                "أمسى",
                "ظل",
                "ظلت",
                "بات",
                "باتت",
                "صار",
                "صارت",
                "زال",
                "يزال",
                "تزال",
                "مازال",
                "مازالت",
                "دام",
                "مادام",
            ],
            StopClass::Adverb => &[
                "قبل",
                "بعد",
                "حين",
                "حينما",
                "عندما",
                "الآن",
                "أيضا",
                "فقط",
                "جدا",
                "كل",
                "بعض",
                "جميع",
                "معظم",
                "فوق",
                "تحت",
                "أمام",
                "خلف",
                "وراء",
                "أثناء",
                "دائما",
                "أبدا",
                "قط",
                "ربما",
                "لدى",
                "سواء",
            ],
        }
    }
}

/// Forms made by adding the conjunction و or ف that are common content words, and so
/// left out of the default list: فهم (understanding), ولي (guardian, heir), وهم
/// (illusion).
const CLITIC_EXCEPTIONS: [&str; 3] = ["فهم", "ولي", "وهم"];

/// A set of stop words.
///
/// The default list ([`StopWords::default`]) is every word of every [`StopClass`], each
/// also with the conjunction و or ف attached (وهو، فإن، ولم، وكان), except for
/// [`StopClass::PrepositionPronoun`], one-letter words, and the few results that are
/// themselves common content words (فهم، ولي، وهم). An analyzer adds the form every
/// word takes under its normalizer ([`StopWords::with_normalized`]), so إلى is also
/// found as الي.
///
/// ```
/// use nass_analysis::StopWords;
/// let stop = StopWords::default();
/// assert!(stop.contains("إلى") && stop.contains("وإلى") && stop.contains("فهو"));
/// assert!(!stop.contains("فهم") && !stop.contains("كتاب"));
/// let mine = StopWords::from_reader("قال\n# a comment\n\nأكد\n".as_bytes()).unwrap();
/// assert!(mine.contains("قال") && !mine.contains("في"));
/// ```
#[derive(Clone, Debug)]
pub struct StopWords {
    words: HashSet<String, FastHash>,
    max_len: usize,
    filter: QuickFilter,
}

impl Default for StopWords {
    fn default() -> Self {
        let mut s = StopWords::empty();
        for class in StopClass::ALL {
            for &w in class.words() {
                s.insert(w);
                if class == StopClass::PrepositionPronoun || w.chars().count() < 2 {
                    continue;
                }
                for conj in ["و", "ف"] {
                    let form = format!("{conj}{w}");
                    if !CLITIC_EXCEPTIONS.contains(&form.as_str()) {
                        s.insert(&form);
                    }
                }
            }
        }
        s
    }
}

impl StopWords {
    /// No stop words.
    ///
    /// ```
    /// assert!(nass_analysis::StopWords::empty().is_empty());
    /// ```
    pub fn empty() -> Self {
        StopWords {
            words: HashSet::default(),
            max_len: 0,
            filter: QuickFilter::default(),
        }
    }

    /// A user's list: one word a line; blank lines and lines starting with `#` are
    /// skipped; surrounding whitespace is trimmed.
    ///
    /// ```
    /// let s = nass_analysis::StopWords::from_reader(" قال \r\nأكد".as_bytes()).unwrap();
    /// assert_eq!(s.len(), 2);
    /// ```
    pub fn from_reader(reader: impl io::Read) -> io::Result<Self> {
        let mut s = StopWords::empty();
        for line in io::BufReader::new(reader).lines() {
            let line = line?;
            let w = line.trim();
            if !w.is_empty() && !w.starts_with('#') {
                s.insert(w);
            }
        }
        Ok(s)
    }

    /// Adds a word.
    pub fn insert(&mut self, word: &str) {
        self.max_len = self.max_len.max(word.len());
        self.filter.insert(word);
        self.words.insert(word.to_string());
    }

    /// This list with, for every word, also its form under `normalizer`.
    ///
    /// ```
    /// use nass_analysis::StopWords;
    /// use nass_normalize::Normalizer;
    /// let s = StopWords::default().with_normalized(&Normalizer::new());
    /// assert!(s.contains("الي") && s.contains("وانما"));
    /// ```
    pub fn with_normalized(mut self, normalizer: &Normalizer) -> Self {
        let normalized: Vec<String> = self
            .words
            .iter()
            .map(|w| normalizer.normalize(w).into_owned())
            .filter(|w| !w.is_empty())
            .collect();
        for w in normalized {
            self.insert(&w);
        }
        self
    }

    /// Whether `word` is in the list (exactly as given).
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        word.len() <= self.max_len && self.filter.may_contain(word) && self.words.contains(word)
    }

    /// How many words (forms) the list holds.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The words, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        self.words.iter().map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_are_covered_with_clitics() {
        let s = StopWords::default();
        for class in StopClass::ALL {
            for w in class.words() {
                assert!(s.contains(w), "{w} ({})", class.name());
            }
        }
        for w in [
            "وهو",
            "فهو",
            "ولكن",
            "فإن",
            "ولم",
            "وكانت",
            "وهذا",
            "والتي",
            "وفي",
        ] {
            assert!(s.contains(w), "{w}");
        }
        // Not with a preposition-pronoun (وفيه is not added) nor on one letter (وو).
        assert!(!s.contains("وفيه") && !s.contains("وو") && !s.contains("فو"));
        for w in CLITIC_EXCEPTIONS {
            assert!(!s.contains(w), "{w}");
        }
    }

    #[test]
    fn normalized_forms() {
        let search = Normalizer::new();
        let s = StopWords::default().with_normalized(&search);
        for w in [
            "الي",
            "علي",
            "انه",
            "هولاء",
            "اوليك",
            "وان",
            "فاذا",
            "اصبحت",
            "ابدا",
        ] {
            assert!(s.contains(w), "{w}");
        }
    }

    #[test]
    fn user_list() {
        let s = StopWords::from_reader("#x\n\n  قال\t\nأكد\n".as_bytes()).unwrap();
        let mut words: Vec<_> = s.iter().collect();
        words.sort();
        assert_eq!(words, ["أكد", "قال"]);
        assert!(!s.contains("في"));
    }
}
