//! Lexing: the token (a number word with its proclitics and readings, the conjunction
//! و, or a numeral) at a place in the text, folded in one pass.

use super::*;

/// A folded word, on the stack.
pub(super) struct Folded {
    pub(super) bytes: [u8; 32],
    pub(super) len: usize,
}

pub(super) const WAW: &[u8] = "و".as_bytes();

#[derive(Debug, Clone, Copy)]
pub(super) enum TokKind {
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
    /// A word that may begin an ordinal number (read only as the first token of a
    /// number in running text), with the byte length of its proclitics.
    Ordinal { word: OrdWord, clitic_len: usize },
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) kind: TokKind,
}

/// In [`pair_folds`]: the pair is dropped (a mark, tatweel).
pub(super) const PAIR_SKIP: u16 = 1;
/// In [`pair_folds`]: the pair takes the general path (not a letter or mark of the fast
/// path).
pub(super) const PAIR_GENERAL: u16 = 0;

/// What the word lexer does with each two-byte character D8 80..D9 BF (U+0600..U+067F),
/// indexed by `(lead & 1) << 6 | (second & 0x3F)`: the folded pair (high byte first), or
/// `PAIR_SKIP`, or `PAIR_GENERAL`.
pub(super) fn pair_folds() -> &'static [u16; 128] {
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
pub(super) fn first_letter(r: &[u8]) -> Option<char> {
    match r {
        [x @ 0xC0..=0xDF, y, ..] => {
            char::from_u32((u32::from(x & 0x1F) << 6) | u32::from(y & 0x3F))
        }
        _ => None,
    }
}

/// Whether the letter after the first of `word` (a و) is أ or إ: then the و is the
/// conjunction, as in وأحد and وإحدى ("and one-"), where واحد folded alike is one.
pub(super) fn hamza_after_waw(word: &str) -> bool {
    word[prefix_len(word, 1).min(word.len())..].starts_with(['أ', 'إ'])
}

/// Byte length of the first `letters` base letters of `word` and the marks after them.
pub(super) fn prefix_len(word: &str, letters: usize) -> usize {
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

/// How [`token_at`] reads a token.
#[derive(Debug, Clone, Copy)]
pub(super) struct Reading {
    /// Line breaks are skipped like spaces (else a line break is a token that cannot be
    /// part of a number: no number spans one).
    pub(super) lines: bool,
    /// Read proclitics other than و (and ordinal words).
    pub(super) clitics: bool,
    /// Look the word up as it is even when it reads with و.
    pub(super) need_bare: bool,
    /// Read colloquial number words too.
    pub(super) colloquial: bool,
}

/// The token at or after `pos` (whitespace skipped), pushed on `out` (built in place: a
/// token returned by value cost a store-forwarding stall each): `Ok(true)`, or `Ok(false)`
/// at the end of the text, `Err(offset)` for a token that cannot be part of a number.
/// `how` says how the token is read.
pub(super) fn token_at(
    text: &str,
    pos: usize,
    buf: &mut Folded,
    how: Reading,
    out: &mut Vec<Tok>,
) -> Result<bool, usize> {
    let Reading {
        lines,
        clitics,
        need_bare,
        colloquial,
    } = how;
    let lookup = |w: &[u8]| lookup_in(w, colloquial);
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
    if !is_letter_word_char(c) {
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
        if !is_letter_word_char(c) {
            end = i;
            break;
        }
        i += c.len_utf8();
        // (A presentation form folds to its base letters, a ligature to several.)
        let fits = fold_char_each(c, |c| {
            let n = c.len_utf8();
            if len + n > dest.len() {
                return false;
            }
            c.encode_utf8(&mut dest[len..len + n]);
            len += n;
            true
        });
        if !fits {
            return Err(start);
        }
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
        // The first word of a number in running text may begin an ordinal (of 4 to 13
        // letters: ثاني .. وللثلاثمائه).
        if clitics && (8..=26).contains(&folded.len()) {
            if let Some((word, letters)) = ordinal_word(folded, word) {
                let clitic_len = if letters == 0 {
                    0
                } else {
                    prefix_len(&text[start..end], letters)
                };
                out.push(Tok {
                    start,
                    end,
                    kind: TokKind::Ordinal { word, clitic_len },
                });
                return Ok(true);
            }
        }
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
