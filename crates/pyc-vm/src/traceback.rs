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

    fn render_chain(&self, exc: ObjRef, out: &mut String, seen: &mut Vec<ObjRef>) {
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
                self.render_chain(c, out, seen);
                out.push('\n');
                out.push_str(msg);
                out.push_str("\n\n");
            }
        }
        let Object::Exception(e) = self.heap.get(exc) else {
            return;
        };
        if !e.traceback.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            // CPython prints at most `sys.tracebacklimit` (1000) entries, the innermost.
            let skip = e.traceback.len().saturating_sub(TRACEBACK_LIMIT);
            let mut last: Option<(&str, u32, &str)> = None;
            let mut count = 0usize;
            for entry in e.traceback.iter().rev().skip(skip) {
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
        let (name, msg) = self.exception_line_parts(exc);
        if msg.is_empty() {
            out.push_str(&name);
        } else {
            out.push_str(&format!("{name}: {msg}"));
        }
        out.push('\n');
    }
}
