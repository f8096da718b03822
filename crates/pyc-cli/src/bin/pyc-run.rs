//! `pyc-run`: runs a Python program as CPython 3.11 would, printing the same output,
//! tracebacks and exit codes.

use std::process::ExitCode;

use clap::Parser;
use pyc_cli::{load_and_compile, new_interpreter, Program};

/// Run a Python program with pyc.
#[derive(Parser)]
#[command(name = "pyc-run", version, about)]
struct Args {
    /// Program passed in as a string.
    #[arg(short = 'c', value_name = "CODE")]
    code: Option<String>,
    /// Run library module MODULE as a script (the arguments after it are its own).
    #[arg(short = 'm', value_name = "MODULE")]
    module: Option<String>,
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

/// Splits the command line where the program's own arguments start: after `-m NAME`
/// (or `-mNAME`) everything belongs to the module, as in CPython.
fn split_module_args(argv: Vec<String>) -> (Vec<String>, Vec<String>) {
    let mut i = 1;
    while i < argv.len() {
        let arg = &argv[i];
        if arg == "-m" {
            return (
                argv[..(i + 2).min(argv.len())].to_vec(),
                argv[(i + 2).min(argv.len())..].to_vec(),
            );
        }
        if arg.starts_with("-m") {
            return (argv[..=i].to_vec(), argv[i + 1..].to_vec());
        }
        if arg == "-c" || arg == "--" || !arg.starts_with('-') || arg == "-" {
            break;
        }
        i += 1;
    }
    (argv, Vec::new())
}

fn main() -> ExitCode {
    let (own, module_args) = split_module_args(std::env::args().collect());
    let args = Args::parse_from(own);
    let isolated = args.ignore_environment || args.isolate;
    if let Some(module) = &args.module {
        return run_module(module, module_args, isolated);
    }
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
    let mut vm = new_interpreter(&program, argv, isolated);
    let result = vm.run_module(code);
    finish(&mut vm, result)
}

/// `pyc-run -m MODULE args...`: the module runs as `__main__` with the current folder
/// first on `sys.path` and `sys.argv[0]` its file.
fn run_module(name: &str, args: Vec<String>, isolated: bool) -> ExitCode {
    let cwd = std::env::current_dir()
        .map(|d| d.display().to_string())
        .unwrap_or_default();
    let program = Program {
        source: String::new(),
        filename: format!("{cwd}/-m"),
        from_file: true,
    };
    let mut vm = new_interpreter(&program, Vec::new(), isolated);
    match vm.find_main_module(name) {
        Ok(module) => {
            let argv: Vec<String> = std::iter::once(module.file.clone()).chain(args).collect();
            vm.set_argv(&argv);
            let result = vm.run_main_module(module);
            finish(&mut vm, result)
        }
        Err(Ok(message)) => {
            eprintln!("pyc-run: {message}");
            ExitCode::from(1)
        }
        Err(Err(uncaught)) => finish(&mut vm, Err(uncaught)),
    }
}

/// The exit status of a finished run, its traceback printed; `atexit` callbacks run
/// last, after the traceback, as in CPython.
fn finish(vm: &mut pyc_vm::Vm, result: Result<(), pyc_vm::Uncaught>) -> ExitCode {
    let status = match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(uncaught) => {
            eprint!("{}", uncaught.render());
            ExitCode::from(uncaught.exit_code() as u8)
        }
    };
    vm.run_exit_hooks();
    status
}
