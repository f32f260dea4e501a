//! Arabic transliteration: the four schemes of the Buckwalter family, both ways.
//!
//! ```
//! use nass_translit::{Scheme, Transliterator};
//!
//! let to_bw = Transliterator::to_scheme(Scheme::Buckwalter);
//! assert_eq!(to_bw.transliterate("كَتَبَ"), "kataba");
//! let from_bw = Transliterator::from_scheme(Scheme::Buckwalter);
//! assert_eq!(from_bw.transliterate("kataba"), "كَتَبَ");
//! assert_eq!(Transliterator::to_scheme(Scheme::Hsb).transliterate("ثلاثة"), "θlAθħ");
//! ```
//!
//! # Schemes
//!
//! Each scheme is a one-to-one table between 51 Arabic code points and 51 characters of
//! its alphabet, applied character by character; a character that is not in the table
//! passes through unchanged, in either direction (so Latin text in Arabic input, the
//! Quranic annotation marks, Arabic punctuation and digits are left as they are). The
//! tables are those of the published schemes, in the variants CAMeL Tools 1.6 ships
//! (`ar2bw`, `ar2safebw`, `ar2xmlbw`, `ar2hsb` and their inverses), whose output this
//! crate reproduces byte for byte:
//!
//! | Arabic | | [`Buckwalter`](Scheme::Buckwalter) | [`SafeBuckwalter`](Scheme::SafeBuckwalter) | [`XmlBuckwalter`](Scheme::XmlBuckwalter) | [`Hsb`](Scheme::Hsb) |
//! |---|---|---|---|---|---|
//! | ء | U+0621 hamza | `'` | `C` | `'` | `'` |
//! | آ | U+0622 alef with madda | `\|` | `M` | `\|` | `Ā` |
//! | أ | U+0623 alef with hamza above | `>` | `O` | `O` | `Â` |
//! | ؤ | U+0624 waw with hamza | `&` | `W` | `W` | `ŵ` |
//! | إ | U+0625 alef with hamza below | `<` | `I` | `I` | `Ă` |
//! | ئ | U+0626 ya with hamza | `}` | `Q` | `}` | `ŷ` |
//! | ا ب | U+0627, U+0628 | `A` `b` | `A` `b` | `A` `b` | `A` `b` |
//! | ة | U+0629 teh marbuta | `p` | `p` | `p` | `ħ` |
//! | ت | U+062A | `t` | `t` | `t` | `t` |
//! | ث | U+062B | `v` | `v` | `v` | `θ` |
//! | ج ح خ د | U+062C–U+062F | `j` `H` `x` `d` | same | same | same |
//! | ذ | U+0630 | `*` | `V` | `*` | `ð` |
//! | ر ز س | U+0631–U+0633 | `r` `z` `s` | same | same | same |
//! | ش | U+0634 | `$` | `c` | `$` | `š` |
//! | ص ض ط | U+0635–U+0637 | `S` `D` `T` | same | same | same |
//! | ظ | U+0638 | `Z` | `Z` | `Z` | `Ď` |
//! | ع | U+0639 | `E` | `E` | `E` | `ς` |
//! | غ | U+063A | `g` | `g` | `g` | `γ` |
//! | ـ | U+0640 tatweel | `_` | `_` | `_` | `_` |
//! | ف ق ك ل م ن ه و | U+0641–U+0648 | `f` `q` `k` `l` `m` `n` `h` `w` | same | same | same |
//! | ى | U+0649 alef maksura | `Y` | `Y` | `Y` | `ý` |
//! | ي | U+064A | `y` | `y` | `y` | `y` |
//! | ً ٌ ٍ | U+064B–U+064D tanwin | `F` `N` `K` | `F` `N` `K` | `F` `N` `K` | `ã` `ũ` `ĩ` |
//! | َ ُ ِ | U+064E–U+0650 fatha, damma, kasra | `a` `u` `i` | same | same | same |
//! | ّ | U+0651 shadda | `~` | `~` | `~` | `~` |
//! | ْ | U+0652 sukun | `o` | `o` | `o` | `.` |
//! | ٰ | U+0670 dagger alef | `` ` `` | `e` | `` ` `` | `á` |
//! | ٱ | U+0671 alef wasla | `{` | `L` | `{` | `Ä` |
//! | پ | U+067E peh | `P` | `P` | `P` | `p` |
//! | چ | U+0686 tcheh | `J` | `J` | `J` | `c` |
//! | ڤ | U+06A4 veh | `V` | `B` | `V` | `v` |
//! | گ | U+06AF gaf | `G` | `G` | `G` | `g` |
//!
//! Safe Buckwalter replaces the ASCII punctuation of Buckwalter with letters, so that
//! transliterated words survive tools that treat punctuation specially; XML Buckwalter
//! replaces only the characters that XML reserves in text (`<` `>` `&`), with the
//! letters Safe Buckwalter uses for the same hamza forms (it keeps `'`, so a value in
//! an XML attribute still wants double quotes). In HSB, إ is `Ă` (U+0102, A
//! with breve) as CAMeL Tools writes it; the 2007 paper prints an A with caron.
//!
//! Because characters outside the table pass through, a round trip is the identity on
//! text drawn from the scheme's repertoire ([`Scheme::pairs`]), not on every text: `A`
//! in Arabic input becomes ا on the way back.
//!
//! # Speed and alignment
//!
//! [`Transliterator::transliterate`] is one pass over the bytes with a table of every
//! one- and two-byte code point (all the characters of every scheme are one of those):
//! 64 bytes at a time, a bit mask says where code points start, and each start is one
//! lookup of the two bytes there and one two-byte store, with no branch on what the code
//! point is (three- and four-byte code points, beyond every table, are copied). The
//! result borrows the input when nothing changes. Safe code only; about 1 GB/s of
//! Arabic news text per CPU second on a loaded machine (see BENCHMARKS.md). [`Transliterator::transliterate_aligned`] also returns the
//! [`Alignment`] that maps offsets of the result back to the input.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

