//! `nass normalize` and `nass digits`: the stream is cut where the normalizer allows,
//! pieces are normalized (in the reading thread, or by worker threads), and a thread of
//! its own writes the results in input order. Into a pipe, a write waits until the reader
//! at the other end has taken most of it; with the writing in its own thread, reading and
//! normalizing the next pieces go on meanwhile. (Writing from the reading thread, the
//! filter in a pipe took twice as long as with it; see BENCHMARKS.md.)
//!
//! Memory stays bounded: a few pieces per thread are in flight, and never more than
//! [`IN_FLIGHT`] bytes of them, whatever the number of threads (a worker may need several
//! times its piece while it normalizes it). Their buffers are used again rather than
//! freed: allocating a fresh buffer for every piece cost more in page faults than the
//! normalization itself.

use std::io::{self, Write};
use std::sync::{mpsc, Condvar, Mutex};

use nass::normalize::Normalizer;

use crate::args::InputArgs;
use crate::error::CliError;
use crate::stream::for_each_piece;

/// Pieces are gathered until they hold this many bytes before they go to a worker or
/// the writer: the pieces cut from valid text are larger, but under `--lossy` invalid
/// input makes tiny ones, and a hand-over and a write for each cost 150 times the time
/// (8 MB of random bytes took 37 s, and 0.2 s gathered).
const SMALL_WRITES: usize = 32 << 10;

/// The most input bytes that may be with the workers or waiting for the writer. The
/// normalizer may take several times a piece's size while it works on it (a long run of
/// combining marks goes through its reference path), so this bounds the memory of the
/// workers too; pieces are about 128 KiB, so it holds back no more than a few dozen.
const IN_FLIGHT: usize = 4 << 20;

/// Buffers larger than this are freed rather than kept for use again: a piece cut in a
/// long stretch with no safe cut point is rare, and a buffer kept at its size for every
/// piece after it would multiply the memory by the pieces in flight.
const SPARE_MAX: usize = 1 << 20;

/// Pieces to normalize, one after the other in one buffer, with where each ends; and
/// where to send the result.
type Job = (String, Vec<usize>, mpsc::SyncSender<String>);

/// A normalized piece for the writer: done, or still with a worker.
enum Output {
    Done(String),
    Pending(mpsc::Receiver<String>),
}

/// An output and the bytes of the [`Budget`] it holds.
type Sent = (Output, usize);

/// Buffers that were used and can be used again; never more than the pieces in flight
/// (each taken buffer goes back once its piece is done).
#[derive(Default)]
struct Spare(Mutex<Vec<String>>);

impl Spare {
    /// An empty buffer, used before if there is one.
    fn take(&self) -> String {
        let mut s = self
            .0
            .lock()
            .ok()
            .and_then(|mut v| v.pop())
            .unwrap_or_default();
        s.clear();
        s
    }

    fn give(&self, s: String) {
        if s.capacity() > SPARE_MAX {
            return;
        }
        if let Ok(mut v) = self.0.lock() {
            v.push(s);
        }
    }
}

/// The bytes that may be in flight: taken before a piece goes to a worker, given back
/// once the writer has written its result.
struct Budget {
    /// Bytes left, and whether the writer has stopped (then nothing waits any more).
    state: Mutex<(usize, bool)>,
    freed: Condvar,
}

impl Budget {
    fn new() -> Self {
        Budget {
            state: Mutex::new((IN_FLIGHT, false)),
            freed: Condvar::new(),
        }
    }

    /// Waits until `n` bytes (at most [`IN_FLIGHT`]) are free and takes them; returns how
    /// many were taken, to give back.
    fn take(&self, n: usize) -> usize {
        let n = n.min(IN_FLIGHT);
        let Ok(mut state) = self.state.lock() else {
            return 0;
        };
        while state.0 < n && !state.1 {
            state = match self.freed.wait(state) {
                Ok(state) => state,
                Err(_) => return 0,
            };
        }
        if state.1 {
            return 0;
        }
        state.0 -= n;
        n
    }

    fn give(&self, n: usize) {
        if let Ok(mut state) = self.state.lock() {
            state.0 += n;
        }
        self.freed.notify_all();
    }

    /// The writer has stopped: no one waits for it any more.
    fn close(&self) {
        if let Ok(mut state) = self.state.lock() {
            state.1 = true;
        }
        self.freed.notify_all();
    }
}

/// Closes the budget when the writer thread ends, however it ends.
struct CloseOnDrop<'a>(&'a Budget);

impl Drop for CloseOnDrop<'_> {
    fn drop(&mut self) {
        self.0.close();
    }
}

