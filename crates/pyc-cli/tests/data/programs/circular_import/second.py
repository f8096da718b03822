print("second: start")
import first
seen_first_name = getattr(first, "NAME", "not yet")
NAME = "second"
print("second: end")