pub use nass_core::Alignment;
use nass_core::{AlignmentBuilder, NoSink, Sink};

#[cfg(test)]
mod tests;

/// A transliteration scheme of the Buckwalter family.
///
/// ```
/// use nass_translit::Scheme;
/// assert_eq!("safebw".parse::<Scheme>(), Ok(Scheme::SafeBuckwalter));
/// assert_eq!(Scheme::Hsb.name(), "hsb");
/// ```
///
/// More schemes may come: [`Scheme::ALL`] lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Scheme {
    /// Buckwalter: one ASCII character per Arabic letter or mark, punctuation included
    /// (`'` `|` `>` `&` `<` `}` `*` `$` `` ` `` `{` `~`).
    Buckwalter,
    /// Safe Buckwalter: Buckwalter with letters in place of its punctuation.
    SafeBuckwalter,
    /// XML Buckwalter: Buckwalter without `<` `>` `&`, which XML reserves.
    XmlBuckwalter,
    /// Habash-Soudi-Buckwalter: one Latin or Greek character per Arabic letter or mark,
    /// chosen to be readable (`θ` `ð` `š` `ς` `γ` `ħ`...).
    Hsb,
}

/// Which way a [`Transliterator`] goes.
///
/// ```
/// use nass_translit::{Direction, Scheme, Transliterator};
/// let t = Transliterator::new(Scheme::Buckwalter, Direction::ToArabic);
/// assert_eq!(t.transliterate("slAm"), "سلام");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    /// Arabic script to the scheme's alphabet.
    ToScheme,
    /// The scheme's alphabet to Arabic script.
    ToArabic,
}

/// The Arabic side of every scheme, in the order of the scheme columns below.
const ARABIC: [char; 51] = [
    '\u{0621}', '\u{0622}', '\u{0623}', '\u{0624}', '\u{0625}', '\u{0626}', '\u{0627}', '\u{0628}',
    '\u{0629}', '\u{062A}', '\u{062B}', '\u{062C}', '\u{062D}', '\u{062E}', '\u{062F}', '\u{0630}',
    '\u{0631}', '\u{0632}', '\u{0633}', '\u{0634}', '\u{0635}', '\u{0636}', '\u{0637}', '\u{0638}',
    '\u{0639}', '\u{063A}', '\u{0640}', '\u{0641}', '\u{0642}', '\u{0643}', '\u{0644}', '\u{0645}',
    '\u{0646}', '\u{0647}', '\u{0648}', '\u{0649}', '\u{064A}', '\u{064B}', '\u{064C}', '\u{064D}',
    '\u{064E}', '\u{064F}', '\u{0650}', '\u{0651}', '\u{0652}', '\u{0670}', '\u{0671}', '\u{067E}',
    '\u{0686}', '\u{06A4}', '\u{06AF}',
];

