//! Exact CPython 3.11 messages: division by zero, the int string-conversion digit limit,
//! collapsed recursive tracebacks, and the less common `str`/`int` methods. Expected
//! outputs were produced by CPython 3.11 on the same programs.

mod common;

use common::{output_of, run_source};

/// Runs `src`: its output and, if it failed, the rendered traceback.
fn run(src: &str) -> (String, Option<String>) {
    let o = run_source(src);
    (o.out, o.error.map(|(_, _, tb)| tb))
}

/// Prints `type: message` for each failing lambda of the list `cases`.
fn errors_of(cases: &str) -> String {
    output_of(&format!(
        "for f in [{cases}]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)
"
    ))
}

#[test]
fn division_by_zero_messages() {
    let out = errors_of(
        "lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: divmod(1, 0), \
         lambda: 1.0 / 0, lambda: 1.0 // 0, lambda: 1.0 % 0, lambda: divmod(1.0, 0), \
         lambda: divmod(1, 0.0), lambda: 10**30 % 0, lambda: 10**30 // 0, \
         lambda: divmod(10**30, 0), lambda: 10**30 / 0, lambda: True % False",
    );
    assert_eq!(
        out,
        "ZeroDivisionError: division by zero
ZeroDivisionError: integer division or modulo by zero
ZeroDivisionError: integer modulo by zero
ZeroDivisionError: integer division or modulo by zero
ZeroDivisionError: float division by zero
ZeroDivisionError: float floor division by zero
ZeroDivisionError: float modulo
ZeroDivisionError: float divmod()
ZeroDivisionError: float divmod()
ZeroDivisionError: integer modulo by zero
ZeroDivisionError: integer division or modulo by zero
ZeroDivisionError: integer division or modulo by zero
ZeroDivisionError: division by zero
ZeroDivisionError: integer modulo by zero
"
    );
}

const LIMIT: &str = "ValueError: Exceeds the limit (4300 digits) for integer string conversion; \
                     use sys.set_int_max_str_digits() to increase the limit";

#[test]
fn int_string_conversion_limit() {
    let out = output_of(
        "big = 10 ** 5000
for f in [lambda: str(big), lambda: repr([big]), lambda: f'{big}', lambda: f'{big!r}',
          lambda: format(big, ','), lambda: '%d' % big, lambda: '%s' % big,
          lambda: '%r' % [big], lambda: '{}'.format(big), lambda: repr({1: big}),
          lambda: print(big), lambda: str(-10**4300)]:
    try:
        f()
    except ValueError as e:
        print('ValueError:', e)
",
    );
    assert_eq!(out, format!("{LIMIT}\n").repeat(12));
    let out = output_of(
        "big = 10 ** 5000
print(len(str(10 ** 4299)), len(str(-(10 ** 4300 - 1))), hex(big)[:6], format(big, 'x')[:4])
print((2 ** 100000) % 1000, big.bit_length(), (7 ** 6000).bit_length())
print(int('1_' * 2200 + '1') % 10, int('1' * 5000, 16) % 10)
for s in ['1' * 5000, '-' + '1' * 4301, ' ' + '0' * 5000, '1' * 5000 + 'x']:
    try:
        int(s)
    except ValueError as e:
        print(e)
",
    );
    assert_eq!(
        out,
        "4300 4301 0x31e2 31e2
376 16610 16845
1 5
Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit
Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use sys.set_int_max_str_digits() to increase the limit
Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit
Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit
"
    );
}

#[test]
fn recursive_traceback_collapses_repeats() {
    let src = "\
def f(n):
    if n == 0:
        raise ValueError('boom')
    return f(n - 1)
def h(k):
    if k:
        return h(k - 1)
    f(4)
h(3)
";
    let (_, err) = run(src);
    assert_eq!(
        err.expect("fails"),
        "Traceback (most recent call last):
  File \"t.py\", line 9, in <module>
    h(3)
  File \"t.py\", line 7, in h
    return h(k - 1)
           ^^^^^^^^
  File \"t.py\", line 7, in h
    return h(k - 1)
           ^^^^^^^^
  File \"t.py\", line 7, in h
    return h(k - 1)
           ^^^^^^^^
  File \"t.py\", line 8, in h
    f(4)
  File \"t.py\", line 4, in f
    return f(n - 1)
           ^^^^^^^^
  File \"t.py\", line 4, in f
    return f(n - 1)
           ^^^^^^^^
  File \"t.py\", line 4, in f
    return f(n - 1)
           ^^^^^^^^
  [Previous line repeated 1 more time]
  File \"t.py\", line 3, in f
    raise ValueError('boom')
ValueError: boom
"
    );
    let (_, err) = run("def r(n):\n    return r(n + 1)\nr(0)\n");
    let tb = err.expect("fails");
    assert!(
        tb.ends_with(
            "    return r(n + 1)\n           ^^^^^^^^\n  [Previous line repeated 996 more times]\n\
             RecursionError: maximum recursion depth exceeded\n"
        ),
        "{tb}"
    );
    assert_eq!(tb.matches("  File ").count(), 4);
}

#[test]
fn more_str_and_int_methods() {
    let out = output_of(
        "s = 'pyc compiler'
print(s.partition(' '), s.rpartition('z'), s.partition('z'), s.rpartition('c'))
print('abcabc'.find('c', 3), 'abcabc'.rfind('c', 0, 4), 'abc'.find('', 3), 'abc'.find('', 4), 'abcabc'.index('b', -3), 'abcabc'.rindex('a'))
print('a\\tbc\\td\\n\\tx'.expandtabs(), 'a\\tb'.expandtabs(4), 'a\\tb'.expandtabs(tabsize=0))
print('Straße ı ΣΑΣ'.casefold(), 'xyz'.removeprefix('x'), 'xyz'.removesuffix('yz'), 'xyz'.removeprefix('q'))
print('_a1'.isidentifier(), '1a'.isidentifier(), ''.isidentifier(), 'a-b'.isidentifier())
print('123'.isnumeric(), '12'.isdecimal(), '1.2'.isdecimal(), ''.isnumeric())
print('Hello World'.istitle(), 'Hello world'.istitle(), 'HW'.istitle(), '1A'.istitle(), 'A1b'.istitle())
print('a\\nb\\r\\nc\\rd\\x0be'.splitlines(), 'a\\nb\\r\\n'.splitlines(True), 'x\\n\\n'.splitlines(keepends=True))
print((0).bit_length(), (-1).bit_length(), (255).bit_length(), (-2**63).bit_length(), (2**100).bit_length(), True.bit_length(), (5).conjugate(), True.conjugate())
for f in [lambda: 'a'.partition(1), lambda: 'a'.find(1), lambda: 'a'.removeprefix(1), lambda: 'a'.partition(''), lambda: 'a'.rindex('b'), lambda: (5).bit_length(1), lambda: 'a'.partition()]:
    try:
        f()
    except (TypeError, ValueError) as e:
        print(e)
",
    );
    assert_eq!(
        out,
        "('pyc', ' ', 'compiler') ('', '', 'pyc compiler') ('pyc compiler', '', '') ('pyc ', 'c', 'ompiler')
5 2 3 -1 4 3
a       bc      d
        x a   b ab
strasse ı σασ yz x xyz
True False False False
True True False False
True False False True False
['a', 'b', 'c', 'd', 'e'] ['a\\n', 'b\\r\\n'] ['x\\n', '\\n']
0 1 8 64 101 1 5 1
must be str, not int
must be str, not int
removeprefix() argument must be str, not int
empty separator
substring not found
int.bit_length() takes no arguments (1 given)
str.partition() takes exactly one argument (0 given)
"
    );
}
