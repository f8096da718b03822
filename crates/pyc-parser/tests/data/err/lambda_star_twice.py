g = lambda *a, *b: 1