// The scheme columns, one character per entry of ARABIC:
//   ء آ أ ؤ إ ئ ا
//   ب ة ت ث ج ح خ
//   د ذ ر ز س ش ص
//   ض ط ظ ع غ ـ ف
//   ق ك ل م ن ه و
//   ى ي ً ٌ ٍ َ ُ
//   ِ ّ ْ ٰ ٱ پ چ
//   ڤ گ
const BUCKWALTER: [char; 51] = [
    '\'', '|', '>', '&', '<', '}', 'A', //
    'b', 'p', 't', 'v', 'j', 'H', 'x', //
    'd', '*', 'r', 'z', 's', '$', 'S', //
    'D', 'T', 'Z', 'E', 'g', '_', 'f', //
    'q', 'k', 'l', 'm', 'n', 'h', 'w', //
    'Y', 'y', 'F', 'N', 'K', 'a', 'u', //
    'i', '~', 'o', '`', '{', 'P', 'J', //
    'V', 'G',
];

const SAFE_BUCKWALTER: [char; 51] = [
    'C', 'M', 'O', 'W', 'I', 'Q', 'A', //
    'b', 'p', 't', 'v', 'j', 'H', 'x', //
    'd', 'V', 'r', 'z', 's', 'c', 'S', //
    'D', 'T', 'Z', 'E', 'g', '_', 'f', //
    'q', 'k', 'l', 'm', 'n', 'h', 'w', //
    'Y', 'y', 'F', 'N', 'K', 'a', 'u', //
    'i', '~', 'o', 'e', 'L', 'P', 'J', //
    'B', 'G',
];

const XML_BUCKWALTER: [char; 51] = [
    '\'', '|', 'O', 'W', 'I', '}', 'A', //
    'b', 'p', 't', 'v', 'j', 'H', 'x', //
    'd', '*', 'r', 'z', 's', '$', 'S', //
    'D', 'T', 'Z', 'E', 'g', '_', 'f', //
    'q', 'k', 'l', 'm', 'n', 'h', 'w', //
    'Y', 'y', 'F', 'N', 'K', 'a', 'u', //
    'i', '~', 'o', '`', '{', 'P', 'J', //
    'V', 'G',
];

const HSB: [char; 51] = [
    // ' Ā Â ŵ Ă ŷ A
    '\'', '\u{0100}', '\u{00C2}', '\u{0175}', '\u{0102}', '\u{0177}', 'A', //
    // b ħ t θ j H x
    'b', '\u{0127}', 't', '\u{03B8}', 'j', 'H', 'x', //
    // d ð r z s š S
    'd', '\u{00F0}', 'r', 'z', 's', '\u{0161}', 'S', //
    // D T Ď ς γ _ f
    'D', 'T', '\u{010E}', '\u{03C2}', '\u{03B3}', '_', 'f', //
    'q', 'k', 'l', 'm', 'n', 'h', 'w', //
    // ý y ã ũ ĩ a u
    '\u{00FD}', 'y', '\u{00E3}', '\u{0169}', '\u{0129}', 'a', 'u', //
    // i ~ . á Ä p c
    'i', '~', '.', '\u{00E1}', '\u{00C4}', 'p', 'c', //
    'v', 'g',
];

impl Scheme {
    /// Every scheme.
    pub const ALL: [Scheme; 4] = [
        Scheme::Buckwalter,
        Scheme::SafeBuckwalter,
        Scheme::XmlBuckwalter,
        Scheme::Hsb,
    ];

