use proptest::prelude::*;

use super::*;

fn gaz(entries: &[(&str, &str)]) -> Gazetteer {
    Gazetteer::builder()
        .entries(entries.iter().map(|(n, k)| Entry::new(*n, *k)))
        .build()
        .unwrap()
}

/// (surface, clitics, canonical) of every match.
fn found<'t>(g: &Gazetteer, text: &'t str) -> Vec<(&'t str, &'t str, String)> {
    g.find_iter(text)
        .map(|m| (m.text(), m.clitics(), m.entry().canonical().to_string()))
        .collect()
}

const CLITICS: [&str; 12] = [
    "", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك",
];

const NAMES: [&str; 8] = [
    "بغداد",
    "واشنطن",
    "لبنان",
    "فلسطين",
    "كركوك",
    "العراق",
    "إيران",
    "الأمم المتحدة",
];

fn names_gazetteer() -> Gazetteer {
    static G: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
    G.get_or_init(|| gaz(&NAMES.map(|n| (n, "place")))).clone()
}

/// The surface of `clitic` + `name`, with ل + ال elided.
fn attach(clitic: &str, name: &str) -> String {
    if clitic.ends_with('ل') && name.starts_with("ال") {
        format!("{clitic}{}", &name["ا".len()..])
    } else {
        format!("{clitic}{name}")
    }
}

#[test]
fn every_clitic_combination_with_every_name() {
    let g = names_gazetteer();
    for name in NAMES {
        for clitic in CLITICS {
            let word = attach(clitic, name);
            let text = format!("قال إن {word} اليوم");
            let got = found(&g, &text);
            assert_eq!(got, [(word.as_str(), clitic, name.to_string())], "{text}");
            let m = g.find_iter(&text).next().unwrap();
            assert_eq!(m.start(), "قال إن ".len());
            assert_eq!(m.name_start(), m.start() + clitic.len());
        }
    }
}

#[test]
fn elision_of_the_article_after_lam() {
    let g = names_gazetteer();
    assert_eq!(found(&g, "للعراق"), [("للعراق", "ل", "العراق".into())]);
    assert_eq!(found(&g, "وللعراق"), [("وللعراق", "ول", "العراق".into())]);
    assert_eq!(found(&g, "فللعراق"), [("فللعراق", "فل", "العراق".into())]);
    // The elided form needs the ل: لعراق alone, or after ب, is nothing.
    assert!(found(&g, "لعراق").is_empty());
    assert!(found(&g, "بلعراق").is_empty());
    assert!(found(&g, "ولعراق").is_empty());
    // The elided article with diacritics: لِلْعِرَاقِ.
    assert_eq!(found(&g, "لِلْعِرَاقِ").len(), 1);
}

#[test]
fn names_that_begin_with_clitic_letters_match_as_themselves() {
    let g = names_gazetteer();
    for name in ["بغداد", "واشنطن", "لبنان", "فلسطين", "كركوك"] {
        assert_eq!(found(&g, name), [(name, "", name.to_string())]);
    }
    // And a name that is a clitic + another name prefers the reading without clitics.
    let g = gaz(&[
        ("بغداد", "city"),
        ("غداد", "x"),
        ("لبنان", "country"),
        ("بنان", "x"),
    ]);
    assert_eq!(found(&g, "بغداد"), [("بغداد", "", "بغداد".into())]);
    assert_eq!(found(&g, "ببغداد"), [("ببغداد", "ب", "بغداد".into())]);
    assert_eq!(found(&g, "ولبنان"), [("ولبنان", "و", "لبنان".into())]);
    assert_eq!(g.find_overlapping_iter("ولبنان").count(), 2);
}

#[test]
fn names_inside_longer_words_do_not_match() {
    let g = names_gazetteer();
    for text in [
        "العراقية",
        "العراقي",
        "بغدادي",
        "سبغداد",
        "الإيرانية",
        "مالعراق",
        "وبلبنانيون",
        "ابغداد",
        "سوبغداد", // three letters before the name
        "ووببغداد",
        "بغداد2",
        "xبغداد",
    ] {
        assert!(found(&g, text).is_empty(), "{text}");
    }
    // Punctuation is a boundary.
    assert_eq!(found(&g, "«بغداد»").len(), 1);
    assert_eq!(found(&g, "(وبغداد)،").len(), 1);
}

#[test]
fn multi_word_names_across_whitespace() {
    let g = names_gazetteer();
    for ws in [
        " ", "  ", "\t", "\n", "\r\n", " \n   ", "\u{00A0}", "\u{2003}", "\u{202F}",
    ] {
        let text = format!("قالت الأمم{ws}المتحدة إن");
        let got = found(&g, &text);
        let surface = format!("الأمم{ws}المتحدة");
        assert_eq!(
            got,
            [(surface.as_str(), "", "الأمم المتحدة".into())],
            "{ws:?}"
        );
    }
    // The name's own spelling of the gap does not matter either.
    let g = gaz(&[("الأمم \t المتحدة", "org")]);
    assert_eq!(found(&g, "والأمم المتحدة").len(), 1);
    // A word in between breaks it.
    assert!(found(&g, "الأمم غير المتحدة").is_empty());
}

#[test]
fn spelling_variation_is_folded() {
    let g = names_gazetteer();
    for text in [
        "ايران",
        "إيران",
        "إِيرَان",
        "إيـــران",
        "العِرَاقِ",
        "الـعـراق",
        "بَغْدَادُ",
        "الامم المتحده",
        "الأُمَمُ المُتَّحِدَةُ",
    ] {
        assert_eq!(found(&g, text).len(), 1, "{text}");
        let m = g.find_iter(text).next().unwrap();
        assert_eq!(m.span(), 0..text.len(), "{text}");
    }
}

