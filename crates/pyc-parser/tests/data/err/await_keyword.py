await = 3
