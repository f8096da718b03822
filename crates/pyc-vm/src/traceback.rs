//! Rendering an exception that escaped the module the way CPython prints it.

use crate::exceptions::ExcKind;
use crate::objects::Object;
use crate::tb_markers;
use crate::value::{ObjRef, Value};
use crate::vm::Vm;

/// Identical consecutive traceback entries shown before the rest collapse into one
/// `[Previous line repeated N more times]` line (`_RECURSIVE_CUTOFF` in `traceback.py`).
const RECURSIVE_CUTOFF: usize = 3;

/// The most traceback entries printed, innermost kept (`sys.tracebacklimit`'s default).
const TRACEBACK_LIMIT: usize = 1000;

/// Ends a run of `count` identical entries: notes the ones not shown.
fn repeated_line(out: &mut String, count: usize) {
    if count > RECURSIVE_CUTOFF {
        let n = count - RECURSIVE_CUTOFF;
        let s = if n > 1 { "s" } else { "" };
        out.push_str(&format!("  [Previous line repeated {n} more time{s}]\n"));
    }
}

/// Which traceback entries [`Vm::format_exception`] leaves out: the frames whose globals
/// hold `key` at the start of each traceback and, for exceptions of `trailing_class`, at
/// its end (how `unittest` hides its own frames, marked by `__unittest`).
pub struct TracebackFilter {
    /// The global name that marks a hidden frame.
    pub key: String,
    /// The exception class whose tracebacks also lose their trailing hidden frames.
    pub trailing_class: Option<ObjRef>,
}

/// An exception that escaped the module.
#[derive(Debug, Clone)]
pub struct Uncaught {
    text: String,
    exit_code: i32,
    type_name: String,
    message: String,
}

impl Uncaught {
    /// The whole text CPython would print to stderr: the traceback (with chained
    /// exceptions), then `TypeName: message`; for a `SystemExit`, only a code that is not
    /// an int or `None`.
    pub fn render(&self) -> String {
        self.text.clone()
    }

    /// The process exit code: 1, or what a `SystemExit` asks for.
    pub fn exit_code(&self) -> i32 {
        self.exit_code
    }

    /// The exception's class name, e.g. `ValueError`.
    pub fn type_name(&self) -> &str {
        &self.type_name
    }

    /// `str()` of the exception.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl Vm {
    /// Captures everything needed to report `exc` after the VM stops.
    pub(crate) fn uncaught(&mut self, exc: ObjRef) -> Uncaught {
        let (type_name, message) = self.exception_line_parts(exc);
        let (exit_code, text) = match self.system_exit(exc) {
            Some(exit) => exit,
            None => {
                let mut text = String::new();
                self.render_chain(exc, &mut text, &mut Vec::new());
                (1, text)
            }
        };
        Uncaught {
            text,
            exit_code,
            type_name,
            message,
        }
    }

    /// How an uncaught `SystemExit` ends the process, as in CPython: with no argument or
    /// `None`, status 0 and nothing printed; with an int (or bool), that status, as the
    /// OS keeps it (its low byte); with anything else, its `str()` on stderr and status 1.
    /// `None` when `exc` is not a `SystemExit`.
    fn system_exit(&self, exc: ObjRef) -> Option<(i32, String)> {
        if !self.exc_matches(exc, self.exc_class(ExcKind::SystemExit)) {
            return None;
        }
        Some(match self.system_exit_code(exc) {
            Value::None => (0, String::new()),
            Value::Int(status) => (i32::from(status as u8), String::new()),
            Value::Bool(status) => (i32::from(status), String::new()),
            other => (1, format!("{}\n", self.to_str(other))),
        })
    }

    fn exception_line_parts(&self, exc: ObjRef) -> (String, String) {
        let class = match self.heap.get(exc) {
            Object::Exception(e) => e.class,
            _ => self.types.object,
        };
        let name = match self.type_module(class) {
            Some(m) if m != "__main__" && m != "builtins" => {
                format!("{m}.{}", self.type_qualname(class))
            }
            _ => self.type_qualname(class).to_string(),
        };
        (name, self.exception_str(exc))
    }

