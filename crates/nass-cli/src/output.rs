//! The record writer every subcommand that writes records shares: JSON Lines (one object
//! per line) and TSV (a header line, then one row per record), written straight into a
//! byte buffer. Numbers are written and strings escaped here, without a serializer's
//! general machinery; the output is byte for byte what serde_json writes (a property test
//! checks it), and serde_json is left for what needs its generality (a gazetteer entry's
//! payload).

use std::io;

use clap::ValueEnum;

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

/// A buffer an output is written into: text (`String`, for the normalizer) or bytes.
pub trait Buffer: Default + Send {
    /// Empties it, keeping its capacity.
    fn clear(&mut self);
    /// Its length in bytes.
    fn len(&self) -> usize;
    /// Whether it holds nothing.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Its capacity in bytes.
    fn capacity(&self) -> usize;
    /// Its bytes.
    fn as_bytes(&self) -> &[u8];
    /// Appends text.
    fn push_str(&mut self, s: &str);
}

impl Buffer for String {
    fn clear(&mut self) {
        String::clear(self);
    }
    fn len(&self) -> usize {
        String::len(self)
    }
    fn capacity(&self) -> usize {
        String::capacity(self)
    }
    fn as_bytes(&self) -> &[u8] {
        str::as_bytes(self)
    }
    fn push_str(&mut self, s: &str) {
        String::push_str(self, s);
    }
}

impl Buffer for Vec<u8> {
    fn clear(&mut self) {
        Vec::clear(self);
    }
    fn len(&self) -> usize {
        Vec::len(self)
    }
    fn capacity(&self) -> usize {
        Vec::capacity(self)
    }
    fn as_bytes(&self) -> &[u8] {
        self
    }
    fn push_str(&mut self, s: &str) {
        self.extend_from_slice(s.as_bytes());
    }
}

/// An output this large is handed on in parts, so that a piece of many records (a
/// mebibyte of one-character tokens makes 50 MB of JSON) never sits whole in memory.
pub const PART_SIZE: usize = 256 << 10;

/// The output of some pieces, written on a worker (or the reading) thread, that the
/// writer thread completes with what only it knows, the pieces before: where a count
/// (sentence numbers, term positions) stands, and whether the line begun before goes on.
///
/// A filter appends its text or records to [`Output::buf`]; a count that runs over the
/// whole input is written with [`Output::counted`] (relative to this output's start)
/// and moved on with [`Output::add_count`]; text output separates words with
/// [`Output::word_gap`] and ends lines with [`Output::line_break`].
pub struct Output<'a, B> {
    buf: B,
    /// Where counted numbers go in `buf`, and their values relative to this output.
    slots: Vec<(usize, u64)>,
    /// A word before any line break: it continues the line of the output before.
    join: bool,
    /// How much this output moves the count on.
    count: u64,
    /// Whether a word ends the current line, if this output says.
    in_line: Option<bool>,
    /// Where the parts of a large output go before the output is done.
    sink: Option<&'a dyn Fn(Part<B>) -> B>,
}

/// A part of an [`Output`], for the writer; the last part of an output has its `end`.
pub struct Part<B> {
    /// The bytes to write.
    pub buf: B,
    slots: Vec<(usize, u64)>,
    join: bool,
    end: Option<End>,
}

impl<B> Part<B> {
    /// Whether this is the last part of its output.
    pub fn is_last(&self) -> bool {
        self.end.is_some()
    }
}

/// What an output leaves to the outputs after it.
#[derive(Clone, Copy)]
struct End {
    count: u64,
    in_line: Option<bool>,
}

impl Output<'_, Vec<u8>> {
    /// An output that appends to what `buf` holds (taken from it until
    /// [`into_apart`](Self::into_apart)), for fields written apart from any record.
    fn apart(buf: &mut Vec<u8>) -> Self {
        Output {
            buf: std::mem::take(buf),
            slots: Vec::new(),
            join: false,
            count: 0,
            in_line: None,
            sink: None,
        }
    }

    /// The bytes of an output made by [`apart`](Self::apart).
    fn into_apart(self) -> Vec<u8> {
        debug_assert!(self.slots.is_empty(), "a counted number written apart");
        self.buf
    }
}

