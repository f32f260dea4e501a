//! `nass match`: names from a gazetteer (countries, capitals and organizations by
//! default, or the user's lists) found through clitics and spelling variation, with byte
//! offsets from the start of the input.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

use clap::Args;
use nass::core::hash::FastBuildHasher;
use nass::gazetteer::{Gazetteer, Match, MatchKind, SAFE_CUT_SCAN};

use crate::args::{InputArgs, ThreadsArg};
use crate::error::CliError;
use crate::gazetteer::ListArgs;
use crate::output::{
    json_members, tsv_fields, tsv_header, write_record, Format, JsonObject, Output, Record, TsvRow,
};
use crate::parallel::{self, Filter};
use crate::stream::Piece;

#[derive(Args, Debug)]
pub struct MatchArgs {
    /// A gazetteer to add: TSV (`name<TAB>type<TAB>variant|variant...`, `#` comments) or,
    /// for a name ending in .jsonl or .json, JSON Lines. May be repeated.
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    gazetteer: Vec<PathBuf>,
    #[command(flatten)]
    lists: ListArgs,
    /// Match with a compiled index (`nass gazetteer compile`) instead of building the
    /// gazetteer: the same output as the lists it was compiled from, without the build.
    #[arg(
        long,
        value_name = "INDEX",
        value_hint = clap::ValueHint::FilePath,
        conflicts_with_all = ["gazetteer", "no_default", "adjectives"]
    )]
    index: Option<PathBuf>,
    /// Report every candidate, overlapping ones included (records only).
    #[arg(long)]
    overlapping: bool,
    /// Output: `jsonl` and `tsv` write one record per match with `start`, `end` (the whole
    /// surface, clitics included), `name_start`, `text`, `name` (canonical), `type`,
    /// `kind`, `variant`, `clitics`; `text` reprints the input with each match in brackets.
    #[arg(long, value_enum, default_value = "jsonl")]
    format: Format,
    #[command(flatten)]
    threads: ThreadsArg,
    #[command(flatten)]
    input: InputArgs,
}

/// One match as a record: its own fields, and the fields it shares with every match of
/// its entry, name and kind, written once before ([`EntryFields`]) in the format of the
/// run, which is the one it is written in.
struct MatchRecord<'a> {
    start: u64,
    end: u64,
    name_start: u64,
    text: &'a str,
    /// `name`, `type`, `kind` and `variant`, written: JSON members or TSV fields.
    entry: &'a [u8],
    clitics: &'a str,
    /// The `payload` member, written (JSON only; empty when the entry has none).
    payload: &'a [u8],
}

/// The TSV columns: the fields of a record but its payload.
const TSV_COLUMNS: [&str; 9] = [
    "start",
    "end",
    "name_start",
    "text",
    "name",
    "type",
    "kind",
    "variant",
    "clitics",
];

impl Record for MatchRecord<'_> {
    fn write_json(&self, o: &mut JsonObject<'_, '_>) {
        o.num("start", self.start);
        o.num("end", self.end);
        o.num("name_start", self.name_start);
        o.str("text", self.text);
        o.members(self.entry);
        o.str("clitics", self.clitics);
        o.members(self.payload);
    }

    fn write_tsv(&self, row: &mut TsvRow<'_, '_>) {
        row.num(self.start);
        row.num(self.end);
        row.num(self.name_start);
        row.str(self.text);
        row.fields(self.entry);
        row.str(self.clitics);
    }
}

/// The fields a match shares with every match of the same entry, name and kind (its
/// canonical name, type, kind, variant and payload), written once and copied into each
/// of their records after: neither the entry nor its payload is read again at every
/// match. One per worker thread, for one [`Matching`] and format at a time, and bounded:
/// past 1 MiB it starts again empty (so at most 1 MiB a worker thread: the dense
/// gazetteer of BENCHMARKS.md ran as fast with 1 MiB as with 8).
struct EntryFields {
    /// The [`Matching::id`] and format the fields are written for.
    owner: Option<(u64, Format)>,
    /// Where each (entry, name, kind)'s fields start, its payload starts, and both end
    /// in `bytes`.
    at: HashMap<(usize, usize, MatchKind), [usize; 3], FastBuildHasher>,
    bytes: Vec<u8>,
    /// Past this many bytes, it starts again empty.
    max_bytes: usize,
}

