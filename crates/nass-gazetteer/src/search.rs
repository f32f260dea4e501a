//! Search: the readings of normalized text (walks of the names from every word start,
//! through each proclitic reading), and the matches chosen from them.

use super::*;
use crate::names::Trie;
use crate::words::{Cache, Reading, Readings};

impl Gazetteer {
    /// Every valid reading in normalized text `t`: a walk of the names from every word
    /// start, after each valid proclitic sequence at its beginning, and from every other
    /// character that is neither a word character nor whitespace. The readings of a word
    /// come from this thread's word cache, or else each start in it is asked of the heads
    /// filter with the rest of the word; walks from other characters are asked of the
    /// first-bytes filter.
    pub(crate) fn candidates(&self, t: &str, out: &mut Vec<Candidate>) {
        crate::words::with_cache(self.inner.id, |cache| self.candidates_with(t, cache, out));
    }

    /// [`candidates`](Self::candidates) with this thread's word cache.
    fn candidates_with(&self, t: &str, cache: &mut Cache<'_>, out: &mut Vec<Candidate>) {
        let b = t.as_bytes();
        let classes = text::classes();
        let mut i = 0;
        while i < b.len() {
            // ASCII spaces between words, the most common non-word bytes.
            if b[i] == b' ' {
                i += 1;
                continue;
            }
            let (k, len) = text::class_at(classes, t, i);
            match k {
                text::WORD | text::TRANSPARENT => {
                    let e = text::word_end(classes, t, i + len);
                    // Past the transparent characters at the word's start (usually none).
                    let p0 = if k == text::WORD {
                        i
                    } else {
                        text::skip_transparent_to(classes, t, i, e)
                    };
                    self.word_start(t, i, p0, e, cache, out);
                    i = e;
                }
                text::SPACE => i += len,
                _ => {
                    self.walk_from_root(t, i, i, 0, out);
                    i += len;
                }
            }
        }
    }

    /// The walks from word start `w` of the word `t[w..e]`, whose first character that is
    /// not transparent is at `p0`: no proclitic, and each valid proclitic sequence (و ف ب
    /// ل ك, a conjunction then a preposition), with the elided article after ل. The
    /// readings of the word itself come from this thread's word cache when the same word
    /// was read before (text repeats its words); each is walked on past the word.
    fn word_start(
        &self,
        t: &str,
        w: usize,
        p0: usize,
        e: usize,
        cache: &mut Cache<'_>,
        out: &mut Vec<Candidate>,
    ) {
        let b = t.as_bytes();
        if let Some(cached) = cache.lookup(b, w, e) {
            for r in cached.iter() {
                self.read_on(t, w, e, &r, out);
            }
            return;
        }
        let readings = self.word_readings(t, w, p0, e);
        cache.store(b, w, e, &readings);
        for r in readings.as_slice() {
            self.read_on(t, w, e, r, out);
        }
    }

    /// Reading `r` of the word `t[w..e]`: the name it ends on at the word's end, and the
    /// walk on past it.
    #[inline(always)]
    fn read_on(&self, t: &str, w: usize, e: usize, r: &Reading, out: &mut Vec<Candidate>) {
        let reader = (w, w + r.start, r.clitics, r.elided);
        if let Some(pid) = r.name {
            out.push(Candidate::new(reader, pid, e));
        }
        if r.goes_on {
            self.walk_loop(t, reader, r.node, e, false, out);
        }
    }

