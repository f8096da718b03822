# Converting a huge int to str hits CPython's 4300-digit limit.
big = 7 ** 6000
print(big % 1000, big.bit_length())
print(len(str(10 ** 4299)))
print(len(str(big)))
