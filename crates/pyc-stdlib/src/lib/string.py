"""String constants, capwords(), and Template's `$`-substitution."""

__all__ = ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'capwords', 'digits',
           'hexdigits', 'octdigits', 'printable', 'punctuation', 'whitespace',
           'Template']

whitespace = ' \t\n\r\x0b\x0c'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Split on `sep`, capitalize each word, join with `sep` (a space by default)."""
    return (sep or ' ').join(word.capitalize() for word in s.split(sep))


_ID_START = set('_' + ascii_letters)
_ID_REST = _ID_START | set(digits)


class Template:
    """A string with `$name` or `${name}` placeholders (`$$` is a literal `$`)."""

    delimiter = '$'

    def __init__(self, template):
        self.template = template

    def _identifier_at(self, i):
        """The end of the identifier starting at `i` (`i` itself if none does)."""
        text = self.template
        if i < len(text) and text[i] in _ID_START:
            i += 1
            while i < len(text) and text[i] in _ID_REST:
                i += 1
        return i

    def _pieces(self):
        """`(kind, text, start)` for each part: kind 'text', 'name' or 'invalid'."""
        text = self.template
        delim = self.delimiter
        pieces = []
        literal_start = 0
        i = 0
        while True:
            i = text.find(delim, i)
            if i < 0:
                break
            pieces.append(('text', text[literal_start:i], literal_start))
            after = i + len(delim)
            if text.startswith(delim, after):
                pieces.append(('text', delim, i))
                i = literal_start = after + len(delim)
                continue
            if text.startswith('{', after):
                end = self._identifier_at(after + 1)
                if end > after + 1 and text.startswith('}', end):
                    pieces.append(('name', text[after + 1:end], i))
                    i = literal_start = end + 1
                    continue
            else:
                end = self._identifier_at(after)
                if end > after:
                    pieces.append(('name', text[after:end], i))
                    i = literal_start = end
                    continue
            pieces.append(('invalid', delim, i))
            i = literal_start = after
        pieces.append(('text', text[literal_start:], literal_start))
        return pieces

    def _invalid(self, i):
        lines = self.template[:i].splitlines(True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d'
                         % (lineno, colno))

    def _mapping(self, mapping, kws):
        if mapping is None:
            return kws
        if kws:
            merged = dict(mapping)
            merged.update(kws)
            return merged
        return mapping

    def substitute(self, mapping=None, /, **kws):
        """The text with every placeholder replaced; KeyError for a missing name,
        ValueError for a lone delimiter."""
        mapping = self._mapping(mapping, kws)
        result = []
        for kind, text, start in self._pieces():
            if kind == 'text':
                result.append(text)
            elif kind == 'name':
                result.append('%s' % (mapping[text],))
            else:
                self._invalid(start + len(self.delimiter))
        return ''.join(result)

    def safe_substitute(self, mapping=None, /, **kws):
        """As substitute(), leaving missing names and lone delimiters as they are."""
        mapping = self._mapping(mapping, kws)
        result = []
        template = self.template
        for kind, text, start in self._pieces():
            if kind == 'name':
                try:
                    result.append('%s' % (mapping[text],))
                except KeyError:
                    braced = template.startswith('{', start + len(self.delimiter))
                    result.append(self.delimiter + ('{%s}' % text if braced else text))
            else:
                result.append(text)
        return ''.join(result)

    def is_valid(self):
        """Whether the template has no lone delimiter."""
        return all(kind != 'invalid' for kind, _, _ in self._pieces())

    def get_identifiers(self):
        """The placeholder names, each once, in order."""
        ids = []
        for kind, text, start in self._pieces():
            if kind == 'invalid':
                self._invalid(start + len(self.delimiter))
            if kind == 'name' and text not in ids:
                ids.append(text)
        return ids
