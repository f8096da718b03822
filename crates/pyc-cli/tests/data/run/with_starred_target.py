# A lone starred target is refused by the compiler, not the parser.
print("x")
with a as *b:
    pass
