//! The closure inspection view (`pyc-dis --closures`): which cells each code object owns,
//! which free variables it reads, and which enclosing cell each free variable binds to.
//!
//! Binding follows CPython's closure model: a free variable `x` of a code object binds to
//! the cell `x` of the nearest enclosing code object where `x` is a cell, passing through
//! every enclosing code object in between where `x` is itself free (each of those copies
//! the same cell into its own closure with `LOAD_CLOSURE`).

use std::fmt::Write;

use pyc_bytecode::{fast_kind, CodeObject, Constant};

/// A code object with the position of its enclosing code object in the walk.
struct Node<'a> {
    code: &'a CodeObject,
    parent: Option<usize>,
}

/// Where a free variable's cell comes from.
enum Binding {
    /// The cell of node `owner`, reached through the listed nodes (outermost first).
    Cell { owner: usize, through: Vec<usize> },
    /// No enclosing code object owns such a cell (the walk started below its owner).
    Unresolved,
}

/// The closure report for `code` and all code objects nested in it.
///
/// One block per code object, in the same depth-first `co_consts` order as
/// [`disassemble`](crate::disassemble), separated by blank lines. A block is the
/// qualname, then one line per cell variable and one per free variable:
///
/// ```text
/// outer
///   cell x (captured by middle, inner)
///
/// outer.<locals>.middle
///   free x -> cell of outer
///
/// outer.<locals>.middle.<locals>.inner
///   free x -> cell of outer (passed through middle)
/// ```
///
/// A cell lists, by `co_name`, every nested code object whose free variable binds to it
/// (directly or passed through), or says `(not captured)`. A free variable names the
/// owner of its cell by `co_name` and, when the cell travels through intermediate code
/// objects, lists them outermost first; it says `-> unresolved (no enclosing cell)` when
/// no enclosing code object in the report owns the cell. A code object with neither
/// says `  (no cells or free variables)`.
pub fn closure_report(code: &CodeObject) -> String {
    let mut nodes = Vec::new();
    walk(&mut nodes, code, None);
    let bindings: Vec<Vec<(&str, Binding)>> =
        (0..nodes.len()).map(|i| free_bindings(&nodes, i)).collect();
    let blocks: Vec<String> = (0..nodes.len())
        .map(|i| block(&nodes, i, &bindings))
        .collect();
    blocks.join("\n")
}

/// Appends `code` and, depth-first in `co_consts` order, its nested code objects.
fn walk<'a>(nodes: &mut Vec<Node<'a>>, code: &'a CodeObject, parent: Option<usize>) {
    let index = nodes.len();
    nodes.push(Node { code, parent });
    for constant in &code.consts {
        if let Constant::Code(nested) = constant {
            walk(nodes, nested, Some(index));
        }
    }
}

/// Names of the slots of `code` whose kind has `bit`, in slot order.
fn slot_names(code: &CodeObject, bit: u8) -> impl Iterator<Item = &str> {
    code.localsplus_names
        .iter()
        .zip(&code.localsplus_kinds)
        .filter(move |(_, &kind)| kind & bit != 0)
        .map(|(name, _)| &**name)
}

/// Whether `code` has a slot named `name` whose kind has `bit`.
fn has_slot(code: &CodeObject, name: &str, bit: u8) -> bool {
    slot_names(code, bit).any(|n| n == name)
}

/// The binding of every free variable of node `index`.
fn free_bindings<'a>(nodes: &[Node<'a>], index: usize) -> Vec<(&'a str, Binding)> {
    slot_names(nodes[index].code, fast_kind::FREE)
        .map(|name| (name, resolve(nodes, index, name)))
        .collect()
}

/// Walks outwards from node `index` to the code object owning the cell `name`.
fn resolve(nodes: &[Node], index: usize, name: &str) -> Binding {
    let mut through = Vec::new();
    let mut current = nodes[index].parent;
    while let Some(i) = current {
        let code = nodes[i].code;
        if has_slot(code, name, fast_kind::CELL) {
            through.reverse();
            return Binding::Cell { owner: i, through };
        }
        if !has_slot(code, name, fast_kind::FREE) {
            break;
        }
        through.push(i);
        current = nodes[i].parent;
    }
    Binding::Unresolved
}

/// The report block of node `index`: its qualname, then its cell and free variables.
fn block(nodes: &[Node], index: usize, bindings: &[Vec<(&str, Binding)>]) -> String {
    let code = nodes[index].code;
    let mut out = format!("{}\n", code.qualname);
    for cell in slot_names(code, fast_kind::CELL) {
        let captured_by = capturers(nodes, bindings, index, cell);
        let _ = writeln!(out, "  cell {cell} {}", captured_text(&captured_by));
    }
    for (name, binding) in &bindings[index] {
        let _ = writeln!(out, "  free {name} -> {}", binding_text(nodes, binding));
    }
    if out.lines().count() == 1 {
        out.push_str("  (no cells or free variables)\n");
    }
    out
}

/// `co_name`s of the nodes with a free variable bound to the cell `cell` of node `owner`.
fn capturers<'a>(
    nodes: &[Node<'a>],
    bindings: &[Vec<(&str, Binding)>],
    owner: usize,
    cell: &str,
) -> Vec<&'a str> {
    let binds_here = |(name, binding): &(&str, Binding)| {
        *name == cell && matches!(binding, Binding::Cell { owner: o, .. } if *o == owner)
    };
    (0..nodes.len())
        .filter(|&i| bindings[i].iter().any(binds_here))
        .map(|i| &*nodes[i].code.name)
        .collect()
}

/// `(captured by a, b)` or `(not captured)`.
fn captured_text(captured_by: &[&str]) -> String {
    if captured_by.is_empty() {
        "(not captured)".to_string()
    } else {
        format!("(captured by {})", captured_by.join(", "))
    }
}

/// `cell of outer`, `cell of outer (passed through middle)` or `unresolved (...)`.
fn binding_text(nodes: &[Node], binding: &Binding) -> String {
    match binding {
        Binding::Unresolved => "unresolved (no enclosing cell)".to_string(),
        Binding::Cell { owner, through } if through.is_empty() => {
            format!("cell of {}", nodes[*owner].code.name)
        }
        Binding::Cell { owner, through } => {
            let names: Vec<&str> = through.iter().map(|&i| &*nodes[i].code.name).collect();
            format!(
                "cell of {} (passed through {})",
                nodes[*owner].code.name,
                names.join(", ")
            )
        }
    }
}
