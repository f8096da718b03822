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

/// Compiles a module's source text; `filename` is recorded in every code object.
pub fn compile(source: &str, filename: &str) -> Result<Rc<CodeObject>, CompileError> {
    let module = pyc_parser::parse_module(source)
        .map_err(|e| error::RawError::from(e).locate(source, filename))?;
    let table =
        symtable::SymbolTable::build(&module.body).map_err(|e| e.locate(source, filename))?;
    let compiler = codegen::Compiler::new(table, source, filename);
    let code = compiler
        .compile_module(&module.body)
        .map_err(|e| e.locate(source, filename))?;
    Ok(Rc::new(code))
}
