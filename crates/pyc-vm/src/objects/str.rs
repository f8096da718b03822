//! Methods of `str`.

use num_traits::{Signed, ToPrimitive};

use crate::builtins::Kw;
use crate::objects::descr::{MethodDef, Params};
use crate::value::Value;
use crate::vm::Vm;
use crate::PyResult;

/// `str` methods.
pub const METHODS: &[MethodDef] = &[
    ("join", join, Params::One),
    ("split", split, Params::Keywords),
    ("rsplit", rsplit, Params::Keywords),
    ("splitlines", splitlines, Params::Keywords),
    ("strip", strip, Params::Positional),
    ("lstrip", lstrip, Params::Positional),
    ("rstrip", rstrip, Params::Positional),
    ("upper", upper, Params::NoArgs),
    ("lower", lower, Params::NoArgs),
    ("title", title, Params::NoArgs),
    ("capitalize", capitalize, Params::NoArgs),
    ("swapcase", swapcase, Params::NoArgs),
    ("replace", replace, Params::Positional),
    ("startswith", startswith, Params::Positional),
    ("endswith", endswith, Params::Positional),
    ("find", find, Params::Positional),
    ("rfind", rfind, Params::Positional),
    ("index", index, Params::Positional),
    ("rindex", rindex, Params::Positional),
    ("partition", partition, Params::One),
    ("rpartition", rpartition, Params::One),
    ("casefold", casefold, Params::NoArgs),
    ("expandtabs", expandtabs, Params::Keywords),
    ("removeprefix", removeprefix, Params::One),
    ("removesuffix", removesuffix, Params::One),
    ("isidentifier", isidentifier, Params::NoArgs),
    ("isnumeric", isnumeric, Params::NoArgs),
    ("isdecimal", isdecimal, Params::NoArgs),
    ("istitle", istitle, Params::NoArgs),
    ("count", count, Params::Positional),
    ("format", format, Params::Keywords),
    ("isdigit", isdigit, Params::NoArgs),
    ("isalpha", isalpha, Params::NoArgs),
    ("isalnum", isalnum, Params::NoArgs),
    ("isspace", isspace, Params::NoArgs),
    ("isupper", isupper, Params::NoArgs),
    ("islower", islower, Params::NoArgs),
    ("zfill", zfill, Params::One),
    ("center", center, Params::Positional),
    ("ljust", ljust, Params::Positional),
    ("rjust", rjust, Params::Positional),
];

/// The text of `args[0]` (the receiver, a str: the descriptor call checked it).
fn text(vm: &Vm, args: &[Value]) -> String {
    vm.as_str(args[0]).unwrap_or("").to_string()
}

fn new(vm: &mut Vm, s: impl Into<Box<str>>) -> PyResult<Value> {
    Ok(vm.new_str(s))
}

fn join(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let sep = text(vm, args);
    let items = vm.collect_iterable(args[1])?;
    let mut out = String::new();
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match vm.as_str(item) {
            Some(s) => out.push_str(s),
            None => {
                let msg = format!(
                    "sequence item {i}: expected str instance, {} found",
                    vm.type_name(item)
                );
                return Err(vm.type_error(msg));
            }
        }
    }
    new(vm, out)
}

/// `(sep, maxsplit)` of `split`/`rsplit`.
fn split_args(vm: &mut Vm, args: &[Value], kw: &Kw, name: &str) -> PyResult<(Option<String>, i64)> {
    vm.check_arg_count(name, &args[1..], 0, 2)?;
    let sep_kw = vm.kwarg(name, kw, "sep", &["sep", "maxsplit"])?;
    let max_kw = vm.kwarg(name, kw, "maxsplit", &["sep", "maxsplit"])?;
    let sep = match args.get(1).copied().or(sep_kw) {
        None | Some(Value::None) => None,
        Some(v) => {
            let s = vm.str_arg(v, "must be str or None")?;
            if s.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            Some(s)
        }
    };
    let max = match args.get(2).copied().or(max_kw) {
        Some(v) => vm.int_arg(v)?,
        None => -1,
    };
    Ok((sep, max))
}

fn make_list(vm: &mut Vm, parts: Vec<String>) -> PyResult<Value> {
    let items = parts.into_iter().map(|p| vm.new_str(p)).collect();
    Ok(vm.new_list(items))
}

