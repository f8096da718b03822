# while/for with else, break and continue.
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    print("while", i)
else:
    print("while finished without break")
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")
for ch in "abc":
    if ch == "b":
        print("found b")
        break
else:
    print("not printed")
total = 0
for x in [1, 2, 3, 4, 5, 6]:
    if x % 2:
        continue
    total += x
print("total", total)
while True:
    i -= 1
    if i < 2:
        break
print("i", i)
for _ in []:
    print("never")
else:
    print("empty loop else")
