//! The proclitic grammar: the letters that can stand before an Arabic word, written as
//! part of it, and in what order.
//!
//! A word may begin with at most one conjunction (و "and", ف "so"), then at most one
//! preposition (ب "with, in", ك "like", ل "for, to"): nothing, و ف ب ك ل, and وب وك ول فب
//! فك فل. When ل stands before the article ال, the article's alef is not written: ل +
//! البيت is written للبيت ([`Proclitics::elides_article`]). A preposition after a
//! preposition, or a conjunction after anything, is not a proclitic: in ببغداد the second
//! ب is the name's.
//!
//! Every reader of proclitics in the workspace (the gazetteer's search, number words,
//! date words, the light stemmer) steps through this grammar with
//! [`Proclitics::then`]; what each does with the readings (which to try first, how many
//! letters must remain) is its own policy.
//!
//! ```
//! use nass_core::proclitics::{readings, Proclitics};
//!
//! // Every way "وللبيت" can begin with proclitics: none, و, و + ل (then an elided article).
//! let r: Vec<_> = readings("وللبيت").map(|(p, len)| (p.count(), len, p.elides_article())).collect();
//! assert_eq!(r, [(0, 0, false), (1, 2, false), (2, 4, true)]);
//!
//! // The same grammar, one letter at a time.
//! let p = Proclitics::NONE.then('ف').and_then(|p| p.then('ك'));
//! assert_eq!(p.map(|p| p.count()), Some(2));
//! assert_eq!(Proclitics::NONE.then('ب').and_then(|p| p.then('و')), None);
//! ```

/// The conjunctions that can be proclitics: و ف.
pub const CONJUNCTIONS: [char; 2] = ['و', 'ف'];

/// The prepositions that can be proclitics: ب ك ل.
pub const PREPOSITIONS: [char; 3] = ['ب', 'ك', 'ل'];

/// Whether `c` is a conjunction that can be a proclitic (و ف).
///
/// ```
/// assert!(nass_core::proclitics::is_conjunction('ف'));
/// assert!(!nass_core::proclitics::is_conjunction('ب'));
/// ```
pub const fn is_conjunction(c: char) -> bool {
    matches!(c, 'و' | 'ف')
}

/// Whether `c` is a preposition that can be a proclitic (ب ك ل).
///
/// ```
/// assert!(nass_core::proclitics::is_preposition('ك'));
/// assert!(!nass_core::proclitics::is_preposition('و'));
/// ```
pub const fn is_preposition(c: char) -> bool {
    matches!(c, 'ب' | 'ك' | 'ل')
}

/// The proclitics read so far at the start of a word: a place in the grammar.
///
/// ```
/// use nass_core::proclitics::Proclitics;
/// let p = Proclitics::NONE.then('و').unwrap().then('ل').unwrap();
/// assert_eq!((p.conjunction(), p.preposition()), (Some('و'), Some('ل')));
/// assert!(p.elides_article());
/// assert_eq!(p.then('ب'), None); // no third proclitic
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Proclitics {
    conjunction: Option<char>,
    preposition: Option<char>,
}

impl Proclitics {
    /// No proclitic read yet.
    pub const NONE: Proclitics = Proclitics {
        conjunction: None,
        preposition: None,
    };

    /// The proclitics after reading `c` as one more, or `None` if the grammar does not
    /// allow `c` here: a conjunction only first, a preposition only once.
    ///
    /// ```
    /// use nass_core::proclitics::Proclitics;
    /// assert!(Proclitics::NONE.then('و').is_some());
    /// assert!(Proclitics::NONE.then('و').unwrap().then('ف').is_none());
    /// assert!(Proclitics::NONE.then('ت').is_none());
    /// ```
    pub const fn then(self, c: char) -> Option<Proclitics> {
        if is_conjunction(c) && self.conjunction.is_none() && self.preposition.is_none() {
            return Some(Proclitics {
                conjunction: Some(c),
                preposition: None,
            });
        }
        if is_preposition(c) && self.preposition.is_none() {
            return Some(Proclitics {
                conjunction: self.conjunction,
                preposition: Some(c),
            });
        }
        None
    }

    /// How many proclitics were read (0, 1 or 2).
    ///
    /// ```
    /// use nass_core::proclitics::Proclitics;
    /// assert_eq!(Proclitics::NONE.count(), 0);
    /// assert_eq!(Proclitics::NONE.then('ب').unwrap().count(), 1);
    /// ```
    pub const fn count(self) -> u8 {
        self.conjunction.is_some() as u8 + self.preposition.is_some() as u8
    }

