//! Hand-written tables, the CAMeL oracle, and properties (generated text and corpus).

use super::*;
use nass_normalize::Preset;
use proptest::prelude::*;

fn texts(t: &Tokenizer, s: &str) -> Vec<String> {
    t.tokens(s).map(|t| t.text().to_string()).collect()
}

fn pairs(s: &str) -> Vec<(String, TokenKind)> {
    Tokenizer::new()
        .tokens(s)
        .map(|t| (t.text().to_string(), t.kind()))
        .collect()
}

use TokenKind::*;

/// (name, input, expected (text, kind)), checked by hand.
#[allow(clippy::type_complexity)]
const CASES: &[(&str, &str, &[(&str, TokenKind)])] = &[
    ("empty", "", &[]),
    ("spaces only", " \t\n ", &[]),
    (
        "diacritics stay",
        "كَتَبَ الوَلَدُ",
        &[("كَتَبَ", ArabicWord), ("الوَلَدُ", ArabicWord)],
    ),
    ("tatweel inside", "بغـــداد", &[("بغـــداد", ArabicWord)]),
    (
        "zwnj inside",
        "می\u{200C}خواهم",
        &[("می\u{200C}خواهم", ArabicWord)],
    ),
    (
        "arabic comma",
        "بغداد، دمشق",
        &[
            ("بغداد", ArabicWord),
            ("،", Punctuation),
            ("دمشق", ArabicWord),
        ],
    ),
    (
        "arabic semicolon and question",
        "لماذا؟ لأن؛",
        &[
            ("لماذا", ArabicWord),
            ("؟", Punctuation),
            ("لأن", ArabicWord),
            ("؛", Punctuation),
        ],
    ),
    ("percent", "٥٠٪", &[("٥٠", Number), ("٪", Punctuation)]),
    (
        "ornate parens",
        "﴿الحمد﴾",
        &[
            ("﴿", Punctuation),
            ("الحمد", ArabicWord),
            ("﴾", Punctuation),
        ],
    ),
    (
        "tatweel dash",
        "الأميركية ـ العراقية",
        &[
            ("الأميركية", ArabicWord),
            ("ـ", Punctuation),
            ("العراقية", ArabicWord),
        ],
    ),
    (
        "proclitic quote",
        "بـ\"تقييم",
        &[
            ("بـ", ArabicWord),
            ("\"", Punctuation),
            ("تقييم", ArabicWord),
        ],
    ),
    (
        "curly quotes",
        "“نعم” قال",
        &[
            ("“", Punctuation),
            ("نعم", ArabicWord),
            ("”", Punctuation),
            ("قال", ArabicWord),
        ],
    ),
    (
        "guillemets",
        "«لا»",
        &[("«", Punctuation), ("لا", ArabicWord), ("»", Punctuation)],
    ),
    (
        "bullet",
        "• أولاً",
        &[("•", Punctuation), ("أولاً", ArabicWord)],
    ),
    ("decimal ascii", "3.5", &[("3.5", Number)]),
    ("decimal arabic", "٣٫٥", &[("٣٫٥", Number)]),
    ("thousands arabic", "٢٬٥٠٠", &[("٢٬٥٠٠", Number)]),
    ("thousands ascii", "2,500", &[("2,500", Number)]),
    ("persian digits", "۱۴۰۲", &[("۱۴۰۲", Number)]),
    (
        "trailing period",
        "عام 2021.",
        &[("عام", ArabicWord), ("2021", Number), (".", Punctuation)],
    ),
    (
        "comma after number",
        "1, 2",
        &[("1", Number), (",", Punctuation), ("2", Number)],
    ),
    (
        "date slashes",
        "5/ 6/ 2021",
        &[
            ("5", Number),
            ("/", Punctuation),
            ("6", Number),
            ("/", Punctuation),
            ("2021", Number),
        ],
    ),
    (
        "range",
        "7-8",
        &[("7", Number), ("-", Punctuation), ("8", Number)],
    ),
    (
        "number then letter",
        "2021م",
        &[("2021", Number), ("م", ArabicWord)],
    ),
    ("letter then digits", "COVID19", &[("COVID19", LatinWord)]),
    (
        "latin",
        "Hello, world",
        &[
            ("Hello", LatinWord),
            (",", Punctuation),
            ("world", LatinWord),
        ],
    ),
    (
        "apostrophe",
        "don't",
        &[("don", LatinWord), ("'", Punctuation), ("t", LatinWord)],
    ),
    ("accented latin", "café", &[("café", LatinWord)]),
    (
        "other script",
        "Москва 東京",
        &[("Москва", OtherWord), ("東京", OtherWord)],
    ),
    (
        "symbols",
        "$5 + 3",
        &[("$", Symbol), ("5", Number), ("+", Symbol), ("3", Number)],
    ),
    (
        "url in arabic",
        "زوروا https://example.com/ar/news?id=7، ثم",
        &[
            ("زوروا", ArabicWord),
            ("https://example.com/ar/news?id=7", Url),
            ("،", Punctuation),
            ("ثم", ArabicWord),
        ],
    ),
    (
        "url trailing dot",
        "الموقع www.example.org.",
        &[
            ("الموقع", ArabicWord),
            ("www.example.org", Url),
            (".", Punctuation),
        ],
    ),
    (
        "not a url",
        "http:// فقط",
        &[
            ("http", LatinWord),
            (":", Punctuation),
            ("/", Punctuation),
            ("/", Punctuation),
            ("فقط", ArabicWord),
        ],
    ),
    (
        "email",
        "راسلوا info.desk@news-site.co.uk.",
        &[
            ("راسلوا", ArabicWord),
            ("info.desk@news-site.co.uk", Email),
            (".", Punctuation),
        ],
    ),
    (
        "not an email",
        "a@b",
        &[("a", LatinWord), ("@", Punctuation), ("b", LatinWord)],
    ),
    (
        "hashtag",
        "#العراق_اليوم رائع",
        &[("#العراق_اليوم", Hashtag), ("رائع", ArabicWord)],
    ),
    (
        "mention",
        "(@nass_bot)",
        &[
            ("(", Punctuation),
            ("@nass_bot", Mention),
            (")", Punctuation),
        ],
    ),
    (
        "lone hash",
        "# عنوان",
        &[("#", Punctuation), ("عنوان", ArabicWord)],
    ),
    (
        "emoji family",
        "عائلة 👨\u{200D}👩\u{200D}👧\u{200D}👦!",
        &[
            ("عائلة", ArabicWord),
            ("👨\u{200D}👩\u{200D}👧\u{200D}👦", Emoji),
            ("!", Punctuation),
        ],
    ),
    ("flags", "🇮🇶🇪🇬", &[("🇮🇶", Emoji), ("🇪🇬", Emoji)]),
    ("skin tone", "👍🏽👍", &[("👍🏽", Emoji), ("👍", Emoji)]),
    (
        "keycap",
        "5️⃣ #️⃣",
        &[("5\u{FE0F}\u{20E3}", Emoji), ("#\u{FE0F}\u{20E3}", Emoji)],
    ),
    ("heart vs16", "❤️ ❤", &[("❤\u{FE0F}", Emoji), ("❤", Symbol)]),
    (
        "emoji glued to word",
        "شكراً🙏",
        &[("شكراً", ArabicWord), ("🙏", Emoji)],
    ),
    ("nul byte", "a\0b", &[("a\0b", LatinWord)]),
];

