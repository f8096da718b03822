//! `_re`: the engine under pyc's `re` module (`lib/re.py`). Patterns are read with
//! Python's syntax and errors (`parse`), written out in fancy-regex's syntax (`emit`),
//! compiled once and cached (`compiled`); searches answer with group spans in characters.
//!
//! Each function names its pattern by `(pattern, flags)` and finds it in the cache.
//! Pattern and template errors come back as a list `[kind, message, position]` (kind
//! `'error'`, `'overflow'`, `'value'` or `'index'`; position an int or None) for `re.py`
//! to raise as `re.error`, `OverflowError`, `ValueError` or `IndexError`.

mod ast;
mod compiled;
mod emit;
mod parse;
mod template;

use std::rc::Rc;

use pyc_vm::{ObjRef, PyResult, Value, Vm};

use compiled::{compiled, Compiled, Mode, Text};
use parse::PatternError;
use template::{parse_template, Piece, TemplateError};

/// Fills the module.
pub(crate) fn init(vm: &mut Vm, module: ObjRef) -> PyResult<()> {
    vm.module_add_function(module, "compile", compile, false);
    vm.module_add_function(module, "search", search, false);
    vm.module_add_function(module, "scan", scan, false);
    vm.module_add_function(module, "template", template, false);
    vm.module_add_function(module, "sub", sub, false);
    vm.module_add_function(module, "purge", purge, false);
    Ok(())
}

type Kw<'a> = &'a [(Rc<str>, Value)];

fn str_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<String> {
    match vm.as_str(v) {
        Some(s) => Ok(s.to_string()),
        None => Err(vm.type_error(format!("{what} must be a str"))),
    }
}

fn int_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<i64> {
    match v {
        Value::Int(n) => Ok(n),
        Value::Bool(b) => Ok(b as i64),
        _ => Err(vm.type_error(format!("{what} must be an int"))),
    }
}

/// The error list for `re.py` to raise.
fn error_list(vm: &mut Vm, kind: &str, msg: String, pos: Option<usize>) -> Value {
    let kind = vm.new_str(kind);
    let msg = vm.new_str(msg);
    let pos = pos.map_or(Value::None, |p| Value::Int(p as i64));
    vm.new_list(vec![kind, msg, pos])
}

fn pattern_error(vm: &mut Vm, e: PatternError) -> Value {
    match e {
        PatternError::Syntax(msg, pos) => error_list(vm, "error", msg, pos),
        PatternError::Overflow(msg) => error_list(vm, "overflow", msg, None),
        PatternError::Value(msg) => error_list(vm, "value", msg, None),
    }
}

/// The compiled pattern named by the first two arguments, or the error list.
fn pattern_of(vm: &mut Vm, args: &[Value]) -> PyResult<Result<Rc<Compiled>, Value>> {
    let pattern = str_arg(vm, args[0], "pattern")?;
    let flags = int_arg(vm, args[1], "flags")?;
    Ok(compiled(&pattern, flags as u32).map_err(|e| pattern_error(vm, e)))
}

fn engine_error(vm: &mut Vm, e: fancy_regex::Error) -> ObjRef {
    vm.value_error(format!("regular expression could not be matched: {e}"))
}

/// `compile(pattern, flags)`: `(flags, groups, ((name, number), ...), parents)` (the
/// number of the group each group is nested in, 0 for none) or an error list.
fn compile(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    vm.check_arity("compile", args, 2, 2)?;
    let c = match pattern_of(vm, args)? {
        Ok(c) => c,
        Err(e) => return Ok(e),
    };
    let names = c
        .names
        .iter()
        .map(|(name, g)| {
            let name = vm.new_str(name.as_str());
            vm.new_tuple(vec![name, Value::Int(*g as i64)])
        })
        .collect();
    let names = vm.new_tuple(names);
    let parents = c.parents.iter().map(|&p| Value::Int(p as i64)).collect();
    let parents = vm.new_tuple(parents);
    Ok(vm.new_tuple(vec![
        Value::Int(c.flags as i64),
        Value::Int(c.groups as i64),
        names,
        parents,
    ]))
}

/// `pos` and `endpos` as CPython clamps them to the string.
fn bounds(text: &Text, pos: i64, endpos: i64) -> (usize, usize) {
    let len = text.len() as i64;
    let pos = pos.clamp(0, len);
    let endpos = endpos.clamp(pos, len);
    (pos as usize, endpos as usize)
}

fn spans_tuple(vm: &mut Vm, spans: Vec<i64>) -> Value {
    vm.new_tuple(spans.into_iter().map(Value::Int).collect())
}

