//! Arabic number words: parsing, spelling out, finding in text, ordinal days.

use std::fmt;
use std::sync::OnceLock;

use nass_core::proclitics::Proclitics;
use nass_diacritics::word::{is_letter_word_char as is_word_char, is_transparent};
use nass_letters::lookup::{fold_char_for_lookup, fold_for_lookup};

use crate::is_line_break;
use crate::number::{is_digit, is_sep, is_sign, numeral_run_end, parse_number, Number};

/// Gender of the counted noun (the numbers 1–19 and the units of 21–99 agree with it;
/// 3–10 by polarity: a masculine noun takes ثلاثة, a feminine one ثلاث).
///
/// ```
/// use nass_numerals::{number_to_words, Case, Gender};
/// assert_eq!(number_to_words(3, Gender::Masculine, Case::Nominative), "ثلاثة"); // ثلاثة كتب
/// assert_eq!(number_to_words(3, Gender::Feminine, Case::Nominative), "ثلاث"); // ثلاث سيارات
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    /// A masculine counted noun (كتاب، يوم، ألف).
    Masculine,
    /// A feminine counted noun (سيارة، سنة).
    Feminine,
}

/// Grammatical case of the number. Accusative and genitive share their written forms
/// (اثنين، عشرين، مئتين، ألفين); both are kept for clarity at the call site.
///
/// ```
/// use nass_numerals::{number_to_words, Case, Gender};
/// assert_eq!(number_to_words(20, Gender::Masculine, Case::Nominative), "عشرون");
/// assert_eq!(number_to_words(20, Gender::Masculine, Case::Genitive), "عشرين");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Case {
    /// مرفوع: اثنان، عشرون، مئتان، ألفان.
    Nominative,
    /// منصوب: اثنين، عشرين، مئتين، ألفين.
    Accusative,
    /// مجرور: the same written forms as the accusative.
    Genitive,
}

impl Case {
    fn nominative(self) -> bool {
        self == Case::Nominative
    }
}

// ---------------------------------------------------------------------------------------
// Folding and the lexicon
// ---------------------------------------------------------------------------------------

/// How a scale word is inflected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// ألف: after 100s, or alone (= one thousand).
    Single,
    /// ألفان, ألفين: two thousand.
    Dual,
    /// ألفا: either the accusative singular with tanwin (أحد عشر ألفًا) after a count, or
    /// the construct dual (= two thousand) alone.
    DualOrTanwin,
    /// آلاف: after 3–10.
    Plural,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lex {
    Zero,
    /// 1–10 as standalone words.
    Unit(u8),
    /// أحد, إحدى: 1 before عشر or before و + tens.
    One,
    /// اثنا, اثني, اثنتا, اثنتي: 2 before عشر only.
    TwoOfTeen,
    /// 20..90.
    Ten(u8),
    /// مئة, مائة alone: 100, or ×100 after 3–9 (ثلاث مئة).
    HundredWord,
    /// 200..900 in one word.
    Hundreds(u16),
    Scale(u32, Form),
}

/// The number words, folded for lookup (`nass_letters::lookup`), with their readings. The hundreds in one
/// word (ثلاثمئة ...) are added by `lexicon()`.
const WORDS: &[(&str, Lex)] = &[
    ("صفر", Lex::Zero),
    ("واحد", Lex::Unit(1)),
    ("واحده", Lex::Unit(1)),
    ("اثنان", Lex::Unit(2)),
    ("اثنين", Lex::Unit(2)),
    ("اثنتان", Lex::Unit(2)),
    ("اثنتين", Lex::Unit(2)),
    ("ثنتان", Lex::Unit(2)),
    ("ثنتين", Lex::Unit(2)),
    ("ثلاث", Lex::Unit(3)),
    ("ثلاثه", Lex::Unit(3)),
    ("اربع", Lex::Unit(4)),
    ("اربعه", Lex::Unit(4)),
    ("خمس", Lex::Unit(5)),
    ("خمسه", Lex::Unit(5)),
    ("ست", Lex::Unit(6)),
    ("سته", Lex::Unit(6)),
    ("سبع", Lex::Unit(7)),
    ("سبعه", Lex::Unit(7)),
    ("ثمان", Lex::Unit(8)),
    ("ثماني", Lex::Unit(8)),
    ("ثمانيه", Lex::Unit(8)),
    ("تسع", Lex::Unit(9)),
    ("تسعه", Lex::Unit(9)),
    ("عشر", Lex::Unit(10)),
    ("عشره", Lex::Unit(10)),
    ("احد", Lex::One),
    ("احدي", Lex::One),
    ("اثنا", Lex::TwoOfTeen),
    ("اثني", Lex::TwoOfTeen),
    ("اثنتا", Lex::TwoOfTeen),
    ("اثنتي", Lex::TwoOfTeen),
    ("ثنتا", Lex::TwoOfTeen),
    ("ثنتي", Lex::TwoOfTeen),
    ("عشرون", Lex::Ten(20)),
    ("عشرين", Lex::Ten(20)),
    ("ثلاثون", Lex::Ten(30)),
    ("ثلاثين", Lex::Ten(30)),
    ("اربعون", Lex::Ten(40)),
    ("اربعين", Lex::Ten(40)),
    ("خمسون", Lex::Ten(50)),
    ("خمسين", Lex::Ten(50)),
    ("ستون", Lex::Ten(60)),
    ("ستين", Lex::Ten(60)),
    ("سبعون", Lex::Ten(70)),
    ("سبعين", Lex::Ten(70)),
    ("ثمانون", Lex::Ten(80)),
    ("ثمانين", Lex::Ten(80)),
    ("تسعون", Lex::Ten(90)),
    ("تسعين", Lex::Ten(90)),
    ("مئه", Lex::HundredWord),
    ("مائه", Lex::HundredWord),
    ("مئتان", Lex::Hundreds(200)),
    ("مائتان", Lex::Hundreds(200)),
    ("مئتين", Lex::Hundreds(200)),
    ("مائتين", Lex::Hundreds(200)),
    ("مئتا", Lex::Hundreds(200)),
    ("مائتا", Lex::Hundreds(200)),
    ("مئتي", Lex::Hundreds(200)),
    ("مائتي", Lex::Hundreds(200)),
    ("الف", Lex::Scale(3, Form::Single)),
    ("الفان", Lex::Scale(3, Form::Dual)),
    ("الفين", Lex::Scale(3, Form::Dual)),
    ("الفا", Lex::Scale(3, Form::DualOrTanwin)),
    ("الاف", Lex::Scale(3, Form::Plural)),
    ("الوف", Lex::Scale(3, Form::Plural)),
    ("مليون", Lex::Scale(6, Form::Single)),
    ("مليونان", Lex::Scale(6, Form::Dual)),
    ("مليونين", Lex::Scale(6, Form::Dual)),
    ("مليونا", Lex::Scale(6, Form::DualOrTanwin)),
    ("ملايين", Lex::Scale(6, Form::Plural)),
    ("مليار", Lex::Scale(9, Form::Single)),
    ("بليون", Lex::Scale(9, Form::Single)),
    ("ملياران", Lex::Scale(9, Form::Dual)),
    ("مليارين", Lex::Scale(9, Form::Dual)),
    ("بليونان", Lex::Scale(9, Form::Dual)),
    ("بليونين", Lex::Scale(9, Form::Dual)),
    ("مليارا", Lex::Scale(9, Form::DualOrTanwin)),
    ("بليونا", Lex::Scale(9, Form::DualOrTanwin)),
    ("مليارات", Lex::Scale(9, Form::Plural)),
    ("بلايين", Lex::Scale(9, Form::Plural)),
    ("تريليون", Lex::Scale(12, Form::Single)),
    ("تريليونان", Lex::Scale(12, Form::Dual)),
    ("تريليونين", Lex::Scale(12, Form::Dual)),
    ("تريليونا", Lex::Scale(12, Form::DualOrTanwin)),
    ("تريليونات", Lex::Scale(12, Form::Plural)),
];

/// The longest folded entry in bytes (ثمانيمائه, تريليونات: 9 letters).
const MAX_WORD: usize = 18;
/// The shortest folded entry in bytes (ست: 2 letters).
const MIN_WORD: usize = 4;

/// A folded word of `MIN_WORD..=MAX_WORD` bytes as a fixed key, read with overlapping
/// loads instead of a padded copy: its first and last four bytes (up to 8 bytes), its
/// first and last eight (up to 16), and also bytes 8..16 beyond that, with the length.
/// Together they cover every byte, so equal keys mean equal words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Key {
    first: u64,
    middle: u64,
    last: u64,
    len: usize,
}

fn load8(w: &[u8], at: usize) -> u64 {
    let mut b = [0u8; 8];
    b.copy_from_slice(&w[at..at + 8]);
    u64::from_le_bytes(b)
}

fn load4(w: &[u8], at: usize) -> u64 {
    let mut b = [0u8; 4];
    b.copy_from_slice(&w[at..at + 4]);
    u64::from(u32::from_le_bytes(b))
}

