//! `pyc-dis`: shows a program's bytecode laid out like `python3 -m dis`, and with
//! `--closures` which names became cells, which are free, and which cell each free
//! variable binds to.

use std::process::ExitCode;

use clap::Parser;
use pyc_cli::load_program;

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
    let program = match load_program("pyc-dis", args.code, args.script.as_deref(), false) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{}", e.message);
            return ExitCode::from(e.exit_code as u8);
        }
    };
    let code = match pyc_compiler::compile(&program.source, &program.filename) {
        Ok(code) => code,
        Err(e) => {
            eprint!("{}", e.render(program.from_file));
            return ExitCode::from(1);
        }
    };
    if args.closures {
        print!("{}", pyc_disasm::closure_report(&code));
    } else {
        print!("{}", pyc_disasm::disassemble(&code));
    }
    ExitCode::SUCCESS
}