    /// Its short name, as the command line and CAMeL Tools' mapper names spell it: `bw`,
    /// `safebw`, `xmlbw`, `hsb`.
    ///
    /// ```
    /// assert_eq!(nass_translit::Scheme::XmlBuckwalter.name(), "xmlbw");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            Scheme::Buckwalter => "bw",
            Scheme::SafeBuckwalter => "safebw",
            Scheme::XmlBuckwalter => "xmlbw",
            Scheme::Hsb => "hsb",
        }
    }

    /// A one-line description.
    ///
    /// ```
    /// assert!(nass_translit::Scheme::Hsb.description().contains("Habash"));
    /// ```
    pub const fn description(self) -> &'static str {
        match self {
            Scheme::Buckwalter => "Buckwalter: one ASCII character per letter or mark",
            Scheme::SafeBuckwalter => {
                "Safe Buckwalter: Buckwalter with letters for its punctuation"
            }
            Scheme::XmlBuckwalter => "XML Buckwalter: Buckwalter without < > &",
            Scheme::Hsb => "Habash-Soudi-Buckwalter: readable Latin and Greek letters",
        }
    }

    const fn column(self) -> &'static [char; 51] {
        match self {
            Scheme::Buckwalter => &BUCKWALTER,
            Scheme::SafeBuckwalter => &SAFE_BUCKWALTER,
            Scheme::XmlBuckwalter => &XML_BUCKWALTER,
            Scheme::Hsb => &HSB,
        }
    }

    /// The scheme's table: each Arabic code point with the character that stands for it.
    /// Both sides are 51 distinct characters; anything else passes through unchanged.
    ///
    /// ```
    /// use nass_translit::Scheme;
    /// let pairs: Vec<(char, char)> = Scheme::Buckwalter.pairs().collect();
    /// assert_eq!(pairs.len(), 51);
    /// assert!(pairs.contains(&('ش', '$')));
    /// ```
    pub fn pairs(self) -> impl ExactSizeIterator<Item = (char, char)> + Clone {
        ARABIC.into_iter().zip(self.column().iter().copied())
    }
}

impl fmt::Display for Scheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A name that is not one of `bw`, `safebw`, `xmlbw`, `hsb`: the workspace's one
/// "unknown name" error.
///
/// ```
/// let err = "latin".parse::<nass_translit::Scheme>().unwrap_err();
/// assert_eq!(err.to_string(), "unknown transliteration scheme 'latin' (expected one of: bw, safebw, xmlbw, hsb)");
/// ```
pub type UnknownScheme = nass_core::UnknownName;

impl FromStr for Scheme {
    type Err = UnknownScheme;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Scheme::ALL
            .into_iter()
            .find(|scheme| scheme.name() == s)
            .ok_or_else(|| {
                UnknownScheme::new(
                    "transliteration scheme",
                    s,
                    &["bw", "safebw", "xmlbw", "hsb"],
                )
            })
    }
}

/// Code points below this have a table entry: every one- and two-byte code point.
const TABLE_LEN: usize = 0x800;

/// A table entry: the UTF-8 bytes of what the code point becomes (byte 0 in bits 0-7,
/// byte 1 in bits 8-15), their count in bits 30-31 (one shift reads it), and `CHANGED`
/// when that is not the code point itself.
const LEN_SHIFT: u32 = 30;
const CHANGED: u32 = 1 << 18;

/// The packed entry of code point `cp` (below 0x800) becoming `to` (below 0x800).
const fn pack(cp: u32, to: u32) -> u32 {
    let bytes = if to < 0x80 {
        to | (1 << LEN_SHIFT)
    } else {
        (0xC0 | (to >> 6)) | ((0x80 | (to & 0x3F)) << 8) | (2 << LEN_SHIFT)
    };
    if cp == to {
        bytes
    } else {
        bytes | CHANGED
    }
}

/// One direction of one scheme, built at compile time.
struct Table {
    entries: [u32; TABLE_LEN],
    /// The most output bytes any input byte becomes.
    ratio: usize,
}

