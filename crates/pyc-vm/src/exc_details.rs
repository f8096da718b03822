//! The exceptions whose arguments carry structure: the `OSError` family (`errno`,
//! `strerror`, `filename`, `filename2`; `OSError(errno, ...)` picks the subclass for the
//! errno; `str()` is `[Errno 2] No such file or directory: 'x'`) and
//! `UnicodeEncodeError`/`UnicodeDecodeError` (`encoding`, `object`, `start`, `end`,
//! `reason`). Their fields live in the instance's `__dict__`.

use crate::exceptions::ExcKind;
use crate::value::{ObjRef, Value};
use crate::vm::Vm;

/// Which subclass of `OSError` an errno (Linux numbering) stands for.
fn errno_kind(errno: i64) -> Option<ExcKind> {
    Some(match errno {
        11 | 114 | 115 => ExcKind::BlockingIOError,
        10 => ExcKind::ChildProcessError,
        32 | 108 => ExcKind::BrokenPipeError,
        103 => ExcKind::ConnectionAbortedError,
        111 => ExcKind::ConnectionRefusedError,
        104 => ExcKind::ConnectionResetError,
        17 => ExcKind::FileExistsError,
        2 => ExcKind::FileNotFoundError,
        21 => ExcKind::IsADirectoryError,
        20 => ExcKind::NotADirectoryError,
        4 => ExcKind::InterruptedError,
        1 | 13 => ExcKind::PermissionError,
        3 => ExcKind::ProcessLookupError,
        110 => ExcKind::TimeoutError,
        _ => return None,
    })
}

/// The value of an int that fits in `i64`.
fn small_int(v: Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(i),
        _ => None,
    }
}

impl Vm {
    /// Stores `fields` in the exception's `__dict__`.
    fn set_exc_fields(&mut self, exc: ObjRef, fields: &[(&str, Value)]) {
        let dict = self
            .instance_dict(exc, true)
            .expect("exceptions have a __dict__");
        for &(name, v) in fields {
            self.dict_set_str(dict, name, v);
        }
    }

    /// A field of an exception's `__dict__`, `None` when absent.
    fn exc_field(&self, exc: ObjRef, name: &str) -> Value {
        let dict = match self.heap.get(exc) {
            crate::objects::Object::Exception(e) => e.dict,
            _ => None,
        };
        dict.and_then(|d| self.dict_get_str(d, name))
            .unwrap_or(Value::None)
    }

    /// Whether `class` is `OSError` or a subclass.
    fn is_os_error_class(&self, class: ObjRef) -> bool {
        self.is_subclass(class, self.exc_class(ExcKind::OSError))
    }

    /// A new instance of the exception class `class` called with `args`: `OSError`s and
    /// unicode errors get their fields, everything else is a plain exception.
    pub(crate) fn new_exception_with_fields(&mut self, class: ObjRef, args: Vec<Value>) -> ObjRef {
        if self.is_os_error_class(class) {
            return self.new_os_error(class, args);
        }
        let encode = self.exc_class(ExcKind::UnicodeEncodeError);
        let decode = self.exc_class(ExcKind::UnicodeDecodeError);
        let is_unicode = self.is_subclass(class, encode) || self.is_subclass(class, decode);
        let exc = self.new_exception(class, args.clone());
        if is_unicode && args.len() == 5 {
            let names = ["encoding", "object", "start", "end", "reason"];
            let fields: Vec<(&str, Value)> = names.into_iter().zip(args).collect();
            self.set_exc_fields(exc, &fields);
        }
        exc
    }

    /// `OSError(*args)`: with 2 to 5 arguments, `errno`, `strerror`, `filename`, and
    /// `filename2` (the fifth); plain `OSError` becomes the subclass its errno names, and
    /// `args` keeps only the first two when there is a file name.
    fn new_os_error(&mut self, mut class: ObjRef, args: Vec<Value>) -> ObjRef {
        let structured = (2..=5).contains(&args.len());
        if structured && class == self.exc_class(ExcKind::OSError) {
            if let Some(kind) = small_int(args[0]).and_then(errno_kind) {
                class = self.exc_class(kind);
            }
        }
        let field = |i: usize| {
            if structured {
                args.get(i).copied().unwrap_or(Value::None)
            } else {
                Value::None
            }
        };
        let (errno, strerror, filename, filename2) = (field(0), field(1), field(2), field(4));
        let kept = if structured && !matches!(filename, Value::None) {
            args[..2].to_vec()
        } else {
            args.clone()
        };
        let exc = self.new_exception(class, kept);
        self.set_exc_fields(
            exc,
            &[
                ("errno", errno),
                ("strerror", strerror),
                ("filename", filename),
                ("filename2", filename2),
            ],
        );
        exc
    }

