# Division by zero: caught forms, then an uncaught one.
for expr in [lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: 1.0 / 0, lambda: divmod(1, 0)]:
    try:
        expr()
    except ZeroDivisionError as e:
        print(e)
def average(xs):
    return sum(xs) / len(xs)
print(average([1, 2]))
print(average([]))
