//! Methods of builtin types: registration tables. The implementations live with their
//! object kinds in [`crate::objects`].

use crate::vm::Vm;

impl Vm {
    pub(super) fn register_methods(&mut self) {
        let (s, l, d, set, t) = (
            self.types.str,
            self.types.list,
            self.types.dict,
            self.types.set,
            self.types.tuple,
        );
        let int = self.types.int;
        for &(name, f, kw) in crate::objects::int::METHODS {
            self.add_method(int, name, f, kw);
        }
        for &(name, f, kw) in crate::objects::str::METHODS {
            self.add_method(s, name, f, kw);
        }
        for &(name, f, kw) in crate::objects::list::METHODS {
            self.add_method(l, name, f, kw);
        }
        for &(name, f, kw) in crate::objects::list::TUPLE_METHODS {
            self.add_method(t, name, f, kw);
        }
        for &(name, f, kw) in crate::objects::dict::METHODS {
            self.add_method(d, name, f, kw);
        }
        for &(name, f, kw) in crate::objects::dict::SET_METHODS {
            self.add_method(set, name, f, kw);
        }
    }
}
