//! The lexicon of number words: each folded word with its reading, in an open-addressed
//! table built once.

use super::*;

/// How a scale word is inflected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Form {
    /// ألف: after 100s, or alone (= one thousand).
    Single,
    /// ألفان, ألفين: two thousand.
    Dual,
    /// ألفا: either the accusative singular with tanwin (أحد عشر ألفًا) after a count, or
    /// alone the construct dual (= two thousand) before its counted noun (ألفا رجل). As the
    /// lexicon gives it; the parser reads it as [`Form::Tanwin`] when no counted noun
    /// follows or tanwin is written.
    DualOrTanwin,
    /// ألفا read as the accusative singular with tanwin: after a count it counts (ثلاثين
    /// ألفا), alone it is one thousand (خسر ألفا من جنوده، بلغ مليونًا). Only from the
    /// parser, never in the lexicon.
    Tanwin,
    /// ألفي, مليوني: the construct dual in the accusative or genitive, two thousand before
    /// its counted noun (نحو ألفي شخص); with no noun after it, no number (مليوني is also
    /// the adjective "million-strong", ألفى the verb "found"). The parser reads it as
    /// [`Form::Dual`] or as no number.
    Oblique,
    /// آلاف: after 3–10.
    Plural,
    /// المليون: with the article, only as what a fraction counts (نصف المليون، مليون
    /// ونصف المليون).
    Definite,
}

/// A fraction word: `num/den` (نصف 1/2، ثلثا 2/3), or a plural counted by 3–10 (ثلاثة
/// أرباع: `num` is 0, the count gives it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Fraction {
    pub(super) num: u8,
    pub(super) den: u8,
    /// Whether the word also reads as a fraction before a scale word; ثمن is also
    /// "price" (ثمن مليون برميل), so there the combination has no value.
    pub(super) before_scale: bool,
}

const fn frac(num: u8, den: u8) -> Lex {
    Lex::Fraction(Fraction {
        num,
        den,
        before_scale: true,
    })
}

