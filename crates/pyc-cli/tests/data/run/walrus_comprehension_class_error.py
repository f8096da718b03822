# An assignment expression in a comprehension may not bind in a class body.
print("never printed")


class Config:
    values = [v := i for i in range(3)]
