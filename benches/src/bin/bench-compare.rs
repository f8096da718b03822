//! `bench-compare`: runs every `benches/py/*.py` workload under pyc-run, python3, pypy3
//! (when installed) and any other interpreters named on the command line, alternating
//! them, checks they all print the same checksum, and prints a Markdown table of median
//! wall times, speed relative to CPython and peak memory. With `--svg` it also writes a
//! bar chart of the speed ratios.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use pyc_benches::compare::measure::Interpreter;
use pyc_benches::compare::{chart, measure_all, on_path, table};
use pyc_benches::{workload_dir, workloads};

/// Compare pyc with other Python interpreters on the closure workloads.
#[derive(Parser)]
#[command(name = "bench-compare", version, about)]
struct Args {
    /// Runs of each workload per interpreter (the median is reported).
    #[arg(long, default_value_t = 5)]
    reps: usize,
    /// The pyc-run binary to measure.
    #[arg(long, default_value = "target/release/pyc-run")]
    pyc: String,
    /// Leave PyPy out even if `pypy3` is installed.
    #[arg(long)]
    no_pypy: bool,
    /// Only the workloads whose names contain one of these (comma-separated).
    #[arg(long, value_delimiter = ',')]
    only: Vec<String>,
    /// Write the speed chart here as SVG.
    #[arg(long)]
    svg: Option<PathBuf>,
    /// More interpreters to compare: a program on PATH or a path, optionally `NAME=PROGRAM`.
    extra: Vec<String>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let mut interpreters = vec![
        Interpreter {
            name: "pyc-run".into(),
            program: args.pyc.clone(),
        },
        Interpreter {
            name: "python3".into(),
            program: "python3".into(),
        },
    ];
    if !args.no_pypy && on_path("pypy3") {
        interpreters.push(Interpreter {
            name: "pypy3".into(),
            program: "pypy3".into(),
        });
    }
    for extra in &args.extra {
        let (name, program) = extra.split_once('=').unwrap_or((extra, extra));
        interpreters.push(Interpreter {
            name: name.rsplit('/').next().unwrap_or(name).to_string(),
            program: program.to_string(),
        });
    }
    for i in &mut interpreters {
        if !on_path(&i.program) {
            eprintln!("bench-compare: {} not found ({})", i.name, i.program);
            return ExitCode::from(2);
        }
        i.resolve_executable();
    }
    let mut all = match workloads(&workload_dir()) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("bench-compare: {e}");
            return ExitCode::from(2);
        }
    };
    if !args.only.is_empty() {
        all.retain(|w| args.only.iter().any(|o| w.name.contains(o.as_str())));
    }
    let rows = measure_all(&interpreters, &all, args.reps, |name| {
        eprintln!("bench-compare: {name}")
    });
    print!("{}", table::render(&interpreters, &rows));
    let failed = rows.iter().any(|r| r.results.iter().any(Result::is_err));
    if let Some(path) = &args.svg {
        if let Err(e) = chart::write_svg(path, &interpreters, &rows, "pyc closure benchmarks") {
            eprintln!("bench-compare: cannot write {}: {e}", path.display());
            return ExitCode::from(1);
        }
    }
    if failed {
        eprintln!("bench-compare: some runs failed or printed a different checksum");
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
