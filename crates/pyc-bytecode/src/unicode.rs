//! Lookups in the Unicode tables generated from CPython 3.11's own database (Unicode
//! 14.0): which characters `repr()` escapes, which take two columns.

use crate::printable::NON_PRINTABLE;
use crate::wide::WIDE;

/// Whether `c` lies in one of the sorted, disjoint inclusive `ranges`.
fn in_ranges(ranges: &[(u32, u32)], c: u32) -> bool {
    ranges
        .binary_search_by(|&(first, last)| {
            if last < c {
                std::cmp::Ordering::Less
            } else if first > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Whether `repr()` shows `c` as it is: CPython's `str.isprintable` for one character
/// (everything but Unicode's C* and Z* categories, the ASCII space excepted).
pub fn is_printable(c: char) -> bool {
    let c = c as u32;
    if c < 0x80 {
        return (0x20..0x7f).contains(&c);
    }
    !in_ranges(NON_PRINTABLE, c)
}

/// Whether `c`'s East Asian Width is W or F in CPython's database, which counts it as
/// two columns when placing traceback markers.
pub fn is_wide(c: char) -> bool {
    let c = c as u32;
    c >= 0x80 && in_ranges(WIDE, c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_answer_as_cpython() {
        assert!(is_printable('a') && is_printable('é') && !is_printable('\u{200b}'));
        assert!(!is_printable('\u{7f}') && !is_printable('\u{a0}'));
        assert!(is_wide('中') && is_wide('🐍') && !is_wide('a') && !is_wide('é'));
    }
}
