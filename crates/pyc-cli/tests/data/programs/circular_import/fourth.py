from third import VALUE3
VALUE = 4
