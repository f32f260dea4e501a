//! PyArabic 0.6.15's tokenizers (`araby.tokenize`, `araby.tokenize_with_location`,
//! `araby.sentence_tokenize`), for the drop-in module `nass.araby`: the same tokens and
//! sentences, byte for byte, including the quirks PyArabic users get. Written from
//! PyArabic's documentation and from its observed outputs (PyArabic is GPL; none of its
//! code is used), and checked against it exhaustively over the code points and on
//! generated text by the Python tests of `nass-python`.
//!
//! nass's own [`Tokenizer`](crate::Tokenizer) differs on purpose: it keeps numbers
//! (`3.5`), URLs and the like whole and makes every punctuation mark a token of its own.
//!
//! The rules:
//! - A *word character* is what Python's `\w` matches (a letter or number of any script,
//!   General_Category L or N, and `_`), the apostrophe `'`, the harakat, shadda and sukun
//!   U+064B–U+0652 and the dagger alef U+0670. Other combining marks (U+0301, U+0653...)
//!   are not.
//! - [`tokens`]: the text cut into maximal runs of word characters and runs of other
//!   characters; from the other runs, space, tab, CR, VT and FF are deleted (newlines,
//!   no-break spaces and other Unicode spaces stay), and a run left empty is dropped. So
//!   `قال: "نعم"` gives `قال`, `:"`, `نعم`, `"`.
//! - [`words`]: only the runs of word characters, with their spans.
//! - [`sentences`]: a sentence ends at a run of the marks `.` `,` `:` `;` `?` `،` `؟` or
//!   newline followed by at least one space, tab, CR or newline; the sentence keeps the
//!   last mark of the run (the others are lost: `a... b` gives `a.` and `b`) and the
//!   spaces after it go. A run ending in a mark not followed by such a space does not
//!   end a sentence unless a newline inside it is (that newline then ends it). Only the
//!   first 32 ends count ([`MAX_SENTENCE_ENDS`]). The text after the last end is the
//!   last sentence, as it is, even when empty; an empty text is one empty sentence.

use std::borrow::Cow;
use std::ops::Range;

/// Whether PyArabic's tokenizers count `c` as part of a word (see the module docs).
///
/// ```
/// use nass_tokenize::pyarabic::is_word_char;
/// assert!(is_word_char('ب') && is_word_char('\u{064E}') && is_word_char('\'') && is_word_char('٣'));
/// assert!(!is_word_char('.') && !is_word_char('\u{0653}') && !is_word_char(' '));
/// ```
pub fn is_word_char(c: char) -> bool {
    let cp = c as u32;
    if cp < 0x80 {
        return c.is_ascii_alphanumeric() || c == '_' || c == '\'';
    }
    if matches!(cp, 0x064B..=0x0652 | 0x0670) {
        return true;
    }
    crate::classes::is_python_word(c)
}

/// The blanks deleted from the runs between words: space, tab, CR, VT, FF.
fn is_deleted_blank(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\u{0B}' | '\u{0C}')
}

/// The runs of `text`: `(byte range, is a word run)`, in order, covering the text.
fn runs(text: &str) -> impl Iterator<Item = (Range<usize>, bool)> + '_ {
    let mut rest = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, c) = rest.next()?;
        let word = is_word_char(c);
        let mut end = start + c.len_utf8();
        while let Some(&(i, d)) = rest.peek() {
            if is_word_char(d) != word {
                break;
            }
            end = i + d.len_utf8();
            rest.next();
        }
        Some((start..end, word))
    })
}

/// The tokens of PyArabic's `araby.tokenize(text)` (before its `conditions` and
/// `morphs`): runs of word characters, and the runs between them with space, tab, CR, VT
/// and FF deleted, dropped when nothing is left.
///
/// ```
/// use nass_tokenize::pyarabic::tokens;
/// let t: Vec<_> = tokens("قال: \"نعم\" (3.5)").collect();
/// assert_eq!(t, ["قال", ":\"", "نعم", "\"(", "3", ".", "5", ")"]);
/// ```
pub fn tokens(text: &str) -> impl Iterator<Item = Cow<'_, str>> + '_ {
    runs(text).filter_map(move |(range, word)| {
        let run = &text[range];
        if word || !run.contains(is_deleted_blank) {
            return Some(Cow::Borrowed(run));
        }
        let kept: String = run.chars().filter(|&c| !is_deleted_blank(c)).collect();
        (!kept.is_empty()).then_some(Cow::Owned(kept))
    })
}

/// The words of PyArabic's `araby.tokenize_with_location(text)`: the byte ranges of the
/// runs of word characters (punctuation, symbols and spaces are left out).
///
/// ```
/// use nass_tokenize::pyarabic::words;
/// let text = "قال: نعم";
/// let w: Vec<_> = words(text).map(|r| &text[r]).collect();
/// assert_eq!(w, ["قال", "نعم"]);
/// ```
pub fn words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    runs(text).filter_map(|(range, word)| word.then_some(range))
}

/// The marks that can end a sentence.
fn is_sentence_mark(c: char) -> bool {
    matches!(
        c,
        '\n' | ',' | '.' | ':' | ';' | '?' | '\u{060C}' | '\u{061F}'
    )
}

/// PyArabic ends sentences at the first 32 ends only; the text after the 32nd, ends and
/// all, is its last sentence.
pub const MAX_SENTENCE_ENDS: usize = 32;

/// The blanks that must follow them.
fn is_sentence_blank(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | ' ')
}