fn split(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let (sep, max) = split_args(vm, args, kw, "split")?;
    let s = text(vm, args);
    let max = if max < 0 { usize::MAX } else { max as usize };
    let parts: Vec<String> = match sep {
        Some(sep) => s
            .splitn(max.saturating_add(1), sep.as_str())
            .map(str::to_string)
            .collect(),
        None => {
            let mut parts = Vec::new();
            let mut rest = s.trim_start();
            while !rest.is_empty() {
                if parts.len() == max {
                    parts.push(rest.to_string());
                    break;
                }
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                parts.push(rest[..end].to_string());
                rest = rest[end..].trim_start();
            }
            parts
        }
    };
    make_list(vm, parts)
}

fn rsplit(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let (sep, max) = split_args(vm, args, kw, "rsplit")?;
    let s = text(vm, args);
    let max = if max < 0 { usize::MAX } else { max as usize };
    let mut parts: Vec<String> = match sep {
        Some(sep) => s
            .rsplitn(max.saturating_add(1), sep.as_str())
            .map(str::to_string)
            .collect(),
        None => {
            let mut parts = Vec::new();
            let mut rest = s.trim_end();
            while !rest.is_empty() {
                if parts.len() == max {
                    parts.push(rest.to_string());
                    break;
                }
                let start = rest.rfind(char::is_whitespace).map_or(0, |i| {
                    i + rest[i..].chars().next().map_or(1, char::len_utf8)
                });
                parts.push(rest[start..].to_string());
                rest = rest[..start].trim_end();
            }
            parts
        }
    };
    parts.reverse();
    make_list(vm, parts)
}

fn splitlines(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    if args.len() > 2 {
        let msg = format!(
            "splitlines() takes at most 1 argument ({} given)",
            args.len() - 1
        );
        return Err(vm.type_error(msg));
    }
    let keep_kw = vm.kwarg("splitlines", kw, "keepends", &["keepends"])?;
    let keepends = match args.get(1).copied().or(keep_kw) {
        Some(v) => vm.truth(v)?,
        None => false,
    };
    let s = text(vm, args);
    let is_break = |c: char| {
        matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        )
    };
    let mut parts = Vec::new();
    let mut rest = s.as_str();
    while let Some(i) = rest.find(is_break) {
        let c = rest[i..].chars().next().unwrap_or('\n');
        let mut end = i + c.len_utf8();
        if c == '\r' && rest[end..].starts_with('\n') {
            end += 1;
        }
        parts.push(rest[..if keepends { end } else { i }].to_string());
        rest = &rest[end..];
    }
    if !rest.is_empty() {
        parts.push(rest.to_string());
    }
    make_list(vm, parts)
}

/// The characters argument of `strip` and friends (`None` = whitespace).
fn strip_chars(vm: &mut Vm, args: &[Value]) -> PyResult<Option<Vec<char>>> {
    vm.check_arity("strip", &args[1..], 0, 1)?;
    match args.get(1) {
        None | Some(Value::None) => Ok(None),
        Some(&v) => Ok(Some(vm.str_arg(v, "strip arg")?.chars().collect())),
    }
}

fn strip_with(vm: &mut Vm, args: &[Value], left: bool, right: bool) -> PyResult<Value> {
    let chars = strip_chars(vm, args)?;
    let s = text(vm, args);
    let pred = |c: char| match &chars {
        Some(set) => set.contains(&c),
        None => c.is_whitespace(),
    };
    let mut t: &str = &s;
    if left {
        t = t.trim_start_matches(pred);
    }
    if right {
        t = t.trim_end_matches(pred);
    }
    new(vm, t)
}

fn strip(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    strip_with(vm, args, true, true)
}

fn lstrip(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    strip_with(vm, args, true, false)
}

fn rstrip(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    strip_with(vm, args, false, true)
}

fn upper(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let s = text(vm, args).to_uppercase();
    new(vm, s)
}

fn lower(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let s = text(vm, args).to_lowercase();
    new(vm, s)
}

fn title(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let mut out = String::new();
    let mut prev_cased = false;
    for c in text(vm, args).chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        prev_cased = c.is_alphabetic();
    }
    new(vm, out)
}

fn capitalize(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let s = text(vm, args);
    let mut chars = s.chars();
    let out: String = match chars.next() {
        Some(c) => c
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    };
    new(vm, out)
}

fn swapcase(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let out: String = text(vm, args)
        .chars()
        .flat_map(|c| -> Vec<char> {
            if c.is_uppercase() {
                c.to_lowercase().collect()
            } else {
                c.to_uppercase().collect()
            }
        })
        .collect();
    new(vm, out)
}

