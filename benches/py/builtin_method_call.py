N = 1_000_000  # calls
# Method calls on builtin values: LOAD_METHOD + CALL of builtin method descriptors.
def run(n):
    stack = []
    seen = {}
    word = "abc"
    total = 0
    for i in range(n):
        stack.append(i)
        total += stack.pop()
        total += seen.get(i, 1)
        if word.isalpha():
            total += 1
    return total

print(run(N))
