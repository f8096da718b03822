//! The Python side of file objects ([`super::file`]): `open()`, `io.StringIO`,
//! `io.BytesIO`, their methods and attributes, `io.UnsupportedOperation`, the standard
//! streams of `sys`, and writing to any object with a `write` method (`print(file=)`).

use std::rc::Rc;

use crate::builtins::Kw;
use crate::exceptions::ExcKind;
use crate::objects::descr::{AttrDef, MethodDef, Params};
use crate::objects::file::{translate_read, translate_write, Backend, FileKind, FileObj, Newline};
use crate::objects::Object;
use crate::value::{ObjRef, Value};
use crate::vm::Vm;
use crate::PyResult;

/// Methods every file object has.
pub const METHODS: &[MethodDef] = &[
    ("read", read, Params::Positional),
    ("readline", readline, Params::Positional),
    ("readlines", readlines, Params::Positional),
    ("write", write, Params::One),
    ("writelines", writelines, Params::One),
    ("seek", seek, Params::Positional),
    ("tell", tell, Params::NoArgs),
    ("close", close, Params::NoArgs),
    ("flush", flush, Params::NoArgs),
    ("readable", readable, Params::NoArgs),
    ("writable", writable, Params::NoArgs),
    ("seekable", seekable, Params::NoArgs),
    ("isatty", isatty, Params::NoArgs),
    ("__enter__", enter, Params::NoArgs),
    ("__exit__", exit, Params::Positional),
    ("__iter__", iter, Params::NoArgs),
    ("__next__", next, Params::NoArgs),
];

/// `StringIO.getvalue` and `BytesIO.getvalue`.
pub const MEMORY_METHODS: &[MethodDef] = &[("getvalue", getvalue, Params::NoArgs)];

/// Attributes of every file object.
pub const ATTRS: &[AttrDef] = &[("closed", closed, None)];

/// Attributes of files opened by `open()` and the standard streams.
pub const DISK_ATTRS: &[AttrDef] = &[("name", name, None), ("mode", mode, None)];

/// Attributes of text files.
pub const TEXT_ATTRS: &[AttrDef] = &[("encoding", encoding, None), ("errors", errors, None)];

impl Vm {
    /// The file object `v` (a method's receiver, already checked) with the VM's output.
    fn with_file<R>(
        &mut self,
        v: Value,
        f: impl FnOnce(&mut FileObj, &mut dyn std::io::Write) -> R,
    ) -> R {
        let r = self.obj_of(v);
        let Vm { heap, out, .. } = self;
        match heap.get_mut(r) {
            Object::File(file) => f(file, out.as_mut()),
            _ => unreachable!("checked to be a file"),
        }
    }

    /// The file object behind `v`, if it is one.
    pub(crate) fn file_ref(&self, v: Value) -> Option<&FileObj> {
        match self.heap.get(v.as_obj()?) {
            Object::File(f) => Some(f),
            _ => None,
        }
    }

    /// `ValueError` when `v` is closed, for `iter()`.
    pub(crate) fn check_file_open(&mut self, v: Value) -> PyResult<()> {
        self.check_open(v, "__iter__")
    }

    /// Raises the `ValueError` CPython's `method` raises when `v` is closed.
    fn check_open(&mut self, v: Value, method: &str) -> PyResult<()> {
        let Some(f) = self.file_ref(v).filter(|f| f.closed) else {
            return Ok(());
        };
        match closed_message(f.kind, method) {
            Some(msg) => Err(self.value_error(msg)),
            None => Ok(()),
        }
    }

    /// `io.UnsupportedOperation(msg)`.
    fn unsupported(&mut self, msg: &str) -> ObjRef {
        let text = self.new_str(msg);
        let class = self.types.unsupported_operation;
        self.new_exception_with_fields(class, vec![text])
    }

    /// Checks that `v` is open and can read (`reading`) or write, in CPython's order:
    /// binary files check the capability first, text files whether they are closed.
    fn check_capable(&mut self, v: Value, method: &str, reading: bool) -> PyResult<()> {
        let Some(f) = self.file_ref(v) else {
            return Ok(());
        };
        let allowed = if reading { f.readable } else { f.writable };
        let binary = matches!(
            f.kind,
            FileKind::Reader | FileKind::Writer | FileKind::Random
        );
        if binary && !allowed {
            return Err(self.unsupported(if reading { "read" } else { "write" }));
        }
        self.check_open(v, method)?;
        if !allowed {
            return Err(self.unsupported(if reading {
                "not readable"
            } else {
                "not writable"
            }));
        }
        Ok(())
    }