#[inline]
fn key_of(w: &[u8]) -> Option<Key> {
    let len = w.len();
    match len {
        MIN_WORD..=7 => Some(Key {
            first: load4(w, 0),
            middle: 0,
            last: load4(w, len - 4),
            len,
        }),
        8..=16 => Some(Key {
            first: load8(w, 0),
            middle: 0,
            last: load8(w, len - 8),
            len,
        }),
        17..=MAX_WORD => Some(Key {
            first: load8(w, 0),
            middle: load8(w, 8),
            last: load8(w, len - 8),
            len,
        }),
        _ => None,
    }
}

#[inline]
fn hash(k: &Key) -> usize {
    let h = nass_core::hash::mix(k.first ^ k.len as u64, k.last ^ k.middle.rotate_left(17));
    (h >> (64 - LEXICON_BITS)) as usize
}

/// Open-addressing table of the lexicon, built once.
struct Lexicon {
    slots: Vec<Option<(Key, Lex)>>,
}

/// 256 slots for the 102 entries: under half full, 10 KiB (fits the L1 cache).
const LEXICON_BITS: u32 = 8;
const LEXICON_MASK: usize = (1 << LEXICON_BITS) - 1;

/// Every folded entry of the lexicon with its reading: `WORDS` and the hundreds in one
/// word.
fn lexicon_entries() -> Vec<(String, Lex)> {
    let mut entries: Vec<(String, Lex)> = WORDS.iter().map(|&(k, l)| (k.to_string(), l)).collect();
    for (stem, u) in [
        ("ثلاث", 3),
        ("اربع", 4),
        ("خمس", 5),
        ("ست", 6),
        ("سبع", 7),
        ("ثمان", 8),
        ("ثماني", 8),
        ("تسع", 9),
    ] {
        for hundred in ["مئه", "مائه"] {
            entries.push((format!("{stem}{hundred}"), Lex::Hundreds(u * 100)));
        }
    }
    entries
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut slots: Vec<Option<(Key, Lex)>> = vec![None; 1 << LEXICON_BITS];
        for (k, l) in lexicon_entries() {
            let key = key_of(k.as_bytes()).expect("lexicon entries fit MIN_WORD..=MAX_WORD");
            let mut i = hash(&key) & LEXICON_MASK;
            while slots[i].is_some() {
                i = (i + 1) & LEXICON_MASK;
            }
            slots[i] = Some((key, l));
        }
        Lexicon { slots }
    })
}

/// The reading of a folded word.
#[inline]
fn lookup(w: &[u8]) -> Option<Lex> {
    let key = key_of(w)?;
    let lex = lexicon();
    let mut i = hash(&key) & LEXICON_MASK;
    loop {
        match &lex.slots[i] {
            None => return None,
            Some((k, l)) if *k == key => return Some(*l),
            Some(_) => i = (i + 1) & LEXICON_MASK,
        }
    }
}

/// The reading of a folded word by a scan of the entries (the definition of `lookup`).
#[cfg(test)]
fn lookup_reference(w: &[u8]) -> Option<Lex> {
    lexicon_entries()
        .into_iter()
        .find(|(k, _)| k.as_bytes() == w)
        .map(|(_, l)| l)
}

// ---------------------------------------------------------------------------------------
// Exact fixed-point arithmetic for the parser
// ---------------------------------------------------------------------------------------

/// `mant / 10^scale`, checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Dec {
    mant: u128,
    scale: u32,
}

impl Dec {
    const ZERO: Dec = Dec { mant: 0, scale: 0 };

    fn int(v: u128) -> Dec {
        Dec { mant: v, scale: 0 }
    }

    fn from_number(n: &Number) -> Option<Dec> {
        if n.is_negative() {
            return None;
        }
        let (mant, scale) = n.mantissa()?;
        Some(Dec { mant, scale })
    }

    fn rescale(self, scale: u32) -> Option<Dec> {
        let k = scale.checked_sub(self.scale)?;
        Some(Dec {
            mant: self.mant.checked_mul(10u128.checked_pow(k)?)?,
            scale,
        })
    }

    fn add(self, other: Dec) -> Option<Dec> {
        if self.scale == other.scale {
            return Some(Dec {
                mant: self.mant.checked_add(other.mant)?,
                scale: self.scale,
            });
        }
        let s = self.scale.max(other.scale);
        let (a, b) = (self.rescale(s)?, other.rescale(s)?);
        Some(Dec {
            mant: a.mant.checked_add(b.mant)?,
            scale: s,
        })
    }

    fn times_pow10(self, k: u32) -> Option<Dec> {
        if self.scale >= k {
            Some(Dec {
                mant: self.mant,
                scale: self.scale - k,
            })
        } else {
            Some(Dec {
                mant: self.mant.checked_mul(10u128.checked_pow(k - self.scale)?)?,
                scale: 0,
            })
        }
    }

    fn to_number(self) -> Number {
        Number::from_parts(false, self.mant, self.scale)
    }
}

// ---------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------

/// A folded word, on the stack.
struct Folded {
    bytes: [u8; 32],
    len: usize,
}

const WAW: &[u8] = "و".as_bytes();

#[derive(Debug, Clone, Copy)]
enum TokKind {
    /// A word: its lexicon reading bare, after a conjunction و, after other proclitics.
    Word {
        bare: Option<Lex>,
        waw: Option<Lex>,
        waw_len: usize,
        /// (lexicon entry, byte length of the proclitics in the original word)
        clitic: Option<(Lex, usize)>,
    },
    /// The conjunction و standing alone.
    Conj,
    /// A numeral (`None`: too large for the arithmetic).
    Numeral(Option<Dec>),
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    kind: TokKind,
}

/// In [`pair_folds`]: the pair is dropped (a mark, tatweel).
const PAIR_SKIP: u16 = 1;
/// In [`pair_folds`]: the pair takes the general path (not a letter or mark of the fast
/// path).
const PAIR_GENERAL: u16 = 0;

/// What the word lexer does with each two-byte character D8 80..D9 BF (U+0600..U+067F),
/// indexed by `(lead & 1) << 6 | (second & 0x3F)`: the folded pair (high byte first), or
/// `PAIR_SKIP`, or `PAIR_GENERAL`.
fn pair_folds() -> &'static [u16; 128] {
    static TABLE: OnceLock<[u16; 128]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = [PAIR_GENERAL; 128];
        for (k, slot) in t.iter_mut().enumerate() {
            let c = char::from_u32(0x0600 + k as u32).unwrap_or('\0');
            *slot = match fold_char_for_lookup(c) {
                // Marks and tatweel: dropped.
                None => PAIR_SKIP,
                // hamza..ghain, feh..yeh, folded (the fold keeps them in U+0600..U+07FF).
                Some(f) if matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}') => {
                    let mut b = [0u8; 2];
                    f.encode_utf8(&mut b);
                    u16::from_be_bytes(b)
                }
                Some(_) => PAIR_GENERAL,
            };
        }
        t
    })
}

/// The first character of folded bytes `r` when it is a two-byte one (as every proclitic
/// letter is).
#[inline]
fn first_letter(r: &[u8]) -> Option<char> {
    match r {
        [x @ 0xC0..=0xDF, y, ..] => {
            char::from_u32((u32::from(x & 0x1F) << 6) | u32::from(y & 0x3F))
        }
        _ => None,
    }
}

/// Whether the letter after the first of `word` (a و) is أ or إ: then the و is the
/// conjunction, as in وأحد and وإحدى ("and one-"), where واحد folded alike is one.
fn hamza_after_waw(word: &str) -> bool {
    word[prefix_len(word, 1).min(word.len())..].starts_with(['أ', 'إ'])
}

/// Byte length of the first `letters` base letters of `word` and the marks after them.
fn prefix_len(word: &str, letters: usize) -> usize {
    // Common case: one two-byte letter (not itself a mark or tatweel: a word may start
    // with a stray mark) not followed by a mark.
    let b = word.as_bytes();
    if letters == 1
        && b.len() >= 4
        && (0xD8..=0xD9).contains(&b[0])
        && !(b[0] == 0xD9 && matches!(b[1], 0x80 | 0x8B..=0x9F | 0xB0))
        && !(b[0] == 0xD8 && matches!(b[1], 0x90..=0x9A))
        && !(b[2] == 0xD9 && matches!(b[3], 0x80 | 0x8B..=0x9F | 0xB0))
        && !(b[2] == 0xD8 && matches!(b[3], 0x90..=0x9A))
        && b[2] < 0xDA
    {
        return 2;
    }
    let mut seen = 0;
    for (i, c) in word.char_indices() {
        if is_transparent(c) {
            continue;
        }
        if seen == letters {
            return i;
        }
        seen += 1;
    }
    word.len()
}

