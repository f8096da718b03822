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

#[test]
fn method_cache_of_one_instruction_follows_classes_and_instances() {
    // Every call goes through the same LOAD_METHOD, so its inline cache is exercised.
    let src = "\
class A:
    def who(self):
        return 'A.who'
class B(A):
    def who(self):
        return 'B.who'
def call(o):
    return o.who()
a, b = A(), B()
print(call(a), call(b), call(a))
A.who = lambda self: 'new A.who'
print(call(a), call(b))
a.who = lambda: 'instance attribute'
print(call(a), call(A()))
del a.who
print(call(a))
class C:
    who = staticmethod(lambda: 'static')
print(call(C()))
for i in range(3):
    # A fresh class each time round, perhaps in a freed class's slot.
    class D:
        def who(self, i=i):
            return 'D%d' % i
    print(call(D()))
";
    assert_eq!(
        output_of(src),
        "A.who B.who A.who\nnew A.who B.who\ninstance attribute new A.who\nnew A.who\nstatic\nD0\nD1\nD2\n"
    );
}

#[test]
fn attribute_hints_of_one_instruction_follow_each_instances_dict() {
    // One LOAD_ATTR and one STORE_ATTR see instances whose dicts differ in order,
    // lose keys, and hold a key equal to the name but not the same str object.
    let src = "\
class P:
    pass
def get(o):
    return o.x
def put(o, v):
    o.x = v
p, q = P(), P()
p.x, p.y = 1, 2
q.y, q.x = 3, 4
print(get(p), get(q), get(p))
put(q, 5)
put(p, 6)
print(get(p), get(q))
del p.x
p.z = 7
put(p, 8)
print(get(p), sorted(p.__dict__.items()))
r = P()
r.__dict__['x' + ''.join([])] = 'built key'
print(get(r))
put(r, 'stored')
print(get(r), len(r.__dict__))
try:
    get(P())
except AttributeError as e:
    print(e)
";
    assert_eq!(
        output_of(src),
        "1 4 1\n6 5\n8 [('x', 8), ('y', 2), ('z', 7)]\nbuilt key\nstored 1\n'P' object has no attribute 'x'\n"
    );
}
