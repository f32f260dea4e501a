//! Lucene's `ArabicStemmer` (light10 as Lucene implements it), rule for rule.

/// The prefixes, in the order Lucene tries them; the first that matches is removed.
const PREFIXES: [&str; 7] = ["ال", "وال", "بال", "كال", "فال", "لل", "و"];

/// The suffixes, in the order Lucene tries them; each that matches (at the end of what
/// is left at its turn) is removed.
const SUFFIXES: [&str; 10] = ["ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي"];

/// Length as Lucene counts it: UTF-16 code units (one per Arabic letter).
fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

/// Stems `word` as Lucene's `ArabicStemmer` does, returning a slice of it.
///
/// Prefixes: the first of ال وال بال كال فال لل و that begins the word is removed, if at
/// least 2 letters remain; و only from a word of at least 4 letters. Suffixes: each of
/// ها ان ات ون ين يه ية ه ة ي in turn is removed when the word (as it stands at that
/// turn) ends with it and at least 2 letters remain. Lengths count UTF-16 code units, as
/// in Java. Lucene runs it after its `ArabicNormalizer` (the `lucene` normalizer preset),
/// which folds ة to ه and ى to ي.
///
/// ```
/// use nass_analysis::lucene_stem;
/// assert_eq!(lucene_stem("والكتاب"), "كتاب");
/// assert_eq!(lucene_stem("سياراتها"), "سيار"); // ها, then ات
/// assert_eq!(lucene_stem("ولد"), "ولد"); // و only from 4 letters or more
/// ```
pub fn lucene_stem(word: &str) -> &str {
    let mut len = utf16_len(word);
    let mut s = word;
    for p in PREFIXES {
        // Every affix is Arabic letters: one UTF-16 unit for each two bytes.
        let plen = p.len() / 2;
        if (plen == 1 && len < 4) || len < plen + 2 {
            continue;
        }
        if let Some(rest) = crate::strip_prefix(s, p) {
            s = rest;
            len -= plen;
            break;
        }
    }
    for suffix in SUFFIXES {
        let slen = suffix.len() / 2;
        if len < slen + 2 {
            continue;
        }
        if let Some(rest) = crate::strip_suffix(s, suffix) {
            s = rest;
            len -= slen;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cases worked out by hand from Lucene's published rules.
    #[test]
    fn prefixes() {
        let cases = [
            ("الكتاب", "كتاب"),
            ("والكتاب", "كتاب"),
            ("بالكتاب", "كتاب"),
            ("كالكتاب", "كتاب"),
            ("فالكتاب", "كتاب"),
            ("للكتاب", "كتاب"),
            ("وكتاب", "كتاب"),
            // و: only from 4 letters or more.
            ("ولد", "ولد"),
            ("وصل", "وصل"),
            ("وصلت", "صلت"),
            // The others: at least 2 letters must remain.
            ("الب", "الب"),
            ("البر", "بر"),
            // لل needs 4 letters; then ه goes as a suffix.
            ("لله", "لل"),
            ("للبر", "بر"),
            // وال would leave 2 letters: it is skipped, and و (a 4-letter word) goes.
            ("والب", "الب"),
            // Only the first matching prefix goes.
            ("والوالد", "والد"),
            // Bare ب ك ف ل are never prefixes.
            ("بكتاب", "بكتاب"),
            ("فكتاب", "فكتاب"),
            ("لكتاب", "لكتاب"),
        ];
        for (word, stem) in cases {
            assert_eq!(lucene_stem(word), stem, "{word}");
        }
    }

    #[test]
    fn suffixes() {
        let cases = [
            ("كتابها", "كتاب"),
            ("معلمان", "معلم"),
            ("مدرسات", "مدرس"),
            ("معلمون", "معلم"),
            ("معلمين", "معلم"),
            ("عربيه", "عرب"),
            ("عربية", "عرب"),
            ("كتابه", "كتاب"),
            ("مدرسة", "مدرس"),
            ("عربي", "عرب"),
            // Several in turn: ها then ات.
            ("سياراتها", "سيار"),
            // A suffix whose turn has passed is not tried again: ي goes, leaving ان.
            ("لبناني", "لبنان"),
            // 2 letters must remain.
            ("بها", "بها"),
            // يه would leave 1 letter; ه leaves 2 and goes.
            ("فيه", "في"),
            ("علي", "عل"),
            ("في", "في"),
            ("ات", "ات"),
            // Prefix and suffixes together.
            ("والمعلمون", "معلم"),
            ("بالسيارات", "سيار"),
        ];
        for (word, stem) in cases {
            assert_eq!(lucene_stem(word), stem, "{word}");
        }
    }

    #[test]
    fn counts_utf16_units() {
        // ال + a character outside the BMP: 4 UTF-16 units (3 code points), so ال goes.
        assert_eq!(lucene_stem("ال𝐀"), "𝐀");
        // و + a supplementary character + one letter: 4 units (3 code points), so و goes.
        assert_eq!(lucene_stem("و𝐀ب"), "𝐀ب");
    }

    #[test]
    fn empty_and_non_arabic() {
        assert_eq!(lucene_stem(""), "");
        assert_eq!(lucene_stem("search"), "search");
    }
}
