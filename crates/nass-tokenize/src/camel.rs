//! CAMeL Tools 1.6's `simple_word_tokenize(sentence, split_digits=False)`, for the drop-in
//! module `nass.camel`: CAMeL's token strings, from nass's tokens.
//!
//! CAMeL splits at whitespace and makes every punctuation mark and symbol (General_Category
//! P* and S*) a token of its own; every other run of characters is a word (with
//! `split_digits`, each run of decimal digits, Nd, inside a word is a token of its own).
//! nass's [`Tokenizer`] finds the same words, punctuation and symbols, and keeps numbers
//! (`3.5`), URLs, e-mail addresses, hashtags and mentions whole: here those are split
//! again at their punctuation and symbols, and pieces with no whitespace, punctuation or
//! symbol between them are joined (`2021م` is one token). Emoji are one token each, as
//! nass finds them (an extended grapheme cluster).
//!
//! Every token is a slice of the text, so the tokens are given as byte ranges.

use std::ops::Range;

use crate::classes::{PUNCT, SYMBOL};
use crate::{is_decimal_digit, TokenKind, Tokenizer};

/// Whether CAMeL makes `c` a token of its own: punctuation or a symbol.
fn is_punct_or_symbol(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_punctuation();
    }
    crate::classes::flags(c) & (PUNCT | SYMBOL) != 0
}

/// The byte ranges of CAMeL's `simple_word_tokenize(text, split_digits)` tokens, in order.
///
/// ```
/// use nass_tokenize::camel::simple_word_spans;
/// let text = "قال: ٣٫٥ مليون في 2021م";
/// let tokens: Vec<&str> = simple_word_spans(text, false).map(|r| &text[r]).collect();
/// assert_eq!(tokens, ["قال", ":", "٣", "٫", "٥", "مليون", "في", "2021م"]);
/// let split: Vec<&str> = simple_word_spans("في 2021م", true).map(|r| &"في 2021م"[r]).collect();
/// assert_eq!(split, ["في", "2021", "م"]);
/// ```
pub fn simple_word_spans(
    text: &str,
    split_digits: bool,
) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut out = Vec::new();
    // The word being glued together: the pieces since the last break, contiguous.
    let mut glue: Option<Range<usize>> = None;
    let mut end = usize::MAX;
    let flush = |glue: &mut Option<Range<usize>>, out: &mut Vec<Range<usize>>| {
        if let Some(g) = glue.take() {
            if split_digits {
                digit_runs(text, g, out);
            } else {
                out.push(g);
            }
        }
    };
    let extend = |glue: &mut Option<Range<usize>>, piece: Range<usize>| {
        *glue = Some(match glue.take() {
            Some(g) => g.start..piece.end,
            None => piece,
        });
    };
    for t in Tokenizer::new().tokens(text) {
        if t.start() != end {
            // Whitespace between the two tokens.
            flush(&mut glue, &mut out);
        }
        end = t.end();
        match t.kind() {
            TokenKind::ArabicWord | TokenKind::LatinWord | TokenKind::OtherWord => {
                extend(&mut glue, t.span());
            }
            TokenKind::Emoji => {
                flush(&mut glue, &mut out);
                out.push(t.span());
            }
            _ => {
                // Numbers, URLs, e-mails, hashtags, mentions, punctuation and symbols:
                // split at their punctuation and symbols (a tatweel, a letter for CAMeL,
                // is glued).
                for (i, c) in t.text().char_indices() {
                    let piece = t.start() + i..t.start() + i + c.len_utf8();
                    if is_punct_or_symbol(c) {
                        flush(&mut glue, &mut out);
                        out.push(piece);
                    } else {
                        extend(&mut glue, piece);
                    }
                }
            }
        }
    }
    flush(&mut glue, &mut out);
    out.into_iter()
}

/// The runs of `text[word]` of decimal digits and of other characters, in order.
fn digit_runs(text: &str, word: Range<usize>, out: &mut Vec<Range<usize>>) {
    let mut start = word.start;
    let mut last: Option<bool> = None;
    for (i, c) in text[word.clone()].char_indices() {
        let digit = is_decimal_digit(c);
        if last.is_some_and(|d| d != digit) {
            out.push(start..word.start + i);
            start = word.start + i;
        }
        last = Some(digit);
    }
    if start < word.end {
        out.push(start..word.end);
    }
}

#[cfg(test)]
mod tests {
    use super::simple_word_spans;
    use proptest::prelude::*;

    fn tokens(text: &str, split_digits: bool) -> Vec<&str> {
        simple_word_spans(text, split_digits)
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn camels_tokens() {
        // Checked by hand against CAMeL's rule: punctuation and symbols alone, whitespace
        // splits, everything else glued.
        let cases: &[(&str, bool, &[&str])] = &[
            ("", false, &[]),
            ("  ", false, &[]),
            ("قال: نعم.", false, &["قال", ":", "نعم", "."]),
            ("3.5 مليون", false, &["3", ".", "5", "مليون"]),
            (
                "https://x.com/a",
                false,
                &["https", ":", "/", "/", "x", ".", "com", "/", "a"],
            ),
            (
                "#العراق_اليوم @nass_2024",
                false,
                &["#", "العراق", "_", "اليوم", "@", "nass", "_", "2024"],
            ),
            ("في 2021م", false, &["في", "2021م"]),
            ("في 2021م", true, &["في", "2021", "م"]),
            ("ab12cd٣٤", true, &["ab", "12", "cd", "٣٤"]),
            ("a\u{0640}b $5", false, &["a\u{0640}b", "$", "5"]),
        ];
        for &(text, split, expected) in cases {
            assert_eq!(tokens(text, split), expected, "{text:?} {split}");
        }
    }

    proptest! {
        /// Tokens are non-empty slices, in order, apart, and hold no whitespace; split
        /// with `split_digits`, they give back the tokens without it.
        #[test]
        fn tokens_are_ordered_slices(text in "[ \\tabc12٣.:،؟#@_ـقالمن\u{064E}😀\u{200C}]{0,40}") {
            let spans: Vec<_> = simple_word_spans(&text, false).collect();
            let mut last = 0;
            for r in &spans {
                prop_assert!(r.start >= last && r.start < r.end);
                prop_assert!(!text[r.clone()].chars().any(char::is_whitespace));
                last = r.end;
            }
            let joined: String = tokens(&text, true).concat();
            prop_assert_eq!(joined, tokens(&text, false).concat());
        }
    }
}
