//! An SVG bar chart of each workload's speed relative to CPython, one bar per
//! interpreter, on a logarithmic axis (CPython is the line at 1x).

use std::path::Path;

use plotters::prelude::*;

use super::table::{reference_index, speedup};
use super::Row;
use crate::compare::measure::Interpreter;

const COLORS: [RGBColor; 5] = [
    RGBColor(0xd6, 0x5f, 0x0e),
    RGBColor(0x1f, 0x77, 0xb4),
    RGBColor(0x2c, 0xa0, 0x2c),
    RGBColor(0x94, 0x67, 0xbd),
    RGBColor(0x8c, 0x56, 0x4b),
];

/// Writes the chart for the workload rows (the start-up row is skipped) to `path`.
pub fn write_svg(
    path: &Path,
    interpreters: &[Interpreter],
    rows: &[Row],
    title: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    let Some(reference) = reference_index(interpreters) else {
        return Err("python3 is needed as the reference".into());
    };
    let others: Vec<usize> = (0..interpreters.len())
        .filter(|&i| i != reference)
        .collect();
    let workloads: Vec<&Row> = rows.iter().skip(1).collect();
    let bar = 0.8 / others.len().max(1) as f64;
    let mut bars = Vec::new();
    let (mut lo, mut hi) = (0.5f64, 2.0f64);
    for (w, row) in workloads.iter().enumerate() {
        for (k, &o) in others.iter().enumerate() {
            if let (Ok(r), Ok(m)) = (&row.results[reference], &row.results[o]) {
                let s = speedup(r, m);
                lo = lo.min(s / 1.5);
                hi = hi.max(s * 1.5);
                let y = w as f64 + 0.1 + k as f64 * bar;
                bars.push((k, y, s));
            }
        }
    }
    let height = 120 + 34 * workloads.len() as u32;
    let root = SVGBackend::new(path, (900, height)).into_drawing_area();
    root.fill(&WHITE)?;
    let mut chart = ChartBuilder::on(&root)
        .caption(title, ("sans-serif", 18))
        .margin(12)
        .x_label_area_size(36)
        .y_label_area_size(150)
        .build_cartesian_2d((lo..hi).log_scale(), 0.0..workloads.len() as f64)?;
    let names: Vec<String> = workloads.iter().map(|r| r.name.clone()).collect();
    chart
        .configure_mesh()
        .x_desc("speed relative to CPython 3.11 (higher is faster; log scale)")
        .x_labels(6)
        .x_label_formatter(&|v| format!("{v:.2}x"))
        .y_labels(workloads.len() * 2 + 1)
        .y_label_formatter(&|y| {
            let i = y.floor() as usize;
            if (y - i as f64 - 0.5).abs() < 0.26 {
                names.get(i).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .disable_y_mesh()
        .draw()?;
    for (k, &o) in others.iter().enumerate() {
        let color = COLORS[k % COLORS.len()];
        chart
            .draw_series(
                bars.iter()
                    .filter(|b| b.0 == k)
                    .map(|&(_, y, s)| Rectangle::new([(lo, y), (s, y + bar)], color.filled())),
            )?
            .label(interpreters[o].name.clone())
            .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 12, y + 5)], color.filled()));
    }
    chart.draw_series(LineSeries::new(
        vec![(1.0, 0.0), (1.0, workloads.len() as f64)],
        BLACK.stroke_width(2),
    ))?;
    chart
        .configure_series_labels()
        .background_style(WHITE.mix(0.9))
        .border_style(BLACK)
        .position(SeriesLabelPosition::LowerRight)
        .draw()?;
    root.present()?;
    Ok(())
}
