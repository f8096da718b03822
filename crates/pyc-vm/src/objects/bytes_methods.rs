//! Methods of `bytes` and `bytearray` (one table serves both: each method answers with
//! an object of its receiver's kind), `bytearray`'s mutators, and `str.encode`.

use crate::builtins::Kw;
use crate::objects::bytes::find;
use crate::objects::descr::{MethodDef, Params};
use crate::value::Value;
use crate::vm::Vm;
use crate::PyResult;

/// Methods of both `bytes` and `bytearray`.
pub const METHODS: &[MethodDef] = &[
    ("decode", decode, Params::Keywords),
    ("hex", hex, Params::Keywords),
    ("join", join, Params::One),
    ("split", split, Params::Keywords),
    ("rsplit", rsplit, Params::Keywords),
    ("splitlines", splitlines, Params::Keywords),
    ("strip", strip, Params::Positional),
    ("lstrip", lstrip, Params::Positional),
    ("rstrip", rstrip, Params::Positional),
    ("startswith", startswith, Params::Positional),
    ("endswith", endswith, Params::Positional),
    ("find", find_method, Params::Positional),
    ("rfind", rfind, Params::Positional),
    ("index", index, Params::Positional),
    ("rindex", rindex, Params::Positional),
    ("count", count, Params::Positional),
    ("replace", replace, Params::Positional),
    ("partition", partition, Params::One),
    ("rpartition", rpartition, Params::One),
    ("removeprefix", removeprefix, Params::One),
    ("removesuffix", removesuffix, Params::One),
    ("upper", upper, Params::NoArgs),
    ("lower", lower, Params::NoArgs),
    ("swapcase", swapcase, Params::NoArgs),
    ("capitalize", capitalize, Params::NoArgs),
    ("isdigit", isdigit, Params::NoArgs),
    ("isalpha", isalpha, Params::NoArgs),
    ("isalnum", isalnum, Params::NoArgs),
    ("isspace", isspace, Params::NoArgs),
    ("isupper", isupper, Params::NoArgs),
    ("islower", islower, Params::NoArgs),
    ("isascii", isascii, Params::NoArgs),
];

/// Class methods of both `bytes` and `bytearray`.
pub const CLASS_METHODS: &[MethodDef] = &[("fromhex", fromhex, Params::One)];

/// Methods only `bytearray` has.
pub const BYTEARRAY_METHODS: &[MethodDef] = &[
    ("append", append, Params::One),
    ("extend", extend, Params::One),
    ("pop", pop, Params::Positional),
    ("insert", insert, Params::Positional),
    ("remove", remove, Params::One),
    ("reverse", reverse, Params::NoArgs),
    ("clear", clear, Params::NoArgs),
    ("copy", copy, Params::NoArgs),
];

/// The receiver's contents (the descriptor call checked its kind).
fn data(vm: &Vm, args: &[Value]) -> Vec<u8> {
    vm.bytes_data(args[0]).unwrap_or(&[]).to_vec()
}

/// A result of the receiver's kind.
fn like(vm: &mut Vm, args: &[Value], data: Vec<u8>) -> PyResult<Value> {
    Ok(vm.bytes_like(args[0], data))
}

/// `(encoding, errors)` of `encode`/`decode`, positional or by keyword, defaulting to
/// `'utf-8'` and `'strict'`.
fn codec_args(vm: &mut Vm, name: &str, args: &[Value], kw: &Kw) -> PyResult<(String, String)> {
    const NAMES: [&str; 2] = ["encoding", "errors"];
    if args.len() > 2 {
        let msg = format!("{name}() takes at most 2 arguments ({} given)", args.len());
        return Err(vm.type_error(msg));
    }
    let mut out = [String::from("utf-8"), String::from("strict")];
    for (i, field) in NAMES.iter().enumerate() {
        let named = vm.kwarg(name, kw, field, &NAMES)?;
        let value = match (args.get(i), named) {
            (Some(_), Some(_)) => {
                let msg = format!(
                    "argument for {name}() given by name ('{field}') and position ({})",
                    i + 1
                );
                return Err(vm.type_error(msg));
            }
            (Some(&v), None) | (None, Some(v)) => v,
            (None, None) => continue,
        };
        out[i] = vm.str_arg(value, &format!("{name}() argument '{field}'"))?;
    }
    let [encoding, errors] = out;
    Ok((encoding, errors))
}

