async with a
    pass
