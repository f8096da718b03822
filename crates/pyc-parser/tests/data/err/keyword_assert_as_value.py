x = assert