#[test]
fn table() {
    for (name, input, expected) in CASES {
        let got = pairs(input);
        let want: Vec<_> = expected.iter().map(|(t, k)| (t.to_string(), *k)).collect();
        assert_eq!(got, want, "case {name}: {input:?}");
    }
}

/// Sentences and the token strings CAMeL's `simple_word_tokenize` gives for them, derived by
/// hand from its rule: P*/S* characters alone, runs of letters/marks/numbers together,
/// everything else a separator.
const CAMEL: &[(&str, &[&str])] = &[
    (
        "ذهب الطالبُ إلى المدرسةِ.",
        &["ذهب", "الطالبُ", "إلى", "المدرسةِ", "."],
    ),
    (
        "قال: «سنعود غداً»، ثم رحل!",
        &["قال", ":", "«", "سنعود", "غداً", "»", "،", "ثم", "رحل", "!"],
    ),
    (
        "هل رأيتَ الأميركية ـ العراقية؟",
        &["هل", "رأيتَ", "الأميركية", "ـ", "العراقية", "؟"],
    ),
    (
        "طالب بـ\"تقييم\" شامل",
        &["طالب", "بـ", "\"", "تقييم", "\"", "شامل"],
    ),
    (
        "(أ) الأول؛ (ب) الثاني",
        &["(", "أ", ")", "الأول", "؛", "(", "ب", ")", "الثاني"],
    ),
    ("e-mail & co.", &["e", "-", "mail", "&", "co", "."]),
    ("﴿بسم الله﴾ ...", &["﴿", "بسم", "الله", "﴾", ".", ".", "."]),
    ("السعر $ + ضريبة", &["السعر", "$", "+", "ضريبة"]),
    (
        "• بند أول\n• بند ثانٍ",
        &["•", "بند", "أول", "•", "بند", "ثانٍ"],
    ),
];