    /// The readings of the word `t[w..e]` (see [`word_start`](Self::word_start)): each
    /// start the heads filter lets through, walked to the word's end.
    fn word_readings(&self, t: &str, w: usize, p0: usize, e: usize) -> Readings {
        let b = t.as_bytes();
        let heads = &self.inner.heads;
        let classes = text::classes();
        let mut readings = Readings::NONE;
        if heads.may_be_head(&b[w..e]) {
            self.read_word(t, (w, w, 0, false), e, &mut readings);
        }
        if p0 == e {
            // A word of transparent characters only (marks with no base letter): no name
            // starts after them in this word. What follows is not a word character, and
            // a name that begins there is walked from there, as its own start.
            return readings;
        }
        if p0 != w && heads.may_be_head(&b[p0..e]) {
            self.read_word(t, (w, p0, 0, false), e, &mut readings);
        }
        const LAM: &[u8] = "ل".as_bytes();
        let mut at = p0;
        let mut clitics = Proclitics::NONE;
        loop {
            // `at < e`: the proclitic letters are two-byte characters of the word.
            let c = match b.get(at..at + 2) {
                Some(&[x @ 0xC0..=0xDF, y]) => (u32::from(x & 0x1F) << 6) | u32::from(y & 0x3F),
                _ => return readings,
            };
            let Some(next) = char::from_u32(c).and_then(|c| clitics.then(c)) else {
                return readings;
            };
            clitics = next;
            at = text::skip_transparent_to(classes, t, at + 2, e);
            if at >= e {
                return readings;
            }
            let count = clitics.count();
            if heads.may_be_head(&b[at..e]) {
                self.read_word(t, (w, at, count, false), e, &mut readings);
            }
            if clitics.elides_article()
                && b[at..].starts_with(LAM)
                && heads.may_be_elided_head(&b[at..e])
            {
                self.read_word(t, (w, at, count, true), e, &mut readings);
            }
            if !clitics.can_continue() {
                return readings;
            }
        }
    }

    /// The reading `reader` = (word start, name start, clitics, elided) of the word that
    /// ends at `e`, if some name continues to the word's end: the node after it, from the
    /// root or, for an elided article, from the alef node (none without one).
    fn read_word(
        &self,
        t: &str,
        (w, start, clitics, elided): (usize, usize, u8, bool),
        e: usize,
        readings: &mut Readings,
    ) {
        let i_ = &*self.inner;
        let from = if elided {
            match i_.alef {
                Some(alef) => alef,
                None => return,
            }
        } else {
            Names::ROOT
        };
        let trie = i_.names.trie();
        let Some(node) = trie.walk(from, &t.as_bytes()[start..e]) else {
            return;
        };
        let Some(h) = trie.header(node) else {
            return;
        };
        // At `e` the word ends: the next character is no word character, so a name
        // ending here may be recorded if it may follow these proclitics.
        let name = trie
            .name(node, h)
            .filter(|&pid| clitics == 0 || i_.pattern(pid).word_first);
        let goes_on = Trie::goes_on(h);
        if name.is_none() && !goes_on {
            // Nothing to record, nowhere to go.
            return;
        }
        readings.push(Reading {
            node,
            name,
            start: start - w,
            clitics,
            elided,
            goes_on,
        });
    }

    /// A walk from the names' root at `start` (not a word character), if the first-bytes
    /// filter lets a name begin there.
    pub(crate) fn walk_from_root(
        &self,
        t: &str,
        word_start: usize,
        start: usize,
        clitics: u8,
        out: &mut Vec<Candidate>,
    ) {
        if self.inner.prefixes.may_start(t.as_bytes(), start) {
            self.walk(t, word_start, start, clitics, Names::ROOT, false, out);
        }
    }

    /// The readings [`candidates`](Self::candidates) must find, by the definition: every
    /// walk at every place, no filter, one character at a time.
    #[cfg(test)]
    pub(crate) fn candidates_reference(&self, t: &str, out: &mut Vec<Candidate>) {
        let b = t.as_bytes();
        let mut i = 0;
        let mut prev_word = false;
        while i < b.len() {
            let (c, len) = text::decode(t, i);
            let word = is_word_char(c);
            if word {
                if !prev_word {
                    self.word_start_reference(t, i, out);
                }
            } else if len == 1 && b[i].is_ascii_whitespace() || c.is_whitespace() {
                // nothing starts here
            } else {
                self.walk_bytewise(t, i, i, 0, Names::ROOT, false, out);
            }
            prev_word = word;
            i += len;
        }
    }

