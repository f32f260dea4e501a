//! Invisible format controls and Unicode spaces.

use std::ops::RangeInclusive;

use nass_core::CharAction;

/// Ranges that hold every code point [`action`] changes.
pub(crate) const ACTION_RANGES: &[RangeInclusive<char>] = &[
    '\u{00A0}'..='\u{00A0}',
    '\u{00AD}'..='\u{00AD}',
    '\u{061C}'..='\u{061C}',
    '\u{1680}'..='\u{1680}',
    '\u{2000}'..='\u{200F}',
    '\u{202A}'..='\u{202F}',
    '\u{205F}'..='\u{2060}',
    '\u{2066}'..='\u{2069}',
    '\u{3000}'..='\u{3000}',
    '\u{FEFF}'..='\u{FEFF}',
];

/// Whether `c` is a format control that breaks matching and is removed by the
/// invisibles operation: ZWSP U+200B, ZWNJ U+200C, ZWJ U+200D, LRM U+200E, RLM U+200F,
/// ALM U+061C, the embeddings and overrides U+202A–U+202E, the isolates U+2066–U+2069,
/// BOM / zero-width no-break space U+FEFF, word joiner U+2060 and soft hyphen U+00AD.
///
/// ```
/// assert!(nass_normalize::is_invisible_control('\u{200C}'));
/// assert!(!nass_normalize::is_invisible_control('\n'));
/// ```
pub const fn is_invisible_control(c: char) -> bool {
    matches!(c as u32,
        0x200B..=0x200F | 0x061C | 0x202A..=0x202E | 0x2066..=0x2069 | 0xFEFF | 0x2060 | 0x00AD)
}

/// Whether `c` is a Unicode space separator other than U+0020 (no-break space, ogham
/// space mark, the en/em/thin/hair spaces U+2000–U+200A, narrow no-break space, medium
/// mathematical space, ideographic space), which the invisibles operation maps to U+0020.
/// Line and paragraph separators are not spaces here: line breaks are never touched.
///
/// ```
/// assert!(nass_normalize::is_unicode_space('\u{00A0}'));
/// assert!(!nass_normalize::is_unicode_space(' '));
/// assert!(!nass_normalize::is_unicode_space('\u{2028}'));
/// ```
pub const fn is_unicode_space(c: char) -> bool {
    matches!(
        c as u32,
        0x00A0 | 0x1680 | 0x2000..=0x200A | 0x202F | 0x205F | 0x3000
    )
}

pub(crate) fn action(c: char) -> CharAction {
    if is_invisible_control(c) {
        CharAction::Drop
    } else if is_unicode_space(c) {
        CharAction::Replace(" ".into())
    } else {
        CharAction::Keep
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn action_ranges_hold_every_change() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if !ACTION_RANGES.iter().any(|r| r.contains(&c)) {
                assert_eq!(action(c), CharAction::Keep, "{c:?}");
            }
        }
        assert!(ACTION_RANGES.windows(2).all(|w| w[0].end() < w[1].start()));
    }
}
