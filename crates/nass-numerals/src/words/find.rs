//! Finding number words in running text: [`find_number_words`](crate::find_number_words)
//! and the streaming cut [`safe_cut`](crate::safe_cut).

use super::*;

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
    pub(super) text: &'t str,
    pub(super) start: usize,
    pub(super) name_start: usize,
    pub(super) end: usize,
    pub(super) value: Number,
    pub(super) source: NumberSource,
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

    /// [`NumberSource::Words`] for a cardinal number (ثلاثة آلاف), or
    /// [`NumberSource::Ordinal`] for an ordinal one (الخامس والعشرون), whose value is the
    /// number it orders.
    ///
    /// ```
    /// use nass_numerals::{find_number_words, NumberSource};
    /// let m = find_number_words("في الدورة الخامسة والعشرين").next().unwrap();
    /// assert_eq!((m.text(), m.source()), ("الخامسة والعشرين", NumberSource::Ordinal));
    /// assert_eq!(m.value().to_u64(), Some(25));
    /// ```
    pub fn source(&self) -> NumberSource {
        self.source
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
    pub(super) parser: Parser<'t>,
    pub(super) pos: usize,
    /// The end of the number or numeral just before `pos`, if nothing else came between.
    pub(super) number_end: Option<usize>,
}

impl fmt::Debug for NumberWords<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NumberWords")
            .field("pos", &self.pos)
            .finish()
    }
}

/// Whether the word before `start` (spaces between) is كانون or تشرين: then الأول or
/// الثاني after it is part of a month's name (كانون الثاني is January), no ordinal.
fn after_month_name(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches(|c: char| c.is_whitespace() && !is_line_break(c));
    if before.len() == start {
        return false;
    }
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !is_letter_word_char(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let mut folded = String::new();
    fold_for_lookup(&before[word_start..], &mut folded);
    matches!(folded.as_str(), "كانون" | "تشرين")
}

impl NumberWords<'_> {
    /// Whether only spaces (no line break) stand between the number (or numeral) before
    /// and `start`.
    fn right_after_number(&self, start: usize) -> bool {
        self.number_end.is_some_and(|end| {
            end <= start
                && self.parser.text[end..start]
                    .chars()
                    .all(|c| c.is_whitespace() && !is_line_break(c))
        })
    }
}

impl<'t> Iterator for NumberWords<'t> {
    type Item = NumberWordsMatch<'t>;

