//! Helpers shared by the pyc-cli integration tests: running the two binaries with a
//! time limit, normalising their output the way `tools/bless-run-goldens` normalises
//! CPython's, reducing `dis` listings to what pyc and CPython share ([`listing`]),
//! finding golden cases, and showing line diffs.

#![allow(dead_code)] // Each test binary uses its own subset of these helpers.

pub mod listing;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// The `pyc-run` binary Cargo built for these tests.
pub const PYC_RUN: &str = env!("CARGO_BIN_EXE_pyc-run");
/// The `pyc-dis` binary Cargo built for these tests.
pub const PYC_DIS: &str = env!("CARGO_BIN_EXE_pyc-dis");

/// No single invocation may take longer than this; a hang is reported as a failure.
const TIME_LIMIT: Duration = Duration::from_secs(20);

/// What a finished process printed, and how it ended.
pub struct Output {
    pub stdout: String,
    pub stderr: String,
    /// The exit code; `None` when the process was killed by a signal.
    pub code: Option<i32>,
}

/// A command line to run: binary, arguments, working directory and standard input.
pub struct Run {
    command: Command,
    stdin: Vec<u8>,
}

impl Run {
    /// Starts describing a run of `binary` with `args`; standard input is empty.
    pub fn new(binary: &str, args: &[&str]) -> Self {
        let mut command = Command::new(binary);
        command.args(args).env_remove("RUST_BACKTRACE");
        Run {
            command,
            stdin: Vec::new(),
        }
    }

    /// Runs in `dir` instead of the test's working directory.
    pub fn current_dir(mut self, dir: &Path) -> Self {
        self.command.current_dir(dir);
        self
    }

    /// Feeds `input` on standard input.
    pub fn stdin(mut self, input: &[u8]) -> Self {
        self.stdin = input.to_vec();
        self
    }

    /// Runs to completion, killing the process (and panicking) past the time limit.
    pub fn output(mut self) -> Output {
        let mut child = self
            .command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("cannot start the binary under test");
        let mut stdin = child.stdin.take().unwrap();
        let input = std::mem::take(&mut self.stdin);
        // A program that never reads its input must not block us: write from a thread.
        let writer = thread::spawn(move || {
            let _ = stdin.write_all(&input);
        });
        let stdout = drain(child.stdout.take().unwrap());
        let stderr = drain(child.stderr.take().unwrap());
        let started = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().expect("cannot wait for the child") {
                break status;
            }
            if started.elapsed() > TIME_LIMIT {
                let _ = child.kill();
                let _ = child.wait();
                panic!("{:?} did not finish within {TIME_LIMIT:?}", self.command);
            }
            thread::sleep(Duration::from_millis(2));
        };
        let _ = writer.join();
        Output {
            stdout: stdout.join().unwrap(),
            stderr: stderr.join().unwrap(),
            code: status.code(),
        }
    }
}

/// Reads a pipe to its end on a thread, so a full pipe never stalls the child.
fn drain(mut pipe: impl Read + Send + 'static) -> thread::JoinHandle<String> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = pipe.read_to_end(&mut bytes);
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

/// Replaces every memory address `0x[0-9a-f]+` with `0x?`.
pub fn mask_addresses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("0x") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let digits = after
            .bytes()
            .take_while(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(b))
            .count();
        out.push_str(if digits > 0 { "0x?" } else { "0x" });
        rest = &after[digits..];
    }
    out.push_str(rest);
    out
}

/// Whether `line` is one of CPython 3.11's position marker lines (`^`, `~` and spaces).
pub fn is_marker_line(line: &str) -> bool {
    line.contains(['^', '~']) && line.chars().all(|c| matches!(c, '^' | '~' | ' '))
}

/// Normalises standard error as `tools/bless-run-goldens` does: `dir`'s absolute path
/// becomes `<dir>`, addresses are masked (position markers stay).
pub fn normalise_stderr(stderr: &str, dir: &Path) -> String {
    let prefix = format!("{}/", dir.display());
    mask_addresses(&stderr.replace(&prefix, "<dir>/"))
}

/// What `pyc-run NAME.py`, run from the script's directory with `NAME.stdin` (when
/// present) as its standard input, did, in the format of the `.out` files
/// `tools/bless-run-goldens` writes from CPython: standard output, then
/// `--- exit N ---`, then (when N is not 0) standard error, normalised alike.
pub fn run_output(script: &Path) -> String {
    let dir = script.parent().unwrap();
    let input = std::fs::read(script.with_extension("stdin")).unwrap_or_default();
    let output = Run::new(PYC_RUN, &[&file_name(script)])
        .current_dir(dir)
        .stdin(&input)
        .output();
    let mut text = mask_addresses(&output.stdout);
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    let code = output
        .code
        .map_or("killed by a signal".to_string(), |c| c.to_string());
    text += &format!("--- exit {code} ---\n");
    if output.code != Some(0) {
        text += &normalise_stderr(&output.stderr, dir);
    }
    text
}

