//! The compiled index: a saved and reopened gazetteer matches as the built one; a
//! truncated, corrupt or foreign file is an error.

use proptest::prelude::*;

use super::META;
use crate::file;
use crate::{Entry, Gazetteer, MatchKind};

/// Everything a match says, the entry's contents included.
type Seen = (
    usize,
    usize,
    usize,
    String,
    String,
    Vec<String>,
    Option<String>,
    String,
    MatchKind,
);

fn seen(g: &Gazetteer, text: &str, overlapping: bool) -> Vec<Seen> {
    let it = if overlapping {
        g.find_overlapping_iter(text)
    } else {
        g.find_iter(text)
    };
    it.map(|m| {
        let e = m.entry();
        // The entry read in place is the entry decoded.
        let r = m.entry_ref();
        assert_eq!(r.to_entry(), *e);
        assert_eq!(
            r.payload_json(),
            e.payload().map(|p| p.to_string()).as_deref()
        );
        assert!(r.names().eq(e.names()));
        (
            m.start(),
            m.end(),
            m.name_start(),
            e.canonical().to_string(),
            e.entity_type().to_string(),
            e.variant_names().to_vec(),
            e.payload().map(|p| p.to_string()),
            m.variant().to_string(),
            m.kind(),
        )
    })
    .collect()
}

fn bytes_of(g: &Gazetteer) -> Vec<u8> {
    let mut b = Vec::new();
    g.write_index(&mut b).unwrap();
    b
}

/// `g` written and opened again, from bytes and from a file.
fn reopened(g: &Gazetteer) -> [Gazetteer; 2] {
    let bytes = bytes_of(g);
    let from_bytes = Gazetteer::from_index_bytes(bytes.clone()).unwrap();
    let dir = std::env::temp_dir().join(format!("nass-gazetteer-index-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{:x}.idx", crc32fast::hash(&bytes)));
    g.save(&path).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
    let from_file = Gazetteer::open(&path).unwrap();
    std::fs::remove_file(&path).unwrap();
    [from_bytes, from_file]
}

fn assert_same(g: &Gazetteer, others: &[Gazetteer], text: &str) {
    for o in others {
        for overlapping in [false, true] {
            assert_eq!(
                seen(g, text, overlapping),
                seen(o, text, overlapping),
                "{text:?}"
            );
        }
    }
}

#[test]
fn the_default_list_reopened_matches_as_built_on_the_corpus() {
    let g = Gazetteer::builder()
        .default_entries(true)
        .adjectives(true)
        .build()
        .unwrap();
    let again = reopened(&g);
    for o in &again {
        assert_eq!(o.len(), g.len());
        assert_eq!(o.pattern_count(), g.pattern_count());
        assert_eq!(o.max_words(), g.max_words());
        assert!(o.entries().eq(g.entries()));
        assert_eq!(
            o.normalizer().settings_bytes(),
            g.normalizer().settings_bytes()
        );
    }
    let text = "قال وزير خارجية العراق في بغداد إن الحكومة العراقية والأمم المتحدة وللأردن";
    assert!(seen(&g, text, false).len() >= 5);
    assert_same(&g, &again, text);
    if let Some(lines) = nass_tests::corpus_lines() {
        for line in lines {
            assert_same(&g, &again, &line);
        }
    }
}

/// A small index, and what it matches.
fn small() -> (Gazetteer, Vec<u8>) {
    let g = Gazetteer::builder()
        .entry(Entry::new("بغداد", "capital").with_payload(serde_json::json!({"id": 1})))
        .entry(Entry::new("العراق", "country").variant("عراق"))
        .adjectives(true)
        .build()
        .unwrap();
    let b = bytes_of(&g);
    (g, b)
}

#[test]
fn every_truncation_is_an_error() {
    let (_, b) = small();
    for len in 0..b.len() {
        let err = Gazetteer::from_index_bytes(b[..len].to_vec()).unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.contains("truncated at byte offset") || msg.contains("not a nass gazetteer index"),
            "{len}: {msg}"
        );
    }
    let mut longer = b.clone();
    longer.push(0);
    assert!(Gazetteer::from_index_bytes(longer).is_err());
}

#[test]
fn every_flipped_bit_is_an_error() {
    let (_, b) = small();
    for at in 0..b.len() {
        for bit in 0..8 {
            let mut c = b.clone();
            c[at] ^= 1 << bit;
            assert!(
                Gazetteer::from_index_bytes(c).is_err(),
                "byte {at} bit {bit}"
            );
        }
    }
}

