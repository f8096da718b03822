//! `_dis`: pyc's disassembler (`pyc-disasm`, what `pyc-dis` prints) for the `dis`
//! module (`lib/dis.py`), applied to the code behind a running program's values.

use std::rc::Rc;

use pyc_bytecode::{ArgKind, CodeObject};
use pyc_vm::{Kw, ObjRef, PyResult, Value, Vm};

/// Fills the `_dis` module.
pub(crate) fn init(vm: &mut Vm, module: ObjRef) -> PyResult<()> {
    vm.module_add_function(module, "disassemble", disassemble, false);
    vm.module_add_function(module, "instructions", instructions, false);
    Ok(())
}

/// The code behind `v`, or `TypeError`.
fn code_arg(vm: &mut Vm, v: Value) -> PyResult<Rc<CodeObject>> {
    match vm.code_of(v) {
        Some(code) => Ok(code),
        None => {
            let msg = format!("don't know how to disassemble {} objects", vm.type_name(v));
            Err(vm.type_error(msg))
        }
    }
}

/// `disassemble(x)`: the listing of a function, method, generator or code object and of
/// every code object nested in it, as `pyc-dis` prints it.
fn disassemble(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("disassemble", args, 1, 1)?;
    let code = code_arg(vm, args[0])?;
    Ok(vm.new_str(pyc_disasm::disassemble(&code)))
}

/// The name `dis.py` uses for an argument kind when it resolves `argval`.
fn kind_name(kind: ArgKind) -> &'static str {
    match kind {
        ArgKind::None => "none",
        ArgKind::Const => "const",
        ArgKind::Name | ArgKind::GlobalName | ArgKind::Local | ArgKind::Free => "name",
        ArgKind::Jump => "jump",
        ArgKind::Compare => "text",
        ArgKind::BinaryOp | ArgKind::FunctionFlags | ArgKind::FormatFlags | ArgKind::Raw => "int",
    }
}

/// `instructions(x)`: one tuple per instruction of the code behind `x` (not of nested
/// code): `(opname, kind, arg, argval text, argrepr, offset, starts_line,
/// is_jump_target, const index, (line, end line, column, end column))`, `kind` saying
/// how `dis.py` turns the text into `argval` (`const` takes `co_consts[const index]`).
fn instructions(vm: &mut Vm, args: &[Value], _kw: &Kw) -> PyResult<Value> {
    vm.check_arity("instructions", args, 1, 1)?;
    let code = code_arg(vm, args[0])?;
    let mut records = Vec::new();
    for (index, (info, ins)) in pyc_disasm::instructions(&code)
        .into_iter()
        .zip(code.instructions.iter())
        .enumerate()
    {
        let pos = code.position_of(index);
        let part = |p: Option<u32>| p.map_or(Value::None, |n| Value::Int(n.into()));
        let positions = vm.new_tuple(vec![
            part(pos.line()),
            part(pos.end_line()),
            part(pos.col()),
            part(pos.end_col()),
        ]);
        let opname = vm.new_str(info.opname);
        let kind = if ins.op == pyc_bytecode::Opcode::KwNames {
            "int"
        } else {
            kind_name(ins.op.arg_kind())
        };
        let kind = vm.new_str(kind);
        let arg = info.arg.map_or(Value::None, Value::Int);
        let argval = vm.new_str(info.argval);
        let argrepr = vm.new_str(info.argrepr);
        let line = info
            .starts_line
            .map_or(Value::None, |l| Value::Int(l.into()));
        let record = vm.new_tuple(vec![
            opname,
            kind,
            arg,
            argval,
            argrepr,
            Value::Int(info.offset.into()),
            line,
            Value::Bool(info.is_jump_target),
            Value::Int(ins.arg.into()),
            positions,
        ]);
        records.push(record);
    }
    Ok(vm.new_list(records))
}