impl<'a, B: Buffer> Output<'a, B> {
    /// An empty output in `buf` (cleared); with `sink`, a large output goes there in
    /// parts (see [`PART_SIZE`]), and the sink gives back an empty buffer to go on with.
    pub fn new(mut buf: B, sink: Option<&'a dyn Fn(Part<B>) -> B>) -> Self {
        buf.clear();
        Output {
            buf,
            slots: Vec::new(),
            join: false,
            count: 0,
            in_line: None,
            sink,
        }
    }

    /// The buffer the filter writes into.
    pub fn buf(&mut self) -> &mut B {
        &mut self.buf
    }

    /// The bytes written and not yet handed on.
    pub fn len(&self) -> usize {
        self.buf.len()
    }

    /// The count so far in this output: what a count written now is relative to.
    pub fn count(&self) -> u64 {
        self.count
    }

    /// Moves the count on by `n`.
    pub fn add_count(&mut self, n: u64) {
        self.count += n;
    }

    /// Marks where the number `base + relative` goes, `base` being the count at the
    /// start of this output (the writer knows it).
    pub fn counted(&mut self, relative: u64) {
        self.slots.push((self.buf.len(), relative));
    }

    /// Before a word of text output: a space when a word came before it on its line, in
    /// this output or (the writer adds it) in the ones before.
    pub fn word_gap(&mut self) {
        match self.in_line {
            Some(true) => self.buf.push_str(" "),
            Some(false) => {}
            None => self.join = true,
        }
        self.in_line = Some(true);
    }

    /// Ends a line of text output with `ending`.
    pub fn line_break(&mut self, ending: &str) {
        self.buf.push_str(ending);
        self.in_line = Some(false);
    }

    /// After a record or a line: hands what is written on when it is large.
    pub fn record_end(&mut self) {
        if self.buf.len() < PART_SIZE {
            return;
        }
        if let Some(sink) = self.sink {
            let part = Part {
                buf: std::mem::take(&mut self.buf),
                slots: std::mem::take(&mut self.slots),
                join: std::mem::take(&mut self.join),
                end: None,
            };
            self.buf = sink(part);
            self.buf.clear();
        }
    }

    /// The last part of this output.
    pub fn finish(self) -> Part<B> {
        Part {
            buf: self.buf,
            slots: self.slots,
            join: self.join,
            end: Some(End {
                count: self.count,
                in_line: self.in_line,
            }),
        }
    }
}

/// What the writer carries from one output to the next: the count, whether a line is
/// open, the header still to write.
pub struct Carry {
    base: u64,
    in_line: bool,
    header: Option<Vec<u8>>,
    scratch: Vec<u8>,
}

impl Carry {
    /// Before any output; `header` goes before the first byte of output, if any.
    pub fn new(header: Option<Vec<u8>>) -> Self {
        Carry {
            base: 0,
            in_line: false,
            header,
            scratch: Vec::new(),
        }
    }

    /// Writes `part` to `out`, completed.
    pub fn write<B: Buffer>(&mut self, part: &Part<B>, out: &mut impl io::Write) -> io::Result<()> {
        if !part.buf.is_empty() {
            if let Some(header) = self.header.take() {
                out.write_all(&header)?;
            }
        }
        if part.join && self.in_line {
            out.write_all(b" ")?;
        }
        let bytes = part.buf.as_bytes();
        if part.slots.is_empty() {
            out.write_all(bytes)?;
        } else {
            // The numbers are put in place in one buffer, written at once.
            self.scratch.clear();
            let mut done = 0;
            for &(at, relative) in &part.slots {
                self.scratch.extend_from_slice(&bytes[done..at]);
                decimal(&mut self.scratch, self.base + relative);
                done = at;
            }
            self.scratch.extend_from_slice(&bytes[done..]);
            out.write_all(&self.scratch)?;
            if self.scratch.capacity() > 4 * PART_SIZE {
                self.scratch = Vec::new();
            }
        }
        if let Some(end) = part.end {
            self.base += end.count;
            if let Some(in_line) = end.in_line {
                self.in_line = in_line;
            }
        }
        Ok(())
    }
}