const fn build(scheme: Scheme, direction: Direction) -> Table {
    let mut entries = [0u32; TABLE_LEN];
    let mut cp = 0;
    while cp < TABLE_LEN {
        entries[cp] = pack(cp as u32, cp as u32);
        cp += 1;
    }
    let column = scheme.column();
    let mut k = 0;
    while k < ARABIC.len() {
        let (from, to) = match direction {
            Direction::ToScheme => (ARABIC[k] as u32, column[k] as u32),
            Direction::ToArabic => (column[k] as u32, ARABIC[k] as u32),
        };
        assert!((from as usize) < TABLE_LEN && (to as usize) < TABLE_LEN);
        assert!(
            entries[from as usize] & CHANGED == 0,
            "a character mapped twice"
        );
        entries[from as usize] = pack(from, to);
        k += 1;
    }
    let mut ratio = 1;
    let mut cp = 0;
    while cp < TABLE_LEN {
        let in_len = if cp < 0x80 { 1 } else { 2 };
        let out_len = ((entries[cp] >> LEN_SHIFT) & 3) as usize;
        let r = out_len.div_ceil(in_len);
        if r > ratio {
            ratio = r;
        }
        cp += 1;
    }
    Table { entries, ratio }
}

/// The eight tables: scheme by scheme, to the scheme then to Arabic.
static TABLES: [Table; 8] = [
    build(Scheme::Buckwalter, Direction::ToScheme),
    build(Scheme::Buckwalter, Direction::ToArabic),
    build(Scheme::SafeBuckwalter, Direction::ToScheme),
    build(Scheme::SafeBuckwalter, Direction::ToArabic),
    build(Scheme::XmlBuckwalter, Direction::ToScheme),
    build(Scheme::XmlBuckwalter, Direction::ToArabic),
    build(Scheme::Hsb, Direction::ToScheme),
    build(Scheme::Hsb, Direction::ToArabic),
];

/// The loop's steps, indexed by the next two bytes of the input read as a little-endian
/// `u16` (one load): the table entry of the code point they start, with its input length
/// in bits 19-20, or `SLOW` where they start a code point of three or four bytes (kept:
/// beyond every table).
type Steps = [u32; 0x10000];
const IN_SHIFT: u32 = 19;
const SLOW: u32 = 1 << 29;

/// Built on first use, one per table (256 KiB each).
static STEPS: [OnceLock<Box<Steps>>; 8] = [const { OnceLock::new() }; 8];

fn build_steps(table: &Table) -> Box<Steps> {
    let mut steps: Box<Steps> = vec![SLOW; 0x10000]
        .into_boxed_slice()
        .try_into()
        .expect("0x10000 steps");
    for y in 0..0x100usize {
        for x in 0..0x80usize {
            steps[y << 8 | x] = table.entries[x] | 1 << IN_SHIFT;
        }
    }
    for x in 0xC2..0xE0usize {
        for y in 0x80..0xC0usize {
            let cp = ((x & 0x1F) << 6) | (y & 0x3F);
            steps[y << 8 | x] = table.entries[cp] | 2 << IN_SHIFT;
        }
    }
    steps
}

/// The UTF-8 length of a sequence from its lead byte (of valid UTF-8).
#[inline(always)]
fn utf8_len(lead: u8) -> usize {
    match lead {
        0..0x80 => 1,
        0x80..0xE0 => 2,
        0xE0..0xF0 => 3,
        _ => 4,
    }
}

/// Transliterates text to or from one [`Scheme`].
///
/// ```
/// use nass_translit::{Scheme, Transliterator};
/// let t = Transliterator::to_scheme(Scheme::SafeBuckwalter);
/// assert_eq!(t.transliterate("شيءٌ"), "cyCN");
/// // Outside the table: kept as it is.
/// assert_eq!(t.transliterate("٣ كتب، 3 books"), "٣ ktb، 3 books");
/// ```
#[derive(Clone, Copy)]
pub struct Transliterator {
    scheme: Scheme,
    direction: Direction,
    /// Into `TABLES` and `STEPS`.
    index: usize,
}

impl fmt::Debug for Transliterator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Transliterator")
            .field("scheme", &self.scheme)
            .field("direction", &self.direction)
            .finish()
    }
}

impl PartialEq for Transliterator {
    fn eq(&self, other: &Self) -> bool {
        (self.scheme, self.direction) == (other.scheme, other.direction)
    }
}

