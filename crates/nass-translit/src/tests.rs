use super::*;
use proptest::prelude::*;

fn to(scheme: Scheme, text: &str) -> String {
    Transliterator::to_scheme(scheme)
        .transliterate(text)
        .into_owned()
}

fn from(scheme: Scheme, text: &str) -> String {
    Transliterator::from_scheme(scheme)
        .transliterate(text)
        .into_owned()
}

/// The obvious meaning: each character through the scheme's pairs, or kept.
fn reference(t: &Transliterator, text: &str) -> String {
    text.chars()
        .map(|c| {
            t.scheme()
                .pairs()
                .find_map(|(ar, latin)| match t.direction() {
                    Direction::ToScheme => (ar == c).then_some(latin),
                    Direction::ToArabic => (latin == c).then_some(ar),
                })
                .unwrap_or(c)
        })
        .collect()
}

fn all() -> impl Iterator<Item = Transliterator> {
    Scheme::ALL
        .into_iter()
        .flat_map(|s| [Transliterator::to_scheme(s), Transliterator::from_scheme(s)])
}

// Written by hand from the scheme definitions: each case spells the word letter by letter.

#[test]
fn buckwalter_by_hand() {
    let cases = [
        ("كَتَبَ", "kataba"),
        ("سَأَلَ", "sa>ala"),
        ("مُؤْمِنٌ", "mu&ominN"),
        ("إِسْلامٍ", "<isolAmK"),
        ("سُئِلَ", "su}ila"),
        ("آمَنَ", "|mana"),
        ("شَيْءٌ", "$ayo'N"),
        ("مَدْرَسَةً", "madorasapF"),
        ("ذٰلِكَ", "*`lika"),
        ("ٱبْنُ", "{bonu"),
        ("عِظَامٌ", "EiZaAmN"),
        ("غَضِبَ", "gaDiba"),
        ("صَخْر", "Saxor"),
        ("ثُمَّ", "vuma~"),
        ("حَتَّى", "Hata~Y"),
        ("طَرِيق", "Tariyq"),
        ("فِي الجَوّ", "fiy Aljaw~"),
        ("كـتـاب", "k_t_Ab"),
        ("پ چ ڤ گ", "P J V G"),
        ("زَادَ", "zaAda"),
    ];
    for (ar, bw) in cases {
        assert_eq!(to(Scheme::Buckwalter, ar), bw, "{ar}");
        assert_eq!(from(Scheme::Buckwalter, bw), ar, "{bw}");
    }
}

#[test]
fn safe_buckwalter_by_hand() {
    let cases = [
        ("سَأَلَ", "saOala"),
        ("مُؤْمِنٌ", "muWominN"),
        ("إِسْلامٍ", "IisolAmK"),
        ("سُئِلَ", "suQila"),
        ("آمَنَ", "Mmana"),
        ("شَيْءٌ", "cayoCN"),
        ("ذٰلِكَ", "Velika"),
        ("ٱبْنُ", "Lbonu"),
        ("ثُمَّ", "vuma~"),
        ("ڤِيلَّا", "Biyla~A"),
        ("مَدْرَسَةً", "madorasapF"),
    ];
    for (ar, safe) in cases {
        assert_eq!(to(Scheme::SafeBuckwalter, ar), safe, "{ar}");
        assert_eq!(from(Scheme::SafeBuckwalter, safe), ar, "{safe}");
    }
}

#[test]
fn xml_buckwalter_by_hand() {
    let cases = [
        ("سَأَلَ", "saOala"),
        ("مُؤْمِنٌ", "muWominN"),
        ("إِسْلامٍ", "IisolAmK"),
        ("سُئِلَ", "su}ila"),
        ("آمَنَ", "|mana"),
        ("شَيْءٌ", "$ayo'N"),
        ("ذٰلِكَ", "*`lika"),
        ("ٱبْنُ", "{bonu"),
        ("ڤ", "V"),
    ];
    for (ar, xml) in cases {
        assert_eq!(to(Scheme::XmlBuckwalter, ar), xml, "{ar}");
        assert_eq!(from(Scheme::XmlBuckwalter, xml), ar, "{xml}");
    }
    // Nothing XML reserves comes out of Arabic.
    let every: String = ARABIC.iter().collect();
    assert!(!to(Scheme::XmlBuckwalter, &every).contains(['<', '>', '&']));
}

