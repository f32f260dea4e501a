//! A small per-thread cache of what a word start reads: text repeats its words, and the
//! readings of a word start (after each proclitic sequence, through the heads filter,
//! along the word's bytes through the trie's widest and, for a large gazetteer, coldest
//! levels) depend on the word's bytes alone.
//!
//! A word's [`Readings`] are the walks from its start that some name continues past the
//! word's end: where the name starts in the word, with how many proclitics, whether the
//! article is elided, the trie node after the word, the name that ends there (if it may
//! be recorded) and whether any name goes on past it. Exact: inside a word (a run of word
//! and transparent characters) no reading can end, since a name that ends there is
//! followed by a word character; and at the word's end the next character is no word
//! character, so whether a name may end there is known from the word alone.
//!
//! Four-way set-associative: a set of four slots per hash of the word, the least
//! recently used of them replaced on a miss, so a lookup costs one hash and at most four
//! comparisons of one cache line each whatever the text (crafted collisions only make
//! misses, which read the word as without the cache), and the memory is fixed: 8192
//! slots of 64 bytes, 512 KiB for each thread that searches (half as many sets made
//! matching news 3–4 % slower with the default list and with 10 million names, a
//! quarter about 15 %: BENCHMARKS.md, issue 18). The cache is borrowed once a search, not once a
//! word ([`with_cache`]). A slot names the gazetteer
//! it belongs to by a number no other gazetteer of the process gets. A slot holds the
//! word in three words of eight bytes, so that a lookup compares at most three numbers
//! (words of up to 24 bytes, 12 Arabic letters: 99.95 % of the corpus's words), and up
//! to three readings (a word start with more is read every time).

use std::cell::RefCell;
use std::sync::atomic::{AtomicU32, Ordering};

use nass_core::hash::{load_le, mix};

use crate::names::Node;

/// Sets per thread (a power of two).
const SETS: usize = 2048;
/// Slots per set.
const WAYS: usize = 4;
/// Longer words are not cached.
const MAX_WORD: usize = 24;
/// Words with more readings are not cached (a word start has at most
/// [`MAX_READINGS`]; nearly all have at most two).
const CACHED_READINGS: usize = 3;
/// The most readings a word start can have: the word itself, past its leading
/// transparent characters, and after one or two proclitics, each also with an elided
/// article.
pub(crate) const MAX_READINGS: usize = 6;
const SEED: u64 = 0x452821E638D01377;

/// A number for a new gazetteer: never 0, the empty slot's; 0 once the numbers run out
/// (a gazetteer numbered 0 is never cached).
pub(crate) fn new_owner() -> u32 {
    static NEXT: AtomicU32 = AtomicU32::new(1);
    NEXT.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| n.checked_add(1))
        .unwrap_or(0)
}

/// One reading of a word start that some name continues to the word's end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Reading {
    /// The trie node after the word's bytes.
    pub(crate) node: Node,
    /// The name that ends at `node` and may be recorded for this reading.
    pub(crate) name: Option<u32>,
    /// Where the name starts, in bytes from the word's start.
    pub(crate) start: usize,
    /// How many proclitics come before it.
    pub(crate) clitics: u8,
    /// Whether the name's article is elided after ل.
    pub(crate) elided: bool,
    /// Whether some name goes on past `node`.
    pub(crate) goes_on: bool,
}

/// The readings of a word start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Readings {
    len: u8,
    items: [Reading; MAX_READINGS],
}

const NO_READING: Reading = Reading {
    node: crate::names::Names::ROOT,
    name: None,
    start: 0,
    clitics: 0,
    elided: false,
    goes_on: false,
};

impl Readings {
    pub(crate) const NONE: Readings = Readings {
        len: 0,
        items: [NO_READING; MAX_READINGS],
    };

    /// Adds a reading (at most [`MAX_READINGS`]; a word start has no more).
    #[inline]
    pub(crate) fn push(&mut self, r: Reading) {
        if let Some(slot) = self.items.get_mut(usize::from(self.len)) {
            *slot = r;
            self.len += 1;
        }
    }

    /// The readings, in the order they were added.
    #[inline]
    pub(crate) fn as_slice(&self) -> &[Reading] {
        &self.items[..usize::from(self.len)]
    }
}

/// Bits of a reading's small fields in [`Cached::small`]: the node's tail position (8),
/// the name's start in the word (5), the proclitics (2), elided, goes on, has a name.
const SMALL_BITS: u32 = 18;

/// The readings of a word as its slot keeps them (what [`lookup`] returns): 36 bytes.
#[derive(Clone, Copy)]
pub(crate) struct Cached {
    n: u8,
    at: [u32; CACHED_READINGS],
    name: [u32; CACHED_READINGS],
    small: u64,
}

impl Cached {
    const EMPTY: Cached = Cached {
        n: 0,
        at: [0; CACHED_READINGS],
        name: [0; CACHED_READINGS],
        small: 0,
    };