/// `str.encode(encoding='utf-8', errors='strict')`.
pub(crate) fn str_encode(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let (encoding, errors) = codec_args(vm, "encode", &args[1..], kw)?;
    let text = vm.as_str(args[0]).unwrap_or("").to_string();
    let data = vm.encode_text(&text, &encoding, &errors)?;
    Ok(vm.new_bytes(data))
}

fn decode(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let (encoding, errors) = codec_args(vm, "decode", &args[1..], kw)?;
    let text = vm.decode_bytes(&data(vm, args), &encoding, &errors)?;
    Ok(vm.new_str(text))
}

/// `hex(sep=None, bytes_per_sep=1)`.
fn hex(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    const NAMES: [&str; 2] = ["sep", "bytes_per_sep"];
    vm.check_arity("hex", &args[1..], 0, 2)?;
    let sep = match args.get(1).copied().or(vm.kwarg("hex", kw, "sep", &NAMES)?) {
        None => None,
        Some(v) => {
            let text = match vm.as_str(v) {
                Some(s) => s.as_bytes().to_vec(),
                None => vm.buffer_arg(v)?,
            };
            if text.len() != 1 || !text[0].is_ascii() {
                return Err(vm.value_error("sep must be length 1."));
            }
            Some(char::from(text[0]))
        }
    };
    let per = match args
        .get(2)
        .copied()
        .or(vm.kwarg("hex", kw, "bytes_per_sep", &NAMES)?)
    {
        Some(v) => vm.int_arg(v)?,
        None => 1,
    };
    let bytes = data(vm, args);
    let mut out = String::with_capacity(bytes.len() * 3);
    let group = per.unsigned_abs().max(1) as usize;
    for (i, b) in bytes.iter().enumerate() {
        if let (Some(sep), true) = (sep, i > 0 && per != 0) {
            // A positive count groups from the right, a negative one from the left.
            let boundary = if per > 0 {
                (bytes.len() - i).is_multiple_of(group)
            } else {
                i.is_multiple_of(group)
            };
            if boundary {
                out.push(sep);
            }
        }
        out.push_str(&format!("{b:02x}"));
    }
    Ok(vm.new_str(out))
}

/// `bytes.fromhex(string)`: pairs of hex digits, ASCII whitespace between pairs.
fn fromhex(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let Some(text) = vm.as_str(args[1]).map(str::to_string) else {
        let msg = format!(
            "fromhex() argument must be str, not {}",
            vm.type_name(args[1])
        );
        return Err(vm.type_error(msg));
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let digit = |c: Option<&char>| c.and_then(|c| c.to_digit(16));
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let Some(high) = digit(chars.get(i)) else {
            return Err(fromhex_error(vm, i));
        };
        let Some(low) = digit(chars.get(i + 1)) else {
            return Err(fromhex_error(vm, i + 1));
        };
        out.push((high * 16 + low) as u8);
        i += 2;
    }
    let class = vm.obj_of(args[0]);
    if class == vm.types.bytearray {
        Ok(vm.new_bytearray(out))
    } else {
        Ok(vm.new_bytes(out))
    }
}

fn fromhex_error(vm: &mut Vm, at: usize) -> crate::value::ObjRef {
    vm.value_error(format!(
        "non-hexadecimal number found in fromhex() arg at position {at}"
    ))
}

fn join(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let sep = data(vm, args);
    let items = vm.collect_iterable(args[1])?;
    let mut out = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        match vm.bytes_data(item) {
            Some(b) => out.extend_from_slice(b),
            None => {
                let msg = format!(
                    "sequence item {i}: expected a bytes-like object, {} found",
                    vm.type_name(item)
                );
                return Err(vm.type_error(msg));
            }
        }
    }
    like(vm, args, out)
}

