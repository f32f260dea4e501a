//! Hand-written tables: (name, input, expected), every expected value checked by hand.

use super::*;

fn check(n: &Normalizer, table: &[(&str, &str, &str)]) {
    for (name, input, want) in table {
        assert_eq!(n.normalize(input), *want, "{name}: fast path");
        assert_eq!(n.reference(input), *want, "{name}: reference");
        let mut buf = String::from("#");
        n.normalize_into(input, &mut buf);
        assert_eq!(&buf[1..], *want, "{name}: normalize_into appends");
        assert_eq!(n.normalize_aligned(input).0, *want, "{name}: aligned");
    }
}

#[test]
fn search_preset() {
    let n = Normalizer::from_preset(Preset::Search);
    check(
        &n,
        &[
            ("empty", "", ""),
            ("ascii", "Hello, world 2024!", "Hello, world 2024!"),
            ("harakat and shadda", "مُحَمَّدٌ", "محمد"),
            (
                "alef forms",
                "أحمد إبراهيم آمن ٱلله",
                "احمد ابراهيم امن الله",
            ),
            (
                "maksura and teh marbuta",
                "مستشفى المدينة",
                "مستشفي المدينه",
            ),
            ("hamza carriers", "مؤتمر رئيس", "موتمر رييس"),
            ("farsi ya and keheh", "ایران کشور", "ايران كشور"),
            ("tatweel", "جمــيـل", "جميل"),
            ("lam alef ligature", "\u{FEFB}", "لا"),
            (
                "lam alef hamza ligature folds the alef too",
                "\u{FEF7}",
                "لا",
            ),
            ("presentation letters", "\u{FE91}\u{FEAE}", "بر"),
            ("rial sign with Arabic yeh", "\u{FDFC}", "ريال"),
            ("basmala ligature", "\u{FDFD}", "بسم الله الرحمن الرحيم"),
            (
                "rlm and zwnj removed",
                "بغداد\u{200F} می\u{200C}خواهم",
                "بغداد ميخواهم",
            ),
            ("no-break space", "عام\u{00A0}2014", "عام 2014"),
            ("line breaks untouched", "سطر\r\nسطر\n", "سطر\r\nسطر\n"),
            (
                "combining hamza on ya composes then folds",
                "\u{064A}\u{0654}",
                "ي",
            ),
            ("quranic marks", "ٱلرَّحْمَـٰنِ", "الرحمن"),
            ("dagger alef", "هٰذا", "هذا"),
            (
                "tatweel between alef and combining hamza",
                "ا\u{0640}\u{0654}",
                "ا",
            ),
            ("heh forms", "\u{06C1}\u{06BE}\u{06D5}\u{06C0}", "هههه"),
            ("nul byte", "a\u{0}ب", "a\u{0}ب"),
            (
                "emoji untouched",
                "تحية 👋🏽 للجميع",
                "تحية 👋🏽 للجميع".replace('ة', "ه").leak(),
            ),
        ],
    );
}

#[test]
fn camel_preset() {
    // Expected values derived by hand from CAMeL Tools 1.6's chain (shared/spec/presets.md).
    let n = Normalizer::from_preset(Preset::Camel);
    check(
        &n,
        &[
            ("dediac keeps other marks", "مُحَمَّدٌ\u{0653}", "محمد\u{0653}"),
            ("dagger alef removed", "هٰذا", "هذا"),
            ("alef wasla folded", "ٱلله", "الله"),
            ("alef hamza", "أحمد إبراهيم آمن", "احمد ابراهيم امن"),
            (
                "maksura and teh marbuta",
                "مستشفى المدينة",
                "مستشفي المدينه",
            ),
            ("hamza carriers kept", "مؤتمر رئيس", "مؤتمر رئيس"),
            ("farsi ya kept", "ایران", "ایران"),
            ("teh marbuta goal kept", "\u{06C3}", "\u{06C3}"),
            ("tatweel kept", "جمــيل", "جمــيل"),
            ("quranic marks kept", "\u{06D6}", "\u{06D6}"),
            ("rial sign spelled with Arabic yeh", "\u{FDFC}", "ريال"),
            ("basmala spelled out", "\u{FDFD}", "بسم الله الرحمن الرحيم"),
            ("NFKC lam alef", "\u{FEFB}", "لا"),
            (
                "NFKC salla ligature keeps its letters",
                "\u{FDFA}",
                "صلي الله عليه وسلم",
            ),
            ("zwnj kept", "می\u{200C}خواهم", "می\u{200C}خواهم"),
            ("no-break space becomes space by NFKC", "a\u{00A0}b", "a b"),
            // CAMeL's NFKC runs before its folds: a folded letter keeps a combining
            // hamza or madda uncomposed, and so does the preset.
            (
                "maksura plus combining hamza",
                "\u{0649}\u{0654}",
                "\u{064A}\u{0654}",
            ),
            (
                "wasla plus combining madda",
                "\u{0671}\u{0653}",
                "\u{0627}\u{0653}",
            ),
            (
                "wasla plus combining hamza with a fatha between",
                "\u{0671}\u{064E}\u{0654}",
                "\u{0627}\u{0654}",
            ),
        ],
    );
}

