//! Python's pattern syntax, read as CPython 3.11's `re` reads it: the same grammar, the
//! same errors at the same positions (character offsets into the pattern).

use super::ast::{
    flag, Assertion, Category, CategoryItem, ClassItem, Fold, Greed, Node, MAXREPEAT,
};
use super::template::is_identifier;

/// Why a pattern was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum PatternError {
    /// `re.error(msg)` at a position of the pattern (`None`: no position, as for the
    /// look-behind width check).
    Syntax(String, Option<usize>),
    /// `OverflowError(msg)`.
    Overflow(String),
    /// `ValueError(msg)` (incompatible flags).
    Value(String),
}

/// A parsed pattern and what the Pattern object reports about it.
#[derive(Debug)]
pub(crate) struct Parsed {
    pub node: Node,
    /// Number of capturing groups.
    pub groups: usize,
    /// Group names with their numbers, in order of definition.
    pub names: Vec<(String, usize)>,
    /// For each group (from 1), the number of the group it is nested in (0: none).
    pub parents: Vec<usize>,
    /// The flags given plus the inline global ones, `re.UNICODE` added unless `re.ASCII`.
    pub flags: u32,
}

type PResult<T> = Result<T, PatternError>;

const FLAG_CHARS: &str = "iLmsxatu";
const TYPE_FLAGS: u32 = flag::ASCII | flag::LOCALE | flag::UNICODE;

fn flag_of(c: char) -> u32 {
    match c {
        'i' => flag::IGNORECASE,
        'L' => flag::LOCALE,
        'm' => flag::MULTILINE,
        's' => flag::DOTALL,
        'x' => flag::VERBOSE,
        'a' => flag::ASCII,
        't' => flag::TEMPLATE,
        _ => flag::UNICODE,
    }
}

fn syntax<T>(msg: impl Into<String>, pos: usize) -> PResult<T> {
    Err(PatternError::Syntax(msg.into(), Some(pos)))
}

/// Parses `pattern` under `flags` (the `flags` argument of `re.compile`).
pub(crate) fn parse(pattern: &str, flags: u32) -> PResult<Parsed> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut parser = Parser::new(&chars, flags);
    let mut node = parser.parse_top()?;
    // Global inline flags (`(?x)` at the start) apply to the whole pattern, including
    // what the first reading took without them: read it again knowing them.
    if parser.flags != flags {
        parser = Parser::new(&chars, parser.flags);
        node = parser.parse_top()?;
    }
    if parser.variable_lookbehind {
        return Err(PatternError::Syntax(
            "look-behind requires fixed-width pattern".into(),
            None,
        ));
    }
    let flags = fix_flags(parser.flags)?;
    Ok(Parsed {
        node,
        groups: parser.group_count,
        names: parser.names,
        parents: parser.parents,
        flags,
    })
}

/// CPython's `_compile` flag checks for a str pattern.
fn fix_flags(flags: u32) -> PResult<u32> {
    if flags & flag::LOCALE != 0 {
        return Err(PatternError::Value(
            "cannot use LOCALE flag with a str pattern".into(),
        ));
    }
    if flags & flag::ASCII == 0 {
        Ok(flags | flag::UNICODE)
    } else if flags & flag::UNICODE != 0 {
        Err(PatternError::Value(
            "ASCII and UNICODE flags are incompatible".into(),
        ))
    } else {
        Ok(flags)
    }
}

struct Parser<'a> {
    src: &'a [char],
    pos: usize,
    /// Global flags (the argument plus inline `(?i)` at the start).
    flags: u32,
    group_count: usize,
    names: Vec<(String, usize)>,
    /// Widths of closed groups, indexed by group number (`None`: still open).
    group_widths: Vec<Option<(u64, u64)>>,
    /// Groups numbered from here on are inside the look-behind being parsed.
    lookbehind_groups: Option<usize>,
    /// Conditional references to check once all groups are known: (group, position).
    cond_refs: Vec<(usize, usize)>,
    /// A look-behind whose width varies was seen (refused after parsing, as CPython's
    /// compiler refuses it).
    variable_lookbehind: bool,
    /// The enclosing group of each group, and the groups open where the parser is.
    parents: Vec<usize>,
    open_groups: Vec<usize>,
}

