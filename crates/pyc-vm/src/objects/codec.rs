//! Text encodings: `str.encode`, `bytes.decode`, `str(b, encoding)` and files. UTF-8,
//! ASCII and Latin-1, with the error handlers `strict`, `ignore`, `replace`,
//! `backslashreplace` (and `xmlcharrefreplace` when encoding), raising
//! `UnicodeEncodeError`/`UnicodeDecodeError` with CPython's messages.

use crate::exceptions::ExcKind;
use crate::vm::Vm;
use crate::PyResult;

/// An encoding pyc knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Encoding {
    /// UTF-8.
    Utf8,
    /// 7-bit ASCII.
    Ascii,
    /// ISO-8859-1: each byte is the code point of the same number.
    Latin1,
}

impl Encoding {
    /// The encoding an encoding name means, normalised as Python's codec registry does
    /// (case, `-` and spaces ignored), or `None` for one pyc does not know.
    pub(crate) fn lookup(name: &str) -> Option<Encoding> {
        let norm: String = name
            .trim()
            .chars()
            .map(|c| match c {
                '-' | ' ' => '_',
                c => c.to_ascii_lowercase(),
            })
            .collect();
        match norm.as_str() {
            "utf_8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8_ucs2" | "utf8_ucs4" => {
                Some(Encoding::Utf8)
            }
            "ascii" | "us_ascii" | "646" | "us" | "ansi_x3.4_1968" | "iso646_us" => {
                Some(Encoding::Ascii)
            }
            "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859"
            | "cp819" | "iso_ir_100" => Some(Encoding::Latin1),
            _ => None,
        }
    }

    /// The codec's name in error messages.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Ascii => "ascii",
            Encoding::Latin1 => "latin-1",
        }
    }

    /// The first code point this encoding cannot represent (none for UTF-8).
    fn limit(self) -> u32 {
        match self {
            Encoding::Utf8 => 0x11_0000,
            Encoding::Ascii => 0x80,
            Encoding::Latin1 => 0x100,
        }
    }
}

impl Vm {
    /// The encoding named `name`, or `LookupError: unknown encoding: NAME`.
    pub(crate) fn encoding(&mut self, name: &str) -> PyResult<Encoding> {
        Encoding::lookup(name)
            .ok_or_else(|| self.err(ExcKind::LookupError, format!("unknown encoding: {name}")))
    }

    /// `LookupError: unknown error handler name 'NAME'`.
    fn unknown_handler(&mut self, errors: &str) -> crate::value::ObjRef {
        self.err(
            ExcKind::LookupError,
            format!("unknown error handler name '{errors}'"),
        )
    }

    /// `text.encode(encoding, errors)`.
    pub(crate) fn encode_text(
        &mut self,
        text: &str,
        encoding: &str,
        errors: &str,
    ) -> PyResult<Vec<u8>> {
        let enc = self.encoding(encoding)?;
        if enc == Encoding::Utf8 {
            return Ok(text.as_bytes().to_vec());
        }
        let limit = enc.limit();
        if text.chars().all(|c| u32::from(c) < limit) {
            return Ok(text.chars().map(|c| u32::from(c) as u8).collect());
        }
        let chars: Vec<char> = text.chars().collect();
        let mut out = Vec::with_capacity(chars.len());
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if u32::from(c) < limit {
                out.push(u32::from(c) as u8);
                i += 1;
                continue;
            }
            let end = i + chars[i..]
                .iter()
                .take_while(|&&c| u32::from(c) >= limit)
                .count();
            match errors {
                "strict" => {
                    let object = self.new_str(text);
                    let reason = format!("ordinal not in range({limit})");
                    return Err(self.unicode_error(
                        ExcKind::UnicodeEncodeError,
                        enc.name(),
                        object,
                        (i, end),
                        &reason,
                    ));
                }
                "ignore" => {}
                "replace" => out.extend(std::iter::repeat_n(b'?', end - i)),
                "backslashreplace" => {
                    for &c in &chars[i..end] {
                        out.extend(char_escape(c).bytes());
                    }
                }
                "xmlcharrefreplace" => {
                    for &c in &chars[i..end] {
                        out.extend(format!("&#{};", u32::from(c)).bytes());
                    }
                }
                _ => return Err(self.unknown_handler(errors)),
            }
            i = end;
        }
        Ok(out)
    }

    /// `data.decode(encoding, errors)`.
    pub(crate) fn decode_bytes(
        &mut self,
        data: &[u8],
        encoding: &str,
        errors: &str,
    ) -> PyResult<String> {
        let enc = self.encoding(encoding)?;
        match enc {
            Encoding::Latin1 => Ok(data.iter().map(|&b| char::from(b)).collect()),
            Encoding::Ascii => {
                let mut out = String::with_capacity(data.len());
                for (i, &b) in data.iter().enumerate() {
                    if b < 0x80 {
                        out.push(char::from(b));
                    } else {
                        self.decode_failure(
                            enc,
                            data,
                            (i, i + 1),
                            "ordinal not in range(128)",
                            errors,
                            &mut out,
                        )?;
                    }
                }
                Ok(out)
            }
            Encoding::Utf8 => {
                let mut out = String::with_capacity(data.len());
                let mut rest = 0;
                loop {
                    match std::str::from_utf8(&data[rest..]) {
                        Ok(s) => {
                            out.push_str(s);
                            return Ok(out);
                        }
                        Err(e) => {
                            let good = rest + e.valid_up_to();
                            out.push_str(
                                std::str::from_utf8(&data[rest..good]).expect("validated prefix"),
                            );
                            let (end, reason) = match e.error_len() {
                                None => (data.len(), "unexpected end of data"),
                                Some(n) if n == 1 && !is_utf8_lead(data[good]) => {
                                    (good + 1, "invalid start byte")
                                }
                                Some(n) => (good + n, "invalid continuation byte"),
                            };
                            self.decode_failure(enc, data, (good, end), reason, errors, &mut out)?;
                            rest = end;
                        }
                    }
                }
            }
        }
    }

    /// Applies the error handler `errors` to undecodable `data[range]`.
    fn decode_failure(
        &mut self,
        enc: Encoding,
        data: &[u8],
        (start, end): (usize, usize),
        reason: &str,
        errors: &str,
        out: &mut String,
    ) -> PyResult<()> {
        match errors {
            "strict" => {
                let object = self.new_bytes(data);
                Err(self.unicode_error(
                    ExcKind::UnicodeDecodeError,
                    enc.name(),
                    object,
                    (start, end),
                    reason,
                ))
            }
            "ignore" => Ok(()),
            "replace" => {
                out.push('\u{fffd}');
                Ok(())
            }
            "backslashreplace" => {
                for &b in &data[start..end] {
                    out.push_str(&format!("\\x{b:02x}"));
                }
                Ok(())
            }
            _ => Err(self.unknown_handler(errors)),
        }
    }
}

/// Whether `b` can start a UTF-8 sequence of more than one byte.
fn is_utf8_lead(b: u8) -> bool {
    (0xc2..=0xf4).contains(&b)
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN` for a character, as the unicode errors show it.
pub(crate) fn char_escape(c: char) -> String {
    let n = u32::from(c);
    if n <= 0xff {
        format!("\\x{n:02x}")
    } else if n <= 0xffff {
        format!("\\u{n:04x}")
    } else {
        format!("\\U{n:08x}")
    }
}
