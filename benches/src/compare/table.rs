//! The report as a Markdown table: median times, speed relative to CPython, peak memory.

use super::{Measured, Row};
use crate::compare::measure::Interpreter;

/// Speed relative to the reference: how many times faster than it (above 1) or slower.
pub fn speedup(reference: &Measured, other: &Measured) -> f64 {
    reference.median_s / other.median_s
}

/// The geometric mean of `values` (1.0 when empty).
pub fn geomean(values: &[f64]) -> f64 {
    if values.is_empty() {
        return 1.0;
    }
    (values.iter().map(|v| v.ln()).sum::<f64>() / values.len() as f64).exp()
}

/// Index of the reference interpreter, `python3`.
pub fn reference_index(interpreters: &[Interpreter]) -> Option<usize> {
    interpreters.iter().position(|i| i.name == "python3")
}

/// Renders the rows as a Markdown table, with a geometric-mean row over the workloads
/// (the start-up row, first, is left out of the mean).
pub fn render(interpreters: &[Interpreter], rows: &[Row]) -> String {
    let reference = reference_index(interpreters);
    let others: Vec<usize> = (0..interpreters.len())
        .filter(|&i| Some(i) != reference)
        .collect();
    let mut out = String::from("| workload |");
    for i in interpreters {
        out.push_str(&format!(" {} (ms) |", i.name));
    }
    for &o in &others {
        out.push_str(&format!(" {} vs CPython |", interpreters[o].name));
    }
    for i in interpreters {
        out.push_str(&format!(" {} peak RSS (MB) |", i.name));
    }
    out.push('\n');
    let columns = 1 + interpreters.len() * 2 + others.len();
    out.push_str(&format!("|{}\n", "---|".repeat(columns)));
    let mut ratios: Vec<Vec<f64>> = vec![Vec::new(); interpreters.len()];
    for (n, row) in rows.iter().enumerate() {
        out.push_str(&format!("| {} |", row.name));
        for result in &row.results {
            match result {
                Ok(m) => out.push_str(&format!(" {:.1} |", m.median_s * 1000.0)),
                Err(why) => out.push_str(&format!(" – ({why}) |")),
            }
        }
        for &o in &others {
            let cell = match (reference.map(|r| &row.results[r]), &row.results[o]) {
                (Some(Ok(r)), Ok(m)) => {
                    let s = speedup(r, m);
                    if n > 0 {
                        ratios[o].push(s);
                    }
                    format!("{s:.2}x")
                }
                _ => "–".to_string(),
            };
            out.push_str(&format!(" {cell} |"));
        }
        for result in &row.results {
            match result {
                Ok(m) => out.push_str(&format!(" {:.1} |", m.peak_rss_kib as f64 / 1024.0)),
                Err(_) => out.push_str(" – |"),
            }
        }
        out.push('\n');
    }
    out.push_str("| **geometric mean** |");
    out.push_str(&" |".repeat(interpreters.len()));
    for &o in &others {
        out.push_str(&format!(" **{:.2}x** |", geomean(&ratios[o])));
    }
    out.push_str(&" |".repeat(interpreters.len()));
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn geomean_of_ratios() {
        assert!((geomean(&[2.0, 8.0]) - 4.0).abs() < 1e-12);
        assert_eq!(geomean(&[]), 1.0);
    }

    #[test]
    fn table_has_ratio_and_mean() {
        let interps = vec![
            Interpreter {
                name: "pyc-run".into(),
                program: "pyc-run".into(),
            },
            Interpreter {
                name: "python3".into(),
                program: "python3".into(),
            },
        ];
        let m = |s: f64| Measured {
            median_s: s,
            peak_rss_kib: 2048,
        };
        let rows = vec![
            Row {
                name: "start-up (-c pass)".into(),
                results: vec![Ok(m(0.001)), Ok(m(0.010))],
            },
            Row {
                name: "closure_call".into(),
                results: vec![Ok(m(0.1)), Ok(m(0.2))],
            },
        ];
        let text = render(&interps, &rows);
        assert!(text.contains("| closure_call | 100.0 | 200.0 | 2.00x | 2.0 | 2.0 |"));
        assert!(text.contains("**2.00x**"), "{text}");
    }
}
