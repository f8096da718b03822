//! The error type shared by all formatting functions.

use std::fmt;

/// A formatting failure: the Python exception class to raise and its message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    /// Raise `ValueError(message)`.
    Value(String),
    /// Raise `TypeError(message)`.
    Type(String),
    /// Raise `OverflowError(message)`.
    Overflow(String),
}

impl FormatError {
    /// The Python exception class name: `"ValueError"`, `"TypeError"` or `"OverflowError"`.
    pub fn class_name(&self) -> &'static str {
        match self {
            FormatError::Value(_) => "ValueError",
            FormatError::Type(_) => "TypeError",
            FormatError::Overflow(_) => "OverflowError",
        }
    }

    /// The exception message.
    pub fn message(&self) -> &str {
        match self {
            FormatError::Value(m) | FormatError::Type(m) | FormatError::Overflow(m) => m,
        }
    }

    /// `ValueError` helper.
    pub(super) fn value(msg: impl Into<String>) -> Self {
        FormatError::Value(msg.into())
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.class_name(), self.message())
    }
}

impl std::error::Error for FormatError {}