/// The flags in force inside a scope.
#[derive(Clone, Copy)]
struct Scope {
    flags: u32,
    verbose: bool,
}

impl Scope {
    fn has(self, f: u32) -> bool {
        self.flags & f != 0
    }
    fn fold(self) -> Fold {
        match (self.has(flag::IGNORECASE), self.has(flag::ASCII)) {
            (false, _) => Fold::None,
            (true, false) => Fold::Unicode,
            (true, true) => Fold::Ascii,
        }
    }
    fn ascii(self) -> bool {
        self.has(flag::ASCII)
    }
}

impl<'a> Parser<'a> {
    fn new(src: &'a [char], flags: u32) -> Parser<'a> {
        Parser {
            src,
            pos: 0,
            flags,
            group_count: 0,
            names: Vec::new(),
            group_widths: vec![Some((0, 0))],
            lookbehind_groups: None,
            cond_refs: Vec::new(),
            variable_lookbehind: false,
            parents: Vec::new(),
            open_groups: Vec::new(),
        }
    }

    fn peek(&self) -> Option<char> {
        self.src.get(self.pos).copied()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += 1;
        Some(c)
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn parse_top(&mut self) -> PResult<Node> {
        let scope = Scope {
            flags: self.flags,
            verbose: self.flags & flag::VERBOSE != 0,
        };
        let node = self.parse_alternation(scope, 0)?;
        if self.peek().is_some() {
            // Only a `)` stops the top level early.
            return syntax("unbalanced parenthesis", self.pos);
        }
        for &(group, pos) in &self.cond_refs {
            if group > self.group_count {
                return syntax(format!("invalid group reference {group}"), pos);
            }
        }
        Ok(node)
    }

    /// Alternatives separated by `|`, up to a `)` or the end.
    fn parse_alternation(&mut self, scope: Scope, depth: usize) -> PResult<Node> {
        let mut alternatives = Vec::new();
        loop {
            let first = depth == 0 && alternatives.is_empty();
            let mut scope = scope;
            alternatives.push(self.parse_sequence(&mut scope, first)?);
            if !self.eat('|') {
                break;
            }
        }
        Ok(if alternatives.len() == 1 {
            alternatives.pop().unwrap_or(Node::Empty)
        } else {
            Node::Alt(alternatives)
        })
    }

    /// Items up to a `|`, a `)` or the end. `first`: global flags may still appear.
    fn parse_sequence(&mut self, scope: &mut Scope, first: bool) -> PResult<Node> {
        let mut items: Vec<Node> = Vec::new();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            let start = self.pos;
            self.pos += 1;
            if scope.verbose {
                if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c') {
                    continue;
                }
                if c == '#' {
                    while let Some(c) = self.next() {
                        if c == '\n' {
                            break;
                        }
                    }
                    continue;
                }
            }
            match c {
                '\\' => items.push(self.parse_escape(*scope, start)?),
                '[' => items.push(self.parse_class(*scope, start)?),
                '*' | '+' | '?' | '{' => self.parse_repeat(&mut items, c, start)?,
                '.' => items.push(Node::Any {
                    dotall: scope.has(flag::DOTALL),
                }),
                '^' => items.push(Node::Assert(Assertion::Start {
                    multiline: scope.has(flag::MULTILINE),
                })),
                '$' => items.push(Node::Assert(Assertion::End {
                    multiline: scope.has(flag::MULTILINE),
                })),
                '(' => {
                    let at_start = first && items.is_empty();
                    if let Some(node) = self.parse_group(*scope, start, at_start)? {
                        items.push(node);
                    }
                }
                _ => items.push(Node::Literal(c, scope.fold())),
            }
        }
        Ok(if items.len() == 1 {
            items.pop().unwrap_or(Node::Empty)
        } else if items.is_empty() {
            Node::Empty
        } else {
            Node::Concat(items)
        })
    }