impl Eq for Transliterator {}

impl Transliterator {
    /// The transliterator for `scheme` in `direction` (its table is built at compile
    /// time: this costs nothing).
    ///
    /// ```
    /// use nass_translit::{Direction, Scheme, Transliterator};
    /// let t = Transliterator::new(Scheme::Hsb, Direction::ToScheme);
    /// assert_eq!(t.transliterate("ذهب"), "ðhb");
    /// ```
    pub const fn new(scheme: Scheme, direction: Direction) -> Self {
        let index = match scheme {
            Scheme::Buckwalter => 0,
            Scheme::SafeBuckwalter => 2,
            Scheme::XmlBuckwalter => 4,
            Scheme::Hsb => 6,
        } + match direction {
            Direction::ToScheme => 0,
            Direction::ToArabic => 1,
        };
        Transliterator {
            scheme,
            direction,
            index,
        }
    }

    /// Arabic script to `scheme` (CAMeL Tools' `ar2bw`, `ar2safebw`, `ar2xmlbw`,
    /// `ar2hsb`).
    ///
    /// ```
    /// use nass_translit::{Scheme, Transliterator};
    /// assert_eq!(Transliterator::to_scheme(Scheme::XmlBuckwalter).transliterate("أَنْ"), "Oano");
    /// ```
    pub const fn to_scheme(scheme: Scheme) -> Self {
        Self::new(scheme, Direction::ToScheme)
    }

    /// `scheme` to Arabic script (CAMeL Tools' `bw2ar`, `safebw2ar`, `xmlbw2ar`,
    /// `hsb2ar`).
    ///
    /// ```
    /// use nass_translit::{Scheme, Transliterator};
    /// assert_eq!(Transliterator::from_scheme(Scheme::Buckwalter).transliterate(">an~a"), "\u{0623}\u{064E}\u{0646}\u{0651}\u{064E}");
    /// ```
    pub const fn from_scheme(scheme: Scheme) -> Self {
        Self::new(scheme, Direction::ToArabic)
    }

    /// The scheme.
    ///
    /// ```
    /// use nass_translit::{Scheme, Transliterator};
    /// assert_eq!(Transliterator::to_scheme(Scheme::Hsb).scheme(), Scheme::Hsb);
    /// ```
    pub const fn scheme(&self) -> Scheme {
        self.scheme
    }

    /// The direction.
    ///
    /// ```
    /// use nass_translit::{Direction, Scheme, Transliterator};
    /// let t = Transliterator::from_scheme(Scheme::Hsb);
    /// assert_eq!(t.direction(), Direction::ToArabic);
    /// ```
    pub const fn direction(&self) -> Direction {
        self.direction
    }

    /// What `c` becomes: its counterpart in the table, or itself.
    ///
    /// ```
    /// use nass_translit::{Scheme, Transliterator};
    /// let t = Transliterator::to_scheme(Scheme::Buckwalter);
    /// assert_eq!(t.map_char('ظ'), 'Z');
    /// assert_eq!(t.map_char('\u{06D6}'), '\u{06D6}'); // a Quranic mark: not in the scheme
    /// ```
    pub fn map_char(&self, c: char) -> char {
        let mut buf = [0u8; 4];
        let mut out = Vec::with_capacity(4);
        self.transliterate_to_vec(c.encode_utf8(&mut buf), &mut out);
        std::str::from_utf8(&out)
            .ok()
            .and_then(|s| s.chars().next())
            .unwrap_or(c)
    }

    /// Whether transliterating `text` leaves it as it is.
    ///
    /// ```
    /// use nass_translit::{Scheme, Transliterator};
    /// let t = Transliterator::from_scheme(Scheme::Buckwalter);
    /// assert!(t.is_unchanged("١٢٣ ٫ ؟"));
    /// assert!(!t.is_unchanged("salAm"));
    /// ```
    pub fn is_unchanged(&self, text: &str) -> bool {
        self.first_change(text.as_bytes()) == text.len()
    }

