# input() and sys.stdin reading a NAME.stdin file.
import sys
name = input('Name? ')
print('Hello,', name)
print(repr(input()))
print(repr(sys.stdin.readline()))
print(repr(input('x')))
print(repr(sys.stdin.read(3)), repr(sys.stdin.readline()))
rest = sys.stdin.read()
print(repr(rest))
try:
    input('at end> ')
except EOFError as e:
    print('EOFError:', e)
print(repr(sys.stdin.readline()), repr(sys.stdin.read()))
input('final prompt')