    /// The exception for a failed operating-system call on the file `v`.
    fn file_os_error(&mut self, e: &std::io::Error) -> ObjRef {
        self.os_error(e, None)
    }

    /// Text or bytes read from `v`, as the object of its kind.
    fn file_result(&mut self, v: Value, data: Vec<u8>) -> PyResult<Value> {
        let (text, encoding, errors, newline) = match self.file_ref(v) {
            Some(f) => (
                f.is_text(),
                f.encoding.clone(),
                f.errors.clone(),
                f.newline.clone(),
            ),
            None => return Ok(Value::None),
        };
        if !text {
            return Ok(self.new_bytes(data));
        }
        let decoded = self.decode_bytes(&data, &encoding, &errors)?;
        Ok(self.new_str(translate_read(decoded, &newline)))
    }

    /// Reads one line from the file `v`: a str or bytes, empty at the end.
    fn file_readline(&mut self, v: Value, limit: Option<usize>) -> PyResult<Value> {
        self.check_capable(v, "readline", true)?;
        let line = self.with_file(v, |f, _| {
            let end = f.line_terminator();
            f.read_line_bytes(end, limit)
        });
        let line = line.map_err(|e| self.file_os_error(&e))?;
        self.file_result(v, line)
    }

    /// Writes `text` to `file`: directly for a file object, else through its `write`.
    pub(crate) fn write_to(&mut self, file: Value, text: &str) -> PyResult<()> {
        if self.file_ref(file).is_some_and(FileObj::is_text) {
            let s = self.new_str(text);
            write(self, &[file, s], &[])?;
            return Ok(());
        }
        let s = self.new_str(text);
        let method = self.get_attr(file, "write")?;
        self.call_value(method, &[s])?;
        Ok(())
    }

    /// Flushes `file`: directly for a file object, else through its `flush`.
    pub(crate) fn flush_file(&mut self, file: Value) -> PyResult<()> {
        if self.file_ref(file).is_some() {
            return flush(self, &[file], &[]).map(|_| ());
        }
        let method = self.get_attr(file, "flush")?;
        self.call_value(method, &[])?;
        Ok(())
    }

    /// Reads a line for `input()` from `sys.stdin`: `None` at the end of the input.
    pub(crate) fn read_input_line(&mut self) -> PyResult<Option<String>> {
        let stdin = self.sys_attr("stdin")?;
        let line = if self.file_ref(stdin).is_some() {
            self.file_readline(stdin, None)?
        } else {
            let method = self.get_attr(stdin, "readline")?;
            self.call_value(method, &[])?
        };
        let Some(text) = self.as_str(line) else {
            let msg = format!("object of type '{}' has no len()", self.type_name(line));
            return Err(self.type_error(msg));
        };
        if text.is_empty() {
            return Ok(None);
        }
        Ok(Some(text.strip_suffix('\n').unwrap_or(text).to_string()))
    }

    /// `sys.<name>`, or `RuntimeError: lost sys.<name>`.
    pub(crate) fn sys_attr(&mut self, name: &str) -> PyResult<Value> {
        let dict = self.module_dict(self.sys);
        match self.dict_get_str(dict, name) {
            Some(v) => Ok(v),
            None => Err(self.err(ExcKind::RuntimeError, format!("lost sys.{name}"))),
        }
    }

    /// Whether `v` is the standard output stream writing to the VM's output.
    pub(crate) fn is_vm_stdout(&self, v: Value) -> bool {
        self.file_ref(v)
            .is_some_and(|f| matches!(f.backend, Backend::Stdout) && !f.closed)
    }