    fn table(&self) -> &'static Table {
        &TABLES[self.index]
    }

    fn steps(&self) -> &'static Steps {
        STEPS[self.index].get_or_init(|| build_steps(self.table()))
    }

    /// Where the first code point that changes starts (or the length).
    fn first_change(&self, b: &[u8]) -> usize {
        let steps = self.steps();
        let n = b.len();
        let mut block = 0;
        while block < n {
            let end = n.min(block + 64);
            let mut mask = starts(&b[block..end]);
            while mask != 0 {
                let i = block + mask.trailing_zeros() as usize;
                mask &= mask - 1;
                let y = b.get(i + 1).copied().unwrap_or(0);
                if steps[usize::from(u16::from_le_bytes([b[i], y]))] & (CHANGED | SLOW) == CHANGED {
                    return i;
                }
            }
            block = end;
        }
        n
    }

    /// Transliterates `text`; borrows it when nothing changes.
    ///
    /// ```
    /// use nass_translit::{Scheme, Transliterator};
    /// use std::borrow::Cow;
    /// let t = Transliterator::to_scheme(Scheme::Buckwalter);
    /// assert_eq!(t.transliterate("ذهبَ إلى السوقِ"), "*hba <lY Alswqi");
    /// assert!(matches!(t.transliterate("no Arabic here"), Cow::Borrowed(_)));
    /// ```
    pub fn transliterate<'a>(&self, text: &'a str) -> Cow<'a, str> {
        let b = text.as_bytes();
        let first = self.first_change(b);
        if first == b.len() {
            return Cow::Borrowed(text);
        }
        let mut out = Vec::with_capacity(b.len() * self.table().ratio + 1);
        out.extend_from_slice(&b[..first]);
        self.apply(&text[first..], &mut out, &mut NoSink);
        Cow::Owned(String::from_utf8(out).expect("the tables write whole UTF-8 sequences"))
    }

    /// Appends the UTF-8 bytes of the transliteration of `text` to `out` (for writers,
    /// and to reuse a buffer).
    ///
    /// ```
    /// use nass_translit::{Scheme, Transliterator};
    /// let mut out = b"> ".to_vec();
    /// Transliterator::to_scheme(Scheme::Buckwalter).transliterate_to_vec("شمس", &mut out);
    /// assert_eq!(out, b"> $ms");
    /// ```
    pub fn transliterate_to_vec(&self, text: &str, out: &mut Vec<u8>) {
        self.apply(text, out, &mut NoSink);
    }

    /// Transliterates `text` and returns the [`Alignment`] that maps every offset and span
    /// of the result back to `text`.
    ///
    /// ```
    /// use nass_translit::{Scheme, Transliterator};
    /// let text = "قالَ الوزيرُ";
    /// let (bw, a) = Transliterator::to_scheme(Scheme::Buckwalter).transliterate_aligned(text);
    /// assert_eq!(bw, "qAla Alwzyru");
    /// let start = bw.find("Alwzyru").unwrap();
    /// assert_eq!(&text[a.original_range(start..bw.len())], "الوزيرُ");
    /// ```
    pub fn transliterate_aligned(&self, text: &str) -> (String, Alignment) {
        let mut out = Vec::with_capacity(text.len() * self.table().ratio + 1);
        let mut sink = AlignmentBuilder::new();
        self.apply(text, &mut out, &mut sink);
        let out = String::from_utf8(out).expect("the tables write whole UTF-8 sequences");
        let alignment = sink.finish(text.len(), out.len());
        (out, alignment)
    }

    /// The one pass: appends the transliteration of `text` to `out`, reporting each piece
    /// to `sink` (offsets from where it started writing).
    ///
    /// The input is taken 64 bytes at a time: a bit mask says where code points start,
    /// and each start is one step, found by clearing the mask's lowest bit. So where the
    /// next code point starts depends on no table lookup and no branch on what the code
    /// point is, and steps overlap (a loop that moved on by the length each lookup gave
    /// was several times slower, waiting for each lookup in turn). A block's output goes
    /// to a small array first, indexed so that no store needs a bounds check, then to
    /// `out` in one copy.
    fn apply<S: Sink>(&self, text: &str, out: &mut Vec<u8>, sink: &mut S) {
        let steps = self.steps();
        let b = text.as_bytes();
        let n = b.len();
        let base = out.len();
        let mut block = 0;
        // The last block, padded with zeros: a code point that starts at the last byte
        // is ASCII, whose steps do not depend on the byte after it.
        let mut padded = [0u8; BLOCK + 1];
        // Zeroed once: each block overwrites what it hands over.
        let mut tmp = [0u8; BLOCK_OUT];
        while block < n {
            let end = n.min(block + BLOCK);
            let mask = starts(&b[block..end]);
            let chunk: &[u8; BLOCK + 1] = match b.get(block..block + BLOCK + 1) {
                Some(c) => c.try_into().expect("BLOCK + 1 bytes"),
                None => {
                    padded[..n - block].copy_from_slice(&b[block..]);
                    &padded
                }
            };
            let o = step_block(
                steps,
                b,
                block,
                chunk,
                mask,
                &mut tmp,
                out.len() - base,
                sink,
            );
            out.extend_from_slice(&tmp[..o]);
            block = end;
        }
    }
}

