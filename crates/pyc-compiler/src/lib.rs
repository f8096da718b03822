//! The compiler: Python source to CPython 3.11-style code objects.
//!
//! [`compile`] parses with `pyc-parser`, builds the [`symtable`] (every name classified
//! as local, global, cell or free exactly as CPython does), then generates code
//! (`codegen`) into `pyc-bytecode` code objects.
//!
//! Modules: [`error`] (located syntax errors), [`symtable`] (the two-pass scope
//! analysis), `codegen` (instruction emission and assembly), `depth` (stack growth for
//! deeply nested programs).

mod codegen;
mod depth;
pub mod error;
pub mod symtable;

use std::rc::Rc;

use pyc_bytecode::CodeObject;

pub use error::{CompileError, ErrorKind};

/// What source text is compiled as: the `mode` argument of Python's `compile()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A module: a sequence of statements (`'exec'`).
    Exec,
    /// One expression whose value the code returns (`'eval'`).
    Eval,
    /// One interactive statement: expression statements print their value (`'single'`).
    Single,
}

/// Compiles a module's source text; `filename` is recorded in every code object.
pub fn compile(source: &str, filename: &str) -> Result<Rc<CodeObject>, CompileError> {
    compile_mode(source, filename, Mode::Exec)
}

/// Compiles source text as `compile(source, filename, mode)` does.
pub fn compile_mode(
    source: &str,
    filename: &str,
    mode: Mode,
) -> Result<Rc<CodeObject>, CompileError> {
    // `eval` ignores leading blanks, as CPython's tokenizer does in that mode.
    let source = match mode {
        Mode::Eval => source.trim_start_matches([' ', '\t']),
        _ => source,
    };
    let module = pyc_parser::parse_module(source)
        .map_err(|e| error::RawError::from(e).locate(source, filename))?;
    let expression = match mode {
        Mode::Eval => {
            Some(single_expression(source, &module.body).map_err(|e| e.locate(source, filename))?)
        }
        _ => None,
    };
    let table =
        symtable::SymbolTable::build(&module.body).map_err(|e| e.locate(source, filename))?;
    let compiler = codegen::Compiler::new(table, source, filename, mode == Mode::Single);
    let code = match expression {
        Some(e) => compiler.compile_expression(e),
        None => compiler.compile_module(&module.body),
    }
    .map_err(|e| e.locate(source, filename))?;
    Ok(Rc::new(code))
}

/// The one expression an `eval` source holds, or CPython's `invalid syntax` where its
/// eval parser stops: at the first token after the expression a statement starts with
/// (an expression statement, an assignment's first target), else at the statement.
fn single_expression<'m>(
    source: &str,
    body: &'m [pyc_parser::ast::Stmt],
) -> Result<&'m pyc_parser::ast::Expr, error::RawError> {
    use pyc_parser::ast::{Span, StmtKind};
    let Some(first) = body.first() else {
        return Err(error::RawError::syntax(
            "invalid syntax",
            Span { start: 0, end: 0 },
        ));
    };
    let leading = match &first.kind {
        StmtKind::Expr(e) if body.len() == 1 => return Ok(e),
        StmtKind::Expr(e) => Some(e),
        StmtKind::Assign { targets, .. } => targets.first(),
        StmtKind::AugAssign { target, .. } => Some(target),
        _ => None,
    };
    let span = match leading {
        Some(e) => {
            let end = e.span.end as usize;
            let rest = &source[end..];
            let at = (end + rest.len() - rest.trim_start().len()) as u32;
            Span {
                start: at,
                end: at + 1,
            }
        }
        None => first.span,
    };
    Err(error::RawError::syntax("invalid syntax", span))
}
