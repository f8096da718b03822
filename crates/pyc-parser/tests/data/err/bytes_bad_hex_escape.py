x = b'ab\xZZ' + 1
