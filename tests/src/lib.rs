//! Cross-crate and corpus tests live in `tests/`.
