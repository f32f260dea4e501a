//! `nass match`: names from a gazetteer (countries, capitals and organizations by
//! default, or the user's lists) found through clitics and spelling variation, with byte
//! offsets from the start of the input.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::Args;
use nass::gazetteer::{Gazetteer, Match, MatchKind, SAFE_CUT_SCAN};
use serde::Serialize;

use crate::output::{write_tsv_fields, Format, Record, RecordWriter};
use crate::stream::{for_each_piece, Piece};
use crate::{CliError, InputArgs};

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
    input: InputArgs,
}

/// One match as a record.
#[derive(Serialize)]
struct MatchRecord<'a> {
    start: u64,
    end: u64,
    name_start: u64,
    text: &'a str,
    name: &'a str,
    #[serde(rename = "type")]
    entity_type: &'a str,
    kind: &'static str,
    variant: &'a str,
    clitics: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    payload: Option<&'a serde_json::Value>,
}

impl Record for MatchRecord<'_> {
    fn write_tsv_header(&self, out: &mut dyn Write) -> io::Result<()> {
        write_tsv_fields(
            out,
            [
                "start",
                "end",
                "name_start",
                "text",
                "name",
                "type",
                "kind",
                "variant",
                "clitics",
            ],
        )
    }

    fn write_tsv_row(&self, out: &mut dyn Write) -> io::Result<()> {
        let numbers = [self.start, self.end, self.name_start].map(|n| n.to_string());
        write_tsv_fields(
            out,
            [
                numbers[0].as_str(),
                &numbers[1],
                &numbers[2],
                self.text,
                self.name,
                self.entity_type,
                self.kind,
                self.variant,
                self.clitics,
            ],
        )
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
        .map_err(|e| CliError::Gazetteer(e.to_string()))?;
    }
    builder
        .build()
        .map_err(|e| CliError::Gazetteer(e.to_string()))
}

pub fn run(args: &MatchArgs, out: &mut impl Write) -> Result<(), CliError> {
    let gazetteer = gazetteer(args)?;
    let mut records = RecordWriter::new(out, args.format);
    // The gazetteer looks for a safe cut in the last SAFE_CUT_SCAN bytes only: past that
    // much text without one, cut anyway, so that a piece (and what normalizing and
    // searching it allocates) stays small whatever the input.
    let mut options = args.input.options();
    options.max_pending = options.max_pending.min(SAFE_CUT_SCAN);
    for_each_piece(
        &args.input.files,
        options,
        |text| gazetteer.last_safe_cut(text),
        |piece| {
            let text = piece.text;
            if args.format == Format::Text {
                write_bracketed(records.get_mut(), text, gazetteer.find_iter(text))?;
                return Ok(());
            }
            let matches = if args.overlapping {
                gazetteer.find_overlapping_iter(text)
            } else {
                gazetteer.find_iter(text)
            };
            for m in matches {
                records.write(&record(&m, &piece))?;
            }
            Ok(())
        },
    )?;
    records.get_mut().flush()?;
    Ok(())
}

/// Writes `text` again with each match's surface in brackets. Entries that share a name
/// are matched with the same span, one after the other: that surface is bracketed once.
/// Apart from those, [`Gazetteer::find_iter`] never yields overlapping spans; a match
/// that would still overlap the one before is left unbracketed rather than nested, so the
/// text is always written whole.
fn write_bracketed<'g, 't>(
    out: &mut impl Write,
    text: &'t str,
    matches: impl Iterator<Item = Match<'g, 't>>,
) -> io::Result<()> {
    let mut done = 0;
    for m in matches {
        if m.start() < done {
            continue;
        }
        out.write_all(&text.as_bytes()[done..m.start()])?;
        out.write_all(b"[")?;
        out.write_all(m.text().as_bytes())?;
        out.write_all(b"]")?;
        done = m.end();
    }
    out.write_all(&text.as_bytes()[done..])
}

fn record<'a>(m: &Match<'a, 'a>, piece: &Piece<'_>) -> MatchRecord<'a> {
    MatchRecord {
        start: piece.start_of(m.start()),
        end: piece.end_of(m.end()),
        name_start: piece.start_of(m.name_start()),
        text: m.text(),
        name: m.entry().canonical(),
        entity_type: m.entry().entity_type(),
        kind: kind_name(m.kind()),
        variant: m.variant(),
        clitics: m.clitics(),
        payload: m.entry().payload(),
    }
}
