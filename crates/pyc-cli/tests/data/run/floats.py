# Float reprs and arithmetic.
print(0.1, 0.1 + 0.2, 1.0, -0.0, 1e16, 1e-5, 123456789.123)
print(1.5e300 * 1e10, 2.5, 1 / 3, 2 / 3)
print(float("inf"), float("-inf"), float("3.25"), float(7))
print(3.0 * 2, 7.5 // 2, 7.5 % 2, -7.5 // 2, 2 ** 0.5)
print(round(2.675, 2), round(0.5), round(1.5), round(-2.5), round(3.14159, 3))
print(int(3.99), int(-3.99), float(10 ** 20), 1e22, 1e15)
print(repr(1.0), str(2.0), 0.1 * 3, 100.0, 1234567890123456789.0)
print(1.0 == 1, 0.5 < 1, abs(-2.5), max(1.5, 2), min(-0.5, 0))
