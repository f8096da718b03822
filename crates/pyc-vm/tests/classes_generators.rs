//! Classes and generators, written as Python source compiled with `pyc-compiler`.
//! Expected outputs were produced by CPython 3.11 on the same programs.

mod common;

use common::{output_of, run_source as run};

#[test]
fn class_with_init_and_methods() {
    let src = "\
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def moved(self, dx):
        return Point(self.x + dx, self.y)
    def __repr__(self):
        return f'Point({self.x}, {self.y})'
p = Point(1, 2).moved(3)
print(p, p.x, [p], type(p).__name__, Point.__qualname__)
try:
    Point(1)
except TypeError as e:
    print(e)
class Empty:
    pass
try:
    Empty(1)
except TypeError as e:
    print(e)
print(Empty, repr(Empty())[:20])
";
    assert_eq!(
        output_of(src),
        "Point(4, 2) 4 [Point(4, 2)] Point Point\n\
         Point.__init__() missing 1 required positional argument: 'y'\n\
         Empty() takes no arguments\n\
         <class '__main__.Empty'> <__main__.Empty obje\n"
    );
}

#[test]
fn inheritance_super_and_class_cell() {
    let src = "\
class A:
    def who(self):
        return 'A'
class B(A):
    def who(self):
        return 'B' + super().who()
class C(A):
    def who(self):
        return 'C' + super().who()
class D(B, C):
    def who(self):
        return 'D' + super().who()
    def cls(self):
        return __class__
print(D().who(), [k.__name__ for k in D.__mro__], D().cls() is D)
print(D.who.__code__.co_freevars, isinstance(D(), C), issubclass(B, C))
";
    assert_eq!(
        output_of(src),
        "DBCA ['D', 'B', 'C', 'A', 'object'] True\n('__class__',) True False\n"
    );
}

#[test]
fn class_scope_is_skipped_by_methods_and_classderef() {
    let src = "\
x = 'global'
def f():
    y = 'from f'
    class C:
        x = 'class'
        a = y
        def m(self):
            return x, y
    class D:
        y = 'class y'
        b = y
    return C, D
C, D = f()
print(C().m(), C.a, D.b, C.x)
";
    assert_eq!(
        output_of(src),
        "('global', 'from f') from f class y class\n"
    );
}

#[test]
fn user_dunders() {
    let src = "\
class V:
    def __init__(self, x):
        self.x = x
    def __eq__(self, o):
        return isinstance(o, V) and self.x == o.x
    def __lt__(self, o):
        return self.x < o.x
    def __add__(self, o):
        return V(self.x + o.x)
    def __repr__(self):
        return f'V({self.x})'
    def __len__(self):
        return self.x
    def __getitem__(self, i):
        return i * 10
    def __call__(self, k):
        return k + self.x
print(V(1) == V(1), V(1) != V(2), V(1) == 1, sorted([V(3), V(1)]), V(1) + V(2))
print(len(V(4)), bool(V(0)), V(2)[5], V(2)(40), max(V(1), V(7)))
";
    assert_eq!(
        output_of(src),
        "True True False [V(1), V(3)] V(3)\n4 False 50 42 V(7)\n"
    );
}

#[test]
fn user_exception_caught() {
    let src = "\
class MyError(ValueError):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
try:
    raise MyError('bad', 42)
except ValueError as e:
    print(type(e).__name__, e, e.code, e.args, repr(e))
";
    assert_eq!(output_of(src), "MyError bad 42 ('bad',) MyError('bad')\n");
}

#[test]
fn user_exception_uncaught_traceback() {
    let src = "\
class MyError(ValueError):
    pass
def check(x):
    if x < 0:
        raise MyError(f'negative: {x}')
check(-2)
";
    let o = run(src);
    let (t, m, tb) = o.error.expect("raises");
    assert_eq!((t.as_str(), m.as_str()), ("MyError", "negative: -2"));
    assert_eq!(
        tb,
        "Traceback (most recent call last):\n  \
         File \"t.py\", line 6, in <module>\n    check(-2)\n  \
         File \"t.py\", line 5, in check\n    raise MyError(f'negative: {x}')\n\
         MyError: negative: -2\n"
    );
}

#[test]
fn closure_generator_and_send() {
    let src = "\
def counter_gen(start):
    step = 2
    def gen():
        n = start
        while n < start + 10:
            yield n
            n += step
    return gen
print(list(counter_gen(3)()))
def echo():
    got = yield 'ready'
    while True:
        got = yield got * 2
g = echo()
print(next(g), g.send(5), g.send('ab'))
def ret():
    yield 1
    return 'done'
r = ret()
next(r)
try:
    next(r)
except StopIteration as e:
    print('stop', e.value)
def outer():
    v = yield from ret()
    yield v
print(list(outer()), ret())
";
    let out = output_of(src);
    let expected_prefix =
        "[3, 5, 7, 9, 11]\nready 10 abab\nstop done\n[1, 'done'] <generator object ret at 0x";
    assert!(out.starts_with(expected_prefix), "{out}");
}

#[test]
fn genexp_late_binding_and_consumers() {
    let src = "\
def outer():
    base = 5
    g = (x + base for x in range(4))
    base = 100
    return list(g)
print(outer(), sum(x * x for x in range(10)), ','.join(str(i) for i in range(3)))
print(sorted(x for x in [3, 1, 2]), any(x > 2 for x in range(5)), dict((i, i) for i in range(2)))
";
    assert_eq!(
        output_of(src),
        "[100, 101, 102, 103] 285 0,1,2\n[1, 2, 3] True {0: 0, 1: 1}\n"
    );
}

#[test]
fn generator_making_closures_in_a_loop() {
    let src = "\
def makers():
    for i in range(3):
        def f(x, i=i):
            return x * i
        yield f
        def g():
            return i
        yield g
print([m(10) if m.__name__ == 'f' else m() for m in makers()])
";
    assert_eq!(output_of(src), "[0, 0, 10, 1, 20, 2]\n");
}

#[test]
fn stop_iteration_inside_generator_becomes_runtime_error() {
    let src = "\
def gen():
    yield 1
    raise StopIteration('inner')
for x in gen():
    print(x)
";
    let o = run(src);
    assert_eq!(o.out, "1\n");
    let (t, m, tb) = o.error.expect("raises");
    assert_eq!(
        (t.as_str(), m.as_str()),
        ("RuntimeError", "generator raised StopIteration")
    );
    assert!(
        tb.contains("StopIteration: inner\n\nThe above exception was the direct cause"),
        "{tb}"
    );
}

#[test]
fn suspended_generator_keeps_its_cells_alive_across_collections() {
    let src = "\
def make():
    secret = [1, 2, 3]
    def gen():
        yield len(secret)
        yield sum(secret)
    return gen()
g = make()
print(next(g))
junk = [str(i) for i in range(60000)]
junk = None
print(next(g))
";
    assert_eq!(output_of(src), "3\n6\n");
}

#[test]
fn dropped_generators_are_collected() {
    let src = "\
def gen(n):
    box = [n]
    def inner():
        return box
    yield inner
total = 0
for i in range(50000):
    g = gen(i)
    total += next(g)()[0]
print(total)
";
    let o = run(src);
    assert_eq!(o.out, "1249975000\n");
    assert!(o.error.is_none());
    assert!(
        o.live_after_collect < 1000,
        "live: {}",
        o.live_after_collect
    );
}
