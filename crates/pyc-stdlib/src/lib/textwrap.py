"""Text wrapping and filling (pyc's own implementation of the common part of
CPython's `textwrap`: dedent, indent, wrap, fill, shorten)."""

__all__ = ['TextWrapper', 'wrap', 'fill', 'dedent', 'indent', 'shorten']

_whitespace = '\t\n\x0b\x0c\r '


def _leading_blanks(line):
    n = 0
    while n < len(line) and line[n] in ' \t':
        n += 1
    return line[:n]


def dedent(text):
    """Removes the longest common leading whitespace of every non-blank line; lines of
    only whitespace become empty."""
    lines = text.split('\n')
    margin = None
    for line in lines:
        if not line.strip(' \t'):
            continue
        indent = _leading_blanks(line)
        if margin is None:
            margin = indent
        elif indent.startswith(margin):
            pass
        elif margin.startswith(indent):
            margin = indent
        else:
            common = 0
            while common < min(len(margin), len(indent)) and margin[common] == indent[common]:
                common += 1
            margin = margin[:common]
    out = []
    for line in lines:
        if not line.strip(' \t'):
            out.append('')
        elif margin:
            out.append(line[len(margin):])
        else:
            out.append(line)
    return '\n'.join(out)


def indent(text, prefix, predicate=None):
    """Adds `prefix` to the lines for which `predicate` holds (default: not blank)."""
    if predicate is None:
        def predicate(line):
            return line.strip()
    return ''.join(prefix + line if predicate(line) else line
                   for line in text.splitlines(True))


class TextWrapper:
    """Wraps paragraphs to a width, breaking at whitespace (and long words)."""

    def __init__(self, width=70, initial_indent="", subsequent_indent="",
                 expand_tabs=True, replace_whitespace=True, fix_sentence_endings=False,
                 break_long_words=True, drop_whitespace=True, break_on_hyphens=True,
                 tabsize=8, *, max_lines=None, placeholder=' [...]'):
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent
        self.expand_tabs = expand_tabs
        self.replace_whitespace = replace_whitespace
        self.fix_sentence_endings = fix_sentence_endings
        self.break_long_words = break_long_words
        self.drop_whitespace = drop_whitespace
        self.break_on_hyphens = break_on_hyphens
        self.tabsize = tabsize
        self.max_lines = max_lines
        self.placeholder = placeholder

    def _split(self, text):
        """Words and runs of whitespace, in order."""
        chunks = []
        current = ''
        for ch in text:
            if (ch in _whitespace) != (current[-1:] in _whitespace if current else ch in _whitespace):
                if current:
                    chunks.append(current)
                current = ch
            else:
                current += ch
        if current:
            chunks.append(current)
        return chunks

    def _munge_whitespace(self, text):
        if self.expand_tabs:
            text = text.expandtabs(self.tabsize)
        if self.replace_whitespace:
            for ch in _whitespace:
                text = text.replace(ch, ' ')
        return text

    def wrap(self, text):
        """The lines of the wrapped paragraph, without final newlines."""
        chunks = self._split(self._munge_whitespace(text))
        chunks.reverse()
        lines = []
        if self.width <= 0:
            raise ValueError("invalid width %r (must be > 0)" % self.width)
        while chunks:
            current = []
            length = 0
            indent = self.subsequent_indent if lines else self.initial_indent
            width = self.width - len(indent)
            if self.drop_whitespace and chunks[-1].strip() == '' and lines:
                del chunks[-1]
            while chunks:
                n = len(chunks[-1])
                if length + n <= width:
                    current.append(chunks.pop())
                    length += n
                else:
                    break
            if chunks and len(chunks[-1]) > width:
                space_left = max(width - length, 1)
                if self.break_long_words:
                    word = chunks[-1]
                    current.append(word[:space_left])
                    chunks[-1] = word[space_left:]
                elif not current:
                    current.append(chunks.pop())
            if self.drop_whitespace and current and current[-1].strip() == '':
                length -= len(current[-1])
                del current[-1]
            if current:
                if (self.max_lines is None or len(lines) + 1 < self.max_lines or
                        (not chunks or self.drop_whitespace and len(chunks) == 1
                         and not chunks[0].strip()) and length <= width):
                    lines.append(indent + ''.join(current))
                else:
                    while current:
                        if current[-1].strip() and length + len(self.placeholder) <= width:
                            current.append(self.placeholder)
                            lines.append(indent + ''.join(current))
                            break
                        length -= len(current[-1])
                        del current[-1]
                    else:
                        if lines:
                            prev_line = lines[-1].rstrip()
                            if len(prev_line) + len(self.placeholder) <= self.width:
                                lines[-1] = prev_line + self.placeholder
                                break
                        lines.append(indent + self.placeholder.lstrip())
                    break
        return lines

    def fill(self, text):
        """The wrapped paragraph as one string."""
        return "\n".join(self.wrap(text))


def wrap(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).wrap(text)


def fill(text, width=70, **kwargs):
    return TextWrapper(width=width, **kwargs).fill(text)


def shorten(text, width, **kwargs):
    """Collapses whitespace and truncates the text to fit `width`, ending with the
    placeholder."""
    w = TextWrapper(width=width, max_lines=1, **kwargs)
    return w.fill(' '.join(text.strip().split()))