#[test]
fn camel_table() {
    let t = Tokenizer::new();
    for (input, expected) in CAMEL {
        assert_eq!(texts(&t, input), *expected, "{input:?}");
        assert_eq!(camel_oracle(input), *expected, "oracle on {input:?}");
    }
}

/// CAMeL's rule as a regex over BMP categories: an independent oracle.
fn camel_oracle(s: &str) -> Vec<String> {
    use std::sync::OnceLock;
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(r"[\p{P}\p{S}&&[\x{0}-\x{FFFF}]]|[\p{L}\p{M}\p{N}&&[\x{0}-\x{FFFF}]]+")
            .unwrap()
    });
    re.find_iter(s).map(|m| m.as_str().to_string()).collect()
}

#[test]
fn sentences_table() {
    let t = Tokenizer::new();
    let cases: &[(&str, &[&str])] = &[
        ("", &[]),
        ("\n\n", &[]),
        ("جملة بلا نهاية", &["جملة بلا نهاية"]),
        (
            "التقى د. محمد أ. علي. ثم غادر.",
            &["التقى د. محمد أ. علي.", "ثم غادر."],
        ),
        ("بلغ 3.5 مليار. وارتفع", &["بلغ 3.5 مليار.", "وارتفع"]),
        ("قال: «انتهى.» ثم سكت", &["قال: «انتهى.»", "ثم سكت"]),
        ("حقاً؟! نعم", &["حقاً؟!", "نعم"]),
        ("أولاً؛ ثانياً", &["أولاً؛", "ثانياً"]),
        ("سطر\n  سطر ثانٍ  \n", &["سطر", "سطر ثانٍ"]),
        ("Mr J. Smith left. Ok", &["Mr J. Smith left.", "Ok"]),
    ];
    for (input, expected) in cases {
        let got: Vec<_> = t.sentences(input).map(|s| s.text()).collect();
        assert_eq!(got, *expected, "{input:?}");
        for s in t.sentences(input) {
            assert_eq!(&input[s.span()], s.text());
        }
    }
}

#[test]
fn last_safe_cut_table() {
    assert_eq!(last_safe_cut(""), 0);
    assert_eq!(last_safe_cut("بغداد"), 0);
    assert_eq!(last_safe_cut("a b"), 2);
    assert_eq!(last_safe_cut("a\nb  "), 2);
    assert_eq!(last_safe_cut(" x"), 1);
}

/// Text from an alphabet that exercises every rule.
fn mixed() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "ب",
        "ـ",
        "\u{64E}",
        "\u{651}",
        "\u{200C}",
        "a",
        "Z",
        "é",
        "ж",
        "東",
        " ",
        "  ",
        "\n",
        "\t",
        "\u{A0}",
        ".",
        ",",
        "،",
        "؛",
        "؟",
        "٪",
        "﴾",
        "﴿",
        "\"",
        "“",
        "”",
        "•",
        "'",
        "-",
        "/",
        "#",
        "@",
        "_",
        "$",
        "+",
        "0",
        "9",
        "٣",
        "٫",
        "٬",
        "۵",
        "http://",
        "https://x.y",
        "www.",
        "a@b.cd",
        "😀",
        "👨\u{200D}👩",
        "🇮",
        "🇶",
        "🏽",
        "\u{FE0F}",
        "\u{20E3}",
        "\u{200D}",
        "\0",
        "\r\n",
        "\u{10FFFF}",
        "𝐀",
        "℮",
        "™",
        "❤",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

