//! Reduces a `dis` listing (CPython's `python3 -m dis` or `pyc-dis`) to what the two
//! must share, so they can be compared line for line.
//!
//! pyc has no inline `CACHE` entries and no `PRECALL`, so offsets and jump distances
//! differ; everything else must not. For each code object the normalised listing keeps:
//! - the `Disassembly of <code object NAME at 0x?, file "F", line N>:` header;
//! - each instruction as `index OPNAME arg (argrepr)`, numbered from 0 in the listing
//!   with `PRECALL` and `EXTENDED_ARG` left out, a jump's argument shown as the index
//!   of its target (`to #7`), and memory addresses masked (`0x?`);
//! - `line N` before the first instruction of each new source line (a line that starts
//!   on a dropped instruction starts on the next one kept);
//! - each exception table row as `start to end -> target [depth] lasti`, in indices.

use std::collections::BTreeMap;

use super::mask_addresses;

/// Instructions CPython shows that pyc has no counterpart for.
const DROPPED: [&str; 3] = ["PRECALL", "EXTENDED_ARG", "CACHE"];

/// One instruction line of a listing.
struct Instruction {
    line: Option<u32>,
    offset: u32,
    opname: String,
    arg: Option<String>,
    argrepr: Option<String>,
}

/// The normalised form of a whole listing.
pub fn normalise(listing: &str) -> String {
    let mut out = String::new();
    let mut code = CodeListing::default();
    for line in mask_addresses(listing).lines() {
        if line.starts_with("Disassembly of ") {
            code.write(&mut out);
            code = CodeListing::default();
            out += line;
            out.push('\n');
        } else if let Some(instruction) = parse_instruction(line) {
            code.instructions.push(instruction);
        } else if let Some(row) = parse_exception_row(line) {
            code.exception_rows.push(row);
        }
    }
    code.write(&mut out);
    out
}

/// The instructions and exception table of one code object.
#[derive(Default)]
struct CodeListing {
    instructions: Vec<Instruction>,
    /// `(start, end, target, rest)` offsets as printed, `rest` being `[depth] lasti`.
    exception_rows: Vec<(u32, u32, u32, String)>,
}

impl CodeListing {
    fn write(&self, out: &mut String) {
        // The index each offset maps to: the kept instruction at or after it.
        let mut index_at: BTreeMap<u32, usize> = BTreeMap::new();
        let mut kept = 0;
        for i in &self.instructions {
            index_at.insert(i.offset, kept);
            if !DROPPED.contains(&i.opname.as_str()) {
                kept += 1;
            }
        }
        let target = |offset: u32| index_at.range(offset..).next().map_or(kept, |(_, &i)| i);
        // The instruction containing an offset: the last one starting at or before it.
        let containing = |offset: u32| index_at.range(..=offset).next_back().map_or(0, |(_, &i)| i);
        let mut pending_line = None;
        let mut index = 0;
        for i in &self.instructions {
            pending_line = i.line.or(pending_line);
            if DROPPED.contains(&i.opname.as_str()) {
                continue;
            }
            if let Some(line) = pending_line.take() {
                *out += &format!("line {line}\n");
            }
            *out += &format!("{index} {}", i.opname);
            match (&i.arg, &i.argrepr) {
                (Some(_), Some(repr)) if repr.starts_with("to ") => {
                    let to: u32 = repr[3..].parse().expect("a jump target is an offset");
                    *out += &format!(" to #{}", target(to));
                }
                (Some(arg), Some(repr)) => *out += &format!(" {arg} ({repr})"),
                (Some(arg), None) => *out += &format!(" {arg}"),
                _ => {}
            }
            out.push('\n');
            index += 1;
        }
        for (start, end, handler, rest) in &self.exception_rows {
            *out += &format!(
                "{} to {} -> {} {rest}\n",
                target(*start),
                containing(*end),
                target(*handler)
            );
        }
    }
}

/// `[line] [>>] offset OPNAME [arg [(argrepr)]]`, as `dis` prints an instruction.
fn parse_instruction(text: &str) -> Option<Instruction> {
    let mut rest = text.trim_start();
    let mut numbers = Vec::new();
    loop {
        let (token, after) = split_token(rest);
        if token == ">>" || token == "-->" {
            rest = after;
        } else if let Ok(n) = token.parse::<u32>() {
            numbers.push(n);
            rest = after;
        } else {
            break;
        }
    }
    let (opname, after) = split_token(rest);
    let is_opname = opname.starts_with(|c: char| c.is_ascii_uppercase() || c == '_')
        && opname
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
    let (line, offset) = match numbers.as_slice() {
        [offset] => (None, *offset),
        [line, offset] => (Some(*line), *offset),
        _ => return None,
    };
    if !is_opname {
        return None;
    }
    let (arg, after) = split_token(after);
    let arg = (!arg.is_empty()).then(|| arg.to_string());
    let argrepr = after
        .trim()
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .map(str::to_string);
    Some(Instruction {
        line,
        offset,
        opname: opname.to_string(),
        arg,
        argrepr,
    })
}

/// `start to end -> target [depth][ lasti]`, a row of the exception table.
fn parse_exception_row(text: &str) -> Option<(u32, u32, u32, String)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    match words.as_slice() {
        [start, "to", end, "->", target, rest @ ..] if !rest.is_empty() => Some((
            start.parse().ok()?,
            end.parse().ok()?,
            target.parse().ok()?,
            rest.join(" "),
        )),
        _ => None,
    }
}

/// The first whitespace-separated token and what follows it.
fn split_token(text: &str) -> (&str, &str) {
    let text = text.trim_start();
    let end = text.find(char::is_whitespace).unwrap_or(text.len());
    (&text[..end], &text[end..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpython_and_pyc_layouts_normalise_alike() {
        let cpython = "  1           0 RESUME                   0

  2           2 LOAD_NAME                0 (f)
             14 LOAD_CONST               0 (1)
             16 PRECALL                  1
             20 CALL                     1
             30 POP_JUMP_FORWARD_IF_FALSE     2 (to 36)
             32 NOP
        >>   36 LOAD_CONST               1 (None)
             38 RETURN_VALUE
ExceptionTable:
  14 to 28 -> 36 [1] lasti
";
        let pyc = "  1           0 RESUME                   0

  2           2 LOAD_NAME                0 (f)
              4 LOAD_CONST               0 (1)
              6 CALL                     1
              8 POP_JUMP_FORWARD_IF_FALSE     1 (to 12)
             10 NOP
        >>   12 LOAD_CONST               1 (None)
             14 RETURN_VALUE
ExceptionTable:
  4 to 6 -> 12 [1] lasti
";
        assert_eq!(normalise(cpython), normalise(pyc));
        assert!(normalise(pyc).contains("4 POP_JUMP_FORWARD_IF_FALSE to #6\n"));
        assert!(normalise(pyc).contains("2 to 3 -> 6 [1] lasti\n"));
    }
}