    #[cfg(test)]
    pub(crate) fn word_start_reference(&self, t: &str, w: usize, out: &mut Vec<Candidate>) {
        let b = t.as_bytes();
        self.walk_bytewise(t, w, w, 0, Names::ROOT, false, out);
        let p0 = text::skip_transparent(t, w);
        if p0 != w && p0 < b.len() && is_word_char(text::decode(t, p0).0) {
            self.walk_bytewise(t, w, p0, 0, Names::ROOT, false, out);
        }
        let mut at = p0;
        for count in 1..=2u8 {
            if at >= b.len() {
                return;
            }
            let (c, len) = text::decode(t, at);
            // The grammar written out, independently of `Proclitics`: a conjunction or a
            // preposition first, a preposition second.
            let allowed = if count == 1 {
                text::is_conjunction(c) || text::is_preposition(c)
            } else {
                text::is_preposition(c)
            };
            if !allowed {
                return;
            }
            at = text::skip_transparent(t, at + len);
            if at >= b.len() || !is_word_char(text::decode(t, at).0) {
                return;
            }
            self.walk_bytewise(t, w, at, count, Names::ROOT, false, out);
            if c == 'ل' && t[at..].starts_with('ل') {
                if let Some(alef) = self.inner.alef {
                    self.walk_bytewise(t, w, at, count, alef, true, out);
                }
            }
            if count == 1 && !text::is_conjunction(c) {
                return;
            }
        }
    }

    /// Every reading of normalized text `t`, sorted, by the filtered search and by the
    /// reference (for tests).
    #[cfg(test)]
    pub(crate) fn both_candidates(&self, t: &str) -> (Vec<Candidate>, Vec<Candidate>) {
        let (mut fast, mut slow) = (Vec::new(), Vec::new());
        self.candidates(t, &mut fast);
        self.candidates_reference(t, &mut slow);
        // The search's own sort on its readings, a whole sort on the reference's.
        sort_candidates(&mut fast);
        slow.sort_unstable();
        (fast, slow)
    }

    /// The walk by its definition, for the reference: one byte (or one whitespace run, or
    /// one dash as a hyphen) a step through [`Trie::child`](crate::names::Trie::child),
    /// tails included.
    #[cfg(test)]
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn walk_bytewise(
        &self,
        t: &str,
        word_start: usize,
        start: usize,
        clitics: u8,
        mut node: Node,
        elided: bool,
        out: &mut Vec<Candidate>,
    ) {
        let i_ = &*self.inner;
        let trie = i_.names.trie();
        let b = t.as_bytes();
        let mut i = start;
        while i < b.len() {
            let sl = space_len(t, b, i);
            // (A byte at a time: `i` may be inside a character.)
            let dash = [
                '\u{2010}', '\u{2011}', '\u{2012}', '\u{2013}', '\u{2014}', '\u{2015}', '\u{2212}',
                '\u{FE58}', '\u{FE63}', '\u{FF0D}',
            ]
            .iter()
            .any(|d| b[i..].starts_with(d.encode_utf8(&mut [0; 4]).as_bytes()));
            let step = if sl > 0 {
                b' '
            } else if dash {
                b'-'
            } else {
                b[i]
            };
            match trie.child(node, step) {
                Some(n) => node = n,
                None => return,
            }
            i += if dash { 3 } else { sl.max(1) };
            while sl > 0 && i < b.len() && space_len(t, b, i) > 0 {
                i += space_len(t, b, i);
            }
            if let Some(pid) = trie.pattern(node) {
                let p = i_.pattern(pid);
                let ends_word = !p.word_last || i >= b.len() || !is_word_char(text::decode(t, i).0);
                if ends_word && (p.word_first || clitics == 0) {
                    out.push(Candidate::new((word_start, start, clitics, elided), pid, i));
                }
            }
        }
    }

