//! The engine every filter runs on: the stream is cut where the filter allows, pieces
//! go through the filter (in the reading thread, or on worker threads), and a thread of
//! its own writes the results in input order, completing each with what only the pieces
//! before it decide (a running count, an open line: see [`Output`]). Into a pipe, a
//! write waits until the reader at the other end has taken most of it; with the writing
//! in its own thread, reading and working on the next pieces go on meanwhile. (Writing
//! from the reading thread, the normalizer in a pipe took twice as long as with it; see
//! BENCHMARKS.md.) The output is the same whatever the number of threads.
//!
//! Memory stays bounded: a few pieces per thread are in flight, and never more than
//! [`IN_FLIGHT`] bytes of them, whatever the number of threads (a worker may need several
//! times its piece while it works on it); a large output goes to the writer in parts
//! (see [`PART_SIZE`](crate::output::PART_SIZE)). Buffers are used again rather than freed: allocating a fresh
//! buffer for every piece cost more in page faults than the normalization itself.

use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::{mpsc, Condvar, Mutex};

use crate::error::CliError;
use crate::output::{Buffer, Carry, Output, Part};
use crate::stream::{for_each_piece, Batch, Piece, StreamOptions};

/// A filter, as the engine runs it.
pub trait Filter: Sync {
    /// What its output is written into.
    type Buf: Buffer;

    /// The largest offset at which `text` may be cut (0: none yet).
    fn cut(&self, text: &str) -> usize;

    /// Appends the output of `piece` to `out`. It may depend on the piece alone (and
    /// its offsets in the input): what depends on the pieces before goes through
    /// [`Output`]'s count and line helpers, which the writer completes, so that the output
    /// is the same whichever thread works on which pieces, together or apart.
    fn piece(&self, piece: &Piece<'_>, out: &mut Output<'_, Self::Buf>);

    /// What goes before the first byte of output, if there is any (a TSV header).
    fn header(&self) -> Option<Vec<u8>> {
        None
    }
}

/// Where and how a filter runs.
pub struct Run<'a> {
    /// The inputs, in order (none: standard input).
    pub files: &'a [PathBuf],
    /// How they are read.
    pub options: StreamOptions,
    /// 1 works in the reading thread; more start that many worker threads.
    pub threads: usize,
}

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

/// A piece larger than this is worked on in the reading thread, like a piece cut by
/// force: pieces are about the size of a read (128 KiB) unless the stream waited long for
/// a cut point, and a filter may need many times a piece's size while it works on it
/// (`nass dates` on a line of a mebibyte of digits took 60 MB with two workers at once,
/// 19 MB with one).
const LARGE_PIECE: usize = 512 << 10;

/// Buffers larger than this are freed rather than kept for use again: a piece cut in a
/// long stretch with no safe cut point is rare, and a buffer kept at its size for every
/// piece after it would multiply the memory by the pieces in flight.
const SPARE_MAX: usize = 1 << 20;

/// Pieces to work on, and where to send the result.
type Job<B> = (Batch, mpsc::SyncSender<Part<B>>);

/// An output for the writer: done, or still with a worker (which sends it in parts).
enum Pending<B> {
    Done(Part<B>),
    Worker(mpsc::Receiver<Part<B>>),
}

/// An output and the bytes of the [`Budget`] it holds.
type Sent<B> = (Pending<B>, usize);

/// Buffers that were used and can be used again; never more than the pieces in flight
/// (each taken buffer goes back once its piece is done).
struct Spare<B>(Mutex<Vec<B>>);

impl<B: Buffer> Spare<B> {
    fn new() -> Self {
        Spare(Mutex::new(Vec::new()))
    }

    /// An empty buffer, used before if there is one.
    fn take(&self) -> B {
        let mut s = self
            .0
            .lock()
            .ok()
            .and_then(|mut v| v.pop())
            .unwrap_or_default();
        s.clear();
        s
    }

