for src in ["x = 1", "x += 1", "del x", "import os", "pass", "a, b = 1, 2", "x.y = 3", "if x: pass", "1; 2", "x\ny"]:
    try:
        eval(src)
    except SyntaxError as e:
        print(repr(src), e.msg, e.lineno, e.offset)