#[test]
fn spans_cover_diacritics_of_the_last_letter() {
    let g = names_gazetteer();
    let text = "إلى بغدادَ، ثم";
    let m = g.find_iter(text).next().unwrap();
    assert_eq!(m.text(), "بغدادَ");
}

#[test]
fn leftmost_then_fewer_clitics_then_longer() {
    let g = gaz(&[
        ("الولايات المتحدة", "country"),
        ("المتحدة", "x"),
        ("الولايات", "x"),
    ]);
    assert_eq!(
        found(&g, "الولايات المتحدة"),
        [("الولايات المتحدة", "", "الولايات المتحدة".into())]
    );
    let all: Vec<_> = g
        .find_overlapping_iter("الولايات المتحدة")
        .map(|m| m.text())
        .collect();
    assert_eq!(all, ["الولايات المتحدة", "الولايات", "المتحدة"]);
    // A longer name that fails its word end gives way to a shorter one that holds.
    assert_eq!(
        found(&g, "الولايات المتحدةية"),
        [("الولايات", "", "الولايات".into())]
    );
}

#[test]
fn shared_normal_forms_report_every_entry() {
    let g = gaz(&[("عمان", "country"), ("عمّان", "capital")]);
    let got: Vec<_> = g
        .find_iter("زار عُمان")
        .map(|m| (m.span(), m.entry().entity_type()))
        .collect();
    assert_eq!(got, [(7..17, "country"), (7..17, "capital")]);
}

#[test]
fn duplicates_merge() {
    let tsv = "إيران\tcountry\tايران\nإيران\tcountry\tإيرن|ايران\n";
    let g = Gazetteer::builder()
        .load_tsv(tsv.as_bytes(), "t")
        .unwrap()
        .build()
        .unwrap();
    assert_eq!(g.len(), 1);
    assert_eq!(
        g.entries().next().unwrap().variant_names(),
        ["ايران", "إيرن"]
    );
    assert_eq!(found(&g, "إيرن").len(), 1);
}

#[test]
fn loading_errors_name_source_and_line() {
    let cases: &[(&str, &str)] = &[
        (
            "a\tb\tc\td\n",
            "f:1: expected name<TAB>type<TAB>variants (2 or 3 columns), found 4 columns",
        ),
        (
            "# c\n\nبغداد\n",
            "f:3: expected name<TAB>type<TAB>variants (2 or 3 columns), found 1 column",
        ),
        ("بغداد\t \n", "f:1: empty type"),
        (" \tcity\n", "f:1: empty name"),
    ];
    for (tsv, want) in cases {
        let err = Gazetteer::builder()
            .load_tsv(tsv.as_bytes(), "f")
            .unwrap_err();
        assert_eq!(err.to_string(), *want);
    }
    let bad_utf8: &[u8] = b"\xd8\xa8\tcity\n\xff\tcity\n";
    let err = Gazetteer::builder().load_tsv(bad_utf8, "f").unwrap_err();
    assert!(err.to_string().starts_with("f:2: invalid UTF-8"), "{err}");
    // A variant that normalizes to nothing.
    let err = Gazetteer::builder()
        .load_tsv("بغداد\tcity\tبغداد|\u{0651}\n".as_bytes(), "f")
        .unwrap()
        .build()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "f:1: the name '\u{0651}' normalizes to nothing"
    );
    let jsonl_cases: &[(&str, &str)] = &[
        ("[1]\n", "j:1: expected a JSON object"),
        ("{\"name\":\"x\"}\n", "j:1: missing \"type\""),
        (
            "{\"name\":1,\"type\":\"t\"}\n",
            "j:1: \"name\" must be a string",
        ),
        (
            "\n{\"name\":\"x\",\"type\":\"t\",\"variants\":\"y\"}\n",
            "j:2: \"variants\" must be an array of strings",
        ),
        (
            "{\"name\":\"x\",\"type\":\"t\",\"extra\":1}\n",
            "j:1: unknown field \"extra\" (expected name, type, variants, payload)",
        ),
        ("{\"name\":\" \",\"type\":\"t\"}\n", "j:1: empty \"name\""),
    ];
    for (jsonl, want) in jsonl_cases {
        let err = Gazetteer::builder()
            .load_jsonl(jsonl.as_bytes(), "j")
            .unwrap_err();
        assert_eq!(err.to_string(), *want);
    }
    let err = Gazetteer::builder()
        .load_jsonl("{".as_bytes(), "j")
        .unwrap_err();
    assert!(err.to_string().starts_with("j:1: invalid JSON"), "{err}");
}

#[test]
fn bad_input_does_not_panic() {
    let g = Gazetteer::new();
    for text in [
        "",
        "\0",
        "\0بغداد\0",
        " ",
        "\n\n",
        "و",
        "لل",
        "ال",
        "\u{0651}",
        "ـ",
        "بغداد\u{0651}\u{0651}\u{0651}",
    ] {
        for m in g.find_overlapping_iter(text) {
            assert_eq!(&text[m.span()], m.text());
        }
        let _ = g.last_safe_cut(text);
    }
    assert_eq!(found(&g, "\0بغداد\0").len(), 1);
    let empty = Gazetteer::builder().build().unwrap();
    assert_eq!(empty.find_iter("بغداد").count(), 0);
    assert_eq!(empty.last_safe_cut("a b c"), 3);
}