fn replace(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("replace", &args[1..], 2, 3)?;
    let s = text(vm, args);
    let old = vm.str_arg(args[1], "replace() argument 1")?;
    let new_s = vm.str_arg(args[2], "replace() argument 2")?;
    let count = match args.get(3) {
        Some(&c) => vm.int_arg(c)?,
        None => -1,
    };
    let out = if count < 0 {
        s.replace(&old, &new_s)
    } else {
        s.replacen(&old, &new_s, count as usize)
    };
    new(vm, out)
}

/// The prefixes/suffixes argument: a str or a tuple of str.
fn affixes(vm: &mut Vm, v: Value, name: &str) -> PyResult<Vec<String>> {
    if let Some(s) = vm.as_str(v) {
        return Ok(vec![s.to_string()]);
    }
    let items = vm.seq_items(v).map(<[Value]>::to_vec);
    match items {
        Some(items) => items.into_iter().map(|i| vm.str_arg(i, name)).collect(),
        None => {
            let msg = format!(
                "{name} first arg must be str or a tuple of str, not {}",
                vm.type_name(v)
            );
            Err(vm.type_error(msg))
        }
    }
}

/// `startswith`/`endswith(affix[, start[, end]])`.
fn affix_test(vm: &mut Vm, args: &[Value], name: &str, prefix: bool) -> PyResult<Value> {
    vm.check_arg_count(name, &args[1..], 1, 3)?;
    let Some(s) = window(vm, args, 2)? else {
        return Ok(Value::Bool(false));
    };
    let ps = affixes(vm, args[1], name)?;
    let test = |p: &String| {
        if prefix {
            s.starts_with(p.as_str())
        } else {
            s.ends_with(p.as_str())
        }
    };
    Ok(Value::Bool(ps.iter().any(test)))
}

fn startswith(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    affix_test(vm, args, "startswith", true)
}

fn endswith(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    affix_test(vm, args, "endswith", false)
}

/// The part of the receiver's text between the optional `start` and `end` arguments at
/// `args[i]` and `args[i + 1]`, as slicing picks it; `None` when `start` lies past `end`
/// or past the end of the text.
fn window(vm: &mut Vm, args: &[Value], i: usize) -> PyResult<Option<String>> {
    let s = text(vm, args);
    let n = s.chars().count();
    let (start, end) = bounds(vm, args, i, n)?;
    if start > end || start > n {
        return Ok(None);
    }
    Ok(Some(s.chars().skip(start).take(end - start).collect()))
}

/// A `str` argument of the search methods (`must be str, not int`).
fn sub_arg(vm: &mut Vm, v: Value) -> PyResult<String> {
    match vm.as_str(v) {
        Some(s) => Ok(s.to_string()),
        None => {
            let msg = format!("must be str, not {}", vm.type_name(v));
            Err(vm.type_error(msg))
        }
    }
}

/// The optional `start`/`end` slice bounds of `args[i]`/`args[i + 1]`, clamped to `n`
/// chars like a slice (`start` may exceed `end`).
fn bounds(vm: &mut Vm, args: &[Value], i: usize, n: usize) -> PyResult<(usize, usize)> {
    let mut get = |k: usize, default: usize| -> PyResult<usize> {
        match args.get(k) {
            None | Some(Value::None) => Ok(default),
            Some(&v) if vm.is_int(v) => {
                let b = vm.to_bigint(v).unwrap_or_default();
                let x = b
                    .to_i64()
                    .unwrap_or(if b.is_negative() { i64::MIN } else { i64::MAX });
                Ok(if x < 0 {
                    x.saturating_add(n as i64).max(0) as usize
                } else {
                    x as usize
                })
            }
            Some(_) => Err(
                vm.type_error("slice indices must be integers or None or have an __index__ method")
            ),
        }
    };
    let start = get(i, 0)?;
    let end = get(i + 1, n)?.min(n);
    Ok((start, end))
}