    /// The cached form of `readings`, if they fit.
    fn of(readings: &Readings) -> Option<Cached> {
        let rs = readings.as_slice();
        if rs.len() > CACHED_READINGS {
            return None;
        }
        let mut c = Cached::EMPTY;
        c.n = rs.len() as u8;
        for (j, r) in rs.iter().enumerate() {
            let (at, k) = r.node.parts();
            if k > 0xFF || r.start > 0x1F || r.clitics > 3 {
                return None;
            }
            c.at[j] = at;
            c.name[j] = r.name.unwrap_or(0);
            let small = u64::from(k)
                | (r.start as u64) << 8
                | u64::from(r.clitics) << 13
                | u64::from(r.elided) << 15
                | u64::from(r.goes_on) << 16
                | u64::from(r.name.is_some()) << 17;
            c.small |= small << (SMALL_BITS * j as u32);
        }
        Some(c)
    }

    /// The readings, in the order they were found.
    #[inline]
    pub(crate) fn iter(&self) -> impl Iterator<Item = Reading> + '_ {
        (0..usize::from(self.n)).map(|j| {
            let small = self.small >> (SMALL_BITS * j as u32);
            Reading {
                node: Node::from_parts(self.at[j], (small & 0xFF) as u32),
                name: (small >> 17 & 1 == 1).then_some(self.name[j]),
                start: (small >> 8 & 0x1F) as usize,
                clitics: (small >> 13 & 3) as u8,
                elided: small >> 15 & 1 == 1,
                goes_on: small >> 16 & 1 == 1,
            }
        })
    }
}

/// One cached word: 64 bytes, a cache line.
#[derive(Clone, Copy)]
#[repr(C, align(64))]
struct Slot {
    /// The word's bytes, eight to a number (little-endian), zero after its end.
    word: [u64; 3],
    owner: u32,
    len: u8,
    readings: Cached,
}

const EMPTY: Slot = Slot {
    word: [0; 3],
    owner: 0,
    len: 0,
    readings: Cached::EMPTY,
};

/// The key of a word: its bytes as [`Slot::word`] keeps them.
#[derive(Clone, Copy)]
struct Key {
    word: [u64; 3],
    len: u8,
}

impl Key {
    /// The key of `b[w..e]`, if it is short enough to cache.
    #[inline(always)]
    fn of(b: &[u8], w: usize, e: usize) -> Option<Key> {
        let len = e.checked_sub(w).filter(|&n| n <= MAX_WORD)?;
        let word = [chunk(b, w, e), chunk(b, w + 8, e), chunk(b, w + 16, e)];
        Some(Key {
            word,
            len: len as u8,
        })
    }
}

/// The bytes of `b[at..end]`, at most eight, as a little-endian number, zero after the
/// end: one load of eight bytes when the text has them.
#[inline(always)]
fn chunk(b: &[u8], at: usize, end: usize) -> u64 {
    let n = end.saturating_sub(at).min(8);
    if n == 0 {
        return 0;
    }
    let mask = if n == 8 { u64::MAX } else { (1 << (8 * n)) - 1 };
    match b.get(at..at + 8) {
        Some(x) => u64::from_le_bytes(x.try_into().unwrap_or([0; 8])) & mask,
        None => load_le(&b[at..at + n]),
    }
}

/// The first slot of the set for `key`.
#[inline(always)]
fn set_of(key: &Key) -> usize {
    let h = mix(
        key.word[0] ^ SEED ^ u64::from(key.len) << 56,
        mix(key.word[1], key.word[2]),
    );
    // The top bits are the best mixed.
    WAYS * (h >> (64 - SETS.trailing_zeros())) as usize
}

thread_local! {
    static CACHE: RefCell<Vec<Slot>> = const { RefCell::new(Vec::new()) };
}

/// This thread's word cache, borrowed for one search by one gazetteer.
pub(crate) struct Cache<'a> {
    owner: u32,
    /// Empty when the gazetteer is not cached (or the cache is in use further up this
    /// thread's stack, which the search never does).
    slots: &'a mut [Slot],
}