    /// A quantifier after the last item; `start` is the position of its first character.
    fn parse_repeat(&mut self, items: &mut Vec<Node>, c: char, start: usize) -> PResult<()> {
        let (min, max) = match c {
            '?' => (0, 1),
            '*' => (0, MAXREPEAT),
            '+' => (1, MAXREPEAT),
            _ => {
                let here = self.pos;
                if self.peek() == Some('}') {
                    items.push(Node::Literal('{', Fold::None));
                    return Ok(());
                }
                let lo = self.digits();
                let hi = if self.eat(',') {
                    self.digits()
                } else {
                    lo.clone()
                };
                if !self.eat('}') {
                    self.pos = here;
                    items.push(Node::Literal('{', Fold::None));
                    return Ok(());
                }
                let min = if lo.is_empty() { 0 } else { repeat_count(&lo)? };
                let max = if hi.is_empty() {
                    MAXREPEAT
                } else {
                    repeat_count(&hi)?
                };
                if max < min {
                    return syntax("min repeat greater than max repeat", here);
                }
                (min, max)
            }
        };
        let item = match items.pop() {
            None | Some(Node::Assert(_)) => return syntax("nothing to repeat", start),
            Some(Node::Repeat { .. }) => return syntax("multiple repeat", start),
            Some(item) => item,
        };
        let greed = if self.eat('?') {
            Greed::Lazy
        } else if self.eat('+') {
            Greed::Possessive
        } else {
            Greed::Greedy
        };
        items.push(Node::Repeat {
            node: Box::new(item),
            min,
            max,
            greed,
        });
        Ok(())
    }

    fn digits(&mut self) -> String {
        let mut s = String::new();
        while let Some(c) = self.peek().filter(char::is_ascii_digit) {
            s.push(c);
            self.pos += 1;
        }
        s
    }

