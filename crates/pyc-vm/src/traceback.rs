//! Rendering an exception that escaped the module the way CPython prints it.

use crate::objects::Object;
use crate::value::{ObjRef, Value};
use crate::vm::Vm;

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
    /// exceptions), then `TypeName: message`.
    pub fn render(&self) -> String {
        self.text.clone()
    }

    /// The process exit code.
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
        let mut text = String::new();
        self.render_chain(exc, &mut text, &mut Vec::new());
        let (type_name, message) = self.exception_line_parts(exc);
        Uncaught {
            text,
            exit_code: 1,
            type_name,
            message,
        }
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
            for entry in e.traceback.iter().rev() {
                out.push_str(&format!(
                    "  File \"{}\", line {}, in {}\n",
                    entry.code.filename, entry.line, entry.code.name
                ));
                let line = self
                    .sources
                    .get(&*entry.code.filename)
                    .and_then(|lines| lines.get((entry.line as usize).wrapping_sub(1)));
                if let Some(line) = line {
                    let stripped = line.trim();
                    if !stripped.is_empty() {
                        out.push_str(&format!("    {stripped}\n"));
                    }
                }
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