/// `(sep, maxsplit)` of `split`/`rsplit`.
fn split_args(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: &Kw,
) -> PyResult<(Option<Vec<u8>>, i64)> {
    const NAMES: [&str; 2] = ["sep", "maxsplit"];
    vm.check_arity(name, &args[1..], 0, 2)?;
    let sep = match args.get(1).copied().or(vm.kwarg(name, kw, "sep", &NAMES)?) {
        None | Some(Value::None) => None,
        Some(v) => {
            let sep = vm.buffer_arg(v)?;
            if sep.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            Some(sep)
        }
    };
    let max = match args
        .get(2)
        .copied()
        .or(vm.kwarg(name, kw, "maxsplit", &NAMES)?)
    {
        Some(v) => vm.int_arg(v)?,
        None => -1,
    };
    Ok((sep, max))
}

fn split(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let (sep, max) = split_args(vm, "split", args, kw)?;
    let parts = split_bytes(&data(vm, args), sep.as_deref(), max, false);
    parts_list(vm, args, parts)
}

fn rsplit(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let (sep, max) = split_args(vm, "rsplit", args, kw)?;
    let parts = split_bytes(&data(vm, args), sep.as_deref(), max, true);
    parts_list(vm, args, parts)
}

/// A list of pieces of the receiver's kind.
fn parts_list(vm: &mut Vm, args: &[Value], parts: Vec<Vec<u8>>) -> PyResult<Value> {
    let items = parts
        .into_iter()
        .map(|p| vm.bytes_like(args[0], p))
        .collect();
    Ok(vm.new_list(items))
}

/// Splits on `sep` (runs of ASCII whitespace when `None`) at most `max` times (no limit
/// when negative), from the right when `from_right`.
fn split_bytes(data: &[u8], sep: Option<&[u8]>, max: i64, from_right: bool) -> Vec<Vec<u8>> {
    let limit = if max < 0 { usize::MAX } else { max as usize };
    let mut parts = Vec::new();
    match sep {
        Some(sep) => {
            let mut rest: &[u8] = data;
            while parts.len() < limit {
                let at = if from_right {
                    rest.windows(sep.len()).rposition(|w| w == sep)
                } else {
                    rest.windows(sep.len()).position(|w| w == sep)
                };
                let Some(at) = at else { break };
                if from_right {
                    parts.push(rest[at + sep.len()..].to_vec());
                    rest = &rest[..at];
                } else {
                    parts.push(rest[..at].to_vec());
                    rest = &rest[at + sep.len()..];
                }
            }
            parts.push(rest.to_vec());
        }
        None => {
            let mut rest: Vec<u8> = data.to_vec();
            if from_right {
                rest.reverse();
            }
            let mut i = 0;
            loop {
                while i < rest.len() && rest[i].is_ascii_whitespace() {
                    i += 1;
                }
                if i == rest.len() {
                    break;
                }
                if parts.len() == limit {
                    parts.push(rest[i..].to_vec());
                    break;
                }
                let start = i;
                while i < rest.len() && !rest[i].is_ascii_whitespace() {
                    i += 1;
                }
                parts.push(rest[start..i].to_vec());
            }
            if from_right {
                for p in &mut parts {
                    p.reverse();
                }
            }
        }
    }
    if from_right {
        parts.reverse();
    }
    parts
}

fn splitlines(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    vm.check_arity("splitlines", &args[1..], 0, 1)?;
    let keep =
        match args
            .get(1)
            .copied()
            .or(vm.kwarg("splitlines", kw, "keepends", &["keepends"])?)
        {
            Some(v) => vm.truth(v)?,
            None => false,
        };
    let bytes = data(vm, args);
    let mut parts = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let end_len = match bytes[i] {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => 2,
            b'\r' | b'\n' => 1,
            _ => {
                i += 1;
                continue;
            }
        };
        let stop = if keep { i + end_len } else { i };
        parts.push(bytes[start..stop].to_vec());
        i += end_len;
        start = i;
    }
    if start < bytes.len() {
        parts.push(bytes[start..].to_vec());
    }
    parts_list(vm, args, parts)
}

