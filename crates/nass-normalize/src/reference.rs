//! The slow, obviously correct reference that defines what a normalizer returns: the
//! ligature spelling, the Unicode normalization and each enabled operation in turn,
//! repeated until nothing changes (once for the `camel` preset).

use std::borrow::Cow;

use nass_core::{map_chars, CharAction};
use nass_numerals::DigitConverter;
use unicode_normalization::{is_nfc_quick, is_nfkc_quick, IsNormalized, UnicodeNormalization};

use crate::{invisibles, HamzaFold, Settings, UnicodeForm};

/// Replaces `text` by what `step` makes of it, when that is new.
pub(crate) fn step(text: &mut Cow<'_, str>, step: impl FnOnce(&str) -> Cow<'_, str>) {
    if let Cow::Owned(next) = step(text) {
        *text = Cow::Owned(next);
    }
}

pub(crate) fn ligature_action(c: char) -> CharAction {
    match c {
        '\u{FDFC}' => CharAction::Replace("ريال".into()),
        '\u{FDFD}' => CharAction::Replace("بسم الله الرحمن الرحيم".into()),
        _ => CharAction::Keep,
    }
}

impl Settings {
    /// What [`Normalizer::reference`] returns.
    pub(crate) fn reference(&self, text: &str) -> String {
        match self.reference_round(text) {
            Cow::Borrowed(_) => text.to_string(),
            Cow::Owned(next) => self.reference_rounds_from(next),
        }
    }

    /// The reference's further rounds, after a first one that gave `current`.
    pub(crate) fn reference_rounds_from(&self, mut current: String) -> String {
        if self.single_round {
            return current;
        }
        // Each further round only composes what the previous one brought together, so it
        // shortens the text or leaves it alone; a handful of rounds always suffices.
        for _ in 0..64 {
            match self.reference_round(&current) {
                Cow::Owned(next) if next != current => current = next,
                _ => return current,
            }
        }
        current
    }

    /// One round of the reference: borrows `text` when nothing changes it.
    pub(crate) fn reference_round<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let mut text = Cow::Borrowed(text);
        if self.ligatures {
            step(&mut text, |t| map_chars(t, ligature_action));
        }
        match self.unicode {
            UnicodeForm::None => {}
            UnicodeForm::Nfc => step(&mut text, |t| match is_in_form(UnicodeForm::Nfc, t) {
                true => Cow::Borrowed(t),
                false => Cow::Owned(t.nfc().collect()),
            }),
            UnicodeForm::Nfkc => step(&mut text, |t| match is_in_form(UnicodeForm::Nfkc, t) {
                true => Cow::Borrowed(t),
                false => Cow::Owned(t.nfkc().collect()),
            }),
        }
        self.operations(text)
    }

    /// The per-character operations of a round, in order, applied to `text`.
    pub(crate) fn operations<'a>(&self, mut text: Cow<'a, str>) -> Cow<'a, str> {
        let s = *self;
        if !s.letters.is_empty() || s.hamza != HamzaFold::Tasheel {
            step(&mut text, |t| map_chars(t, |c| s.letter_action(c)));
        }
        if !s.diacritics.is_empty() || s.tatweel {
            step(&mut text, |t| {
                map_chars(t, |c| nass_diacritics::action(c, s.diacritics, s.tatweel))
            });
        }
        if s.invisibles {
            step(&mut text, |t| map_chars(t, invisibles::action));
        }
        if let Some(converter) = s.digit_converter() {
            step(&mut text, |t| converter.convert(t));
        }
        text
    }

    /// Whether an operation looks at whole words or runs of letters, beyond what the
    /// table sees.
    pub(crate) fn needs_words(&self) -> bool {
        self.elongation || self.hamza == HamzaFold::Uniform
    }

    /// The letter folds' action on `c`, with the hamza spelling.
    pub(crate) fn letter_action(&self, c: char) -> CharAction {
        self.letters.action_with(c, self.hamza)
    }

    /// The digit conversion, when it is on.
    pub(crate) fn digit_converter(&self) -> Option<DigitConverter> {
        self.digits.map(|to| {
            DigitConverter::builder(to)
                .from(self.digit_sources)
                .all_decimal_digits(self.all_digits)
                .separators(true)
                .build()
        })
    }

    /// Whether the digit conversion changes `c` in some context but not in another (a
    /// separator between digits), or changes what the Unicode normalization makes of it
    /// (U+2024 ONE DOT LEADER is `.` under NFKC, and so a separator).
    pub(crate) fn digits_depend_on_context(&self, c: char) -> bool {
        self.digit_converter().is_some_and(|d| {
            let zero = Some(d.target().zero());
            let depends = |x: char| d.separator(zero, x, zero) != d.separator(None, x, None);
            depends(c)
                || crate::classifier::normalized_alone(self.unicode, c)
                    .is_some_and(|r| r.chars().any(depends))
        })
    }
}

/// Whether the operations (not the Unicode normalization) leave `c` alone.
pub(crate) fn operations_keep(s: &Settings, c: char) -> bool {
    (!s.ligatures || ligature_action(c) == CharAction::Keep)
        && s.letter_action(c) == CharAction::Keep
        && nass_diacritics::action(c, s.diacritics, s.tatweel) == CharAction::Keep
        && (!s.invisibles || invisibles::action(c) == CharAction::Keep)
        && s.digit_converter().is_none_or(|d| {
            // Only digits and separators that change between digits (the one rule,
            // nass-numerals' `separator_in_context`) can change.
            let zero = Some(d.target().zero());
            if nass_numerals::decimal_digit_value(c).is_none()
                && d.separator(zero, c, zero).is_none()
            {
                return true;
            }
            let mut buf = [0; 4];
            matches!(d.convert(c.encode_utf8(&mut buf)), Cow::Borrowed(_))
        })
}

/// Whether `text` is known to be in the form already: its code points are all inert
/// (each a starter that the form leaves alone and that combines with nothing), or the
/// quick check says yes.
pub(crate) fn is_in_form(form: UnicodeForm, text: &str) -> bool {
    text.chars().all(nass_core::unicode::is_normalization_inert)
        || match form {
            UnicodeForm::None => true,
            UnicodeForm::Nfc => is_nfc_quick(text.chars()) == IsNormalized::Yes,
            UnicodeForm::Nfkc => is_nfkc_quick(text.chars()) == IsNormalized::Yes,
        }
}
