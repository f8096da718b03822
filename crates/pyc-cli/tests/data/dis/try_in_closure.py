def safe_divider(default):
    def divide(a, b):
        try:
            return a / b
        except ZeroDivisionError as e:
            print("caught", e)
            return default
    return divide