/// Char index of the first (or last) occurrence of `args[1]` within the optional
/// `start`/`end` bounds, or -1.
fn find_index(vm: &mut Vm, args: &[Value], last: bool, name: &str) -> PyResult<i64> {
    vm.check_arity(name, &args[1..], 1, 3)?;
    let s = text(vm, args);
    let sub = sub_arg(vm, args[1])?;
    let n = s.chars().count();
    let (start, end) = bounds(vm, args, 2, n)?;
    if start > end || start > n {
        return Ok(-1);
    }
    let byte = |k: usize| s.char_indices().nth(k).map_or(s.len(), |(b, _)| b);
    let (bs, be) = (byte(start), byte(end));
    let hay = &s[bs..be];
    let pos = if last {
        hay.rfind(&sub)
    } else {
        hay.find(&sub)
    };
    Ok(pos.map_or(-1, |b| (start + hay[..b].chars().count()) as i64))
}

fn find(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    find_index(vm, args, false, "find").map(Value::Int)
}

fn rfind(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    find_index(vm, args, true, "rfind").map(Value::Int)
}

fn index(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    match find_index(vm, args, false, "index")? {
        -1 => Err(vm.value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

fn rindex(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    match find_index(vm, args, true, "rindex")? {
        -1 => Err(vm.value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

/// `partition`/`rpartition`: `(head, sep, tail)` around the first/last `sep`.
fn partition_with(vm: &mut Vm, args: &[Value], last: bool) -> PyResult<Value> {
    let s = text(vm, args);
    let sep = sub_arg(vm, args[1])?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let found = if last { s.rfind(&sep) } else { s.find(&sep) };
    let parts = match found {
        Some(i) => [&s[..i], &sep[..], &s[i + sep.len()..]],
        None if last => ["", "", &s[..]],
        None => [&s[..], "", ""],
    };
    let items = parts.iter().map(|p| vm.new_str(*p)).collect();
    Ok(vm.new_tuple(items))
}

fn partition(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    partition_with(vm, args, false)
}

fn rpartition(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    partition_with(vm, args, true)
}

fn casefold(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    // Full case folding is lowercasing after uppercasing (`ß` -> `ss`), bar `ı`.
    let out: String = text(vm, args)
        .chars()
        .flat_map(|c| -> Vec<char> {
            if c == 'ı' {
                vec![c]
            } else {
                c.to_uppercase().flat_map(char::to_lowercase).collect()
            }
        })
        .collect();
    new(vm, out)
}

fn expandtabs(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    vm.check_arity("expandtabs", &args[1..], 0, 1)?;
    let size_kw = vm.kwarg("expandtabs", kw, "tabsize", &["tabsize"])?;
    let size = match args.get(1).copied().or(size_kw) {
        Some(v) => vm.int_arg(v)?,
        None => 8,
    };
    let mut out = String::new();
    let mut col = 0i64;
    for c in text(vm, args).chars() {
        match c {
            '\t' if size > 0 => {
                let n = size - col % size;
                out.extend(std::iter::repeat_n(' ', n as usize));
                col += n;
            }
            '\t' => {}
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    new(vm, out)
}

fn strip_affix(vm: &mut Vm, args: &[Value], name: &str, prefix: bool) -> PyResult<Value> {
    let s = text(vm, args);
    let a = vm.str_arg(args[1], &format!("{name}() argument"))?;
    let out = if prefix {
        s.strip_prefix(a.as_str())
    } else {
        s.strip_suffix(a.as_str())
    };
    match out {
        Some(t) => new(vm, t),
        None => Ok(args[0]),
    }
}

fn removeprefix(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    strip_affix(vm, args, "removeprefix", true)
}

fn removesuffix(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    strip_affix(vm, args, "removesuffix", false)
}

fn isidentifier(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let s = text(vm, args);
    let mut chars = s.chars();
    let ok = chars.next().is_some_and(|c| c == '_' || c.is_alphabetic())
        && chars.all(|c| c == '_' || c.is_alphanumeric());
    Ok(Value::Bool(ok))
}

fn isnumeric(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    char_test(vm, args, char::is_numeric)
}

fn isdecimal(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    char_test(vm, args, |c| c.is_ascii_digit())
}

fn istitle(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let (mut cased, mut prev_cased) = (false, false);
    for c in text(vm, args).chars() {
        if c.is_uppercase() {
            if prev_cased {
                return Ok(Value::Bool(false));
            }
            (cased, prev_cased) = (true, true);
        } else if c.is_lowercase() {
            if !prev_cased {
                return Ok(Value::Bool(false));
            }
            (cased, prev_cased) = (true, true);
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::Bool(cased))
}

/// `count(sub[, start[, end]])`.
fn count(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arg_count("count", &args[1..], 1, 3)?;
    let window = window(vm, args, 2)?;
    let sub = sub_arg(vm, args[1])?;
    let Some(s) = window else {
        return Ok(Value::Int(0));
    };
    let n = if sub.is_empty() {
        s.chars().count() + 1
    } else {
        s.matches(sub.as_str()).count()
    };
    Ok(Value::Int(n as i64))
}

fn format(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let s = text(vm, args);
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    let mut auto = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                out.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                out.push('}');
            }
            '{' => {
                let mut field = String::new();
                for c in chars.by_ref() {
                    if c == '}' {
                        break;
                    }
                    field.push(c);
                }
                let (name, spec) = field.split_once(':').unwrap_or((&field, ""));
                let (name, conv) = match name.split_once('!') {
                    Some((n, c)) => (n, Some(c)),
                    None => (name, None),
                };
                let v = if name.is_empty() {
                    auto += 1;
                    args.get(auto).copied()
                } else if let Ok(i) = name.parse::<usize>() {
                    args.get(i + 1).copied()
                } else {
                    kw.iter().find(|(k, _)| &**k == name).map(|(_, v)| *v)
                };
                let Some(v) = v else {
                    return Err(if name.is_empty() || name.parse::<usize>().is_ok() {
                        vm.err(
                            crate::exceptions::ExcKind::IndexError,
                            format!(
                                "Replacement index {} out of range for positional args tuple",
                                if name.is_empty() {
                                    auto - 1
                                } else {
                                    name.parse().unwrap_or(0)
                                }
                            ),
                        )
                    } else {
                        vm.key_error_str(name)
                    });
                };
                let v = match conv {
                    Some("r") => {
                        let r = vm.repr_of(v)?;
                        vm.new_str(r)
                    }
                    Some("s") => vm.str_value_of(v)?,
                    _ => v,
                };
                out.push_str(&vm.format_spec(v, spec)?);
            }
            c => out.push(c),
        }
    }
    new(vm, out)
}

fn char_test(vm: &mut Vm, args: &[Value], f: fn(char) -> bool) -> PyResult<Value> {
    let s = text(vm, args);
    Ok(Value::Bool(!s.is_empty() && s.chars().all(f)))
}

fn isdigit(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    char_test(vm, args, |c| c.is_ascii_digit())
}

fn isalpha(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    char_test(vm, args, char::is_alphabetic)
}

fn isalnum(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    char_test(vm, args, char::is_alphanumeric)
}

fn isspace(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    char_test(vm, args, char::is_whitespace)
}

fn isupper(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let s = text(vm, args);
    Ok(Value::Bool(
        s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase),
    ))
}

fn islower(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let s = text(vm, args);
    Ok(Value::Bool(
        s.chars().any(char::is_lowercase) && !s.chars().any(char::is_uppercase),
    ))
}

fn zfill(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let s = text(vm, args);
    let width = vm.int_arg(args[1])?.max(0) as usize;
    let n = s.chars().count();
    if n >= width {
        return new(vm, s);
    }
    let (sign, body) = match s.chars().next() {
        Some(c @ ('+' | '-')) => (c.to_string(), &s[1..]),
        _ => (String::new(), &s[..]),
    };
    new(vm, format!("{sign}{}{body}", "0".repeat(width - n)))
}

fn pad(vm: &mut Vm, args: &[Value], align: char) -> PyResult<Value> {
    vm.check_arity("center", &args[1..], 1, 2)?;
    let s = text(vm, args);
    let width = vm.int_arg(args[1])?.max(0) as usize;
    let fill = match args.get(2) {
        Some(&f) => vm
            .str_arg(f, "fill character")?
            .chars()
            .next()
            .unwrap_or(' '),
        None => ' ',
    };
    let n = s.chars().count();
    if n >= width {
        return new(vm, s);
    }
    let total = width - n;
    let left = match align {
        '<' => 0,
        '>' => total,
        _ => total / 2 + (total & width & 1),
    };
    let f = |k: usize| std::iter::repeat_n(fill, k).collect::<String>();
    new(vm, format!("{}{s}{}", f(left), f(total - left)))
}

fn center(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    pad(vm, args, '^')
}

fn ljust(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    pad(vm, args, '<')
}

fn rjust(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    pad(vm, args, '>')
}

impl Vm {
    /// `KeyError('name')` for a str key.
    #[cold]
    pub(crate) fn key_error_str(&mut self, name: &str) -> crate::value::ObjRef {
        let k = self.new_str(name);
        self.key_error(k)
    }
}
