print(f'{x!z}', 1)
