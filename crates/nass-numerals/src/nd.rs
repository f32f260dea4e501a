//! The zero of every block of Unicode decimal digits (general category Nd).
//!
//! Generated from regex-syntax 0.8.12's `perl_decimal::DECIMAL_NUMBER` table (Unicode 16.0):
//! every Nd block is ten consecutive code points starting at its zero, so the table lists
//! each range's start and every tenth code point after it. Do not edit by hand; the test
//! `nd_table_matches_regex_digit_class` holds it equal to the `regex` crate's `\d`.

/// Zeros of the Nd blocks, sorted.
pub(crate) const ND_ZEROS: [u32; 76] = [
    0x0030, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
    0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80,
    0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
    0xFF10, 0x104A0, 0x10D30, 0x10D40, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450,
    0x114D0, 0x11650, 0x116C0, 0x116D0, 0x116DA, 0x11730, 0x118E0, 0x11950, 0x11BF0, 0x11C50,
    0x11D50, 0x11DA0, 0x11F50, 0x16130, 0x16A60, 0x16AC0, 0x16B50, 0x16D70, 0x1CCF0, 0x1D7CE,
    0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E4F0, 0x1E5F1, 0x1E950, 0x1FBF0,
];

// The first three blocks are ASCII, Arabic-Indic and Persian: `digit_value`'s sets.
const _: () = assert!(ND_ZEROS[0] == 0x30 && ND_ZEROS[1] == 0x0660 && ND_ZEROS[2] == 0x06F0);

/// The zero of the first block after the Persian digits: below it, every Nd digit is one
/// of `digit_value`'s three sets (a quick answer for the Arabic letters).
pub(crate) const FIRST_OTHER_ZERO: u32 = ND_ZEROS[3];

/// Value of `c` if it is an Nd digit.
pub(crate) fn value(c: char) -> Option<u8> {
    digit(c).map(|(v, _)| v)
}

/// Value of `c` if it is an Nd digit, with the zero of its block of ten (which names the
/// script: 0x30 for ASCII, 0x966 for Devanagari...).
pub(crate) fn digit(c: char) -> Option<(u8, u32)> {
    let cp = c as u32;
    // Index of the last zero <= cp.
    let i = ND_ZEROS.partition_point(|&z| z <= cp);
    let zero = *ND_ZEROS.get(i.checked_sub(1)?)?;
    let d = cp - zero;
    (d < 10).then_some((d as u8, zero))
}
