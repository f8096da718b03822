# async for in a comprehension at module level.
ys = [x async for x in xs]