/// A record that can be written as a JSON object and as a TSV row.
pub trait Record {
    /// Writes the record's fields as the members of a JSON object, in order.
    fn write_json(&self, object: &mut JsonObject<'_, '_>);
    /// Writes the record's fields as the fields of a TSV row, in the columns' order.
    fn write_tsv(&self, row: &mut TsvRow<'_, '_>);
}

/// Appends `record` to `out` in `format`: a JSON object or a TSV row, and a line feed
/// (`Text` appends nothing: each subcommand writes its text form itself).
pub fn write_record(out: &mut Output<'_, Vec<u8>>, format: Format, record: &impl Record) {
    match format {
        Format::Jsonl => {
            out.buf.push(b'{');
            let mut object = JsonObject { out, empty: true };
            record.write_json(&mut object);
            object.out.buf.extend_from_slice(b"}\n");
        }
        Format::Tsv => {
            let mut row = TsvRow { out, empty: true };
            record.write_tsv(&mut row);
            row.out.buf.push(b'\n');
        }
        Format::Text => return,
    }
    out.record_end();
}

/// Appends `line` and a line feed: the `text` form of the filters that list values.
pub fn write_line(out: &mut Output<'_, Vec<u8>>, line: &str) {
    out.buf().extend_from_slice(line.as_bytes());
    out.buf().push(b'\n');
    out.record_end();
}

/// A TSV header line of `columns`, for a subcommand to write before its first row.
pub fn tsv_header<'a>(columns: impl IntoIterator<Item = &'a str>) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, c) in columns.into_iter().enumerate() {
        if i > 0 {
            out.push(b'\t');
        }
        tsv_field(&mut out, c);
    }
    out.push(b'\n');
    out
}

/// The members of a JSON object being written.
pub struct JsonObject<'o, 'a> {
    out: &'o mut Output<'a, Vec<u8>>,
    /// No member is written yet.
    empty: bool,
}

impl JsonObject<'_, '_> {
    /// Starts the member `key` (a comma before it if one came before). Keys are the
    /// fields' names, which need no escaping: they are written as they are.
    #[inline(always)]
    fn key(&mut self, key: &str) {
        debug_assert!(key.bytes().all(|b| JSON_ESCAPE[usize::from(b)] == 0));
        let buf = &mut self.out.buf;
        if !self.empty {
            buf.push(b',');
        }
        self.empty = false;
        buf.push(b'"');
        buf.extend_from_slice(key.as_bytes());
        buf.extend_from_slice(b"\":");
    }

    /// A string member.
    #[inline]
    pub fn str(&mut self, key: &str, value: &str) {
        self.key(key);
        json_string(&mut self.out.buf, value);
    }

    /// A number member.
    #[inline]
    pub fn num(&mut self, key: &str, value: u64) {
        self.key(key);
        decimal(&mut self.out.buf, value);
    }

    /// A `true` or `false` member.
    pub fn bool(&mut self, key: &str, value: bool) {
        self.key(key);
        self.out
            .buf
            .extend_from_slice(if value { b"true" } else { b"false" });
    }

    /// A number member whose value is `relative` plus the count at the start of the
    /// output (see [`Output::counted`]).
    pub fn counted(&mut self, key: &str, relative: u64) {
        self.key(key);
        self.out.counted(relative);
    }

    /// As [`JsonObject::counted`], left out when `None`.
    pub fn opt_counted(&mut self, key: &str, relative: Option<u64>) {
        if let Some(v) = relative {
            self.counted(key, v);
        }
    }

    /// A string member, left out when `None`.
    pub fn opt_str(&mut self, key: &str, value: Option<&str>) {
        if let Some(v) = value {
            self.str(key, v);
        }
    }

    /// A number member, left out when `None`.
    pub fn opt_num(&mut self, key: &str, value: Option<u64>) {
        if let Some(v) = value {
            self.num(key, v);
        }
    }

    /// Members written apart by [`json_members`], as they are.
    pub fn members(&mut self, members: &[u8]) {
        paste(&mut self.out.buf, members, b',', &mut self.empty);
    }

    /// Any JSON value, through serde_json (for values whose shape is not known here).
    pub fn value(&mut self, key: &str, value: &serde_json::Value) {
        self.key(key);
        // Writing to a Vec fails only on a value serde_json cannot write, which a parsed
        // `Value` never is.
        let _ = serde_json::to_writer(&mut self.out.buf, value);
    }
}

