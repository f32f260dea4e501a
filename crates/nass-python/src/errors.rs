//! The exception classes of the package.

use pyo3::create_exception;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::PyErr;

create_exception!(
    nass,
    NassError,
    PyValueError,
    "A value nass cannot work with: a string with a lone surrogate, an unknown preset or \
     option name, a malformed gazetteer, a number or date out of range. Subclasses \
     ValueError."
);

create_exception!(
    nass,
    NassTypeError,
    PyTypeError,
    "An argument of the wrong type: None, bytes or a number where nass wants a str, and \
     the like. Subclasses TypeError."
);

/// A `NassError` with this message.
pub fn value_error(message: impl Into<String>) -> PyErr {
    NassError::new_err(message.into())
}

/// A `NassTypeError` with this message.
pub fn type_error(message: impl Into<String>) -> PyErr {
    NassTypeError::new_err(message.into())
}
