f'{}'   # comment
