//! `posix`: the operating system calls under `os` (`lib/os.py`), as in CPython.
//!
//! Errors become the `OSError` subclass CPython picks for the `errno`, with CPython's
//! message (`[Errno 2] No such file or directory: 'name'`) and the `errno`, `strerror`,
//! `filename` and `filename2` attributes.

use std::io;

use pyc_vm::{ExcKind, Kw, ObjRef, PyResult, Value, Vm};

use super::args::{path_arg, str_list};

/// Fills the `posix` module.
pub(crate) fn init(vm: &mut Vm, module: ObjRef) -> PyResult<()> {
    let functions: &[(&'static str, pyc_vm::NativeFn, bool)] = &[
        ("getcwd", getcwd, false),
        ("chdir", chdir, false),
        ("listdir", listdir, false),
        ("mkdir", mkdir, true),
        ("rmdir", rmdir, false),
        ("remove", remove, false),
        ("unlink", remove, false),
        ("rename", rename, false),
        ("replace", rename, false),
        ("stat", stat, false),
        ("lstat", lstat, false),
        ("readlink", readlink, false),
        ("getpid", getpid, false),
        ("cpu_count", cpu_count, false),
        ("putenv", putenv, false),
        ("unsetenv", unsetenv, false),
        ("strerror", strerror, false),
        ("_read_text", read_text, false),
        ("_write_text", write_text, false),
    ];
    for &(name, f, takes_kw) in functions {
        vm.module_add_function(module, name, f, takes_kw);
    }
    let environ = vm.new_dict();
    for (k, v) in std::env::vars() {
        let v = vm.new_str(v);
        vm.dict_set_str(environ, &k, v);
    }
    vm.module_set(module, "environ", Value::Obj(environ));
    Ok(())
}

/// The C library's text for an errno, as `os.strerror`.
fn errno_text(code: i32) -> String {
    // SAFETY: strerror returns a NUL-terminated string for any code.
    unsafe { std::ffi::CStr::from_ptr(libc::strerror(code)) }
        .to_string_lossy()
        .into_owned()
}

/// The `OSError` for a failed call on `filename` (and `filename2`).
fn os_error(vm: &mut Vm, e: &io::Error, filename: Option<&str>, filename2: Option<&str>) -> ObjRef {
    let code = e.raw_os_error().unwrap_or(0);
    let text = errno_text(code);
    let kind = match code {
        libc::EPERM | libc::EACCES => ExcKind::PermissionError,
        libc::ENOENT => ExcKind::FileNotFoundError,
        libc::EEXIST => ExcKind::FileExistsError,
        libc::EISDIR => ExcKind::IsADirectoryError,
        libc::ENOTDIR => ExcKind::NotADirectoryError,
        libc::EINTR => ExcKind::InterruptedError,
        libc::ESRCH => ExcKind::ProcessLookupError,
        libc::ECHILD => ExcKind::ChildProcessError,
        libc::EAGAIN | libc::EALREADY | libc::EINPROGRESS => ExcKind::BlockingIOError,
        libc::EPIPE | libc::ESHUTDOWN => ExcKind::BrokenPipeError,
        libc::ETIMEDOUT => ExcKind::TimeoutError,
        _ => ExcKind::OSError,
    };
    let quote = |vm: &mut Vm, name: &str| {
        let v = vm.new_str(name);
        vm.repr_of(v).unwrap_or_default()
    };
    let mut msg = format!("[Errno {code}] {text}");
    if let Some(f) = filename {
        msg.push_str(&format!(": {}", quote(vm, f)));
        if let Some(f2) = filename2 {
            msg.push_str(&format!(" -> {}", quote(vm, f2)));
        }
    }
    let exc = vm.err(kind, msg);
    let strerror = vm.new_str(text);
    let names = [filename, filename2].map(|f| f.map_or(Value::None, |f| vm.new_str(f)));
    for (attr, v) in [
        ("errno", Value::Int(code.into())),
        ("strerror", strerror),
        ("filename", names[0]),
        ("filename2", names[1]),
    ] {
        // A fresh exception always takes attributes.
        let _ = vm.set_attr(Value::Obj(exc), attr, v);
    }
    exc
}

/// Runs a file system call on one path, turning its error into an `OSError`.
fn on_path<T>(vm: &mut Vm, path: &str, r: io::Result<T>) -> PyResult<T> {
    r.map_err(|e| os_error(vm, &e, Some(path), None))
}

fn getcwd(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("getcwd", args, 0, 0)?;
    match std::env::current_dir() {
        Ok(p) => Ok(vm.new_str(p.display().to_string())),
        Err(e) => Err(os_error(vm, &e, None, None)),
    }
}

fn chdir(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("chdir", args, 1, 1)?;
    let path = path_arg(vm, "chdir", args[0])?;
    on_path(vm, &path, std::env::set_current_dir(&path))?;
    Ok(Value::None)
}

/// `listdir(path='.')`: the names in a folder, in the order the OS gives them.
fn listdir(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("listdir", args, 0, 1)?;
    let path = match args.first() {
        Some(&p) => path_arg(vm, "listdir", p)?,
        None => ".".to_string(),
    };
    let entries = on_path(vm, &path, std::fs::read_dir(&path))?;
    let mut names = Vec::new();
    for entry in entries {
        let entry = on_path(vm, &path, entry)?;
        names.push(entry.file_name().to_string_lossy().into_owned());
    }
    Ok(str_list(vm, names))
}

/// `mkdir(path, mode=0o777)`.
fn mkdir(vm: &mut Vm, args: &[Value], kw: &Kw) -> PyResult<Value> {
    let mode_kw = vm.kwarg("mkdir", kw, "mode", &["mode", "dir_fd"])?;
    vm.check_arity("mkdir", args, 1, 2)?;
    let path = path_arg(vm, "mkdir", args[0])?;
    let mode = match args.get(1).copied().or(mode_kw) {
        Some(m) => vm.int_arg(m)?,
        None => 0o777,
    };
    use std::os::unix::fs::DirBuilderExt;
    let r = std::fs::DirBuilder::new().mode(mode as u32).create(&path);
    on_path(vm, &path, r)?;
    Ok(Value::None)
}

fn rmdir(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("rmdir", args, 1, 1)?;
    let path = path_arg(vm, "rmdir", args[0])?;
    on_path(vm, &path, std::fs::remove_dir(&path))?;
    Ok(Value::None)
}

/// `remove(path)` / `unlink(path)`: a file, never a folder.
fn remove(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("remove", args, 1, 1)?;
    let path = path_arg(vm, "remove", args[0])?;
    on_path(vm, &path, std::fs::remove_file(&path))?;
    Ok(Value::None)
}

/// `rename(src, dst)` / `replace(src, dst)`.
fn rename(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("rename", args, 2, 2)?;
    let src = path_arg(vm, "rename", args[0])?;
    let dst = path_arg(vm, "rename", args[1])?;
    if let Err(e) = std::fs::rename(&src, &dst) {
        return Err(os_error(vm, &e, Some(&src), Some(&dst)));
    }
    Ok(Value::None)
}

/// The fields of `os.stat_result`, from `std::fs::Metadata`.
fn stat_tuple(vm: &mut Vm, m: &std::fs::Metadata) -> Value {
    use std::os::unix::fs::MetadataExt;
    let time = |secs: i64, nanos: i64| Value::Float(secs as f64 + nanos as f64 * 1e-9);
    let items = vec![
        Value::Int(m.mode().into()),
        Value::Int(m.ino() as i64),
        Value::Int(m.dev() as i64),
        Value::Int(m.nlink() as i64),
        Value::Int(m.uid().into()),
        Value::Int(m.gid().into()),
        Value::Int(m.size() as i64),
        time(m.atime(), m.atime_nsec()),
        time(m.mtime(), m.mtime_nsec()),
        time(m.ctime(), m.ctime_nsec()),
    ];
    vm.new_tuple(items)
}

/// `stat(path)`: `(mode, ino, dev, nlink, uid, gid, size, atime, mtime, ctime)`.
fn stat(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("stat", args, 1, 1)?;
    let path = path_arg(vm, "stat", args[0])?;
    let m = on_path(vm, &path, std::fs::metadata(&path))?;
    Ok(stat_tuple(vm, &m))
}

/// `lstat(path)`: as `stat`, without following a final symbolic link.
fn lstat(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("lstat", args, 1, 1)?;
    let path = path_arg(vm, "lstat", args[0])?;
    let m = on_path(vm, &path, std::fs::symlink_metadata(&path))?;
    Ok(stat_tuple(vm, &m))
}

/// `readlink(path)`: the target of a symbolic link.
fn readlink(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("readlink", args, 1, 1)?;
    let path = path_arg(vm, "readlink", args[0])?;
    let target = on_path(vm, &path, std::fs::read_link(&path))?;
    Ok(vm.new_str(target.display().to_string()))
}

fn getpid(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("getpid", args, 0, 0)?;
    Ok(Value::Int(std::process::id().into()))
}

fn cpu_count(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("cpu_count", args, 0, 0)?;
    Ok(match std::thread::available_parallelism() {
        Ok(n) => Value::Int(n.get() as i64),
        Err(_) => Value::None,
    })
}

/// The text of an environment variable name or value, refusing what the OS cannot hold.
fn env_text(vm: &mut Vm, v: Value, what: &str) -> PyResult<String> {
    let text = vm.str_arg(v, what)?;
    if text.contains('\0') {
        return Err(vm.value_error("embedded null byte"));
    }
    Ok(text)
}

/// `putenv(name, value)`.
fn putenv(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("putenv", args, 2, 2)?;
    let name = env_text(vm, args[0], "str expected, not")?;
    let value = env_text(vm, args[1], "str expected, not")?;
    if name.is_empty() || name.contains('=') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    std::env::set_var(name, value);
    Ok(Value::None)
}

/// `unsetenv(name)`.
fn unsetenv(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("unsetenv", args, 1, 1)?;
    let name = env_text(vm, args[0], "str expected, not")?;
    if name.is_empty() || name.contains('=') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    std::env::remove_var(name);
    Ok(Value::None)
}

fn strerror(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("strerror", args, 1, 1)?;
    let code = vm.int_arg(args[0])?;
    Ok(vm.new_str(errno_text(code as i32)))
}

/// `_read_text(path)`: a UTF-8 file's text (for `pathlib` until `open()` exists).
fn read_text(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("_read_text", args, 1, 1)?;
    let path = path_arg(vm, "open", args[0])?;
    let bytes = on_path(vm, &path, std::fs::read(&path))?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(vm.new_str(text)),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let msg = format!(
                "'utf-8' codec can't decode byte {:#04x} in position {at}: invalid start byte",
                e.as_bytes()[at]
            );
            Err(vm.err(ExcKind::UnicodeDecodeError, msg))
        }
    }
}

/// `_write_text(path, text)`: writes (replacing) a file; returns the characters written.
fn write_text(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("_write_text", args, 2, 2)?;
    let path = path_arg(vm, "open", args[0])?;
    let text = vm.str_arg(args[1], "write() argument")?;
    on_path(vm, &path, std::fs::write(&path, &text))?;
    Ok(Value::Int(text.chars().count() as i64))
}
