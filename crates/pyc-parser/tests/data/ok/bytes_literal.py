b'abc'