    /// A `(` construct; `start` is the position of the `(`. `None` for what adds no
    /// item (comments, global flags).
    fn parse_group(&mut self, scope: Scope, start: usize, at_start: bool) -> PResult<Option<Node>> {
        let mut name = None;
        let mut inner = scope;
        let mut capture = true;
        let mut atomic = false;
        if self.eat('?') {
            let Some(c) = self.next() else {
                return syntax("unexpected end of pattern", self.pos);
            };
            match c {
                'P' => {
                    if self.eat('<') {
                        let name_pos = self.pos;
                        let n = self.read_name('>')?;
                        if !is_identifier(&n) {
                            return syntax(format!("bad character in group name '{n}'"), name_pos);
                        }
                        name = Some((n, name_pos));
                    } else if self.eat('=') {
                        let name_pos = self.pos;
                        let n = self.read_name(')')?;
                        if !is_identifier(&n) {
                            return syntax(format!("bad character in group name '{n}'"), name_pos);
                        }
                        let Some(group) = self.group_named(&n) else {
                            return syntax(format!("unknown group name '{n}'"), name_pos);
                        };
                        self.check_backref(group, name_pos)?;
                        return Ok(Some(Node::Backref(group, scope.fold())));
                    } else {
                        let Some(c) = self.next() else {
                            return syntax("unexpected end of pattern", self.pos);
                        };
                        return syntax(format!("unknown extension ?P{c}"), start + 1);
                    }
                }
                ':' => capture = false,
                '>' => {
                    capture = false;
                    atomic = true;
                }
                '#' => loop {
                    match self.next() {
                        None => return syntax("missing ), unterminated comment", start),
                        Some(')') => return Ok(None),
                        Some(_) => {}
                    }
                },
                '=' | '!' | '<' => return self.parse_look(c, scope, start).map(Some),
                '(' => return self.parse_conditional(scope, start).map(Some),
                c if FLAG_CHARS.contains(c) || c == '-' => {
                    match self.parse_flags(c)? {
                        None => {
                            if !at_start {
                                return syntax(
                                    "global flags not at the start of the expression",
                                    start,
                                );
                            }
                            // `parse` reads the pattern again with these flags.
                            return Ok(None);
                        }
                        Some((add, del)) => {
                            capture = false;
                            inner.flags = (inner.flags | add) & !del;
                            if add & TYPE_FLAGS != 0 {
                                inner.flags = (inner.flags & !TYPE_FLAGS) | add;
                            }
                            inner.verbose = (inner.verbose || add & flag::VERBOSE != 0)
                                && del & flag::VERBOSE == 0;
                        }
                    }
                }
                c => return syntax(format!("unknown extension ?{c}"), start + 1),
            }
        }
        let group = if capture {
            let number = self.group_count + 1;
            if let Some((n, name_pos)) = name {
                if let Some(old) = self.group_named(&n) {
                    return syntax(
                        format!(
                            "redefinition of group name '{n}' as group {number}; was group {old}"
                        ),
                        name_pos,
                    );
                }
                self.names.push((n, number));
            }
            self.group_count = number;
            self.group_widths.push(None);
            self.parents
                .push(self.open_groups.last().copied().unwrap_or(0));
            self.open_groups.push(number);
            Some(number)
        } else {
            None
        };
        let body = self.parse_alternation(inner, 1)?;
        if !self.eat(')') {
            return syntax("missing ), unterminated subpattern", start);
        }
        if group.is_some() {
            self.open_groups.pop();
        }
        Ok(Some(match group {
            Some(number) => {
                let width = body.width(&self.closed_widths());
                self.group_widths[number] = Some(width);
                Node::Group(number, Box::new(body))
            }
            None if atomic => Node::Atomic(Box::new(body)),
            None => Node::NonCapture(Box::new(body)),
        }))
    }

    /// Group widths with open groups as unbounded (they cannot be referred to anyway).
    fn closed_widths(&self) -> Vec<(u64, u64)> {
        self.group_widths
            .iter()
            .map(|w| w.unwrap_or((0, MAXREPEAT)))
            .collect()
    }

    fn group_named(&self, name: &str) -> Option<usize> {
        self.names.iter().find(|(n, _)| n == name).map(|&(_, g)| g)
    }

    /// A backreference to `group` is allowed here (`open_pos`: where CPython reports a
    /// reference to an open group).
    fn check_backref(&self, group: usize, open_pos: usize) -> PResult<()> {
        if self.group_widths.get(group).is_some_and(Option::is_none) {
            return syntax("cannot refer to an open group", open_pos);
        }
        if self.lookbehind_groups.is_some_and(|first| group >= first) {
            return syntax(
                "cannot refer to group defined in the same lookbehind subpattern",
                self.pos,
            );
        }
        Ok(())
    }

    /// A name up to `end` (consumed).
    fn read_name(&mut self, end: char) -> PResult<String> {
        let start = self.pos;
        let mut name = String::new();
        loop {
            match self.next() {
                None if name.is_empty() => return syntax("missing group name", start),
                None => return syntax(format!("missing {end}, unterminated name"), start),
                Some(c) if c == end => {
                    if name.is_empty() {
                        return syntax("missing group name", start);
                    }
                    return Ok(name);
                }
                Some(c) => name.push(c),
            }
        }
    }