#[test]
fn default_gazetteer() {
    let entries = default_entries();
    let count = |kind: &str| entries.iter().filter(|e| e.entity_type() == kind).count();
    // At least the 193 UN members, 2 observers, Taiwan, Kosovo, and the 53 territories and
    // special areas with an ISO 3166-1 code (tests/default_list.rs checks each). Lower
    // bounds: the list may grow.
    assert!(count("country") >= 197, "{}", count("country"));
    assert!(count("territory") >= 53);
    assert!(count("capital") >= 190, "{}", count("capital"));
    assert!(count("organization") >= 40);
    let g = Gazetteer::new();
    assert_eq!(g.len(), entries.len());
    // Every name of every entry is found as itself.
    for e in entries {
        for name in e.names() {
            assert!(
                g.find_iter(name)
                    .any(|m| m.entry() == e && m.span() == (0..name.len())),
                "{name}"
            );
        }
    }
    // Entries that share a name (a country and its capital of the same name) are each
    // reported with the same span; every span once here.
    let text = "اجتمع حلف شمال الأطلسي في بروكسل، وقالت الأمم المتحدة إن أمريكا وأميركا والولايات المتحدة واحدة وزارت تونس.";
    let mut surfaces: Vec<_> = g.find_iter(text).map(|m| m.text()).collect();
    surfaces.dedup();
    assert_eq!(
        surfaces,
        [
            "حلف شمال الأطلسي",
            "بروكسل",
            "الأمم المتحدة",
            "أمريكا",
            "وأميركا",
            "والولايات المتحدة",
            "تونس"
        ]
    );
    let kinds = |surface: &str| -> Vec<&str> {
        let mut k: Vec<_> = g
            .find_iter(text)
            .filter(|m| m.text() == surface)
            .map(|m| m.entry().entity_type())
            .collect();
        k.sort_unstable();
        k
    };
    assert_eq!(kinds("تونس"), ["capital", "country"]);
    assert_eq!(kinds("بروكسل"), ["capital"]);
    assert!(g.memory_usage() > 0);
}

#[test]
fn adjectives() {
    let g = Gazetteer::builder()
        .entries([
            Entry::new("العراق", "country"),
            Entry::new("سوريا", "country").variant("سورية"),
            Entry::new("الولايات المتحدة", "country")
                .variant("أمريكا")
                .variant("أميركا"),
            Entry::new("الأردن", "country"),
            Entry::new("السعودية", "country"),
            Entry::new("الناتو", "organization"),
        ])
        .adjectives(true)
        .build()
        .unwrap();
    let text =
        "القوات العراقية والعراقيين والسوري وللأميركيين والأمريكية الأردني ناتوي السعودية السعودي";
    let got: Vec<_> = g
        .find_iter(text)
        .map(|m| (m.text(), m.kind(), m.entry().canonical()))
        .collect();
    assert_eq!(
        got,
        [
            ("العراقية", MatchKind::Adjective, "العراق"),
            ("والعراقيين", MatchKind::Adjective, "العراق"),
            ("والسوري", MatchKind::Adjective, "سوريا"),
            ("وللأميركيين", MatchKind::Adjective, "الولايات المتحدة"),
            ("والأمريكية", MatchKind::Adjective, "الولايات المتحدة"),
            ("الأردني", MatchKind::Adjective, "الأردن"),
            ("السعودية", MatchKind::Name, "السعودية"),
            ("السعودي", MatchKind::Adjective, "السعودية"),
        ]
    );
    // Off by default.
    let plain = gaz(&[("العراق", "country")]);
    assert!(found(&plain, "العراقية").is_empty());
}

#[test]
fn safe_cut_examples() {
    let g = names_gazetteer();
    assert_eq!(g.max_words(), 2);
    let text = "وصل إلى بغداد ثم الأمم\nالمتحدة";
    let c = g.last_safe_cut(text);
    // A two-word name could still start at الأمم and run on.
    assert_eq!(&text[..c], "وصل إلى بغداد ثم");
    assert_eq!(g.last_safe_cut("بغداد"), 0);
}

// ---------------------------------------------------------------- properties

/// Text made of filler words, names with random allowed clitics, and whitespace.
fn text_strategy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => prop::sample::select(vec!["قال", "إن", "في", "من", "اليوم", "العراقية", "ولا", "x", "2024", "،", "."]).prop_map(str::to_string),
        3 => (prop::sample::select(CLITICS.to_vec()), prop::sample::select(NAMES.to_vec()))
            .prop_map(|(c, n)| attach(c, n)),
        1 => "[\u{0621}-\u{064A}\u{064B}-\u{0652}\u{0640} \n]{0,6}",
    ];
    let ws = prop::sample::select(vec![" ", " ", " ", "  ", "\n", "\t", "\u{00A0}", "،ـ "]);
    prop::collection::vec((piece, ws), 0..14)
        .prop_map(|v| v.into_iter().map(|(p, w)| p + w).collect())
}

/// Inserts diacritics and tatweel after Arabic letters, and swaps hamza/ya/teh marbuta
/// forms that the search normalizer folds together.
fn perturb(text: &str, seed: &[u8]) -> String {
    let mut out = String::new();
    let mut k = 0usize;
    let mut next = || {
        k += 1;
        seed.get(k % seed.len().max(1)).copied().unwrap_or(0)
    };
    for c in text.chars() {
        let r = next();
        let c = match (c, r % 4) {
            ('ا', 0) => 'أ',
            ('ا', 1) => 'إ',
            ('ي', 0) => 'ى',
            ('ة', 0) => 'ه',
            ('ه', 0) => 'ة',
            (c, _) => c,
        };
        out.push(c);
        if nass_core::arabic::is_arabic_letter(c) {
            match next() % 6 {
                0 => out.push('\u{064E}'),
                1 => out.push_str("\u{0651}\u{064F}"),
                2 => out.push('\u{0640}'),
                3 => out.push('\u{0652}'),
                _ => {}
            }
        }
    }
    out
}

