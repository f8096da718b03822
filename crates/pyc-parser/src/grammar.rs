//! The pest parser generated from `grammar.pest`; its pairs stay inside this crate.

use pest_derive::Parser;

/// The Python grammar over the pre-pass text (see [`crate::indent`]).
#[derive(Parser)]
#[grammar = "grammar.pest"]
pub(crate) struct PythonParser;
