//! `nass match`: names from a gazetteer (countries, capitals and organizations by
//! default, or the user's lists) found through clitics and spelling variation, with byte
//! offsets from the start of the input.

use std::io;
use std::path::PathBuf;

use clap::Args;
use nass::gazetteer::{Gazetteer, Match, MatchKind, SAFE_CUT_SCAN};

use crate::args::{InputArgs, ThreadsArg};
use crate::error::CliError;
use crate::output::{tsv_header, write_record, Format, JsonObject, Output, Record, TsvRow};
use crate::parallel::{self, Filter};
use crate::stream::Piece;

#[derive(Args, Debug)]
pub struct MatchArgs {
    /// A gazetteer to add: TSV (`name<TAB>type<TAB>variant|variant...`, `#` comments) or,
    /// for a name ending in .jsonl or .json, JSON Lines. May be repeated.
    #[arg(long, value_name = "FILE")]
    gazetteer: Vec<PathBuf>,
    /// Leave out the built-in gazetteer (every country, territory and capital, main organizations).
    #[arg(long)]
    no_default: bool,
    /// Also report nisba adjectives of places (العراقي، الأميركية...), as kind `adjective`.
    #[arg(long)]
    adjectives: bool,
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

/// One match as a record.
struct MatchRecord<'a> {
    start: u64,
    end: u64,
    name_start: u64,
    text: &'a str,
    name: &'a str,
    entity_type: &'a str,
    kind: &'static str,
    variant: &'a str,
    clitics: &'a str,
    /// The payload as the gazetteer stores it: JSON text as serde_json writes a value.
    payload: Option<&'a str>,
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
        o.str("name", self.name);
        o.str("type", self.entity_type);
        o.str("kind", self.kind);
        o.str("variant", self.variant);
        o.str("clitics", self.clitics);
        // Parsed again to be written, exactly as it was stored.
        if let Some(payload) = self.payload.and_then(|p| serde_json::from_str(p).ok()) {
            o.value("payload", &payload);
        }
    }

    fn write_tsv(&self, row: &mut TsvRow<'_, '_>) {
        row.num(self.start);
        row.num(self.end);
        row.num(self.name_start);
        row.str(self.text);
        row.str(self.name);
        row.str(self.entity_type);
        row.str(self.kind);
        row.str(self.variant);
        row.str(self.clitics);
    }
}

fn kind_name(kind: MatchKind) -> &'static str {
    kind.name()
}

/// The gazetteer the arguments ask for.
fn gazetteer(args: &MatchArgs) -> Result<Gazetteer, CliError> {
    let mut builder = Gazetteer::builder()
        .default_entries(!args.no_default)
        .adjectives(args.adjectives);
    for path in &args.gazetteer {
        let file = std::fs::File::open(path).map_err(|e| CliError::Open(path.clone(), e))?;
        let reader = io::BufReader::new(file);
        let name = path.display().to_string();
        let json = matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("jsonl" | "json")
        );
        builder = if json {
            builder.load_jsonl(reader, &name)
        } else {
            builder.load_tsv(reader, &name)
        }
        .map_err(CliError::Gazetteer)?;
    }
    builder.build().map_err(CliError::Gazetteer)
}

/// `nass match` as a filter.
struct Matching<'a> {
    args: &'a MatchArgs,
    gazetteer: Gazetteer,
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
        for m in matches {
            write_record(out, format, &record(&m, piece));
        }
    }

    fn header(&self) -> Option<Vec<u8>> {
        (self.args.format == Format::Tsv).then(|| tsv_header(TSV_COLUMNS))
    }
}

pub fn run(args: &MatchArgs) -> Result<(), CliError> {
    let filter = Matching {
        args,
        gazetteer: gazetteer(args)?,
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

fn record<'a>(m: &Match<'a, 'a>, piece: &Piece<'_>) -> MatchRecord<'a> {
    // Read in place: a large index's entries are not decoded and kept.
    let entry = m.entry_ref();
    MatchRecord {
        start: piece.start_of(m.start()),
        end: piece.end_of(m.end()),
        name_start: piece.start_of(m.name_start()),
        text: m.text(),
        name: entry.canonical(),
        entity_type: entry.entity_type(),
        kind: kind_name(m.kind()),
        variant: m.variant(),
        clitics: m.clitics(),
        payload: entry.payload_json(),
    }
}
