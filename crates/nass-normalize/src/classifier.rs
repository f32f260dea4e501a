//! The table builder: classifies the code points that the enabled operations or the
//! Unicode normalization can touch into the entries of the fast path's table.

use std::borrow::Cow;
use std::ops::RangeInclusive;

use nass_core::{CharAction, CharSet, Entry, Table, TableBuilder};
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, is_nfkc_quick, IsNormalized, UnicodeNormalization};

use crate::reference::{is_in_form, ligature_action, operations_keep};
use crate::{invisibles, HamzaFold, Settings, UnicodeForm};

/// Whether normalization leaves `c` alone when it stands by itself.
pub(crate) fn normalization_keeps(form: UnicodeForm, c: char) -> bool {
    let once = std::iter::once(c);
    let quick = match form {
        UnicodeForm::None => return true,
        UnicodeForm::Nfc => is_nfc_quick(once),
        UnicodeForm::Nfkc => is_nfkc_quick(once),
    };
    match quick {
        IsNormalized::Yes => true,
        IsNormalized::No => false,
        IsNormalized::Maybe => {
            let s: String = match form {
                UnicodeForm::Nfc => std::iter::once(c).nfc().collect(),
                _ => std::iter::once(c).nfkc().collect(),
            };
            s.chars().eq(std::iter::once(c))
        }
    }
}

/// What the form makes of `c` standing alone, or `None` when it leaves it as it is: the
/// same as normalizing the one-code-point string, with shortcuts. When `c`'s full
/// decomposition is one code point, nothing can compose: that is the result. When it is
/// more, the form leaves `c` as it is exactly when composing the parts in turn, each with
/// what the ones before it composed to, gives back `c` (a part that does not compose stays
/// in the result, so the result would have more than one code point).
pub(crate) fn normalized_alone(form: UnicodeForm, c: char) -> Option<String> {
    // The longest full decomposition (U+FDFA) has 18 code points.
    let mut parts = ['\0'; 18];
    let mut len = 0;
    let mut take = |d: char| {
        if let Some(slot) = parts.get_mut(len) {
            *slot = d;
        }
        len += 1;
    };
    match form {
        UnicodeForm::None => return None,
        UnicodeForm::Nfc => unicode_normalization::char::decompose_canonical(c, &mut take),
        UnicodeForm::Nfkc => unicode_normalization::char::decompose_compatible(c, &mut take),
    }
    if len == 1 {
        return (parts[0] != c).then(|| parts[0].to_string());
    }
    let composed = parts.get(1..len).and_then(|rest| {
        rest.iter().try_fold(parts[0], |acc, &next| {
            unicode_normalization::char::compose(acc, next)
        })
    });
    if composed == Some(c) {
        return None;
    }
    let once = std::iter::once(c);
    let normalized: String = match form {
        UnicodeForm::Nfc => once.nfc().collect(),
        _ => once.nfkc().collect(),
    };
    (!normalized.chars().eq(std::iter::once(c))).then_some(normalized)
}

/// The first code point of `c`'s decomposition under the form (canonical for NFC,
/// compatibility for NFKC).
pub(crate) fn first_of_decomposition(form: UnicodeForm, c: char) -> char {
    let mut first = None;
    let mut take = |d: char| {
        first.get_or_insert(d);
    };
    match form {
        UnicodeForm::Nfkc => unicode_normalization::char::decompose_compatible(c, &mut take),
        _ => unicode_normalization::char::decompose_canonical(c, &mut take),
    }
    first.unwrap_or(c)
}

/// Whether nothing before `c` can combine with `c` or with what follows it.
pub(crate) fn boundary_before(form: UnicodeForm, c: char) -> bool {
    let starter =
        |d: char| canonical_combining_class(d) == 0 && !nass_core::unicode::composes_backward(d);
    starter(c) && starter(first_of_decomposition(form, c))
}

/// The table: every code point below U+10000 that some enabled operation or the Unicode
/// normalization can touch is classified; the rest are kept as anchors (which is what
/// classifying them would give).
pub(crate) fn build_table(s: Settings) -> Table {
    let classifier = Classifier::new(s);
    let mut b = TableBuilder::new();
    for c in classifier.candidates() {
        let entry = classifier.classify(c);
        if entry != Entry::KeepAnchor {
            b.set(c, entry);
        }
    }
    b.astral(move |c| classify_astral(&s, c));
    b.build()
}

