//! Shared pieces of the `pyc-run` and `pyc-dis` command lines: reading the program
//! from a file, a `-c` string or standard input, and reporting errors as CPython does.

use std::io::Read;
use std::path::Path;
use std::process::ExitCode;
use std::rc::Rc;

use pyc_bytecode::CodeObject;

/// Where a program's text came from.
pub struct Program {
    /// The text.
    pub source: String,
    /// The name recorded in code objects and tracebacks: the script's absolute path,
    /// `<string>` for `-c`, `<stdin>` for `-`.
    pub filename: String,
    /// Whether tracebacks can show source lines (only for real files, as CPython).
    pub from_file: bool,
}

/// Why a program could not be read: the message to print and the exit code.
pub struct LoadError {
    /// The whole message, without a trailing newline.
    pub message: String,
    /// The process exit code (2, as CPython).
    pub exit_code: i32,
}

/// Reads the program named on a command line: `-c` code wins, then `-` for standard
/// input, then a script path. `tool` names the binary in error messages.
pub fn load_program(
    tool: &str,
    code: Option<String>,
    script: Option<&str>,
    absolute_path: bool,
) -> Result<Program, LoadError> {
    if let Some(source) = code {
        return Ok(Program {
            source,
            filename: "<string>".to_string(),
            from_file: false,
        });
    }
    match script {
        None | Some("-") => {
            let mut source = String::new();
            std::io::stdin()
                .read_to_string(&mut source)
                .map_err(|e| LoadError {
                    message: format!("{tool}: can't read standard input: {e}"),
                    exit_code: 2,
                })?;
            Ok(Program {
                source,
                filename: "<stdin>".to_string(),
                from_file: false,
            })
        }
        Some(path) => {
            let bytes = std::fs::read(path).map_err(|e| LoadError {
                message: format!("{tool}: can't open file '{path}': {}", describe_io(&e)),
                exit_code: 2,
            })?;
            let source = String::from_utf8(bytes).map_err(|e| LoadError {
                message: format!(
                    "SyntaxError: Non-UTF-8 code starting with '\\x{:02x}' in file {path}",
                    e.as_bytes()[e.utf8_error().valid_up_to()]
                ),
                exit_code: 1,
            })?;
            let filename = if absolute_path {
                std::path::absolute(Path::new(path))
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|_| path.to_string())
            } else {
                path.to_string()
            };
            Ok(Program {
                source,
                filename,
                from_file: true,
            })
        }
    }
}

/// Reads and compiles the program named on a command line. On failure the error has
/// been printed to stderr as CPython prints it, and the exit code to end with is returned.
pub fn load_and_compile(
    tool: &str,
    code: Option<String>,
    script: Option<&str>,
    absolute_path: bool,
) -> Result<(Program, Rc<CodeObject>), ExitCode> {
    let program = load_program(tool, code, script, absolute_path).map_err(|e| {
        eprintln!("{}", e.message);
        ExitCode::from(e.exit_code as u8)
    })?;
    match pyc_compiler::compile(&program.source, &program.filename) {
        Ok(code) => Ok((program, code)),
        Err(e) => {
            eprint!("{}", e.render(program.from_file));
            Err(ExitCode::from(1))
        }
    }
}

/// `[Errno 2] No such file or directory`, as Python shows an `OSError`.
fn describe_io(e: &std::io::Error) -> String {
    let text = match e.kind() {
        std::io::ErrorKind::NotFound => "No such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "Permission denied".to_string(),
        std::io::ErrorKind::IsADirectory => "Is a directory".to_string(),
        _ => e.to_string(),
    };
    match e.raw_os_error() {
        Some(code) => format!("[Errno {code}] {text}"),
        None => text,
    }
}

/// pyc-compiler as the VM's [`pyc_vm::host::SourceCompiler`].
struct Compiler;

impl pyc_vm::host::SourceCompiler for Compiler {
    fn compile(
        &self,
        source: &str,
        filename: &str,
        mode: pyc_vm::host::CompileMode,
    ) -> Result<Rc<CodeObject>, pyc_vm::host::SourceError> {
        use pyc_vm::host::CompileMode;
        let mode = match mode {
            CompileMode::Exec => pyc_compiler::Mode::Exec,
            CompileMode::Eval => pyc_compiler::Mode::Eval,
            CompileMode::Single => pyc_compiler::Mode::Single,
        };
        pyc_compiler::compile_mode(source, filename, mode).map_err(|e| {
            let located = e.kind.is_syntax_error();
            pyc_vm::host::SourceError {
                class: e.kind.name(),
                message: e.message,
                filename: e.filename,
                lineno: if located { e.line } else { 0 },
                offset: if located { e.col + 1 } else { 0 },
                end_offset: if located { e.end_col + 1 } else { 0 },
                text: located.then_some(e.line_text),
            }
        })
    }
}

/// A VM with everything a Python program expects: the compiler (for imports, `exec`,
/// `eval` and `compile`), the shipped modules, and `sys.argv`/`sys.path` as CPython sets
/// them for `program` run with `args`. `isolated` leaves out `PYTHONPATH` (`-E`, `-I`).
pub fn new_interpreter(program: &Program, argv: Vec<String>, isolated: bool) -> pyc_vm::Vm {
    let mut vm = pyc_vm::Vm::new();
    vm.set_compiler(Box::new(Compiler));
    pyc_stdlib::install(&mut vm);
    let mut path = vec![if program.from_file {
        Path::new(&program.filename)
            .parent()
            .map(|p| p.display().to_string())
            .unwrap_or_default()
    } else {
        String::new()
    }];
    if !isolated {
        if let Ok(extra) = std::env::var("PYTHONPATH") {
            path.extend(
                extra
                    .split(':')
                    .filter(|p| !p.is_empty())
                    .map(str::to_string),
            );
        }
    }
    vm.set_path(&path);
    vm.set_argv(&argv);
    if program.from_file {
        vm.add_source(&program.filename, &program.source);
    }
    vm
}
