//! The workspace's type guards (see `tests/tests/guards.rs`) for this crate's types.

use std::panic::{RefUnwindSafe, UnwindSafe};

use nass_tantivy::{NassTokenStream, NassTokenizer};

fn guarded<T: Send + Sync + UnwindSafe + RefUnwindSafe>() {}

fn guarded_but_borrowed_mutably<T: Send + Sync + RefUnwindSafe>() {}

#[test]
fn tantivy_types() {
    guarded::<NassTokenizer>();
    // A stream holds the `&mut Token` tantivy hands it, and `&mut T` is never
    // `UnwindSafe`.
    guarded_but_borrowed_mutably::<NassTokenStream<'static>>();
}