    /// The text CPython's `traceback.format_exception` gives for `exc` (with its chained
    /// exceptions), leaving out the entries `filter` hides.
    pub fn format_exception(&self, exc: ObjRef, filter: Option<&TracebackFilter>) -> String {
        let mut out = String::new();
        self.render_chain_filtered(exc, &mut out, &mut Vec::new(), filter);
        out
    }

    fn render_chain(&self, exc: ObjRef, out: &mut String, seen: &mut Vec<ObjRef>) {
        self.render_chain_filtered(exc, out, seen, None);
    }

    /// Which entries of `exc`'s traceback (outermost first) `filter` keeps.
    fn shown_entries<'e>(
        &self,
        exc: ObjRef,
        entries: &'e [crate::objects::TbEntry],
        filter: Option<&TracebackFilter>,
    ) -> &'e [crate::objects::TbEntry] {
        let Some(filter) = filter else {
            return entries;
        };
        let hidden =
            |e: &crate::objects::TbEntry| self.dict_get_str(e.globals, &filter.key).is_some();
        let start = entries
            .iter()
            .position(|e| !hidden(e))
            .unwrap_or(entries.len());
        let mut end = entries.len();
        if filter
            .trailing_class
            .is_some_and(|c| self.exc_matches(exc, c))
        {
            while end > start && hidden(&entries[end - 1]) {
                end -= 1;
            }
        }
        &entries[start..end]
    }

    fn render_chain_filtered(
        &self,
        exc: ObjRef,
        out: &mut String,
        seen: &mut Vec<ObjRef>,
        filter: Option<&TracebackFilter>,
    ) {
        seen.push(exc);
        let Object::Exception(e) = self.heap.get(exc) else {
            return;
        };
        let chained = match (e.cause, e.context) {
            (Value::Obj(c), _) => Some((
                c,
                "The above exception was the direct cause of the following exception:",
            )),
            (_, Value::Obj(c)) if !e.suppress_context => Some((
                c,
                "During handling of the above exception, another exception occurred:",
            )),
            _ => None,
        };
        if let Some((c, msg)) = chained {
            if !seen.contains(&c) {
                self.render_chain_filtered(c, out, seen, filter);
                out.push('\n');
                out.push_str(msg);
                out.push_str("\n\n");
            }
        }
        let Object::Exception(e) = self.heap.get(exc) else {
            return;
        };
        let outermost_first: Vec<_> = e.traceback.iter().rev().cloned().collect();
        let entries = self.shown_entries(exc, &outermost_first, filter);
        if !entries.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            // CPython prints at most `sys.tracebacklimit` (1000) entries, the innermost.
            let skip = entries.len().saturating_sub(TRACEBACK_LIMIT);
            let mut last: Option<(&str, u32, &str)> = None;
            let mut count = 0usize;
            for entry in entries.iter().skip(skip) {
                let key = (
                    &*entry.code.code.filename,
                    entry.line,
                    &*entry.code.code.name,
                );
                if last != Some(key) {
                    repeated_line(out, count);
                    last = Some(key);
                    count = 0;
                }
                count += 1;
                if count > RECURSIVE_CUTOFF {
                    continue;
                }
                out.push_str(&format!(
                    "  File \"{}\", line {}, in {}\n",
                    entry.code.code.filename, entry.line, entry.code.code.name
                ));
                let line = self
                    .sources
                    .get(&*entry.code.code.filename)
                    .and_then(|lines| lines.get((entry.line as usize).wrapping_sub(1)));
                if let Some(line) = line {
                    let stripped = line.trim();
                    if !stripped.is_empty() {
                        out.push_str(&format!("    {stripped}\n"));
                        let index = entry.index as usize;
                        let position = entry.code.code.position_of(index);
                        let anchors = entry.code.code.anchors_of(index);
                        if let Some(markers) = tb_markers::marker_line(line, position, anchors) {
                            out.push_str(&markers);
                            out.push('\n');
                        }
                    }
                }
            }
            repeated_line(out, count);
        }
        if self.exc_matches(exc, self.exc_class(ExcKind::SyntaxError)) {
            if let Some(text) = self.syntax_error_location(exc) {
                out.push_str(&text);
                let (name, _) = self.exception_line_parts(exc);
                let msg = self.syntax_error_attr(exc, "msg").map(|v| self.to_str(v));
                out.push_str(&format!("{name}: {}\n", msg.unwrap_or_default()));
                return;
            }
        }
        let (name, msg) = self.exception_line_parts(exc);
        if msg.is_empty() {
            out.push_str(&name);
        } else {
            out.push_str(&format!("{name}: {msg}"));
        }
        out.push('\n');
    }
}

