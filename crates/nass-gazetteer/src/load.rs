//! Reading entries from TSV and JSON Lines.

use std::io::{BufRead, BufReader, Read};
use std::sync::Arc;

use crate::entry::{Entry, ErrorKind, GazetteerError};
use crate::store::EntryStore;

/// Where an entry came from, for error messages.
#[derive(Clone, Debug)]
pub(crate) struct Origin {
    pub(crate) source: Arc<str>,
    pub(crate) line: usize,
}

fn malformed(source: &str, line: usize, why: impl Into<String>) -> GazetteerError {
    GazetteerError::new(source, Some(line), ErrorKind::Malformed(why.into()))
}

/// Calls `each` with every line (without its line break) and its 1-based number; a byte
/// order mark (U+FEFF) at the very start of the input is skipped.
fn lines(
    reader: impl Read,
    source: &str,
    mut each: impl FnMut(&str, usize) -> Result<(), GazetteerError>,
) -> Result<(), GazetteerError> {
    let mut reader = BufReader::new(reader);
    let mut buf = Vec::new();
    let mut number = 0;
    loop {
        buf.clear();
        let n = reader
            .read_until(b'\n', &mut buf)
            .map_err(|e| GazetteerError::new(source, Some(number + 1), ErrorKind::Io(e)))?;
        if n == 0 {
            return Ok(());
        }
        number += 1;
        let line = std::str::from_utf8(&buf)
            .map_err(|e| malformed(source, number, format!("invalid UTF-8 ({e})")))?;
        // A byte order mark that some editors put at the start of a file.
        let line = if number == 1 {
            line.strip_prefix('\u{FEFF}').unwrap_or(line)
        } else {
            line
        };
        let line = line.strip_suffix('\n').unwrap_or(line);
        let line = line.strip_suffix('\r').unwrap_or(line);
        each(line, number)?;
    }
}

/// Parses TSV: `name<TAB>type<TAB>variant|variant|...`, the third column optional, `#`
/// comments and blank lines ignored.
pub(crate) fn tsv(
    reader: impl Read,
    source: &str,
    out: &mut EntryStore,
) -> Result<(), GazetteerError> {
    let src: Arc<str> = source.into();
    lines(reader, source, |line, number| {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            return Ok(());
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if !(2..=3).contains(&cols.len()) {
            return Err(malformed(
                source,
                number,
                format!(
                    "expected name<TAB>type<TAB>variants (2 or 3 columns), found {} column{}",
                    cols.len(),
                    if cols.len() == 1 { "" } else { "s" }
                ),
            ));
        }
        let name = cols[0].trim();
        let kind = cols[1].trim();
        if name.is_empty() {
            return Err(malformed(source, number, "empty name"));
        }
        if kind.is_empty() {
            return Err(malformed(source, number, "empty type"));
        }
        let mut entry = Entry::new(name, kind);
        if let Some(variants) = cols.get(2) {
            entry = entry.variants(variants.split('|').map(str::trim).filter(|v| !v.is_empty()));
        }
        out.push(
            &entry,
            &Origin {
                source: src.clone(),
                line: number,
            },
        );
        Ok(())
    })
}

/// Parses JSON Lines: one object per non-blank line with `name` and `type` (strings),
/// `variants` (array of strings, optional) and `payload` (any JSON, optional).
pub(crate) fn jsonl(
    reader: impl Read,
    source: &str,
    out: &mut EntryStore,
) -> Result<(), GazetteerError> {
    let src: Arc<str> = source.into();
    lines(reader, source, |line, number| {
        if line.trim().is_empty() {
            return Ok(());
        }
        let value: serde_json::Value = serde_json::from_str(line)
            .map_err(|e| malformed(source, number, format!("invalid JSON ({e})")))?;
        let serde_json::Value::Object(map) = value else {
            return Err(malformed(source, number, "expected a JSON object"));
        };
        let string = |key: &str| -> Result<String, GazetteerError> {
            match map.get(key) {
                Some(serde_json::Value::String(s)) if !s.trim().is_empty() => {
                    Ok(s.trim().to_string())
                }
                Some(serde_json::Value::String(_)) => {
                    Err(malformed(source, number, format!("empty \"{key}\"")))
                }
                Some(_) => Err(malformed(
                    source,
                    number,
                    format!("\"{key}\" must be a string"),
                )),
                None => Err(malformed(source, number, format!("missing \"{key}\""))),
            }
        };
        let mut entry = Entry::new(string("name")?, string("type")?);
        for key in map.keys() {
            if !matches!(key.as_str(), "name" | "type" | "variants" | "payload") {
                return Err(malformed(
                    source,
                    number,
                    format!("unknown field \"{key}\" (expected name, type, variants, payload)"),
                ));
            }
        }
        match map.get("variants") {
            None | Some(serde_json::Value::Null) => {}
            Some(serde_json::Value::Array(items)) => {
                for item in items {
                    match item {
                        serde_json::Value::String(s) if !s.trim().is_empty() => {
                            entry = entry.variant(s.trim());
                        }
                        serde_json::Value::String(_) => {}
                        _ => {
                            return Err(malformed(
                                source,
                                number,
                                "\"variants\" must be an array of strings",
                            ))
                        }
                    }
                }
            }
            Some(_) => {
                return Err(malformed(
                    source,
                    number,
                    "\"variants\" must be an array of strings",
                ))
            }
        }
        if let Some(p) = map.get("payload") {
            if !p.is_null() {
                entry = entry.with_payload(p.clone());
            }
        }
        out.push(
            &entry,
            &Origin {
                source: src.clone(),
                line: number,
            },
        );
        Ok(())
    })
}
