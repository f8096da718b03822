# A local read before assignment.
total = 10
def add_to_total(n):
    total = total + n
    return total
print("start")
add_to_total(5)