impl Default for EntryFields {
    fn default() -> Self {
        EntryFields {
            owner: None,
            at: HashMap::default(),
            bytes: Vec::new(),
            max_bytes: 1 << 20,
        }
    }
}

impl EntryFields {
    /// The fields of `m`'s entry, name and kind, and its payload member, in `format`.
    fn of(&mut self, owner: u64, format: Format, m: &Match<'_, '_>) -> (&[u8], &[u8]) {
        if self.owner != Some((owner, format)) {
            self.owner = Some((owner, format));
            self.at.clear();
            self.bytes.clear();
        }
        let key = (m.entry_index(), m.name_index(), m.kind());
        let [start, mid, end] = match self.at.get(&key) {
            Some(&at) => at,
            None => {
                if self.bytes.len() > self.max_bytes {
                    self.at.clear();
                    self.bytes.clear();
                }
                let at = self.write(format, m);
                self.at.insert(key, at);
                at
            }
        };
        (&self.bytes[start..mid], &self.bytes[mid..end])
    }

    /// Appends the fields of `m`'s entry, name and kind to `bytes`.
    fn write(&mut self, format: Format, m: &Match<'_, '_>) -> [usize; 3] {
        // Read in place: a large index's entries are not decoded and kept.
        let entry = m.entry_ref();
        let start = self.bytes.len();
        if format == Format::Tsv {
            tsv_fields(&mut self.bytes, |row| {
                row.str(entry.canonical());
                row.str(entry.entity_type());
                row.str(m.kind().name());
                row.str(m.variant());
            });
            return [start, self.bytes.len(), self.bytes.len()];
        }
        json_members(&mut self.bytes, |o| {
            o.str("name", entry.canonical());
            o.str("type", entry.entity_type());
            o.str("kind", m.kind().name());
            o.str("variant", m.variant());
        });
        let mid = self.bytes.len();
        // Stored as serde_json wrote it; parsed to be written again exactly so.
        if let Some(payload) = entry
            .payload_json()
            .and_then(|p| serde_json::from_str(p).ok())
        {
            json_members(&mut self.bytes, |o| o.value("payload", &payload));
        }
        [start, mid, self.bytes.len()]
    }
}

thread_local! {
    static ENTRY_FIELDS: RefCell<EntryFields> = RefCell::default();
}

/// The gazetteer the arguments ask for: a compiled index, or the lists built.
fn gazetteer(args: &MatchArgs) -> Result<Gazetteer, CliError> {
    match &args.index {
        Some(index) => crate::gazetteer::open(index),
        None => crate::gazetteer::build(&args.gazetteer, &args.lists),
    }
}

/// `nass match` as a filter.
struct Matching<'a> {
    args: &'a MatchArgs,
    gazetteer: Gazetteer,
    /// Which `Matching` of the process this is, for [`EntryFields`].
    id: u64,
}

impl Filter for Matching<'_> {
    type Buf = Vec<u8>;

    fn cut(&self, text: &str) -> usize {
        self.gazetteer.last_safe_cut(text)
    }

    fn piece(&self, piece: &Piece<'_>, out: &mut Output<'_, Vec<u8>>) {
        let text = piece.text;
        let format = self.args.format;
        if format == Format::Text {
            write_bracketed(out.buf(), text, self.gazetteer.find_iter(text));
            return;
        }
        let matches = if self.args.overlapping {
            self.gazetteer.find_overlapping_iter(text)
        } else {
            self.gazetteer.find_iter(text)
        };
        ENTRY_FIELDS.with_borrow_mut(|fields| {
            for m in matches {
                let (entry, payload) = fields.of(self.id, format, &m);
                let record = MatchRecord {
                    start: piece.start_of(m.start()),
                    end: piece.end_of(m.end()),
                    name_start: piece.start_of(m.name_start()),
                    text: m.text(),
                    entry,
                    clitics: m.clitics(),
                    payload,
                };
                write_record(out, format, &record);
            }
        });
    }

    fn header(&self) -> Option<Vec<u8>> {
        (self.args.format == Format::Tsv).then(|| tsv_header(TSV_COLUMNS))
    }
}