#[test]
fn lucene_preset() {
    // Expected values derived by hand from Lucene's ArabicNormalizer (shared/spec/presets.md).
    let n = Normalizer::from_preset(Preset::Lucene);
    check(
        &n,
        &[
            ("alef hamza and madda", "أإآ", "ااا"),
            ("alef wasla not folded", "ٱلله", "ٱلله"),
            ("maksura, teh marbuta", "على الطاولة", "علي الطاوله"),
            ("tatweel and classic marks", "مُـحَـمَّـدٌ", "محمد"),
            ("dagger alef kept", "هٰذا", "هٰذا"),
            ("no unicode normalization", "\u{FEFB}", "\u{FEFB}"),
            (
                "combining hamza left as is",
                "\u{064A}\u{0654}",
                "\u{064A}\u{0654}",
            ),
            ("hamza carriers kept", "مسؤول", "مسؤول"),
            ("teh marbuta goal kept", "\u{06C3}", "\u{06C3}"),
        ],
    );
}

#[test]
fn display_preset() {
    let n = Normalizer::from_preset(Preset::Display);
    check(
        &n,
        &[
            ("diacritics kept", "مُحَمَّدٌ", "مُحَمَّدٌ"),
            ("shadda and fatha put in canonical order", "مُحَّمد", "مُحَّمد"),
            ("canonical order restored", "بَّ", "بَّ"),
            ("marks reordered", "ب\u{0651}\u{064E}", "ب\u{064E}\u{0651}"),
            ("tatweel with a mark on it", "مـُـحـمـد", "مُحمد"),
            ("presentation forms", "\u{FEFB} \u{FE8D}", "لا ا"),
            ("alef hamza kept", "أحمد", "أحمد"),
            ("invisibles", "\u{FEFF}نص\u{200E}", "نص"),
            ("NFC composes ya + hamza", "\u{064A}\u{0654}", "\u{0626}"),
        ],
    );
}

#[test]
fn each_operation_alone() {
    let op = |b: NormalizerBuilder, input: &str, want: &str| {
        let n = b.unicode(UnicodeForm::None).build();
        assert_eq!(n.normalize(input), want, "{n:?}");
        assert_eq!(n.reference(input), want, "{n:?}");
    };
    let b = Normalizer::builder;
    op(b().diacritics(Diacritics::HARAKAT), "كَتَبَ", "كتب");
    op(b().diacritics(Diacritics::SHADDA), "شدَّة", "شدَة");
    op(b().diacritics(Diacritics::SUKUN), "قُلْ", "قُل");
    op(b().diacritics(Diacritics::OTHER_MARKS), "ب\u{0655}", "ب");
    op(b().diacritics(Diacritics::DAGGER_ALEF), "هٰذا", "هذا");
    op(b().diacritics(Diacritics::QURANIC), "قال\u{06DA}", "قال");
    op(b().diacritics(Diacritics::EXTENDED), "ب\u{08F0}", "ب");
    op(b().tatweel(true), "بـيـت", "بيت");
    op(b().letters(LetterFolds::ALEF_HAMZA), "أإآ", "ااا");
    op(b().letters(LetterFolds::ALEF_WASLA), "ٱ", "ا");
    op(
        b().letters(LetterFolds::ALEF_OTHER),
        "\u{0672}\u{0673}\u{0675}",
        "ااا",
    );
    op(b().letters(LetterFolds::ALEF_MAKSURA), "ى", "ي");
    op(
        b().letters(LetterFolds::FARSI_YA),
        "\u{06CC}\u{06D0}\u{06D2}",
        "ييي",
    );
    op(b().letters(LetterFolds::KEHEH), "ک", "ك");
    op(b().letters(LetterFolds::TEH_MARBUTA), "ةۃ", "هۃ");
    op(b().letters(LetterFolds::HAMZA_CARRIERS), "ؤئ", "وي");
    op(b().letters(LetterFolds::HEH_FORMS), "ۀہۂھەۃ", "هههههه");
    op(
        b().letters(LetterFolds::PRESENTATION_FORMS),
        "\u{FEF5}",
        "لآ",
    );
    op(
        b().invisibles(true),
        "\u{200B}\u{202B}ا\u{202C}\u{2066}\u{2069}\u{061C}",
        "ا",
    );
    op(b().invisibles(true), "\u{2003}\u{3000}\u{202F}", "   ");
    op(b().spell_out_ligatures(true), "\u{FDFC}", "ريال");
}

