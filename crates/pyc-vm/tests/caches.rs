//! The VM's caches never change what a program sees: `LOAD_GLOBAL`'s per-name cache
//! (keyed by dict versions) and the type attribute cache (emptied when a class changes).
//! Expected outputs were produced by CPython 3.11 on the same programs.

mod common;

use common::output_of;

#[test]
fn global_cache_follows_rebinding_deletion_and_shadowed_builtins() {
    let src = "\
def f():
    return x
x = 1
print(f())
x = 2
print(f())
del x
try:
    f()
except NameError as e:
    print(e)
len = lambda s: 42
def g():
    return len('ab')
print(g())
del len
print(g())
def h():
    global y
    y = 'set inside'
    return y
print(h(), y)
";
    assert_eq!(
        output_of(src),
        "1\n2\nname 'x' is not defined\n42\n2\nset inside set inside\n"
    );
}

#[test]
fn type_cache_follows_changes_to_classes() {
    let src = "\
class A:
    def who(self):
        return 'A.who'
class B(A):
    pass
b = B()
print(b.who())
B.who = lambda self: 'B.who'
print(b.who())
del B.who
print(b.who())
A.who = lambda self: 'new A.who'
print(b.who())
b.who = lambda: 'instance attribute'
print(b.who())
A.count = 1
print(b.count)
A.count += 1
print(b.count, B.count)
";
    assert_eq!(
        output_of(src),
        "A.who\nB.who\nA.who\nnew A.who\ninstance attribute\n1\n2 2\n"
    );
}

#[test]
fn properties_keep_precedence_over_instance_attributes() {
    let src = "\
class A:
    def __init__(self):
        self.x = 1
a = A()
print(a.x)
A.x = property(lambda self: 'prop')
print(a.x)
class B:
    @property
    def y(self):
        return 'py'
b = B()
b.__dict__['y'] = 'dict'
print(b.y)
";
    assert_eq!(output_of(src), "1\nprop\npy\n");
}