/// The token at or after `pos` (whitespace skipped), pushed on `out` (built in place: a
/// token returned by value cost a store-forwarding stall each): `Ok(true)`, or `Ok(false)`
/// at the end of the text, `Err(offset)` for a token that cannot be part of a number.
/// `lines`: line breaks are skipped like spaces (else a line break is such a token: no
/// number spans one); `clitics`: read proclitics other than و; `need_bare`: look the word
/// up as it is even when it reads with و.
fn token_at(
    text: &str,
    pos: usize,
    buf: &mut Folded,
    lines: bool,
    clitics: bool,
    need_bare: bool,
    out: &mut Vec<Tok>,
) -> Result<bool, usize> {
    let bytes = text.as_bytes();
    let mut start = pos;
    while let Some(&b) = bytes.get(start) {
        match b {
            b' ' | b'\t' => start += 1,
            b'\n' | 0x0B | 0x0C | b'\r' if lines => start += 1,
            b'\n' | 0x0B | 0x0C | b'\r' => return Err(start),
            // Only these bytes begin non-ASCII whitespace (U+0085, U+00A0, U+1680,
            // U+2000.., U+3000).
            0xC2 | 0xE1..=0xE3 => {
                let c = text[start..].chars().next().unwrap_or('\0');
                if !c.is_whitespace() {
                    break;
                }
                if !lines && is_line_break(c) {
                    return Err(start);
                }
                start += c.len_utf8();
            }
            _ => break,
        }
    }
    let Some(c) = text[start..].chars().next() else {
        return Ok(false);
    };
    if is_digit(c) {
        let end = numeral_run_end(text, start);
        return match parse_number(&text[start..end]) {
            Ok(n) => {
                out.push(Tok {
                    start,
                    end,
                    kind: TokKind::Numeral(Dec::from_number(&n)),
                });
                Ok(true)
            }
            Err(_) => Err(start),
        };
    }
    if !is_word_char(c) {
        return Err(start);
    }
    // One pass: find the end of the word and fold it. A word too long for the buffer is
    // no number word: the answer is `Err(start)` as soon as that is known.
    let table = pair_folds();
    let dest = &mut buf.bytes;
    let mut len = 0;
    let mut end = text.len();
    let mut i = start;
    while i < bytes.len() {
        let b0 = bytes[i];
        // Fast path: the Arabic block's two-byte letters and marks (U+0600..U+067F are
        // D8 80..D9 BF).
        if (b0 == 0xD8 || b0 == 0xD9) && i + 1 < bytes.len() {
            let fold = table[(usize::from(b0 & 1) << 6) | usize::from(bytes[i + 1] & 0x3F)];
            if fold == PAIR_SKIP {
                i += 2;
                continue;
            }
            if fold != PAIR_GENERAL {
                if len + 2 > dest.len() {
                    return Err(start);
                }
                dest[len] = (fold >> 8) as u8;
                dest[len + 1] = fold as u8;
                len += 2;
                i += 2;
                continue;
            }
        }
        // General path, one char.
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if !is_word_char(c) {
            end = i;
            break;
        }
        i += c.len_utf8();
        let Some(c) = fold_char_for_lookup(c) else {
            continue;
        };
        let n = c.len_utf8();
        if len + n > dest.len() {
            return Err(start);
        }
        c.encode_utf8(&mut dest[len..len + n]);
        len += n;
    }
    buf.len = len;
    let word = &text[start..end];
    let folded = &buf.bytes[..buf.len];
    if folded == WAW {
        out.push(Tok {
            start,
            end,
            kind: TokKind::Conj,
        });
        return Ok(true);
    }
    let mut waw = None;
    let mut waw_len = 0;
    if let Some(r) = folded.strip_prefix(WAW) {
        // Both readings are kept: واحد is one, but وأحد (folded alike) is "and one-".
        waw = lookup(r);
        if waw.is_some() {
            waw_len = prefix_len(word, 1);
        }
    }
    // Where only the reading with و is used (later in a number), skip the bare lookup.
    let mut bare = if need_bare || waw.is_none() {
        lookup(folded)
    } else {
        None
    };
    if bare.is_some() && waw.is_some() && hamza_after_waw(word) {
        bare = None;
    }
    let mut clitic = None;
    if clitics && bare.is_none() {
        // Other proclitics, as many as the grammar reads (nass_core::proclitics), at
        // least three letters left unless only و.
        let mut p = Proclitics::NONE;
        let mut r = folded;
        while let Some(next) = first_letter(r).and_then(|c| p.then(c)) {
            r = &r[2..];
            p = next;
        }
        let letters = usize::from(p.count());
        let only_waw = letters == 1 && p.conjunction() == Some('و');
        if letters > 0 && (only_waw || r.len() >= 6) {
            let len = prefix_len(word, letters);
            // The same rule after the proclitics: ووإحد is not و + واحد.
            let conjunction = r.starts_with(WAW) && hamza_after_waw(&word[len..]);
            if let Some(l) = lookup(r).filter(|_| !conjunction) {
                clitic = Some((l, len));
            }
        }
    }
    if bare.is_none() && waw.is_none() && clitic.is_none() {
        return Err(start);
    }
    out.push(Tok {
        start,
        end,
        kind: TokKind::Word {
            bare,
            waw,
            waw_len,
            clitic,
        },
    });
    Ok(true)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Hundreds,
    Units,
    Tens,
}

#[derive(Debug, Clone, Copy)]
enum Atom {
    Zero,
    Small { value: u16, slot: Slot, one: bool },
    Scale(u32, Form),
    Numeral(Dec),
}

#[derive(Debug, Clone, Copy)]
struct AtomAt {
    atom: Atom,
    conj: bool,
    start: usize,
    name_start: usize,
    end: usize,
    is_word: bool,
    /// Index of the next token.
    next: usize,
}

/// Where in an expression an atom is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Position {
    /// First atom, proclitics allowed (find).
    FirstClitic,
    /// First atom, bare only (parse).
    FirstBare,
    /// A later atom: bare or with the conjunction و.
    Later,
}

/// Why an expression ended where it did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    End,
    Unknown,
    Misplaced,
    Overflow,
}

struct Parser<'t> {
    text: &'t str,
    buf: Folded,
    /// The tokens of the run lexed so far (see `fill`).
    toks: Vec<Tok>,
    /// Where the next token of the run is lexed from.
    lex_at: usize,
    /// Whether the run's first token may carry proclitics.
    lex_clitics: bool,
    /// Whether the run is lexed to its end.
    lex_done: bool,
    /// How the token run ended, once `lex_done`: `None` at the end of the text, else the
    /// byte offset of a token that cannot belong to a number (or of a line break).
    run_end: Option<usize>,
}

/// How many tokens past the current one the parser reads: an atom spans up to three
/// tokens (و alone, a unit, عشر or مئة), and the checks of أحد and of a leading numeral
/// read the next atom (three more).
const LOOKAHEAD: usize = 6;

impl<'t> Parser<'t> {
    fn new(text: &'t str) -> Self {
        Self::with_tokens(text, Vec::with_capacity(16))
    }

    /// A parser that lexes into `toks` (cleared first), to reuse its allocation.
    fn with_tokens(text: &'t str, toks: Vec<Tok>) -> Self {
        Parser {
            text,
            buf: Folded {
                bytes: [0; 32],
                len: 0,
            },
            toks,
            lex_at: 0,
            lex_clitics: false,
            lex_done: true,
            run_end: None,
        }
    }

    /// Starts the run of number-like tokens at `pos`; `fill` lexes it as the parser reads
    /// on. (Lexing the whole run up front made a run of n number words that are n numbers,
    /// such as ألف repeated, cost n^2.)
    fn start_run(&mut self, pos: usize, clitics: bool) {
        self.toks.clear();
        self.run_end = None;
        self.lex_at = pos;
        self.lex_clitics = clitics;
        self.lex_done = false;
    }

    /// Lexes the run until it has `n` tokens or has ended.
    fn fill(&mut self, n: usize) {
        let clitics = self.lex_clitics;
        while self.toks.len() < n && !self.lex_done {
            let at = self.lex_at;
            let first = self.toks.is_empty();
            let after_conj = matches!(
                self.toks.last(),
                Some(Tok {
                    kind: TokKind::Conj,
                    ..
                })
            );
            match token_at(
                self.text,
                at,
                &mut self.buf,
                false,
                clitics && first,
                first || after_conj,
                &mut self.toks,
            ) {
                Ok(true) => {
                    self.lex_at = self.toks.last().map_or(at, |t| t.end);
                }
                Ok(false) => self.lex_done = true,
                Err(off) => {
                    self.run_end = Some(off);
                    self.lex_done = true;
                }
            }
        }
    }

    #[inline(always)]
    fn lex_of(kind: &TokKind, pos: Position) -> Option<(Lex, bool, usize)> {
        let TokKind::Word {
            bare,
            waw,
            clitic,
            waw_len,
        } = kind
        else {
            return None;
        };
        if pos == Position::Later {
            // After the first word, a leading و is the conjunction when that reads.
            if let Some(l) = waw {
                return Some((*l, true, *waw_len));
            }
        }
        if let Some(l) = bare {
            return Some((*l, false, 0));
        }
        match pos {
            Position::FirstBare => None,
            Position::Later => None,
            Position::FirstClitic => clitic.map(|(l, len)| (l, false, len)),
        }
    }