fn entries_found(g: &Gazetteer, text: &str) -> Vec<(String, usize)> {
    let mut v: Vec<_> = g
        .find_iter(text)
        .map(|m| {
            (
                m.entry().canonical().to_string(),
                m.clitics()
                    .chars()
                    .filter(|c| nass_core::arabic::is_arabic_letter(*c))
                    .count(),
            )
        })
        .collect();
    v.sort();
    v
}

fn check_spans(g: &Gazetteer, text: &str) {
    for overlapping in [false, true] {
        let it = if overlapping {
            g.find_overlapping_iter(text)
        } else {
            g.find_iter(text)
        };
        let mut last = 0..0;
        for m in it {
            assert!(m.start() <= m.name_start() && m.name_start() <= m.end());
            assert!(m.end() <= text.len());
            assert_eq!(&text[m.start()..m.end()], m.text());
            assert_eq!(format!("{}{}", m.clitics(), m.name_text()), m.text());
            assert!(!m.text().is_empty());
            if !overlapping {
                // Entries that share a name share its span; other matches do not overlap.
                assert!(m.start() >= last.end || m.span() == last, "{text:?}");
                last = m.span();
            }
        }
    }
}

type Found3 = Vec<(usize, usize, usize, String)>;

fn all_matches(g: &Gazetteer, text: &str, overlapping: bool, shift: usize) -> Found3 {
    let it = if overlapping {
        g.find_overlapping_iter(text)
    } else {
        g.find_iter(text)
    };
    it.map(|m| {
        (
            m.start() + shift,
            m.end() + shift,
            m.name_start() + shift,
            m.entry().canonical().to_string(),
        )
    })
    .collect()
}

proptest! {
    #[test]
    fn spans_slice_the_original(text in text_strategy()) {
        check_spans(&names_gazetteer(), &text);
        check_spans(&Gazetteer::new(), &text);
    }

    #[test]
    fn spans_slice_arbitrary_text(text in "\\PC{0,40}") {
        check_spans(&names_gazetteer(), &text);
    }

    #[test]
    fn variation_never_changes_what_is_found(text in text_strategy(), seed in prop::collection::vec(any::<u8>(), 1..64)) {
        let g = names_gazetteer();
        let perturbed = perturb(&text, &seed);
        prop_assert_eq!(entries_found(&g, &text), entries_found(&g, &perturbed), "{:?} vs {:?}", text, perturbed);
    }

    #[test]
    fn name_with_clitic_found_with_exactly_that_clitic(
        before in prop::sample::select(vec!["", "قال ", "«", "\n", "في 2024 ", "(ـ "]),
        clitic in prop::sample::select(CLITICS.to_vec()),
        name in prop::sample::select(NAMES.to_vec()),
        after in prop::sample::select(vec!["", " اليوم", "»", "،", ".\n", " و"]),
    ) {
        let g = names_gazetteer();
        let word = attach(clitic, name);
        let text = format!("{before}{word}{after}");
        let got: Vec<_> = g.find_iter(&text).map(|m| (m.start(), m.clitics(), m.entry().canonical())).collect();
        prop_assert_eq!(got, vec![(before.len(), clitic, name)]);
    }

    #[test]
    fn matches_are_final_before_the_safe_cut(text in text_strategy(), frac in 0.0f64..=1.0) {
        let g = names_gazetteer();
        let mut k = (text.len() as f64 * frac) as usize;
        while !text.is_char_boundary(k) { k -= 1; }
        let prefix = &text[..k];
        let c = g.last_safe_cut(prefix);
        prop_assert!(c <= k);
        prop_assert!(text.is_char_boundary(c));
        for overlapping in [false, true] {
            let whole = all_matches(&g, &text, overlapping, 0);
            let mut parts = all_matches(&g, &text[..c], overlapping, 0);
            parts.extend(all_matches(&g, &text[c..], overlapping, c));
            prop_assert_eq!(&whole, &parts, "cut {} of {:?}", c, prefix);
        }
    }

    #[test]
    fn arbitrary_gazetteers_build_or_fail_cleanly(
        names in prop::collection::vec("[\u{0621}-\u{064A}\u{064B}-\u{0652}\u{0640} a-z]{0,8}", 0..8),
        text in "[\u{0621}-\u{064A}\u{064B}-\u{0652}\u{0640} \na-z]{0,60}",
    ) {
        let b = Gazetteer::builder().entries(names.iter().map(|n| Entry::new(n.clone(), "t"))).adjectives(true);
        match b.build() {
            Ok(g) => {
                check_spans(&g, &text);
                let c = g.last_safe_cut(&text);
                let whole = all_matches(&g, &text, true, 0);
                let mut parts = all_matches(&g, &text[..c], true, 0);
                parts.extend(all_matches(&g, &text[c..], true, c));
                prop_assert_eq!(whole, parts);
            }
            Err(e) => prop_assert!(e.to_string().contains("normalizes to nothing"), "{}", e),
        }
    }
}

// ---------------------------------------------------------------- corpus