    /// Makes `sys.stdin`, `sys.stdout`, `sys.stderr` and their `__std*__` twins.
    pub(crate) fn init_std_streams(&mut self) {
        let streams = [
            ("stdin", "<stdin>", "r", Backend::Stdin),
            ("stdout", "<stdout>", "w", Backend::Stdout),
            ("stderr", "<stderr>", "w", Backend::Stderr),
        ];
        for (attr, name, mode, backend) in streams {
            let name = self.new_str(name);
            let mut f = FileObj::new(FileKind::Text, backend, name, mode);
            f.readable = mode == "r";
            f.writable = mode == "w";
            if attr == "stderr" {
                f.errors = "backslashreplace".into();
            }
            let v = Value::Obj(self.alloc(Object::File(Box::new(f))));
            self.module_set(self.sys, attr, v);
            let twin: &'static str = match attr {
                "stdin" => "__stdin__",
                "stdout" => "__stdout__",
                _ => "__stderr__",
            };
            self.module_set(self.sys, twin, v);
        }
    }

    /// Fills a module with what `io` and `_io` offer: `open`, the file classes,
    /// `UnsupportedOperation`, `SEEK_*` and `DEFAULT_BUFFER_SIZE`.
    pub fn fill_io_module(&mut self, module: ObjRef) {
        let t = &self.types;
        let classes = [
            ("TextIOWrapper", t.text_io_wrapper),
            ("BufferedReader", t.buffered_reader),
            ("BufferedWriter", t.buffered_writer),
            ("BufferedRandom", t.buffered_random),
            ("StringIO", t.string_io),
            ("BytesIO", t.bytes_io),
            ("UnsupportedOperation", t.unsupported_operation),
        ];
        for (name, class) in classes {
            self.module_set(module, name, Value::Obj(class));
        }
        if let Some(open) = self.dict_get_str(self.builtins, "open") {
            self.module_set(module, "open", open);
        }
        for (name, n) in [
            ("SEEK_SET", 0),
            ("SEEK_CUR", 1),
            ("SEEK_END", 2),
            ("DEFAULT_BUFFER_SIZE", 8192),
        ] {
            self.module_set(module, name, Value::Int(n));
        }
    }

    /// `repr()` of a file object.
    pub(crate) fn file_repr(&self, r: ObjRef) -> String {
        let Object::File(f) = self.heap.get(r) else {
            return String::new();
        };
        let class = self.type_full_name(self.type_of(Value::Obj(r)));
        match f.kind {
            FileKind::StringIO | FileKind::BytesIO => {
                format!("<{class} object at {:#x}>", crate::repr::address(r))
            }
            FileKind::Text => format!(
                "<{class} name={} mode='{}' encoding='{}'>",
                self.repr(f.name),
                f.mode,
                f.encoding
            ),
            _ => format!("<{class} name={}>", self.repr(f.name)),
        }
    }

    /// `next(f)` for a file object: its next line, `None` at the end.
    pub(crate) fn file_next(&mut self, v: Value) -> PyResult<Option<Value>> {
        let line = self.file_readline(v, None)?;
        let empty = match self.as_str(line) {
            Some(s) => s.is_empty(),
            None => self.bytes_data(line).is_some_and(<[u8]>::is_empty),
        };
        Ok(if empty { None } else { Some(line) })
    }
}

/// The message of the `ValueError` a closed file's `method` raises, as CPython's
/// classes word it (`None`: the method works on a closed file).
fn closed_message(kind: FileKind, method: &str) -> Option<&'static str> {
    const DOT: &str = "I/O operation on closed file.";
    const BARE: &str = "I/O operation on closed file";
    match kind {
        FileKind::Text => match method {
            "readable" | "seekable" | "isatty" => Some(BARE),
            "writable" => None,
            _ => Some(DOT),
        },
        FileKind::StringIO => match method {
            "readlines" | "isatty" | "__enter__" | "__iter__" | "writelines" => Some(DOT),
            "flush" => None,
            _ => Some(BARE),
        },
        FileKind::BytesIO => match method {
            "__iter__" => None,
            _ => Some(DOT),
        },
        FileKind::Writer if method == "readable" => None,
        FileKind::Reader if method == "writable" => None,
        FileKind::Reader | FileKind::Writer | FileKind::Random => match method {
            "read" => Some("read of closed file"),
            "readline" | "__next__" => Some("readline of closed file"),
            "seek" => Some("seek of closed file"),
            "write" => Some("write to closed file"),
            "tell" | "readable" | "writable" | "seekable" | "isatty" => Some(BARE),
            _ => Some(DOT),
        },
    }
}

/// What a mode string asks for.
struct Mode {
    read: bool,
    write: bool,
    append: bool,
    create: bool,
    plus: bool,
    binary: bool,
}