    fn past_end(&self) -> Stop {
        if self.run_end.is_some() {
            Stop::Unknown
        } else {
            Stop::End
        }
    }

    /// The atom starting at token `i`, or why there is none. (Inlined: its result is
    /// large, and returned through memory it cost a store-forwarding stall per atom.)
    #[inline(always)]
    fn atom_at(&self, i: usize, position: Position) -> Result<AtomAt, Stop> {
        let Some(first) = self.toks.get(i) else {
            return Err(self.past_end());
        };
        let start = first.start;
        let mut i = i;
        let mut conj_word = false;
        if let TokKind::Conj = first.kind {
            if position != Position::Later {
                return Err(Stop::Misplaced);
            }
            // و standing alone: the next token must be bare.
            i += 1;
            conj_word = true;
        }
        let Some(tok) = self.toks.get(i) else {
            return Err(if conj_word {
                Stop::Misplaced
            } else {
                self.past_end()
            });
        };
        let (lex, conj, clitic_len) = match &tok.kind {
            TokKind::Numeral(n) => {
                return Ok(AtomAt {
                    atom: Atom::Numeral(n.ok_or(Stop::Overflow)?),
                    conj: conj_word,
                    start,
                    name_start: tok.start,
                    end: tok.end,
                    is_word: false,
                    next: i + 1,
                })
            }
            TokKind::Conj => return Err(Stop::Misplaced),
            kind => {
                let p = if conj_word {
                    Position::FirstBare
                } else {
                    position
                };
                Self::lex_of(kind, p).ok_or(Stop::Misplaced)?
            }
        };
        let conj = conj || conj_word;
        let name_start = tok.start + clitic_len;
        let mk = |atom, end, next| AtomAt {
            atom,
            conj,
            start,
            name_start,
            end,
            is_word: true,
            next,
        };
        let small = |value: u16, slot| Atom::Small {
            value,
            slot,
            one: false,
        };
        // Two-word forms: unit + عشر (teens), unit + مئة (hundreds).
        let next = match lex {
            Lex::Unit(1..=9) | Lex::One | Lex::TwoOfTeen => self.toks.get(i + 1).and_then(|t| {
                Self::lex_of(&t.kind, Position::FirstBare).map(|(l, _, _)| (l, t.end))
            }),
            _ => None,
        };
        let unit = match lex {
            Lex::Unit(u) => u,
            Lex::One => 1,
            Lex::TwoOfTeen => 2,
            _ => 0,
        };
        let (end, after) = (tok.end, i + 1);
        Ok(match (lex, next) {
            (Lex::Unit(1..=9) | Lex::One | Lex::TwoOfTeen, Some((Lex::Unit(10), e))) => {
                mk(small(10 + unit as u16, Slot::Units), e, i + 2)
            }
            (Lex::Unit(3..=9), Some((Lex::HundredWord, e))) => {
                mk(small(unit as u16 * 100, Slot::Hundreds), e, i + 2)
            }
            (Lex::TwoOfTeen, _) => return Err(Stop::Misplaced),
            (Lex::One, _) => mk(
                Atom::Small {
                    value: 1,
                    slot: Slot::Units,
                    one: true,
                },
                end,
                after,
            ),
            (Lex::Zero, _) => mk(Atom::Zero, end, after),
            (Lex::Unit(u), _) => mk(small(u as u16, Slot::Units), end, after),
            (Lex::Ten(t), _) => mk(small(t as u16, Slot::Tens), end, after),
            (Lex::HundredWord, _) => mk(small(100, Slot::Hundreds), end, after),
            (Lex::Hundreds(h), _) => mk(small(h, Slot::Hundreds), end, after),
            (Lex::Scale(e, f), _) => mk(Atom::Scale(e, f), end, after),
        })
    }

    /// Parses the longest number expression starting at `pos`; returns it, why it ended,
    /// and the byte offset where it ended.
    fn expr(&mut self, pos: usize, first: Position) -> (Option<Parsed>, Stop, usize) {
        self.start_run(pos, first == Position::FirstClitic);
        let mut total = Dec::ZERO;
        let mut cur: Option<Dec> = None;
        let mut slots: [bool; 3] = [false; 3]; // hundreds, units, tens used in `cur`
        let mut big_unit = false; // units slot holds 10..19
        let mut max_exp = 0u32;
        let mut last_scale = false;
        let mut words = 0usize;
        let mut parsed: Option<Parsed> = None;
        let mut at = pos;
        let mut i = 0;
        let mut position = first;
        let stop = loop {
            // Every token `atom_at` reads below, lookahead included, is lexed: the work is
            // proportional to the atoms taken, not to the run.
            self.fill(i + LOOKAHEAD);
            let a = match self.atom_at(i, position) {
                Ok(a) => a,
                Err(s) => break s,
            };
            let is_first = position != Position::Later;
            let c = a.conj;
            let step = (|| -> Result<(), Stop> {
                match &a.atom {
                    Atom::Zero => {
                        if !is_first {
                            return Err(Stop::Misplaced);
                        }
                        cur = Some(Dec::ZERO);
                        slots = [true; 3];
                    }
                    Atom::Small { value, slot, one } => {
                        let value = *value;
                        match cur {
                            None if !(is_first || c) => return Err(Stop::Misplaced),
                            Some(_) if !c => return Err(Stop::Misplaced),
                            _ => {}
                        }
                        let idx = *slot as usize;
                        if slots[idx] {
                            return Err(Stop::Misplaced);
                        }
                        match slot {
                            Slot::Hundreds if slots[1] || slots[2] => return Err(Stop::Misplaced),
                            Slot::Tens if big_unit => return Err(Stop::Misplaced),
                            Slot::Units if value >= 10 && slots[2] => return Err(Stop::Misplaced),
                            _ => {}
                        }
                        if *one {
                            // أحد/إحدى alone is not a number: it needs و + tens next.
                            let ok = matches!(
                                self.atom_at(a.next, Position::Later),
                                Ok(AtomAt {
                                    atom: Atom::Small {
                                        slot: Slot::Tens,
                                        ..
                                    },
                                    conj: true,
                                    ..
                                })
                            );
                            if !ok || slots[2] {
                                return Err(Stop::Misplaced);
                            }
                        }
                        slots[idx] = true;
                        if *slot == Slot::Units && value >= 10 {
                            big_unit = true;
                        }
                        let base = cur.unwrap_or(Dec::ZERO);
                        cur = Some(base.add(Dec::int(value as u128)).ok_or(Stop::Overflow)?);
                        last_scale = false;
                    }
                    Atom::Numeral(n) => {
                        if cur.is_some() || !(is_first || c) {
                            return Err(Stop::Misplaced);
                        }
                        if is_first && !c {
                            // A leading numeral counts a scale word: 3 آلاف, 2.5 مليون.
                            let ok = matches!(
                                self.atom_at(a.next, Position::Later),
                                Ok(AtomAt {
                                    atom: Atom::Scale(
                                        _,
                                        Form::Single | Form::Plural | Form::DualOrTanwin
                                    ),
                                    conj: false,
                                    ..
                                })
                            );
                            if !ok {
                                return Err(Stop::Misplaced);
                            }
                        }
                        cur = Some(*n);
                        slots = [true; 3];
                        last_scale = false;
                    }
                    Atom::Scale(exp, form) => {
                        let exp = *exp;
                        if last_scale && !c {
                            // ألف مليار: a larger scale multiplies what came before.
                            if exp <= max_exp || *form != Form::Single {
                                return Err(Stop::Misplaced);
                            }
                            total = total.times_pow10(exp).ok_or(Stop::Overflow)?;
                            max_exp = exp;
                            return Ok(());
                        }
                        let count = match (form, cur, c) {
                            (Form::Single | Form::Plural | Form::DualOrTanwin, Some(n), false) => n,
                            (Form::Plural, _, _) => return Err(Stop::Misplaced),
                            (Form::Single, None, _) => Dec::int(1),
                            (Form::Dual | Form::DualOrTanwin, None, _) => Dec::int(2),
                            (Form::Dual, Some(_), false) => return Err(Stop::Misplaced),
                            (Form::Single | Form::Dual | Form::DualOrTanwin, Some(_), true) => {
                                return Err(Stop::Misplaced)
                            }
                        };
                        if !(is_first || c || cur.is_some()) {
                            return Err(Stop::Misplaced);
                        }
                        if max_exp == 0 || exp > max_exp {
                            if c && max_exp != 0 {
                                return Err(Stop::Misplaced);
                            }
                            total = total
                                .add(count)
                                .and_then(|t| t.times_pow10(exp))
                                .ok_or(Stop::Overflow)?;
                            max_exp = exp;
                        } else {
                            let v = count.times_pow10(exp).ok_or(Stop::Overflow)?;
                            total = total.add(v).ok_or(Stop::Overflow)?;
                        }
                        cur = None;
                        slots = [false; 3];
                        big_unit = false;
                        last_scale = true;
                    }
                }
                Ok(())
            })();
            if let Err(s) = step {
                break s;
            }
            if a.is_word {
                words += 1;
            }
            let value = match cur {
                Some(v) => total.add(v),
                None => Some(total),
            };
            let Some(value) = value else {
                break Stop::Overflow;
            };
            let p = parsed.get_or_insert(Parsed {
                start: a.start,
                name_start: a.name_start,
                end: a.end,
                value,
                words,
            });
            p.end = a.end;
            p.value = value;
            p.words = words;
            at = a.end;
            i = a.next;
            position = Position::Later;
            if matches!(a.atom, Atom::Zero) {
                break Stop::End;
            }
        };
        (parsed, stop, at)
    }
}