#[test]
fn corpus() {
    let g = Gazetteer::builder()
        .entries([
            Entry::new("العراق", "country"),
            Entry::new("بغداد", "capital"),
            Entry::new("واشنطن", "capital"),
            Entry::new("إيران", "country"),
            Entry::new("سوريا", "country"),
            Entry::new("الأردن", "country"),
            Entry::new("الولايات المتحدة", "country"),
            Entry::new("إسرائيل", "country"),
            Entry::new("غزة", "city"),
        ])
        .build()
        .unwrap();
    let single_words: Vec<String> = g
        .entries()
        .map(|e| g.normalizer().normalize(e.canonical()).into_owned())
        .filter(|n| !n.contains(' '))
        .collect();
    let Some(lines) = nass_tests::corpus_lines() else {
        return;
    };
    let mut by_name: HashMap<String, usize> = HashMap::new();
    for line in &lines {
        check_spans(&g, line);
        for m in g.find_iter(line) {
            *by_name
                .entry(m.entry().canonical().to_string())
                .or_default() += 1;
            // Every match's name part normalizes to the name, clitics are short.
            let name_norm = name_key(&g.normalizer().normalize(m.name_text()));
            let canon = name_key(&g.normalizer().normalize(m.entry().canonical()));
            assert!(
                name_norm == canon || canon.strip_prefix('ا') == Some(name_norm.as_str()),
                "{} in {line}",
                m.text()
            );
            assert!(m.clitics().chars().count() <= 2);
        }
        // Every occurrence of a name as a whole word with allowed clitics is found: count
        // words that equal an attached form.
        let words: Vec<&str> = line
            .split(|c: char| !is_word_char(c))
            .filter(|w| !w.is_empty())
            .collect();
        let wanted = words
            .iter()
            .filter(|w| {
                let n = g.normalizer().normalize(w);
                single_words
                    .iter()
                    .any(|name| CLITICS.iter().any(|c| attach(c, name) == n))
            })
            .count();
        let got = g
            .find_iter(line)
            .filter(|m| !m.entry().canonical().contains(' '))
            .count();
        assert_eq!(wanted, got, "{line}");
    }
    // Checked by hand in the corpus (grep): العراق and بغداد occur many times, واشنطن
    // with and without clitics (وواشنطن, بواشنطن).
    assert!(by_name["العراق"] >= 20, "{by_name:?}");
    assert!(by_name["بغداد"] >= 5, "{by_name:?}");
    assert!(by_name["واشنطن"] >= 2, "{by_name:?}");
    assert!(by_name["الولايات المتحدة"] >= 5, "{by_name:?}");
}

// ---------------------------------------------------------------- filtered search == reference

/// Gazetteers that exercise every kind of walk: names with and without the article (the
/// elided alef), names that begin or end with punctuation, names that begin with a mark
/// or a tatweel (kept by the display normalizer), multi-word names, one-letter names,
/// Latin and digits.
fn differential_gazetteers() -> Vec<Gazetteer> {
    static G: std::sync::OnceLock<Vec<Gazetteer>> = std::sync::OnceLock::new();
    G.get_or_init(|| {
        let names = [
            "بغداد",
            "غداد",
            "العراق",
            "لعراق",
            "الأمم المتحدة",
            "الأمم",
            "ا",
            "ب",
            "و",
            "ال",
            "-الرقة",
            "غزة.",
            "«بيروت»",
            "\u{064E}عمان",
            "\u{0640}ـمصر",
            "جبل طارق",
            "x",
            "x-y",
            "غينيا\u{2013}بيساو",
            "أ\u{2212}ب",
            "2024",
            "ليبيا",
            "للبنان",
        ];
        let entries: Vec<Entry> = names.iter().map(|n| Entry::new(*n, "t")).collect();
        let display = nass_normalize::Normalizer::from_preset(nass_normalize::Preset::Display);
        vec![
            names_gazetteer(),
            Gazetteer::builder()
                .default_entries(true)
                .adjectives(true)
                .build()
                .unwrap(),
            Gazetteer::builder()
                .entries(entries.clone())
                .build()
                .unwrap(),
            Gazetteer::builder()
                .normalizer(display)
                .entries(entries)
                .build()
                .unwrap(),
        ]
    })
    .clone()
}

#[test]
fn more_distinct_words_than_the_word_cache_holds() {
    // Thousands of distinct words (the cache has 4096 slots), names among them, read
    // twice: the second reading hits the cache where the first missed.
    let letters = ["ب", "ت", "س", "م", "ن", "ر", "ل", "ع"];
    let mut text = String::new();
    for k in 0..6000usize {
        let word: String = (0..4).map(|d| letters[(k >> (3 * d)) % 8]).collect();
        text.push_str(&word);
        text.push_str(if k % 97 == 0 {
            " العراق وبغداد، "
        } else {
            " "
        });
    }
    let text = format!("{text}{text}");
    assert_same_candidates(&text);
}

fn assert_same_candidates(text: &str) {
    for g in differential_gazetteers() {
        let norm = g.normalizer().normalize(text);
        let (fast, slow) = g.both_candidates(&norm);
        assert_eq!(fast, slow, "{norm:?}");
    }
}