    fn give(&self, s: B) {
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

/// What the threads share.
struct Shared<B> {
    outputs: Spare<B>,
    texts: Spare<String>,
    budget: Budget,
}

/// Streams the input through `filter` to what `open_output` returns (called in the
/// writer thread).
pub fn run<F: Filter, W: Write>(
    filter: &F,
    run: Run<'_>,
    open_output: impl FnOnce() -> W + Send,
) -> Result<(), CliError> {
    let shared = Shared {
        outputs: Spare::<F::Buf>::new(),
        texts: Spare::<String>::new(),
        budget: Budget::new(),
    };
    let header = filter.header();
    // How many outputs may wait for the writer.
    let (to_writer, outputs) = mpsc::sync_channel::<Sent<F::Buf>>(2 * run.threads.max(1));
    std::thread::scope(|scope| {
        let shared = &shared;
        let writer = spawn(scope, move || -> io::Result<()> {
            let _close = CloseOnDrop(&shared.budget);
            let mut out = open_output();
            let mut carry = Carry::new(header);
            let mut write = |part: Part<F::Buf>| -> io::Result<bool> {
                carry.write(&part, &mut out)?;
                let last = part.is_last();
                shared.outputs.give(part.buf);
                Ok(last)
            };
            for (output, taken) in outputs {
                match output {
                    Pending::Done(part) => {
                        write(part)?;
                    }
                    Pending::Worker(parts) => loop {
                        let part = parts.recv().map_err(|_| {
                            io::Error::other("a worker thread stopped without its result")
                        })?;
                        if write(part)? {
                            break;
                        }
                    },
                }
                shared.budget.give(taken);
            }
            out.flush()
        })?;
        let streamed = if run.threads <= 1 {
            in_this_thread(filter, &run, shared, &to_writer)
        } else {
            with_workers(filter, &run, shared, &to_writer)
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

/// The pieces worked on in the reading thread. Small pieces (from short reads or small
/// files) go into the same output, which goes to the writer once it holds
/// `SMALL_WRITES` bytes.
fn in_this_thread<F: Filter>(
    filter: &F,
    run: &Run<'_>,
    shared: &Shared<F::Buf>,
    to_writer: &mpsc::SyncSender<Sent<F::Buf>>,
) -> Result<(), CliError> {
    let spill = |part: Part<F::Buf>| {
        // An error here is the writer's, which it reports itself.
        let _ = send_done(part, &shared.budget, to_writer);
        shared.outputs.take()
    };
    let mut out = Output::new(shared.outputs.take(), Some(&spill));
    let streamed = for_each_piece(
        run.files,
        run.options,
        |text| filter.cut(text),
        |piece| {
            filter.piece(&piece, &mut out);
            if out.len() < SMALL_WRITES {
                return Ok(());
            }
            let full =
                std::mem::replace(&mut out, Output::new(shared.outputs.take(), Some(&spill)));
            send_done(full.finish(), &shared.budget, to_writer)
        },
    );
    send_done(out.finish(), &shared.budget, to_writer).and(streamed)
}

/// The pieces worked on by worker threads, sent to the writer in input order.
fn with_workers<F: Filter>(
    filter: &F,
    run: &Run<'_>,
    shared: &Shared<F::Buf>,
    to_writer: &mpsc::SyncSender<Sent<F::Buf>>,
) -> Result<(), CliError> {
    let (jobs, job_queue) = mpsc::sync_channel::<Job<F::Buf>>(run.threads);
    let job_queue = Mutex::new(job_queue);
    std::thread::scope(|scope| {
        for _ in 0..run.threads {
            let job_queue = &job_queue;
            // If a worker cannot be started, the ones started stop once `jobs` is dropped.
            spawn(scope, move || loop {
                // A poisoned lock means another worker panicked: stop too.
                let job = match job_queue.lock() {
                    Ok(queue) => queue.recv(),
                    Err(_) => break,
                };
                let Ok((batch, done)) = job else { break };
                let stopped = std::cell::Cell::new(false);
                let spill = |part| {
                    if done.send(part).is_err() {
                        stopped.set(true);
                    }
                    shared.outputs.take()
                };
                let mut out = Output::new(shared.outputs.take(), Some(&spill));
                batch.for_each(|piece| filter.piece(piece, &mut out));
                let last = out.finish();
                shared.texts.give(batch.into_text());
                if stopped.get() || done.send(last).is_err() {
                    break;
                }
            })?;
        }
        // Hands the pieces gathered so far to a worker, and its result to the writer.
        let send = |batch: Batch| -> Result<(), CliError> {
            let taken = shared.budget.take(batch.len());
            let (done, result) = mpsc::sync_channel(1);
            jobs.send((batch, done)).map_err(|_| worker_failed())?;
            to_writer
                .send((Pending::Worker(result), taken))
                .map_err(|_| writer_stopped())
        };
        // Small pieces (from short reads or small files) go to a worker together, once
        // they hold `SMALL_WRITES` bytes.
        let mut batch = Batch::new(shared.texts.take());
        let streamed = for_each_piece(
            run.files,
            run.options,
            |text| filter.cut(text),
            |piece| {
                if piece.forced || piece.text.len() > LARGE_PIECE {
                    // Cut in a long stretch with no safe cut point (a run of combining
                    // marks), or after a long wait for one (a line of a mebibyte), the
                    // filter may take many times its size: it is worked on here, so one
                    // thread at a time does that.
                    if !batch.is_empty() {
                        send(std::mem::replace(
                            &mut batch,
                            Batch::new(shared.texts.take()),
                        ))?;
                    }
                    let spill = |part| {
                        let _ = send_done(part, &shared.budget, to_writer);
                        shared.outputs.take()
                    };
                    let mut out = Output::new(shared.outputs.take(), Some(&spill));
                    filter.piece(&piece, &mut out);
                    let last = out.finish();
                    return send_done(last, &shared.budget, to_writer);
                }
                batch.push(&piece);
                if batch.len() < SMALL_WRITES {
                    return Ok(());
                }
                send(std::mem::replace(
                    &mut batch,
                    Batch::new(shared.texts.take()),
                ))
            },
        );
        let streamed = if batch.is_empty() {
            streamed
        } else {
            send(batch).and(streamed)
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

/// Sends an output (or a part of one) to the writer, once the budget has room for it.
fn send_done<B: Buffer>(
    part: Part<B>,
    budget: &Budget,
    to_writer: &mpsc::SyncSender<Sent<B>>,
) -> Result<(), CliError> {
    let taken = budget.take(part.buf.len());
    to_writer
        .send((Pending::Done(part), taken))
        .map_err(|_| writer_stopped())
}

fn writer_stopped() -> CliError {
    CliError::Write(io::Error::other("the writer thread stopped"))
}

fn worker_failed() -> CliError {
    CliError::Write(io::Error::other("a worker thread stopped unexpectedly"))
}
