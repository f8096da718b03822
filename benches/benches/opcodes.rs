//! Criterion groups that isolate the closure opcodes: each pair of programs differs only
//! in the operation measured, so the difference between the two timings is its cost.
//!
//! - `load`: `LOAD_DEREF` of a free variable vs `LOAD_FAST` of a local;
//! - `store`: `STORE_DEREF` through `nonlocal` vs `STORE_FAST`;
//! - `make_function`: `MAKE_FUNCTION` with a closure vs without;
//! - `call`: calling a closure (with `COPY_FREE_VARS`) vs a plain function.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use pyc_benches::{compile, run};

/// Operations per program run.
const N: u64 = 200_000;

/// Ten reads of `x` per loop iteration, `x` being free (`deref`) or local (`fast`).
const LOAD: [(&str, &str); 2] = [
    (
        "LOAD_DEREF",
        "def make():\n    x = 1\n    def reader(n):\n        t = 0\n        for i in range(n):\n            t = x + x + x + x + x + x + x + x + x + x\n        return t\n    return reader\nprint(make()(N))\n",
    ),
    (
        "LOAD_FAST",
        "def make():\n    def reader(n):\n        x = 1\n        t = 0\n        for i in range(n):\n            t = x + x + x + x + x + x + x + x + x + x\n        return t\n    return reader\nprint(make()(N))\n",
    ),
];

/// Ten stores to `x` per loop iteration, through `nonlocal` or to a local.
const STORE: [(&str, &str); 2] = [
    (
        "STORE_DEREF",
        "def make():\n    x = 0\n    def writer(n):\n        nonlocal x\n        for i in range(n):\n            x = i; x = i; x = i; x = i; x = i; x = i; x = i; x = i; x = i; x = i\n        return x\n    return writer\nprint(make()(N))\n",
    ),
    (
        "STORE_FAST",
        "def make():\n    def writer(n):\n        x = 0\n        for i in range(n):\n            x = i; x = i; x = i; x = i; x = i; x = i; x = i; x = i; x = i; x = i\n        return x\n    return writer\nprint(make()(N))\n",
    ),
];

/// One function created per loop iteration, with or without a closure.
const MAKE_FUNCTION: [(&str, &str); 2] = [
    (
        "with closure",
        "def run(n):\n    x = 1\n    for i in range(n):\n        def f():\n            return x\n    return f()\nprint(run(N))\n",
    ),
    (
        "without closure",
        "def run(n):\n    for i in range(n):\n        def f():\n            return 1\n    return f()\nprint(run(N))\n",
    ),
];

/// One call per loop iteration, of a closure reading a free variable or of a plain
/// function reading a constant.
const CALL: [(&str, &str); 2] = [
    (
        "closure",
        "def make(k):\n    def f(x):\n        return k\n    return f\ndef run(n, f):\n    for i in range(n):\n        f(i)\n    return n\nprint(run(N, make(1)))\n",
    ),
    (
        "plain",
        "def f(x):\n    return 1\ndef run(n, f):\n    for i in range(n):\n        f(i)\n    return n\nprint(run(N, f))\n",
    ),
];

fn pair(c: &mut Criterion, group_name: &str, programs: &[(&str, &str); 2]) {
    let mut group = c.benchmark_group(group_name);
    group.sample_size(20);
    group.throughput(Throughput::Elements(N));
    for (label, program) in programs {
        let code = compile(&format!("N = {N}\n{program}"), label);
        group.bench_with_input(BenchmarkId::from_parameter(label), &code, |b, code| {
            b.iter(|| run(code))
        });
    }
    group.finish();
}

fn bench_opcodes(c: &mut Criterion) {
    pair(c, "load", &LOAD);
    pair(c, "store", &STORE);
    pair(c, "make_function", &MAKE_FUNCTION);
    pair(c, "call", &CALL);
}

criterion_group!(benches, bench_opcodes);
criterion_main!(benches);