fn parse_mode(vm: &mut Vm, mode: &str) -> PyResult<Mode> {
    let mut seen = String::new();
    for c in mode.chars() {
        if !"rwaxbt+".contains(c) || seen.contains(c) {
            return Err(vm.value_error(format!("invalid mode: '{mode}'")));
        }
        seen.push(c);
    }
    let has = |c| seen.contains(c);
    let m = Mode {
        read: has('r'),
        write: has('w'),
        append: has('a'),
        create: has('x'),
        plus: has('+'),
        binary: has('b'),
    };
    let count = [m.read, m.write, m.append, m.create]
        .iter()
        .filter(|&&b| b)
        .count();
    if has('t') && m.binary {
        return Err(vm.value_error("can't have text and binary mode at once"));
    }
    if count > 1 {
        return Err(vm.value_error("must have exactly one of create/read/write/append mode"));
    }
    if count == 0 {
        return Err(vm.value_error(
            "Must have exactly one of create/read/write/append mode and at most one plus",
        ));
    }
    Ok(m)
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
/// closefd=True, opener=None)`.
pub(crate) fn open(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    const NAMES: [&str; 8] = [
        "file",
        "mode",
        "buffering",
        "encoding",
        "errors",
        "newline",
        "closefd",
        "opener",
    ];
    if args.len() > NAMES.len() {
        let msg = format!("open() takes at most 8 arguments ({} given)", args.len());
        return Err(vm.type_error(msg));
    }
    let mut given: [Option<Value>; 8] = [None; 8];
    for (i, name) in NAMES.iter().enumerate() {
        let named = vm.kwarg("open", kw, name, &NAMES)?;
        given[i] = match (args.get(i), named) {
            (Some(_), Some(_)) => {
                let msg = format!(
                    "argument for open() given by name ('{name}') and position ({})",
                    i + 1
                );
                return Err(vm.type_error(msg));
            }
            (Some(&v), None) | (None, Some(v)) => Some(v),
            (None, None) => None,
        };
    }
    let [file, mode, _buffering, encoding, errors, newline, _closefd, _opener] = given;
    let Some(file) = file else {
        return Err(vm.type_error("open() missing required argument 'file' (pos 1)"));
    };
    let path = match (vm.as_str(file), vm.bytes_data(file)) {
        (Some(s), _) => s.to_string(),
        (None, Some(b)) => String::from_utf8_lossy(b).into_owned(),
        _ => {
            let msg = format!(
                "expected str, bytes or os.PathLike object, not {}",
                vm.type_name(file)
            );
            return Err(vm.type_error(msg));
        }
    };
    let mode_text = match mode {
        Some(m) => vm.str_arg(m, "open() argument 'mode'")?,
        None => "r".to_string(),
    };
    let m = parse_mode(vm, &mode_text)?;
    let optional_str = |vm: &mut Vm, v: Option<Value>, what: &str| -> PyResult<Option<String>> {
        match v {
            None | Some(Value::None) => Ok(None),
            Some(v) => vm
                .str_arg(v, &format!("open() argument '{what}'"))
                .map(Some),
        }
    };
    let encoding = optional_str(vm, encoding, "encoding")?;
    let errors = optional_str(vm, errors, "errors")?;
    let newline = optional_str(vm, newline, "newline")?;
    if m.binary {
        for (present, what) in [
            (encoding.is_some(), "an encoding"),
            (errors.is_some(), "an errors"),
            (newline.is_some(), "a newline"),
        ] {
            if present {
                return Err(vm.value_error(format!("binary mode doesn't take {what} argument")));
            }
        }
    }
    let newline = match newline.as_deref() {
        None => Newline::Universal,
        Some("") => Newline::Untranslated,
        Some("\n") => Newline::Fixed("\n"),
        Some("\r") => Newline::Fixed("\r"),
        Some("\r\n") => Newline::Fixed("\r\n"),
        Some(other) => {
            return Err(vm.value_error(format!("illegal newline value: {other}")));
        }
    };
    let encoding = match encoding.as_deref() {
        None | Some("locale") => "UTF-8".to_string(),
        Some(e) => {
            vm.encoding(e)?;
            e.to_string()
        }
    };
    let mut options = std::fs::OpenOptions::new();
    options
        .read(m.read || m.plus)
        .write(m.write || m.append || m.create || m.plus)
        .append(m.append)
        .truncate(m.write)
        .create(m.write || m.append)
        .create_new(m.create);
    let handle = match options.open(&path) {
        Ok(h) => h,
        Err(e) => {
            let err = vm.os_error(&e, Some(file));
            return Err(err);
        }
    };
    if handle.metadata().is_ok_and(|md| md.is_dir()) {
        let e = std::io::Error::from_raw_os_error(21);
        return Err(vm.os_error(&e, Some(file)));
    }
    let kind = match (
        m.binary,
        m.read || m.plus,
        m.write || m.append || m.create || m.plus,
    ) {
        (false, _, _) => FileKind::Text,
        (true, true, true) => FileKind::Random,
        (true, true, false) => FileKind::Reader,
        (true, false, _) => FileKind::Writer,
    };
    let shown_mode = if m.binary {
        let mut s = String::from(if m.create {
            "x"
        } else if m.append {
            "a"
        } else if m.write {
            "w"
        } else {
            "r"
        });
        s.push('b');
        if m.plus {
            s.push('+');
        }
        s
    } else {
        mode_text
    };
    let mut f = FileObj::new(kind, Backend::Disk(handle), file, &shown_mode);
    f.readable = m.read || m.plus;
    f.writable = m.write || m.append || m.create || m.plus;
    f.append = m.append;
    f.encoding = encoding.into();
    f.errors = errors.unwrap_or_else(|| "strict".to_string()).into();
    f.newline = newline;
    Ok(Value::Obj(vm.alloc(Object::File(Box::new(f)))))
}

/// `io.StringIO(initial_value='', newline='\n')`.
pub(crate) fn string_io_new(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let args = &args[1..];
    vm.check_arity("StringIO", args, 0, 2)?;
    let initial = match args.first().copied().or(vm.kwarg(
        "StringIO",
        kw,
        "initial_value",
        &["initial_value", "newline"],
    )?) {
        None | Some(Value::None) => String::new(),
        Some(v) => match vm.as_str(v) {
            Some(s) => s.to_string(),
            None => {
                let msg = format!("initial_value must be str or None, not {}", vm.type_name(v));
                return Err(vm.type_error(msg));
            }
        },
    };
    let mut f = FileObj::new(
        FileKind::StringIO,
        Backend::Memory(initial.into_bytes()),
        Value::Null,
        "",
    );
    f.readable = true;
    f.writable = true;
    f.newline = Newline::Fixed("\n");
    Ok(Value::Obj(vm.alloc(Object::File(Box::new(f)))))
}

/// `io.BytesIO(initial_bytes=b'')`.
pub(crate) fn bytes_io_new(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let args = &args[1..];
    vm.check_arity("BytesIO", args, 0, 1)?;
    let initial = match args.first().copied().or(vm.kwarg(
        "BytesIO",
        kw,
        "initial_bytes",
        &["initial_bytes"],
    )?) {
        None | Some(Value::None) => Vec::new(),
        Some(v) => vm.buffer_arg(v)?,
    };
    let mut f = FileObj::new(FileKind::BytesIO, Backend::Memory(initial), Value::Null, "");
    f.readable = true;
    f.writable = true;
    Ok(Value::Obj(vm.alloc(Object::File(Box::new(f)))))
}

/// A size argument: `None` or negative for "all".
fn size_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<usize>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(&v) if vm.is_int(v) => {
            let n = vm.int_to_i64(v)?;
            Ok((n >= 0).then_some(n as usize))
        }
        Some(&v) => {
            let msg = format!(
                "argument should be integer or None, not '{}'",
                vm.type_name(v)
            );
            Err(vm.type_error(msg))
        }
    }
}