/// `search(pattern, flags, string, pos, endpos, mode)`: the spans of the match (mode 0
/// search, 1 match, 2 fullmatch) or None.
fn search(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    vm.check_arity("search", args, 6, 6)?;
    let c = match pattern_of(vm, args)? {
        Ok(c) => c,
        Err(e) => return Ok(e),
    };
    let pos = int_arg(vm, args[3], "pos")?;
    let endpos = int_arg(vm, args[4], "endpos")?;
    let mode = match int_arg(vm, args[5], "mode")? {
        0 => Mode::Search,
        1 => Mode::Match,
        _ => Mode::FullMatch,
    };
    let found = {
        let Some(s) = vm.as_str(args[2]) else {
            return Err(vm.type_error("string must be a str"));
        };
        let text = Text::new(s);
        let (pos, endpos) = bounds(&text, pos, endpos);
        c.search(&text, pos, endpos, mode, false)
    };
    match found {
        Ok(Some(spans)) => Ok(spans_tuple(vm, spans)),
        Ok(None) => Ok(Value::None),
        Err(e) => Err(engine_error(vm, e)),
    }
}

/// `scan(pattern, flags, string, pos, endpos, limit)`: the spans of successive matches
/// (at most `limit`, 0 for all), as `finditer` finds them.
fn scan(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    vm.check_arity("scan", args, 6, 6)?;
    let c = match pattern_of(vm, args)? {
        Ok(c) => c,
        Err(e) => return Ok(e),
    };
    let pos = int_arg(vm, args[3], "pos")?;
    let endpos = int_arg(vm, args[4], "endpos")?;
    let limit = int_arg(vm, args[5], "limit")?.max(0) as usize;
    let found = {
        let Some(s) = vm.as_str(args[2]) else {
            return Err(vm.type_error("string must be a str"));
        };
        let text = Text::new(s);
        let (pos, endpos) = bounds(&text, pos, endpos);
        c.scan(&text, pos, endpos, limit)
    };
    match found {
        Ok(all) => {
            let items = all.into_iter().map(|s| spans_tuple(vm, s)).collect();
            Ok(vm.new_list(items))
        }
        Err(e) => Err(engine_error(vm, e)),
    }
}

fn template_error(vm: &mut Vm, e: TemplateError) -> Value {
    match e {
        TemplateError::Syntax(msg, pos) => error_list(vm, "error", msg, Some(pos)),
        TemplateError::Index(msg) => error_list(vm, "index", msg, None),
    }
}

/// `template(pattern, flags, template)`: the template's pieces (strs and group numbers)
/// or an error list.
fn template(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    vm.check_arity("template", args, 3, 3)?;
    let c = match pattern_of(vm, args)? {
        Ok(c) => c,
        Err(e) => return Ok(e),
    };
    let tmpl = str_arg(vm, args[2], "template")?;
    match parse_template(&tmpl, c.groups, &c.names) {
        Ok(pieces) => {
            let items = pieces
                .into_iter()
                .map(|p| match p {
                    Piece::Literal(s) => vm.new_str(s),
                    Piece::Group(g) => Value::Int(g as i64),
                })
                .collect();
            Ok(vm.new_tuple(items))
        }
        Err(e) => Ok(template_error(vm, e)),
    }
}

/// `sub(pattern, flags, template, string, count)`: `(result, number of substitutions)`
/// or an error list.
fn sub(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    vm.check_arity("sub", args, 5, 5)?;
    let c = match pattern_of(vm, args)? {
        Ok(c) => c,
        Err(e) => return Ok(e),
    };
    let tmpl = str_arg(vm, args[2], "template")?;
    let count = int_arg(vm, args[4], "count")?.max(0) as usize;
    let pieces = match parse_template(&tmpl, c.groups, &c.names) {
        Ok(p) => p,
        Err(e) => return Ok(template_error(vm, e)),
    };
    let result = {
        let Some(s) = vm.as_str(args[3]) else {
            return Err(vm.type_error("string must be a str"));
        };
        let text = Text::new(s);
        c.scan(&text, 0, text.len(), count).map(|matches| {
            let mut out = String::with_capacity(s.len());
            let mut last = 0;
            let piece = |a: i64, b: i64| &s[text.byte(a as usize)..text.byte(b as usize)];
            for spans in &matches {
                out.push_str(piece(last, spans[0]));
                for p in &pieces {
                    match p {
                        Piece::Literal(l) => out.push_str(l),
                        Piece::Group(g) if spans[2 * g] >= 0 => {
                            out.push_str(piece(spans[2 * g], spans[2 * g + 1]))
                        }
                        Piece::Group(_) => {}
                    }
                }
                last = spans[1];
            }
            out.push_str(piece(last, text.len() as i64));
            (out, matches.len())
        })
    };
    match result {
        Ok((out, n)) => {
            let out = vm.new_str(out);
            Ok(vm.new_tuple(vec![out, Value::Int(n as i64)]))
        }
        Err(e) => Err(engine_error(vm, e)),
    }
}

/// `purge()`: empties the pattern cache.
fn purge(vm: &mut Vm, args: &[Value], _kw: Kw) -> PyResult<Value> {
    vm.check_arity("purge", args, 0, 0)?;
    compiled::purge();
    Ok(Value::None)
}

#[cfg(test)]
mod tests;
