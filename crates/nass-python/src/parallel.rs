//! How batch calls spread over threads.
//!
//! Threads are started for each batch call (scoped threads) and end with it: no pool
//! outlives a call, so nothing is left in a broken state in a child after `fork`. The
//! number of threads is `set_num_threads(n)` if called with n > 0, else the environment
//! variable `NASS_NUM_THREADS`, else the number of cores.

use std::ops::Range;
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

/// The items `0..n` cut into consecutive runs of about equal weight (`weight(i)` is item
/// `i`'s size), one run per thread, up to [`threads`] of them; `f` is called once per run
/// (on its own thread when there are several) and the results come back in order.
pub fn runs<R, F>(n: usize, weight: impl Fn(usize) -> usize, f: F) -> Vec<R>
where
    R: Send,
    F: Fn(Range<usize>) -> R + Sync,
{
    let total: usize = (0..n).map(&weight).sum();
    let threads = threads().min(total / MIN_BYTES_PER_THREAD).min(n).max(1);
    if threads == 1 {
        return vec![f(0..n)];
    }
    // Cut into `threads` runs of about total / threads each.
    let mut cuts = vec![0];
    let share = total.div_ceil(threads);
    let mut acc = 0;
    for i in 0..n {
        acc += weight(i);
        if acc >= share * cuts.len() && cuts.len() < threads && i + 1 < n {
            cuts.push(i + 1);
        }
    }
    cuts.push(n);
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = cuts
            .windows(2)
            .map(|w| {
                let range = w[0]..w[1];
                scope.spawn(move || f(range))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| match h.join() {
                Ok(part) => part,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    })
}
