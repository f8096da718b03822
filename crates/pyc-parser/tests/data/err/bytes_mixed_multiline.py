x = (b'a'
     'b')
