a = b'\x41\x7a\xff\101\0\n\t\\\'\"' rb'\x41\n' b"it's"
b = b'\u00e9\N{DASH}' B'\q' Rb"raw\\"
c = b'''two
lines''' b'con\
tinued'