/// Runs `pyc-dis` with `flags` on `script` from the script's directory; its listing
/// with addresses masked, or what went wrong.
pub fn dis_output(script: &Path, flags: &[&str]) -> Result<String, String> {
    let name = file_name(script);
    let mut args = flags.to_vec();
    args.push(&name);
    let output = Run::new(PYC_DIS, &args)
        .current_dir(script.parent().unwrap())
        .output();
    if output.code != Some(0) {
        return Err(format!(
            "pyc-dis {args:?} exited {:?}:\n{}",
            output.code, output.stderr
        ));
    }
    Ok(mask_addresses(&output.stdout))
}

/// Compares pyc-dis's instructions for `script` with CPython's listing in
/// `NAME.cpython` (written by `tools/bless-dis-goldens`), both normalised by
/// [`listing::normalise`].
pub fn check_against_cpython(script: &Path) -> Result<(), String> {
    let expected = listing::normalise(&read_expected(&script.with_extension("cpython")));
    let actual = listing::normalise(&dis_output(script, &[])?);
    compare(&expected, &actual)
        .map_err(|diff| format!("--- instructions (- python3 -m dis, + pyc-dis)\n{diff}"))
}

/// The directory `tests/data/<kind>` of this package, without symbolic links (a child
/// process run there sees this path as its working directory).
pub fn data_dir(kind: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(kind);
    dir.canonicalize()
        .unwrap_or_else(|e| panic!("cannot find {}: {e}", dir.display()))
}

/// Every `*.py` case in `dir`, sorted by name.
pub fn cases(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "py"))
        .collect();
    found.sort();
    assert!(!found.is_empty(), "no cases in {}", dir.display());
    found
}

/// A file name without its directory, for messages.
pub fn file_name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

/// Reads an expected-output file, failing with a hint to bless when it is missing.
pub fn read_expected(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| {
        panic!(
            "cannot read {}: {e} (write it with the tools/bless-* script)",
            path.display()
        )
    })
}

/// Runs `check` on every case in parallel (one thread each), then fails once, listing
/// every case whose check returned a problem.
pub fn check_all(cases: &[PathBuf], check: impl Fn(&Path) -> Result<(), String> + Sync) {
    let failures: Vec<String> = thread::scope(|scope| {
        let handles: Vec<_> = cases
            .iter()
            .map(|case| {
                let check = &check;
                scope.spawn(move || check(case).err())
            })
            .collect();
        handles
            .into_iter()
            .zip(cases)
            .filter_map(|(handle, case)| match handle.join() {
                Ok(problem) => problem.map(|p| format!("=== {}\n{p}", file_name(case))),
                Err(payload) => {
                    let message = payload
                        .downcast_ref::<String>()
                        .map(String::as_str)
                        .or_else(|| payload.downcast_ref::<&str>().copied())
                        .unwrap_or("(no message)");
                    Some(format!(
                        "=== {}\nthe check panicked: {message}",
                        file_name(case)
                    ))
                }
            })
            .collect()
    });
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n\n{}\n{} of {} cases failed: {}",
        failures.len(),
        cases.len(),
        failures.join("\n"),
        failures.len(),
        cases.len(),
        failures
            .iter()
            .map(|f| f.lines().next().unwrap().trim_start_matches("=== "))
            .collect::<Vec<_>>()
            .join(", ")
    );
}

/// Compares two texts; on a difference returns a line diff (`-` expected, `+` actual).
pub fn compare(expected: &str, actual: &str) -> Result<(), String> {
    if expected == actual {
        return Ok(());
    }
    Err(line_diff(expected, actual))
}

/// A minimal line diff (longest common subsequence), `-` for expected, `+` for actual.
pub fn line_diff(expected: &str, actual: &str) -> String {
    let a: Vec<&str> = expected.lines().collect();
    let b: Vec<&str> = actual.lines().collect();
    // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    // Walk the table to list every line as kept (' '), removed ('-') or added ('+').
    let (mut i, mut j, mut ops) = (0, 0, Vec::new());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            ops.push((' ', a[i]));
            (i, j) = (i + 1, j + 1);
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            ops.push(('-', a[i]));
            i += 1;
        } else {
            ops.push(('+', b[j]));
            j += 1;
        }
    }
    // Show changed lines with two lines of context around them.
    const CONTEXT: usize = 2;
    let near_change = |k: usize| {
        ops[k.saturating_sub(CONTEXT)..(k + CONTEXT + 1).min(ops.len())]
            .iter()
            .any(|(tag, _)| *tag != ' ')
    };
    let mut out = String::new();
    let mut skipped = false;
    for (k, (tag, line)) in ops.iter().enumerate() {
        if near_change(k) {
            if skipped {
                out += "  ...\n";
                skipped = false;
            }
            out += &format!("{tag} {line}\n");
        } else {
            skipped = true;
        }
    }
    if out.is_empty() {
        out += "(the texts differ only in trailing newlines)\n";
    }
    shorten(&out)
}

/// Keeps a diff readable: at most `MAX_DIFF_LINES` lines, the rest summarised.
fn shorten(diff: &str) -> String {
    const MAX_DIFF_LINES: usize = 60;
    let total = diff.lines().count();
    if total <= MAX_DIFF_LINES {
        return diff.to_string();
    }
    let mut kept: String = diff.split_inclusive('\n').take(MAX_DIFF_LINES).collect();
    kept += &format!("... ({} more diff lines)\n", total - MAX_DIFF_LINES);
    kept
}