    /// Whether another proclitic can follow.
    ///
    /// ```
    /// use nass_core::proclitics::Proclitics;
    /// assert!(Proclitics::NONE.then('و').unwrap().can_continue());
    /// assert!(!Proclitics::NONE.then('ل').unwrap().can_continue());
    /// ```
    pub const fn can_continue(self) -> bool {
        self.preposition.is_none()
    }

    /// The conjunction read, if any.
    pub const fn conjunction(self) -> Option<char> {
        self.conjunction
    }

    /// The preposition read, if any.
    pub const fn preposition(self) -> Option<char> {
        self.preposition
    }

    /// Whether the last proclitic is ل, after which the article ال is written without its
    /// alef: what follows may be ل + the rest of a word that begins with ال (للبيت = ل +
    /// البيت).
    ///
    /// ```
    /// use nass_core::proclitics::Proclitics;
    /// assert!(Proclitics::NONE.then('ل').unwrap().elides_article());
    /// assert!(!Proclitics::NONE.then('ب').unwrap().elides_article());
    /// ```
    pub const fn elides_article(self) -> bool {
        matches!(self.preposition, Some('ل'))
    }
}

/// Every reading of the proclitics `word` may begin with, fewest first: `(proclitics,
/// byte length)`, starting with `(Proclitics::NONE, 0)`. A reading is only offered when
/// something follows it. `word` is taken as it is: skip or fold marks first (see
/// [`readings_with`] to skip them in place).
///
/// ```
/// use nass_core::proclitics::readings;
/// let lens: Vec<usize> = readings("فبتونس").map(|(_, len)| len).collect();
/// assert_eq!(lens, [0, 2, 4]);
/// assert_eq!(readings("و").count(), 1); // nothing after the و
/// ```
pub fn readings(word: &str) -> impl Iterator<Item = (Proclitics, usize)> + '_ {
    readings_with(word, |_| false)
}

/// [`readings`], with the characters `skip` says are transparent (marks, tatweel) passed
/// over after each proclitic letter and before the first, and counted in its length.
///
/// ```
/// use nass_core::proclitics::readings_with;
/// let marks = |c| matches!(c, '\u{064B}'..='\u{0652}');
/// let r: Vec<usize> = readings_with("وَبِتونس", marks).map(|(_, len)| len).collect();
/// assert_eq!(r, [0, 4, 8]);
/// ```
pub fn readings_with<'w>(
    word: &'w str,
    skip: impl Fn(char) -> bool + 'w,
) -> impl Iterator<Item = (Proclitics, usize)> + 'w {
    let mut state = Some((Proclitics::NONE, 0usize));
    let mut first = true;
    std::iter::from_fn(move || {
        let (p, at) = state?;
        if first {
            first = false;
            return Some((p, 0));
        }
        let skip_from = |mut i: usize| {
            while let Some(c) = word[i..].chars().next() {
                if !skip(c) {
                    break;
                }
                i += c.len_utf8();
            }
            i
        };
        let i = skip_from(at);
        let c = word[i..].chars().next()?;
        let Some(next) = p.then(c) else {
            state = None;
            return None;
        };
        let after = skip_from(i + c.len_utf8());
        if after >= word.len() {
            state = None;
            return None;
        }
        state = Some((next, after));
        Some((next, after))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The grammar written out: every sequence of at most two letters it accepts.
    #[test]
    fn the_accepted_sequences() {
        let letters = ['و', 'ف', 'ب', 'ك', 'ل', 'ت'];
        let mut accepted = Vec::new();
        for a in letters {
            if let Some(p) = Proclitics::NONE.then(a) {
                accepted.push(a.to_string());
                for b in letters {
                    if p.then(b).is_some() {
                        accepted.push(format!("{a}{b}"));
                    }
                }
            }
        }
        accepted.sort();
        let mut expected: Vec<String> =
            ["و", "ف", "ب", "ك", "ل", "وب", "وك", "ول", "فب", "فك", "فل"]
                .iter()
                .map(|s| s.to_string())
                .collect();
        expected.sort();
        assert_eq!(accepted, expected);
    }

    #[test]
    fn readings_stop_where_the_grammar_does() {
        let lens = |w| readings(w).map(|(_, n)| n).collect::<Vec<_>>();
        assert_eq!(lens("ببغداد"), [0, 2]); // ب then ب: the second is the name's
        assert_eq!(lens("وفي"), [0, 2]);
        assert_eq!(lens("كتاب"), [0, 2]);
        assert_eq!(lens("تونس"), [0]);
        assert_eq!(lens(""), [0]);
        assert_eq!(lens("ول"), [0, 2]);
    }
}
