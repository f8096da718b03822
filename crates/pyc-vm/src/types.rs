//! The builtin type objects, and `type()` / `isinstance` machinery over them.

use std::rc::Rc;

use crate::heap::Heap;
use crate::objects::descr::DescrKind;
use crate::objects::{metaclass, Builtin, Descr, IterState, NativeFn, Object, TypeObj, ViewKind};
use crate::value::{ObjRef, Value};
use crate::vm::Vm;

macro_rules! builtin_types {
    ($( $field:ident = $name:literal ),* $(,)?) => {
        /// References to the builtin type objects.
        pub(crate) struct Types {
            $( pub $field: ObjRef, )*
            /// The `...` singleton.
            pub ellipsis_obj: ObjRef,
            /// The `NotImplemented` singleton.
            pub not_implemented_obj: ObjRef,
            /// `object.__new__` (a builtin function).
            pub object_new: ObjRef,
            /// `type.__new__` (a builtin function).
            pub type_new: ObjRef,
        }

        impl Types {
            /// Creates every builtin type (all deriving from `object`), without methods.
            pub(crate) fn create(heap: &mut Heap) -> Types {
                let object = new_type(heap, "object", None);
                let ellipsis_obj = heap.alloc(Object::Ellipsis);
                let not_implemented_obj = heap.alloc(Object::NotImplemented);
                let object_new = new_builtin(heap, "__new__", metaclass::object_dunder_new);
                let type_new = new_builtin(heap, "__new__", metaclass::type_dunder_new);
                let mut t = Types {
                    $( $field: object, )*
                    ellipsis_obj,
                    not_implemented_obj,
                    object_new,
                    type_new,
                };
                $( if $name != "object" { t.$field = new_type(heap, $name, Some(object)); } )*
                if let Object::Type(b) = heap.get_mut(t.bool) {
                    b.base = Some(t.int);
                    b.bases = vec![t.int];
                    b.mro = vec![t.int, object];
                }
                t
            }

            /// Every builtin type object (GC roots), plus the singletons.
            pub(crate) fn all(&self) -> Vec<ObjRef> {
                vec![
                    $( self.$field, )*
                    self.ellipsis_obj,
                    self.not_implemented_obj,
                    self.object_new,
                    self.type_new,
                ]
            }
        }
    };
}

builtin_types! {
    object = "object",
    type_ = "type",
    int = "int",
    bool = "bool",
    float = "float",
    str = "str",
    bytes = "bytes",
    bytearray = "bytearray",
    none = "NoneType",
    tuple = "tuple",
    list = "list",
    dict = "dict",
    set = "set",
    function = "function",
    cell = "cell",
    code = "code",
    builtin = "builtin_function_or_method",
    method = "method",
    range = "range",
    slice = "slice",
    ellipsis = "ellipsis",
    dict_keys = "dict_keys",
    dict_values = "dict_values",
    dict_items = "dict_items",
    list_iterator = "list_iterator",
    tuple_iterator = "tuple_iterator",
    str_ascii_iterator = "str_ascii_iterator",
    str_iterator = "str_iterator",
    bytes_iterator = "bytes_iterator",
    bytearray_iterator = "bytearray_iterator",
    range_iterator = "range_iterator",
    dict_keyiterator = "dict_keyiterator",
    dict_valueiterator = "dict_valueiterator",
    dict_itemiterator = "dict_itemiterator",
    set_iterator = "set_iterator",
    list_reverseiterator = "list_reverseiterator",
    enumerate = "enumerate",
    zip = "zip",
    map = "map",
    filter = "filter",
    iterator = "iterator",
    generator = "generator",
    coroutine = "coroutine",
    coroutine_wrapper = "coroutine_wrapper",
    super_ = "super",
    staticmethod = "staticmethod",
    classmethod = "classmethod",
    property = "property",
    not_implemented = "NotImplementedType",
    module = "module",
    frame = "frame",
    traceback = "traceback",
    weakref = "weakref_handle",
    method_descriptor = "method_descriptor",
    classmethod_descriptor = "classmethod_descriptor",
    wrapper_descriptor = "wrapper_descriptor",
    method_wrapper = "method-wrapper",
    getset_descriptor = "getset_descriptor",
    member_descriptor = "member_descriptor",
    text_io_wrapper = "TextIOWrapper",
    buffered_reader = "BufferedReader",
    buffered_writer = "BufferedWriter",
    buffered_random = "BufferedRandom",
    string_io = "StringIO",
    bytes_io = "BytesIO",
    unsupported_operation = "UnsupportedOperation",
}