/// Code points that the ligature spelling changes.
pub(crate) const LIGATURE_RANGES: &[RangeInclusive<char>] = &['\u{FDFC}'..='\u{FDFD}'];

/// Classifies code points for the table, with what it knows of the settings: which code
/// points below U+10000 the enabled operations may touch (the union of their range lists,
/// each tested to hold every code point its operation changes), and which are inert.
struct Classifier {
    s: Settings,
    /// Code points in the range lists of the enabled operations.
    touched: CharSet,
    /// [`nass_core::unicode::is_normalization_inert`], as a set.
    inert: CharSet,
}

impl Classifier {
    fn new(s: Settings) -> Self {
        let mut touched = CharSet::new();
        let mut insert = |on: bool, ranges: &[RangeInclusive<char>]| {
            if on {
                for r in ranges {
                    touched.insert_range(r.clone());
                }
            }
        };
        insert(s.ligatures, LIGATURE_RANGES);
        insert(!s.letters.is_empty(), nass_letters::ACTION_RANGES);
        insert(s.hamza != HamzaFold::Tasheel, nass_letters::HAMZA_RANGES);
        insert(
            !s.diacritics.is_empty() || s.tatweel,
            nass_diacritics::ACTION_RANGES,
        );
        insert(s.invisibles, invisibles::ACTION_RANGES);
        // The separators whose change depends on context are in the list too.
        insert(s.digits.is_some(), nass_numerals::CONVERTIBLE_RANGES);
        let inert = CharSet::from_ranges(nass_core::unicode::normalization_inert_ranges());
        Classifier { s, touched, inert }
    }