    /// Walks the names from `node` along `t[start..]` (a whitespace run counts as one
    /// space), recording every name that ends at a word end.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn walk(
        &self,
        t: &str,
        word_start: usize,
        start: usize,
        clitics: u8,
        node: Node,
        elided: bool,
        out: &mut Vec<Candidate>,
    ) {
        let reader = (word_start, start, clitics, elided);
        if node == Names::ROOT {
            // The first character in one step when it is of two bytes (no whitespace
            // character of two bytes begins a name, so none needs the step of a space).
            if let Some(after) = self.inner.names.after_first_char(t.as_bytes(), start) {
                if let Some(after) = after {
                    self.walk_loop(t, reader, after, start + 2, true, out);
                }
                return;
            }
        }
        self.walk_loop(t, reader, node, start, false, out);
    }

    /// The walk from `node` at `i` on; `arrived`: the walk stepped to `node` (so a name
    /// ending there counts), rather than starting there.
    #[inline(always)]
    fn walk_loop(
        &self,
        t: &str,
        reader: (usize, usize, u8, bool),
        mut node: Node,
        mut i: usize,
        arrived: bool,
        out: &mut Vec<Candidate>,
    ) {
        let trie = self.inner.names.trie();
        let b = t.as_bytes();
        // Each node's header is read once, where the walk arrives.
        let Some(mut h) = trie.header(node) else {
            return;
        };
        if arrived {
            if let Some(pid) = trie.name(node, h) {
                self.record(t, pid, i, reader, out);
            }
        }
        while i < b.len() {
            if Trie::is_tail(h) {
                let Some((tail, after)) = trie.tail(node, h) else {
                    return;
                };
                // A tail: its bytes one for one, a space in it against a whitespace run.
                // No name ends inside a tail, so nothing is recorded until its end.
                for &c in tail {
                    if i >= b.len() {
                        return;
                    }
                    if c == b' ' {
                        let sl = space_len(t, b, i);
                        if sl == 0 {
                            return;
                        }
                        i = skip_spaces(t, b, i + sl);
                    } else if b[i] == c {
                        i += 1;
                    } else if c == b'-' && text::dash_len(b, i) > 0 {
                        i += 3;
                    } else {
                        return;
                    }
                }
                node = after;
            } else {
                // Only these bytes can begin a whitespace character or a dash.
                let (step, next) = if matches!(b[i], b' ' | b'\t'..=b'\r' | 0xC2 | 0xE1..=0xE3 | 0xEF)
                {
                    special_step(t, b, i)
                } else {
                    (b[i], i + 1)
                };
                match trie.branch(node, h, step) {
                    Some(n) => node = n,
                    None => return,
                }
                i = next;
            }
            h = match trie.header(node) {
                Some(h) => h,
                None => return,
            };
            if let Some(pid) = trie.name(node, h) {
                self.record(t, pid, i, reader, out);
            }
        }
    }

    /// Records the reading of name `pid` that a walk found (the text read up to `i`), if
    /// the name may end at `i` and begin after these proclitics.
    #[inline(always)]
    fn record(
        &self,
        t: &str,
        pid: u32,
        i: usize,
        reader: (usize, usize, u8, bool),
        out: &mut Vec<Candidate>,
    ) {
        let i_ = &*self.inner;
        let b = t.as_bytes();
        let p = i_.pattern(pid);
        let ends_word = !p.word_last || i >= b.len() || !is_word_char(text::decode(t, i).0);
        let starts_ok = p.word_first || reader.2 == 0;
        if ends_word && starts_ok {
            out.push(Candidate::new(reader, pid, i));
        }
    }

    pub(crate) fn search<'g, 't>(&'g self, text: &'t str, overlapping: bool) -> Matches<'g, 't> {
        let i = &*self.inner;
        let mut found = Vec::new();
        if i.pattern_count > 0 && !text.is_empty() {
            let (norm, alignment) = i.normalizer.normalize_aligned(text);
            let classes = text::classes();
            // Room for a reading every 32 bytes (a dense gazetteer finds one about every
            // 16 in news), so that most texts need at most one growth.
            let mut cands = Vec::with_capacity(norm.len() / 32);
            self.candidates(&norm, &mut cands);
            sort_candidates(&mut cands);
            found.reserve(cands.len());
            // Readings come in order of their start: each offset is looked for from the last.
            let mut alignment = alignment.cursor();
            let (mut last_end, mut last_original_end) = (0, 0);
            for c in cands {
                if !overlapping && c.word_start < last_end {
                    continue;
                }
                let mut span = alignment.original_range(c.word_start..c.end());
                let floor = if overlapping {
                    0
                } else {
                    // Apart in the normalized text is not enough: two readings can still
                    // share a stretch of the original that normalization changed as one
                    // piece (a compatibility character decomposed between neighbours).
                    if span.start < last_original_end {
                        continue;
                    }
                    last_original_end
                };
                let aligned_name = if c.clitics == 0 {
                    span.start
                } else {
                    alignment.original_offset(c.name_start)
                };
                if c.end() > 0 && text::class_before(classes, &norm, c.end()).0 >= text::WORD {
                    // The reading ends at its word's end in the original too.
                    span.end = text::word_end_at(text, span.start, span.end);
                }
                if text::starts_word(classes, &norm, c.word_start) {
                    // The reading starts at its word's start in the original too.
                    span.start =
                        text::word_start_at(text, span.start, aligned_name, span.end).max(floor);
                }
                if !overlapping {
                    (last_end, last_original_end) = (c.end(), span.end);
                }
                // Without proclitics the name starts where the word does, marks with no
                // base letter before its first letter included.
                let name_start = if c.clitics == 0 {
                    span.start
                } else {
                    // Past the clitic letters in the original, or where the alignment
                    // puts the name, whichever is later: the alignment is exact unless
                    // the normalizer changed clitic and name as one piece (then it puts
                    // the name at the piece's start), and a letter the normalizer drops
                    // between them is not counted as a clitic.
                    text::clitics_end(text, span.start, c.clitics, span.end)
                        .max(aligned_name)
                        .clamp(span.start, span.end)
                };
                let p = i.pattern(c.pattern);
                for target in p.start..p.end {
                    if i.target(target).entry as usize >= i.entry_count {
                        // Only a forged index has a target past the entries.
                        continue;
                    }
                    found.push(Found {
                        start: span.start,
                        end: span.end,
                        name_start,
                        target,
                    });
                }
            }
        }
        Matches {
            gazetteer: i,
            haystack: text,
            found: found.into_iter(),
        }
    }
}