/// Allocates a builtin function that takes keyword arguments.
fn new_builtin(heap: &mut Heap, name: &'static str, f: NativeFn) -> ObjRef {
    heap.alloc(Object::Builtin(Box::new(Builtin {
        name,
        f,
        takes_kw: true,
    })))
}

/// Allocates a class with an empty namespace.
pub(crate) fn new_type(heap: &mut Heap, name: &str, base: Option<ObjRef>) -> ObjRef {
    let dict = heap.alloc(Object::Dict(Box::default()));
    let mro = match base.map(|b| heap.get(b)) {
        Some(Object::Type(b)) => [base.as_slice(), &b.mro].concat(),
        _ => Vec::new(),
    };
    heap.alloc(Object::Type(Box::new(TypeObj {
        name: Rc::from(name),
        qualname: Rc::from(name),
        base,
        bases: base.into_iter().collect(),
        mro,
        dict,
        user: false,
        ctor: None,
        meta: None,
        created: crate::objects::next_class_serial(),
    })))
}

impl Vm {
    /// `type(v)`.
    pub fn type_of(&self, v: Value) -> ObjRef {
        let t = &self.types;
        match v {
            Value::Null | Value::None => t.none,
            Value::Bool(_) => t.bool,
            Value::Int(_) => t.int,
            Value::Float(_) => t.float,
            Value::Obj(r) => match self.heap.get(r) {
                Object::Str(_) => t.str,
                Object::Bytes(_) => t.bytes,
                Object::File(f) => match f.kind {
                    crate::objects::file::FileKind::Text => t.text_io_wrapper,
                    crate::objects::file::FileKind::Reader => t.buffered_reader,
                    crate::objects::file::FileKind::Writer => t.buffered_writer,
                    crate::objects::file::FileKind::Random => t.buffered_random,
                    crate::objects::file::FileKind::StringIO => t.string_io,
                    crate::objects::file::FileKind::BytesIO => t.bytes_io,
                },
                Object::ByteArray(_) => t.bytearray,
                Object::BigInt(_) => t.int,
                Object::Tuple(_) => t.tuple,
                Object::List(_) => t.list,
                Object::Dict(_) => t.dict,
                Object::Set(_) => t.set,
                Object::Function(_) => t.function,
                Object::Cell(_) => t.cell,
                Object::Code(_) => t.code,
                Object::Type(ty) => ty.meta.unwrap_or(t.type_),
                Object::Builtin(_) => t.builtin,
                Object::Descr(d) => self.descr_type(d),
                &Object::Method(f, _) => self.bound_method_type(f),
                Object::Exception(e) => e.class,
                Object::Range(..) => t.range,
                Object::Slice(..) => t.slice,
                Object::Ellipsis => t.ellipsis,
                Object::DictView(ViewKind::Keys, _) => t.dict_keys,
                Object::DictView(ViewKind::Values, _) => t.dict_values,
                Object::DictView(ViewKind::Items, _) => t.dict_items,
                Object::Iter(it) => self.iter_type(it),
                Object::Instance(i) => i.class,
                Object::Generator(_) => t.generator,
                Object::Coroutine(_) => t.coroutine,
                Object::CoroWrapper(_) => t.coroutine_wrapper,
                Object::Super(..) => t.super_,
                Object::StaticMethod(_) => t.staticmethod,
                Object::ClassMethod(_) => t.classmethod,
                Object::Property(..) => t.property,
                Object::BuildClass => t.builtin,
                Object::NotImplemented => t.not_implemented,
                Object::Module(_) => t.module,
                Object::Frame(_) => t.frame,
                Object::Traceback(_) => t.traceback,
                Object::WeakRef(_) => t.weakref,
            },
        }
    }

    /// The type of a descriptor of a builtin type.
    fn descr_type(&self, d: &Descr) -> ObjRef {
        let t = &self.types;
        match d.kind {
            DescrKind::Method(..) => t.method_descriptor,
            DescrKind::Slot(..) => t.wrapper_descriptor,
            DescrKind::ClassMethod(..) => t.classmethod_descriptor,
            DescrKind::GetSet(..) => t.getset_descriptor,
            DescrKind::Member(..) => t.member_descriptor,
        }
    }

    /// The type of a method bound to `f`: a bound builtin method, a bound special method
    /// (`method-wrapper`), or a bound Python method.
    fn bound_method_type(&self, f: Value) -> ObjRef {
        let t = &self.types;
        match f.as_obj().map(|r| self.heap.get(r)) {
            Some(Object::Descr(d)) if matches!(d.kind, DescrKind::Slot(..)) => t.method_wrapper,
            Some(Object::Descr(_)) => t.builtin,
            _ => t.method,
        }
    }

