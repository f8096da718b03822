print("first: start")
import second
NAME = "first"
print("first: end, second says", second.NAME)