/// Runs `f` with this thread's word cache for gazetteer `owner` (0: no cache).
pub(crate) fn with_cache<R>(owner: u32, f: impl FnOnce(&mut Cache<'_>) -> R) -> R {
    CACHE.with(|cache| {
        let mut borrowed = if owner == 0 {
            None
        } else {
            cache.try_borrow_mut().ok()
        };
        let slots: &mut [Slot] = match borrowed.as_deref_mut() {
            Some(slots) => {
                if slots.is_empty() {
                    slots.resize(WAYS * SETS, EMPTY);
                }
                slots
            }
            None => &mut [],
        };
        f(&mut Cache { owner, slots })
    })
}

impl Cache<'_> {
    /// The readings of the word start `b[w..e]` (a whole word, proclitics included), if
    /// the cache has them: [`store`](Self::store)d since by the same gazetteer for the
    /// same word, and not replaced by others.
    #[inline]
    pub(crate) fn lookup(&mut self, b: &[u8], w: usize, e: usize) -> Option<Cached> {
        if self.slots.is_empty() {
            return None;
        }
        let key = Key::of(b, w, e)?;
        let at = set_of(&key);
        // A set's slots from the most recently used to the least.
        let set = self.slots.get_mut(at..at + WAYS)?;
        let owner = self.owner;
        let k = set
            .iter()
            .position(|s| s.word == key.word && s.owner == owner && s.len == key.len)?;
        if k > 0 {
            set[..=k].rotate_right(1);
        }
        Some(set[0].readings)
    }

    /// Keeps `readings`, the readings of the word start `b[w..e]` (as the search finds
    /// them), in place of the least recently used word of its set, if they fit in a
    /// slot.
    pub(crate) fn store(&mut self, b: &[u8], w: usize, e: usize, readings: &Readings) {
        if self.slots.is_empty() {
            return;
        }
        let (Some(key), Some(cached)) = (Key::of(b, w, e), Cached::of(readings)) else {
            return;
        };
        let at = set_of(&key);
        let Some(set) = self.slots.get_mut(at..at + WAYS) else {
            return;
        };
        set.rotate_right(1);
        set[0] = Slot {
            word: key.word,
            owner: self.owner,
            len: key.len,
            readings: cached,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::{new_owner, with_cache, Reading, Readings, MAX_READINGS, MAX_WORD, SETS};
    use crate::names::Node;
    use proptest::prelude::*;

    /// Readings that depend on everything the cache must tell apart, with every field
    /// and every count of readings (some too many to cache, some with fields too large
    /// for a slot).
    fn answer(owner: u32, word: &[u8]) -> Readings {
        let sum = word.iter().map(|&b| u32::from(b)).sum::<u32>() + owner * 7 + word.len() as u32;
        let mut r = Readings::NONE;
        for k in 0..(sum as usize % (MAX_READINGS + 1)) {
            let k = k as u32;
            r.push(Reading {
                node: Node::from_parts(sum + k, (sum + k) % 300),
                name: (sum % 3 != 0).then_some(sum ^ k),
                start: (sum + k) as usize % 40,
                clitics: ((sum + k) % 3) as u8,
                elided: (sum + k) % 2 == 1,
                goes_on: (sum / 2 + k) % 2 == 1,
            });
        }
        r
    }

    /// The readings of `text[w..e]` as the search gets them: from the cache, else read
    /// and stored.
    fn readings(
        owner: u32,
        text: &[u8],
        w: usize,
        e: usize,
        read: impl FnOnce() -> Readings,
    ) -> Readings {
        with_cache(owner, |cache| {
            if let Some(cached) = cache.lookup(text, w, e) {
                let mut r = Readings::NONE;
                cached.iter().for_each(|x| r.push(x));
                return r;
            }
            let r = read();
            cache.store(text, w, e, &r);
            r
        })
    }

    fn cached(owner: u32, text: &[u8], w: usize, e: usize) -> bool {
        with_cache(owner, |cache| cache.lookup(text, w, e).is_some())
    }

    proptest! {
        /// Whatever the order of lookups and gazetteers, wherever the word is in its
        /// text (at its end or not, with any bytes after it), and however the slots
        /// collide, the cache answers what reading the word answers.
        #[test]
        fn the_cache_answers_what_reading_answers(
            calls in proptest::collection::vec(
                (
                    0usize..3,
                    proptest::collection::vec(prop_oneof![Just(0u8), b'a'..b'e', Just(0xD8)], 0..30),
                    proptest::collection::vec(any::<u8>(), 0..10),
                ),
                1..400,
            )
        ) {
            let owners = [new_owner(), new_owner(), new_owner()];
            for (o, word, after) in calls {
                let owner = owners[o];
                let text: Vec<u8> = [&b"xy"[..], &word, &after].concat();
                let got = readings(owner, &text, 2, 2 + word.len(), || answer(owner, &word));
                prop_assert_eq!(got, answer(owner, &word));
            }
        }
    }

    #[test]
    fn a_repeated_word_is_read_once_and_a_long_one_every_time() {
        let owner = new_owner();
        let mut reads = 0;
        for _ in 0..3 {
            readings(owner, b"word", 0, 4, || {
                reads += 1;
                Readings::NONE
            });
        }
        assert_eq!(reads, 1);
        // The same bytes followed by others, and a word that only differs after them.
        assert!(cached(owner, b"word word", 0, 4));
        assert!(!cached(owner, b"word", 0, 3));
        assert!(!cached(owner, b"words", 0, 5));
        let long = [b'x'; MAX_WORD + 1];
        for _ in 0..3 {
            readings(owner, &long, 0, long.len(), || {
                reads += 1;
                Readings::NONE
            });
        }
        assert_eq!(reads, 4);
        // More distinct words than slots: answers stay right (checked above), and the
        // memory stays the slots'.
        for k in 0..8 * SETS {
            let w = k.to_le_bytes();
            assert_eq!(
                readings(owner, &w, 0, w.len(), || answer(owner, &w)),
                answer(owner, &w)
            );
        }
        // A gazetteer numbered 0 (the numbers ran out) is never cached.
        let mut reads = 0;
        for _ in 0..2 {
            readings(0, b"word", 0, 4, || {
                reads += 1;
                Readings::NONE
            });
        }
        assert_eq!(reads, 2);
    }
}