/// Words that take every path of the filtered search: proclitic letters alone and
/// stacked, لل, marks and tatweel before, between and after them, punctuation and
/// non-ASCII whitespace.
fn tricky_text() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "و",
        "ف",
        "ب",
        "ل",
        "ك",
        "ال",
        "لل",
        "\u{064E}",
        "\u{0640}",
        "\u{200C}",
        "\u{0651}",
        "عراق",
        "بغداد",
        "غداد",
        "الأمم",
        "المتحدة",
        "عمان",
        "مصر",
        "غزة",
        "بيروت",
        "-",
        ".",
        "«",
        "»",
        "،",
        "\u{2010}",
        "\u{2013}",
        "\u{2212}",
        "\u{FE58}",
        "غينيا",
        "بيساو",
        " ",
        "\n",
        "\u{00A0}",
        "\u{3000}",
        "x",
        "y",
        "2024",
        "ـ",
        "ا",
        "ب",
    ]);
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn filtered_search_equals_the_reference(text in tricky_text()) {
        assert_same_candidates(&text);
    }

    #[test]
    fn filtered_search_equals_the_reference_on_generated_text(
        text in text_strategy(),
        seed in prop::collection::vec(any::<u8>(), 1..64),
    ) {
        assert_same_candidates(&perturb(&text, &seed));
    }

    #[test]
    fn filtered_search_equals_the_reference_on_any_text(text in "\\PC{0,40}") {
        assert_same_candidates(&text);
    }
}

#[test]
fn filtered_search_equals_the_reference_on_the_corpus() {
    let Some(lines) = nass_tests::corpus_lines() else {
        return;
    };
    for line in lines {
        assert_same_candidates(&line);
    }
}

#[test]
fn filtered_search_examples() {
    // Hand-checked readings on text the search normalizer leaves alone.
    let g = gaz(&[
        ("العراق", "c"),
        ("بغداد", "c"),
        ("غداد", "t"),
        ("-الرقة", "t"),
    ]);
    let cands = |t: &str| {
        let (fast, slow) = g.both_candidates(t);
        assert_eq!(fast, slow);
        fast.iter()
            .map(|c| (c.word_start, c.name_start, c.end(), c.clitics, c.elided))
            .collect::<Vec<_>>()
    };
    // وللعراق: و + ل + (ا)لعراق, name from byte 4 to 14.
    assert_eq!(cands("وللعراق"), [(0, 4, 14, 2, true)]);
    // بغداد as itself and as ب + غداد.
    assert_eq!(cands("بغداد"), [(0, 0, 10, 0, false), (0, 2, 10, 1, false)]);
    // A name that begins with punctuation, walked from the hyphen (normalized text: ه).
    assert_eq!(cands("في -الرقه"), [(5, 5, 16, 0, false)]);
    assert_eq!(cands("العراقي بغدادي"), []);
}

#[test]
fn matches_apart_in_the_normalized_text_do_not_overlap_in_the_original() {
    // U+1FEE decomposes (NFKC) to a space and two marks, and the normalizer changes it
    // with its neighbours as one piece: "\0" before it and "\0\0\0\0" after it are apart
    // in the normalized text, but both reach back over that piece in the original. (Found
    // by the gazetteer fuzz target.)
    let g = Gazetteer::builder()
        .entries([Entry::new("\0\0\0\0", "country"), Entry::new("\0", "thing")])
        .build()
        .unwrap();
    let text = "\u{1}\0\0\0\u{1FEE}\0\0\0\0";
    let spans: Vec<_> = g.find_iter(text).map(|m| m.span()).collect();
    // Leftmost first: "\0" at 3 maps to the whole piece 3..8; "\0\0\0\0" (normalized
    // from the piece's last "\0") maps to 3..11 and overlaps it; then each "\0" after it.
    assert_eq!(spans, [1..2, 2..3, 3..8, 8..9, 9..10, 10..11]);
    check_spans(&g, text);
}

#[test]
fn a_byte_order_mark_at_the_start_of_a_file_is_skipped() {
    let tsv = "\u{FEFF}بغداد\tcapital\nالموصل\tcity\n";
    let g = Gazetteer::builder()
        .load_tsv(tsv.as_bytes(), "t")
        .unwrap()
        .build()
        .unwrap();
    let names: Vec<_> = g.entries().map(|e| e.canonical()).collect();
    assert_eq!(names, ["بغداد", "الموصل"]);
    assert_eq!(found(&g, "في بغداد"), [("بغداد", "", "بغداد".into())]);
    // A comment line after the mark is still a comment.
    let g = Gazetteer::builder()
        .load_tsv("\u{FEFF}# cities\nحلب\tcity\n".as_bytes(), "t")
        .unwrap()
        .build()
        .unwrap();
    assert_eq!(
        g.entries().map(|e| e.canonical()).collect::<Vec<_>>(),
        ["حلب"]
    );
    let jsonl = "\u{FEFF}{\"name\": \"حمص\", \"type\": \"city\"}\n";
    let g = Gazetteer::builder()
        .load_jsonl(jsonl.as_bytes(), "j")
        .unwrap()
        .build()
        .unwrap();
    assert_eq!(
        g.entries().map(|e| e.canonical()).collect::<Vec<_>>(),
        ["حمص"]
    );
    // Only at the start of the input: elsewhere it stays part of the name.
    let g = Gazetteer::builder()
        .load_tsv("حلب\tcity\n\u{FEFF}حمص\tcity\n".as_bytes(), "t")
        .unwrap()
        .build()
        .unwrap();
    assert_eq!(g.entries().nth(1).unwrap().canonical(), "\u{FEFF}حمص");
}