/// Bytes of input taken at a time.
const BLOCK: usize = 64;
/// A block's output array: a block of 64 bytes gives at most 128 (a one-byte code point
/// becomes at most two bytes, a two-byte one at most two, a longer one itself); a start
/// below 256 masked with 255 is itself, and a step stores at most four bytes from it.
const BLOCK_OUT: usize = 256 + 4;

/// The steps of one block: `mask` has a bit for each code point starting in
/// `chunk[..64]` (`chunk` is `b[block..]`, with one more byte). Writes to `tmp`, reports
/// to `sink` with `out_base` added to output offsets; returns the output length.
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn step_block<S: Sink>(
    steps: &Steps,
    b: &[u8],
    block: usize,
    chunk: &[u8; BLOCK + 1],
    mut mask: u64,
    tmp: &mut [u8; BLOCK_OUT],
    out_base: usize,
    sink: &mut S,
) -> usize {
    let mut o = 0usize;
    while mask != 0 {
        let j = mask.trailing_zeros() as usize & (BLOCK - 1);
        mask &= mask - 1;
        let (x, y) = (chunk[j], chunk[j + 1]);
        let e = steps[usize::from(u16::from_le_bytes([x, y]))];
        let at = o & 0xFF;
        if e & SLOW != 0 {
            // Three or four bytes: kept. (The block's output never reaches 256 bytes, so
            // `at` is `o`.)
            let i = block + j;
            let len = utf8_len(x);
            tmp[at..at + len].copy_from_slice(&b[i..i + len]);
            if S::RECORDS {
                sink.linear(i, len, out_base + o);
            }
            o += len;
            continue;
        }
        let out_len = (e >> LEN_SHIFT) as usize;
        tmp[at..at + 2].copy_from_slice(&e.to_le_bytes()[..2]);
        if S::RECORDS {
            let in_len = ((e >> IN_SHIFT) & 3) as usize;
            if out_len == in_len {
                sink.linear(block + j, in_len, out_base + o);
            } else {
                sink.atomic(block + j, in_len, out_base + o, out_len);
            }
        }
        o += out_len;
    }
    o
}

/// Bit `k` set where `chunk[k]` (of at most 64 bytes) starts a UTF-8 sequence: is not a
/// continuation byte `10xxxxxx`.
#[inline(always)]
fn starts(chunk: &[u8]) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut mask = 0;
    let words = chunk.chunks_exact(8);
    let tail = words.remainder();
    let mut k = 0;
    for word in words {
        let w = u64::from_le_bytes(word.try_into().expect("eight bytes"));
        // Bit 7 of each byte: set unless the byte is 10xxxxxx (bit 6 moves to bit 7).
        let start = !(w & !(w << 1)) & HIGH;
        // Gathers the eight bit-7s into one byte (the products land on distinct bits).
        mask |= (start.wrapping_mul(0x0002_0408_1020_4081) >> 56) << k;
        k += 8;
    }
    for &x in tail {
        mask |= u64::from(x & 0xC0 != 0x80) << k;
        k += 1;
    }
    mask
}