/// Strips the bytes of `args[1]` (ASCII whitespace when absent or `None`).
fn strip_with(vm: &mut Vm, args: &[Value], name: &str, left: bool, right: bool) -> PyResult<Value> {
    vm.check_arity(name, &args[1..], 0, 1)?;
    let chars = match args.get(1) {
        None | Some(Value::None) => None,
        Some(&v) => Some(vm.buffer_arg(v)?),
    };
    let strip = |b: &u8| match &chars {
        Some(c) => c.contains(b),
        None => b.is_ascii_whitespace() || *b == 0x0b,
    };
    let bytes = data(vm, args);
    let mut a = 0;
    let mut b = bytes.len();
    while left && a < b && strip(&bytes[a]) {
        a += 1;
    }
    while right && b > a && strip(&bytes[b - 1]) {
        b -= 1;
    }
    like(vm, args, bytes[a..b].to_vec())
}

fn strip(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    strip_with(vm, args, "strip", true, true)
}

fn lstrip(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    strip_with(vm, args, "lstrip", true, false)
}

fn rstrip(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    strip_with(vm, args, "rstrip", false, true)
}

/// The `[start, end)` window of `find`-like methods, clamped to `len`.
fn window(vm: &mut Vm, args: &[Value], len: usize) -> PyResult<(usize, usize)> {
    let bound = |vm: &mut Vm, v: Option<&Value>, default: usize| -> PyResult<usize> {
        match v {
            None | Some(Value::None) => Ok(default),
            Some(&v) => {
                let i = vm.int_arg(v)?;
                let i = if i < 0 { i + len as i64 } else { i };
                Ok(i.clamp(0, len as i64) as usize)
            }
        }
    };
    let start = bound(vm, args.first(), 0)?;
    let end = bound(vm, args.get(1), len)?;
    Ok((start, end))
}