#[test]
fn marks_with_no_base_letter_belong_to_the_word_they_start() {
    let g = names_gazetteer();
    // (text, surface, clitics)
    let cases = [
        // Composed with the space before it by the normalizer.
        ("في \u{0654}بغداد", "\u{0654}بغداد", ""),
        ("في \u{0653}بغداد", "\u{0653}بغداد", ""),
        ("في\n\u{0655}\u{0655}بغداد", "\u{0655}\u{0655}بغداد", ""),
        ("في \u{0654}وبغداد", "\u{0654}وبغداد", "\u{0654}و"),
        ("«\u{0654}بغداد»", "\u{0654}بغداد", ""),
        // Dropped by the normalizer.
        ("في \u{064E}بغداد", "\u{064E}بغداد", ""),
        (
            "في \u{0640}\u{064E}وبغداد",
            "\u{0640}\u{064E}وبغداد",
            "\u{0640}\u{064E}و",
        ),
        // Kept by the normalizer: a mark, not a clitic.
        ("في \u{0301}بغداد", "\u{0301}بغداد", ""),
        ("في \u{0301}وبغداد", "\u{0301}وبغداد", "\u{0301}و"),
        ("في \u{200D}بغداد", "\u{200D}بغداد", ""),
    ];
    for (text, surface, clitics) in cases {
        let got: Vec<_> = g
            .find_iter(text)
            .map(|m| (m.text(), m.clitics(), &text[m.start()..]))
            .collect();
        assert_eq!(got.len(), 1, "{text:?}");
        assert_eq!((got[0].0, got[0].1), (surface, clitics), "{text:?}");
        assert!(got[0].2.starts_with(surface));
    }
    // Marks with no letter before punctuation start no word: a name that begins with
    // the punctuation starts there.
    let g = gaz(&[("«بيروت»", "city")]);
    let text = "في \u{0301}«بيروت»";
    let m = g.find_iter(text).next().unwrap();
    assert_eq!(m.text(), "«بيروت»");
}

/// `text` with marks that have no base letter put at word starts (after whitespace and
/// punctuation): marks the normalizer composes with what is before
/// them (U+0653 to U+0655), drops (fatha, shadda, tatweel) or keeps (U+0301, ZWJ).
fn with_stray_marks(text: &str, seed: &[u8]) -> String {
    const MARKS: [&str; 8] = [
        "\u{0653}", "\u{0654}", "\u{0655}", "\u{064E}", "\u{0651}", "\u{0640}", "\u{0301}",
        "\u{200D}",
    ];
    let mut out = String::new();
    let mut k = 0usize;
    let mut next = || {
        k += 1;
        usize::from(seed[k % seed.len()])
    };
    let mut after_space = true;
    for c in text.chars() {
        let r = next();
        if after_space && r % 2 == 0 {
            for _ in 0..1 + r % 3 / 2 {
                out.push_str(MARKS[next() % MARKS.len()]);
            }
        }
        out.push(c);
        after_space = !is_word_char(c);
    }
    out
}

/// Every match of a name that begins with a word character starts at a word start of the
/// original (never on whitespace), and proclitics, when there are some, have a letter.
fn check_word_starts(g: &Gazetteer, text: &str) {
    for m in g.find_iter(text).chain(g.find_overlapping_iter(text)) {
        let first = m.text().chars().next().unwrap();
        assert!(!first.is_whitespace(), "{:?} in {text:?}", m.text());
        let before = text[..m.start()].chars().next_back();
        assert!(
            is_word_char(first) && !before.is_some_and(is_word_char),
            "{:?} at {} in {text:?}",
            m.text(),
            m.start()
        );
        if !m.clitics().is_empty() {
            assert!(
                m.clitics().chars().any(nass_core::arabic::is_arabic_letter),
                "{:?} in {text:?}",
                m.clitics()
            );
        } else {
            assert_eq!(m.name_start(), m.start());
        }
    }
}

proptest! {
    #[test]
    fn matches_start_at_word_starts(
        text in text_strategy(),
        seed in prop::collection::vec(any::<u8>(), 1..64),
    ) {
        let text = with_stray_marks(&text, &seed);
        check_word_starts(&names_gazetteer(), &text);
        check_word_starts(&Gazetteer::new(), &text);
        check_spans(&names_gazetteer(), &text);
    }

    #[test]
    fn matches_with_stray_marks_are_final_before_the_safe_cut(
        text in text_strategy(),
        seed in prop::collection::vec(any::<u8>(), 1..64),
        frac in 0.0f64..=1.0,
    ) {
        let text = with_stray_marks(&text, &seed);
        let g = names_gazetteer();
        let mut k = (text.len() as f64 * frac) as usize;
        while !text.is_char_boundary(k) { k -= 1; }
        let c = g.last_safe_cut(&text[..k]);
        for overlapping in [false, true] {
            let whole = all_matches(&g, &text, overlapping, 0);
            let mut parts = all_matches(&g, &text[..c], overlapping, 0);
            parts.extend(all_matches(&g, &text[c..], overlapping, c));
            prop_assert_eq!(&whole, &parts, "cut {} of {:?}", c, text);
        }
    }
}

/// Text with long runs of word characters: letters (clitic letters among them), digits,
/// marks, tatweel and joiners, between ordinary words and names.
fn long_run_text() -> impl Strategy<Value = String> {
    let run = proptest::collection::vec(
        prop::sample::select(vec![
            "ب",
            "و",
            "ل",
            "ا",
            "ال",
            "م",
            "٣",
            "7",
            "\u{064E}",
            "\u{0651}",
            "\u{0654}",
            "ـ",
            "\u{200D}",
            "\u{200C}",
            "بغداد",
            "الأمم",
            "بغداد",
            "الأمم",
        ]),
        0..60,
    )
    .prop_map(|v| v.concat());
    let around = prop_oneof![Just(String::new()), text_strategy()];
    (around.clone(), run, around, run_sep(), run_sep())
        .prop_map(|(a, r, b, s1, s2)| format!("{a}{s1}{r}{s2}{b}"))
}

fn run_sep() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec!["", " ", "\n", "،"])
}