#[test]
fn strip_diacritics_keeps_combining_hamza_letters_under_nfc() {
    // ئ spelled ي + U+0654 stays ئ when only diacritics are stripped.
    let n = Normalizer::builder()
        .unicode(UnicodeForm::Nfc)
        .diacritics(Diacritics::all())
        .build();
    assert_eq!(
        n.normalize("\u{0631}\u{064A}\u{0654}\u{064A}\u{0633}"),
        "رئيس"
    );
    // ...and becomes ي only with the hamza fold.
    let n = Normalizer::builder()
        .unicode(UnicodeForm::Nfc)
        .diacritics(Diacritics::all())
        .letters(LetterFolds::HAMZA_CARRIERS)
        .build();
    assert_eq!(
        n.normalize("\u{0631}\u{064A}\u{0654}\u{064A}\u{0633}"),
        "رييس"
    );
}

#[test]
fn borrowed_when_unchanged() {
    for preset in Preset::ALL {
        let n = Normalizer::from_preset(preset);
        assert!(
            matches!(n.normalize("بغداد عاصمة العراق"), Cow::Borrowed(_))
                || preset != Preset::Display,
            "{preset}"
        );
        assert!(
            matches!(n.normalize("plain ascii"), Cow::Borrowed(_)),
            "{preset}"
        );
    }
}

#[test]
fn alignment_maps_back() {
    let n = Normalizer::new();
    let text = "قالَ الـمُتحدِّثُ: إنَّ ﻻ";
    let (norm, a) = n.normalize_aligned(text);
    assert_eq!(norm, "قال المتحدث: ان لا");
    let find = |w: &str| {
        let s = norm.find(w).unwrap();
        &text[a.original_range(s..s + w.len())]
    };
    assert_eq!(find("قال"), "قالَ");
    assert_eq!(find("المتحدث"), "الـمُتحدِّثُ");
    assert_eq!(find("ان"), "إنَّ");
    assert_eq!(find("لا"), "ﻻ");
    assert_eq!(find(":"), ":");
}

#[test]
fn names_parse() {
    for p in Preset::ALL {
        assert_eq!(p.name().parse::<Preset>().unwrap(), p);
        assert!(!p.description().is_empty());
    }
    for f in UnicodeForm::ALL {
        assert_eq!(f.name().parse::<UnicodeForm>().unwrap(), f);
    }
}

#[test]
fn ligature_ranges_hold_every_change() {
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        if !LIGATURE_RANGES.iter().any(|r| r.contains(&c)) {
            assert_eq!(ligature_action(c), CharAction::Keep, "{c:?}");
        }
    }
}

/// Asserts that two tables do the same with every code point below U+10000 (above, both
/// classify with the same function).
fn assert_same_table(fast: &Table, reference: &Table, what: &dyn fmt::Debug) {
    for c in ('\0'..='\u{FFFF}').chain(['\u{1D7CE}', '\u{1F44B}', '\u{10FFFF}']) {
        assert_eq!(fast.entry(c), reference.entry(c), "{c:?} in {what:?}");
    }
    assert_eq!(
        fast.is_identity_on_ascii(),
        reference.is_identity_on_ascii(),
        "{what:?}"
    );
}