/// Sorts the readings [`Gazetteer::candidates`] found. It finds them word start by word
/// start, left to right, so only the readings of one word start (a few) need sorting
/// among themselves; anything else is sorted whole.
pub(crate) fn sort_candidates(cands: &mut [Candidate]) {
    if !cands.is_sorted_by_key(|c| c.word_start) {
        cands.sort_unstable();
        return;
    }
    for group in cands.chunk_by_mut(|a, b| a.word_start == b.word_start) {
        if group.len() > 1 {
            group.sort_unstable();
        }
    }
}

/// The byte a walk steps with at `b[i]`, a byte that may begin whitespace or a dash, and
/// where the text goes on: a space for a whitespace run (past the run), a hyphen for a
/// dash, else the byte itself.
#[inline]
fn special_step(t: &str, b: &[u8], i: usize) -> (u8, usize) {
    let sl = space_len(t, b, i);
    if sl > 0 {
        return (b' ', skip_spaces(t, b, i + sl));
    }
    match text::dash_len(b, i) {
        0 => (b[i], i + 1),
        dl => (b'-', i + dl),
    }
}

/// Past the whitespace run of `t` at `i` (if any).
#[inline]
fn skip_spaces(t: &str, b: &[u8], mut i: usize) -> usize {
    while i < b.len() {
        let m = space_len(t, b, i);
        if m == 0 {
            break;
        }
        i += m;
    }
    i
}