pub fn run(args: &MatchArgs) -> Result<(), CliError> {
    static NEXT_ID: AtomicU64 = AtomicU64::new(0);
    let filter = Matching {
        args,
        gazetteer: gazetteer(args)?,
        id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
    };
    // The gazetteer looks for a safe cut in the last SAFE_CUT_SCAN bytes only: past that
    // much text without one, cut anyway, so that a piece (and what normalizing and
    // searching it allocates) stays small whatever the input.
    let mut run = args.input.run(&args.threads);
    run.options.max_pending = run.options.max_pending.min(SAFE_CUT_SCAN);
    parallel::run(&filter, run, crate::stdout::unbuffered)
}

/// Writes `text` again with each match's surface in brackets. Entries that share a name
/// are matched with the same span, one after the other: that surface is bracketed once.
/// Apart from those, [`Gazetteer::find_iter`] never yields overlapping spans; a match
/// that would still overlap the one before is left unbracketed rather than nested, so the
/// text is always written whole.
fn write_bracketed<'g, 't>(
    out: &mut Vec<u8>,
    text: &'t str,
    matches: impl Iterator<Item = Match<'g, 't>>,
) {
    let mut done = 0;
    for m in matches {
        if m.start() < done {
            continue;
        }
        out.extend_from_slice(&text.as_bytes()[done..m.start()]);
        out.push(b'[');
        out.extend_from_slice(m.text().as_bytes());
        out.push(b']');
        done = m.end();
    }
    out.extend_from_slice(&text.as_bytes()[done..]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use nass::gazetteer::Entry;

    /// The fields of a match written directly, as they were before they were kept.
    fn direct(format: Format, m: &Match<'_, '_>) -> (Vec<u8>, Vec<u8>) {
        let e = m.entry_ref();
        let (mut fields, mut payload) = (Vec::new(), Vec::new());
        if format == Format::Tsv {
            tsv_fields(&mut fields, |row| {
                for s in [e.canonical(), e.entity_type(), m.kind().name(), m.variant()] {
                    row.str(s);
                }
            });
        } else {
            json_members(&mut fields, |o| {
                o.str("name", e.canonical());
                o.str("type", e.entity_type());
                o.str("kind", m.kind().name());
                o.str("variant", m.variant());
            });
            if let Some(p) = e.payload() {
                json_members(&mut payload, |o| o.value("payload", &p));
            }
        }
        (fields, payload)
    }

    fn gazetteer(type_name: &str) -> Gazetteer {
        Gazetteer::builder()
            .adjectives(true)
            .entry(Entry::new("مصر", type_name).variant("ارض الكنانة"))
            .entry(
                Entry::new("بغداد", "capital")
                    .with_payload(serde_json::json!({"id": 7, "s": "\"\n"})),
            )
            .entry(Entry::new("تونس", "country"))
            .build()
            .unwrap()
    }

    /// Kept fields are the ones written directly, for every entry, name and kind, in both
    /// formats, when the owner or format changes, and when the bytes pass their bound.
    #[test]
    fn kept_fields_are_the_fields() {
        let text = "زار مصر وبغداد والمصريين ثم تونس وارض الكنانة وبغداد ومصر";
        let mut fields = EntryFields {
            max_bytes: 200,
            ..EntryFields::default()
        };
        for (owner, type_name) in [(1, "country"), (2, "place"), (1, "country")] {
            let g = gazetteer(type_name);
            let matches: Vec<_> = g.find_iter(text).collect();
            assert!(matches.len() >= 7, "{matches:?}");
            assert!(matches.iter().any(|m| m.kind() == MatchKind::Adjective));
            for format in [Format::Jsonl, Format::Tsv, Format::Jsonl] {
                for m in &matches {
                    let (want_fields, want_payload) = direct(format, m);
                    let (got_fields, got_payload) = fields.of(owner, format, m);
                    assert_eq!(got_fields, want_fields, "{m:?}");
                    assert_eq!(got_payload, want_payload, "{m:?}");
                }
                assert!(fields.bytes.len() <= 200 + 300, "{}", fields.bytes.len());
            }
        }
    }
}