    /// `(?=`, `(?!`, `(?<=`, `(?<!` after its first character `c`.
    fn parse_look(&mut self, c: char, scope: Scope, start: usize) -> PResult<Node> {
        let behind = c == '<';
        let negative = if behind {
            match self.next() {
                None => return syntax("unexpected end of pattern", self.pos),
                Some('=') => false,
                Some('!') => true,
                Some(c) => return syntax(format!("unknown extension ?<{c}"), start + 1),
            }
        } else {
            c == '!'
        };
        let saved = self.lookbehind_groups;
        if behind && saved.is_none() {
            self.lookbehind_groups = Some(self.group_count + 1);
        }
        let body = self.parse_alternation(scope, 1)?;
        self.lookbehind_groups = saved;
        if behind {
            let (lo, hi) = body.width(&self.closed_widths());
            self.variable_lookbehind |= lo != hi;
        }
        if !self.eat(')') {
            return syntax("missing ), unterminated subpattern", start);
        }
        Ok(Node::Look {
            behind,
            negative,
            node: Box::new(body),
        })
    }

    /// `(?(group)yes|no)` after `(?(`.
    fn parse_conditional(&mut self, scope: Scope, start: usize) -> PResult<Node> {
        let name_pos = self.pos;
        let name = self.read_name(')')?;
        let group = if is_identifier(&name) {
            match self.group_named(&name) {
                Some(g) => g,
                None => return syntax(format!("unknown group name '{name}'"), name_pos),
            }
        } else {
            let number = name
                .chars()
                .all(|c| c.is_ascii_digit())
                .then(|| name.parse::<usize>().ok())
                .flatten();
            match number {
                None => return syntax(format!("bad character in group name '{name}'"), name_pos),
                Some(0) => return syntax("bad group number", name_pos),
                Some(g) => {
                    self.cond_refs.push((g, name_pos));
                    g
                }
            }
        };
        let yes = self.parse_sequence(&mut scope.clone(), false)?;
        let no = if self.eat('|') {
            let no = self.parse_sequence(&mut scope.clone(), false)?;
            if self.peek() == Some('|') {
                return syntax("conditional backref with more than two branches", self.pos);
            }
            no
        } else {
            Node::Empty
        };
        if !self.eat(')') {
            return syntax("missing ), unterminated subpattern", start);
        }
        Ok(Node::Conditional {
            group,
            yes: Box::new(yes),
            no: Box::new(no),
        })
    }

    /// Inline flags after `(?`, `c` their first character. `None` for global flags
    /// `(?i)` (recorded in `self.flags`), else the flags the scoped group adds and removes.
    fn parse_flags(&mut self, mut c: char) -> PResult<Option<(u32, u32)>> {
        let mut add = 0;
        let mut del = 0;
        if c != '-' {
            loop {
                let f = flag_of(c);
                if c == 'L' {
                    return syntax(
                        "bad inline flags: cannot use 'L' flag with a str pattern",
                        self.pos,
                    );
                }
                add |= f;
                if f & TYPE_FLAGS != 0 && add & TYPE_FLAGS != f {
                    return syntax(
                        "bad inline flags: flags 'a', 'u' and 'L' are incompatible",
                        self.pos,
                    );
                }
                match self.next() {
                    None => return syntax("missing -, : or )", self.pos),
                    Some(n @ (')' | '-' | ':')) => {
                        c = n;
                        break;
                    }
                    Some(n) if FLAG_CHARS.contains(n) => c = n,
                    Some(n) => {
                        let msg = if n.is_alphabetic() {
                            "unknown flag"
                        } else {
                            "missing -, : or )"
                        };
                        return syntax(msg, self.pos - 1);
                    }
                }
            }
        }
        if c == ')' {
            self.flags |= add;
            return Ok(None);
        }
        if c == '-' {
            c = match self.next() {
                None => return syntax("missing flag", self.pos),
                Some(n) if FLAG_CHARS.contains(n) => n,
                Some(n) => {
                    let msg = if n.is_alphabetic() {
                        "unknown flag"
                    } else {
                        "missing flag"
                    };
                    return syntax(msg, self.pos - 1);
                }
            };
            loop {
                let f = flag_of(c);
                if f & TYPE_FLAGS != 0 {
                    return syntax(
                        "bad inline flags: cannot turn off flags 'a', 'u' and 'L'",
                        self.pos,
                    );
                }
                del |= f;
                match self.next() {
                    None => return syntax("missing :", self.pos),
                    Some(':') => break,
                    Some(n) if FLAG_CHARS.contains(n) => c = n,
                    Some(n) => {
                        let msg = if n.is_alphabetic() {
                            "unknown flag"
                        } else {
                            "missing :"
                        };
                        return syntax(msg, self.pos - 1);
                    }
                }
            }
        }
        if add & del != 0 {
            return syntax("bad inline flags: flag turned on and off", self.pos - 1);
        }
        Ok(Some((add, del)))
    }

