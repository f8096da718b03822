result = [a for a, b in [(1, 2)] if (b := 3)]
