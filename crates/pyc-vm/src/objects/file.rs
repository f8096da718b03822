//! File objects (`_io.TextIOWrapper`, `_io.BufferedReader`/`Writer`/`Random`,
//! `_io.StringIO`, `_io.BytesIO`, and `sys.stdin`/`stdout`/`stderr`): one object kind
//! over a [`Backend`] that moves bytes, with text decoding and newline translation on
//! top. The Python-facing methods and `open()` live in [`super::file_methods`].
//!
//! Reading goes through a read-ahead buffer (8 KiB at a time from disk, a line at a time
//! from standard input); writing goes straight to the operating system (standard output
//! through the VM's buffered output), so nothing is lost when a file is never closed.

use std::io::{BufRead, Read, Seek, SeekFrom, Write};

use crate::value::Value;

/// Which Python class a file object is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A text file (`open(..., 'r')`, the standard streams).
    Text,
    /// A binary file opened for reading only.
    Reader,
    /// A binary file opened for writing or appending only.
    Writer,
    /// A binary file opened for reading and writing.
    Random,
    /// `io.StringIO`.
    StringIO,
    /// `io.BytesIO`.
    BytesIO,
}

/// Where the bytes go and come from.
pub enum Backend {
    /// A file on disk.
    Disk(std::fs::File),
    /// The process's standard input.
    Stdin,
    /// The VM's standard output.
    Stdout,
    /// The process's standard error.
    Stderr,
    /// Memory (`StringIO` holds UTF-8 text, `BytesIO` bytes).
    Memory(Vec<u8>),
}

/// How a text file translates line endings (`open`'s `newline`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Newline {
    /// `None`: reading turns `\r\n` and `\r` into `\n`; writing writes `\n` as is.
    Universal,
    /// `''`: no translation either way.
    Untranslated,
    /// `'\n'`, `'\r'` or `'\r\n'`: lines end there; writing turns `\n` into it.
    Fixed(&'static str),
}

/// A file object.
pub struct FileObj {
    /// Its class.
    pub kind: FileKind,
    /// Where its bytes live.
    pub backend: Backend,
    /// Whether reading is allowed.
    pub readable: bool,
    /// Whether writing is allowed.
    pub writable: bool,
    /// Whether writes always go to the end (`'a'` modes).
    pub append: bool,
    /// Whether `close()` ran.
    pub closed: bool,
    /// `name`: the path or file descriptor given to `open` (`Null` for memory files).
    pub name: Value,
    /// `mode` as given to `open` (empty for memory files).
    pub mode: Box<str>,
    /// The text encoding (text files only) as `encoding` shows it.
    pub encoding: Box<str>,
    /// The decoding and encoding error handler.
    pub errors: Box<str>,
    /// Newline handling (text files only).
    pub newline: Newline,
    /// Bytes read ahead from the backend and not yet consumed (disk and stdin).
    pub pending: Vec<u8>,
    /// How much of `pending` was consumed.
    pub consumed: usize,
    /// The position in a memory file, in bytes.
    pub pos: usize,
}

impl FileObj {
    /// A file object with nothing read yet.
    pub fn new(kind: FileKind, backend: Backend, name: Value, mode: &str) -> FileObj {
        FileObj {
            kind,
            backend,
            readable: false,
            writable: false,
            append: false,
            closed: false,
            name,
            mode: mode.into(),
            encoding: "utf-8".into(),
            errors: "strict".into(),
            newline: Newline::Universal,
            pending: Vec::new(),
            consumed: 0,
            pos: 0,
        }
    }

    /// Whether the object holds text (`str` goes in and out).
    pub fn is_text(&self) -> bool {
        matches!(self.kind, FileKind::Text | FileKind::StringIO)
    }

    /// The bytes not yet consumed from the read-ahead buffer.
    fn unread(&self) -> &[u8] {
        &self.pending[self.consumed..]
    }