#[test]
fn presets_build_the_reference_table() {
    for preset in Preset::ALL {
        let s = preset.settings();
        assert_same_table(
            &build_table(s),
            &table_reference::build_table_reference(s),
            &preset,
        );
    }
    // Every operation alone, under every form.
    let b = Normalizer::builder;
    let mut builders = vec![
        b().spell_out_ligatures(true),
        b().tatweel(true),
        b().invisibles(true),
        b().digits(DigitSet::Ascii).all_decimal_digits(true),
        b().digits(DigitSet::ArabicIndic),
        b().digits(DigitSet::Persian),
        b().hamza(HamzaFold::Uniform),
        b().digits(DigitSet::Ascii)
            .digits_from(DigitSources::PERSIAN),
        b().digits(DigitSet::ArabicIndic)
            .digits_from(DigitSources::ASCII),
        b().digits(DigitSet::Persian)
            .digits_from(DigitSources::ARABIC_INDIC),
        b().hamza(HamzaFold::Uniform).letters(LetterFolds::all()),
    ];
    builders.extend(LetterFolds::all().iter().map(|f| b().letters(f)));
    builders.extend(Diacritics::all().iter().map(|d| b().diacritics(d)));
    for builder in builders {
        for form in UnicodeForm::ALL {
            let s = builder.clone().unicode(form).settings;
            assert_same_table(
                &build_table(s),
                &table_reference::build_table_reference(s),
                &s,
            );
        }
    }
}

fn any_settings() -> impl proptest::strategy::Strategy<Value = Settings> {
    use proptest::prelude::*;
    (
        proptest::sample::select(UnicodeForm::ALL.to_vec()),
        any::<u16>(),
        any::<u8>(),
        any::<[bool; 4]>(),
        proptest::option::of(proptest::sample::select(DigitSet::ALL.to_vec())),
        proptest::sample::select(HamzaFold::ALL.to_vec()),
    )
        .prop_map(
            |(
                form,
                letters,
                diacritics,
                [tatweel, invisibles, ligatures, all_digits],
                digits,
                hamza,
            )| {
                Normalizer::builder()
                    .unicode(form)
                    .letters(LetterFolds::from_bits_truncate(letters))
                    .diacritics(Diacritics::from_bits_truncate(diacritics))
                    .tatweel(tatweel)
                    .invisibles(invisibles)
                    .spell_out_ligatures(ligatures)
                    .digits(digits)
                    .all_decimal_digits(all_digits)
                    .hamza(hamza)
                    .settings
            },
        )
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// The table built from the candidates is the table of every code point classified.
    #[test]
    fn any_settings_build_the_reference_table(s in any_settings()) {
        assert_same_table(&build_table(s), &table_reference::build_table_reference(s), &s);
    }

    /// The settings bytes restore exactly the settings they were taken from, with
    /// elongation, digit sources and the single round too; no other byte string of the
    /// right length restores settings that encode differently.
    #[test]
    fn settings_bytes_round_trip(
        s in any_settings(),
        elongation: bool,
        single_round: bool,
        sources in 1u8..8,
        junk: [u8; SETTINGS_BYTES],
    ) {
        let digit_sources = DigitSet::ALL
            .iter()
            .enumerate()
            .filter(|(i, _)| sources & 1 << i != 0)
            .map(|(_, &d)| DigitSources::only(d))
            .reduce(DigitSources::union)
            .unwrap();
        let s = Settings { elongation, single_round, digit_sources, ..s };
        let n = NormalizerBuilder { settings: s }.build();
        let back = Normalizer::from_settings_bytes(&n.settings_bytes()).unwrap();
        proptest::prop_assert_eq!(back.settings, s);
        if let Some(other) = Normalizer::from_settings_bytes(&junk) {
            proptest::prop_assert_eq!(other.settings_bytes(), junk);
        }
        proptest::prop_assert!(Normalizer::from_settings_bytes(&junk[1..]).is_none());
    }
}

#[test]
fn elongation_aligned() {
    let n = Normalizer::builder()
        .preset(Preset::Search)
        .elongation(true)
        .build();
    // A stretched word with marks and a ligature whose first letter joins a run.
    let text = "كَتييييرٌ جدًّا لل\u{FEFB}";
    let (norm, a) = n.normalize_aligned(text);
    assert_eq!(norm, "كتير جدا لا");
    let find = |w: &str| {
        let s = norm.find(w).unwrap();
        &text[a.original_range(s..s + w.len())]
    };
    assert_eq!(find("كتير"), "كَتييييرٌ");
    assert_eq!(find("ير"), "ييييرٌ");
    assert_eq!(find("جدا"), "جدًّا");
    assert_eq!(find("لا"), "لل\u{FEFB}");
    // Without the collapse the run of lams is three (two, and the ligature's).
    assert_eq!(Normalizer::new().normalize("لل\u{FEFB}"), "لللا");
}