/// Text on which nass promises CAMeL's token strings: BMP letters, marks, P/S, whitespace;
/// no digits, no URL/e-mail/hashtag/mention triggers, no emoji, no format controls.
fn camel_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "ب", "ت", "ـ", "\u{64E}", "\u{651}", "a", "Z", "é", "ж", "東", "ⅻ", " ", "\n", "\u{A0}",
        ".", ",", "،", "؛", "؟", "٪", "﴾", "﴿", "\"", "“", "”", "•", "'", "-", "/", "_", "$", "+",
        "™", "©", "%", "(", ")", "«", "»",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

fn check_invariants(s: &str) {
    let t = Tokenizer::builder().whitespace(true).build();
    let mut pos = 0;
    let mut joined = String::new();
    for tok in t.tokens(s) {
        assert_eq!(tok.start(), pos, "gap or overlap in {s:?}");
        assert!(tok.end() > tok.start(), "empty token in {s:?}");
        assert!(s.is_char_boundary(tok.start()) && s.is_char_boundary(tok.end()));
        assert_eq!(&s[tok.span()], tok.text());
        assert_eq!(
            tok.kind() == Whitespace,
            tok.text().chars().all(char::is_whitespace),
            "{tok:?}"
        );
        pos = tok.end();
        joined.push_str(tok.text());
    }
    assert_eq!(joined, s);
    // Without whitespace: the same tokens minus the whitespace ones.
    let with: Vec<_> = t.tokens(s).filter(|t| t.kind() != Whitespace).collect();
    let without: Vec<_> = Tokenizer::new().tokens(s).collect();
    assert_eq!(with, without);
    for sentence in Tokenizer::new().sentences(s) {
        assert_eq!(&s[sentence.span()], sentence.text());
        assert!(!sentence.text().is_empty());
        assert_eq!(sentence.text().trim(), sentence.text());
    }
}

fn check_cut(s: &str) {
    let t = Tokenizer::builder().whitespace(true).build();
    let k = last_safe_cut(s);
    assert!(s.is_char_boundary(k));
    // Any continuation: the cut must hold whatever comes next.
    for tail in ["", " ", "x", "٫5", ".com", "@b.cd"] {
        let whole = format!("{s}{tail}");
        let all: Vec<_> = t.tokens(&whole).map(|t| (t.span(), t.kind())).collect();
        let mut split: Vec<_> = t
            .tokens(&whole[..k])
            .map(|t| (t.span(), t.kind()))
            .collect();
        split.extend(
            t.tokens(&whole[k..])
                .map(|t| (t.start() + k..t.end() + k, t.kind())),
        );
        assert_eq!(all, split, "cut {k} in {whole:?}");
    }
    // It is the largest whitespace-boundary cut.
    if k > 0 {
        assert!(s[..k].ends_with(char::is_whitespace) && !s[k..].starts_with(char::is_whitespace));
    }
    let rest = &s[k..];
    let later = rest
        .char_indices()
        .skip(1)
        .any(|(i, c)| !c.is_whitespace() && rest[..i].ends_with(char::is_whitespace));
    assert!(!later, "a later cut exists in {s:?}");
}

fn normalizers() -> &'static [Normalizer] {
    static NS: std::sync::OnceLock<Vec<Normalizer>> = std::sync::OnceLock::new();
    NS.get_or_init(|| {
        Preset::ALL
            .iter()
            .map(|&p| Normalizer::from_preset(p))
            .collect()
    })
}

