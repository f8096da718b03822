# return inside try/finally paths, and nested try.
def f1():
    try:
        return "from try"
    finally:
        print("f1 finally runs")

def f2():
    try:
        return "from try"
    finally:
        return "from finally"

def f3():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            print("body", i)
        finally:
            print("finally", i)
    return "done"

def f4():
    try:
        1 / 0
    except ZeroDivisionError:
        return "from except"
    finally:
        print("f4 finally runs")

def f5():
    try:
        try:
            raise KeyError("k")
        finally:
            print("inner finally")
    except KeyError as e:
        return "outer caught " + repr(e)

def f6():
    try:
        raise ValueError("lost")
    finally:
        return "finally swallowed the error"

print(f1())
print(f2())
print(f3())
print(f4())
print(f5())
print(f6())