    fn next(&mut self) -> Option<NumberWordsMatch<'t>> {
        let text = self.parser.text;
        while self.pos < text.len() {
            // The next word or numeral that may start a number.
            self.parser.toks.clear();
            let how = Reading {
                lines: true,
                clitics: true,
                need_bare: true,
                colloquial: self.parser.colloquial,
            };
            let start = match token_at(
                text,
                self.pos,
                &mut self.parser.buf,
                how,
                &mut self.parser.toks,
            ) {
                Ok(false) => break,
                Ok(true) => match self.parser.toks.last() {
                    Some(&Tok {
                        start,
                        end,
                        kind: TokKind::Ordinal { word, clitic_len },
                    }) => {
                        self.number_end = None;
                        match ordinal_at(text, word, end).filter(|_| {
                            clitic_len > 0 || word.value > 2 || !after_month_name(text, start)
                        }) {
                            Some((end, value)) => {
                                self.pos = end;
                                self.number_end = Some(end);
                                return Some(NumberWordsMatch {
                                    text,
                                    start,
                                    name_start: start + clitic_len,
                                    end,
                                    value: Number::from_parts(false, u128::from(value), 0),
                                    source: NumberSource::Ordinal,
                                });
                            }
                            None => {
                                self.pos = end;
                                continue;
                            }
                        }
                    }
                    Some(t) => t.start,
                    None => self.pos,
                },
                Err(off) => {
                    self.number_end = None;
                    // Skip this token: a run of non-word, non-digit characters or a word.
                    let c = text[off..].chars().next().map_or(1, char::len_utf8);
                    let mut end = off + c;
                    if text[off..].chars().next().is_some_and(is_letter_word_char) {
                        end = text[off..]
                            .char_indices()
                            .find(|&(_, c)| !is_letter_word_char(c))
                            .map_or(text.len(), |(i, _)| off + i);
                    }
                    self.pos = end;
                    continue;
                }
            };
            let first_is_numeral = matches!(
                self.parser.toks.last(),
                Some(Tok {
                    kind: TokKind::Numeral(_),
                    ..
                })
            );
            let (parsed, _, _) = self.parser.expr(start, Position::FirstClitic);
            match parsed {
                Some(p) if p.negative && self.right_after_number(p.start) => {
                    // A minus word right after a number is no sign (خمسة ناقص ثلاثة is
                    // 5 and 3): the number is read again after it.
                    self.pos = self.parser.toks.first().map_or(start + 1, |t| t.end);
                    self.number_end = None;
                }
                Some(p) if p.words > 0 => {
                    self.pos = p.end;
                    self.number_end = Some(p.end);
                    let Some(value) = p.value else {
                        // A fraction with no exact value (ثلث مليون): nothing, and not
                        // its scale word alone either.
                        continue;
                    };
                    return Some(NumberWordsMatch {
                        text,
                        start: p.start,
                        name_start: p.name_start,
                        end: p.end,
                        value: value.to_number(p.negative),
                        source: NumberSource::Words,
                    });
                }
                _ => {
                    // Skip the first token of the failed start.
                    self.pos = self.parser.toks.first().map_or(start + 1, |t| t.end);
                    self.number_end = first_is_numeral.then_some(self.pos);
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
/// Fractions are exact values (see [`parse_number_words`](crate::parse_number_words) for
/// the forms): نصف مليون is 500000, مليون ونصف 1500000, ثلاثة أرباع 0.75. A fraction
/// with no exact decimal value (ثلث مليون، مليون وثلث، ثلثا مليار) is reported as
/// nothing, and its scale word is not reported alone either. A fraction word with no
/// other number word (نصف الفريق، ثلثا الأعضاء) is no number: it is mostly "half of" a
/// noun. ثمن is also "price": before a scale word (ثمن مليون برميل) it gives nothing.
///
/// Minus words, the decimal point and parts in any order are read as
/// [`parse_number_words`](crate::parse_number_words) reads them: سالب عشرين is -20,
/// عشرة فاصلة سبعة 10.7, عشرة فاصلة 5 10.5. A minus word right after a number or numeral (only spaces
/// between) is no sign: خمسة ناقص ثلاثة is 5 and 3, as nothing is computed. A minus word
/// with no number after it (ناقص الوزن) and a point with no digits after it (ثلاثة فاصل
/// إعلاني gives 3) are no part of a number.
///
/// Ordinal numbers are found too, with [`NumberWordsMatch::source`]
/// [`NumberSource::Ordinal`](crate::NumberSource::Ordinal) and the number they order as
/// value: a unit with or without the article, in either gender (الثالث، الثالثة، ثالث،
/// خامسة), a teen (الحادي عشر، الثانية عشرة), unit and tens (الخامس والعشرون, the article
/// on both or on neither), tens with the article (العشرون), hundreds with the article
/// and و before one of those (المئة والخامس والعشرون), with proclitics before the article
/// (والثالث، بالسادسة، للرابع عشر). Not ordinals, as they are mostly other words: ثانية
/// alone without the article (a second of time), أول and أولى without the article
/// ("beginning", أول أمس; "more fitting"), الأولي written with ي ("preliminary"), حادي
/// and الحادي alone, hundreds with the article alone (في المئة is per cent), the
/// cardinals with the article (الخمسة). Known ambiguity: رابعة is also a name, ثاني
/// also in ثاني أكسيد.
///
/// A construct dual of a scale word (ألفا رجل، نحو ألفي شخص، ملياري دولار: two thousand,
/// two billion) is read as a dual only before its counted noun: an Arabic word on the same
/// line, without the article, that is no number word and none of the particles that
/// follow numbers (من، في، تقريبا، فقط، آخر...). Without one, ألفا is the accusative "a
/// thousand" (خسر ألفا من جنوده is 1000, as is ألفًا written with tanwin anywhere), and
/// ألفي, مليوني are no number (حشد مليوني is "a million-strong crowd").
///
/// Known ambiguity: some number words are also ordinary words (ست "lady", سبع "lion",
/// خمس "a fifth", عشر "a tenth", ألف the letter or "he composed"); they are reported as
/// numbers, except خمس سبع تسع عشر (without ة) before a singular scale word, which are
/// fractions (خمس مليون is 200000: five million is خمسة ملايين). With ب ل ك ف, at least three letters must remain (so لست "I am not" is not
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
///
/// let values: Vec<String> = find_number_words("باع نصف مليون سهم ووعد بثلث مليون")
///     .map(|m| m.value().to_string())
///     .collect();
/// assert_eq!(values, ["500000"]);
///
/// let found: Vec<(&str, String)> = find_number_words("فاز للمرة الثالثة بفارق سالب خمسة")
///     .map(|m| (m.text(), m.value().to_string()))
///     .collect();
/// assert_eq!(found, [("الثالثة", "3".to_string()), ("سالب خمسة", "-5".to_string())]);
/// ```
pub fn find_number_words(text: &str) -> NumberWords<'_> {
    find_number_words_with(text, WordsOptions::new())
}

/// [`find_number_words`] with settings: with [`WordsOptions::colloquial`], colloquial
/// number words too (see there).
///
/// ```
/// use nass_numerals::{find_number_words_with, WordsOptions};
/// let on = WordsOptions::new().colloquial(true);
/// let m = find_number_words_with("عندي تلاتة وعشرين سنة", on).next().unwrap();
/// assert_eq!((m.text(), m.value().to_u64()), ("تلاتة وعشرين", Some(23)));
/// ```
pub fn find_number_words_with(text: &str, options: WordsOptions) -> NumberWords<'_> {
    let mut parser = Parser::new(text);
    parser.colloquial = options.is_colloquial();
    NumberWords {
        parser,
        pos: 0,
        number_end: None,
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
pub(super) fn outside_numbers(
    text: &str,
    k: usize,
    c: char,
    buf: &mut Folded,
    toks: &mut Vec<Tok>,
) -> bool {
    if is_digit(c) || is_sign(c) || is_sep(c) {
        return false;
    }
    toks.clear();
    // The most readings a token has: as the first of a number, with proclitics.
    // Colloquial words count whatever the setting: a cut before one is safe either way.
    let how = Reading {
        lines: false,
        clitics: true,
        need_bare: true,
        colloquial: true,
    };
    if token_at(text, k, buf, how, toks) != Err(k) {
        return false;
    }
    // A word must end before the text does: more letters could make it a number word.
    !is_letter_word_char(c) || text[k..].chars().any(|c| !is_letter_word_char(c))
}