#[derive(Debug, Clone, Copy)]
struct Parsed {
    start: usize,
    name_start: usize,
    end: usize,
    value: Dec,
    words: usize,
}

// ---------------------------------------------------------------------------------------
// Public parsing API
// ---------------------------------------------------------------------------------------

/// Why [`parse_number_words`] failed.
///
/// ```
/// use nass_numerals::{parse_number_words, ParseWordsErrorKind};
/// let err = parse_number_words("ثلاثة كتب").unwrap_err();
/// assert_eq!(err.kind(), ParseWordsErrorKind::UnknownWord);
/// assert_eq!(err.offset(), 11);
/// assert_eq!(err.to_string(), "not a number word at byte 11");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseWordsError {
    kind: ParseWordsErrorKind,
    offset: usize,
}

/// The kinds of [`ParseWordsError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ParseWordsErrorKind {
    /// Nothing but whitespace.
    Empty,
    /// A word (or character) that is not part of any number.
    UnknownWord,
    /// A number word where the grammar does not allow it (ثلاثة خمسة, أحد alone, a missing و).
    Misplaced,
    /// A value too large for the exact arithmetic (beyond about 10^38).
    Overflow,
}

impl ParseWordsError {
    /// The kind of error.
    ///
    /// ```
    /// use nass_numerals::{parse_number_words, ParseWordsErrorKind};
    /// assert_eq!(parse_number_words("خمسة ستة").unwrap_err().kind(), ParseWordsErrorKind::Misplaced);
    /// ```
    pub fn kind(&self) -> ParseWordsErrorKind {
        self.kind
    }

    /// Byte offset of the problem in the input.
    ///
    /// ```
    /// assert_eq!(nass_numerals::parse_number_words("خمسة ستة").unwrap_err().offset(), 9);
    /// ```
    pub fn offset(&self) -> usize {
        self.offset
    }
}

impl fmt::Display for ParseWordsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            ParseWordsErrorKind::Empty => "no number words",
            ParseWordsErrorKind::UnknownWord => "not a number word",
            ParseWordsErrorKind::Misplaced => "number word out of place",
            ParseWordsErrorKind::Overflow => "number too large",
        };
        write!(f, "{what} at byte {}", self.offset)
    }
}

impl std::error::Error for ParseWordsError {}

/// Parses a cardinal number written in Arabic words (or digits with scale words).
///
/// The whole input (surrounding whitespace aside) must be one number, on one line (a line
/// break inside it is an [`UnknownWord`](ParseWordsErrorKind::UnknownWord)); additive parts
/// are joined by و (attached or standing alone). Accepted forms:
/// - units in both genders and all cases: واحد/واحدة، اثنان/اثنين/اثنتان/اثنتين،
///   ثلاث/ثلاثة … تسع/تسعة، ثمان/ثماني/ثمانية، عشر/عشرة;
/// - teens: أحد عشر، إحدى عشرة، اثنا/اثني عشر، اثنتا/اثنتي عشرة، ثلاثة عشر، ثلاث عشرة …;
/// - tens in -ون and -ين; units before tens (خمسة وعشرون، إحدى وعشرون) or after them;
/// - hundreds: مئة/مائة، مئتان/مائتان/مئتين/مائتين (and the construct مئتا/مئتي),
///   ثلاثمئة/ثلاثمائة/ثلاث مئة … تسعمئة;
/// - scales ألف (10^3), مليون (10^6), مليار or بليون (10^9), تريليون (10^12), each singular,
///   dual (ألفان/ألفين, construct ألفا), plural (آلاف/ألوف، ملايين، مليارات/بلايين،
///   تريليونات) and tanwin accusative (ألفًا, also written ألفا or ألف); a larger scale after
///   a smaller one multiplies (ألف مليار = 10^12);
/// - a numeral of [`parse_number`] before a scale word (3 آلاف، 2.5 مليون، ١٫٥ مليار), or
///   alone (in any script of decimal digits);
/// - صفر alone.
///
/// Spelling variants fold first: diacritics and tatweel are ignored, أ إ آ ٱ read as ا,
/// ة as ه, ى as ي.
///
/// ```
/// use nass_numerals::parse_number_words;
/// let v = |s| parse_number_words(s).unwrap().to_string();
/// assert_eq!(v("ألفان وخمسمائة وستة عشر"), "2516");
/// assert_eq!(v("3 آلاف"), "3000");
/// assert_eq!(v("2.5 مليون"), "2500000");
/// assert_eq!(v("أحدَ عشرَ ألفًا"), "11000");
/// assert_eq!(v("ثلاث مئة و اثنتا عشرة"), "312");
/// ```
pub fn parse_number_words(s: &str) -> Result<Number, ParseWordsError> {
    let start = s.len() - s.trim_start().len();
    let end = s.trim_end().len();
    if start >= end {
        return Err(ParseWordsError {
            kind: ParseWordsErrorKind::Empty,
            offset: s.len(),
        });
    }
    let body = &s[..end];
    if body[start..].starts_with(is_digit) {
        if let Ok(n) = parse_number(&body[start..]) {
            return Ok(n);
        }
    }
    // The token buffer of the previous call on this thread, so that parsing many numbers
    // does not allocate one each time.
    thread_local! {
        static TOKENS: std::cell::Cell<Vec<Tok>> = const { std::cell::Cell::new(Vec::new()) };
    }
    let mut p = Parser::with_tokens(body, TOKENS.take());
    let (parsed, stop, at) = p.expr(start, Position::FirstBare);
    if p.toks.capacity() <= 1024 {
        // (A huge run's buffer is let go.)
        TOKENS.set(std::mem::take(&mut p.toks));
    }
    match parsed {
        Some(parsed) if parsed.end == end => Ok(parsed.value.to_number()),
        _ => {
            // The unknown token, or the line break; else the next token.
            let offset = match (stop, p.run_end) {
                (Stop::Unknown, Some(off)) => off,
                _ => body[at..].len() - body[at..].trim_start().len() + at,
            };
            let kind = match stop {
                Stop::Overflow => ParseWordsErrorKind::Overflow,
                Stop::Unknown => ParseWordsErrorKind::UnknownWord,
                Stop::Misplaced | Stop::End => ParseWordsErrorKind::Misplaced,
            };
            Err(ParseWordsError { kind, offset })
        }
    }
}

/// A number written in words, found by [`find_number_words`].
///
/// ```
/// let m = nass_numerals::find_number_words("وصل بخمسة آلاف زائر").next().unwrap();
/// assert_eq!((m.start(), m.name_start(), m.end()), (7, 9, 26));
/// assert_eq!(m.text(), "بخمسة آلاف");
/// assert_eq!(m.name_text(), "خمسة آلاف");
/// assert_eq!(m.value().to_string(), "5000");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberWordsMatch<'t> {
    text: &'t str,
    start: usize,
    name_start: usize,
    end: usize,
    value: Number,
}

impl<'t> NumberWordsMatch<'t> {
    /// Byte offset of the match, proclitics included.
    ///
    /// ```
    /// assert_eq!(nass_numerals::find_number_words("وثلاثة").next().unwrap().start(), 0);
    /// ```
    pub fn start(&self) -> usize {
        self.start
    }

    /// Byte offset where the number proper starts, after proclitics (و ف ب ك ل).
    ///
    /// ```
    /// assert_eq!(nass_numerals::find_number_words("وثلاثة").next().unwrap().name_start(), 2);
    /// ```
    pub fn name_start(&self) -> usize {
        self.name_start
    }

    /// Byte offset just past the last word of the number.
    ///
    /// ```
    /// assert_eq!(nass_numerals::find_number_words("ستة أيام").next().unwrap().end(), 6);
    /// ```
    pub fn end(&self) -> usize {
        self.end
    }

    /// `start..end`.
    ///
    /// ```
    /// assert_eq!(nass_numerals::find_number_words("عشرون").next().unwrap().span(), 0..10);
    /// ```
    pub fn span(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// The matched text, proclitics included: `&text[start..end]`.
    ///
    /// ```
    /// assert_eq!(nass_numerals::find_number_words("لثلاثة أيام").next().unwrap().text(), "لثلاثة");
    /// ```
    pub fn text(&self) -> &'t str {
        &self.text[self.start..self.end]
    }

