//! `_time`: the clocks and the C library's calendar conversions under the `time`
//! module (`lib/time.py` wraps the broken-down times in `struct_time`).
//!
//! Broken-down times cross as 11-tuples `(year, mon, mday, hour, min, sec, wday, yday,
//! isdst, zone, gmtoff)` with Python's conventions (Monday is 0, `yday` from 1).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use pyc_vm::{Kw, ObjRef, PyResult, Value, Vm};

use super::args::float_arg;

extern "C" {
    /// POSIX `tzset`: reads `TZ` into the C library's time zone state (the `libc` crate
    /// does not bind it).
    fn tzset();
}

/// Fills the `_time` module.
pub(crate) fn init(vm: &mut Vm, module: ObjRef) -> PyResult<()> {
    let functions: &[(&'static str, pyc_vm::NativeFn)] = &[
        ("time", time),
        ("time_ns", time_ns),
        ("monotonic", monotonic),
        ("monotonic_ns", monotonic_ns),
        ("perf_counter", monotonic),
        ("perf_counter_ns", monotonic_ns),
        ("process_time", process_time),
        ("process_time_ns", process_time_ns),
        ("sleep", sleep),
        ("gmtime", gmtime),
        ("localtime", localtime),
        ("mktime", mktime),
        ("strftime", strftime),
        ("tzinfo", tzinfo),
    ];
    for &(name, f) in functions {
        vm.module_add_function(module, name, f, false);
    }
    Ok(())
}

/// Seconds and nanoseconds since the epoch.
fn since_epoch() -> Duration {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
}

/// A POSIX clock as a duration.
fn clock(id: libc::clockid_t) -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec.
    unsafe { libc::clock_gettime(id, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

fn time(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("time.time", args, 0, 0)?;
    Ok(Value::Float(since_epoch().as_secs_f64()))
}

fn time_ns(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("time.time_ns", args, 0, 0)?;
    Ok(Value::Int(since_epoch().as_nanos() as i64))
}

fn monotonic(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("time.monotonic", args, 0, 0)?;
    Ok(Value::Float(clock(libc::CLOCK_MONOTONIC).as_secs_f64()))
}

fn monotonic_ns(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("time.monotonic_ns", args, 0, 0)?;
    Ok(Value::Int(clock(libc::CLOCK_MONOTONIC).as_nanos() as i64))
}

fn process_time(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("time.process_time", args, 0, 0)?;
    let t = clock(libc::CLOCK_PROCESS_CPUTIME_ID);
    Ok(Value::Float(t.as_secs_f64()))
}

fn process_time_ns(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("time.process_time_ns", args, 0, 0)?;
    let t = clock(libc::CLOCK_PROCESS_CPUTIME_ID);
    Ok(Value::Int(t.as_nanos() as i64))
}

/// `sleep(secs)`.
fn sleep(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("time.sleep", args, 1, 1)?;
    let secs = float_arg(vm, args[0])?;
    if secs.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    let Ok(d) = Duration::try_from_secs_f64(secs) else {
        return Err(vm.err(pyc_vm::ExcKind::OverflowError, "sleep length is too large"));
    };
    std::thread::sleep(d);
    Ok(Value::None)
}

/// The `time_t` of a `secs` argument (`None`: now).
fn time_t_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<libc::time_t> {
    match v {
        None | Some(Value::None) => Ok(since_epoch().as_secs() as libc::time_t),
        Some(&v) => {
            let secs = float_arg(vm, v)?;
            if !secs.is_finite() || secs.abs() > 1e17 {
                let msg = if secs.is_nan() {
                    "Invalid value NaN (not a number)"
                } else {
                    "timestamp out of range for platform time_t"
                };
                let kind = if secs.is_nan() {
                    pyc_vm::ExcKind::ValueError
                } else {
                    pyc_vm::ExcKind::OverflowError
                };
                return Err(vm.err(kind, msg));
            }
            Ok(secs.floor() as libc::time_t)
        }
    }
}

/// A zeroed `struct tm`.
fn empty_tm() -> libc::tm {
    // SAFETY: `tm` is plain data; all zeroes (with a null zone pointer) is valid.
    unsafe { std::mem::zeroed() }
}

/// The 11-tuple of a `struct tm`.
fn tm_tuple(vm: &mut Vm, tm: &libc::tm) -> Value {
    let zone = if tm.tm_zone.is_null() {
        String::new()
    } else {
        // SAFETY: the C library sets `tm_zone` to a NUL-terminated string.
        unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) }
            .to_string_lossy()
            .into_owned()
    };
    let zone = vm.new_str(zone);
    let fields = [
        i64::from(tm.tm_year) + 1900,
        i64::from(tm.tm_mon) + 1,
        i64::from(tm.tm_mday),
        i64::from(tm.tm_hour),
        i64::from(tm.tm_min),
        i64::from(tm.tm_sec),
        (i64::from(tm.tm_wday) + 6) % 7,
        i64::from(tm.tm_yday) + 1,
        i64::from(tm.tm_isdst),
    ];
    let mut items: Vec<Value> = fields.iter().map(|&n| Value::Int(n)).collect();
    items.push(zone);
    items.push(Value::Int(tm.tm_gmtoff));
    vm.new_tuple(items)
}

fn gmtime(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("gmtime", args, 0, 1)?;
    let t = time_t_arg(vm, args.first())?;
    let mut tm = empty_tm();
    // SAFETY: both pointers are valid for the call.
    if unsafe { libc::gmtime_r(&t, &mut tm) }.is_null() {
        return Err(vm.err(pyc_vm::ExcKind::OverflowError, "timestamp out of range"));
    }
    Ok(tm_tuple(vm, &tm))
}

fn localtime(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("localtime", args, 0, 1)?;
    let t = time_t_arg(vm, args.first())?;
    let mut tm = empty_tm();
    // SAFETY: both pointers are valid for the call; tzset reads the environment.
    if unsafe {
        tzset();
        libc::localtime_r(&t, &mut tm)
    }
    .is_null()
    {
        return Err(vm.err(pyc_vm::ExcKind::OverflowError, "timestamp out of range"));
    }
    Ok(tm_tuple(vm, &tm))
}

/// A `struct tm` from the first nine items of a time tuple, as CPython's `gettmarg`.
fn tm_from_tuple(vm: &mut Vm, fname: &str, v: Value) -> PyResult<libc::tm> {
    let items = vm.seq_items(v).map(<[Value]>::to_vec);
    let Some(items) = items.filter(|items| items.len() >= 9) else {
        let msg = format!("{fname}(): illegal time tuple argument");
        return Err(vm.type_error(msg));
    };
    let mut n = [0i64; 9];
    for (slot, &item) in n.iter_mut().zip(&items) {
        *slot = vm.int_arg(item)?;
    }
    let mut tm = empty_tm();
    tm.tm_year = (n[0] - 1900) as libc::c_int;
    tm.tm_mon = (n[1] - 1) as libc::c_int;
    tm.tm_mday = n[2] as libc::c_int;
    tm.tm_hour = n[3] as libc::c_int;
    tm.tm_min = n[4] as libc::c_int;
    tm.tm_sec = n[5] as libc::c_int;
    tm.tm_wday = ((n[6] + 1) % 7) as libc::c_int;
    tm.tm_yday = (n[7] - 1) as libc::c_int;
    tm.tm_isdst = n[8] as libc::c_int;
    Ok(tm)
}

fn mktime(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("mktime", args, 1, 1)?;
    let mut tm = tm_from_tuple(vm, "mktime", args[0])?;
    // A sentinel wday: mktime sets it on success, so -1 from an unchanged one is an error.
    tm.tm_wday = -1;
    // SAFETY: `tm` is a valid struct tm.
    let t = unsafe {
        tzset();
        libc::mktime(&mut tm)
    };
    if t == -1 && tm.tm_wday == -1 {
        return Err(vm.err(
            pyc_vm::ExcKind::OverflowError,
            "mktime argument out of range",
        ));
    }
    Ok(Value::Float(t as f64))
}

/// `strftime(format, tuple)`.
fn strftime(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("strftime", args, 2, 2)?;
    let format = vm.str_arg(args[0], "strftime() argument 1")?;
    let mut tm = tm_from_tuple(vm, "strftime", args[1])?;
    if !(0..=11).contains(&tm.tm_mon) {
        return Err(vm.value_error("month out of range"));
    }
    if !(1..=31).contains(&tm.tm_mday) {
        return Err(vm.value_error("day of month out of range"));
    }
    if !(0..=23).contains(&tm.tm_hour) {
        return Err(vm.value_error("hour out of range"));
    }
    if !(0..=59).contains(&tm.tm_min) {
        return Err(vm.value_error("minute out of range"));
    }
    if !(0..=61).contains(&tm.tm_sec) {
        return Err(vm.value_error("seconds out of range"));
    }
    if !(0..=365).contains(&tm.tm_yday) {
        return Err(vm.value_error("day of year out of range"));
    }
    tm.tm_isdst = tm.tm_isdst.clamp(-1, 1);
    let Ok(cformat) = std::ffi::CString::new(format.as_str()) else {
        return Err(vm.value_error("embedded null character"));
    };
    if format.is_empty() {
        return Ok(vm.new_str(""));
    }
    let mut size = 256usize.max(format.len() * 4);
    loop {
        let mut buf = vec![0u8; size];
        // SAFETY: `buf` has `size` writable bytes; `cformat` and `tm` are valid.
        let n = unsafe {
            tzset();
            libc::strftime(buf.as_mut_ptr().cast(), size, cformat.as_ptr(), &tm)
        };
        if n > 0 || size > 256 * format.len() + 4096 {
            buf.truncate(n);
            return Ok(vm.new_str(String::from_utf8_lossy(&buf).into_owned()));
        }
        size *= 4;
    }
}

/// `(timezone, altzone, daylight, tzname[0], tzname[1])` for the `time` module's
/// constants, as CPython computes them from January and July of this year.
fn tzinfo(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("tzinfo", args, 0, 0)?;
    let now = since_epoch().as_secs() as libc::time_t;
    let year_start = now - now % (365 * 24 * 3600);
    let half_year = 182 * 24 * 3600;
    let mut jan = empty_tm();
    let mut jul = empty_tm();
    // SAFETY: valid pointers for each call.
    unsafe {
        tzset();
        libc::localtime_r(&year_start, &mut jan);
        let mid = year_start + half_year;
        libc::localtime_r(&mid, &mut jul);
    }
    let zone = |tm: &libc::tm| {
        if tm.tm_zone.is_null() {
            String::new()
        } else {
            // SAFETY: set by the C library to a NUL-terminated string.
            unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) }
                .to_string_lossy()
                .into_owned()
        }
    };
    let (jan_off, jul_off) = (-jan.tm_gmtoff, -jul.tm_gmtoff);
    // The standard zone has the larger offset west of Greenwich (less daylight saving).
    let (std_tm, dst_tm, std_off, dst_off) = if jan_off < jul_off {
        (&jul, &jan, jul_off, jan_off)
    } else {
        (&jan, &jul, jan_off, jul_off)
    };
    let daylight = i64::from(jan_off != jul_off);
    let std_name = vm.new_str(zone(std_tm));
    let dst_name = vm.new_str(zone(dst_tm));
    Ok(vm.new_tuple(vec![
        Value::Int(std_off),
        Value::Int(dst_off),
        Value::Int(daylight),
        std_name,
        dst_name,
    ]))
}