const fn frac_or_price(num: u8) -> Lex {
    Lex::Fraction(Fraction {
        num,
        den: 8,
        before_scale: false,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Lex {
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
    /// 11..19 in one word (colloquial: خمستاشر).
    Teen(u8),
    /// سالب, ناقص: the number after it is negative.
    Minus,
    /// فاصلة, فاصل: the decimal point.
    Point,
    /// A fraction word (the singular fractions خمس سبع تسع عشر are units, read as
    /// fractions by the grammar).
    Fraction(Fraction),
}

/// The number words, folded for lookup (`nass_letters::lookup`), with their readings. The hundreds in one
/// word (ثلاثمئة ...) are added by `lexicon()`.
pub(super) const WORDS: &[(&str, Lex)] = &[
    ("صفر", Lex::Zero),
    ("سالب", Lex::Minus),
    ("ناقص", Lex::Minus),
    ("فاصله", Lex::Point),
    ("فاصل", Lex::Point),
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
    ("الفي", Lex::Scale(3, Form::Oblique)),
    ("الاف", Lex::Scale(3, Form::Plural)),
    ("الوف", Lex::Scale(3, Form::Plural)),
    ("مليون", Lex::Scale(6, Form::Single)),
    ("مليونان", Lex::Scale(6, Form::Dual)),
    ("مليونين", Lex::Scale(6, Form::Dual)),
    ("مليونا", Lex::Scale(6, Form::DualOrTanwin)),
    ("مليوني", Lex::Scale(6, Form::Oblique)),
    ("ملايين", Lex::Scale(6, Form::Plural)),
    ("مليار", Lex::Scale(9, Form::Single)),
    ("بليون", Lex::Scale(9, Form::Single)),
    ("ملياران", Lex::Scale(9, Form::Dual)),
    ("مليارين", Lex::Scale(9, Form::Dual)),
    ("بليونان", Lex::Scale(9, Form::Dual)),
    ("بليونين", Lex::Scale(9, Form::Dual)),
    ("مليارا", Lex::Scale(9, Form::DualOrTanwin)),
    ("بليونا", Lex::Scale(9, Form::DualOrTanwin)),
    ("ملياري", Lex::Scale(9, Form::Oblique)),
    ("بليوني", Lex::Scale(9, Form::Oblique)),
    ("مليارات", Lex::Scale(9, Form::Plural)),
    ("بلايين", Lex::Scale(9, Form::Plural)),
    ("تريليون", Lex::Scale(12, Form::Single)),
    ("تريليونان", Lex::Scale(12, Form::Dual)),
    ("تريليونين", Lex::Scale(12, Form::Dual)),
    ("تريليونا", Lex::Scale(12, Form::DualOrTanwin)),
    ("تريليوني", Lex::Scale(12, Form::Oblique)),
    ("تريليونات", Lex::Scale(12, Form::Plural)),
    ("الالف", Lex::Scale(3, Form::Definite)),
    ("المليون", Lex::Scale(6, Form::Definite)),
    ("المليار", Lex::Scale(9, Form::Definite)),
    ("البليون", Lex::Scale(9, Form::Definite)),
    ("التريليون", Lex::Scale(12, Form::Definite)),
    // Fractions: singular, dual (nominative -ا, oblique -ي), plural after a count.
    ("نصف", frac(1, 2)),
    ("ثلث", frac(1, 3)),
    ("ثلثا", frac(2, 3)),
    ("ثلثي", frac(2, 3)),
    ("ربع", frac(1, 4)),
    ("ربعا", frac(2, 4)),
    ("ربعي", frac(2, 4)),
    ("خمسا", frac(2, 5)),
    ("خمسي", frac(2, 5)),
    ("سدس", frac(1, 6)),
    ("سدسا", frac(2, 6)),
    ("سدسي", frac(2, 6)),
    ("ثمن", frac_or_price(1)),
    ("ثمنا", frac_or_price(2)),
    ("ثمني", frac_or_price(2)),
    ("اثلاث", frac(0, 3)),
    ("ارباع", frac(0, 4)),
    ("اخماس", frac(0, 5)),
    ("اسداس", frac(0, 6)),
    ("اسباع", frac(0, 7)),
    ("اثمان", frac_or_price(0)),
    ("اتساع", frac(0, 9)),
    ("اعشار", frac(0, 10)),
];

/// The longest folded entry in bytes (ثمانيمائه, تريليونات: 9 letters).
pub(super) const MAX_WORD: usize = 18;
/// The shortest folded entry in bytes (ست: 2 letters).
pub(super) const MIN_WORD: usize = 4;

/// A folded word of `MIN_WORD..=MAX_WORD` bytes as a fixed key, read with overlapping
/// loads instead of a padded copy: its first and last four bytes (up to 8 bytes), its
/// first and last eight (up to 16), and also bytes 8..16 beyond that, with the length.
/// Together they cover every byte, so equal keys mean equal words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Key {
    pub(super) first: u64,
    pub(super) middle: u64,
    pub(super) last: u64,
    pub(super) len: usize,
}

pub(super) fn load8(w: &[u8], at: usize) -> u64 {
    let mut b = [0u8; 8];
    b.copy_from_slice(&w[at..at + 8]);
    u64::from_le_bytes(b)
}

pub(super) fn load4(w: &[u8], at: usize) -> u64 {
    let mut b = [0u8; 4];
    b.copy_from_slice(&w[at..at + 4]);
    u64::from(u32::from_le_bytes(b))
}

#[inline]
pub(super) fn key_of(w: &[u8]) -> Option<Key> {
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
pub(super) fn hash(k: &Key) -> usize {
    let h = nass_core::hash::mix(k.first ^ k.len as u64, k.last ^ k.middle.rotate_left(17));
    (h >> (64 - LEXICON_BITS)) as usize
}

/// Open-addressing table of the lexicon, built once.
pub(super) struct Lexicon {
    pub(super) slots: Vec<Option<(Key, Lex)>>,
}

/// 256 slots for the 130 entries: about half full, 10 KiB (fits the L1 cache).
pub(super) const LEXICON_BITS: u32 = 8;
pub(super) const LEXICON_MASK: usize = (1 << LEXICON_BITS) - 1;

/// Every folded entry of the lexicon with its reading: `WORDS` and the hundreds in one
/// word.
pub(super) fn lexicon_entries() -> Vec<(String, Lex)> {
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

/// The colloquial number words of the Levant, Egypt and the Gulf, folded, with their
/// readings: only with [`WordsOptions::colloquial`], and only where the word is no
/// standard one (`lexicon_entries` first).
pub(super) fn colloquial_entries() -> Vec<(String, Lex)> {
    let mut entries: Vec<(String, Lex)> = [
        ("اتنين", Lex::Unit(2)),
        ("تنين", Lex::Unit(2)),
        ("اتنان", Lex::Unit(2)),
        ("تلات", Lex::Unit(3)),
        ("تلاته", Lex::Unit(3)),
        ("تمن", Lex::Unit(8)),
        ("تمان", Lex::Unit(8)),
        ("تماني", Lex::Unit(8)),
        ("تمنيه", Lex::Unit(8)),
        ("تمانيه", Lex::Unit(8)),
        ("تلاتين", Lex::Ten(30)),
        ("تمنين", Lex::Ten(80)),
        ("تمانين", Lex::Ten(80)),
        ("ميه", Lex::HundredWord),
        ("ميتين", Lex::Hundreds(200)),
        ("متين", Lex::Hundreds(200)),
        ("تلاف", Lex::Scale(3, Form::Plural)),
        ("نص", frac(1, 2)),
        ("تلت", frac(1, 3)),
        ("تلتين", frac(2, 3)),
        ("حداشر", Lex::Teen(11)),
        ("احداشر", Lex::Teen(11)),
        ("حدعش", Lex::Teen(11)),
        ("احدعش", Lex::Teen(11)),
        ("اتناشر", Lex::Teen(12)),
        ("اطناشر", Lex::Teen(12)),
        ("اثناشر", Lex::Teen(12)),
        ("ثنعش", Lex::Teen(12)),
        ("اثنعش", Lex::Teen(12)),
        ("طنعش", Lex::Teen(12)),
    ]
    .iter()
    .map(|&(k, l)| (k.to_string(), l))
    .collect();
    // 13..19: the unit and تاشر, طاشر, تعش or طعش (خمستاشر، سبعطعش، ستاشر).
    let teens: [(u8, &[&str]); 7] = [
        (13, &["تلت", "تلط", "ثلث", "ثلاث"]),
        (14, &["اربع", "ربع"]),
        (15, &["خمس"]),
        (16, &["س"]),
        (17, &["سبع"]),
        (18, &["تمن", "تمان", "ثمن", "ثمان"]),
        (19, &["تسع"]),
    ];
    for (value, stems) in teens {
        for stem in stems {
            for end in ["تاشر", "طاشر", "تعش", "طعش"] {
                entries.push((format!("{stem}{end}"), Lex::Teen(value)));
            }
        }
    }
    // The hundreds in one word with مية (تلتمية، خمسمية، تمنمية).
    for (stem, u) in [
        ("تلت", 3),
        ("تلات", 3),
        ("ثلاث", 3),
        ("اربع", 4),
        ("ربع", 4),
        ("خمس", 5),
        ("ست", 6),
        ("سبع", 7),
        ("تمن", 8),
        ("تمان", 8),
        ("ثمان", 8),
        ("تسع", 9),
    ] {
        entries.push((format!("{stem}ميه"), Lex::Hundreds(u * 100)));
    }
    let standard = lexicon_entries();
    entries.retain(|(k, _)| !standard.iter().any(|(s, _)| s == k));
    entries
}

fn build(entries: Vec<(String, Lex)>) -> Lexicon {
    let mut slots: Vec<Option<(Key, Lex)>> = vec![None; 1 << LEXICON_BITS];
    for (k, l) in entries {
        let key = key_of(k.as_bytes()).expect("lexicon entries fit MIN_WORD..=MAX_WORD");
        let mut i = hash(&key) & LEXICON_MASK;
        while slots[i].is_some() {
            i = (i + 1) & LEXICON_MASK;
        }
        slots[i] = Some((key, l));
    }
    Lexicon { slots }
}

pub(super) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| build(lexicon_entries()))
}

pub(super) fn colloquial_lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| build(colloquial_entries()))
}

