//! `pyc-dis`: shows a program's bytecode laid out like `python3 -m dis`, and with
//! `--closures` which names became cells, which are free, and which cell each free
//! variable binds to.

use std::process::ExitCode;

use clap::Parser;
use pyc_cli::load_and_compile;

/// Disassemble a Python program compiled by pyc.
#[derive(Parser)]
#[command(name = "pyc-dis", version, about)]
struct Args {
    /// Program passed in as a string.
    #[arg(short = 'c', value_name = "CODE")]
    code: Option<String>,
    /// Instead of the bytecode, list each code object's cell and free variables and
    /// the enclosing cell each free variable binds to.
    #[arg(long)]
    closures: bool,
    /// The script to disassemble (`-` reads standard input).
    script: Option<String>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let (_, code) = match load_and_compile("pyc-dis", args.code, args.script.as_deref(), false) {
        Ok(loaded) => loaded,
        Err(exit) => return exit,
    };
    if args.closures {
        print!("{}", pyc_disasm::closure_report(&code));
    } else {
        print!("{}", pyc_disasm::disassemble(&code));
    }
    ExitCode::SUCCESS
}
