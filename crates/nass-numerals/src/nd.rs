//! The zero of every block of Unicode decimal digits (general category Nd).
//!
//! Every Nd block is ten consecutive code points starting at its zero, so the table
//! (`nd/table.rs`) lists each block's zero. It is generated from the `regex` crate's
//! Unicode `\d` class by the test `generated_nd_table` (`NASS_REGENERATE=1 cargo test -p
//! nass-numerals generated_nd_table` rewrites it), which fails when the class changes.

mod table;

pub(crate) use table::ND_ZEROS;

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
