//! Character classes the scanner needs: Unicode punctuation (P*), symbols (S*),
//! Extended_Pictographic and Emoji_Presentation, read once from regex-syntax's Unicode
//! tables into bitsets (code points below U+20000) plus range lists above.

use std::sync::OnceLock;

use regex_syntax::hir::{Class, HirKind};

const LIMIT: u32 = 0x20000;
const WORDS: usize = (LIMIT / 64) as usize;

pub(crate) const PUNCT: u8 = 1;
pub(crate) const SYMBOL: u8 = 2;
pub(crate) const PICT: u8 = 4;
pub(crate) const PRESENTATION: u8 = 8;

struct Set {
    bits: Vec<u64>,
    high: Vec<(u32, u32)>,
}

impl Set {
    fn new(pattern: &str) -> Set {
        let mut bits = vec![0u64; WORDS];
        let mut high = Vec::new();
        let hir = regex_syntax::ParserBuilder::new()
            .unicode(true)
            .build()
            .parse(pattern);
        if let Ok(hir) = hir {
            if let HirKind::Class(Class::Unicode(class)) = hir.kind() {
                for r in class.ranges() {
                    let (lo, hi) = (r.start() as u32, r.end() as u32);
                    for cp in lo..=hi.min(LIMIT - 1) {
                        bits[(cp / 64) as usize] |= 1 << (cp % 64);
                    }
                    if hi >= LIMIT {
                        high.push((lo.max(LIMIT), hi));
                    }
                }
            }
        }
        Set { bits, high }
    }

    fn contains(&self, c: char) -> bool {
        let cp = c as u32;
        if cp < LIMIT {
            self.bits[(cp / 64) as usize] & (1 << (cp % 64)) != 0
        } else {
            self.high.iter().any(|&(lo, hi)| lo <= cp && cp <= hi)
        }
    }
}

struct Tables {
    punct: Set,
    symbol: Set,
    pict: Set,
    presentation: Set,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| Tables {
        punct: Set::new(r"\p{P}"),
        symbol: Set::new(r"\p{S}"),
        pict: Set::new(r"\p{Extended_Pictographic}"),
        presentation: Set::new(r"\p{Emoji_Presentation}"),
    })
}

/// Flags of `c` among PUNCT, SYMBOL, PICT, PRESENTATION.
pub(crate) fn flags(c: char) -> u8 {
    let t = tables();
    let mut f = 0;
    if t.punct.contains(c) {
        f |= PUNCT;
    }
    if t.symbol.contains(c) {
        f |= SYMBOL;
    }
    if t.pict.contains(c) {
        f |= PICT;
    }
    if t.presentation.contains(c) {
        f |= PRESENTATION;
    }
    f
}

/// Unicode punctuation (general category P*).
#[cfg(test)]
pub(crate) fn is_punct(c: char) -> bool {
    tables().punct.contains(c)
}

/// Unicode symbol (general category S*).
#[cfg(test)]
pub(crate) fn is_symbol(c: char) -> bool {
    tables().symbol.contains(c)
}

/// A digit of the three sets nass reads as numbers: ASCII, Arabic-Indic, Persian.
pub(crate) fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
        || ('\u{660}'..='\u{669}').contains(&c)
        || ('\u{6F0}'..='\u{6F9}').contains(&c)
}

/// A letter of the Arabic script blocks.
pub(crate) fn is_arabic_script(c: char) -> bool {
    matches!(c as u32, 0x0600..=0x06FF | 0x0750..=0x077F | 0x0870..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
}

/// A letter of the Latin script blocks.
pub(crate) fn is_latin_script(c: char) -> bool {
    matches!(c as u32, 0x41..=0x5A | 0x61..=0x7A | 0xAA | 0xBA | 0xC0..=0x24F | 0x1E00..=0x1EFF | 0x2C60..=0x2C7F | 0xA720..=0xA7FF | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_classes() {
        for c in [
            '.', ',', '،', '؛', '؟', '٪', '﴾', '﴿', '«', '»', '“', '”', '"', '•', '_', '-',
        ] {
            assert!(is_punct(c), "{c:?} should be punctuation");
        }
        for c in ['$', '+', '=', '©', '😀', '🇮', '^', '`'] {
            assert!(is_symbol(c), "{c:?} should be a symbol");
        }
        for c in ['ب', 'a', 'ـ', '\u{64E}', '\u{200C}', '5', '٣'] {
            assert!(!is_punct(c) && !is_symbol(c), "{c:?} is neither");
        }
        assert_ne!(flags('😀') & PRESENTATION, 0);
        assert_ne!(flags('❤') & PICT, 0);
        assert_eq!(flags('❤') & PRESENTATION, 0);
        assert!(!is_symbol('\u{2F800}'));
    }
}
