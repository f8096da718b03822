x = '\xZZ' + 1