    /// Drops the read-ahead buffer, moving a disk file back to the logical position.
    pub fn drop_read_ahead(&mut self) -> std::io::Result<()> {
        let back = self.unread().len() as i64;
        self.pending.clear();
        self.consumed = 0;
        if let (Backend::Disk(f), true) = (&mut self.backend, back > 0) {
            f.seek(SeekFrom::Current(-back))?;
        }
        Ok(())
    }

    /// Reads everything left: the rest of the file, memory or standard input.
    pub fn read_all(&mut self) -> std::io::Result<Vec<u8>> {
        let mut out = self.unread().to_vec();
        self.pending.clear();
        self.consumed = 0;
        match &mut self.backend {
            Backend::Disk(f) => {
                f.read_to_end(&mut out)?;
            }
            Backend::Stdin => {
                std::io::stdin().lock().read_to_end(&mut out)?;
            }
            Backend::Memory(data) => {
                out.extend_from_slice(&data[self.pos.min(data.len())..]);
                self.pos = data.len().max(self.pos);
            }
            Backend::Stdout | Backend::Stderr => {}
        }
        Ok(out)
    }

    /// Reads up to `n` bytes.
    pub fn read_bytes(&mut self, n: usize) -> std::io::Result<Vec<u8>> {
        if let Backend::Memory(data) = &self.backend {
            let start = self.pos.min(data.len());
            let end = start.saturating_add(n).min(data.len());
            self.pos = end.max(self.pos);
            return Ok(data[start..end].to_vec());
        }
        while self.unread().len() < n && self.fill()? {}
        let take = n.min(self.unread().len());
        let out = self.unread()[..take].to_vec();
        self.consumed += take;
        Ok(out)
    }

    /// Reads one line of bytes, ending after `end` (any of `\n`, `\r\n` and `\r` when
    /// `None`) or at the end of the data; at most `limit` bytes when given.
    pub fn read_line_bytes(
        &mut self,
        end: Option<&[u8]>,
        limit: Option<usize>,
    ) -> std::io::Result<Vec<u8>> {
        if let Backend::Memory(data) = &self.backend {
            let start = self.pos.min(data.len());
            let rest = &data[start..];
            let mut stop = line_end(rest, end, true).unwrap_or(rest.len());
            if let Some(limit) = limit {
                stop = stop.min(limit);
            }
            self.pos = start + stop;
            return Ok(rest[..stop].to_vec());
        }
        loop {
            let found = line_end(self.unread(), end, false);
            let enough = limit.is_some_and(|l| self.unread().len() >= l);
            if found.is_some() || enough || !self.fill()? {
                let found = found.or_else(|| line_end(self.unread(), end, true));
                let mut stop = found.unwrap_or(self.unread().len());
                if let Some(limit) = limit {
                    stop = stop.min(limit);
                }
                let out = self.unread()[..stop].to_vec();
                self.consumed += stop;
                return Ok(out);
            }
        }
    }

    /// Reads more of a disk file or standard input into the read-ahead buffer; `false`
    /// at the end.
    fn fill(&mut self) -> std::io::Result<bool> {
        if self.consumed > 0 {
            self.pending.drain(..self.consumed);
            self.consumed = 0;
        }
        match &mut self.backend {
            Backend::Disk(f) => {
                let mut chunk = [0u8; 8192];
                let n = f.read(&mut chunk)?;
                self.pending.extend_from_slice(&chunk[..n]);
                Ok(n > 0)
            }
            Backend::Stdin => {
                // A line at a time, so that `input()` never waits for more than a line.
                let n = std::io::stdin()
                    .lock()
                    .read_until(b'\n', &mut self.pending)?;
                Ok(n > 0)
            }
            _ => Ok(false),
        }
    }