impl Vm {
    /// `str()` of a `SyntaxError` that knows where it was found: `msg (file, line N)`,
    /// with the file's base name.
    pub(crate) fn syntax_error_str(&self, exc: ObjRef) -> Option<String> {
        let msg = self.syntax_error_attr(exc, "msg").map(|v| self.to_str(v))?;
        let file = self
            .syntax_error_attr(exc, "filename")
            .and_then(|v| self.as_str(v))
            .map(|f| f.rsplit('/').next().unwrap_or(f).to_string());
        let line = match self.syntax_error_attr(exc, "lineno") {
            Some(Value::Int(n)) => Some(n),
            _ => None,
        };
        Some(match (file, line) {
            (Some(f), Some(n)) => format!("{msg} ({f}, line {n})"),
            (Some(f), None) => format!("{msg} ({f})"),
            (None, Some(n)) => format!("{msg} (line {n})"),
            (None, None) => msg,
        })
    }

    /// An attribute of a `SyntaxError` set from where it was found.
    fn syntax_error_attr(&self, exc: ObjRef, name: &str) -> Option<Value> {
        let Object::Exception(e) = self.heap.get(exc) else {
            return None;
        };
        e.dict.and_then(|d| self.dict_get_str(d, name))
    }

    /// The `File "...", line N` part of a `SyntaxError`'s report, with the source line
    /// and its carets when the error has them.
    fn syntax_error_location(&self, exc: ObjRef) -> Option<String> {
        let filename = self
            .syntax_error_attr(exc, "filename")
            .and_then(|v| self.as_str(v).map(str::to_string))?;
        let lineno = match self.syntax_error_attr(exc, "lineno") {
            Some(Value::Int(n)) => n,
            _ => return None,
        };
        let mut out = format!("  File \"{filename}\", line {lineno}\n");
        let text = self
            .syntax_error_attr(exc, "text")
            .and_then(|v| self.as_str(v).map(str::to_string));
        if let Some(text) = text {
            let line = text.trim_end_matches(['\n', '\r']);
            let trimmed = line.trim_start();
            if !trimmed.is_empty() {
                let indent = line.chars().count() - trimmed.chars().count();
                out.push_str(&format!("    {}\n", trimmed.trim_end()));
                let int = |name| match self.syntax_error_attr(exc, name) {
                    Some(Value::Int(n)) => n,
                    _ => 0,
                };
                let (offset, end) = (int("offset"), int("end_offset"));
                if offset > 0 {
                    let start = (offset as usize - 1).saturating_sub(indent);
                    let same_line = int("end_lineno") == lineno;
                    let width = if same_line && end > offset {
                        (end - offset) as usize
                    } else {
                        1
                    };
                    out.push_str(&format!("    {}{}\n", " ".repeat(start), "^".repeat(width)));
                }
            }
        }
        Some(out)
    }
}

impl Vm {
    /// The exception object `v` is, if it is one.
    pub fn as_exception(&self, v: Value) -> Option<ObjRef> {
        match self.heap.get(v.as_obj()?) {
            Object::Exception(_) => v.as_obj(),
            _ => None,
        }
    }
}