    /// The `OSError` subclass instance for a failed operating-system call on `filename`.
    pub(crate) fn os_error(&mut self, e: &std::io::Error, filename: Option<Value>) -> ObjRef {
        let class = self.exc_class(ExcKind::OSError);
        let Some(errno) = e.raw_os_error() else {
            let msg = self.new_str(e.to_string());
            return self.new_os_error(class, vec![msg]);
        };
        let text = std::io::Error::from_raw_os_error(errno).to_string();
        let strerror = match text.rfind(" (os error") {
            Some(at) => text[..at].to_string(),
            None => text,
        };
        let strerror = self.new_str(strerror);
        let mut args = vec![Value::Int(i64::from(errno)), strerror];
        args.extend(filename);
        self.new_os_error(class, args)
    }

    /// A `UnicodeEncodeError` or `UnicodeDecodeError` for `object[start..end]`.
    pub(crate) fn unicode_error(
        &mut self,
        kind: ExcKind,
        encoding: &str,
        object: Value,
        (start, end): (usize, usize),
        reason: &str,
    ) -> ObjRef {
        let encoding = self.new_str(encoding);
        let reason = self.new_str(reason);
        let args = vec![
            encoding,
            object,
            Value::Int(start as i64),
            Value::Int(end as i64),
            reason,
        ];
        let class = self.exc_class(kind);
        self.new_exception_with_fields(class, args)
    }

    /// `str()` of an `OSError` with an errno and strerror, or of a unicode error with
    /// its fields; `None` for the others, whose `str()` comes from `args`.
    pub(crate) fn detailed_exception_str(&self, exc: ObjRef) -> Option<String> {
        let class = self.class_of_exception(exc)?;
        if self.is_os_error_class(class) {
            let [errno, strerror, filename, filename2] =
                ["errno", "strerror", "filename", "filename2"].map(|n| self.exc_field(exc, n));
            let head = format!("[Errno {}] {}", self.to_str(errno), self.to_str(strerror));
            return match (filename, filename2) {
                (Value::None, _)
                    if matches!(errno, Value::None) || matches!(strerror, Value::None) =>
                {
                    None
                }
                (Value::None, _) => Some(head),
                (f, Value::None) => Some(format!("{head}: {}", self.repr(f))),
                (f, g) => Some(format!("{head}: {} -> {}", self.repr(f), self.repr(g))),
            };
        }
        let decode = self.is_subclass(class, self.exc_class(ExcKind::UnicodeDecodeError));
        let encode = self.is_subclass(class, self.exc_class(ExcKind::UnicodeEncodeError));
        if !decode && !encode {
            return None;
        }
        let [encoding, object, start, end, reason] =
            ["encoding", "object", "start", "end", "reason"].map(|n| self.exc_field(exc, n));
        let (Some(start), Some(end)) = (small_int(start), small_int(end)) else {
            return None;
        };
        let (encoding, reason) = (self.to_str(encoding), self.to_str(reason));
        let single = end == start + 1;
        Some(if decode {
            let byte = self
                .bytes_data(object)
                .and_then(|b| b.get(start as usize).copied());
            match byte {
                Some(b) if single => format!(
                    "'{encoding}' codec can't decode byte 0x{b:02x} in position {start}: {reason}"
                ),
                _ => format!(
                    "'{encoding}' codec can't decode bytes in position {start}-{}: {reason}",
                    end - 1
                ),
            }
        } else {
            let c = self
                .as_str(object)
                .and_then(|s| s.chars().nth(start as usize));
            match c {
                Some(c) if single => format!(
                    "'{encoding}' codec can't encode character '{}' in position {start}: {reason}",
                    crate::objects::codec::char_escape(c)
                ),
                _ => format!(
                    "'{encoding}' codec can't encode characters in position {start}-{}: {reason}",
                    end - 1
                ),
            }
        })
    }

    /// The class of an exception instance.
    fn class_of_exception(&self, exc: ObjRef) -> Option<ObjRef> {
        match self.heap.get(exc) {
            crate::objects::Object::Exception(e) => Some(e.class),
            _ => None,
        }
    }
}