proptest! {
    #[test]
    fn matches_are_final_before_a_cut_inside_a_long_run(
        text in long_run_text(),
        frac in 0.0f64..=1.0,
        names in prop::collection::vec("[بولام٣7 ]{1,6}", 0..6),
    ) {
        let mut k = (text.len() as f64 * frac) as usize;
        while !text.is_char_boundary(k) { k -= 1; }
        let own = Gazetteer::builder()
            .entries(names.iter().map(|n| Entry::new(n.clone(), "t")))
            .entries(NAMES.map(|n| Entry::new(n, "place")))
            .build();
        for g in [Some(names_gazetteer()), own.ok()].into_iter().flatten() {
            let c = g.last_safe_cut(&text[..k]);
            prop_assert!(c <= k && text.is_char_boundary(c));
            for overlapping in [false, true] {
                let whole = all_matches(&g, &text, overlapping, 0);
                let mut parts = all_matches(&g, &text[..c], overlapping, 0);
                parts.extend(all_matches(&g, &text[c..], overlapping, c));
                prop_assert_eq!(&whole, &parts, "cut {} of {:?}", c, &text[..k]);
            }
        }
    }
}

#[test]
fn a_long_run_without_whitespace_is_cut_inside() {
    let g = names_gazetteer();
    // The longest name, الامم المتحده, has 25 bytes: 28 letters are needed on each side.
    for run in ["٣".repeat(300), "بـ".repeat(300), "و\u{0651}".repeat(300)] {
        let text = format!("قال {run}");
        let c = g.last_safe_cut(&text);
        assert!(c > "قال ".len() && c < text.len(), "{c} of {}", text.len());
        assert!(
            text[c..]
                .chars()
                .filter(|&ch| ch != 'ـ' && ch != '\u{0651}')
                .count()
                >= 28
        );
    }
    // Too short on either side, or marks with no letter: no cut.
    assert_eq!(g.last_safe_cut(&"٣".repeat(40)), 0);
    assert_eq!(g.last_safe_cut(&"\u{200D}".repeat(3000)), 0);
}

/// Marks are `nass_diacritics::word::is_mark`, the one definition: every generic
/// combining mark is read as U+0301 always was here (a mark with no letter before it
/// belongs to the word it starts, proclitics and all), where this crate's own list
/// knew only U+0300–U+036F.
#[test]
fn every_generic_combining_mark_is_read_as_u0301_is() {
    let g = gaz(&[("بغداد", "city")]);
    for mark in ['\u{0301}', '\u{1AB0}', '\u{1DC0}', '\u{20D0}', '\u{FE20}'] {
        let text = format!("في {mark}وبغداد");
        let surface = format!("{mark}وبغداد");
        let clitics = format!("{mark}و");
        assert_eq!(
            found(&g, &text),
            [(surface.as_str(), clitics.as_str(), "بغداد".to_string())],
            "U+{:04X}",
            mark as u32
        );
    }
}

/// Matches follow the workspace's accessor convention (`nass_core::Spanned`,
/// `CliticSpanned`): the trait methods say what the inherent ones say.
#[test]
fn matches_follow_the_span_convention() {
    use nass_core::{CliticSpanned, Spanned};
    let g = gaz(&[("تونس", "country")]);
    let text = "من فبتونس";
    let m = g.find_iter(text).next().unwrap();
    assert_eq!(Spanned::span(&m), m.span());
    assert_eq!(Spanned::text(&m), &text[m.start()..m.end()]);
    assert_eq!(CliticSpanned::clitics(&m), m.clitics());
    assert_eq!(CliticSpanned::name_text(&m), m.name_text());
    assert_eq!((m.clitics(), m.name_text()), ("فب", "تونس"));
}

/// A hyphen in a name matches any dash in the text (hyphen, non-breaking hyphen, figure,
/// en and em dash, horizontal bar, minus sign, and their small and full-width forms),
/// where the hyphen is in a tail of the trie (غينيا-بيساو after غينيا) or at a branch
/// (غينيا الاستوائية beside it), after proclitics, and a name written with a dash is the
/// name with a hyphen. Any other character there matches nothing.
#[test]
fn a_hyphen_in_a_name_matches_any_dash() {
    let g = gaz(&[
        ("غينيا-بيساو", "country"),
        ("غينيا الاستوائية", "country"),
        ("x-ray", "t"),
        ("أ\u{2013}ب", "t"),
    ]);
    let dashes = [
        "-", "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}",
        "\u{FE58}", "\u{FE63}", "\u{FF0D}",
    ];
    for dash in dashes {
        for (written, canonical) in [
            (format!("غينيا{dash}بيساو"), "غينيا-بيساو"),
            (format!("وغينيا{dash}بيساو"), "غينيا-بيساو"),
            (format!("x{dash}ray"), "x-ray"),
            (format!("أ{dash}ب"), "أ\u{2013}ب"),
        ] {
            let text = format!("زار {written} أمس");
            assert_eq!(
                found(&g, &text),
                [(
                    written.as_str(),
                    if written.starts_with('و') { "و" } else { "" },
                    canonical.to_string()
                )],
                "{dash:?}"
            );
        }
        let both = format!("غينيا{dash}بيساو x{dash}ray");
        let norm = g.normalizer().normalize(&both);
        let (fast, slow) = g.both_candidates(&norm);
        assert_eq!(fast, slow, "{dash:?}");
    }
    for other in ["\u{2016}", "_", "\u{00AD}", "\u{2E3A}"] {
        let text = format!("زار غينيا{other}بيساو أمس");
        assert!(
            found(&g, &text).iter().all(|m| m.2 != "غينيا-بيساو"),
            "{other:?}"
        );
    }
}
