//! The namespaces of the builtin types: which methods, special methods and attributes
//! each holds, as descriptors ([`crate::objects::descr`]). The implementations live
//! with their object kinds in [`crate::objects`].

use crate::exceptions::{self, ExcKind};
use crate::objects::Object;
use crate::objects::{
    bytes, bytes_methods, class, coroutine, descr, dict, file_methods, float, frames, function,
    generator, int, list, range, str,
};
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    pub(super) fn register_methods(&mut self) {
        let t = &self.types;
        let (object, type_, int_, float_, str_) = (t.object, t.type_, t.int, t.float, t.str);
        let (list_, tuple, dict_, set, range_, slice) =
            (t.list, t.tuple, t.dict, t.set, t.range, t.slice);
        self.add_getsets(object, class::OBJECT_ATTRS);
        self.add_methods(type_, class::TYPE_METHODS);
        self.add_getsets(type_, class::TYPE_ATTRS);
        self.add_members(type_, class::TYPE_MEMBERS);
        self.add_methods(int_, int::METHODS);
        self.add_getsets(int_, int::ATTRS);
        self.add_methods(float_, float::METHODS);
        self.add_getsets(float_, float::ATTRS);
        self.add_methods(str_, str::METHODS);
        self.register_bytes_types();
        self.register_io_types();
        self.add_methods(list_, list::METHODS);
        self.add_methods(tuple, list::TUPLE_METHODS);
        self.add_methods(dict_, dict::METHODS);
        self.add_class_methods(dict_, dict::CLASS_METHODS);
        self.add_methods(set, dict::SET_METHODS);
        self.add_methods(range_, range::RANGE_METHODS);
        self.add_members(range_, range::RANGE_MEMBERS);
        self.add_members(slice, range::SLICE_MEMBERS);
        self.register_callable_attrs();
        self.register_exception_attrs();
        let gen = self.types.generator;
        self.add_methods(gen, generator::METHODS);
        self.add_slots(gen, generator::SLOTS);
        self.add_getsets(gen, generator::ATTRS);
        self.add_members(gen, generator::MEMBERS);
        let coro = self.types.coroutine;
        self.add_methods(coro, coroutine::METHODS);
        self.add_slots(coro, coroutine::SLOTS);
        self.add_getsets(coro, coroutine::ATTRS);
        self.add_members(coro, coroutine::MEMBERS);
        let wrapper = self.types.coroutine_wrapper;
        self.add_methods(wrapper, coroutine::WRAPPER_METHODS);
        self.add_slots(wrapper, coroutine::WRAPPER_SLOTS);
        let (frame, traceback) = (self.types.frame, self.types.traceback);
        self.add_getsets(frame, frames::FRAME_ATTRS);
        self.add_getsets(traceback, frames::TRACEBACK_ATTRS);
        self.add_getsets(self.types.module, crate::objects::module::ATTRS);
        self.add_doc_entries();
    }

    /// `bytes` and `bytearray`: constructors and methods.
    fn register_bytes_types(&mut self) {
        let (b, a) = (self.types.bytes, self.types.bytearray);
        self.add_type(b, Some(bytes::bytes_new));
        self.add_type(a, Some(bytes::bytearray_new));
        for t in [b, a] {
            self.add_methods(t, bytes_methods::METHODS);
            self.add_class_methods(t, bytes_methods::CLASS_METHODS);
        }
        self.add_methods(a, bytes_methods::BYTEARRAY_METHODS);
        let s = self.types.str;
        self.add_methods(
            s,
            &[("encode", bytes_methods::str_encode, descr::Params::Keywords)],
        );
    }

    /// The file classes of `_io`, `io.UnsupportedOperation` (an `OSError` and a
    /// `ValueError`) and `open`.
    fn register_io_types(&mut self) {
        let t = &self.types;
        let files = [
            t.text_io_wrapper,
            t.buffered_reader,
            t.buffered_writer,
            t.buffered_random,
            t.string_io,
            t.bytes_io,
        ];
        let (text, string_io, bytes_io) = (t.text_io_wrapper, t.string_io, t.bytes_io);
        for class in files {
            self.add_methods(class, file_methods::METHODS);
            self.add_getsets(class, file_methods::ATTRS);
            if class != string_io && class != bytes_io {
                self.add_getsets(class, file_methods::DISK_ATTRS);
            }
            let module = self.new_str("_io");
            let dict = self.class_dict(class);
            self.dict_set_str(dict, "__module__", module);
        }
        self.add_getsets(text, file_methods::TEXT_ATTRS);
        for class in [string_io, bytes_io] {
            self.add_methods(class, file_methods::MEMORY_METHODS);
        }
        if let Object::Type(ty) = self.heap.get_mut(string_io) {
            ty.ctor = Some(file_methods::string_io_new);
        }
        if let Object::Type(ty) = self.heap.get_mut(bytes_io) {
            ty.ctor = Some(file_methods::bytes_io_new);
        }
        let unsupported = self.types.unsupported_operation;
        let (os_error, value_error) = (
            self.exc_class(ExcKind::OSError),
            self.exc_class(ExcKind::ValueError),
        );
        let mro = [os_error, value_error]
            .into_iter()
            .chain([ExcKind::Exception, ExcKind::BaseException].map(|k| self.exc_class(k)))
            .chain([self.types.object])
            .collect();
        if let Object::Type(ty) = self.heap.get_mut(unsupported) {
            ty.base = Some(os_error);
            ty.bases = vec![os_error, value_error];
            ty.mro = mro;
            ty.ctor = Some(super::ctors::exception_new);
        }
        let module = self.new_str("io");
        let dict = self.class_dict(unsupported);
        self.dict_set_str(dict, "__module__", module);
        self.add_function("open", file_methods::open, true);
    }

    /// Functions, code objects, cells, builtin callables, bound methods, the method
    /// wrappers and the descriptors themselves.
    fn register_callable_attrs(&mut self) {
        let t = &self.types;
        let (func, code, cell, builtin, method, method_wrapper) = (
            t.function,
            t.code,
            t.cell,
            t.builtin,
            t.method,
            t.method_wrapper,
        );
        let (sm, cm, prop) = (t.staticmethod, t.classmethod, t.property);
        let attr_descr_types = [t.getset_descriptor, t.member_descriptor];
        let descr_types = [
            t.method_descriptor,
            t.classmethod_descriptor,
            t.wrapper_descriptor,
            t.getset_descriptor,
            t.member_descriptor,
        ];
        self.add_getsets(func, function::FUNCTION_ATTRS);
        self.add_members(func, function::FUNCTION_MEMBERS);
        self.add_members(code, function::CODE_MEMBERS);
        self.add_getsets(code, function::CODE_ATTRS);
        self.add_getsets(cell, function::CELL_ATTRS);
        self.add_getsets(builtin, function::BUILTIN_ATTRS);
        self.add_members(builtin, function::BUILTIN_MEMBERS);
        self.add_getsets(method_wrapper, function::BUILTIN_ATTRS);
        self.add_members(method, function::METHOD_MEMBERS);
        self.add_getsets(method, function::METHOD_ATTRS);
        self.add_members(sm, function::WRAPPER_MEMBERS);
        self.add_members(cm, function::WRAPPER_MEMBERS);
        self.add_methods(prop, function::PROPERTY_METHODS);
        self.add_members(prop, function::PROPERTY_MEMBERS);
        for t in descr_types {
            self.add_getsets(t, function::DESCR_ATTRS);
            self.add_members(t, function::DESCR_MEMBERS);
        }
        for t in descr_types.into_iter().chain([func, sm, cm]) {
            self.add_slots(t, descr::GET_SLOTS);
        }
        for t in attr_descr_types {
            self.add_slots(t, descr::SET_SLOTS);
        }
    }

    fn register_exception_attrs(&mut self) {
        // Each builtin exception class has its own `__init__`, which accepts only its
        // own instances.
        for c in self.exc_types.clone() {
            self.add_slots(c, exceptions::SLOTS);
        }
        let base = self.exc_class(ExcKind::BaseException);
        self.add_slots(base, exceptions::BASE_SLOTS);
        self.add_getsets(base, exceptions::ATTRS);
        self.add_members(base, exceptions::MEMBERS);
        let stop = self.exc_class(ExcKind::StopIteration);
        self.add_members(stop, exceptions::STOP_ITERATION_MEMBERS);
        let exit = self.exc_class(ExcKind::SystemExit);
        self.add_members(exit, exceptions::SYSTEM_EXIT_MEMBERS);
    }

    /// Every builtin class has a `__doc__` (`None` here: no doc strings are kept), so
    /// that its instances have one too.
    fn add_doc_entries(&mut self) {
        let classes: Vec<_> = self
            .types
            .all()
            .into_iter()
            .chain(self.exc_types.clone())
            .collect();
        for c in classes {
            if let Some(dict) = self.as_type(Value::Obj(c)).map(|c| self.class_dict(c)) {
                if self.dict_get_str(dict, "__doc__").is_none() {
                    self.dict_set_str(dict, "__doc__", Value::None);
                }
            }
        }
    }
}
