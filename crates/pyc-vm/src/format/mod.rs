//! Python's text formatting of primitive values: the format-spec mini-language
//! (`format()`, f-strings, `str.format`), printf-style `%` formatting, `round()` on
//! floats and `str()` of floats.
//!
//! Everything here is a pure function over Rust values, matching CPython 3.11 output and
//! error messages exactly. Errors come back as [`FormatError`], which names the Python
//! exception class the caller should raise.

mod dtoa;
mod error;
mod float;
mod int;
mod layout;
pub mod percent;
mod round;
pub mod spec;
mod string;

pub use error::FormatError;
pub use float::format_float;
pub use int::{
    format_int, int_max_str_digits, int_str_limit_msg, int_to_decimal, set_int_max_str_digits,
};
pub use percent::{percent_format, Conversion, PercentArg, PercentError};
pub use round::round_float;
pub use string::format_str;