    /// The code points below U+10000 whose entry is not obviously [`Entry::KeepAnchor`]:
    /// those the Unicode normalization may touch (all but the inert ones) and those the
    /// enabled operations may touch. For the others, [`classify`](Self::classify) gives
    /// `KeepAnchor`.
    fn candidates(&self) -> impl Iterator<Item = char> + '_ {
        let every = self.s.unicode != UnicodeForm::None;
        ('\0'..='\u{FFFF}').filter(move |&c| self.touched.contains(c) || (every && !self.inert(c)))
    }

    /// [`nass_core::unicode::is_normalization_inert`].
    fn inert(&self, c: char) -> bool {
        self.inert.contains(c)
    }

    /// [`operations_keep`], answered at once outside the operations' ranges.
    fn operations_keep(&self, c: char) -> bool {
        self.untouched(c) || operations_keep(&self.s, c)
    }

    /// What the fast path may do with `c` (see `nass_core::Entry`). The definition is
    /// `table_reference::classify`; this gives the same entry (the tests hold the two
    /// tables equal) with shortcuts: an inert code point is left alone by normalization
    /// and is an anchor, and what is left alone needs no string.
    fn classify(&self, c: char) -> Entry {
        let s = &self.s;
        let form = s.unicode;
        if s.digits_depend_on_context(c) {
            return Entry::Complex;
        }
        let inert = form == UnicodeForm::None || self.inert(c);
        // What normalization makes of `c` alone; `None`: it leaves it as it is.
        let normalized = if inert {
            None
        } else {
            normalized_alone(form, c)
        };
        let keeps = normalized.is_none() && self.operations_keep(c);
        // Most code points: left alone by every operation, and a starter that
        // normalization does not touch.
        if inert && keeps {
            return Entry::KeepAnchor;
        }
        let normalization_keeps = normalized.is_none();
        // What `c` alone becomes; `None`: it is left as it is.
        let result = if keeps {
            None
        } else {
            Some(self.reference_alone(c, normalized))
        };
        if form == UnicodeForm::None {
            // Every code point is handled alone.
            return match result {
                None => Entry::KeepAnchor,
                Some(r) if r.is_empty() => Entry::Drop,
                Some(r) => Entry::Replace(r),
            };
        }
        let ccc = canonical_combining_class(c);
        let composes = nass_core::unicode::composes_backward(c)
            || nass_core::unicode::composites_starting_with(c)
                .next()
                .is_some();
        if result.as_deref() == Some("") {
            // Transparent only if it takes no part in composition.
            return if normalization_keeps && !composes {
                Entry::Drop
            } else {
                Entry::Complex
            };
        }
        if ccc != 0 {
            return if result.is_none() && !composes {
                Entry::KeepMark(ccc)
            } else {
                Entry::Complex
            };
        }
        if !boundary_before(form, c) || !result.as_deref().is_none_or(|r| self.anchor(r)) {
            return Entry::Complex;
        }
        // Whatever `c` composes with must also leave an anchor behind.
        for composite in nass_core::unicode::composites_starting_with(c) {
            if !self.leaves_an_anchor(composite) {
                return Entry::Complex;
            }
        }
        match result {
            None => Entry::KeepAnchor,
            Some(r) => Entry::Replace(r),
        }
    }

    /// Whether what `c` alone becomes can stand as an anchor ([`anchor_result`]); the
    /// form is NFC or NFKC.
    fn leaves_an_anchor(&self, c: char) -> bool {
        let form = self.s.unicode;
        let inert = self.inert(c);
        let normalized = if inert {
            None
        } else {
            normalized_alone(form, c)
        };
        if normalized.is_none() && self.operations_keep(c) {
            // Left as it is: an inert code point is a starter nothing combines with.
            inert || (boundary_before(form, c) && canonical_combining_class(c) == 0)
        } else {
            self.anchor(&self.reference_alone(c, normalized))
        }
    }

    /// [`anchor_result`]: a non-empty result of inert code points is one at once.
    fn anchor(&self, result: &str) -> bool {
        let inert = !result.is_empty() && result.chars().all(|d| self.inert(d));
        inert || anchor_result(self.s.unicode, result)
    }

    /// Whether a round of the reference leaves `text` as it is, known at once: no
    /// enabled operation can change its code points, and it is in the normal form.
    fn stable(&self, text: &str) -> bool {
        text.chars().all(|d| self.untouched(d)) && is_in_form(self.s.unicode, text)
    }

    /// Whether no enabled operation can change `c` (the ligature spelling included).
    fn untouched(&self, c: char) -> bool {
        u32::from(c) < 0x10000 && !self.touched.contains(c)
    }

    /// [`Settings::reference`] of `c` alone, given what the normalization makes of it
    /// ([`normalized_alone`]).
    fn reference_alone(&self, c: char, normalized: Option<String>) -> String {
        let s = &self.s;
        if !self.untouched(c) && s.ligatures && ligature_action(c) != CharAction::Keep {
            return s.reference(c.encode_utf8(&mut [0; 4]));
        }
        // The first round: the normalization (the ligature spelling leaves `c` alone),
        // then the operations.
        let normalized = normalized.unwrap_or_else(|| c.to_string());
        if normalized.chars().all(|d| self.untouched(d)) {
            // The operations leave it alone, and it is normalized: the next round changes
            // nothing.
            return normalized;
        }
        let first = match s.operations(Cow::Borrowed(&normalized)) {
            Cow::Borrowed(_) => normalized,
            Cow::Owned(next) => next,
        };
        if self.stable(&first) {
            return first;
        }
        s.reference_rounds_from(first)
    }
}

/// Whether a code point's result can stand as an anchor: non-empty, starters only, and
/// nothing before it can combine with it.
pub(crate) fn anchor_result(form: UnicodeForm, result: &str) -> bool {
    let mut chars = result.chars();
    match chars.next() {
        None => false,
        Some(first) => {
            boundary_before(form, first)
                && result.chars().all(|d| canonical_combining_class(d) == 0)
        }
    }
}

/// Code points above U+FFFF: only normalization and the digit fold (astral Nd digits)
/// touch them.
pub(crate) fn classify_astral(s: &Settings, c: char) -> Entry {
    let form = s.unicode;
    if !operations_keep(s, c) {
        return Entry::Complex;
    }
    if form == UnicodeForm::None {
        return Entry::KeepAnchor;
    }
    if !normalization_keeps(form, c) || nass_core::unicode::composes_backward(c) {
        return Entry::Complex;
    }
    match canonical_combining_class(c) {
        0 => Entry::KeepAnchor,
        ccc if nass_core::unicode::composites_starting_with(c)
            .next()
            .is_none() =>
        {
            Entry::KeepMark(ccc)
        }
        _ => Entry::Complex,
    }
}
