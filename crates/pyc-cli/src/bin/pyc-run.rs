//! `pyc-run`: runs a Python program as CPython 3.11 would, printing the same output,
//! tracebacks and exit codes.

use std::process::ExitCode;

use clap::Parser;
use pyc_cli::load_and_compile;

/// Run a Python program with pyc.
#[derive(Parser)]
#[command(name = "pyc-run", version, about)]
struct Args {
    /// Program passed in as a string.
    #[arg(short = 'c', value_name = "CODE")]
    code: Option<String>,
    /// The script to run (`-` reads the program from standard input).
    script: Option<String>,
    /// Arguments passed to the program.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    args: Vec<String>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let (program, code) = match load_and_compile("pyc-run", args.code, args.script.as_deref(), true)
    {
        Ok(loaded) => loaded,
        Err(exit) => return exit,
    };
    let mut vm = pyc_vm::Vm::new();
    if program.from_file {
        vm.add_source(&program.filename, &program.source);
    }
    match vm.run_module(code) {
        Ok(()) => ExitCode::SUCCESS,
        Err(uncaught) => {
            eprint!("{}", uncaught.render());
            ExitCode::from(uncaught.exit_code() as u8)
        }
    }
}
