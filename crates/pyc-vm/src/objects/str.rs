//! Methods of `str`.

use crate::builtins::Kw;
use crate::objects::NativeFn;
use crate::value::Value;
use crate::vm::Vm;
use crate::PyResult;

/// `str` methods: `(name, implementation, takes keywords)`.
pub const METHODS: &[(&str, NativeFn, bool)] = &[
    ("join", join, false),
    ("split", split, true),
    ("rsplit", rsplit, true),
    ("splitlines", splitlines, false),
    ("strip", strip, false),
    ("lstrip", lstrip, false),
    ("rstrip", rstrip, false),
    ("upper", upper, false),
    ("lower", lower, false),
    ("title", title, false),
    ("capitalize", capitalize, false),
    ("swapcase", swapcase, false),
    ("replace", replace, false),
    ("startswith", startswith, false),
    ("endswith", endswith, false),
    ("find", find, false),
    ("rfind", rfind, false),
    ("index", index, false),
    ("count", count, false),
    ("format", format, true),
    ("isdigit", isdigit, false),
    ("isalpha", isalpha, false),
    ("isalnum", isalnum, false),
    ("isspace", isspace, false),
    ("isupper", isupper, false),
    ("islower", islower, false),
    ("zfill", zfill, false),
    ("center", center, false),
    ("ljust", ljust, false),
    ("rjust", rjust, false),
];

/// The text of `args[0]` (the receiver).
fn text(vm: &Vm, args: &[Value]) -> String {
    vm.as_str(args[0]).unwrap_or("").to_string()
}

fn new(vm: &mut Vm, s: impl Into<Box<str>>) -> PyResult<Value> {
    Ok(vm.new_str(s))
}

fn join(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("str.join", &args[1..], 1, 1)?;
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
    vm.check_arity(name, &args[1..], 0, 2)?;
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

fn splitlines(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let s = text(vm, args);
    let parts = s.lines().map(str::to_string).collect();
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

fn startswith(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("startswith", &args[1..], 1, 1)?;
    let s = text(vm, args);
    let ps = affixes(vm, args[1], "startswith")?;
    Ok(Value::Bool(ps.iter().any(|p| s.starts_with(p.as_str()))))
}

fn endswith(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("endswith", &args[1..], 1, 1)?;
    let s = text(vm, args);
    let ps = affixes(vm, args[1], "endswith")?;
    Ok(Value::Bool(ps.iter().any(|p| s.ends_with(p.as_str()))))
}

/// Char index of the first (or last) occurrence of `args[1]`, or -1.
fn find_index(vm: &mut Vm, args: &[Value], last: bool) -> PyResult<i64> {
    vm.check_arity("find", &args[1..], 1, 1)?;
    let s = text(vm, args);
    let sub = vm.str_arg(args[1], "must be str")?;
    let pos = if last { s.rfind(&sub) } else { s.find(&sub) };
    Ok(pos.map_or(-1, |b| s[..b].chars().count() as i64))
}

fn find(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    find_index(vm, args, false).map(Value::Int)
}

fn rfind(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    find_index(vm, args, true).map(Value::Int)
}

fn index(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    match find_index(vm, args, false)? {
        -1 => Err(vm.value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

fn count(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("count", &args[1..], 1, 1)?;
    let s = text(vm, args);
    let sub = vm.str_arg(args[1], "must be str")?;
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
    vm.check_arity("zfill", &args[1..], 1, 1)?;
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
