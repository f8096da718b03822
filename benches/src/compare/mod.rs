//! The side-by-side runner: every workload under every interpreter, alternating them so
//! that machine noise falls on all alike, checking that all print the same checksum, and
//! reporting median wall time and peak memory with ratios to CPython.
//!
//! Modules: [`measure`] (one timed run of one program), [`table`] (the Markdown report),
//! [`chart`] (the SVG bar chart).

pub mod chart;
pub mod measure;
pub mod table;

use std::path::Path;

use crate::Workload;
use measure::{Interpreter, Sample};

/// What one interpreter did with one workload over all repetitions.
#[derive(Clone, Debug)]
pub struct Measured {
    /// Median wall-clock time of a run, in seconds.
    pub median_s: f64,
    /// Largest peak resident set size of any run, in KiB.
    pub peak_rss_kib: u64,
}

/// One row of the report: a workload (or the start-up check) and each interpreter's result.
#[derive(Clone, Debug)]
pub struct Row {
    /// The workload's name.
    pub name: String,
    /// Per interpreter, in the order given: the measurement, or why there is none.
    pub results: Vec<Result<Measured, String>>,
}

/// Runs `-c pass` and every workload `reps` times under each interpreter. The first
/// interpreter whose output is taken as the reference is the one named `python3`.
pub fn measure_all(
    interpreters: &[Interpreter],
    workloads: &[Workload],
    reps: usize,
    mut progress: impl FnMut(&str),
) -> Vec<Row> {
    let mut rows = Vec::new();
    progress("start-up (-c pass)");
    rows.push(measure_row("start-up (-c pass)", interpreters, reps, |i| {
        i.run(&["-c", "pass"])
    }));
    for w in workloads {
        progress(&w.name);
        rows.push(measure_row(&w.name, interpreters, reps, |i| {
            i.run(&[&w.path.display().to_string()])
        }));
    }
    rows
}

fn measure_row(
    name: &str,
    interpreters: &[Interpreter],
    reps: usize,
    run: impl Fn(&Interpreter) -> std::io::Result<Sample>,
) -> Row {
    let mut samples: Vec<Result<Vec<Sample>, String>> = vec![Ok(Vec::new()); interpreters.len()];
    for _ in 0..reps {
        for (interp, slot) in interpreters.iter().zip(samples.iter_mut()) {
            let Ok(list) = slot else { continue };
            match run(interp) {
                Ok(s) if s.status == 0 => list.push(s),
                Ok(s) => *slot = Err(format!("exit {}", s.status)),
                Err(e) => *slot = Err(e.to_string()),
            }
        }
    }
    let reference = interpreters
        .iter()
        .position(|i| i.name == "python3")
        .and_then(|r| samples[r].as_ref().ok())
        .and_then(|s| s.first())
        .map(|s| s.stdout.clone());
    let results = samples
        .into_iter()
        .map(|slot| {
            let list = slot?;
            if let (Some(want), Some(first)) = (&reference, list.first()) {
                if &first.stdout != want {
                    return Err(format!("printed {:?}", first.stdout.trim()));
                }
            }
            Ok(summarize(&list))
        })
        .collect();
    Row {
        name: name.to_string(),
        results,
    }
}

fn summarize(samples: &[Sample]) -> Measured {
    let mut times: Vec<f64> = samples.iter().map(|s| s.seconds).collect();
    times.sort_by(f64::total_cmp);
    let mid = times.len() / 2;
    let median_s = if times.len() % 2 == 1 {
        times[mid]
    } else {
        (times[mid - 1] + times[mid]) / 2.0
    };
    Measured {
        median_s,
        peak_rss_kib: samples.iter().map(|s| s.max_rss_kib).max().unwrap_or(0),
    }
}

/// Whether `program` can be found on `PATH` (or is a path to an existing file).
pub fn on_path(program: &str) -> bool {
    if program.contains('/') {
        return Path::new(program).is_file();
    }
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}
