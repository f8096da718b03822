with (a, b