fn prefix_test(vm: &mut Vm, args: &[Value], name: &str, suffix: bool) -> PyResult<Value> {
    vm.check_arity(name, &args[1..], 1, 3)?;
    let bytes = data(vm, args);
    let (start, end) = window(vm, &args[2..], bytes.len())?;
    let hay = if start <= end {
        &bytes[start..end]
    } else {
        &[][..]
    };
    let candidates: Vec<Value> = match vm.seq_items(args[1]) {
        Some(items)
            if !matches!(
                vm.heap.get(vm.obj_of(args[1])),
                crate::objects::Object::List(_)
            ) =>
        {
            items.to_vec()
        }
        _ => vec![args[1]],
    };
    for c in candidates {
        let Some(needle) = vm.bytes_data(c).map(<[u8]>::to_vec) else {
            let msg = format!(
                "{name} first arg must be bytes or a tuple of bytes, not {}",
                vm.type_name(c)
            );
            return Err(vm.type_error(msg));
        };
        let hit = if suffix {
            hay.ends_with(&needle)
        } else {
            hay.starts_with(&needle)
        };
        if hit && start <= end {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn startswith(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    prefix_test(vm, args, "startswith", false)
}

fn endswith(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    prefix_test(vm, args, "endswith", true)
}

/// The position of `args[1]` in the receiver's `[start, end)` window.
fn search(vm: &mut Vm, args: &[Value], name: &str, from_right: bool) -> PyResult<Option<usize>> {
    vm.check_arity(name, &args[1..], 1, 3)?;
    let needle = vm.subsequence_arg(args[1], false)?;
    let bytes = data(vm, args);
    let (start, end) = window(vm, &args[2..], bytes.len())?;
    if start > end || end - start < needle.len() {
        return Ok(None);
    }
    let hay = &bytes[start..end];
    let at = if from_right {
        if needle.is_empty() {
            Some(hay.len())
        } else {
            hay.windows(needle.len())
                .rposition(|w| w == needle.as_slice())
        }
    } else {
        find(hay, &needle)
    };
    Ok(at.map(|i| i + start))
}

fn position(at: Option<usize>) -> Value {
    Value::Int(at.map_or(-1, |i| i as i64))
}

fn find_method(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    search(vm, args, "find", false).map(position)
}

fn rfind(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    search(vm, args, "rfind", true).map(position)
}

fn index(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    match search(vm, args, "index", false)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(vm.value_error("subsection not found")),
    }
}

fn rindex(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    match search(vm, args, "rindex", true)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(vm.value_error("subsection not found")),
    }
}

fn count(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("count", &args[1..], 1, 3)?;
    let needle = vm.subsequence_arg(args[1], false)?;
    let bytes = data(vm, args);
    let (start, end) = window(vm, &args[2..], bytes.len())?;
    if start > end {
        return Ok(Value::Int(0));
    }
    let hay = &bytes[start..end];
    if needle.is_empty() {
        return Ok(Value::Int(hay.len() as i64 + 1));
    }
    let mut n = 0;
    let mut i = 0;
    while let Some(at) = find(&hay[i..], &needle) {
        n += 1;
        i += at + needle.len();
    }
    Ok(Value::Int(n))
}

fn replace(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("replace", &args[1..], 2, 3)?;
    let old = vm.buffer_arg(args[1])?;
    let new = vm.buffer_arg(args[2])?;
    let max = match args.get(3) {
        Some(&v) => vm.int_arg(v)?,
        None => -1,
    };
    let bytes = data(vm, args);
    let limit = if max < 0 { usize::MAX } else { max as usize };
    let mut out = Vec::with_capacity(bytes.len());
    let mut done = 0;
    let mut i = 0;
    if old.is_empty() {
        while i <= bytes.len() {
            if done < limit {
                out.extend_from_slice(&new);
                done += 1;
            }
            if i < bytes.len() {
                out.push(bytes[i]);
            }
            i += 1;
        }
        return like(vm, args, out);
    }
    while done < limit {
        let Some(at) = find(&bytes[i..], &old) else {
            break;
        };
        out.extend_from_slice(&bytes[i..i + at]);
        out.extend_from_slice(&new);
        i += at + old.len();
        done += 1;
    }
    out.extend_from_slice(&bytes[i..]);
    like(vm, args, out)
}

fn partition_at(vm: &mut Vm, args: &[Value], from_right: bool) -> PyResult<Value> {
    let sep = vm.buffer_arg(args[1])?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let bytes = data(vm, args);
    let at = if from_right {
        bytes.windows(sep.len()).rposition(|w| w == sep.as_slice())
    } else {
        find(&bytes, &sep)
    };
    let parts = match at {
        Some(i) => [
            bytes[..i].to_vec(),
            sep.clone(),
            bytes[i + sep.len()..].to_vec(),
        ],
        None if from_right => [Vec::new(), Vec::new(), bytes],
        None => [bytes, Vec::new(), Vec::new()],
    };
    let items = parts
        .into_iter()
        .map(|p| vm.bytes_like(args[0], p))
        .collect();
    Ok(vm.new_tuple(items))
}

fn partition(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    partition_at(vm, args, false)
}

fn rpartition(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    partition_at(vm, args, true)
}

fn removeprefix(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let prefix = vm.buffer_arg(args[1])?;
    let bytes = data(vm, args);
    let rest = bytes.strip_prefix(prefix.as_slice()).unwrap_or(&bytes);
    like(vm, args, rest.to_vec())
}

fn removesuffix(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let suffix = vm.buffer_arg(args[1])?;
    let bytes = data(vm, args);
    let rest = bytes.strip_suffix(suffix.as_slice()).unwrap_or(&bytes);
    like(vm, args, rest.to_vec())
}

fn upper(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let out = data(vm, args).to_ascii_uppercase();
    like(vm, args, out)
}

fn lower(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let out = data(vm, args).to_ascii_lowercase();
    like(vm, args, out)
}

fn swapcase(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let out = data(vm, args)
        .iter()
        .map(|b| match b {
            b'a'..=b'z' => b.to_ascii_uppercase(),
            b'A'..=b'Z' => b.to_ascii_lowercase(),
            _ => *b,
        })
        .collect();
    like(vm, args, out)
}

fn capitalize(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let mut out = data(vm, args).to_ascii_lowercase();
    if let Some(first) = out.first_mut() {
        first.make_ascii_uppercase();
    }
    like(vm, args, out)
}

/// Whether the receiver is non-empty and every byte passes `test`.
fn all_bytes(vm: &Vm, args: &[Value], test: ByteTest) -> PyResult<Value> {
    let bytes = data(vm, args);
    Ok(Value::Bool(!bytes.is_empty() && bytes.iter().all(test)))
}

fn isdigit(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    all_bytes(vm, args, u8::is_ascii_digit)
}

fn isalpha(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    all_bytes(vm, args, u8::is_ascii_alphabetic)
}

fn isalnum(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    all_bytes(vm, args, u8::is_ascii_alphanumeric)
}

fn isspace(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    all_bytes(vm, args, |b| b.is_ascii_whitespace() || *b == 0x0b)
}

/// A property of one byte.
type ByteTest = fn(&u8) -> bool;

/// `isupper`/`islower`: some cased byte, and none of the other case.
fn cased(vm: &Vm, args: &[Value], upper: bool) -> PyResult<Value> {
    let bytes = data(vm, args);
    let (want, other): (ByteTest, ByteTest) = if upper {
        (u8::is_ascii_uppercase, u8::is_ascii_lowercase)
    } else {
        (u8::is_ascii_lowercase, u8::is_ascii_uppercase)
    };
    Ok(Value::Bool(
        bytes.iter().any(want) && !bytes.iter().any(other),
    ))
}

fn isupper(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    cased(vm, args, true)
}

fn islower(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    cased(vm, args, false)
}

fn isascii(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    Ok(Value::Bool(data(vm, args).is_ascii()))
}

fn append(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let byte = vm.byte_arg(args[1])?;
    vm.bytearray_mut(vm.obj_of(args[0])).push(byte);
    Ok(Value::None)
}

fn extend(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let more = match vm.bytes_data(args[1]) {
        Some(b) => b.to_vec(),
        None => {
            let it = vm.get_iter(args[1]).map_err(|_| {
                let msg = format!("can't extend bytearray with {}", vm.type_name(args[1]));
                vm.type_error(msg)
            })?;
            let mut out = Vec::new();
            while let Some(item) = vm.iter_next(it)? {
                out.push(vm.byte_arg(item)?);
            }
            out
        }
    };
    vm.bytearray_mut(vm.obj_of(args[0])).extend(more);
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("pop", &args[1..], 0, 1)?;
    let len = data(vm, args).len();
    if len == 0 {
        return Err(vm.err(
            crate::exceptions::ExcKind::IndexError,
            "pop from empty bytearray",
        ));
    }
    let i = match args.get(1) {
        Some(&v) => vm.int_arg(v)?,
        None => -1,
    };
    let j = if i < 0 { i + len as i64 } else { i };
    if !(0..len as i64).contains(&j) {
        return Err(vm.err(
            crate::exceptions::ExcKind::IndexError,
            "pop index out of range",
        ));
    }
    let b = vm.bytearray_mut(vm.obj_of(args[0])).remove(j as usize);
    Ok(Value::Int(i64::from(b)))
}

fn insert(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("insert", &args[1..], 2, 2)?;
    let i = vm.int_arg(args[1])?;
    let byte = vm.byte_arg(args[2])?;
    let len = data(vm, args).len() as i64;
    let at = if i < 0 { (i + len).max(0) } else { i.min(len) };
    vm.bytearray_mut(vm.obj_of(args[0]))
        .insert(at as usize, byte);
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let byte = vm.byte_arg(args[1])?;
    let a = vm.obj_of(args[0]);
    match vm.bytearray_mut(a).iter().position(|&b| b == byte) {
        Some(i) => {
            vm.bytearray_mut(a).remove(i);
            Ok(Value::None)
        }
        None => Err(vm.value_error("value not found in bytearray")),
    }
}

fn reverse(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.bytearray_mut(vm.obj_of(args[0])).reverse();
    Ok(Value::None)
}

fn clear(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.bytearray_mut(vm.obj_of(args[0])).clear();
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let bytes = data(vm, args);
    Ok(vm.new_bytearray(bytes))
}