    /// The proclitics before the number (`""` when none): `&text[start..name_start]`.
    ///
    /// ```
    /// assert_eq!(nass_numerals::find_number_words("وبثلاثة").next().unwrap().clitics(), "وب");
    /// ```
    pub fn clitics(&self) -> &'t str {
        &self.text[self.start..self.name_start]
    }

    /// The number without proclitics: `&text[name_start..end]`.
    ///
    /// ```
    /// assert_eq!(nass_numerals::find_number_words("لثلاثة أيام").next().unwrap().name_text(), "ثلاثة");
    /// ```
    pub fn name_text(&self) -> &'t str {
        &self.text[self.name_start..self.end]
    }

    /// The value.
    ///
    /// ```
    /// assert_eq!(nass_numerals::find_number_words("مئتا ألف").next().unwrap().value().to_u64(), Some(200_000));
    /// ```
    pub fn value(&self) -> &Number {
        &self.value
    }
}

impl nass_core::Spanned for NumberWordsMatch<'_> {
    fn start(&self) -> usize {
        self.start
    }
    fn end(&self) -> usize {
        self.end
    }
    fn text(&self) -> &str {
        NumberWordsMatch::text(self)
    }
}

impl nass_core::CliticSpanned for NumberWordsMatch<'_> {
    fn name_start(&self) -> usize {
        self.name_start
    }
}

/// Iterator of [`find_number_words`].
pub struct NumberWords<'t> {
    parser: Parser<'t>,
    pos: usize,
}

impl fmt::Debug for NumberWords<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NumberWords")
            .field("pos", &self.pos)
            .finish()
    }
}

impl<'t> Iterator for NumberWords<'t> {
    type Item = NumberWordsMatch<'t>;

    fn next(&mut self) -> Option<NumberWordsMatch<'t>> {
        let text = self.parser.text;
        while self.pos < text.len() {
            // The next word or numeral that may start a number.
            self.parser.toks.clear();
            let start = match token_at(
                text,
                self.pos,
                &mut self.parser.buf,
                true,
                true,
                true,
                &mut self.parser.toks,
            ) {
                Ok(false) => break,
                Ok(true) => self.parser.toks.last().map_or(self.pos, |t| t.start),
                Err(off) => {
                    // Skip this token: a run of non-word, non-digit characters or a word.
                    let c = text[off..].chars().next().map_or(1, char::len_utf8);
                    let mut end = off + c;
                    if text[off..].chars().next().is_some_and(is_word_char) {
                        end = text[off..]
                            .char_indices()
                            .find(|&(_, c)| !is_word_char(c))
                            .map_or(text.len(), |(i, _)| off + i);
                    }
                    self.pos = end;
                    continue;
                }
            };
            let (parsed, _, _) = self.parser.expr(start, Position::FirstClitic);
            match parsed {
                Some(p) if p.words > 0 => {
                    self.pos = p.end;
                    return Some(NumberWordsMatch {
                        text,
                        start: p.start,
                        name_start: p.name_start,
                        end: p.end,
                        value: p.value.to_number(),
                    });
                }
                _ => {
                    // Skip the first token of the failed start.
                    self.pos = self.parser.toks.first().map_or(start + 1, |t| t.end);
                    while !text.is_char_boundary(self.pos) {
                        self.pos += 1;
                    }
                }
            }
        }
        self.pos = text.len();
        None
    }
}

/// Every number written in words in running text, with proclitics (وثلاثة، بخمسة،
/// لعشرين), its byte span and value. Numerals count only with a scale word (3 آلاف); a
/// bare numeral is [`find_numbers`](crate::find_numbers)' business.
///
/// The words of a number are separated by spaces and tabs (any Unicode white space), never
/// by a line break ([`is_line_break`](crate::is_line_break)): ثلاثة at the end of a line
/// and آلاف at the start of the next are not 3000.
///
/// Numbers are taken greedily from the left, the longest that reads as one number at each
/// place, in time linear in the text. A run of number words that is not one number gives
/// several, each with its exact value: ألف ألف ألف is three numbers of 1000 (a repeated
/// scale word does not multiply), and خمسة ستة is 5 and 6.
///
/// Known ambiguity: some number words are also ordinary words (ست "lady", سبع "lion",
/// خمس "a fifth", عشر "a tenth", ألف the letter or "he composed"); they are reported as
/// numbers. With ب ل ك ف, at least three letters must remain (so لست "I am not" is not
/// six). أحد and إحدى alone ("someone") are not numbers; the definite article is not
/// stripped (الثلاثاء, الخمسين are not matched).
///
/// ```
/// use nass_numerals::find_number_words;
/// let text = "حضر ثلاثمائة وخمسة وعشرون طالبًا، وغاب اثنا عشر.";
/// let found: Vec<(&str, String)> = find_number_words(text)
///     .map(|m| (m.text(), m.value().to_string()))
///     .collect();
/// assert_eq!(found, [("ثلاثمائة وخمسة وعشرون", "325".to_string()), ("اثنا عشر", "12".to_string())]);
/// ```
pub fn find_number_words(text: &str) -> NumberWords<'_> {
    NumberWords {
        parser: Parser::new(text),
        pos: 0,
    }
}

/// The largest offset at which `text` may be cut without changing the numbers found,
/// whatever text follows: [`find_numbers`](crate::find_numbers) and [`find_number_words`]
/// find in `text[..k]` and then in the rest of the input from `k` (offsets shifted by `k`)
/// exactly what they find in the whole. 0 when there is no such place.
///
/// The place is just after the last line break ([`is_line_break`](crate::is_line_break)):
/// no number spans one. In a text without a line break, it is before the last complete
/// word (or punctuation mark) that follows white space and can be no part of a number:
/// not a number word with or without proclitics, not a digit, sign or separator. A text
/// of number words, numerals and spaces alone has none.
///
/// The whole text is read in the worst case: a caller that asks again and again as the
/// text grows may look at its end only (a cut found in `text[j..]` at `k` is a cut of
/// `text` at `j + k`).
///
/// ```
/// use nass_numerals::safe_cut;
/// assert_eq!(safe_cut("ثلاثة\nآلاف"), 11);
/// assert_eq!(safe_cut("٣\u{2028}٤"), 5);
/// // Before كتب: اليوم may go on (اليومين...), ثلاثة is a number word.
/// assert_eq!(safe_cut("قرأ ثلاثة كتب اليوم"), 18);
/// assert_eq!(safe_cut("قرأ ثلاثة كتب"), 0);
/// assert_eq!(safe_cut("ثلاثة آلاف"), 0);
/// assert_eq!(safe_cut("7 -8"), 0); // -8 after 7 is no negative number
/// ```
pub fn safe_cut(text: &str) -> usize {
    // After the last line break: the ASCII ones are one byte, NEL is C2 85, LS and PS are
    // E2 80 A8 and E2 80 A9 (a continuation byte is matched with its lead bytes).
    let b = text.as_bytes();
    let mut i = b.len();
    while i > 0 {
        i -= 1;
        let found = match b[i] {
            0x0A..=0x0D => true,
            0x85 => i >= 1 && b[i - 1] == 0xC2,
            0xA8 | 0xA9 => i >= 2 && b[i - 1] == 0x80 && b[i - 2] == 0xE2,
            _ => false,
        };
        if found {
            return i + 1;
        }
    }
    // Before the last complete token that follows white space and cannot be in a number.
    let mut buf = Folded {
        bytes: [0; 32],
        len: 0,
    };
    let mut toks = Vec::new();
    let mut after: Option<(usize, char)> = None;
    for (i, c) in text.char_indices().rev() {
        if let Some((k, n)) = after {
            if c.is_whitespace()
                && !n.is_whitespace()
                && outside_numbers(text, k, n, &mut buf, &mut toks)
            {
                return k;
            }
        }
        after = Some((i, c));
    }
    0
}

/// Whether the token at `k` (starting with `c`, after white space) is complete and can be
/// no part of a number, and no sign of one.
fn outside_numbers(text: &str, k: usize, c: char, buf: &mut Folded, toks: &mut Vec<Tok>) -> bool {
    if is_digit(c) || is_sign(c) || is_sep(c) {
        return false;
    }
    toks.clear();
    // The most readings a token has: as the first of a number, with proclitics.
    if token_at(text, k, buf, false, true, true, toks) != Err(k) {
        return false;
    }
    // A word must end before the text does: more letters could make it a number word.
    !is_word_char(c) || text[k..].chars().any(|c| !is_word_char(c))
}

// ---------------------------------------------------------------------------------------
// Spelling out
// ---------------------------------------------------------------------------------------

const UNITS_FEM_FORM: [&str; 11] = [
    "",
    "واحد",
    "اثنان",
    "ثلاثة",
    "أربعة",
    "خمسة",
    "ستة",
    "سبعة",
    "ثمانية",
    "تسعة",
    "عشرة",
];
const UNITS_MASC_FORM: [&str; 11] = [
    "",
    "واحدة",
    "اثنتان",
    "ثلاث",
    "أربع",
    "خمس",
    "ست",
    "سبع",
    "ثماني",
    "تسع",
    "عشر",
];
const TENS_NOM: [&str; 10] = [
    "",
    "",
    "عشرون",
    "ثلاثون",
    "أربعون",
    "خمسون",
    "ستون",
    "سبعون",
    "ثمانون",
    "تسعون",
];
const TENS_ACC: [&str; 10] = [
    "",
    "",
    "عشرين",
    "ثلاثين",
    "أربعين",
    "خمسين",
    "ستين",
    "سبعين",
    "ثمانين",
    "تسعين",
];
const HUNDREDS: [&str; 10] = [
    "",
    "مئة",
    "",
    "ثلاثمئة",
    "أربعمئة",
    "خمسمئة",
    "ستمئة",
    "سبعمئة",
    "ثمانمئة",
    "تسعمئة",
];