fn read(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("read", &args[1..], 0, 1)?;
    let v = args[0];
    let size = size_arg(vm, args.get(1))?;
    vm.check_capable(v, "read", true)?;
    let text = vm.file_ref(v).is_some_and(FileObj::is_text);
    let data = vm.with_file(v, |f, _| match size {
        None => f.read_all(),
        Some(n) if !text => f.read_bytes(n),
        Some(n) => read_chars(f, n),
    });
    let data = data.map_err(|e| vm.file_os_error(&e))?;
    vm.file_result(v, data)
}

/// Reads the bytes of up to `n` UTF-8 characters.
fn read_chars(f: &mut FileObj, n: usize) -> std::io::Result<Vec<u8>> {
    let mut data = f.read_bytes(n)?;
    loop {
        let chars = String::from_utf8_lossy(&data).chars().count();
        let complete = std::str::from_utf8(&data).is_ok();
        if chars >= n && complete {
            return Ok(data);
        }
        let more = f.read_bytes(if complete { n - chars } else { 1 })?;
        if more.is_empty() {
            return Ok(data);
        }
        data.extend(more);
    }
}

fn readline(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("readline", &args[1..], 0, 1)?;
    let limit = size_arg(vm, args.get(1))?;
    vm.file_readline(args[0], limit)
}