proptest! {
    #[test]
    fn invariants_on_mixed(s in mixed()) {
        check_invariants(&s);
    }

    #[test]
    fn invariants_on_any(s in any::<String>()) {
        check_invariants(&s);
    }

    #[test]
    fn cut_on_mixed(s in mixed()) {
        check_cut(&s);
    }

    #[test]
    fn fast_paths_equal_general_paths(s in mixed()) {
        let toks = Tokenizer::new().tokens(&s);
        for p in (0..=s.len()).filter(|&p| s.is_char_boundary(p)) {
            prop_assert_eq!(toks.word_end(p), toks.scan_while(p, continues_camel_word), "at {} in {:?}", p, s);
            let w = &s[p..toks.word_end(p)];
            if !w.is_empty() {
                prop_assert_eq!(Tokens::word_kind(w), Tokens::word_kind_general(w), "{:?}", w);
            }
            // (cluster_end is never asked about CR, whose cluster may be CR LF.)
            if let Some(c) = s[p..].chars().next().filter(|&c| c != '\r') {
                let cluster = s[p..].graphemes(true).next().unwrap();
                prop_assert_eq!(toks.cluster_end(p, c.len_utf8()), p + cluster.len(), "at {} in {:?}", p, s);
            }
        }
    }

    #[test]
    fn agrees_with_camel(s in camel_text()) {
        prop_assert_eq!(texts(&Tokenizer::new(), &s), camel_oracle(&s));
    }

    #[test]
    fn norm_is_normalizing_the_text(s in mixed()) {
        for n in normalizers() {
            for (tok, norm) in Tokenizer::new().tokens(&s).normalized(n) {
                prop_assert_eq!(&norm, &n.normalize(tok.text()));
                prop_assert_eq!(tok.norm(n), n.normalize(tok.text()));
            }
        }
    }
}

#[test]
fn corpus_invariants() {
    let Some(lines) = nass_tests::corpus_lines() else {
        return;
    };
    let ns = normalizers();
    let mut words = 0;
    let mut camel_lines = 0;
    for line in &lines {
        check_invariants(line);
        check_cut(line);
        for tok in Tokenizer::new().tokens(line) {
            words += usize::from(tok.kind() == ArabicWord);
            for n in ns {
                assert_eq!(tok.norm(n), n.normalize(tok.text()));
            }
        }
        // Where the line has no digits/URLs/emoji/#@ and no format controls, CAMeL agrees.
        let plain = !line.chars().any(|c| {
            c.is_numeric() || matches!(c, '#' | '@') || c as u32 > 0xFFFF || classes::flags(c) & PICT != 0
                || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
        }) && !line.contains("www.") && !line.contains("http");
        if plain {
            camel_lines += 1;
            assert_eq!(
                texts(&Tokenizer::new(), line),
                camel_oracle(line),
                "{line:?}"
            );
        }
    }
    assert!(words > 1000, "corpus too small: {words} Arabic words");
    assert!(
        camel_lines >= 5,
        "only {camel_lines} corpus lines compared with the CAMeL oracle"
    );
}

#[test]
fn split_digits_table() {
    // CAMeL Tools 1.6.0 simple_word_tokenize(s, split_digits=True) gives the same strings
    // on these, except where noted (checked by running it).
    let t = Tokenizer::builder().split_digits(true).build();
    let table: &[(&str, &[&str])] = &[
        ("world123", &["world", "123"]),
        ("COVID19 كورونا19", &["COVID", "19", "كورونا", "19"]),
        ("عام2021م", &["عام", "2021", "م"]),
        ("١٢٣كلمة٤٥", &["١٢٣", "كلمة", "٤٥"]),
        ("سنة۱۴۰۳", &["سنة", "۱۴۰۳"]),
        ("abc१२3def", &["abc", "१२3", "def"]),
        // CAMeL: x 3 . 5 y (a number keeps its separator in nass).
        ("x3.5y", &["x", "3.5", "y"]),
        ("a_1", &["a", "_", "1"]),
        ("بدون أرقام", &["بدون", "أرقام"]),
    ];
    for (input, want) in table {
        assert_eq!(texts(&t, input), *want, "{input}");
    }
    let kinds: Vec<_> = t.tokens("abc१२ x12").map(|t| t.kind()).collect();
    assert_eq!(
        kinds,
        [
            TokenKind::LatinWord,
            TokenKind::OtherWord,
            TokenKind::LatinWord,
            TokenKind::Number
        ]
    );
    // Off by default: a word keeps its digits.
    assert_eq!(texts(&Tokenizer::new(), "world123"), ["world123"]);
}