#[test]
fn foreign_files_and_versions_say_so() {
    let (g, b) = small();
    let err = Gazetteer::from_index_bytes("بغداد\tcapital\n".as_bytes().to_vec()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "index: not a nass gazetteer index (no 'nassgzix' at the start)"
    );
    let mut v = b.clone();
    v[8..12].copy_from_slice(&7u32.to_le_bytes());
    let err = Gazetteer::from_index_bytes(v).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "index: unsupported index format version 7 (this build reads version {}); compile the index again",
            crate::file::FORMAT_VERSION
        )
    );
    let mut c = b.clone();
    let last = c.len() - 1;
    c[last] ^= 0x80;
    assert!(Gazetteer::from_index_bytes(c)
        .unwrap_err()
        .to_string()
        .starts_with("index: checksum mismatch"));
    let missing = std::env::temp_dir().join("nass-no-such-index.idx");
    let err = Gazetteer::open(&missing).unwrap_err();
    assert!(
        err.to_string().starts_with(&missing.display().to_string()),
        "{err}"
    );
    // The untouched bytes open, and match as built.
    let again = Gazetteer::from_index_bytes(b).unwrap();
    assert_same(&g, &[again], "في بغداد عاصمة العراق العراقية");
}

// ---------------------------------------------------------------- random gazetteers

/// Names over few letters, so that they share normal forms (أ/ا, ة/ه, marks), begin
/// with clitic letters and the article, and run to several words.
fn name() -> impl Strategy<Value = String> {
    let word = prop::collection::vec(
        prop::sample::select(vec![
            "ب", "ل", "و", "ف", "ك", "ا", "أ", "ال", "ر", "ة", "ه", "ي", "ى", "\u{064E}", "ن", "م",
        ]),
        1..5,
    )
    .prop_map(|v| v.concat());
    prop::collection::vec(word, 1..3).prop_map(|v| v.join(" "))
}

fn entry() -> impl Strategy<Value = Entry> {
    (
        name(),
        prop::sample::select(vec!["country", "city", "person", "capital"]),
        prop::collection::vec(name(), 0..3),
        prop::option::of(any::<i32>()),
    )
        .prop_map(|(n, t, vs, p)| {
            let e = Entry::new(n, t).variants(vs);
            match p {
                Some(p) => e.with_payload(serde_json::json!({"p": p, "s": "نص \"x\""})),
                None => e,
            }
        })
}

fn random_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => name(),
        2 => prop::sample::select(vec!["و", "ف", "ب", "ل", "لل", "ول", "فب"]).prop_map(str::to_string),
        1 => prop::sample::select(vec![" ", "\n", "، ", ".", "ية", "ي", "ين", "x"]).prop_map(str::to_string),
    ];
    prop::collection::vec(piece, 0..20).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Matches through an index written and opened again (from bytes and from a file)
    /// equal the matches of the gazetteer it was written from.
    #[test]
    fn a_reopened_gazetteer_matches_as_built(
        entries in prop::collection::vec(entry(), 0..24),
        adjectives: bool,
        texts in prop::collection::vec(random_text(), 1..6),
    ) {
        // Only names that normalize to something build.
        let Ok(g) = Gazetteer::builder().entries(entries).adjectives(adjectives).build() else {
            return Ok(());
        };
        let again = reopened(&g);
        for o in &again {
            prop_assert!(o.entries().eq(g.entries()));
        }
        for text in &texts {
            assert_same(&g, &again, text);
        }
        // Every name of every entry, as its own text.
        for e in g.entries() {
            for n in e.names() {
                assert_same(&g, &again, &format!("و{n} ب{n}ية"));
            }
        }
    }
}

