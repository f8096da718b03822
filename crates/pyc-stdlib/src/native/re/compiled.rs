//! Compiled patterns: the fancy-regex programs for a Python pattern, kept in a cache keyed
//! by pattern and flags, and the searches Python's `re` makes with them (positions in
//! characters, `pos`/`endpos` as Python reads them, empty matches as Python iterates them).

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use fancy_regex::{Regex, RegexBuilder, RegexInput};

use super::emit::emit;
use super::parse::{parse, PatternError};

/// How many compiled patterns the cache keeps before it starts afresh (CPython's
/// `_MAXCACHE`).
const MAX_CACHE: usize = 512;

/// Backtracking steps allowed per search before fancy-regex gives up.
const BACKTRACK_LIMIT: usize = 100_000_000;

/// A compiled pattern.
pub(crate) struct Compiled {
    /// The translated pattern.
    source: String,
    regex: Regex,
    /// `(?:pattern)\z`, for `fullmatch` (built on first use).
    full: OnceCell<Option<Regex>>,
    /// The pattern refusing empty matches, for the search right after an empty match.
    not_empty: OnceCell<Option<Regex>>,
    pub groups: usize,
    pub names: Vec<(String, usize)>,
    pub parents: Vec<usize>,
    pub flags: u32,
}

thread_local! {
    static CACHE: RefCell<HashMap<(String, u32), Rc<Compiled>>> = RefCell::new(HashMap::new());
}

/// The compiled form of `pattern` under `flags`, from the cache or compiled now.
pub(crate) fn compiled(pattern: &str, flags: u32) -> Result<Rc<Compiled>, PatternError> {
    let key = (pattern.to_string(), flags);
    if let Some(c) = CACHE.with(|c| c.borrow().get(&key).cloned()) {
        return Ok(c);
    }
    let parsed = parse(pattern, flags)?;
    let source = emit(&parsed.node);
    let regex = build(&source, false).map_err(|e| {
        PatternError::Syntax(
            format!("pattern not supported by pyc's re engine: {e}"),
            None,
        )
    })?;
    let c = Rc::new(Compiled {
        source,
        regex,
        full: OnceCell::new(),
        not_empty: OnceCell::new(),
        groups: parsed.groups,
        names: parsed.names,
        parents: parsed.parents,
        flags: parsed.flags,
    });
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.len() >= MAX_CACHE {
            cache.clear();
        }
        cache.insert(key, c.clone());
    });
    Ok(c)
}

/// Empties the cache (`re.purge`).
pub(crate) fn purge() {
    CACHE.with(|c| c.borrow_mut().clear());
}

fn build(source: &str, not_empty: bool) -> Result<Regex, fancy_regex::Error> {
    RegexBuilder::new(source)
        .backtrack_limit(BACKTRACK_LIMIT)
        .find_not_empty(not_empty)
        .build()
}

/// What a search asks for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// The first match at or after `pos`.
    Search,
    /// A match starting at `pos`.
    Match,
    /// A match from `pos` to `endpos`.
    FullMatch,
}

/// Group spans in characters: `[start0, end0, start1, end1, ...]`, -1 for a group that
/// did not take part.
pub(crate) type Spans = Vec<i64>;

/// A string prepared for searching: char offsets ↔ byte offsets.
pub(crate) struct Text<'a> {
    pub text: &'a str,
    /// Byte offset of each char (and of the end), unless the text is ASCII.
    offsets: Option<Vec<usize>>,
}

impl<'a> Text<'a> {
    pub(crate) fn new(text: &'a str) -> Text<'a> {
        let offsets = (!text.is_ascii()).then(|| {
            text.char_indices()
                .map(|(i, _)| i)
                .chain(std::iter::once(text.len()))
                .collect()
        });
        Text { text, offsets }
    }

    /// Length in characters.
    pub(crate) fn len(&self) -> usize {
        self.offsets
            .as_ref()
            .map_or(self.text.len(), |o| o.len() - 1)
    }

    pub(crate) fn byte(&self, char_pos: usize) -> usize {
        self.offsets.as_ref().map_or(char_pos, |o| o[char_pos])
    }

    pub(crate) fn char(&self, byte_pos: usize) -> usize {
        self.offsets.as_ref().map_or(byte_pos, |o| {
            o.binary_search(&byte_pos).unwrap_or_else(|i| i)
        })
    }
}

impl Compiled {
    /// One search of `text` between the character positions `pos` and `endpos`
    /// (already within bounds, `pos <= endpos`). `not_empty_at_pos`: an empty match at
    /// `pos` does not count (the search after an empty match).
    pub(crate) fn search(
        &self,
        text: &Text,
        pos: usize,
        endpos: usize,
        mode: Mode,
        not_empty_at_pos: bool,
    ) -> Result<Option<Spans>, fancy_regex::Error> {
        let hay = &text.text[..text.byte(endpos)];
        let start = text.byte(pos);
        if not_empty_at_pos {
            // CPython first tries a non-empty match at `pos`, then searches on from the
            // next character.
            if let Some(re) = self.not_empty_regex() {
                let found =
                    re.captures_input(RegexInput::new(hay).from_pos(start).anchored(true))?;
                if let Some(caps) = found {
                    return Ok(Some(self.spans(text, &caps)));
                }
            }
            if mode != Mode::Search || pos >= endpos {
                return Ok(None);
            }
            return self.search(text, pos + 1, endpos, mode, false);
        }
        let regex = match mode {
            Mode::FullMatch => match self.full_regex() {
                Some(re) => re,
                None => return Ok(None),
            },
            _ => &self.regex,
        };
        let input = RegexInput::new(hay)
            .from_pos(start)
            .anchored(mode != Mode::Search);
        Ok(regex
            .captures_input(input)?
            .map(|caps| self.spans(text, &caps)))
    }

    fn spans(&self, text: &Text, caps: &fancy_regex::Captures<'_, str>) -> Spans {
        let mut spans = Vec::with_capacity(2 * (self.groups + 1));
        for g in 0..=self.groups {
            match caps.get(g) {
                Some(m) => {
                    spans.push(text.char(m.start()) as i64);
                    spans.push(text.char(m.end()) as i64);
                }
                None => spans.extend([-1, -1]),
            }
        }
        spans
    }

    fn full_regex(&self) -> Option<&Regex> {
        self.full
            .get_or_init(|| build(&format!(r"(?:{})\z", self.source), false).ok())
            .as_ref()
    }

    fn not_empty_regex(&self) -> Option<&Regex> {
        self.not_empty
            .get_or_init(|| build(&self.source, true).ok())
            .as_ref()
    }

    /// The successive matches of a `finditer` over `pos..endpos`, at most `limit` of
    /// them (0: all): after an empty match the next may not be empty at the same place.
    pub(crate) fn scan(
        &self,
        text: &Text,
        pos: usize,
        endpos: usize,
        limit: usize,
    ) -> Result<Vec<Spans>, fancy_regex::Error> {
        let mut found = Vec::new();
        let mut at = pos;
        let mut after_empty = false;
        while at <= endpos && (limit == 0 || found.len() < limit) {
            let Some(spans) = self.search(text, at, endpos, Mode::Search, after_empty)? else {
                break;
            };
            let (start, end) = (spans[0] as usize, spans[1] as usize);
            after_empty = start == end;
            at = end;
            found.push(spans);
        }
        Ok(found)
    }
}