/// Appends `written` (members or fields written apart, each after a `sep`) to a record
/// that has nothing yet when `empty`: then without its first `sep`.
fn paste(buf: &mut Vec<u8>, written: &[u8], sep: u8, empty: &mut bool) {
    let written = match written.split_first() {
        None => return,
        Some((&first, rest)) if first == sep && *empty => rest,
        Some(_) => written,
    };
    buf.extend_from_slice(written);
    *empty = false;
}

/// Appends to `buf` members of a JSON object written apart, each with a comma before it,
/// for records that repeat them to take with [`JsonObject::members`] (numbers that
/// depend on the output before, [`JsonObject::counted`], cannot be among them).
pub fn json_members(buf: &mut Vec<u8>, write: impl FnOnce(&mut JsonObject<'_, '_>)) {
    let mut out = Output::apart(buf);
    write(&mut JsonObject {
        out: &mut out,
        empty: false,
    });
    *buf = out.into_apart();
}

/// Appends to `buf` fields of a TSV row written apart, each with a tab before it, for
/// rows that repeat them to take with [`TsvRow::fields`].
pub fn tsv_fields(buf: &mut Vec<u8>, write: impl FnOnce(&mut TsvRow<'_, '_>)) {
    let mut out = Output::apart(buf);
    write(&mut TsvRow {
        out: &mut out,
        empty: false,
    });
    *buf = out.into_apart();
}

/// The fields of a TSV row being written.
pub struct TsvRow<'o, 'a> {
    out: &'o mut Output<'a, Vec<u8>>,
    /// No field is written yet.
    empty: bool,
}

impl TsvRow<'_, '_> {
    fn sep(&mut self) {
        if !self.empty {
            self.out.buf.push(b'\t');
        }
        self.empty = false;
    }

    /// A text field, escaped.
    pub fn str(&mut self, value: &str) {
        self.sep();
        tsv_field(&mut self.out.buf, value);
    }

    /// Fields written apart by [`tsv_fields`], as they are.
    pub fn fields(&mut self, fields: &[u8]) {
        paste(&mut self.out.buf, fields, b'\t', &mut self.empty);
    }

    /// A number field.
    pub fn num(&mut self, value: u64) {
        self.sep();
        decimal(&mut self.out.buf, value);
    }

    /// A number field whose value is `relative` plus the count at the start of the
    /// output (see [`Output::counted`]).
    pub fn counted(&mut self, relative: u64) {
        self.sep();
        self.out.counted(relative);
    }

    /// A number field, empty when `None`.
    pub fn opt_num(&mut self, value: Option<u64>) {
        self.sep();
        if let Some(v) = value {
            decimal(&mut self.out.buf, v);
        }
    }
}

/// Appends `n` in decimal.
pub fn decimal(out: &mut Vec<u8>, mut n: u64) {
    // Two digits at a time, from a table of the hundred pairs.
    const PAIRS: [u8; 200] = {
        let mut t = [0u8; 200];
        let mut i = 0;
        while i < 100 {
            t[2 * i] = b'0' + (i / 10) as u8;
            t[2 * i + 1] = b'0' + (i % 10) as u8;
            i += 1;
        }
        t
    };
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    while n >= 100 {
        let pair = (n % 100) as usize;
        n /= 100;
        i -= 2;
        digits[i..i + 2].copy_from_slice(&PAIRS[2 * pair..2 * pair + 2]);
    }
    if n >= 10 {
        i -= 2;
        let pair = n as usize;
        digits[i..i + 2].copy_from_slice(&PAIRS[2 * pair..2 * pair + 2]);
    } else {
        i -= 1;
        digits[i] = b'0' + n as u8;
    }
    out.extend_from_slice(&digits[i..]);
}

/// What a byte becomes inside a JSON string, as serde_json writes it: 0 for itself, `u`
/// for `\u00XX`, else the letter after the backslash.
const JSON_ESCAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = b'u';
        b += 1;
    }
    t[0x08] = b'b';
    t[0x09] = b't';
    t[0x0A] = b'n';
    t[0x0C] = b'f';
    t[0x0D] = b'r';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t
};