/// A unit 1–10 standing alone or before و + tens, agreeing with a noun of `gender`.
fn unit_word(u: u64, gender: Gender, case: Case, before_tens: bool) -> &'static str {
    let masc = gender == Gender::Masculine;
    match (u, masc, case.nominative()) {
        // Before tens the compound forms: أحد وعشرون رجلًا، إحدى وعشرون امرأة.
        (1, true, _) => {
            if before_tens {
                "أحد"
            } else {
                "واحد"
            }
        }
        (1, false, _) => {
            if before_tens {
                "إحدى"
            } else {
                "واحدة"
            }
        }
        (2, true, true) => "اثنان",
        (2, true, false) => "اثنين",
        (2, false, true) => "اثنتان",
        (2, false, false) => "اثنتين",
        // Polarity: a masculine noun takes the form in ة.
        (_, true, _) => UNITS_FEM_FORM[u as usize],
        (_, false, _) => UNITS_MASC_FORM[u as usize],
    }
}

/// 1..=99 agreeing with a noun of `gender`.
fn below_hundred(n: u64, gender: Gender, case: Case, out: &mut String) {
    let masc = gender == Gender::Masculine;
    let nom = case.nominative();
    match n {
        1..=10 => out.push_str(unit_word(n, gender, case, false)),
        11 => out.push_str(if masc {
            "أحد عشر"
        } else {
            "إحدى عشرة"
        }),
        12 => out.push_str(match (masc, nom) {
            (true, true) => "اثنا عشر",
            (true, false) => "اثني عشر",
            (false, true) => "اثنتا عشرة",
            (false, false) => "اثنتي عشرة",
        }),
        13..=19 => {
            out.push_str(unit_word(n - 10, gender, case, false));
            out.push_str(if masc { " عشر" } else { " عشرة" });
        }
        _ => {
            let (t, u) = (n / 10, n % 10);
            if u > 0 {
                out.push_str(unit_word(u, gender, case, true));
                out.push_str(" و");
            }
            out.push_str(if nom { TENS_NOM } else { TENS_ACC }[t as usize]);
        }
    }
}

/// The hundreds word of `h` (1..=9) standing alone (مئتان/مئتين) or in construct before a
/// noun (مئتا/مئتي).
fn hundreds_word(h: u64, case: Case, construct: bool) -> &'static str {
    match (h, construct, case.nominative()) {
        (2, false, true) => "مئتان",
        (2, false, false) => "مئتين",
        (2, true, true) => "مئتا",
        (2, true, false) => "مئتي",
        _ => HUNDREDS[h as usize],
    }
}

/// 1..=999 agreeing with a noun of `gender`.
fn below_thousand(n: u64, gender: Gender, case: Case, out: &mut String) {
    let (h, r) = (n / 100, n % 100);
    if h > 0 {
        out.push_str(hundreds_word(h, case, false));
        if r > 0 {
            out.push_str(" و");
        }
    }
    if r > 0 {
        below_hundred(r, gender, case, out);
    }
}

struct ScaleNames {
    single: &'static str,
    dual_nom: &'static str,
    dual_acc: &'static str,
    plural: &'static str,
    tanwin: &'static str,
}

const SCALES: [(u64, ScaleNames); 4] = [
    (
        1_000_000_000_000,
        ScaleNames {
            single: "تريليون",
            dual_nom: "تريليونان",
            dual_acc: "تريليونين",
            plural: "تريليونات",
            tanwin: "تريليونًا",
        },
    ),
    (
        1_000_000_000,
        ScaleNames {
            single: "مليار",
            dual_nom: "ملياران",
            dual_acc: "مليارين",
            plural: "مليارات",
            tanwin: "مليارًا",
        },
    ),
    (
        1_000_000,
        ScaleNames {
            single: "مليون",
            dual_nom: "مليونان",
            dual_acc: "مليونين",
            plural: "ملايين",
            tanwin: "مليونًا",
        },
    ),
    (
        1_000,
        ScaleNames {
            single: "ألف",
            dual_nom: "ألفان",
            dual_acc: "ألفين",
            plural: "آلاف",
            tanwin: "ألفًا",
        },
    ),
];

/// `count` (>= 1) of a scale noun (all four are masculine).
fn scale_phrase(count: u64, names: &ScaleNames, case: Case, out: &mut String) {
    let dual = if case.nominative() {
        names.dual_nom
    } else {
        names.dual_acc
    };
    let m = Gender::Masculine;
    let (hi, r) = (count - count % 100, count % 100);
    // The part above the last two digits, written before the noun.
    let write_hi = |out: &mut String, construct: bool| {
        if hi < 1000 {
            out.push_str(hundreds_word(hi / 100, case, construct));
        } else {
            words_into(hi, m, case, out);
        }
    };
    match (hi, r) {
        (0, 1) => out.push_str(names.single),
        (0, 2) => out.push_str(dual),
        (0, _) => {
            below_hundred(r, m, case, out);
            out.push(' ');
            out.push_str(if r <= 10 { names.plural } else { names.tanwin });
        }
        (_, 0..=2) => {
            write_hi(out, true);
            out.push(' ');
            out.push_str(names.single);
            match r {
                1 => {
                    out.push_str(" و");
                    out.push_str(names.single);
                }
                2 => {
                    out.push_str(" و");
                    out.push_str(dual);
                }
                _ => {}
            }
        }
        (_, _) => {
            write_hi(out, false);
            out.push_str(" و");
            below_hundred(r, m, case, out);
            out.push(' ');
            out.push_str(if r <= 10 { names.plural } else { names.tanwin });
        }
    }
}

fn words_into(n: u64, gender: Gender, case: Case, out: &mut String) {
    if n == 0 {
        out.push_str("صفر");
        return;
    }
    let mut rest = n;
    let mut first = true;
    for (i, (scale, names)) in SCALES.iter().enumerate() {
        let count = if i == 0 {
            rest / scale
        } else {
            (rest / scale) % 1000
        };
        if count > 0 {
            if !first {
                out.push_str(" و");
            }
            scale_phrase(count, names, case, out);
            first = false;
        }
        rest %= scale;
    }
    if rest > 0 {
        if !first {
            out.push_str(" و");
        }
        below_thousand(rest, gender, case, out);
    }
}

/// Spells out `n` in Modern Standard Arabic, agreeing with a counted noun of `gender`, in
/// `case`.
///
/// Rules: units 3–10 take the opposite gender's form (ثلاثة كتب، ثلاث سيارات); 11 and 12 agree
/// (أحد عشر/إحدى عشرة، اثنا عشر/اثنتا عشرة); units precede tens (خمسة وعشرون; for one the
/// compound forms أحد وعشرون/إحدى وعشرون, as the grammars give them; the parser also reads
/// the common واحد وعشرون); hundreds are spelt مئة، مئتان، ثلاثمئة … تسعمئة (one word; the construct مئتا/مئتي
/// before a scale noun). Scale nouns (ألف، مليون، مليار، تريليون, all masculine) follow the
/// counting rules: 1 ألف, 2 ألفان, 3–10 plural آلاف، ملايين، مليارات، تريليونات, 11–99
/// accusative singular written with tanwin ألفًا، مليونًا, 100s in construct مئة ألف; a count
/// ending in 01 or 02 after hundreds repeats the noun (مئة ألف وألف = 101 000, مئة ألف وألفان
/// = 102 000). Parts are joined by " و". Gender affects only the last group (below 1000);
/// case affects every dual and every -ون/-ين form. Above 999 trillion (all of `u64` is
/// accepted) the trillion count is itself spelt out (ألف تريليون), which
/// [`parse_number_words`] reads back.
///
/// ```
/// use nass_numerals::{number_to_words, Case, Gender};
/// let w = |n| number_to_words(n, Gender::Masculine, Case::Nominative);
/// assert_eq!(w(2516), "ألفان وخمسمئة وستة عشر");
/// assert_eq!(w(11_000), "أحد عشر ألفًا");
/// assert_eq!(w(1_000_000_000_000), "تريليون");
/// assert_eq!(number_to_words(21, Gender::Feminine, Case::Genitive), "إحدى وعشرين");
/// ```
pub fn number_to_words(n: u64, gender: Gender, case: Case) -> String {
    let mut out = String::with_capacity(64);
    words_into(n, gender, case, &mut out);
    out
}

// ---------------------------------------------------------------------------------------
// Ordinal days
// ---------------------------------------------------------------------------------------