#[test]
fn hsb_by_hand() {
    let cases = [
        ("كَتَبَ", "kataba"),
        ("سَأَلَ", "saÂala"),
        ("مُؤْمِنٌ", "muŵ.minũ"),
        ("إِسْلامٍ", "Ăis.lAmĩ"),
        ("سُئِلَ", "suŷila"),
        ("آمَنَ", "Āmana"),
        ("شَيْءٌ", "šay.'ũ"),
        ("مَدْرَسَةً", "mad.rasaħã"),
        ("ذٰلِكَ", "ðálika"),
        ("ٱبْنُ", "Äb.nu"),
        ("عِظَامٌ", "ςiĎaAmũ"),
        ("غَضِبَ", "γaDiba"),
        ("ثُمَّ", "θuma~"),
        ("حَتَّى", "Hata~ý"),
        ("پ چ ڤ گ", "p c v g"),
    ];
    for (ar, hsb) in cases {
        assert_eq!(to(Scheme::Hsb, ar), hsb, "{ar}");
        assert_eq!(from(Scheme::Hsb, hsb), ar, "{hsb}");
    }
}

#[test]
fn what_is_outside_the_scheme_passes_through() {
    // Arabic punctuation and digits, Quranic marks, combining hamza and madda, other
    // Arabic letters, Latin text, emoji: none is in any table.
    let text = "،؛؟ ٠١٢٣ ۴ \u{06D6}\u{06DA}\u{06E5} \u{0653}\u{0654}\u{0655} ک ی ۀ ﻻ ☺ 😀 é\n\r\t";
    for t in all() {
        let kept: String = text
            .chars()
            .filter(|c| t.direction() == Direction::ToScheme || !c.is_ascii_alphabetic())
            .collect();
        assert_eq!(t.transliterate(&kept), kept, "{t:?}");
    }
    // Latin letters and ASCII punctuation are kept on the way to the scheme...
    assert_eq!(to(Scheme::Buckwalter, "A <b> & $"), "A <b> & $");
    // ...and the scheme's characters are letters on the way back.
    assert_eq!(from(Scheme::Buckwalter, "A <b> & $"), "ا إبأ ؤ ش");
    assert_eq!(from(Scheme::Hsb, "e ."), "e ْ");
}

#[test]
fn the_tables_are_one_to_one() {
    for scheme in Scheme::ALL {
        let pairs: Vec<(char, char)> = scheme.pairs().collect();
        assert_eq!(pairs.len(), 51);
        for (k, &(a, l)) in pairs.iter().enumerate() {
            for &(b, m) in &pairs[..k] {
                assert_ne!(a, b, "{scheme}: {a} twice");
                assert_ne!(l, m, "{scheme}: {l} twice");
            }
        }
    }
    // The Buckwalter family writes ASCII only.
    for scheme in [
        Scheme::Buckwalter,
        Scheme::SafeBuckwalter,
        Scheme::XmlBuckwalter,
    ] {
        assert!(
            scheme.pairs().all(|(_, l)| l.is_ascii_graphic()),
            "{scheme}"
        );
    }
    // Safe Buckwalter: letters (and the `_` and `~` that Buckwalter shares) only.
    assert!(Scheme::SafeBuckwalter
        .pairs()
        .all(|(_, l)| l.is_ascii_alphabetic() || l == '_' || l == '~'));
}

#[test]
fn every_code_point_maps_as_the_pairs_say() {
    let limit = 0x3000u32;
    let text: String = (0..limit).filter_map(char::from_u32).collect();
    let astral = "\u{FFFF}\u{10000}\u{1F600}\u{10FFFF}";
    for t in all() {
        for c in (0..limit).filter_map(char::from_u32) {
            assert_eq!(t.map_char(c).to_string(), reference(&t, &c.to_string()));
        }
        assert_eq!(t.transliterate(&text), reference(&t, &text), "{t:?}");
        assert_eq!(t.transliterate(astral), astral);
    }
}

#[test]
fn borrows_when_nothing_changes() {
    let t = Transliterator::to_scheme(Scheme::Buckwalter);
    assert!(matches!(
        t.transliterate("plain ASCII, ٣٤٥"),
        Cow::Borrowed(_)
    ));
    assert!(matches!(t.transliterate(""), Cow::Borrowed(_)));
    assert!(matches!(t.transliterate("a ب"), Cow::Owned(_)));
    let back = Transliterator::from_scheme(Scheme::Buckwalter);
    assert!(matches!(back.transliterate("٣ ، 3 ?"), Cow::Borrowed(_)));
    assert!(matches!(back.transliterate("3 b"), Cow::Owned(_)));
}