    /// Writes bytes at the current position (at the end in append mode).
    pub fn write_bytes(&mut self, data: &[u8], out: &mut dyn Write) -> std::io::Result<()> {
        self.drop_read_ahead()?;
        match &mut self.backend {
            Backend::Disk(f) => f.write_all(data),
            Backend::Stdout => out.write_all(data),
            Backend::Stderr => {
                let mut err = std::io::stderr().lock();
                err.write_all(data)?;
                err.flush()
            }
            Backend::Memory(buf) => {
                if self.append {
                    self.pos = buf.len();
                }
                if buf.len() < self.pos {
                    buf.resize(self.pos, 0);
                }
                let end = self.pos + data.len();
                let overlap = end.min(buf.len());
                buf.splice(self.pos..overlap, data.iter().copied());
                self.pos = end;
                Ok(())
            }
            Backend::Stdin => Ok(()),
        }
    }

    /// Moves to `offset` from `whence` (0 start, 1 current, 2 end); the new position.
    pub fn seek(&mut self, offset: i64, whence: u32) -> std::io::Result<u64> {
        let logical = self.tell()?;
        self.drop_read_ahead()?;
        match &mut self.backend {
            Backend::Disk(f) => {
                let to = match whence {
                    0 => SeekFrom::Start(offset.max(0) as u64),
                    1 => SeekFrom::Start((logical as i64 + offset).max(0) as u64),
                    _ => SeekFrom::End(offset),
                };
                f.seek(to)
            }
            Backend::Memory(buf) => {
                let base = match whence {
                    0 => 0,
                    1 => self.pos as i64,
                    _ => buf.len() as i64,
                };
                self.pos = (base + offset).max(0) as usize;
                Ok(self.pos as u64)
            }
            _ => Err(std::io::Error::from_raw_os_error(29)),
        }
    }

    /// The current position, in bytes.
    pub fn tell(&mut self) -> std::io::Result<u64> {
        let unread = self.unread().len() as u64;
        match &mut self.backend {
            Backend::Disk(f) => Ok(f.stream_position()? - unread),
            Backend::Memory(_) => Ok(self.pos as u64),
            _ => Err(std::io::Error::from_raw_os_error(29)),
        }
    }

    /// Flushes what the backend buffers.
    pub fn flush(&mut self, out: &mut dyn Write) -> std::io::Result<()> {
        match &mut self.backend {
            Backend::Disk(f) => f.flush(),
            Backend::Stdout => out.flush(),
            _ => Ok(()),
        }
    }

    /// The line terminator reading looks for, as bytes; `None` for any of `\n`, `\r\n`
    /// and `\r` (text files with universal newlines).
    pub fn line_terminator(&self) -> Option<&'static [u8]> {
        match (&self.newline, self.is_text()) {
            (_, false) => Some(b"\n"),
            (Newline::Fixed(s), true) => Some(s.as_bytes()),
            _ => None,
        }
    }
}

/// The length of the first line of `data` including its terminator (see
/// [`FileObj::read_line_bytes`]); `None` when there is none yet. A `\r` at the very end
/// ends a line only `at_eof` (else a `\n` may follow).
fn line_end(data: &[u8], end: Option<&[u8]>, at_eof: bool) -> Option<usize> {
    let Some(end) = end else {
        let i = data.iter().position(|&b| b == b'\n' || b == b'\r')?;
        return match (data[i], data.get(i + 1)) {
            (b'\n', _) => Some(i + 1),
            (_, Some(b'\n')) => Some(i + 2),
            (_, Some(_)) => Some(i + 1),
            (_, None) => at_eof.then_some(i + 1),
        };
    };
    data.windows(end.len())
        .position(|w| w == end)
        .map(|i| i + end.len())
}

/// Reading's newline translation of a text file's decoded text.
pub fn translate_read(text: String, newline: &Newline) -> String {
    match newline {
        Newline::Universal if text.contains('\r') => text.replace("\r\n", "\n").replace('\r', "\n"),
        _ => text,
    }
}

/// Writing's newline translation.
pub fn translate_write<'t>(text: &'t str, newline: &Newline) -> std::borrow::Cow<'t, str> {
    match newline {
        Newline::Fixed(end) if *end != "\n" && text.contains('\n') => {
            text.replace('\n', end).into()
        }
        _ => text.into(),
    }
}