/// Streams the input through `normalizer` to what `open_output` returns (called in the
/// writer thread), with `threads` normalizing threads: 1 normalizes in the reading thread,
/// more start that many workers.
pub fn normalize_stream<W: Write>(
    normalizer: &Normalizer,
    input: &InputArgs,
    threads: usize,
    open_output: impl FnOnce() -> W + Send,
) -> Result<(), CliError> {
    let spare = Spare::default();
    let budget = Budget::new();
    // How many normalized pieces may wait for the writer.
    let (to_writer, outputs) = mpsc::sync_channel::<Sent>(2 * threads.max(1));
    std::thread::scope(|scope| {
        let (spare, budget) = (&spare, &budget);
        let writer = spawn(scope, move || -> io::Result<()> {
            let _close = CloseOnDrop(budget);
            let mut out = open_output();
            for (output, taken) in outputs {
                let normalized = match output {
                    Output::Done(s) => s,
                    Output::Pending(result) => result.recv().map_err(|_| {
                        io::Error::other("a worker thread stopped without its result")
                    })?,
                };
                out.write_all(normalized.as_bytes())?;
                budget.give(taken);
                spare.give(normalized);
            }
            out.flush()
        })?;
        let streamed = if threads <= 1 {
            // Small pieces (from short reads or small files) are normalized into the same
            // buffer, which goes to the writer once it holds `SMALL_WRITES` bytes.
            let mut normalized = spare.take();
            let streamed = for_each_piece(
                &input.files,
                input.options(),
                |text| normalizer.last_cut(text),
                |piece| {
                    normalizer.normalize_into(piece.text, &mut normalized);
                    if normalized.len() < SMALL_WRITES {
                        return Ok(());
                    }
                    let full = std::mem::replace(&mut normalized, spare.take());
                    send_done(full, budget, &to_writer)
                },
            );
            if normalized.is_empty() {
                streamed
            } else {
                send_done(normalized, budget, &to_writer).and(streamed)
            }
        } else {
            with_workers(normalizer, input, threads, spare, budget, &to_writer)
        };
        // Everything read before an input error is written before it is reported; a
        // write error (the writer stopped early) comes first.
        drop(to_writer);
        let written = writer
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("the writer thread panicked")));
        written.map_err(CliError::Write)?;
        streamed
    })
}

/// The pieces normalized by `threads` worker threads, sent to the writer in input order.
fn with_workers(
    normalizer: &Normalizer,
    input: &InputArgs,
    threads: usize,
    spare: &Spare,
    budget: &Budget,
    to_writer: &mpsc::SyncSender<Sent>,
) -> Result<(), CliError> {
    let (jobs, job_queue) = mpsc::sync_channel::<Job>(threads);
    let job_queue = Mutex::new(job_queue);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let job_queue = &job_queue;
            // If a worker cannot be started, the ones started stop once `jobs` is dropped.
            spawn(scope, move || loop {
                // A poisoned lock means another worker panicked: stop too.
                let job = match job_queue.lock() {
                    Ok(queue) => queue.recv(),
                    Err(_) => break,
                };
                let Ok((text, ends, done)) = job else { break };
                let mut normalized = spare.take();
                let mut start = 0;
                for end in ends {
                    normalizer.normalize_into(&text[start..end], &mut normalized);
                    start = end;
                }
                spare.give(text);
                if done.send(normalized).is_err() {
                    break;
                }
            })?;
        }
        // Hands the pieces gathered so far to a worker, and its result to the writer.
        let send = |text: String, ends: Vec<usize>| -> Result<(), CliError> {
            let taken = budget.take(text.len());
            let (done, result) = mpsc::sync_channel(1);
            jobs.send((text, ends, done)).map_err(|_| worker_failed())?;
            to_writer
                .send((Output::Pending(result), taken))
                .map_err(|_| writer_stopped())
        };
        // Small pieces (from short reads or small files) go to a worker together, once
        // they hold `SMALL_WRITES` bytes.
        let (mut text, mut ends) = (spare.take(), Vec::new());
        let streamed = for_each_piece(
            &input.files,
            input.options(),
            |text| normalizer.last_cut(text),
            |piece| {
                if piece.forced {
                    // Cut in a long stretch with no safe cut point (a run of combining
                    // marks), the normalizer may take several times its size: it is
                    // normalized here, so one thread at a time does that.
                    if !ends.is_empty() {
                        send(
                            std::mem::replace(&mut text, spare.take()),
                            std::mem::take(&mut ends),
                        )?;
                    }
                    let mut normalized = spare.take();
                    normalizer.normalize_into(piece.text, &mut normalized);
                    return send_done(normalized, budget, to_writer);
                }
                text.push_str(piece.text);
                ends.push(text.len());
                if text.len() < SMALL_WRITES {
                    return Ok(());
                }
                send(
                    std::mem::replace(&mut text, spare.take()),
                    std::mem::take(&mut ends),
                )
            },
        );
        let streamed = if ends.is_empty() {
            streamed
        } else {
            send(text, ends).and(streamed)
        };
        // No more jobs: the workers stop once the queue is empty.
        drop(jobs);
        streamed
    })
}

/// Starts a thread in `scope`; the system may refuse (too many threads, too little
/// memory), which is an error to report, not a reason to abort.
fn spawn<'scope, T: Send + 'scope>(
    scope: &'scope std::thread::Scope<'scope, '_>,
    f: impl FnOnce() -> T + Send + 'scope,
) -> Result<std::thread::ScopedJoinHandle<'scope, T>, CliError> {
    std::thread::Builder::new()
        .spawn_scoped(scope, f)
        .map_err(CliError::Spawn)
}

/// Sends a normalized piece to the writer, once the budget has room for it.
fn send_done(
    normalized: String,
    budget: &Budget,
    to_writer: &mpsc::SyncSender<Sent>,
) -> Result<(), CliError> {
    let taken = budget.take(normalized.len());
    to_writer
        .send((Output::Done(normalized), taken))
        .map_err(|_| writer_stopped())
}

fn writer_stopped() -> CliError {
    CliError::Write(io::Error::other("the writer thread stopped"))
}

fn worker_failed() -> CliError {
    CliError::Write(io::Error::other("a worker thread stopped unexpectedly"))
}
