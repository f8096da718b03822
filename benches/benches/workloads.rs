//! Criterion timings of every workload in `benches/py/`, compiled once and run inside
//! the process at a hundredth of its size. Where `N` counts calls, closures or items,
//! the throughput line gives how many per second; its inverse is the time per call.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use pyc_benches::{compile, run, workload_dir, workloads};

fn bench_workloads(c: &mut Criterion) {
    let mut group = c.benchmark_group("workloads");
    group.sample_size(20);
    for workload in workloads(&workload_dir()).expect("the workloads are readable") {
        let n = workload.short_n();
        let code = compile(&workload.source_with(n), &workload.name);
        if workload.unit != "depth" {
            group.throughput(Throughput::Elements(n));
        }
        group.bench_function(workload.name.as_str(), |b| b.iter(|| run(&code)));
    }
    group.finish();
}

criterion_group!(benches, bench_workloads);
criterion_main!(benches);
