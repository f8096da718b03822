//! One timed run of one program, with its peak memory from the kernel's accounting.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::Instant;

/// An interpreter to compare: a display name and the command that runs a script.
#[derive(Clone, Debug)]
pub struct Interpreter {
    /// The column heading, e.g. `python3`.
    pub name: String,
    /// The program to run.
    pub program: String,
}

/// The result of one run.
#[derive(Clone, Debug)]
pub struct Sample {
    /// Wall-clock seconds from spawn to exit.
    pub seconds: f64,
    /// Peak resident set size, in KiB.
    pub max_rss_kib: u64,
    /// What the program printed.
    pub stdout: String,
    /// Its exit status (or -1 if killed by a signal).
    pub status: i32,
}

impl Interpreter {
    /// Replaces the program by the executable it really runs, when it can say
    /// (`sys.executable`): a launcher such as a pyenv shim would otherwise be timed too.
    pub fn resolve_executable(&mut self) {
        let Ok(sample) = self.run(&["-c", "import sys; print(sys.executable)"]) else {
            return;
        };
        let path = sample.stdout.trim();
        if sample.status == 0 && std::path::Path::new(path).is_file() {
            self.program = path.to_string();
        }
    }

    /// Runs the interpreter with `args`, timing it and reading its peak memory.
    pub fn run(&self, args: &[&str]) -> std::io::Result<Sample> {
        let start = Instant::now();
        let mut child = Command::new(&self.program)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()?;
        let mut stdout = String::new();
        if let Some(mut out) = child.stdout.take() {
            out.read_to_string(&mut stdout)?;
        }
        let (status, max_rss_kib) = wait_with_rusage(child.id())?;
        Ok(Sample {
            seconds: start.elapsed().as_secs_f64(),
            max_rss_kib,
            stdout,
            status,
        })
    }
}

/// Waits for process `pid` and returns its exit status and peak RSS (KiB), which only
/// `wait4` reports for a single child.
fn wait_with_rusage(pid: u32) -> std::io::Result<(i32, u64)> {
    let mut status: libc::c_int = 0;
    // SAFETY: `rusage` is plain old data, valid when zeroed.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `pid` is our own child, not yet waited for; the pointers are valid.
    let rc = unsafe { libc::wait4(pid as libc::pid_t, &mut status, 0, &mut usage) };
    if rc < 0 {
        return Err(std::io::Error::last_os_error());
    }
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    Ok((code, usage.ru_maxrss as u64))
}