    /// An escape outside a set; `start` is the position of the backslash.
    fn parse_escape(&mut self, scope: Scope, start: usize) -> PResult<Node> {
        let Some(c) = self.next() else {
            return syntax("bad escape (end of pattern)", start);
        };
        let category = |cat, negated| {
            Ok(Node::Category(CategoryItem {
                cat,
                negated,
                ascii: scope.ascii(),
            }))
        };
        match c {
            'A' => Ok(Node::Assert(Assertion::StartText)),
            'Z' => Ok(Node::Assert(Assertion::EndText)),
            'b' | 'B' => Ok(Node::Assert(Assertion::WordBoundary {
                negated: c == 'B',
                ascii: scope.ascii(),
            })),
            'd' | 'D' => category(Category::Digit, c == 'D'),
            's' | 'S' => category(Category::Space, c == 'S'),
            'w' | 'W' => category(Category::Word, c == 'W'),
            '0' => Ok(Node::Literal(self.octal_tail(0, 2), scope.fold())),
            '1'..='9' => {
                // Three octal digits are an octal escape; otherwise a group number.
                let octal = |c: Option<char>| c.is_some_and(|c| ('0'..='7').contains(&c));
                if octal(Some(c))
                    && octal(self.peek())
                    && octal(self.src.get(self.pos + 1).copied())
                {
                    let value = self.src[self.pos - 1..self.pos + 2]
                        .iter()
                        .fold(0u32, |v, d| v * 8 + d.to_digit(8).unwrap_or(0));
                    let text: String = self.src[start..self.pos + 2].iter().collect();
                    self.pos += 2;
                    if value > 0o377 {
                        return syntax(
                            format!("octal escape value {text} outside of range 0-0o377"),
                            start,
                        );
                    }
                    return Ok(Node::Literal(
                        char::from_u32(value).unwrap_or('\0'),
                        scope.fold(),
                    ));
                }
                let mut number = c.to_digit(10).unwrap_or(0) as usize;
                if let Some(d) = self.peek().and_then(|d| d.to_digit(10)) {
                    number = number * 10 + d as usize;
                    self.pos += 1;
                }
                if number > self.group_count {
                    return syntax(format!("invalid group reference {number}"), start + 1);
                }
                self.check_backref(number, start)?;
                Ok(Node::Backref(number, scope.fold()))
            }
            _ => self
                .char_escape(c, start)
                .map(|c| Node::Literal(c, scope.fold())),
        }
    }

    /// Up to `more` further octal digits after a first digit of value `value`.
    fn octal_tail(&mut self, mut value: u32, more: usize) -> char {
        for _ in 0..more {
            match self.peek().and_then(|d| d.to_digit(8)) {
                Some(d) => {
                    value = value * 8 + d;
                    self.pos += 1;
                }
                None => break,
            }
        }
        char::from_u32(value).unwrap_or('\0')
    }

