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
//! replaces only the characters that XML reserves or quotes (`<` `>` `&`), with the
//! letters Safe Buckwalter uses for the same hamza forms. In HSB, إ is `Ă` (U+0102, A
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
//! ASCII runs are copied eight bytes at a time when the direction keeps ASCII, every
//! other code point is one lookup and one store, and the result borrows the input when
//! nothing changes. [`Transliterator::transliterate_aligned`] also returns the
//! [`Alignment`] that maps offsets of the result back to the input.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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

/// A name that is not one of `bw`, `safebw`, `xmlbw`, `hsb`.
///
/// ```
/// assert!("latin".parse::<nass_translit::Scheme>().is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownScheme(pub String);

impl fmt::Display for UnknownScheme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown transliteration scheme {:?} (expected bw, safebw, xmlbw or hsb)",
            self.0
        )
    }
}

impl std::error::Error for UnknownScheme {}

impl FromStr for Scheme {
    type Err = UnknownScheme;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Scheme::ALL
            .into_iter()
            .find(|scheme| scheme.name() == s)
            .ok_or_else(|| UnknownScheme(s.to_string()))
    }
}

/// Code points below this have a table entry: every one- and two-byte code point.
const TABLE_LEN: usize = 0x800;

/// A table entry: the UTF-8 bytes of what the code point becomes (byte 0 in bits 0-7,
/// byte 1 in bits 8-15), their count in bits 16-17, and `CHANGED` when that is not the
/// code point itself.
const LEN_SHIFT: u32 = 16;
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
    /// Whether every ASCII byte is kept (then ASCII runs are copied in bulk).
    ascii_kept: bool,
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
    let mut ascii_kept = true;
    let mut ratio = 1;
    let mut cp = 0;
    while cp < TABLE_LEN {
        let e = entries[cp];
        let in_len = if cp < 0x80 { 1 } else { 2 };
        let out_len = ((e >> LEN_SHIFT) & 3) as usize;
        if cp < 0x80 && e & CHANGED != 0 {
            ascii_kept = false;
        }
        let r = out_len.div_ceil(in_len);
        if r > ratio {
            ratio = r;
        }
        cp += 1;
    }
    Table {
        entries,
        ascii_kept,
        ratio,
    }
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
    table: &'static Table,
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
            table: &TABLES[index],
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

    /// Where the first code point that changes starts (or the length).
    fn first_change(&self, b: &[u8]) -> usize {
        let entries = &self.table.entries;
        let mut i = 0;
        while i < b.len() {
            let x = b[i];
            if x < 0x80 {
                if entries[usize::from(x)] & CHANGED != 0 {
                    return i;
                }
                i += 1;
            } else if x < 0xE0 {
                let cp = (usize::from(x & 0x1F) << 6) | usize::from(b[i + 1] & 0x3F);
                if entries[cp] & CHANGED != 0 {
                    return i;
                }
                i += 2;
            } else {
                i += utf8_len(x);
            }
        }
        b.len()
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
        let mut out = Vec::with_capacity(b.len() * self.table.ratio + 1);
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
        let mut out = Vec::with_capacity(text.len() * self.table.ratio + 1);
        let mut sink = AlignmentBuilder::new();
        self.apply(text, &mut out, &mut sink);
        let out = String::from_utf8(out).expect("the tables write whole UTF-8 sequences");
        let alignment = sink.finish(text.len(), out.len());
        (out, alignment)
    }

    /// The one pass: appends the transliteration of `text` to `out`, reporting each piece
    /// to `sink` (offsets from where it started writing).
    fn apply<S: Sink>(&self, text: &str, out: &mut Vec<u8>, sink: &mut S) {
        let Table {
            entries,
            ascii_kept,
            ratio,
        } = self.table;
        let b = text.as_bytes();
        let n = b.len();
        let base = out.len();
        // Room for the whole result, plus one byte: every entry is stored as two bytes.
        out.resize(base + n * ratio + 1, 0);
        let buf = &mut out[base..];
        let (mut i, mut o) = (0, 0);
        while i < n {
            let x = b[i];
            let (e, len) = if x < 0x80 {
                if *ascii_kept {
                    // Kept ASCII, eight bytes at a time while they come.
                    while let Some(word) = b.get(i..i + 8) {
                        let word: [u8; 8] = word.try_into().expect("eight bytes");
                        if u64::from_ne_bytes(word) & 0x8080_8080_8080_8080 != 0 {
                            break;
                        }
                        buf[o..o + 8].copy_from_slice(&word);
                        if S::RECORDS {
                            sink.linear(i, 8, o);
                        }
                        i += 8;
                        o += 8;
                    }
                    if i >= n {
                        break;
                    }
                    let x = b[i];
                    if x >= 0x80 {
                        continue;
                    }
                    (entries[usize::from(x)], 1)
                } else {
                    (entries[usize::from(x)], 1)
                }
            } else if x < 0xE0 {
                let cp = (usize::from(x & 0x1F) << 6) | usize::from(b[i + 1] & 0x3F);
                (entries[cp], 2)
            } else {
                // Beyond every table: kept.
                let len = utf8_len(x);
                buf[o..o + len].copy_from_slice(&b[i..i + len]);
                if S::RECORDS {
                    sink.linear(i, len, o);
                }
                i += len;
                o += len;
                continue;
            };
            let out_len = ((e >> LEN_SHIFT) & 3) as usize;
            buf[o] = e as u8;
            buf[o + 1] = (e >> 8) as u8;
            if S::RECORDS {
                if out_len == len {
                    sink.linear(i, len, o);
                } else {
                    sink.atomic(i, len, o, out_len);
                }
            }
            i += len;
            o += out_len;
        }
        out.truncate(base + o);
    }
}
