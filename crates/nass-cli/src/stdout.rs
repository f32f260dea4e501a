//! Standard output as the filters use it: whether it is a pipe or closed, and a handle
//! that skips the line buffering of `io::stdout()`.

use std::io::{self, Write};

/// A duplicate of standard output's file descriptor (on Unix; elsewhere, none).
fn file() -> Option<std::fs::File> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        io::stdout()
            .as_fd()
            .try_clone_to_owned()
            .ok()
            .map(std::fs::File::from)
    }
    #[cfg(not(unix))]
    None
}

/// Whether standard output is a pipe (on Unix; elsewhere, never said).
pub fn is_pipe() -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let metadata = file().and_then(|f| f.metadata().ok());
        metadata.is_some_and(|m| m.file_type().is_fifo())
    }
    #[cfg(not(unix))]
    false
}

/// Standard output for filters that write large pieces: where it can be, a duplicate of
/// its file descriptor, which skips the line buffering of `io::stdout()` (it would copy
/// the end of every piece after its last line break, and write it separately).
pub fn unbuffered() -> Box<dyn Write> {
    match file() {
        Some(file) => Box::new(file),
        None => Box::new(io::stdout().lock()),
    }
}

/// Whether standard output is closed. Where its descriptor is open, it may still be:
/// before `main`, the Rust runtime opens /dev/null for reading and writing in place of a
/// closed standard output, and no `>` redirection opens anything for reading too.
pub fn is_closed() -> bool {
    #[cfg(unix)]
    {
        use std::io::Read;
        use std::os::unix::fs::{FileTypeExt, MetadataExt};
        let Some(mut out) = file() else {
            return true;
        };
        let Ok(meta) = out.metadata() else {
            return false;
        };
        let is_null = meta.file_type().is_char_device()
            && std::fs::metadata("/dev/null").is_ok_and(|null| null.rdev() == meta.rdev());
        // Reading /dev/null opened for writing alone fails; opened for both, it ends.
        is_null && out.read(&mut [0u8; 1]).is_ok()
    }
    #[cfg(not(unix))]
    false
}