    /// The character an escape `\c` stands for, where sets and the rest agree
    /// (`start`: position of the backslash).
    fn char_escape(&mut self, c: char, start: usize) -> PResult<char> {
        match c {
            'a' => Ok('\x07'),
            'f' => Ok('\x0c'),
            'n' => Ok('\n'),
            'r' => Ok('\r'),
            't' => Ok('\t'),
            'v' => Ok('\x0b'),
            'x' | 'u' | 'U' => {
                let len = match c {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let mut digits = String::new();
                while digits.len() < len {
                    match self.peek().filter(char::is_ascii_hexdigit) {
                        Some(d) => {
                            digits.push(d);
                            self.pos += 1;
                        }
                        None => break,
                    }
                }
                if digits.len() < len {
                    return syntax(format!("incomplete escape \\{c}{digits}"), start);
                }
                let value = u32::from_str_radix(&digits, 16).unwrap_or(u32::MAX);
                char::from_u32(value)
                    .map_or_else(|| syntax(format!("bad escape \\{c}{digits}"), start), Ok)
            }
            'N' => syntax("\\N{...} escapes are not supported by pyc's re", start),
            c if c.is_ascii_alphanumeric() => syntax(format!("bad escape \\{c}"), start),
            c => Ok(c),
        }
    }

    /// A `[...]` set; `start` is the position of the `[`.
    fn parse_class(&mut self, scope: Scope, start: usize) -> PResult<Node> {
        let negated = self.eat('^');
        let first = self.pos;
        let mut items = Vec::new();
        loop {
            let item_start = self.pos;
            let Some(c) = self.next() else {
                return syntax("unterminated character set", start);
            };
            if c == ']' && item_start != first {
                break;
            }
            let lo = self.class_atom(c, scope, item_start)?;
            if !self.eat('-') {
                items.push(lo);
                continue;
            }
            let hi_start = self.pos;
            let Some(c2) = self.next() else {
                return syntax("unterminated character set", start);
            };
            if c2 == ']' {
                items.push(lo);
                items.push(ClassItem::Char('-'));
                break;
            }
            let hi = self.class_atom(c2, scope, hi_start)?;
            let text = |a: usize, b: usize| -> String { self.src[a..b].iter().collect() };
            match (lo, hi) {
                (ClassItem::Char(a), ClassItem::Char(b)) if a <= b => {
                    items.push(ClassItem::Range(a, b))
                }
                _ => {
                    return syntax(
                        format!(
                            "bad character range {}-{}",
                            text(item_start, hi_start - 1),
                            text(hi_start, self.pos)
                        ),
                        item_start,
                    )
                }
            }
        }
        Ok(Node::Class {
            negated,
            items,
            fold: scope.fold(),
        })
    }

    /// One character or category of a set, its first character `c` already read.
    fn class_atom(&mut self, c: char, scope: Scope, start: usize) -> PResult<ClassItem> {
        if c != '\\' {
            return Ok(ClassItem::Char(c));
        }
        let Some(e) = self.next() else {
            return syntax("bad escape (end of pattern)", start);
        };
        let category = |cat, negated| {
            Ok(ClassItem::Category(CategoryItem {
                cat,
                negated,
                ascii: scope.ascii(),
            }))
        };
        match e {
            'd' | 'D' => category(Category::Digit, e == 'D'),
            's' | 'S' => category(Category::Space, e == 'S'),
            'w' | 'W' => category(Category::Word, e == 'W'),
            'b' => Ok(ClassItem::Char('\x08')),
            '0'..='7' => {
                let v = e.to_digit(8).unwrap_or(0);
                let c = self.octal_tail(v, 2);
                if c as u32 > 0o377 {
                    let text: String = self.src[start..self.pos].iter().collect();
                    return syntax(
                        format!("octal escape value {text} outside of range 0-0o377"),
                        start,
                    );
                }
                Ok(ClassItem::Char(c))
            }
            _ => self.char_escape(e, start).map(ClassItem::Char),
        }
    }
}

/// A repeat count, refused past CPython's limit.
fn repeat_count(digits: &str) -> PResult<u64> {
    match digits.parse::<u64>() {
        Ok(n) if n < MAXREPEAT => Ok(n),
        _ => Err(PatternError::Overflow(
            "the repetition number is too large".into(),
        )),
    }
}