/// The reading of a folded word, colloquial words included with `colloquial`.
#[inline(always)]
pub(super) fn lookup_in(w: &[u8], colloquial: bool) -> Option<Lex> {
    let key = key_of(w)?;
    match find_key(lexicon(), &key) {
        None if colloquial => find_key(colloquial_lexicon(), &key),
        found => found,
    }
}

/// The reading of a folded word (standard words only).
#[inline]
pub(super) fn lookup(w: &[u8]) -> Option<Lex> {
    lookup_in(w, false)
}

#[inline(always)]
fn find_key(lex: &Lexicon, key: &Key) -> Option<Lex> {
    let key = *key;
    let mut i = hash(&key) & LEXICON_MASK;
    loop {
        match &lex.slots[i] {
            None => return None,
            Some((k, l)) if *k == key => return Some(*l),
            Some(_) => i = (i + 1) & LEXICON_MASK,
        }
    }
}

/// The reading of a folded word by a scan of the entries (the definition of `lookup_in`).
#[cfg(test)]
pub(super) fn lookup_reference(w: &[u8], colloquial: bool) -> Option<Lex> {
    let found = |entries: Vec<(String, Lex)>| {
        entries
            .into_iter()
            .find(|(k, _)| k.as_bytes() == w)
            .map(|(_, l)| l)
    };
    found(lexicon_entries()).or_else(|| colloquial.then(|| found(colloquial_entries())).flatten())
}