#[test]
fn hamza_uniform() {
    let n = Normalizer::builder()
        .preset(Preset::Search)
        .hamza(HamzaFold::Uniform)
        .build();
    check(
        &n,
        &[
            ("carriers", "مسؤول رئيس", "مسءول رءيس"),
            ("alef hamza", "أحمد إسلام", "ءحمد ءسلام"),
            ("madda inside a word", "قرآن", "قرءءن"),
            ("madda starting a three-letter word", "آدم", "ءادم"),
            ("madda starting a longer word", "آجلا", "ءءجلا"),
            // The rule sees the shadda before diacritics are removed.
            ("madda before a shadda", "آلّة", "ءاله"),
            ("madda after a proclitic", "وآخر", "وءءخر"),
            ("composed from a combining hamza", "ا\u{0654}مل", "ءمل"),
            ("presentation form", "\u{FE83}", "ء"),
            ("lam alef with hamza", "\u{FEF7}", "لء"),
        ],
    );
    // The word-initial madda maps back to itself.
    let text = "قال آدم";
    let (norm, a) = n.normalize_aligned(text);
    assert_eq!(norm, "قال ءادم");
    let start = norm.find("ءادم").unwrap();
    assert_eq!(&text[a.original_range(start..norm.len())], "آدم");
    assert_eq!(&text[a.original_range(start..start + 2)], "آ");
    assert_eq!(&text[a.original_range(start + 4..norm.len())], "دم");
    // A word runs on through ASCII letters and digits (آA0 is a three-letter word), so
    // the stream is never cut inside one.
    for text in ["آA0", "x آب1 آدم"] {
        let cut = n.last_cut(text);
        let parts = n.normalize(&text[..cut]).into_owned() + &n.normalize(&text[cut..]);
        assert_eq!(parts, n.normalize(text), "cut at {cut} of {text:?}");
    }
    assert_eq!(n.normalize("آA0"), "ءاA0");
    // Tasheel, the default, is the letter folds.
    assert_eq!(Normalizer::new().normalize("آدم مسؤول"), "ادم مسوول");
}

#[test]
fn only_camel_is_not_idempotent() {
    for preset in Preset::ALL {
        let n = Normalizer::from_preset(preset);
        assert_eq!(n.is_idempotent(), preset != Preset::Camel, "{preset}");
    }
    // The corner, normalized twice: the second time composes, as CAMeL's chain run twice
    // does (ي + U+0654 is ئ; ا + U+0653 is آ, then ا).
    let camel = Normalizer::from_preset(Preset::Camel);
    for (input, once, twice) in [
        ("\u{0649}\u{0654}", "\u{064A}\u{0654}", "\u{0626}"),
        ("\u{0671}\u{0653}", "\u{0627}\u{0653}", "\u{0627}"),
    ] {
        let first = camel.normalize(input);
        assert_eq!(first, once);
        assert_eq!(camel.normalize(&first), twice);
    }
    assert!(Normalizer::builder().build().is_idempotent());
}

/// A code point that NFKC turns into a separator is a separator where it stands: U+2024
/// ONE DOT LEADER is `.` under NFKC, and `.` between digits converted to Arabic-Indic is
/// ٫ (the fast path once took U+2024 for a plain replacement and wrote `.`).
#[test]
fn a_separator_made_by_nfkc_sees_its_digits() {
    let n = Normalizer::builder()
        .unicode(UnicodeForm::Nfkc)
        .digits(DigitSet::ArabicIndic)
        .build();
    check(
        &n,
        &[
            ("between digits", "٠\u{2024}٨", "٠٫٨"),
            ("between ASCII digits", "3\u{2024}5", "٣٫٥"),
            ("not between digits", "a\u{2024}b", "a.b"),
        ],
    );
    // Into ASCII digits the dot stays a dot.
    let ascii = Normalizer::builder()
        .unicode(UnicodeForm::Nfkc)
        .digits(DigitSet::Ascii)
        .build();
    check(&ascii, &[("to ASCII", "٣\u{2024}٥", "3.5")]);
}
