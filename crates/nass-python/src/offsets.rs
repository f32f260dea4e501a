//! Byte offsets of UTF-8 text turned into code-point indices of the Python `str`.

/// Converts byte offsets of one text into code-point indices, counting only the bytes
/// between the previous offset asked and this one: a pass over the text for offsets that
/// come in order (tokens, matches), short walks for those that step back a little.
pub struct CodePoints<'t> {
    bytes: &'t [u8],
    ascii: bool,
    byte: usize,
    index: usize,
}

fn count(bytes: &[u8]) -> usize {
    // Every byte that is not a UTF-8 continuation byte starts a code point.
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

impl<'t> CodePoints<'t> {
    /// A converter for `text`.
    pub fn new(text: &'t str) -> Self {
        CodePoints {
            bytes: text.as_bytes(),
            ascii: text.is_ascii(),
            byte: 0,
            index: 0,
        }
    }

    /// The code-point index of byte offset `byte` (a char boundary of the text).
    pub fn index(&mut self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        let byte = byte.min(self.bytes.len());
        if byte >= self.byte {
            self.index += count(&self.bytes[self.byte..byte]);
        } else {
            self.index -= count(&self.bytes[byte..self.byte]);
        }
        self.byte = byte;
        self.index
    }
}

/// The byte offset of every code point of `text`, and the text's length at the end:
/// `table[i]` is where code point `i` starts.
pub fn byte_offsets(text: &str) -> Vec<usize> {
    let mut table: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    table.push(text.len());
    table
}