/// A forged count whose section size overflows (behind a recomputed checksum) is an
/// error, not an allocation of that many entries (the proptest below found this: the
/// unchecked size let `entry_count` near `usize::MAX / 8` through, and the chunk table
/// asked for exabytes).
#[test]
fn forged_counts_that_overflow_are_errors() {
    let (_, good) = small();
    let meta = file::sections(&good, "t").unwrap().get(META, "t").unwrap();
    for (k, count) in [
        (0, usize::MAX / 8),
        (0, usize::MAX),
        (1, usize::MAX / 4),
        (2, usize::MAX / 8 + 1),
    ] {
        let mut b = good.clone();
        let at = meta.start + 16 + 8 * k;
        b[at..at + 8].copy_from_slice(&(count as u64).to_le_bytes());
        let crc = crc32fast::hash(&b[32..]);
        b[24..28].copy_from_slice(&crc.to_le_bytes());
        let err = Gazetteer::from_index_bytes(b).map(|_| ()).unwrap_err();
        assert!(
            err.to_string().contains("counts are too large"),
            "{k}: {err}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Changed contents behind a recomputed checksum (a forged file): opening is an
    /// error or a gazetteer whose matching never panics and gives spans inside the text.
    #[test]
    fn forged_contents_never_panic(
        edits in prop::collection::vec((any::<prop::sample::Index>(), 1u8..), 1..8),
        text in random_text(),
    ) {
        let (_, mut b) = small();
        for (at, x) in edits {
            let at = at.index(b.len() - 32) + 32;
            b[at] ^= x;
        }
        let crc = crc32fast::hash(&b[32..]);
        b[24..28].copy_from_slice(&crc.to_le_bytes());
        if let Ok(g) = Gazetteer::from_index_bytes(b) {
            for overlapping in [false, true] {
                for m in seen(&g, &text, overlapping) {
                    prop_assert!(m.0 <= m.2 && m.2 <= m.1 && m.1 <= text.len());
                }
            }
            let _ = (g.last_safe_cut(&text), g.memory_usage(), g.entries().count());
        }
    }
}

/// Gazetteers (built or mapped) and what matching hands out can cross threads.
#[test]
fn send_and_sync() {
    fn both<T: Send + Sync>() {}
    both::<Gazetteer>();
    both::<crate::Match<'static, 'static>>();
    both::<crate::EntryRef<'static>>();
    both::<crate::compiled::Storage>();
    // A clone shares the index: matching through either sees the same entries.
    let (g, _) = small();
    let c = g.clone();
    let t = std::thread::spawn(move || seen(&c, "في بغداد", false));
    assert_eq!(t.join().unwrap(), seen(&g, "في بغداد", false));
}

/// The merge by definition: entries with the same canonical name and type joined into
/// the first, variants appended once each, the first payload kept.
fn merged_reference(entries: &[Entry]) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::new();
    for e in entries {
        match out
            .iter_mut()
            .find(|o| o.canonical() == e.canonical() && o.entity_type() == e.entity_type())
        {
            Some(o) => {
                let mut m = o.clone().variants(e.variant_names().iter().cloned());
                if o.payload().is_none() {
                    if let Some(p) = e.payload() {
                        m = m.with_payload(p.clone());
                    }
                }
                *o = m;
            }
            None => out.push(e.clone()),
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Duplicates merge as the definition says, in order, with the default list in front
    /// of the entries added (one of its entries repeated among them).
    #[test]
    fn entries_merge_as_defined(
        entries in prop::collection::vec(
            (prop::sample::select(vec!["بغداد", "البصرة", "الموصل"]), entry()).prop_map(|(n, e)| {
                // Variants that normalize to something (not a lone fatha).
                let vs = e.variant_names().iter().filter(|v| v.chars().any(|c| c != '\u{064E}' && c != ' '));
                let mut d = Entry::new(n, e.entity_type()).variants(vs.cloned());
                if let Some(p) = e.payload() { d = d.with_payload(p.clone()); }
                d
            }),
            0..12,
        ),
        defaults: bool,
        collide: bool,
    ) {
        // With `collide`, every entry hashes alike: the merge's collision path.
        crate::store::COLLIDE.with(|c| c.set(collide));
        let mut all: Vec<Entry> = Vec::new();
        if defaults {
            all.extend(crate::default_entries().iter().cloned());
        }
        let extra = Entry::new("بغداد", "capital").variant("بغدادُ");
        all.extend(entries.iter().cloned());
        all.push(extra.clone());
        let g = Gazetteer::builder()
            .default_entries(defaults)
            .entries(entries.iter().cloned())
            .entry(extra)
            .build();
        crate::store::COLLIDE.with(|c| c.set(false));
        let g = g.unwrap();
        let want = merged_reference(&all);
        prop_assert_eq!(g.len(), want.len());
        prop_assert!(g.entries().eq(want.iter()));
    }
}

/// The checksum read through mapped windows, on one thread or in parts on several (the
/// windows small, so that a small file takes the path of a large one), is the checksum
/// of the bytes after the header.
#[test]
fn the_checksum_of_mapped_windows_is_the_checksum_of_the_bytes() {
    let dir = std::env::temp_dir();
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    // Sizes around the window and the part boundaries, and one of a single window.
    for len in [33u64, 4096, 65_536, 65_537, 20 * 65_536, 48 * 65_536 + 7] {
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state as u8
            })
            .collect();
        let path = dir.join(format!("nass-crc-{}-{len}.bin", std::process::id()));
        std::fs::write(&path, &bytes).unwrap();
        let f = std::fs::File::open(&path).unwrap();
        let expected = crc32fast::hash(&bytes[file::HEADER..]);
        assert_eq!(super::crc_of_mapped(&f, len).unwrap(), expected, "{len}");
        assert_eq!(
            super::crc_of_mapped_in(&f, len, 65_536).unwrap(),
            expected,
            "{len}"
        );
        std::fs::remove_file(&path).unwrap();
    }
}
