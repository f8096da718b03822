//! `pyc-run`: runs a Python program as CPython 3.11 would, printing the same output,
//! tracebacks and exit codes.

use std::process::ExitCode;

use clap::Parser;
use pyc_cli::{load_and_compile, new_interpreter};

/// Run a Python program with pyc.
#[derive(Parser)]
#[command(name = "pyc-run", version, about)]
struct Args {
    /// Program passed in as a string.
    #[arg(short = 'c', value_name = "CODE")]
    code: Option<String>,
    /// Ignore PYTHON* environment variables such as PYTHONPATH.
    #[arg(short = 'E')]
    ignore_environment: bool,
    /// Isolate the program from the user's environment (implies -E).
    #[arg(short = 'I')]
    isolate: bool,
    /// Unbuffered output (accepted; pyc flushes its output at exit and on input()).
    #[arg(short = 'u')]
    unbuffered: bool,
    /// Don't write .pyc files (accepted; pyc never writes any).
    #[arg(short = 'B')]
    dont_write_bytecode: bool,
    /// The script to run (`-` reads the program from standard input).
    script: Option<String>,
    /// Arguments passed to the program.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    args: Vec<String>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let argv0 = match (&args.code, &args.script) {
        (Some(_), _) => "-c".to_string(),
        (None, Some(script)) => script.clone(),
        (None, None) => String::new(),
    };
    // With -c, what clap took for the script is the program's first argument.
    let mut rest = args.args.clone();
    let script = if args.code.is_some() {
        if let Some(s) = &args.script {
            rest.insert(0, s.clone());
        }
        None
    } else {
        args.script.as_deref()
    };
    let (program, code) = match load_and_compile("pyc-run", args.code.clone(), script, true) {
        Ok(loaded) => loaded,
        Err(exit) => return exit,
    };
    let argv = std::iter::once(argv0).chain(rest).collect();
    let mut vm = new_interpreter(&program, argv, args.ignore_environment || args.isolate);
    let status = match vm.run_module(code) {
        Ok(()) => ExitCode::SUCCESS,
        Err(uncaught) => {
            eprint!("{}", uncaught.render());
            ExitCode::from(uncaught.exit_code() as u8)
        }
    };
    // `atexit` callbacks run last, after the traceback, as in CPython.
    vm.run_exit_hooks();
    status
}
