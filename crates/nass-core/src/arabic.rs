//! Arabic-script ranges.
//!
//! ```
//! use nass_core::arabic::is_arabic_script;
//! assert!(is_arabic_script('ع'));
//! assert!(is_arabic_script('\u{FEFB}')); // lam-alef presentation form
//! assert!(!is_arabic_script('a'));
//! ```

/// Whether `c` lies in one of the Unicode blocks given to the Arabic script: Arabic,
/// Arabic Supplement, Extended-A/B/C, both presentation-form blocks, Rumi numerals,
/// and the mathematical alphabetic symbols.
///
/// ```
/// assert!(nass_core::arabic::is_arabic_script('\u{0660}')); // Arabic-Indic zero
/// assert!(!nass_core::arabic::is_arabic_script('\u{200C}')); // ZWNJ is general punctuation
/// ```
pub const fn is_arabic_script(c: char) -> bool {
    matches!(c as u32,
        0x0600..=0x06FF
        | 0x0750..=0x077F
        | 0x0870..=0x089F
        | 0x08A0..=0x08FF
        | 0xFB50..=0xFDFF
        | 0xFE70..=0xFEFF
        | 0x10E60..=0x10E7F
        | 0x10EC0..=0x10EFF
        | 0x1EE00..=0x1EEFF)
}

/// Whether `c` is one of the 28 letters of the basic Arabic alphabet or a letter
/// variant of the Arabic block (hamza forms, teh marbuta, alef maksura, Persian and
/// Urdu letters): the code points U+0621–U+063A, U+0641–U+064A, U+066E–U+066F,
/// U+0671–U+06D3, U+06D5, U+06EE–U+06EF, U+06FA–U+06FC, U+06FF, and Arabic Supplement
/// U+0750–U+077F.
///
/// ```
/// use nass_core::arabic::is_arabic_letter;
/// assert!(is_arabic_letter('ة'));
/// assert!(is_arabic_letter('ی')); // Farsi yeh
/// assert!(!is_arabic_letter('\u{064E}')); // fatha is a mark
/// assert!(!is_arabic_letter('\u{0640}')); // tatweel is a modifier, not a letter
/// ```
pub const fn is_arabic_letter(c: char) -> bool {
    matches!(c as u32,
        0x0621..=0x063A
        | 0x0641..=0x064A
        | 0x066E..=0x066F
        | 0x0671..=0x06D3
        | 0x06D5
        | 0x06EE..=0x06EF
        | 0x06FA..=0x06FC
        | 0x06FF
        | 0x0750..=0x077F)
}
