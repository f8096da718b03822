//! The closure benchmark suite: Python workloads in `benches/py/`, run in-process by the
//! criterion benchmarks (`benches/workloads.rs`, `benches/opcodes.rs`) and side by side
//! with other interpreters by the `bench-compare` binary ([`compare`]).
//!
//! Every workload starts with a line `N = <count>  # <unit>`: how much work the program
//! does and what is counted (calls, closures, items...). The side-by-side runner uses the
//! files as they are; criterion runs a shorter version with `N` replaced
//! ([`Workload::source_with`]), so a sample takes milliseconds, not seconds.

pub mod compare;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::{Arc, Mutex};

use pyc_bytecode::CodeObject;

/// One benchmark program.
pub struct Workload {
    /// The file stem, e.g. `closure_call`.
    pub name: String,
    /// Where the file is.
    pub path: PathBuf,
    /// The program text.
    pub source: String,
    /// The `N` the file sets.
    pub n: u64,
    /// What `N` counts, from the comment after it.
    pub unit: String,
}

/// The directory holding the workloads.
pub fn workload_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("py")
}

/// Every workload in `dir`, sorted by name.
pub fn workloads(dir: &Path) -> Result<Vec<Workload>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    paths.sort();
    paths.iter().map(|p| Workload::load(p)).collect()
}

impl Workload {
    /// Reads a workload file and its `N = <count>  # <unit>` header.
    pub fn load(path: &Path) -> Result<Workload, String> {
        let source =
            std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let header = source.lines().next().unwrap_or_default();
        let parse = || -> Option<(u64, String)> {
            let rest = header.strip_prefix("N = ")?;
            let (count, unit) = rest.split_once('#')?;
            let n = count.trim().replace('_', "").parse().ok()?;
            Some((n, unit.trim().to_string()))
        };
        let (n, unit) = parse().ok_or_else(|| {
            format!(
                "{}: the first line must be `N = <count>  # <unit>`",
                path.display()
            )
        })?;
        Ok(Workload {
            name: path
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into(),
            path: path.to_path_buf(),
            source,
            n,
            unit,
        })
    }

    /// The program with `N` set to `n`.
    pub fn source_with(&self, n: u64) -> String {
        let body = self.source.split_once('\n').map_or("", |(_, b)| b);
        format!("N = {n}  # {}\n{body}", self.unit)
    }

    /// A size for in-process benchmarking: a hundredth of the work, or for a recursion
    /// depth, eight levels less (about a fiftieth of the calls).
    pub fn short_n(&self) -> u64 {
        if self.unit == "depth" {
            self.n.saturating_sub(8)
        } else {
            (self.n / 100).max(1)
        }
    }
}

/// Compiles a program, panicking with the syntax error if it has one (workloads are ours).
pub fn compile(source: &str, name: &str) -> Rc<CodeObject> {
    pyc_compiler::compile(source, name).unwrap_or_else(|e| panic!("{e}"))
}

/// A `Write` that keeps what is written, shared with the VM that writes it.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("not poisoned").extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Runs compiled code in a fresh VM and returns what it printed.
pub fn run(code: &Rc<CodeObject>) -> String {
    let out = Captured::default();
    let mut vm = pyc_vm::Vm::with_output(Box::new(out.clone()));
    if let Err(e) = vm.run_module(code.clone()) {
        panic!("workload failed:\n{}", e.render());
    }
    drop(vm);
    let bytes = out.0.lock().expect("not poisoned").clone();
    String::from_utf8_lossy(&bytes).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_workload_has_a_header_and_compiles() {
        let all = workloads(&workload_dir()).expect("readable workloads");
        assert!(all.len() >= 12, "workloads are missing");
        for w in &all {
            assert!(w.n > 0, "{}", w.name);
            let short = w.source_with(w.short_n());
            assert!(short.starts_with(&format!("N = {}  # {}\n", w.short_n(), w.unit)));
            pyc_compiler::compile(&short, &w.name).unwrap_or_else(|e| panic!("{e}"));
        }
    }

    #[test]
    fn short_runs_print_a_checksum() {
        let w = Workload::load(&workload_dir().join("closure_call.py")).expect("exists");
        let out = run(&compile(&w.source_with(1000), "closure_call"));
        assert_eq!(out, "1000\n");
    }
}
