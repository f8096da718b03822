//! Builtin methods and attributes as descriptors: what the collector does with them and
//! with the classes they name, and native methods that call back into Python while
//! holding values. Expected outputs were produced by CPython 3.11 on the same programs
//! (with an explicit `gc.collect()` where a collection matters; pyc collects at its
//! own safe points, once the `str(i)` loops below have allocated enough).

mod common;

use common::{output_of, run_source};

#[test]
fn collected_classes_leave_subclasses() {
    let src = "\
class Base:
    pass
keep = []
for i in range(2000):
    class Sub(Base):
        def method(self):
            return self
    if i % 500 == 0:
        keep.append(Sub)
for i in range(30000):
    str(i)
print(len(Base.__subclasses__()), Base.__subclasses__() == keep + [Sub])
";
    assert_eq!(output_of(src), "5 True\n");
}

#[test]
fn classes_and_their_dict_descriptors_are_collected() {
    let src = "\
total = 0
for i in range(5000):
    class Temp:
        def get(self):
            return 1
    t = Temp()
    t.__dict__ = {'n': i}
    total += t.get() + t.__dict__['n']
print(total)
";
    let o = run_source(src);
    assert_eq!(o.out, "12502500\n");
    assert!(o.error.is_none());
    assert!(
        o.live_after_collect < 2000,
        "live: {}",
        o.live_after_collect
    );
}

#[test]
fn fromkeys_keeps_its_keys_while_hashing_runs_python() {
    let src = "\
class Key:
    def __init__(self, n):
        self.n = n
    def __hash__(self):
        for i in range(1000):
            str(i)
        return self.n
    def __eq__(self, other):
        return self.n == other.n
d = dict.fromkeys([Key(i) for i in range(30)], 'v')
print(len(d), sorted(k.n for k in d)[-3:], set(d.values()))
";
    assert_eq!(output_of(src), "30 [27, 28, 29] {'v'}\n");
}

#[test]
fn bound_builtin_methods_keep_their_receiver_alive() {
    let src = "\
def make():
    return [1, 2, 3].copy
copy = make()
for i in range(30000):
    str(i)
print(copy(), copy.__self__)
";
    assert_eq!(output_of(src), "[1, 2, 3] [1, 2, 3]\n");
}

#[test]
fn load_method_cache_does_not_trust_a_copied_descriptor() {
    // The same call site first meets a class whose method is its own, then one whose
    // namespace holds another class's descriptor.
    let src = "\
class Borrowed:
    upper = str.upper
def call_upper(x):
    try:
        return x.upper()
    except TypeError as e:
        return str(e)
print(call_upper('ab'), call_upper(Borrowed()), call_upper('cd'))
";
    assert_eq!(
        output_of(src),
        "AB descriptor 'upper' for 'str' objects doesn't apply to a 'Borrowed' object CD\n"
    );
}