/// Appends `s` as a JSON string: quoted, with `"`, `\` and the control characters
/// U+0000-U+001F escaped as serde_json escapes them; everything else as it is.
pub fn json_string(out: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bytes = s.as_bytes();
    if bytes.is_empty() {
        // (Often so: a match's clitics.)
        out.extend_from_slice(b"\"\"");
        return;
    }
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut start = 0;
    while let Some(i) = next_json_escape(bytes, start) {
        let b = bytes[i];
        out.extend_from_slice(&bytes[start..i]);
        let escape = JSON_ESCAPE[usize::from(b)];
        if escape == b'u' {
            out.extend_from_slice(b"\\u00");
            out.push(HEX[usize::from(b >> 4)]);
            out.push(HEX[usize::from(b & 0xF)]);
        } else {
            out.push(b'\\');
            out.push(escape);
        }
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

/// The first byte at or after `from` that JSON escapes (a control character, `"` or
/// `\`), eight bytes at a time: most strings have none.
#[inline]
fn next_json_escape(b: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // High bit of each byte of `x` below 0x20, equal to `"` or equal to `\`. A borrow can
    // set a false bit only above a true one, so the lowest bit set is exact.
    let flags = |x: u64| {
        let below = x.wrapping_sub(ONES * 0x20);
        let quote = (x ^ (ONES * u64::from(b'"'))).wrapping_sub(ONES);
        let backslash = (x ^ (ONES * u64::from(b'\\'))).wrapping_sub(ONES);
        (below | quote | backslash) & !x & HIGH
    };
    let word = |at: usize| u64::from_le_bytes(b[at..at + 8].try_into().expect("eight bytes"));
    let mut i = from;
    while i + 8 <= b.len() {
        let f = flags(word(i));
        if f != 0 {
            return Some(i + (f.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    if i == b.len() {
        return None;
    }
    if b.len() >= from + 8 {
        // The last eight bytes, overlapping bytes this call found clean (which flag
        // nothing, and set off no false flag).
        let f = flags(word(b.len() - 8));
        return (f != 0).then(|| b.len() - 8 + (f.trailing_zeros() / 8) as usize);
    }
    (i..b.len()).find(|&j| JSON_ESCAPE[usize::from(b[j])] != 0)
}

/// Appends one TSV field, escaping `\`, tab, CR and LF.
pub fn tsv_field(out: &mut Vec<u8>, field: &str) {
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
        out.extend_from_slice(&bytes[start..i]);
        out.extend_from_slice(escaped);
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde::Serialize;

    /// A record of every kind of field, written by hand here and derived for serde_json.
    #[derive(Serialize)]
    struct Sample {
        text: String,
        n: u64,
        #[serde(skip_serializing_if = "Option::is_none")]
        maybe: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        count: Option<u64>,
        flag: bool,
        payload: serde_json::Value,
    }

    impl Record for Sample {
        fn write_json(&self, o: &mut JsonObject<'_, '_>) {
            o.str("text", &self.text);
            o.num("n", self.n);
            o.opt_str("maybe", self.maybe.as_deref());
            o.opt_num("count", self.count);
            o.bool("flag", self.flag);
            o.value("payload", &self.payload);
        }

        fn write_tsv(&self, row: &mut TsvRow<'_, '_>) {
            row.str(&self.text);
            row.num(self.n);
            row.opt_num(self.count);
        }
    }

    /// `record` as the writer writes it, at the start of the output.
    fn written(format: Format, record: &impl Record) -> Vec<u8> {
        let mut out = Output::new(Vec::new(), None);
        write_record(&mut out, format, record);
        let mut written = Vec::new();
        Carry::new(None).write(&out.finish(), &mut written).unwrap();
        written
    }

    /// Strings heavy in what JSON escapes or could get wrong: controls, quotes,
    /// backslashes, DEL, U+2028/U+2029, non-BMP characters, U+FFFD from invalid bytes.
    fn awkward() -> impl Strategy<Value = String> {
        let c = prop_oneof![
            (0u32..0x20).prop_map(|c| char::from_u32(c).unwrap()),
            Just('"'),
            Just('\\'),
            Just('/'),
            Just('\u{7F}'),
            Just('\u{2028}'),
            Just('\u{2029}'),
            Just('\u{FFFD}'),
            Just('😀'),
            Just('\u{10FFFF}'),
            Just('ب'),
            any::<char>(),
        ];
        prop_oneof![
            proptest::collection::vec(c, 0..24).prop_map(|v| v.into_iter().collect()),
            any::<String>(),
            proptest::collection::vec(any::<u8>(), 0..32)
                .prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        ]
    }

    proptest! {
        #[test]
        fn json_is_what_serde_json_writes(
            text in awkward(),
            n in any::<u64>(),
            maybe in proptest::option::of(awkward()),
            count in proptest::option::of(any::<u64>()),
            flag in any::<bool>(),
            key in awkward(),
        ) {
            let payload = serde_json::json!({ "k": key.clone(), "n": [n, 0] });
            let sample = Sample { text, n, maybe, count, flag, payload };
            let got = written(Format::Jsonl, &sample);
            let mut want = serde_json::to_vec(&sample).unwrap();
            want.push(b'\n');
            prop_assert_eq!(String::from_utf8(got).unwrap(), String::from_utf8(want).unwrap());
            // A string alone, and a number alone.
            let mut got = Vec::new();
            json_string(&mut got, &key);
            prop_assert_eq!(got, serde_json::to_vec(&key).unwrap());
            let mut got = Vec::new();
            decimal(&mut got, n);
            prop_assert_eq!(got, n.to_string().into_bytes());
        }
    }

    proptest! {
        /// The eight-bytes-at-a-time search finds what a byte-by-byte one does, from any
        /// place, with escapes anywhere (next to the place, in the overlapping last word).
        #[test]
        fn the_escape_search_is_the_bytewise_one(
            b in proptest::collection::vec(
                prop_oneof![Just(b'"'), Just(b'\\'), 0u8..0x21, any::<u8>(), Just(0xD8u8)],
                0..40,
            ),
            from in 0usize..41,
        ) {
            let from = from.min(b.len());
            let want = (from..b.len()).find(|&j| JSON_ESCAPE[usize::from(b[j])] != 0);
            prop_assert_eq!(next_json_escape(&b, from), want);
        }
    }

    /// `Sample` with its `maybe` and `count` written apart and pasted in, first or after
    /// `text`.
    struct Pasted<'a>(&'a Sample, bool);

    impl Record for Pasted<'_> {
        fn write_json(&self, o: &mut JsonObject<'_, '_>) {
            let s = self.0;
            let mut apart = Vec::new();
            json_members(&mut apart, |o| {
                o.opt_str("maybe", s.maybe.as_deref());
                o.opt_num("count", s.count);
            });
            if self.1 {
                o.members(&apart);
                o.str("text", &s.text);
            } else {
                o.str("text", &s.text);
                o.members(&apart);
            }
            o.num("n", s.n);
            o.bool("flag", s.flag);
        }

        fn write_tsv(&self, row: &mut TsvRow<'_, '_>) {
            let s = self.0;
            let mut apart = Vec::new();
            tsv_fields(&mut apart, |row| {
                row.str(&s.text);
                row.num(s.n);
            });
            if self.1 {
                row.fields(&apart);
                row.opt_num(s.count);
            } else {
                row.opt_num(s.count);
                row.fields(&apart);
            }
        }
    }

    proptest! {
        /// Members and fields written apart and pasted in read as if written in place.
        #[test]
        fn pasted_members_and_fields_are_written_ones(
            text in awkward(),
            n in any::<u64>(),
            maybe in proptest::option::of(awkward()),
            count in proptest::option::of(any::<u64>()),
            flag in any::<bool>(),
        ) {
            let s = Sample { text, n, maybe, count, flag, payload: serde_json::Value::Null };
            let mut value: serde_json::Map<String, serde_json::Value> = serde_json::Map::new();
            for first in [true, false] {
                let json = written(Format::Jsonl, &Pasted(&s, first));
                let got: serde_json::Value = serde_json::from_slice(&json).unwrap();
                value.insert("text".into(), s.text.clone().into());
                value.insert("n".into(), s.n.into());
                if let Some(m) = &s.maybe {
                    value.insert("maybe".into(), m.clone().into());
                }
                if let Some(c) = s.count {
                    value.insert("count".into(), c.into());
                }
                value.insert("flag".into(), s.flag.into());
                prop_assert_eq!(got, serde_json::Value::Object(value.clone()));
                let mut text = Vec::new();
                tsv_field(&mut text, &s.text);
                let text = String::from_utf8(text).unwrap();
                let count = s.count.map(|c| c.to_string()).unwrap_or_default();
                let want = if first {
                    format!("{text}\t{}\t{count}\n", s.n)
                } else {
                    format!("{count}\t{text}\t{}\n", s.n)
                };
                let tsv = String::from_utf8(written(Format::Tsv, &Pasted(&s, first))).unwrap();
                prop_assert_eq!(tsv, want);
            }
        }
    }

    #[test]
    fn the_writer_completes_counts_and_lines_from_the_outputs_before() {
        let mut written = Vec::new();
        let mut carry = Carry::new(Some(b"header\n".to_vec()));
        // Nothing written yet: no header.
        carry
            .write(&Output::new(Vec::new(), None).finish(), &mut written)
            .unwrap();
        assert!(written.is_empty());
        // A word, a count of 3 moved on.
        let mut first = Output::new(Vec::new(), None);
        first.word_gap();
        first.buf().extend_from_slice(b"a");
        first.add_count(3);
        carry.write(&first.finish(), &mut written).unwrap();
        // A word that goes on with the line, a counted number, a line break, a word.
        let mut second = Output::new(Vec::new(), None);
        second.word_gap();
        second.buf().extend_from_slice(b"b");
        second.counted(1);
        second.word_gap();
        second.line_break("\n");
        second.word_gap();
        second.buf().extend_from_slice(b"c");
        second.add_count(2);
        carry.write(&second.finish(), &mut written).unwrap();
        // A new count base of 5, and a word after a line ended.
        let mut third = Output::new(Vec::new(), None);
        third.counted(0);
        carry.write(&third.finish(), &mut written).unwrap();
        assert_eq!(String::from_utf8(written).unwrap(), "header\na b4 \nc5");
    }

    #[test]
    fn a_large_output_goes_on_in_parts_that_read_as_one() {
        let parts = std::cell::RefCell::new(Vec::new());
        let sink = |part: Part<Vec<u8>>| {
            parts.borrow_mut().push(part);
            Vec::new()
        };
        let mut out = Output::new(Vec::new(), Some(&sink));
        let record = Sample {
            text: "ب".repeat(1000),
            n: 1,
            maybe: None,
            count: None,
            flag: true,
            payload: serde_json::Value::Null,
        };
        for _ in 0..1000 {
            out.counted(7);
            write_record(&mut out, Format::Jsonl, &record);
        }
        parts.borrow_mut().push(out.finish());
        let parts = parts.into_inner();
        assert!(parts.len() > 2, "{} parts", parts.len());
        assert!(parts.iter().all(|p| p.buf.len() < PART_SIZE + 3000));
        let mut carry = Carry::new(None);
        carry.base = 10;
        let mut all = Vec::new();
        for p in &parts {
            carry.write(p, &mut all).unwrap();
        }
        let one = written(Format::Jsonl, &record);
        assert_eq!(all, [b"17".as_slice(), &one].concat().repeat(1000));
    }

    #[test]
    fn numbers_at_the_edges() {
        for n in [0, 9, 10, 99, 100, u64::MAX - 1, u64::MAX] {
            let mut got = Vec::new();
            decimal(&mut got, n);
            assert_eq!(got, n.to_string().into_bytes());
        }
    }

    #[test]
    fn tsv_fields_are_escaped() {
        assert_eq!(
            tsv_header(["a\tb", "c\\d", "e\r\nf", "بغداد"]),
            "a\\tb\tc\\\\d\te\\r\\nf\tبغداد\n".as_bytes()
        );
        let sample = Sample {
            text: "x\ty".into(),
            n: 7,
            maybe: None,
            count: None,
            flag: false,
            payload: serde_json::Value::Null,
        };
        assert_eq!(written(Format::Tsv, &sample), b"x\\ty\t7\t\n");
    }
}
