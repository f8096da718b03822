from fourth import VALUE
VALUE3 = 3
