0
123
1_000_000
0x_FF
0o17
0b1010
123456789012345678901234567890
1.5
1_000.5
.5
5.
1e10
1.5e-3
2E+2
'single'
"double"
'''triple
single'''
"""triple "double" """
'esc \n \t \\ \' \" \x41 \u00e9 \101 \0 end'
'line \
continued'
r'raw \n \d'
R"raw"
'adjacent' "strings" '''three'''
u'unicode prefix'
'unknown \q escape'
True
False
None
...
'héllo wörld'
