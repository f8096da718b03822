//! Turning byte offsets into lines and columns, only when something must be shown.

/// Line starts of one source text, for offset to line/column conversion.
#[derive(Clone, Debug)]
pub struct LineIndex {
    /// Byte offset where each line starts; `line_starts[0] == 0`.
    line_starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the line starts of `source`.
    pub fn new(source: &str) -> LineIndex {
        let mut line_starts = vec![0];
        line_starts.extend(
            source
                .bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { line_starts }
    }

    /// The 1-based line number holding byte `offset`.
    pub fn line(&self, offset: u32) -> u32 {
        let offset = offset as usize;
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }

    /// The 1-based line and 0-based column (in bytes, as CPython's AST keeps columns)
    /// of byte `offset`.
    pub fn line_byte_col(&self, offset: u32) -> (u32, u32) {
        let line = self.line(offset);
        let start = self.line_starts[line as usize - 1];
        (line, (offset as usize).saturating_sub(start) as u32)
    }

    /// The 1-based line and 0-based column (in characters) of byte `offset` in `source`.
    pub fn line_col(&self, source: &str, offset: u32) -> (u32, u32) {
        let line = self.line(offset);
        let start = self.line_starts[line as usize - 1];
        let end = (offset as usize).min(source.len());
        let col = source.get(start..end).map_or(0, |s| s.chars().count());
        (line, col as u32)
    }

    /// The text of 1-based `line` without its line ending ("" past the end).
    pub fn line_text<'s>(&self, source: &'s str, line: u32) -> &'s str {
        let Some(&start) = self.line_starts.get(line as usize - 1) else {
            return "";
        };
        let end = self
            .line_starts
            .get(line as usize)
            .copied()
            .unwrap_or(source.len());
        source
            .get(start..end)
            .unwrap_or("")
            .trim_end_matches(['\n', '\r'])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_map_to_lines_and_columns() {
        let src = "a = 1\nbé = 2\n";
        let idx = LineIndex::new(src);
        assert_eq!(idx.line_col(src, 0), (1, 0));
        assert_eq!(idx.line_col(src, 6), (2, 0));
        assert_eq!(idx.line_col(src, 9), (2, 2));
        assert_eq!(idx.line_byte_col(9), (2, 3));
        assert_eq!(idx.line_text(src, 2), "bé = 2");
        assert_eq!(idx.line_text(src, 9), "");
    }
}
