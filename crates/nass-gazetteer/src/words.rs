//! A small per-thread cache of where the trie goes along a word's bytes: text repeats
//! its words, and a walk from a word start spends most of its steps inside the first
//! word, through the trie's widest and, for a large gazetteer, coldest levels.
//!
//! Direct-mapped: a slot per hash of the word, overwritten on a miss, so a lookup costs
//! one hash and one comparison whatever the text (crafted collisions only make misses,
//! which walk the trie as without the cache), and the memory is fixed: 4096 slots of 56
//! bytes, 224 KiB for each thread that searches. A slot names the gazetteer it belongs to
//! by a number no other gazetteer of the process gets.
//!
//! Exact: inside a word (a run of word and transparent characters) no reading can end,
//! since a name that ends there is followed by a word character, so a walk over a word
//! only needs the node it reaches at the word's end.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

use nass_core::hash::hash_bytes;

use crate::names::Node;

/// Slots per thread.
const SLOTS: usize = 4096;
/// Longer words are not cached.
const MAX_WORD: usize = 32;
const SEED: u64 = 0x452821E638D01377;

/// A number for a new gazetteer (never 0, the empty slot's).
pub(crate) fn new_owner() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

#[derive(Clone, Copy)]
struct Slot {
    owner: u64,
    elided: bool,
    len: u8,
    bytes: [u8; MAX_WORD],
    node: Option<Node>,
}

const EMPTY: Slot = Slot {
    owner: 0,
    elided: false,
    len: 0,
    bytes: [0; MAX_WORD],
    node: None,
};

thread_local! {
    static CACHE: RefCell<Vec<Slot>> = const { RefCell::new(Vec::new()) };
}

/// The node after `word` (from the root, or from the alef of an elided article), as
/// `walk` finds it: from this thread's cache when the same gazetteer walked the same
/// bytes before.
#[inline]
pub(crate) fn after_word(
    owner: u64,
    elided: bool,
    word: &[u8],
    walk: impl FnOnce() -> Option<Node>,
) -> Option<Node> {
    if word.len() > MAX_WORD {
        return walk();
    }
    let i = hash_bytes(SEED ^ u64::from(elided), word) as usize % SLOTS;
    CACHE.with(|cache| {
        let Ok(mut cache) = cache.try_borrow_mut() else {
            return walk();
        };
        if cache.is_empty() {
            cache.resize(SLOTS, EMPTY);
        }
        let slot = &mut cache[i];
        if slot.owner == owner
            && slot.elided == elided
            && usize::from(slot.len) == word.len()
            && &slot.bytes[..word.len()] == word
        {
            return slot.node;
        }
        let node = walk();
        slot.owner = owner;
        slot.elided = elided;
        slot.len = word.len() as u8;
        slot.bytes[..word.len()].copy_from_slice(word);
        slot.node = node;
        node
    })
}

#[cfg(test)]
mod tests {
    use super::{after_word, new_owner, MAX_WORD, SLOTS};
    use crate::names::{Names, Node};
    use proptest::prelude::*;

    /// A walk whose answer depends on everything the cache must tell apart.
    fn answer(owner: u64, elided: bool, word: &[u8]) -> Option<Node> {
        let odd = word.iter().map(|&b| u64::from(b)).sum::<u64>() + owner + u64::from(elided);
        (odd % 2 == 1).then_some(Names::ROOT)
    }

    proptest! {
        /// Whatever the order of lookups, of gazetteers and of readings, and however the
        /// slots collide, the cache answers what the walk answers.
        #[test]
        fn the_cache_answers_what_the_walk_answers(
            calls in proptest::collection::vec(
                (0usize..3, any::<bool>(), proptest::collection::vec(b'a'..b'e', 0..40)),
                1..400,
            )
        ) {
            let owners = [new_owner(), new_owner(), new_owner()];
            for (o, elided, word) in calls {
                let owner = owners[o];
                let got = after_word(owner, elided, &word, || answer(owner, elided, &word));
                prop_assert_eq!(got, answer(owner, elided, &word));
            }
        }
    }

    #[test]
    fn a_repeated_word_is_walked_once_and_a_long_one_every_time() {
        let owner = new_owner();
        let mut walks = 0;
        for _ in 0..3 {
            after_word(owner, false, b"word", || {
                walks += 1;
                None
            });
        }
        assert_eq!(walks, 1);
        let long = [b'x'; MAX_WORD + 1];
        for _ in 0..3 {
            after_word(owner, false, &long, || {
                walks += 1;
                None
            });
        }
        assert_eq!(walks, 4);
        // More distinct words than slots: answers stay right (checked above), and the
        // memory stays the slots'.
        for k in 0..2 * SLOTS {
            let w = k.to_le_bytes();
            assert_eq!(after_word(owner, true, &w, || None), None);
        }
    }
}
