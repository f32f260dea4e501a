//! The table by its definition: every code point below U+10000 classified by the
//! straightforward rules, which the fast build in `build_table` must match.

use super::*;
use unicode_normalization::char::canonical_combining_class;

/// The same table by the definition: every code point below U+10000 classified.
pub(crate) fn build_table_reference(s: Settings) -> Table {
    let mut b = TableBuilder::new();
    for cp in 0..0x10000u32 {
        let Some(c) = char::from_u32(cp) else {
            continue;
        };
        let entry = classify(&s, c);
        if entry != Entry::KeepAnchor {
            b.set(c, entry);
        }
    }
    b.astral(move |c| classify_astral(&s, c));
    b.build()
}

/// What the fast path may do with `c` (see `nass_core::Entry`).
pub(crate) fn classify(s: &Settings, c: char) -> Entry {
    let form = s.unicode;
    if s.digits_depend_on_context(c) {
        return Entry::Complex;
    }
    // Most code points: left alone by every operation, and a starter that normalization
    // does not touch (a table lookup). The general path below gives KeepAnchor for them
    // too, only much more slowly.
    if (form == UnicodeForm::None || nass_core::unicode::is_normalization_inert(c))
        && operations_keep(s, c)
    {
        return Entry::KeepAnchor;
    }
    let (keeps, result) = result_alone(s, c);
    if form == UnicodeForm::None {
        // Every code point is handled alone.
        return if keeps {
            Entry::KeepAnchor
        } else if result.is_empty() {
            Entry::Drop
        } else {
            Entry::Replace(result)
        };
    }
    let ccc = canonical_combining_class(c);
    let composes = nass_core::unicode::composes_backward(c)
        || nass_core::unicode::composites_starting_with(c)
            .next()
            .is_some();
    if result.is_empty() {
        // Transparent only if it takes no part in composition.
        return if normalization_keeps(form, c) && !composes {
            Entry::Drop
        } else {
            Entry::Complex
        };
    }
    if ccc != 0 {
        return if keeps && !composes {
            Entry::KeepMark(ccc)
        } else {
            Entry::Complex
        };
    }
    if !boundary_before(form, c) || !anchor_result(form, &result) {
        return Entry::Complex;
    }
    // Whatever `c` composes with must also leave an anchor behind.
    for composite in nass_core::unicode::composites_starting_with(c) {
        if !anchor_result(form, &result_alone(s, composite).1) {
            return Entry::Complex;
        }
    }
    if keeps {
        Entry::KeepAnchor
    } else {
        Entry::Replace(result)
    }
}

/// Whether `c` alone is left as it is, and what it becomes.
fn result_alone(s: &Settings, c: char) -> (bool, String) {
    if normalization_keeps(s.unicode, c) && operations_keep(s, c) {
        (true, c.to_string())
    } else {
        (false, s.reference(c.encode_utf8(&mut [0; 4])))
    }
}
