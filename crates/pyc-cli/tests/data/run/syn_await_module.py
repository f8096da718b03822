# await at module level is outside any function.
x = 1
await x