#[test]
fn arabic_comma_sentences() {
    let text = "العربية لغة جميلة. والبلاد بعيدة، والشوق زائد";
    let on = Tokenizer::builder()
        .arabic_comma_ends_sentence(true)
        .build();
    let s: Vec<_> = on.sentences(text).map(|s| s.text()).collect();
    // PyArabic's sentence_tokenize gives the same three sentences.
    assert_eq!(s, ["العربية لغة جميلة.", "والبلاد بعيدة،", "والشوق زائد"]);
    let s: Vec<_> = Tokenizer::new().sentences(text).map(|s| s.text()).collect();
    assert_eq!(s, ["العربية لغة جميلة.", "والبلاد بعيدة، والشوق زائد"]);
}

proptest! {
    /// With split_digits, no word holds a decimal digit, the tokens (with whitespace)
    /// concatenate to the input, and every token of the default tokenizer is a run of
    /// consecutive tokens of the splitting one, unless a URL or e-mail address starts
    /// after the digits split off (cd0https://x.y: `https://x.y` is a URL then) or the
    /// digits split off are a number with a separator (x0٫5).
    #[test]
    fn split_digits_refines(s in mixed()) {
        let split = Tokenizer::builder().split_digits(true).whitespace(true).build();
        let plain = Tokenizer::builder().whitespace(true).build();
        let tokens: Vec<_> = split.tokens(&s).collect();
        let whole: String = tokens.iter().map(|t| t.text()).collect();
        prop_assert_eq!(&whole, &s);
        for t in &tokens {
            if t.kind().is_word() && !matches!(t.kind(), TokenKind::Hashtag | TokenKind::Mention) {
                let all_digits = t.text().chars().all(is_decimal_digit);
                prop_assert!(all_digits || !t.text().chars().any(is_decimal_digit), "{:?}", t);
            }
        }
        let starts: std::collections::HashSet<usize> = tokens.iter().map(|t| t.start()).collect();
        let ends: std::collections::HashSet<usize> = tokens.iter().map(|t| t.end()).collect();
        // A number split off a word keeps its separators (0٫0), which the word had left
        // as tokens of their own.
        let special: Vec<_> = tokens
            .iter()
            .filter(|t| {
                matches!(t.kind(), TokenKind::Url | TokenKind::Email)
                    || (t.kind() == TokenKind::Number && t.text().contains(is_number_separator))
            })
            .map(|t| t.span())
            .collect();
        for t in plain.tokens(&s) {
            if special.iter().any(|r| r.start < t.end() && t.start() < r.end) {
                continue;
            }
            prop_assert!(starts.contains(&t.start()) && ends.contains(&t.end()), "{:?} in {:?}", t, s);
        }
    }
}

#[test]
fn continues_camel_word_is_not_the_word_rule() {
    use nass_diacritics::word::is_word_char;
    // Where the tokenizer keeps CAMeL's word runs and the shared word rule does not.
    for c in ['\u{200F}', '\u{200E}', '\u{E000}', '\u{0378}', '\u{0001}'] {
        assert!(continues_camel_word(c) && !is_word_char(c), "{c:?}");
    }
    assert_eq!(texts(&Tokenizer::new(), "ab\u{200F}cd"), ["ab\u{200F}cd"]);
    // Where both agree: letters, digits, marks, tatweel, joiners are in; spaces,
    // punctuation and symbols are out.
    for c in [
        'ب', 'a', '٣', '\u{064E}', '\u{0640}', '\u{200C}', '\u{200D}',
    ] {
        assert!(continues_camel_word(c) && is_word_char(c), "{c:?}");
    }
    for c in [' ', '،', '$', '.'] {
        assert!(!continues_camel_word(c) && !is_word_char(c), "{c:?}");
    }
}

#[test]
fn arabic_words_of_every_arabic_block() {
    // The Arabic script ranges are nass-core's, Arabic Mathematical Alphabetic Symbols
    // included.
    let kinds: Vec<_> = Tokenizer::new()
        .tokens("\u{1EE01}\u{1EE02} ب")
        .map(|t| t.kind())
        .collect();
    assert_eq!(kinds, [TokenKind::ArabicWord, TokenKind::ArabicWord]);
}
