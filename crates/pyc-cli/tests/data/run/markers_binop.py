# Position markers under binary operations: the operator gets `^`, the operands `~`.
def none():
    return None


def text():
    return "t"


print("start")
try:
    total = 1 + text()
finally:
    try:
        value = none().real + 2
    finally:
        try:
            value = 2 + none().real
        finally:
            try:
                ratio = (1)  //  (0)
            finally:
                try:
                    power = 2 ** -1 ** "x"
                finally:
                    try:
                        tight = 1 +"x"
                    finally:
                        try:
                            spread = (1 +
                                      "x")
                        finally:
                            try:
                                nested = [1, 2] * 3 - 1
                            finally:
                                print(10 % 3 | "x")
