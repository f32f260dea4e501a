//! How batch calls spread over threads.
//!
//! Threads are started for each batch call (scoped threads) and end with it: no pool
//! outlives a call, so nothing is left in a broken state in a child after `fork`. The
//! number of threads is `set_num_threads(n)` if called with n > 0, else the environment
//! variable `NASS_NUM_THREADS`, else the number of cores.

use std::sync::atomic::{AtomicUsize, Ordering};

use pyo3::prelude::*;

use crate::errors::value_error;

static NUM_THREADS: AtomicUsize = AtomicUsize::new(0);

/// Below this many bytes per thread, a batch is not worth splitting.
const MIN_BYTES_PER_THREAD: usize = 64 * 1024;

/// Sets how many threads batch calls use; 0 goes back to the default
/// (`NASS_NUM_THREADS`, else the number of cores).
///
/// >>> import nass
/// >>> nass.set_num_threads(2); nass.get_num_threads()
/// 2
/// >>> nass.set_num_threads(0)
#[pyfunction]
pub fn set_num_threads(n: i64) -> PyResult<()> {
    if n < 0 {
        return Err(value_error(format!(
            "the number of threads must be 0 (default) or more, not {n}"
        )));
    }
    NUM_THREADS.store(n as usize, Ordering::Relaxed);
    Ok(())
}

/// How many threads batch calls use.
///
/// >>> import nass
/// >>> nass.get_num_threads() >= 1
/// True
#[pyfunction]
pub fn get_num_threads() -> usize {
    threads()
}

/// The number of threads to use: the setting, the environment, or the cores.
pub fn threads() -> usize {
    let set = NUM_THREADS.load(Ordering::Relaxed);
    if set > 0 {
        return set;
    }
    if let Some(n) = std::env::var("NASS_NUM_THREADS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
    {
        return n;
    }
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// `f` applied to every item, in order, on up to [`threads`] threads; `weight` is an
/// item's size in bytes, used to cut the batch into pieces of about equal work.
pub fn map<T, R, F>(items: &[T], weight: impl Fn(&T) -> usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    let total: usize = items.iter().map(&weight).sum();
    let n = threads()
        .min(total / MIN_BYTES_PER_THREAD)
        .min(items.len())
        .max(1);
    if n == 1 {
        return items.iter().map(f).collect();
    }
    // Cut into n runs of items of about total / n bytes each.
    let mut cuts = vec![0];
    let share = total.div_ceil(n);
    let mut acc = 0;
    for (i, item) in items.iter().enumerate() {
        acc += weight(item);
        if acc >= share * cuts.len() && cuts.len() < n && i + 1 < items.len() {
            cuts.push(i + 1);
        }
    }
    cuts.push(items.len());
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = cuts
            .windows(2)
            .map(|w| {
                let run = &items[w[0]..w[1]];
                scope.spawn(move || run.iter().map(f).collect::<Vec<R>>())
            })
            .collect();
        let mut out = Vec::with_capacity(items.len());
        for h in handles {
            match h.join() {
                Ok(part) => out.extend(part),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        out
    })
}
