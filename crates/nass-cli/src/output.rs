//! Machine-readable output shared by every subcommand that writes records: JSON Lines
//! (one object per line, through serde_json) and TSV (a header line, then one row per
//! record).

use std::io::{self, Write};

use clap::ValueEnum;
use serde::Serialize;

/// How records are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Text for reading: what each subcommand describes as its text form.
    Text,
    /// Tab-separated values with a header line; `\` `TAB` `CR` `LF` in a field are written
    /// as `\\` `\t` `\r` `\n`.
    Tsv,
    /// JSON Lines: one object per record; byte offsets count from the start of the input.
    Jsonl,
}

/// A record that can be written as JSON Lines and as TSV.
pub trait Record: Serialize {
    /// Writes the TSV header line for records like this one, newline included.
    fn write_tsv_header(&self, out: &mut dyn Write) -> io::Result<()>;
    /// Writes this record as one TSV row, newline included.
    fn write_tsv_row(&self, out: &mut dyn Write) -> io::Result<()>;
}

/// Writes records in one format, with the TSV header before the first row.
pub struct RecordWriter<W: Write> {
    out: W,
    format: Format,
    header_written: bool,
}

impl<W: Write> RecordWriter<W> {
    /// A writer in `format` (`Text` writes nothing through this type).
    pub fn new(out: W, format: Format) -> Self {
        RecordWriter {
            out,
            format,
            header_written: false,
        }
    }

    /// Writes one record.
    pub fn write(&mut self, record: &impl Record) -> io::Result<()> {
        match self.format {
            Format::Jsonl => {
                serde_json::to_writer(&mut self.out, record).map_err(io::Error::from)?;
                self.out.write_all(b"\n")
            }
            Format::Tsv => {
                if !self.header_written {
                    self.header_written = true;
                    record.write_tsv_header(&mut self.out)?;
                }
                record.write_tsv_row(&mut self.out)
            }
            Format::Text => Ok(()),
        }
    }

    /// Writes `line` and a line feed: the `text` form of the filters that list values.
    pub fn write_line(&mut self, line: &str) -> io::Result<()> {
        self.out.write_all(line.as_bytes())?;
        self.out.write_all(b"\n")
    }

    /// The underlying writer.
    pub fn get_mut(&mut self) -> &mut W {
        &mut self.out
    }
}

/// Writes one TSV field, escaping `\`, tab, CR and LF.
pub fn write_tsv_field(out: &mut dyn Write, field: &str) -> io::Result<()> {
    let bytes = field.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escaped: &[u8] = match b {
            b'\\' => b"\\\\",
            b'\t' => b"\\t",
            b'\r' => b"\\r",
            b'\n' => b"\\n",
            _ => continue,
        };
        out.write_all(&bytes[start..i])?;
        out.write_all(escaped)?;
        start = i + 1;
    }
    out.write_all(&bytes[start..])
}

/// Writes a TSV row of already-formatted fields: each is escaped, tabs between, newline
/// at the end.
pub fn write_tsv_fields<'a>(
    out: &mut dyn Write,
    fields: impl IntoIterator<Item = &'a str>,
) -> io::Result<()> {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.write_all(b"\t")?;
        }
        write_tsv_field(out, field)?;
    }
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_fields_are_escaped() {
        let mut out = Vec::new();
        write_tsv_fields(&mut out, ["a\tb", "c\\d", "e\r\nf", "بغداد"]).unwrap();
        assert_eq!(out, "a\\tb\tc\\\\d\te\\r\\nf\tبغداد\n".as_bytes());
    }
}