    fn iter_type(&self, it: &IterState) -> ObjRef {
        let t = &self.types;
        match it.type_name(&self.heap) {
            "list_iterator" => t.list_iterator,
            "tuple_iterator" => t.tuple_iterator,
            "str_iterator" => t.str_iterator,
            "str_ascii_iterator" => t.str_ascii_iterator,
            "bytes_iterator" => t.bytes_iterator,
            "bytearray_iterator" => t.bytearray_iterator,
            "range_iterator" => t.range_iterator,
            "dict_keyiterator" => t.dict_keyiterator,
            "dict_valueiterator" => t.dict_valueiterator,
            "dict_itemiterator" => t.dict_itemiterator,
            "set_iterator" => t.set_iterator,
            "list_reverseiterator" => t.list_reverseiterator,
            "enumerate" => t.enumerate,
            "zip" => t.zip,
            "map" => t.map,
            "filter" => t.filter,
            _ => t.iterator,
        }
    }

    /// `type(v).__name__`.
    pub fn type_name(&self, v: Value) -> Rc<str> {
        let t = self.type_of(v);
        match self.heap.get(t) {
            // A builtin class of another module is named with it (`_io.StringIO`), as
            // CPython's `tp_name`.
            Object::Type(ty) if !ty.user => match self.type_module(t) {
                Some(m) => Rc::from(format!("{m}.{}", ty.name)),
                None => ty.name.clone(),
            },
            _ => self.type_name_of_type(t),
        }
    }

    /// The `__name__` of a class.
    pub(crate) fn type_name_of_type(&self, t: ObjRef) -> Rc<str> {
        match self.heap.get(t) {
            Object::Type(t) => t.name.clone(),
            _ => Rc::from("?"),
        }
    }

    /// Whether class `t` is `base` or derives from it.
    pub(crate) fn is_subclass(&self, t: ObjRef, base: ObjRef) -> bool {
        t == base
            || match self.heap.get(t) {
                Object::Type(ty) => ty.mro.contains(&base),
                _ => false,
            }
    }

    /// The class `v`, if it is one.
    pub fn as_type(&self, v: Value) -> Option<ObjRef> {
        let r = v.as_obj()?;
        matches!(self.heap.get(r), Object::Type(_)).then_some(r)
    }

    /// The namespace of the class `t`.
    pub(crate) fn class_dict(&self, t: ObjRef) -> ObjRef {
        match self.heap.get(t) {
            Object::Type(ty) => ty.dict,
            _ => unreachable!("class_dict of a non-class"),
        }
    }

    /// `t.__mro__` without `t` itself.
    pub(crate) fn mro_of(&self, t: ObjRef) -> &[ObjRef] {
        match self.heap.get(t) {
            Object::Type(ty) => &ty.mro,
            _ => &[],
        }
    }

    /// `isinstance(v, t)` for a single class `t`.
    pub fn is_instance(&self, v: Value, t: ObjRef) -> bool {
        self.is_subclass(self.type_of(v), t)
    }

    /// Looks `name` up in class `t` and along its MRO.
    pub(crate) fn lookup_in_type(&self, t: ObjRef, name: &str) -> Option<Value> {
        if let Some(found) = self.type_attrs.borrow().get(t, name) {
            return found;
        }
        let found = self.lookup_in_mro(
            std::iter::once(t).chain(self.mro_of(t).iter().copied()),
            name,
        );
        self.type_attrs.borrow_mut().put(t, name, found);
        found
    }

    /// [`Vm::lookup_in_type`] for an interned name (`text` is its text): the cache is
    /// keyed by the name's object, so a hit compares two indices and no text.
    pub(crate) fn lookup_in_type_named(
        &self,
        t: ObjRef,
        name: ObjRef,
        text: &str,
    ) -> Option<Value> {
        if let Some(found) = self.type_attrs.borrow().get_named(t, name) {
            return found;
        }
        let found = self.lookup_in_type(t, text);
        self.type_attrs.borrow_mut().put_named(t, name, found);
        found
    }

    /// Looks `name` up in the namespaces of `classes`, in order.
    pub(crate) fn lookup_in_mro(
        &self,
        classes: impl IntoIterator<Item = ObjRef>,
        name: &str,
    ) -> Option<Value> {
        classes.into_iter().find_map(|c| match self.heap.get(c) {
            Object::Type(ty) => self.dict_get_str(ty.dict, name),
            _ => None,
        })
    }

    /// Whether `t` (or a class it derives from) was made by a `class` statement, so its
    /// instances may define special methods.
    #[inline]
    pub(crate) fn is_user_type(&self, t: ObjRef) -> bool {
        matches!(self.heap.get(t), Object::Type(ty) if ty.user)
    }
}