/// One sentence of [`sentences`]: the text before the end, and the mark kept (None for
/// the last sentence).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// The byte range of the sentence's text, up to (not including) its end's marks.
    pub text: Range<usize>,
    /// The byte range of the one mark of the end that PyArabic keeps.
    pub mark: Option<Range<usize>>,
}

/// The sentences of PyArabic's `araby.sentence_tokenize(text)` (see the module docs);
/// each sentence's string is its text followed by its mark ([`sentence_strings`]).
///
/// ```
/// use nass_tokenize::pyarabic::sentence_strings;
/// let s = sentence_strings("العربية لغة جميلة. والبلاد بعيدة، والشوق زائد");
/// assert_eq!(s, ["العربية لغة جميلة.", "والبلاد بعيدة،", "والشوق زائد"]);
/// assert_eq!(sentence_strings("قال... نعم"), ["قال.", "نعم"]);
/// ```
pub fn sentences(text: &str) -> Vec<Sentence> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |k: usize| chars.get(k).map_or(text.len(), |&(i, _)| i);
    let mut out = Vec::new();
    let mut from = 0; // byte offset where the current sentence starts
    let mut k = 0;
    while k < chars.len() && out.len() < MAX_SENTENCE_ENDS {
        if !is_sentence_mark(chars[k].1) {
            k += 1;
            continue;
        }
        // The run of marks chars[k..q].
        let mut q = k;
        while q < chars.len() && is_sentence_mark(chars[q].1) {
            q += 1;
        }
        // The marks end at r (exclusive): the whole run when a blank follows it, else
        // the run up to its last newline past the first mark (the newline is the blank).
        let r = if q < chars.len() && is_sentence_blank(chars[q].1) {
            Some(q)
        } else {
            (k + 1..q).rev().find(|&r| chars[r].1 == '\n')
        };
        let Some(r) = r else {
            k = q;
            continue;
        };
        let mut blank_end = r;
        while blank_end < chars.len() && is_sentence_blank(chars[blank_end].1) {
            blank_end += 1;
        }
        out.push(Sentence {
            text: from..at(k),
            mark: Some(at(r - 1)..at(r)),
        });
        from = at(blank_end);
        k = blank_end;
    }
    out.push(Sentence {
        text: from..text.len(),
        mark: None,
    });
    out
}

/// The strings of [`sentences`]: each sentence's text followed by its mark.
pub fn sentence_strings(text: &str) -> Vec<Cow<'_, str>> {
    sentences(text)
        .into_iter()
        .map(|s| match s.mark {
            None => Cow::Borrowed(&text[s.text]),
            Some(m) if m.start == s.text.end => Cow::Borrowed(&text[s.text.start..m.end]),
            Some(m) => Cow::Owned(format!("{}{}", &text[s.text], &text[m])),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    // Outputs of PyArabic 0.6.15 on these texts, checked by hand against the rules in the
    // module docs.
    #[test]
    fn tokens_keep_punctuation_runs_and_delete_blanks() {
        let t: Vec<_> = tokens("(نص) [نص]\tو\nكذا\u{A0}x\u{301}y").collect();
        assert_eq!(
            t,
            ["(", "نص", ")[", "نص", "]", "و", "\n", "كذا", "\u{A0}", "x", "\u{301}", "y"]
        );
        let t: Vec<_> = tokens("  مَدْرَسَةٌ_1 it's ").collect();
        assert_eq!(t, ["مَدْرَسَةٌ_1", "it's"]);
        assert_eq!(tokens("").count(), 0);
        assert_eq!(tokens(" \t\r ").count(), 0);
    }

    #[test]
    fn words_are_the_word_runs() {
        let text = "حدثنا ابن أبي عامر، قال: رايت";
        let w: Vec<_> = words(text).map(|r| &text[r]).collect();
        assert_eq!(w, ["حدثنا", "ابن", "أبي", "عامر", "قال", "رايت"]);
    }

    #[test]
    fn sentence_ends() {
        let cases: [(&str, &[&str]); 12] = [
            ("", &[""]),
            (" ", &[" "]),
            ("a. b", &["a.", "b"]),
            ("a.b", &["a.b"]),
            ("a؟ b! c? d; e: f", &["a؟", "b! c?", "d;", "e:", "f"]),
            ("a\nb", &["a\nb"]),
            ("a\n\n\nb", &["a\n", "b"]),
            ("a... b", &["a.", "b"]),
            ("  a. ", &["  a.", ""]),
            ("a. . b", &["a.", ".", "b"]),
            ("a.\n b", &["a\n", "b"]),
            ("a .\n.b", &["a .", ".b"]),
        ];
        for (text, expected) in cases {
            assert_eq!(sentence_strings(text), expected, "{text:?}");
        }
    }

    #[test]
    fn only_the_first_32_ends_count() {
        let text = "جملة. ".repeat(40);
        let s = sentence_strings(&text);
        assert_eq!(s.len(), MAX_SENTENCE_ENDS + 1);
        assert!(s[..32].iter().all(|x| x == "جملة."));
        assert_eq!(s[32], "جملة. ".repeat(8));
    }

    #[test]
    fn word_chars_follow_python() {
        for c in ['ب', 'A', '٣', '_', '\'', 'ـ', '\u{0670}', 'Ⅻ', '²', '𝐀'] {
            assert!(is_word_char(c), "{c:?}");
        }
        for c in ['.', ' ', '\u{0653}', '\u{0301}', '😀', '\u{200C}', 'Ⓐ', '-'] {
            assert!(!is_word_char(c), "{c:?}");
        }
    }
}