const ORDINAL_DAYS_MASC: [&str; 31] = [
    "الأول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
    "العاشر",
    "الحادي عشر",
    "الثاني عشر",
    "الثالث عشر",
    "الرابع عشر",
    "الخامس عشر",
    "السادس عشر",
    "السابع عشر",
    "الثامن عشر",
    "التاسع عشر",
    "العشرون",
    "الحادي والعشرون",
    "الثاني والعشرون",
    "الثالث والعشرون",
    "الرابع والعشرون",
    "الخامس والعشرون",
    "السادس والعشرون",
    "السابع والعشرون",
    "الثامن والعشرون",
    "التاسع والعشرون",
    "الثلاثون",
    "الحادي والثلاثون",
];

const ORDINAL_DAYS_FEM: [&str; 31] = [
    "الأولى",
    "الثانية",
    "الثالثة",
    "الرابعة",
    "الخامسة",
    "السادسة",
    "السابعة",
    "الثامنة",
    "التاسعة",
    "العاشرة",
    "الحادية عشرة",
    "الثانية عشرة",
    "الثالثة عشرة",
    "الرابعة عشرة",
    "الخامسة عشرة",
    "السادسة عشرة",
    "السابعة عشرة",
    "الثامنة عشرة",
    "التاسعة عشرة",
    "العشرون",
    "الحادية والعشرون",
    "الثانية والعشرون",
    "الثالثة والعشرون",
    "الرابعة والعشرون",
    "الخامسة والعشرون",
    "السادسة والعشرون",
    "السابعة والعشرون",
    "الثامنة والعشرون",
    "التاسعة والعشرون",
    "الثلاثون",
    "الحادية والثلاثون",
];

/// The ordinal of a day of the month (1..=31) in the nominative, agreeing with `gender`
/// (اليوم الحادي عشر، الليلة الحادية عشرة); `None` outside 1..=31.
///
/// ```
/// use nass_numerals::{ordinal_day_words, Gender};
/// assert_eq!(ordinal_day_words(1, Gender::Masculine), Some("الأول"));
/// assert_eq!(ordinal_day_words(1, Gender::Feminine), Some("الأولى"));
/// assert_eq!(ordinal_day_words(31, Gender::Masculine), Some("الحادي والثلاثون"));
/// assert_eq!(ordinal_day_words(0, Gender::Masculine), None);
/// ```
pub fn ordinal_day_words(day: u8, gender: Gender) -> Option<&'static str> {
    let i = (day as usize).checked_sub(1)?;
    match gender {
        Gender::Masculine => ORDINAL_DAYS_MASC.get(i).copied(),
        Gender::Feminine => ORDINAL_DAYS_FEM.get(i).copied(),
    }
}

/// (value, may stand alone, may start a compound)
fn ordinal_unit(w: &str) -> Option<(u8, bool, bool)> {
    let w = w.strip_suffix('ه').unwrap_or(w);
    Some(match w {
        "الاول" | "الاولي" => (1, true, false),
        "الحادي" | "الواحد" => (1, false, true),
        "الثاني" => (2, true, true),
        "الثالث" => (3, true, true),
        "الرابع" => (4, true, true),
        "الخامس" => (5, true, true),
        "السادس" => (6, true, true),
        "السابع" => (7, true, true),
        "الثامن" => (8, true, true),
        "التاسع" => (9, true, true),
        "العاشر" => (10, true, false),
        _ => return None,
    })
}

/// Reads an ordinal day of the month (1..=31) in either gender and any case, with the usual
/// spelling variants (diacritics, hamza forms, ة/ه, ى/ي): الأول، الأولى، الحادي عشر،
/// الحادية عشرة، العشرين، الحادي والثلاثون …
///
/// ```
/// use nass_numerals::parse_ordinal_day;
/// assert_eq!(parse_ordinal_day("الحادي عشر"), Some(11));
/// assert_eq!(parse_ordinal_day("الثانيةَ والعشرين"), Some(22));
/// assert_eq!(parse_ordinal_day("الاولى"), Some(1));
/// assert_eq!(parse_ordinal_day("الثاني والثلاثون"), None);
/// ```
pub fn parse_ordinal_day(s: &str) -> Option<u8> {
    let mut buf = String::new();
    let mut words: Vec<String> = Vec::with_capacity(2);
    for w in s.split_whitespace() {
        if words.len() == 2 {
            return None;
        }
        fold_for_lookup(w, &mut buf);
        words.push(buf.clone());
    }
    match words.as_slice() {
        [w] => match w.as_str() {
            "العشرون" | "العشرين" => Some(20),
            "الثلاثون" | "الثلاثين" => Some(30),
            _ => match ordinal_unit(w)? {
                (v, true, _) => Some(v),
                _ => None,
            },
        },
        [a, b] => {
            let (u, _, compound) = ordinal_unit(a)?;
            if !compound {
                return None;
            }
            match b.as_str() {
                "عشر" | "عشره" => Some(10 + u),
                "والعشرون" | "والعشرين" => Some(20 + u),
                "والثلاثون" | "والثلاثين" if u == 1 => Some(31),
                _ => None,
            }
        }
        _ => None,
    }
}

#[cfg(test)]
mod lookup_tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn every_entry_and_its_neighbours_look_up_as_by_scanning() {
        let entries = lexicon_entries();
        assert!(entries.len() > 100);
        let mut probes: Vec<Vec<u8>> = Vec::new();
        for (k, _) in &entries {
            let b = k.as_bytes();
            probes.push(b.to_vec());
            // Every prefix and suffix, every single byte changed, a letter added.
            for n in 0..b.len() {
                probes.push(b[..n].to_vec());
                probes.push(b[n..].to_vec());
                let mut x = b.to_vec();
                x[n] ^= 1;
                probes.push(x);
            }
            probes.push([b, "ه".as_bytes()].concat());
            probes.push(["و".as_bytes(), b].concat());
        }
        for (a, _) in &entries {
            for (b, _) in entries.iter().take(20) {
                probes.push([a.as_bytes(), b.as_bytes()].concat());
            }
        }
        for p in &probes {
            assert_eq!(
                lookup(p),
                lookup_reference(p),
                "{:?}",
                String::from_utf8_lossy(p)
            );
        }
        // By hand.
        assert_eq!(lookup("ثمانيمائه".as_bytes()), Some(Lex::Hundreds(800)));
        assert_eq!(
            lookup("تريليونات".as_bytes()),
            Some(Lex::Scale(12, Form::Plural))
        );
        assert_eq!(lookup("ست".as_bytes()), Some(Lex::Unit(6)));
        assert_eq!(lookup("س".as_bytes()), None);
        assert_eq!(lookup("تريليوناتت".as_bytes()), None);
        assert_eq!(lookup(b""), None);
    }

    #[test]
    fn pair_folds_agree_with_the_lookup_fold() {
        let t = pair_folds();
        let mut pairs = 0;
        for u in 0x0600..0x0680u32 {
            let c = char::from_u32(u).unwrap();
            let mut enc = [0u8; 2];
            c.encode_utf8(&mut enc);
            let fold = t[(usize::from(enc[0] & 1) << 6) | usize::from(enc[1] & 0x3F)];
            let mut folded = String::new();
            fold_for_lookup(c.encode_utf8(&mut [0u8; 4]), &mut folded);
            match fold {
                PAIR_GENERAL => {}
                PAIR_SKIP => assert_eq!(folded, "", "U+{u:04X}"),
                f => {
                    pairs += 1;
                    assert!(is_word_char(c), "U+{u:04X}");
                    assert_eq!(folded.as_bytes(), [(f >> 8) as u8, f as u8], "U+{u:04X}");
                }
            }
        }
        // hamza..ghain (26) and feh..yeh (10).
        assert_eq!(pairs, 36);
    }

    #[test]
    fn a_number_lexes_only_the_tokens_it_reads() {
        // Lexing the whole run from each start made n number words that are n numbers
        // (ألف ألف ...) cost n^2.
        let text = "ألف ".repeat(1000);
        let mut p = Parser::new(&text);
        let (parsed, stop, _) = p.expr(0, Position::FirstClitic);
        assert_eq!(parsed.map(|p| p.end), Some("ألف".len()));
        assert_eq!(stop, Stop::Misplaced);
        assert!(p.toks.len() <= 1 + LOOKAHEAD, "{} tokens", p.toks.len());
        // And the finder takes them one by one, each exact.
        let found: Vec<_> = find_number_words(&text).collect();
        assert_eq!(found.len(), 1000);
        assert!(found
            .iter()
            .all(|m| m.value().to_u64() == Some(1000) && m.text() == "ألف"));
    }

    proptest! {
        #[test]
        fn lookup_is_the_scan(w in "[\u{0627}-\u{064A}]{0,11}", tail in any::<u8>()) {
            prop_assert_eq!(lookup(w.as_bytes()), lookup_reference(w.as_bytes()));
            let mut b = w.into_bytes();
            b.push(tail);
            prop_assert_eq!(lookup(&b), lookup_reference(&b));
        }
    }
}
