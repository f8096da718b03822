//! What the VM needs from its embedder: a compiler for source text. The VM never
//! depends on the parser; `compile()`, `exec`, `eval` and imports of `.py` files reach
//! the compiler through the [`SourceCompiler`] the embedder installs with
//! [`Vm::set_compiler`] (pyc-cli installs pyc-compiler's).

use std::rc::Rc;

use pyc_bytecode::CodeObject;

use crate::exceptions::ExcKind;
use crate::value::{ObjRef, Value};
use crate::vm::Vm;
use crate::PyResult;

/// What source text is compiled as: `compile()`'s `mode`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompileMode {
    /// A module (`'exec'`).
    Exec,
    /// One expression (`'eval'`).
    Eval,
    /// One interactive statement (`'single'`).
    Single,
}

impl CompileMode {
    /// The mode named by `compile()`'s argument.
    pub fn from_name(name: &str) -> Option<CompileMode> {
        match name {
            "exec" => Some(CompileMode::Exec),
            "eval" => Some(CompileMode::Eval),
            "single" => Some(CompileMode::Single),
            _ => None,
        }
    }
}

/// Why source text did not compile, with what Python's `SyntaxError` carries.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceError {
    /// The exception class: `SyntaxError`, `IndentationError`, `TabError`,
    /// `MemoryError` or `RecursionError`.
    pub class: &'static str,
    /// The message.
    pub message: String,
    /// The file name given to the compiler.
    pub filename: String,
    /// 1-based line.
    pub lineno: u32,
    /// 1-based column where the error starts (0 when unknown).
    pub offset: u32,
    /// 1-based column where it ends (exclusive; 0 when unknown).
    pub end_offset: u32,
    /// The text of the line.
    pub text: Option<String>,
}

/// Turns source text into code: installed by the embedder.
pub trait SourceCompiler {
    /// Compiles `source` as `mode`, recording `filename` in the code objects.
    fn compile(
        &self,
        source: &str,
        filename: &str,
        mode: CompileMode,
    ) -> Result<Rc<CodeObject>, SourceError>;
}

impl Vm {
    /// Installs the compiler that `compile()`, `exec`, `eval` and imports use.
    pub fn set_compiler(&mut self, compiler: Box<dyn SourceCompiler>) {
        self.compiler = Some(Rc::from(compiler));
    }

    /// Compiles `source`, raising the `SyntaxError` (or other error) it gives; without an
    /// installed compiler, `RuntimeError`.
    pub(crate) fn compile_source(
        &mut self,
        source: &str,
        filename: &str,
        mode: CompileMode,
    ) -> PyResult<Rc<CodeObject>> {
        let Some(compiler) = self.compiler.clone() else {
            return Err(self.err(ExcKind::RuntimeError, "no compiler is installed in this VM"));
        };
        compiler
            .compile(source, filename, mode)
            .map_err(|e| self.source_error(&e))
    }

    /// The exception a [`SourceError`] stands for: a `SyntaxError` (or subclass) with
    /// `msg`, `filename`, `lineno`, `offset`, `text`, `end_lineno` and `end_offset`.
    fn source_error(&mut self, e: &SourceError) -> ObjRef {
        let kind = ExcKind::ALL
            .iter()
            .copied()
            .find(|k| k.name() == e.class)
            .unwrap_or(ExcKind::SyntaxError);
        if !matches!(
            kind,
            ExcKind::SyntaxError | ExcKind::IndentationError | ExcKind::TabError
        ) {
            return self.err(kind, e.message.clone());
        }
        let msg = self.new_str(e.message.as_str());
        let filename = self.new_str(e.filename.as_str());
        let text = match &e.text {
            Some(t) => self.new_str(format!("{t}\n")),
            None => Value::None,
        };
        let lineno = Value::Int(i64::from(e.lineno));
        let offset = Value::Int(i64::from(e.offset));
        let end_offset = Value::Int(i64::from(e.end_offset));
        let details = self.new_tuple(vec![filename, lineno, offset, text, lineno, end_offset]);
        let class = self.exc_class(kind);
        let exc = self.new_exception(class, vec![msg, details]);
        let dict = self
            .instance_dict(exc, true)
            .expect("exceptions have a __dict__");
        for (name, v) in [
            ("msg", msg),
            ("filename", filename),
            ("lineno", lineno),
            ("offset", offset),
            ("text", text),
            ("end_lineno", lineno),
            ("end_offset", end_offset),
            ("print_file_and_line", Value::None),
        ] {
            self.dict_set_str(dict, name, v);
        }
        exc
    }
}
