//! Every filter writes the same output whatever `--threads` and the chunk size, on
//! input large enough to go to the workers in many jobs and to the writer in parts:
//! running counts (sentence numbers, term positions), lines that go on from one piece to
//! the next, and the TSV header come out as one thread writes them.

mod common;
use common::assert_same_for_threads_and_chunk_sizes;

/// About 200 KB of running text: sentences with numbers, dates and names, LF and CRLF,
/// lines that run across many pieces at small chunk sizes.
fn text() -> Vec<u8> {
    let paragraph = "قال المتحدث إن ثلاثة آلاف زائر وصلوا إلى بغداد يوم الأحد 11 فبراير 2024. \
        ثم عاد الوفد إلى القاهرة في ١٢ مارس ٢٠٢٤، ودفع ٢٬٥٠٠ دينار! هل انتهى الاجتماع؟\r\n\
        وفي دمشق الخميس الماضي عرضت المكتبة سبعة عشر كتابا وخمسة وعشرين قلما\n\
        كتب \"الباحث\" \\ ملاحظة\tقصيرة عن عمّان في 1 شعبان 1445هـ\n";
    paragraph.repeat(200_000 / paragraph.len() + 1).into_bytes()
}

/// The text with invalid sequences and byte order marks here and there, for `--lossy`:
/// the offsets of records after them are mapped through anchors that the pieces of a
/// job share.
fn noisy() -> Vec<u8> {
    let mut t = text();
    let bad: [&[u8]; 4] = [b"\xff", b"\xd8", b"\xe2\x82", "\u{FEFF}".as_bytes()];
    let mut at = 0;
    for i in 0.. {
        at += 1000 + 37 * (i % 50);
        if at >= t.len() {
            break;
        }
        t.splice(at..at, bad[i % bad.len()].iter().copied());
    }
    t
}

/// Chunk sizes: tiny (a piece per read), odd, and the default's neighbourhood.
const CHUNKS: [usize; 3] = [997, 4096, 65536];

#[test]
fn normalize_and_digits() {
    let t = text();
    assert_same_for_threads_and_chunk_sizes(&["normalize"], &t, CHUNKS);
    assert_same_for_threads_and_chunk_sizes(&["digits", "--to", "arabic"], &t, CHUNKS);
}

#[test]
fn tokenize_in_every_format() {
    let t = text();
    for args in [
        &["tokenize"][..],
        &["tokenize", "--normalize", "search"],
        &["tokenize", "--format", "jsonl"],
        &["tokenize", "--format", "tsv", "--normalize", "search"],
        &["tokenize", "--sentences"],
        &["tokenize", "--sentences", "--format", "jsonl"],
        &["tokenize", "--sentences", "--format", "tsv"],
    ] {
        assert_same_for_threads_and_chunk_sizes(args, &t, CHUNKS);
    }
}

#[test]
fn numbers() {
    let t = text();
    for format in ["jsonl", "tsv", "text"] {
        assert_same_for_threads_and_chunk_sizes(
            &["numbers", "--words", "--format", format],
            &t,
            CHUNKS,
        );
    }
}

#[test]
fn dates() {
    let t = text();
    for format in ["jsonl", "tsv", "text"] {
        assert_same_for_threads_and_chunk_sizes(
            &["dates", "--anchor", "2024-02-11", "--format", format],
            &t,
            CHUNKS,
        );
    }
}

#[test]
fn match_() {
    let t = text();
    for format in ["jsonl", "tsv", "text"] {
        assert_same_for_threads_and_chunk_sizes(&["match", "--format", format], &t, CHUNKS);
    }
}

#[test]
fn translit() {
    let t = text();
    assert_same_for_threads_and_chunk_sizes(&["translit", "--to", "bw"], &t, CHUNKS);
}

#[test]
fn analyze() {
    let t = text();
    for format in ["text", "jsonl", "tsv"] {
        assert_same_for_threads_and_chunk_sizes(&["analyze", "--format", format], &t, CHUNKS);
    }
}

#[test]
fn lossy_offsets_whatever_the_threads() {
    let t = noisy();
    for args in [
        &["tokenize", "--lossy", "--format", "jsonl", "--sentences"][..],
        &["numbers", "--lossy", "--words"],
        &["dates", "--lossy"],
        &["match", "--lossy"],
        &["analyze", "--lossy", "--format", "tsv"],
        &["normalize", "--lossy"],
    ] {
        assert_same_for_threads_and_chunk_sizes(args, &t, CHUNKS);
    }
}
