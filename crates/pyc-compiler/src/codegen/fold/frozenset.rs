//! Folded frozensets keep their items in the order CPython 3.11 iterates them, so a
//! program looping over `{3, 1, 2}` sees `1, 2, 3` as it does under CPython, and `dis`
//! shows the same `frozenset({1, 2, 3})`.
//!
//! CPython's order is its hash table's: this replays `set_add_entry` (linear probes of
//! 9, then perturbation) and `set_table_resize` for the items' hashes. A constant
//! frozenset is built twice in CPython, once from the items as written and again when
//! the compiler merges its items into its constant cache, in the first one's order; so
//! the order is replayed twice too. Strings, `None` and the like hash differently in
//! every CPython process, so a set holding one has no fixed order; such sets keep their
//! items in the order written.

use num_bigint::BigInt;
use num_traits::FromPrimitive;
use pyc_bytecode::hash::{hash_bigint, hash_f64, hash_i64, hash_tuple};
use pyc_bytecode::Constant;

/// Slots probed one after another before jumping elsewhere (CPython's `LINEAR_PROBES`).
const LINEAR_PROBES: usize = 9;
/// Bits of the hash mixed in at each jump (CPython's `PERTURB_SHIFT`).
const PERTURB_SHIFT: u32 = 5;
/// A new set's table size (CPython's `PySet_MINSIZE`).
const MIN_SIZE: usize = 8;

/// The frozenset of `items` (duplicates dropped, the first kept), in CPython's order.
pub(crate) fn frozenset(items: Vec<Constant>) -> Constant {
    let mut unique: Vec<Constant> = Vec::new();
    for item in items {
        if !unique.iter().any(|u| equal(u, &item)) {
            unique.push(item);
        }
    }
    let hashes: Option<Vec<i64>> = unique.iter().map(stable_hash).collect();
    let ordered = match hashes {
        Some(hashes) => {
            let first = table_order(&hashes);
            let rehashed: Vec<i64> = first.iter().map(|&i| hashes[i]).collect();
            table_order(&rehashed)
                .into_iter()
                .map(|i| unique[first[i]].clone())
                .collect()
        }
        None => unique,
    };
    Constant::FrozenSet(ordered.into())
}

/// Python's `==` between constants that can be set items.
fn equal(a: &Constant, b: &Constant) -> bool {
    match (number(a), number(b)) {
        (Some(x), Some(y)) => x == y,
        (None, None) => match (a, b) {
            (Constant::Tuple(x), Constant::Tuple(y)) => {
                x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| equal(p, q))
            }
            _ => a == b,
        },
        _ => false,
    }
}

/// A number's exact value, for comparing across int, bool and float.
#[derive(PartialEq)]
enum Exact {
    Int(BigInt),
    Float(f64),
}

fn number(c: &Constant) -> Option<Exact> {
    let exact = match c {
        Constant::Bool(b) => Exact::Int(BigInt::from(u8::from(*b))),
        Constant::Int(i) => Exact::Int(BigInt::from(*i)),
        Constant::BigInt(i) => Exact::Int(i.clone()),
        Constant::Float(f) => match BigInt::from_f64(*f) {
            Some(i) if f.fract() == 0.0 => Exact::Int(i),
            _ => Exact::Float(*f),
        },
        _ => return None,
    };
    Some(exact)
}

/// The hash CPython gives `c` in every process, if it has one.
fn stable_hash(c: &Constant) -> Option<i64> {
    match c {
        Constant::Bool(b) => Some(i64::from(*b)),
        Constant::Int(i) => Some(hash_i64(*i)),
        Constant::BigInt(i) => Some(hash_bigint(i)),
        Constant::Float(f) => hash_f64(*f),
        Constant::Tuple(items) => {
            let hashes: Option<Vec<i64>> = items.iter().map(stable_hash).collect();
            Some(hash_tuple(hashes?.into_iter()))
        }
        _ => None,
    }
}

/// The order of a CPython set's table after adding items with these hashes (all
/// distinct items), as indices into `hashes`.
fn table_order(hashes: &[i64]) -> Vec<usize> {
    let mut table: Vec<Option<usize>> = vec![None; MIN_SIZE];
    let mut used = 0;
    for (index, &hash) in hashes.iter().enumerate() {
        place(&mut table, index, hash);
        used += 1;
        let mask = table.len() - 1;
        if used * 5 >= mask * 3 {
            let grown = if used > 50_000 { used * 2 } else { used * 4 };
            table = resized(&table, hashes, grown);
        }
    }
    table.into_iter().flatten().collect()
}

/// Puts item `index` in the first free slot of its probe sequence.
fn place(table: &mut [Option<usize>], index: usize, hash: i64) {
    let mask = table.len() - 1;
    let mut perturb = hash as u64;
    let mut i = hash as u64 as usize & mask;
    loop {
        let probes = if i + LINEAR_PROBES <= mask {
            LINEAR_PROBES
        } else {
            0
        };
        if let Some(free) = table[i..=i + probes].iter_mut().find(|s| s.is_none()) {
            *free = Some(index);
            return;
        }
        perturb >>= PERTURB_SHIFT;
        i = (i
            .wrapping_mul(5)
            .wrapping_add(1)
            .wrapping_add(perturb as usize))
            & mask;
    }
}

/// A table of the smallest power-of-two size above `min_used`, refilled in the old
/// table's order.
fn resized(table: &[Option<usize>], hashes: &[i64], min_used: usize) -> Vec<Option<usize>> {
    let mut size = MIN_SIZE;
    while size <= min_used {
        size <<= 1;
    }
    let mut new = vec![None; size];
    for &index in table.iter().flatten() {
        place(&mut new, index, hashes[index]);
    }
    new
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(values: &[i64]) -> Vec<Constant> {
        values.iter().map(|&v| Constant::Int(v)).collect()
    }

    fn order(c: Constant) -> Vec<Constant> {
        match c {
            Constant::FrozenSet(items) => items.to_vec(),
            _ => unreachable!(),
        }
    }

    /// Expected orders are CPython 3.11's for the same constants, e.g.
    /// `compile("x in {10, 2, 33, 8}", "", "eval").co_consts`.
    #[test]
    fn items_come_out_in_cpython_order() {
        assert_eq!(order(frozenset(ints(&[3, 1, 2]))), ints(&[1, 2, 3]));
        assert_eq!(
            order(frozenset(ints(&[10, 2, 33, 8]))),
            ints(&[8, 33, 10, 2])
        );
        let descending: Vec<i64> = (1..=20).rev().collect();
        let ascending: Vec<i64> = (1..=20).collect();
        assert_eq!(order(frozenset(ints(&descending))), ints(&ascending));
        let pairs = vec![
            Constant::Tuple(ints(&[1, 2]).into()),
            Constant::Tuple(ints(&[3, 4]).into()),
            Constant::Int(5),
        ];
        let expected = vec![pairs[0].clone(), pairs[2].clone(), pairs[1].clone()];
        assert_eq!(order(frozenset(pairs)), expected);
    }

    #[test]
    fn equal_numbers_are_one_item() {
        let items = vec![Constant::Int(1), Constant::Float(1.0), Constant::Bool(true)];
        assert_eq!(order(frozenset(items)), vec![Constant::Int(1)]);
    }
}