fn readlines(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("readlines", &args[1..], 0, 1)?;
    let hint = size_arg(vm, args.get(1))?.filter(|&h| h > 0);
    let mut lines = Vec::new();
    let mut total = 0;
    vm.check_open(args[0], "readlines")?;
    while let Some(line) = vm.file_next(args[0])? {
        total += vm.len_of(line)?;
        lines.push(line);
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    Ok(vm.new_list(lines))
}

fn write(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let (v, data) = (args[0], args[1]);
    let Some(text_file) = vm.file_ref(v).map(FileObj::is_text) else {
        return Ok(Value::None);
    };
    let (bytes, count) = if text_file {
        let Some(text) = vm.as_str(data).map(str::to_string) else {
            let msg = match vm.file_ref(v).map(|f| f.kind) {
                Some(FileKind::StringIO) => {
                    format!("string argument expected, got '{}'", vm.type_name(data))
                }
                _ => format!("write() argument must be str, not {}", vm.type_name(data)),
            };
            return Err(vm.type_error(msg));
        };
        vm.check_capable(v, "write", false)?;
        let (encoding, errors, newline) = match vm.file_ref(v) {
            Some(f) => (f.encoding.clone(), f.errors.clone(), f.newline.clone()),
            None => return Ok(Value::None),
        };
        let translated = translate_write(&text, &newline);
        let bytes = vm.encode_text(&translated, &encoding, &errors)?;
        (bytes, text.chars().count())
    } else {
        let bytes = vm.buffer_arg(data)?;
        vm.check_capable(v, "write", false)?;
        let n = bytes.len();
        (bytes, n)
    };
    let result = vm.with_file(v, |f, out| f.write_bytes(&bytes, out));
    result.map_err(|e| vm.file_os_error(&e))?;
    Ok(Value::Int(count as i64))
}

fn writelines(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_open(args[0], "writelines")?;
    let it = vm.get_iter(args[1])?;
    while let Some(line) = vm.iter_next(it)? {
        write(vm, &[args[0], line], &[])?;
    }
    Ok(Value::None)
}

fn seek(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("seek", &args[1..], 1, 2)?;
    let v = args[0];
    let offset = vm.int_arg(args[1])?;
    let whence = match args.get(2) {
        Some(&w) => vm.int_arg(w)?,
        None => 0,
    };
    vm.check_open(v, "seek")?;
    let kind = vm.file_ref(v).map(|f| f.kind);
    let string_io = kind == Some(FileKind::StringIO);
    if !(0..=2).contains(&whence) {
        let msg = match kind {
            Some(FileKind::StringIO) => format!("Invalid whence ({whence}, should be 0, 1 or 2)"),
            Some(FileKind::Text) => format!("invalid whence ({whence}, should be 0, 1 or 2)"),
            _ => format!("whence value {whence} unsupported"),
        };
        return Err(vm.value_error(msg));
    }
    if matches!(kind, Some(FileKind::StringIO | FileKind::Text)) {
        if whence != 0 && offset != 0 {
            let place = if whence == 1 { "cur" } else { "end" };
            return Err(if string_io {
                let msg = vm.new_str(format!("Can't do nonzero {place}-relative seeks"));
                let class = vm.exc_class(ExcKind::OSError);
                vm.new_exception_with_fields(class, vec![msg])
            } else {
                let msg = format!("can't do nonzero {place}-relative seeks");
                vm.unsupported(&msg)
            });
        }
        if offset < 0 {
            return Err(vm.value_error(format!("Negative seek position {offset}")));
        }
    }
    if kind == Some(FileKind::StringIO) && whence == 0 {
        // A StringIO position counts characters.
        vm.with_file(v, |f, _| {
            if let Backend::Memory(data) = &f.backend {
                let text = String::from_utf8_lossy(data);
                let n = offset as usize;
                f.pos = text.char_indices().nth(n).map_or(
                    data.len() + n.saturating_sub(text.chars().count()),
                    |(i, _)| i,
                );
            }
        });
        return Ok(Value::Int(offset));
    }
    if kind == Some(FileKind::BytesIO) && whence == 0 && offset < 0 {
        return Err(vm.value_error(format!("negative seek value {offset}")));
    }
    let pos = vm.with_file(v, |f, _| f.seek(offset, whence as u32));
    let pos = pos.map_err(|e| vm.file_os_error(&e))?;
    if kind == Some(FileKind::StringIO) {
        return tell(vm, &args[..1], &[]);
    }
    Ok(Value::Int(pos as i64))
}

fn tell(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let v = args[0];
    vm.check_open(v, "tell")?;
    if vm.file_ref(v).is_some_and(|f| f.kind == FileKind::StringIO) {
        let chars = vm.with_file(v, |f, _| match &f.backend {
            Backend::Memory(data) => {
                let end = f.pos.min(data.len());
                String::from_utf8_lossy(&data[..end]).chars().count() + (f.pos - end)
            }
            _ => 0,
        });
        return Ok(Value::Int(chars as i64));
    }
    let pos = vm.with_file(v, |f, _| f.tell());
    let pos = pos.map_err(|e| vm.file_os_error(&e))?;
    Ok(Value::Int(pos as i64))
}

fn close(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    let result = vm.with_file(args[0], |f, out| {
        if f.closed {
            return Ok(());
        }
        let r = f.flush(out);
        if matches!(f.backend, Backend::Disk(_) | Backend::Memory(_)) {
            f.closed = true;
            f.backend = Backend::Memory(Vec::new());
        } else {
            f.closed = true;
        }
        r
    });
    result.map_err(|e| vm.file_os_error(&e))?;
    Ok(Value::None)
}

fn flush(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_open(args[0], "flush")?;
    let result = vm.with_file(args[0], |f, out| f.flush(out));
    result.map_err(|e| vm.file_os_error(&e))?;
    Ok(Value::None)
}

fn readable(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_open(args[0], "readable")?;
    Ok(Value::Bool(
        vm.file_ref(args[0]).is_some_and(|f| f.readable),
    ))
}

fn writable(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_open(args[0], "writable")?;
    Ok(Value::Bool(
        vm.file_ref(args[0]).is_some_and(|f| f.writable),
    ))
}

fn seekable(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_open(args[0], "seekable")?;
    let disk = vm
        .file_ref(args[0])
        .is_some_and(|f| matches!(f.backend, Backend::Disk(_) | Backend::Memory(_)));
    Ok(Value::Bool(disk))
}

fn isatty(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_open(args[0], "isatty")?;
    use std::io::IsTerminal;
    let tty = vm.file_ref(args[0]).is_some_and(|f| match f.backend {
        Backend::Stdin => std::io::stdin().is_terminal(),
        Backend::Stdout => std::io::stdout().is_terminal(),
        Backend::Stderr => std::io::stderr().is_terminal(),
        _ => false,
    });
    Ok(Value::Bool(tty))
}

fn enter(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_open(args[0], "__enter__")?;
    Ok(args[0])
}

fn exit(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    close(vm, &args[..1], &[])?;
    Ok(Value::None)
}

fn iter(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_open(args[0], "__iter__")?;
    Ok(args[0])
}

fn next(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    match vm.file_next(args[0])? {
        Some(line) => Ok(line),
        None => Err(vm.stop_iteration()),
    }
}

fn getvalue(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_open(args[0], "getvalue")?;
    let data = vm.with_file(args[0], |f, _| match &f.backend {
        Backend::Memory(d) => d.clone(),
        _ => Vec::new(),
    });
    vm.file_result(args[0], data)
}

fn file_field(vm: &Vm, v: Value, get: impl Fn(&FileObj) -> Value) -> Value {
    vm.file_ref(v).map_or(Value::None, get)
}

fn closed(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(file_field(vm, v, |f| Value::Bool(f.closed)))
}

fn name(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(file_field(vm, v, |f| f.name))
}

fn mode(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let mode: Rc<str> = vm.file_ref(v).map_or("".into(), |f| f.mode.as_ref().into());
    Ok(vm.new_str(&*mode))
}

fn encoding(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let enc: Rc<str> = vm
        .file_ref(v)
        .map_or("".into(), |f| f.encoding.as_ref().into());
    Ok(vm.new_str(&*enc))
}

fn errors(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let errors: Rc<str> = vm
        .file_ref(v)
        .map_or("".into(), |f| f.errors.as_ref().into());
    Ok(vm.new_str(&*errors))
}