#[test]
fn long_ascii_runs_around_arabic() {
    let t = Transliterator::to_scheme(Scheme::Buckwalter);
    let text = "0123456789abcdefghij كتب 0123456789abcdefghijk\nقرأ";
    assert_eq!(
        t.transliterate(text),
        "0123456789abcdefghij ktb 0123456789abcdefghijk\nqr>"
    );
}

#[test]
fn starts_marks_every_code_point_start() {
    let text = "aب€😀 \u{0652}xyz كتب 1234567890 ٱلْ😀€€".repeat(2);
    let b = text.as_bytes();
    for from in 0..b.len() {
        for to in from..b.len().min(from + 64) + 1 {
            let want = (from..to)
                .filter(|&i| b[i] & 0xC0 != 0x80)
                .fold(0u64, |m, i| m | 1 << (i - from));
            assert_eq!(starts(&b[from..to]), want, "{from}..{to}");
        }
    }
}

#[test]
fn appends_to_a_buffer() {
    let t = Transliterator::from_scheme(Scheme::Hsb);
    let mut out = b"x".to_vec();
    t.transliterate_to_vec("θlAθħ", &mut out);
    t.transliterate_to_vec("", &mut out);
    assert_eq!(String::from_utf8(out).unwrap(), "xثلاثة");
}

#[test]
fn alignment_maps_each_character_back() {
    let text = "قال: ذٰلِكَ 😀 صحيح";
    for t in all() {
        let (out, a) = t.transliterate_aligned(text);
        assert_eq!(out, t.transliterate(text));
        assert_eq!(a.original_len(), text.len());
        assert_eq!(a.normalized_len(), out.len());
        // Every character of the input is one character of the output.
        let ins: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        let outs: Vec<usize> = out.char_indices().map(|(i, _)| i).collect();
        assert_eq!(ins.len(), outs.len());
        for k in 0..ins.len() {
            let in_end = ins.get(k + 1).copied().unwrap_or(text.len());
            let out_end = outs.get(k + 1).copied().unwrap_or(out.len());
            assert_eq!(
                a.original_range(outs[k]..out_end),
                ins[k]..in_end,
                "{t:?} {k}"
            );
        }
    }
}

#[test]
fn scheme_names_round_trip() {
    for scheme in Scheme::ALL {
        assert_eq!(scheme.name().parse::<Scheme>(), Ok(scheme));
        assert_eq!(scheme.to_string(), scheme.name());
    }
    let err = "BW".parse::<Scheme>().unwrap_err();
    assert_eq!((err.what(), err.given()), ("transliteration scheme", "BW"));
    assert_eq!(err.expected(), ["bw", "safebw", "xmlbw", "hsb"]);
}

/// A string of the scheme's Arabic repertoire (or, with `latin`, of its alphabet).
fn repertoire(scheme: Scheme, latin: bool) -> impl Strategy<Value = String> {
    let chars: Vec<char> = scheme
        .pairs()
        .map(|(a, l)| if latin { l } else { a })
        .collect();
    proptest::collection::vec(proptest::sample::select(chars), 0..64)
        .prop_map(|v| v.into_iter().collect())
}

fn any_scheme() -> impl Strategy<Value = Scheme> {
    proptest::sample::select(Scheme::ALL.to_vec())
}

proptest! {
    #[test]
    fn arabic_round_trips((scheme, text) in any_scheme().prop_flat_map(|s| (Just(s), repertoire(s, false)))) {
        let latin = to(scheme, &text);
        prop_assert_eq!(from(scheme, &latin), text);
    }

    #[test]
    fn latin_round_trips((scheme, text) in any_scheme().prop_flat_map(|s| (Just(s), repertoire(s, true)))) {
        let arabic = from(scheme, &text);
        prop_assert_eq!(to(scheme, &arabic), text);
    }

    #[test]
    fn matches_the_character_by_character_meaning(
        scheme in any_scheme(),
        to_arabic in any::<bool>(),
        text in "(\\PC|[\\u0600-\\u06FF]|[ -~]|[\\u0080-\\u03FF]|\\n)*",
    ) {
        let direction = if to_arabic { Direction::ToArabic } else { Direction::ToScheme };
        let t = Transliterator::new(scheme, direction);
        let out = t.transliterate(&text);
        prop_assert_eq!(&*out, reference(&t, &text));
        let (aligned, a) = t.transliterate_aligned(&text);
        prop_assert_eq!(&aligned, &*out);
        prop_assert_eq!(a.original_range(0..aligned.len()), 0..text.len());
        prop_assert_eq!(t.is_unchanged(&text), out == text);
    }
}
